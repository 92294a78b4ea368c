"""Save screenshots of the window for the docs and for a person to look at layouts.

    python docs/make_screenshots.py [--lang vi|en] [--out docs/screenshots]

Builds a throw-away demo record book (hcmc-2023, seen as on 20/12/2023), opens the main window
offscreen at 1280×800 and saves every section once its rows are read (`overview.png`,
`programs.png`, …, `reports.png` with its preview, `audit.png`, `accounts.png`,
`report-settings.png` for the report and signing settings), the sign-in dialog after a wrong
password, the shift entry and a 5+1 case editor, the Đồng bộ page after a ward's bundle came in
(`sync-import.png`, `sync-conflicts.png`, `sync-duplicates.png`, `sync-history.png`,
`sync-peers.png`, `sync-export.png`, and `sync-new-sender.png` for a bundle from an unknown ward),
the first and the signed page of an issued report (`report-page1.png`, `report-signature.png`),
then the first-run dialog with a refused unit code as `create.png`.
English ones get an `-en` suffix. `--only sync` makes the Đồng bộ ones alone.
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

from antq_desktop.domain.enums import ProgramKind, UnitLevel
from antq_desktop.services import accounts, people, programs, settings
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.demo import build_demo
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace
from antq_desktop.sync import exporter, importer
from antq_desktop.sync import peers as sync_peers
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


class SyncScene:
    """Phường 09's own record book exchanging bundles with the city's (the demo), and a bundle
    from Phường 13, a ward the city does not know yet."""

    def __init__(self, city: Workspace, folder: Path, today: date) -> None:
        district = NewUnit("Quận 4", "773", UnitLevel.DISTRICT, "Quận 4")
        self.ward = ward = create_workspace(
            folder / "phuong-09.antqdb",
            NewUnit("Phường 09", "27262", UnitLevel.WARD, "Phường 9"),
            superior_unit=district,
            user="canbo.p9",
            officer_name="Lê Thị Thu Hà",
            today=lambda: today,
        )
        self.stranger = stranger = create_workspace(
            folder / "phuong-13.antqdb",
            NewUnit("Phường 13", "27259", UnitLevel.WARD, "Phường 13"),
            superior_unit=district,
            user="canbo.p13",
            today=lambda: today,
        )
        for giver, taker in ((city, ward), (ward, city)):
            card = folder / f"{giver.path.stem}.antqid"
            sync_peers.export_identity(giver, card)
            sync_peers.import_identity(taker, card)
        self.ward_site = ward.site_id
        down = folder / "79-to-27262.antqsync"
        exporter.export_bundle(city, down, to="27262", full=True)
        importer.import_bundle(ward, down)

        own = settings.get_setting(ward, settings.OWN_UNIT_ID)
        person = people.search_people(ward, unit_ids=[own], limit=1)[0]
        people.update_person(
            city, person.id, as_input(person, address="12 Hoàng Diệu, Phường 9, Quận 4")
        )
        people.update_person(
            ward, person.id, as_input(person, address="12A Hoàng Diệu, Phường 9, Quận 4")
        )
        other_ward = get_unit_by_code(city, "27265").id
        twin = people.search_people(city, unit_ids=[other_ward], limit=1)[0]
        people.create_person(
            ward, as_input(twin, unit_id=own, address=twin.address.replace("Phường 6", "Phường 9"))
        )
        people.create_person(
            ward, people.PersonInput(own, "Trương Thị Mỹ Linh", address="48 Tôn Thất Thuyết")
        )
        programs.create_program(
            ward,
            programs.ProgramInput(
                own, "Tổ tự quản chung cư H2 Hoàng Diệu", ProgramKind.HOUSEHOLD_GROUP
            ),
        )
        self.ward_bundle = folder / "27262-to-79.antqsync"
        exporter.export_bundle(ward, self.ward_bundle, to="79")
        stranger_unit = settings.get_setting(stranger, settings.OWN_UNIT_ID)
        people.create_person(stranger, people.PersonInput(stranger_unit, "Phan Văn Tài"))
        self.stranger_bundle = folder / "27259.antqsync"
        exporter.export_bundle(stranger, self.stranger_bundle)

    def close(self) -> None:
        self.ward.close()
        self.stranger.close()


def as_input(view: people.PersonView, **changes: str) -> people.PersonInput:
    """A person as recorded, with some fields changed (`unit_id`, `address`)."""
    return people.PersonInput(
        changes.get("unit_id", view.unit_id), view.full_name, view.gender, view.birth_date,
        view.citizen_id, view.phone, changes.get("address", view.address), view.notes,
    )  # fmt: skip


def shoot_sync(workspace: Workspace, out: Path, suffix: str, folder: Path) -> None:
    """The Đồng bộ page of the city after Phường 09 sent its bundle: new records, an address
    edited in both places (a conflict) and a person also recorded by Phường 06 (to merge)."""
    scene = SyncScene(workspace, folder, DEMO_TODAY)
    try:
        window = MainWindow(workspace)
        window.resize(*SIZE)
        window.start()
        window.navigation.setCurrentRow(window.pages.indexOf(window.sync))
        page = window.sync
        wait_until(lambda: worker.wait_for_all(50))
        page.show_tab(page.import_panel)
        page.import_panel.import_files([scene.ward_bundle])
        wait_until(lambda: worker.wait_for_all(50) and not page.import_panel.busy)
        save(window, out / f"sync-import{suffix}.png")
        for panel, name in (
            (page.conflicts, "sync-conflicts"),
            (page.duplicates, "sync-duplicates"),
            (page.history, "sync-history"),
            (page.peers, "sync-peers"),
        ):
            page.show_tab(panel)
            wait_until(lambda: worker.wait_for_all(50))
            if panel is page.duplicates and page.duplicates.groups:
                page.duplicates.select_person(page.duplicates.groups[0].people[0].id)
            save(window, out / f"{name}{suffix}.png")
        export = page.export_panel
        page.show_tab(export)
        export.folder.setText(str(folder))
        export.recipient.setCurrentIndex(export.recipient.findData(scene.ward_site))
        export.export_button.click()
        wait_until(lambda: worker.wait_for_all(50) and export.result is not None)
        save(window, out / f"sync-export{suffix}.png")
        page.show_tab(page.import_panel)
        page.import_panel.import_files([scene.stranger_bundle])
        wait_until(lambda: worker.wait_for_all(50) and page.import_panel.dialog is not None)
        dialog = page.import_panel.dialog
        assert dialog is not None
        save(dialog, out / f"sync-new-sender{suffix}.png")
        dialog.reject()
        wait_until(lambda: worker.wait_for_all(50) and not page.import_panel.busy)
        window.close()
    finally:
        scene.close()


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
    parser.add_argument("--only", choices=("all", "sync"), default="all")
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
            if args.only == "all":
                shoot_window(workspace, args.out, suffix)
            shoot_sync(workspace, args.out, suffix, Path(folder))
            if args.lang == "vi" and args.only == "all":  # an official document: in Vietnamese
                shoot_report(workspace, args.out, Path(folder))
        finally:
            worker.wait_for_all()
            workspace.close()
        if args.only != "all":
            return 0

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
