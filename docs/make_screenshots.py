"""Save screenshots of the window for the docs and for a person to look at layouts.

    python docs/make_screenshots.py [--lang vi|en] [--out docs/screenshots]

Builds a throw-away demo record book (hcmc-2023, shown since 2015), opens the main window
offscreen at 1280×800, waits for the figures and saves `overview.png`, a section still to come
as `later.png`, then the first-run dialog with a refused unit code as `create.png`. English
ones get an `-en` suffix.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from antq_desktop.services.demo import build_demo
from antq_desktop.services.workspace import open_workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.app import ORGANISATION, apply_vietnamese_font
from antq_desktop.ui.create_dialog import CreateWorkspaceDialog
from antq_desktop.ui.main_window import APP_NAME, MainWindow

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


def save(widget: QWidget, path: Path) -> None:
    wait_until(lambda: True)  # let pending layout and paint events run
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    print(path)


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
        path = Path(folder) / "screenshots.antqdb"
        build_demo(path)
        workspace = open_workspace(path)
        try:
            window = MainWindow(workspace)
            window.resize(*SIZE)
            done: list[bool] = []
            window.overview.computed.connect(lambda: done.append(True))
            window.overview.failed.connect(lambda: done.append(False))
            window.start()
            wait_until(lambda: bool(done))
            done.clear()  # the demo's years need not include today's quarter: show them all
            window.overview.since_button.click()
            wait_until(lambda: bool(done))
            if not done[0]:
                raise RuntimeError("the figures could not be computed")
            save(window, args.out / f"overview{suffix}.png")
            window.navigation.setCurrentRow(6)  # Báo cáo: a section that comes later
            save(window, args.out / f"later{suffix}.png")
            window.close()
        finally:
            workspace.close()

        dialog = CreateWorkspaceDialog(Path(folder) / "new.antqdb")
        for field, text in (("name", "Phường 9"), ("code", "27a62"), ("place_name", "")):
            dialog.editor(field).setText(text)
        dialog.editor("superior_name").setText("Quận 4")
        dialog.editor("superior_code").setText("773")
        dialog.editor("officer_name").setText("Nguyễn Văn An")
        dialog.editor("officer_title").setText("Phó Trưởng Công an phường")
        dialog.show()
        dialog.ok_button.click()
        wait_until(lambda: dialog.ok_button.isEnabled())
        save(dialog, args.out / f"create{suffix}.png")
        if dialog.workspace is not None:
            dialog.workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
