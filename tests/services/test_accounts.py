"""Accounts, roles, encryption at rest and the audit trail, through the services."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from service_testing import TODAY

from antq_desktop.domain.enums import AuditAction, RehabCategory, UnitLevel, UserRole
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import accounts, audit, audit_listing, backups, file_check, people, rehab
from antq_desktop.services.accounts import AccountError, NewAccount
from antq_desktop.services.listing import ListRequest
from antq_desktop.services.permissions import PermissionDenied
from antq_desktop.services.rehab_listing import CASE_LIST
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import NewUnit, StoreError, Workspace, create_workspace
from antq_desktop.store import files, keyring, sqlcipher

WARD = NewUnit("Phường 9", "27262", UnitLevel.WARD)
ADMIN_PASSWORD = "mat-khau-quan-tri"
NAME = "Trần Thị Bích Ngọc"
CITIZEN_ID = "079190001234"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A protected record book with one person and one rehabilitation case; closed."""
    path = tmp_path / "ward.antqdb"
    ws = accounts.create_protected(
        path, WARD, NewAccount("Admin", ADMIN_PASSWORD, "Nguyễn Quản Trị"), today=lambda: TODAY
    )
    unit_id = get_unit_by_code(ws, "27262").id
    person = people.create_person(
        ws,
        people.PersonInput(
            unit_id=unit_id, full_name=NAME, citizen_id=CITIZEN_ID, birth_date=date(1990, 5, 1)
        ),
    )
    rehab.create_case(
        ws,
        rehab.CaseInput(
            unit_id=unit_id,
            person_id=person.id,
            category=RehabCategory.AFTER_PRISON,
            opened_on=date(2023, 3, 1),
        ),
    )
    for username, role in (("canbo", UserRole.OFFICER), ("xem", UserRole.VIEWER)):
        accounts.add_account(ws, NewAccount(username, f"{username}-12345", "", role))
    ws.close()
    return path


def sign_in(path: Path, username: str, password: str) -> Workspace:
    return accounts.sign_in(path, username, password, today=lambda: TODAY)


# --- encryption at rest ---------------------------------------------------------------------------


def test_the_file_holds_no_readable_name_or_citizen_id(book: Path) -> None:
    data = (
        book.read_bytes() + Path(f"{book}-wal").read_bytes()
        if Path(f"{book}-wal").exists()
        else book.read_bytes()
    )
    assert not data.startswith(sqlcipher.SQLITE_HEADER)
    for secret in (NAME, CITIZEN_ID, "Phường 9", "Nguyễn Quản Trị"):
        assert secret.encode("utf-8") not in data
    keys = keyring.keyring_path(book).read_text(encoding="utf-8")
    assert ADMIN_PASSWORD not in keys
    assert "wrapped_key" in keys


def test_any_user_opens_the_file_with_their_own_password(book: Path) -> None:
    for username, password in (("admin", ADMIN_PASSWORD), ("canbo", "canbo-12345")):
        ws = sign_in(book, username, password)
        assert [p.full_name for p in people.search_people(ws)] == [NAME]
        ws.close()


def test_a_plain_file_is_encrypted_after_a_backup_and_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "old.antqdb"
    plain = create_workspace(path, WARD, today=lambda: TODAY)
    unit_id = get_unit_by_code(plain, "27262").id
    people.create_person(plain, people.PersonInput(unit_id=unit_id, full_name=NAME))
    plain.close()
    assert path.read_bytes().startswith(sqlcipher.SQLITE_HEADER)

    ws = accounts.protect(path, NewAccount("admin", ADMIN_PASSWORD), today=lambda: TODAY)
    try:
        assert [p.full_name for p in people.search_people(ws)] == [NAME]
        assert ws.encrypted
        assert ws.role is UserRole.ADMIN
    finally:
        ws.close()
    assert accounts.is_protected(path)
    assert NAME.encode() not in path.read_bytes()
    made = backups.list_backups(tmp_path / "backups", "old")
    assert len(made) == 1
    assert not made[0].path.read_bytes().startswith(sqlcipher.SQLITE_HEADER)
    assert keyring.keyring_path(made[0].path).is_file()
    assert list(tmp_path.glob(".*encrypting*")) == []


def test_backups_are_encrypted_and_carry_their_key_file(book: Path, tmp_path: Path) -> None:
    ws = sign_in(book, "admin", ADMIN_PASSWORD)
    folder = tmp_path / "usb"
    folder.mkdir()
    made = backups.back_up(ws, folder, now=datetime(2024, 1, 15, 17, 0))
    ws.close()
    assert NAME.encode() not in made.read_bytes()
    assert keyring.keyring_path(made).is_file()
    key = accounts.unlock(book, "admin", ADMIN_PASSWORD)
    assert file_check.check(made, key).ok


