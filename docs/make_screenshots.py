"""Save screenshots of the window for the docs and for a person to look at layouts.

    python docs/make_screenshots.py [--lang vi|en] [--out docs/screenshots]

Builds a throw-away demo record book (hcmc-2023, seen as on 20/12/2023), opens the main window
offscreen at 1280×800 and saves every section once its rows are read (`overview.png`,
`programs.png`, …, `reports.png` with its preview, `later.png` for a section still to come,
`audit.png`, `accounts.png`, `report-settings.png` for the report and signing settings), the
sign-in dialog after a wrong password, the shift entry and a 5+1 case editor, the first and the
signed page of an issued report (`report-page1.png`, `report-signature.png`), then the first-run
dialog with a refused unit code as `create.png`.
English ones get an `-en` suffix.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from antq_desktop.services import accounts
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.demo import build_demo
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n, worker
from antq_desktop.ui.app import ORGANISATION, apply_vietnamese_font
from antq_desktop.ui.create_dialog import CreateWorkspaceDialog
from antq_desktop.ui.main_window import APP_NAME, MainWindow
from antq_desktop.ui.paged_model import PagedTableModel
from antq_desktop.ui.sign_in import SignInDialog

REPO = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)


def wait_until(condition: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError("the window did not finish in time")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def settle(milliseconds: int = 400) -> None:
    """Let finished jobs deliver their results, and layout and paint events run."""
    deadline = QDeadlineTimer(milliseconds)
    while not deadline.hasExpired():
        worker.wait_for_all(20)
        QCoreApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    print(path)


DEMO_TODAY = date(2023, 12, 20)
"""The demo's story ends in 2023: the window is shown as on a day near its end."""
SECTIONS = {
    1: "programs",
    2: "groups",
    3: "patrols",
    4: "rehab",
    5: "evaluations",
    6: "reports",
    8: "settings",
    9: "audit",
    10: "accounts",
}
PASSWORD = "mat-khau-demo"


def shoot_window(workspace: Workspace, out: Path, suffix: str) -> None:
    window = MainWindow(workspace)
    window.resize(*SIZE)
    done: list[bool] = []
    window.overview.computed.connect(lambda: done.append(True))
    window.overview.failed.connect(lambda: done.append(False))
    window.start()
    wait_until(lambda: bool(done))
    if not done[0]:
        raise RuntimeError("the figures could not be computed")
    save(window, out / f"overview{suffix}.png")
    for number, name in SECTIONS.items():
        window.navigation.setCurrentRow(number)
        page = window.pages.currentWidget()
        model = getattr(page, "model", None)
        if isinstance(model, PagedTableModel):
            wait_until(partial(getattr, model, "counted"))
        if page is window.reports:  # the preview is made when the page first opens
            wait_until(lambda: getattr(window.reports, "preview_shown", None) is not None)
        wait_until(lambda: worker.wait_for_all(50))
        save(window, out / f"{name}{suffix}.png")
    settings = window.settings_page
    window.navigation.setCurrentRow(8)
    settings.scroll_area.ensureWidgetVisible(settings.report_settings, 0, 0)
    settings.scroll_area.verticalScrollBar().setValue(settings.report_settings.y())
    save(window, out / f"report-settings{suffix}.png")
    window.navigation.setCurrentRow(7)  # Đồng bộ: a section that comes later
    save(window, out / f"later{suffix}.png")
    shoot_dialogs(window, out, suffix)
    window.close()


