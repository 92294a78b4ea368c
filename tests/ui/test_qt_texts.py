"""Qt's own texts (standard buttons, the right-click menu of text fields) follow the interface
language: Vietnamese from `resources/translations/qt_vi.qm`, Qt's English otherwise."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from antq_desktop.resources import resource_path
from antq_desktop.ui import i18n


@pytest.fixture
def language(qapp: QApplication) -> Iterator[None]:
    before = i18n.language()
    yield
    i18n.install(qapp, before)


def buttons(qtbot: QtBot) -> list[str]:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Xóa",
        "Xóa Tổ 1?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    return sorted(button.text() for button in box.buttons())


def context_menu(qtbot: QtBot) -> list[str]:
    edit = QLineEdit("Nguyễn Văn An")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert menu is not None
    texts = [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]
    menu.deleteLater()
    return texts


@pytest.mark.usefixtures("language")
def test_standard_buttons_and_menus_speak_vietnamese(qapp: QApplication, qtbot: QtBot) -> None:
    i18n.install(qapp, "vi")
    assert buttons(qtbot) == ["&Có", "&Không", "Hủy"]
    menu = context_menu(qtbot)
    assert "&Dán" in menu
    assert "&Sao chép" in menu
    assert "Chọn tất cả" in menu


@pytest.mark.usefixtures("language")
def test_in_english_they_are_qts_own(qapp: QApplication, qtbot: QtBot) -> None:
    i18n.install(qapp, "en")
    assert buttons(qtbot) == ["&No", "&Yes", "Cancel"]
    assert "&Paste" in context_menu(qtbot)


def test_the_compiled_qt_texts_match_their_source() -> None:
    """qt_vi.qm is current: every entry of qt_vi.ts translates to its text (run
    `pyside6-lrelease resources/translations/qt_vi.ts -qm resources/translations/qt_vi.qm`)."""
    translator = QTranslator()
    assert translator.load(str(resource_path(*i18n.QT_TEXTS_FILE)))
    root = ElementTree.parse(resource_path("translations", "qt_vi.ts")).getroot()
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for entry in context.iter("message"):
            source, expected = entry.findtext("source"), entry.findtext("translation")
            assert name
            assert source
            assert expected
            assert translator.translate(name, source) == expected, (name, source)
            count += 1
    assert count >= 30