def test_a_corrupted_encrypted_backup_is_refused_and_nothing_changes(
    book: Path, tmp_path: Path
) -> None:
    ws = sign_in(book, "admin", ADMIN_PASSWORD)
    folder = tmp_path / "usb"
    folder.mkdir()
    made = backups.back_up(ws, folder, now=datetime(2024, 1, 15, 17, 0))
    ws.close()
    data = bytearray(made.read_bytes())
    data[5000:5100] = b"\x00" * 100
    made.write_bytes(bytes(data))
    before = book.read_bytes()
    key = accounts.unlock(book, "admin", ADMIN_PASSWORD)
    with pytest.raises(backups.BackupError):
        backups.restore(made, book, key=key)
    assert book.read_bytes() == before


# --- sign-in and lockout --------------------------------------------------------------------------


def test_a_wrong_password_is_refused_with_the_tries_left(book: Path) -> None:
    with pytest.raises(AccountError) as raised:
        sign_in(book, "admin", "not-the-password")
    assert raised.value.message.key == "account.wrong_password"
    assert "4" in raised.value.render("vi")
    with pytest.raises(AccountError) as unknown:
        sign_in(book, "nobody", ADMIN_PASSWORD)
    assert unknown.value.message.key == "account.unknown_or_wrong"


def test_five_wrong_passwords_lock_the_account_for_a_while(book: Path) -> None:
    start = datetime(2024, 1, 15, 8, 0, tzinfo=UTC)
    for attempt in range(accounts.MAX_FAILURES):
        with pytest.raises(AccountError):
            accounts.unlock(book, "canbo", "wrong-password", now=start + timedelta(seconds=attempt))
    with pytest.raises(AccountError) as locked:  # even the right password, while locked
        accounts.unlock(book, "canbo", "canbo-12345", now=start + timedelta(minutes=5))
    assert locked.value.message.key == "account.locked"
    assert "phút" in locked.value.render("vi")
    later = start + timedelta(minutes=accounts.LOCK_MINUTES + 1)
    assert accounts.unlock(book, "canbo", "canbo-12345", now=later)
    # the other accounts were never locked
    assert accounts.unlock(book, "admin", ADMIN_PASSWORD, now=start + timedelta(minutes=5))


def test_wrong_passwords_reach_the_audit_trail_at_the_next_sign_in(book: Path) -> None:
    with pytest.raises(AccountError):
        sign_in(book, "canbo", "wrong-password")
    ws = sign_in(book, "canbo", "canbo-12345")
    ws.close()
    admin = sign_in(book, "admin", ADMIN_PASSWORD)
    try:
        entries = audit_listing.AUDIT_LIST.page(admin, ListRequest(filters={"user": "canbo"}), 0)
        actions = {row.values[2] for row in entries}
        assert {AuditAction.LOGIN_FAILED, AuditAction.LOGIN} <= actions
    finally:
        admin.close()


def test_a_disabled_account_cannot_sign_in_and_the_last_admin_stays(book: Path) -> None:
    ws = sign_in(book, "admin", ADMIN_PASSWORD)
    accounts.update_account(ws, "canbo", full_name="", role=UserRole.OFFICER, active=False)
    with pytest.raises(AccountError) as last:
        accounts.update_account(ws, "admin", full_name="", role=UserRole.VIEWER, active=True)
    assert last.value.message.key == "account.last_admin"
    ws.close()
    with pytest.raises(AccountError):
        sign_in(book, "canbo", "canbo-12345")


def test_changing_a_password_does_not_re_encrypt_the_file(book: Path) -> None:
    before = book.read_bytes()[:4096]
    ws = sign_in(book, "canbo", "canbo-12345")
    with pytest.raises(AccountError):
        accounts.change_own_password(ws, "wrong-password", "moi-12345678")
    with pytest.raises(ValidationFailed):
        accounts.change_own_password(ws, "canbo-12345", "short")
    accounts.change_own_password(ws, "canbo-12345", "moi-12345678")
    ws.close()
    assert book.read_bytes()[:4096] == before
    sign_in(book, "canbo", "moi-12345678").close()
    with pytest.raises(AccountError):
        sign_in(book, "canbo", "canbo-12345")


