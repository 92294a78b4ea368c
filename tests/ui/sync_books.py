"""Fixtures of the Đồng bộ tests: a ward's and a district's record books, the page of each, and
stand-ins for the file dialogs and the confirmations.

Import them into a test module: `from sync_books import books_fixture, dialogs_fixture, ...`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from antq_desktop.domain.enums import ProgramKind, UnitLevel
from antq_desktop.services import settings
from antq_desktop.services.people import PersonInput, PersonView, create_person
from antq_desktop.services.programs import ProgramInput, create_program
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace
from antq_desktop.ui import worker
from antq_desktop.ui.sync_page import SyncPage

CITIZEN_ID = "079123456789"
WARD_CODE, DISTRICT_CODE = "27001", "773"


@dataclass
class Books:
    ward: Workspace
    district: Workspace
    usb: Path
    """The folder bundles and identity cards go through."""
    person: PersonView
    """Nguyễn Văn An, recorded by the ward, with a citizen ID."""


@pytest.fixture(name="books")
def books_fixture(tmp_path: Path) -> Iterator[Books]:
    ward = create_workspace(
        tmp_path / "ward.antqdb",
        NewUnit("Phường 1", WARD_CODE, UnitLevel.WARD),
        superior_unit=NewUnit("Quận 4", DISTRICT_CODE, UnitLevel.DISTRICT),
    )
    district = create_workspace(
        tmp_path / "district.antqdb",
        NewUnit("Quận 4", DISTRICT_CODE, UnitLevel.DISTRICT),
        superior_unit=NewUnit("Thành phố Hồ Chí Minh", "79", UnitLevel.PROVINCE),
    )
    own = settings.get_setting(ward, settings.OWN_UNIT_ID)
    person = create_person(ward, PersonInput(own, "Nguyễn Văn An", citizen_id=CITIZEN_ID))
    create_program(ward, ProgramInput(own, "Tổ tự quản khu phố 1", ProgramKind.HOUSEHOLD_GROUP))
    usb = tmp_path / "usb"
    usb.mkdir()
    yield Books(ward, district, usb, person)
    worker.wait_for_all()
    ward.close()
    district.close()


PageFor = Callable[[Workspace], SyncPage]


@pytest.fixture(name="page_for")
def page_for_fixture(qtbot: QtBot) -> PageFor:
    """The Đồng bộ page of a book, shown and read."""

    def make(workspace: Workspace) -> SyncPage:
        page = SyncPage(workspace)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        page.load()
        return page

    return make


class Dialogs:
    """Stand-ins for the file dialogs and the yes/no questions: what they answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.save_path: Path | None = None
        self.open_path: Path | None = None
        self.open_paths: list[Path] = []
        self.folder: Path | None = None
        self.answer = QMessageBox.StandardButton.Yes
        self.questions: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save_name)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open_name)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self._open_names)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._directory)
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _save_name(self, *_args: object) -> tuple[str, str]:
        return (str(self.save_path) if self.save_path else "", "")

    def _open_name(self, *_args: object) -> tuple[str, str]:
        return (str(self.open_path) if self.open_path else "", "")

    def _open_names(self, *_args: object) -> tuple[list[str], str]:
        return ([str(path) for path in self.open_paths], "")

    def _directory(self, *_args: object) -> str:
        return str(self.folder) if self.folder else ""

    def _question(self, _parent: object, _title: str, text: str, *_args: object) -> object:
        self.questions.append(text)
        return self.answer


@pytest.fixture(name="dialogs")
def dialogs_fixture(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


def trust_card(dialogs: Dialogs, giver: SyncPage, taker: SyncPage, usb: Path) -> str:
    """`giver` exports its identity card, `taker` imports and trusts it; the fingerprint shown."""
    dialogs.save_path = usb / f"{giver.workspace.path.stem}.antqid"
    giver.peers.export_button.click()
    dialogs.open_path = dialogs.save_path
    taker.tabs.setCurrentWidget(taker.peers)
    taker.peers.import_button.click()
    dialog = taker.peers.dialog
    assert dialog is not None
    assert dialog.isVisible()
    shown = dialog.fingerprint.text()
    dialog.accept_button.click()
    return shown


def export_through(page: SyncPage, dialogs: Dialogs, usb: Path, to: str = "") -> Path:
    """Export from `page` for the peer with site id `to` ("" : nobody) into `usb`."""
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    dialogs.folder = usb
    panel.findChild(type(panel.export_button), "export.choose_folder").click()
    panel.recipient.setCurrentIndex(panel.recipient.findData(to))
    panel.export_button.click()
    assert panel.result is not None, panel.error.text()
    return panel.result.path
