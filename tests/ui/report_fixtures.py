"""Fixtures of the Báo cáo tests: a signing identity, the settings that use it, the page, and
stand-ins for the file and password dialogs.

Import them into a test module: `from report_fixtures import identity_fixture, ...`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from antq_desktop.reports.identity import create_identity
from antq_desktop.services.report_settings import ReportSettings, save_report_settings
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.reports_page import ReportsPage

PASSPHRASE = "mat-khau-chu-ky"


@pytest.fixture(name="identity", scope="module")
def identity_fixture(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A signing identity (.p12) and its certificate (.pem), made once: an RSA key takes time."""
    folder = tmp_path_factory.mktemp("identity")
    p12 = folder / "nguyen-van-an.p12"
    pem = create_identity(p12, "Nguyễn Văn An", "Công an Phường 9", PASSPHRASE)
    certificate = folder / "nguyen-van-an.pem"
    certificate.write_bytes(pem)
    return p12, certificate


@pytest.fixture(name="signing")
def signing_fixture(sample_workspace: Workspace, identity: tuple[Path, Path]) -> Path:
    """The settings sign with the test identity and trust its certificate."""
    p12, certificate = identity
    save_report_settings(
        sample_workspace,
        ReportSettings(p12_path=str(p12), trusted_certificates=str(certificate)),
    )
    return p12


@pytest.fixture(name="page")
def page_fixture(qtbot: QtBot, sample_workspace: Workspace) -> ReportsPage:
    page = ReportsPage(sample_workspace)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.load()
    return page


class Dialogs:
    """Stand-ins for the file and password dialogs: what they answer, and how often asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        self.path: Path = folder / "bao-cao.pdf"
        self.secret: str | None = PASSPHRASE
        self.open_path: Path | None = None
        """What "open a file" answers (None: cancelled)."""
        self.paths_asked: list[str] = []
        self.prompts: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save_name)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open_name)
        monkeypatch.setattr(QInputDialog, "getText", self._text)

    def _save_name(self, _parent: object, _title: str, suggested: str, _filter: str) -> tuple:
        self.paths_asked.append(suggested)
        return (str(self.path), "")

    def _open_name(self, _parent: object, _title: str, _folder: str, _filter: str) -> tuple:
        return (str(self.open_path) if self.open_path else "", "")

    def _text(self, _parent: object, _title: str, prompt: str, _echo: object) -> tuple:
        self.prompts.append(prompt)
        return (self.secret or "", self.secret is not None)


@pytest.fixture(name="dialogs")
def dialogs_fixture(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Dialogs:
    folder = tmp_path / "out"
    folder.mkdir()
    return Dialogs(monkeypatch, folder)