def test_a_key_file_from_another_book_is_refused_clearly(book: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.antqdb"
    accounts.create_protected(other, WARD, NewAccount("admin", ADMIN_PASSWORD)).close()
    keyring.keyring_path(other).replace(keyring.keyring_path(book))
    with pytest.raises(StoreError) as raised:
        sign_in(book, "admin", ADMIN_PASSWORD)
    assert raised.value.message.key == "db.key_mismatch"


def test_a_missing_key_file_says_what_to_do(book: Path) -> None:
    keyring.keyring_path(book).unlink()
    with pytest.raises(StoreError) as raised:
        sign_in(book, "admin", ADMIN_PASSWORD)
    assert raised.value.message.key == "account.keyring_missing"
    assert ".keys" in raised.value.message.render("vi")


# --- roles, enforced by the services --------------------------------------------------------------


def test_a_viewer_is_refused_rehabilitation_files_by_the_services(book: Path) -> None:
    ws = sign_in(book, "xem", "xem-12345")
    try:
        with pytest.raises(PermissionDenied) as raised:
            rehab.list_cases(ws)
        assert "hồ sơ giúp đỡ" in raised.value.render("vi")
        with pytest.raises(PermissionDenied):
            CASE_LIST.count(ws, ListRequest())
        with pytest.raises(PermissionDenied):
            CASE_LIST.ids(ws, ListRequest())
    finally:
        ws.close()


def test_a_viewer_sees_citizen_ids_masked_and_cannot_change_anything(book: Path) -> None:
    ws = sign_in(book, "xem", "xem-12345")
    try:
        (person,) = people.search_people(ws)
        assert person.citizen_id == "********1234"
        rows = people.PERSON_LIST.page(ws, ListRequest(), 0)
        assert CITIZEN_ID not in json.dumps([list(map(str, row.values)) for row in rows])
        with pytest.raises(PermissionDenied):
            people.update_person(
                ws, person.id, people.PersonInput(unit_id=person.unit_id, full_name="Đổi tên")
            )
        with pytest.raises(PermissionDenied):
            accounts.list_accounts(ws)
    finally:
        ws.close()
    ws = sign_in(book, "admin", ADMIN_PASSWORD)
    try:
        assert [p.full_name for p in people.search_people(ws)] == [NAME]  # nothing was written
        assert people.search_people(ws)[0].citizen_id == CITIZEN_ID
    finally:
        ws.close()


def test_an_officer_edits_records_but_cannot_manage_accounts(book: Path) -> None:
    ws = sign_in(book, "canbo", "canbo-12345")
    try:
        (person,) = people.search_people(ws)
        people.update_person(
            ws, person.id, people.PersonInput(unit_id=person.unit_id, full_name="Trần Thị Ngọc")
        )
        assert len(rehab.list_cases(ws)) == 1
        with pytest.raises(PermissionDenied):
            accounts.add_account(ws, NewAccount("moi", "moi-12345678", "", UserRole.ADMIN))
        with pytest.raises(PermissionDenied):
            audit_listing.AUDIT_LIST.count(ws, ListRequest())
    finally:
        ws.close()


# --- the audit trail ------------------------------------------------------------------------------


def test_every_change_is_in_the_trail_with_who_and_which_fields(book: Path) -> None:
    ws = sign_in(book, "canbo", "canbo-12345")
    (person,) = people.search_people(ws)
    people.update_person(
        ws,
        person.id,
        people.PersonInput(
            unit_id=person.unit_id,
            full_name=NAME,
            citizen_id=CITIZEN_ID,
            birth_date=date(1990, 5, 1),
            phone="0903123456",
        ),
    )
    ws.close()
    ws = sign_in(book, "admin", ADMIN_PASSWORD)
    try:
        request = ListRequest(filters={"record_id": person.id})
        rows = audit_listing.AUDIT_LIST.page(ws, request, 0)
        update = next(row for row in rows if row.values[2] is AuditAction.UPDATE)
        assert update.values[1] == "canbo"
        details = audit_listing.entry_details(ws, int(update.id))
        assert details["fields"] == {"phone": [None, "0903123456"]}
        assert audit.verify_chain(ws).ok
    finally:
        ws.close()


@pytest.mark.parametrize("tamper", ["edit", "delete"])
def test_an_edited_or_removed_audit_entry_is_detected_by_check(book: Path, tamper: str) -> None:
    key = accounts.unlock(book, "admin", ADMIN_PASSWORD)
    report = file_check.check(book, key)
    assert report.ok
    assert report.audit_entries > 5
    connection = files.connect_file(book, key=key)
    try:
        if tamper == "edit":
            connection.execute("UPDATE audit_entries SET username = 'ai-do' WHERE seq = 3")
        else:
            connection.execute("DELETE FROM audit_entries WHERE seq = 3")
    finally:
        connection.close()
    report = file_check.check(book, key)
    assert not report.ok
    assert any(
        "dòng 3" in problem.render("vi") or "dòng 4" in problem.render("vi")
        for problem in report.problems
    )
