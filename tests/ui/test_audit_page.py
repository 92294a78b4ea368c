"""Nhật ký thay đổi: the trail newest first, filtered, and one entry shown in full; read-only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from antq_desktop.domain.enums import AuditAction, ProgramKind, UnitLevel, UserRole
from antq_desktop.services import accounts, people, programs
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.audit_listing import AUDIT_LIST
from antq_desktop.services.listing import ListRequest
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import NewUnit, Workspace
from antq_desktop.ui import worker
from antq_desktop.ui.audit_page import AuditEntryDialog, AuditPage, value_text
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.paged_model import VALUE_ROLE

WARD = NewUnit("Phường 9", "27262", UnitLevel.WARD)
ADMIN_PASSWORD = "mat-khau-quan-tri"
OFFICER_PASSWORD = "canbo-12345"
COLUMNS = [column.key for column in AUDIT_LIST.columns]


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A protected record book: the administrator adds a program and renames it, and an officer
    adds a person; closed."""
    path = tmp_path / "ward.antqdb"
    admin = accounts.create_protected(
        path, WARD, NewAccount("admin", ADMIN_PASSWORD, "Nguyễn Quản Trị")
    )
    unit_id = get_unit_by_code(admin, "27262").id
    data = programs.ProgramInput(
        unit_id=unit_id, name="Tổ tự quản số 1", kind=ProgramKind.APARTMENT_BLOCK
    )
    program = programs.create_program(admin, data)
    programs.update_program(admin, program.id, replace(data, name="Tổ tự quản số 2"))
    accounts.add_account(
        admin, NewAccount("canbo", OFFICER_PASSWORD, "Lê Văn Cán", UserRole.OFFICER)
    )
    admin.close()
    officer = accounts.sign_in(path, "canbo", OFFICER_PASSWORD)
    people.create_person(
        officer, people.PersonInput(unit_id=unit_id, full_name="Trần Thị Bích Ngọc")
    )
    officer.close()
    return path


@pytest.fixture
def admin(book: Path) -> Iterator[Workspace]:
    workspace = accounts.sign_in(book, "admin", ADMIN_PASSWORD)
    yield workspace
    worker.wait_for_all()
    workspace.close()


@pytest.fixture
def page(qtbot: QtBot, admin: Workspace) -> AuditPage:
    page = AuditPage(admin, Changes(admin))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.load()
    return page


def column(page: AuditPage, key: str) -> list[str]:
    model = page.model
    return [model.index(row, COLUMNS.index(key)).data() for row in range(model.rowCount())]


def test_lists_the_whole_trail_newest_first(page: AuditPage, admin: Workspace) -> None:
    model = page.model
    assert model.rowCount() == AUDIT_LIST.count(admin, ListRequest()) > 5
    seqs = [int(model.record_id(row) or 0) for row in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)
    moments = [model.index(row, 0).data(VALUE_ROLE) for row in range(model.rowCount())]
    assert moments == sorted(moments, reverse=True)
    # the newest: the administrator's sign-in for this page, in local time dd/mm/yyyy HH:MM:SS
    assert column(page, "user")[0] == "admin"
    assert column(page, "action")[0] == "Đăng nhập"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", model.index(0, 0).data())
    assert page.count_label.text() == f"{model.rowCount()} dòng"
    # read-only: nothing to add or delete
    assert not page.new_button.isVisible()
    assert not page.delete_button.isVisible()


def test_the_details_column_reads_as_text_not_json(page: AuditPage) -> None:
    summaries = [page.summary_text(row) for row in range(page.model.rowCount())]
    assert not any("{" in text for text in summaries)
    assert "Tổ tự quản số 2: Tên" in summaries  # the rename: the record and the field changed
    assert "Trần Thị Bích Ngọc" in summaries  # the officer's new person
    assert summaries[0] == "Qua: cửa sổ chương trình"  # the sign-in
    assert value_text(120_000_000) == "120.000.000"  # money grouped, a year not
    assert value_text(2024) == "2024"
    assert value_text("2024-01-15") == "15/01/2024"
    assert value_text(None) == "(trống)"
    kinds = page.table.itemDelegateForColumn(COLUMNS.index("kind"))
    assert kinds.displayText("Program", QLocale()) == "Mô hình"  # the record kind in Vietnamese
    assert kinds.displayText("Person", QLocale()) == "Người"