def shoot_dialogs(window: MainWindow, out: Path, suffix: str) -> None:
    """The shift entry (a new shift of a group with members) and an open 5+1 case."""
    window.navigation.setCurrentRow(3)
    window.patrols.new_record()
    wait_until(lambda: worker.wait_for_all(50))
    dialog = window.patrols.dialog
    if dialog is not None:
        dialog.resize(760, 720)
        save(dialog, out / f"shift-entry{suffix}.png")
        dialog.mark_clean()
        dialog.reject()
    window.navigation.setCurrentRow(4)
    rehab = window.rehab
    assert rehab is not None  # the administrator may read the files
    rehab.select_first()
    rehab.edit_current()
    wait_until(lambda: worker.wait_for_all(50) and rehab.dialog is not None)
    case_dialog = rehab.dialog
    if case_dialog is not None:
        wait_until(lambda: worker.wait_for_all(50))
        case_dialog.resize(860, 900)
        save(case_dialog, out / f"case{suffix}.png")
        case_dialog.mark_clean()
        case_dialog.reject()


def shoot_report(workspace: Workspace, out: Path, folder: Path) -> None:
    """Issue Quận 4's report for Q4/2023 with a personal signing identity and render its first page
    and the page with the signature, as a reader sees them."""
    import pypdfium2  # type: ignore[import-untyped]

    from antq_desktop.domain.periods import Period
    from antq_desktop.reports.identity import create_identity
    from antq_desktop.reports.issue import issue_report
    from antq_desktop.reports.signing import open_pkcs12
    from antq_desktop.services.report_content import ReportRequest, gather_report

    p12 = folder / "chu-ky.p12"
    create_identity(p12, "Nguyễn Thành Trung", "Công an Quận 4", PASSWORD)
    request = ReportRequest(
        "773",
        Period.quarter(2023, 4),
        proposals="Đề nghị tiếp tục hỗ trợ kinh phí duy trì các tổ tự quản chung cư.",
    )
    with open_pkcs12(p12, PASSWORD) as identity:
        issued = issue_report(
            workspace, gather_report(workspace, request), folder / "bc.pdf", identity
        )
    document = pypdfium2.PdfDocument(str(issued.path))
    document.init_forms()  # the signature's appearance is a form field
    for index, name in ((0, "report-page1"), (3, "report-signature")):
        if index < len(document):
            image = document[index].render(scale=1.4, may_draw_forms=True).to_pil()
            image.save(out / f"{name}.png")
            print(out / f"{name}.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    suffix = "" if args.lang == "vi" else f"-{args.lang}"
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    i18n.install(app, args.lang)
    print(f"font: {apply_vietnamese_font(app)}")

    with tempfile.TemporaryDirectory() as folder:
        # A clean window state: column widths the person once set must not leak into the docs.
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
        path = Path(folder) / "screenshots.antqdb"
        build_demo(path, admin=NewAccount("admin", PASSWORD, "Nguyễn Thành Trung"))
        sign_in = SignInDialog(path)
        sign_in.password.setText("sai-mat-khau")
        sign_in.show()
        sign_in.ok_button.click()
        save(sign_in, args.out / f"sign-in{suffix}.png")
        sign_in.reject()
        workspace = accounts.sign_in(path, "admin", PASSWORD, today=lambda: DEMO_TODAY)
        try:
            shoot_window(workspace, args.out, suffix)
            if args.lang == "vi":  # the report is an official document: always Vietnamese
                shoot_report(workspace, args.out, Path(folder))
        finally:
            worker.wait_for_all()
            workspace.close()

        dialog = CreateWorkspaceDialog(Path(folder) / "new.antqdb")
        for field, text in (("name", "Phường 9"), ("code", "27a62"), ("place_name", "")):
            dialog.editor(field).setText(text)
        dialog.editor("superior_name").setText("Quận 4")
        dialog.editor("superior_code").setText("773")
        dialog.editor("officer_name").setText("Nguyễn Văn An")
        dialog.editor("officer_title").setText("Phó Trưởng Công an phường")
        dialog.editor("password").setText(PASSWORD)
        dialog.editor("password_again").setText(PASSWORD)
        dialog.show()
        dialog.ok_button.click()
        wait_until(lambda: dialog.ok_button.isEnabled())
        save(dialog, args.out / f"create{suffix}.png")
        if dialog.workspace is not None:
            dialog.workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