def test_filter_by_user_and_by_action(page: AuditPage) -> None:
    users = [page.user_filter.itemText(i) for i in range(page.user_filter.count())]
    assert users == ["Tất cả", "admin", "canbo"]
    page.user_filter.setCurrentIndex(page.user_filter.findData("canbo"))
    assert page.model.rowCount() > 0
    assert set(column(page, "user")) == {"canbo"}
    assert {"Đăng nhập", "Thêm"} <= set(column(page, "action"))

    page.user_filter.setCurrentIndex(0)
    page.action_filter.set_value(AuditAction.UPDATE)
    assert page.model.rowCount() > 0
    assert set(column(page, "action")) == {"Sửa"}
    assert set(column(page, "user")) == {"admin"}

    page.user_filter.setCurrentIndex(page.user_filter.findData("canbo"))  # canbo changed nothing
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert "Không có dòng nào khớp" in page.empty_label.text()

    page.action_filter.setCurrentIndex(0)
    page.user_filter.setCurrentIndex(0)
    assert page.model.request.filters["user"] is None
    assert page.model.request.filters["action"] is None
    assert page.model.rowCount() > 5


def test_filter_by_dates_typed(qtbot: QtBot, page: AuditPage) -> None:
    everything = page.model.rowCount()
    today = date.today()
    qtbot.keyClicks(page.date_from.line_edit, (today + timedelta(days=1)).strftime("%d%m%Y"))
    assert page.model.request.filters["date_from"] == today + timedelta(days=1)
    assert page.model.rowCount() == 0
    page.date_from.line_edit.clear()
    qtbot.keyClicks(page.date_from.line_edit, today.strftime("%d%m%Y"))
    assert page.model.rowCount() == everything
    qtbot.keyClicks(page.date_to.line_edit, (today - timedelta(days=1)).strftime("%d%m%Y"))
    assert page.model.rowCount() == 0
    # a day that does not exist is marked and the list stays as it was
    page.date_to.line_edit.clear()
    qtbot.keyClicks(page.date_to.line_edit, "31022024")
    assert "c62828" in page.date_to.line_edit.styleSheet()
    assert page.model.rowCount() == 0
    page.date_to.line_edit.selectAll()
    qtbot.keyClick(page.date_to.line_edit, Qt.Key.Key_Backspace)  # emptied by the person
    assert page.date_to.is_blank()
    assert page.date_to.line_edit.styleSheet() == ""
    assert page.model.request.filters["date_to"] is None
    assert page.model.rowCount() == everything


def test_enter_shows_an_update_from_old_to_new(
    qtbot: QtBot, page: AuditPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.action_filter.set_value(AuditAction.UPDATE)
    row = next(
        row
        for row in range(page.model.rowCount())
        if page.summary_text(row).startswith("Tổ tự quản số 2")
    )
    page.table.selectRow(row)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, AuditEntryDialog)
    assert dialog.isVisible()
    assert "Tên: Tổ tự quản số 1 → Tổ tự quản số 2" in dialog.text().splitlines()
    assert dialog.values["label"].text() == "Tổ tự quản số 2"
    assert dialog.values["action"].text() == "Sửa"
    assert dialog.values["user"].text() == "admin"
    assert dialog.values["kind"].text() == "Mô hình"
    dialog.reject()
    assert not dialog.isVisible()
    # the trail is never changed from here: Ctrl+N and Delete do nothing
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked to delete"))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.dialog is dialog


def test_a_created_record_shows_its_first_values(page: AuditPage) -> None:
    page.user_filter.setCurrentIndex(page.user_filter.findData("canbo"))
    page.action_filter.set_value(AuditAction.CREATE)
    assert page.model.rowCount() == 1
    page.select_first()
    page.edit_current()
    dialog = page.dialog
    assert isinstance(dialog, AuditEntryDialog)
    assert "Họ và tên: Trần Thị Bích Ngọc" in dialog.text().splitlines()
    assert "→" not in dialog.text()
    dialog.reject()


def test_an_officer_is_told_the_trail_is_not_theirs(qtbot: QtBot, book: Path) -> None:
    officer = accounts.sign_in(book, "canbo", OFFICER_PASSWORD)
    try:
        page = AuditPage(officer, Changes(officer))
        qtbot.addWidget(page)
        page.show()
        page.load()
        assert page.empty_label.isVisible()
        assert "không có quyền xem nhật ký thay đổi" in page.empty_label.text()
        assert not page.table.isVisible()
    finally:
        worker.wait_for_all()
        officer.close()
