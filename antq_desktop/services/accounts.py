"""Accounts: sign-in, lockout, the first administrator, encrypting a plain file, managing users.

A record book is either *plain* (made before accounts existed, or by a test) or *protected*: the
file is encrypted with a random key and the key file beside it (`store.keyring`) holds that key
wrapped by each user's password (Argon2id). `sign_in` unwraps the key with the password, opens the
file and takes the account's role from the encrypted `user_accounts` table. Five wrong passwords
within `LOCK_MINUTES` lock the account for `LOCK_MINUTES`.

`create_protected` makes a new protected book with its administrator; `protect` encrypts a plain
one (after a checked encrypted copy) and creates its administrator. A deactivated account loses
its wrapped key at once, so its password no longer opens anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from antq_desktop.domain.enums import AuditAction, UserRole
from antq_desktop.domain.messages import Quantity, message
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import audit, settings
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import (
    NewUnit,
    Workspace,
    create_workspace,
    open_workspace,
)
from antq_desktop.store import files, keyring, sqlcipher
from antq_desktop.store.database import (
    DB_MISSING,
    StoreError,
    check_is_sqlite_file,
)
from antq_desktop.store.models import UserAccount

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
DEFAULT_ADMIN = "admin"

WRONG_PASSWORD = message(
    "account.wrong_password",
    "Sai tên đăng nhập hoặc mật khẩu. Hãy gõ lại (kiểm tra phím Caps Lock và bộ gõ tiếng Việt). "
    "Còn {left} lần thử trước khi tài khoản bị khóa {minutes} phút.",
    "Wrong user name or password. Type them again (check Caps Lock and the Vietnamese keyboard). "
    "{left} tries left before the account is locked for {minutes} minutes.",
)
UNKNOWN_OR_WRONG = message(
    "account.unknown_or_wrong",
    "Sai tên đăng nhập hoặc mật khẩu. Hãy gõ lại (kiểm tra phím Caps Lock và bộ gõ tiếng Việt).",
    "Wrong user name or password. Type them again (check Caps Lock and the Vietnamese keyboard).",
)
LOCKED = message(
    "account.locked",
    "Tài khoản {user} bị khóa do gõ sai mật khẩu {count} lần. Hãy thử lại sau {minutes} phút, "
    "hoặc nhờ quản trị viên mở khóa.",
    "The account {user} is locked after {count} wrong passwords. Try again in {minutes} minutes, "
    "or ask an administrator to unlock it.",
)
INACTIVE = message(
    "account.inactive",
    "Tài khoản {user} đã bị vô hiệu hóa. Hãy nhờ quản trị viên kích hoạt lại.",
    "The account {user} is disabled. Ask an administrator to enable it again.",
)
KEYRING_MISSING = message(
    "account.keyring_missing",
    "Tệp {database} không phải tệp dữ liệu ANTQ, hoặc là tệp đã mã hóa nhưng thiếu tệp khóa "
    "{path} bên cạnh. Tệp đã mã hóa chỉ mở được cùng tệp khóa của nó: hãy chép cả hai tệp, hoặc "
    "khôi phục từ bản sao lưu (có tệp .keys đi kèm).",
    "The file {database} is not an ANTQ database, or it is encrypted and its key file {path} is "
    "missing beside it. An encrypted database opens only with its key file: copy both files, or "
    "restore a backup (it has its .keys file beside it).",
)
KEYRING_DAMAGED = message(
    "account.keyring_damaged",
    "Tệp khóa {path} bị hỏng ({detail}). Hãy khôi phục từ bản sao lưu (có tệp .keys đi kèm).",
    "The key file {path} is damaged ({detail}). Restore a backup (it has its .keys file beside "
    "it).",
)
NOT_PROTECTED = message(
    "account.not_protected",
    "Tệp dữ liệu {path} chưa có tài khoản và chưa được mã hóa. Hãy mở bằng cửa sổ chương trình "
    "(hoặc đặt ANTQ_PASSWORD) để tạo tài khoản quản trị.",
    "The database {path} has no accounts yet and is not encrypted. Open it in the window (or set "
    "ANTQ_PASSWORD) to create the administrator account.",
)
ALREADY_PROTECTED = message(
    "account.already_protected",
    "Tệp dữ liệu {path} đã được mã hóa và có tài khoản. Hãy đăng nhập.",
    "The database {path} is already encrypted and has accounts. Sign in.",
)
USERNAME_INVALID = message(
    "account.username_invalid",
    "Tên đăng nhập chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (2–40 ký tự), "
    "ví dụ: nguyenvana.",
    "A user name has 2–40 unaccented letters, digits, dots, underscores or hyphens, e.g. "
    "nguyenvana.",
)
USERNAME_TAKEN = message(
    "account.username_taken",
    "Đã có tài khoản {user}. Hãy chọn tên đăng nhập khác.",
    "There is already an account {user}. Choose another user name.",
)
PASSWORD_SHORT = message(
    "account.password_short",
    "Mật khẩu cần ít nhất {count} ký tự.",
    "A password needs at least {count} characters.",
)
PASSWORD_IS_NAME = message(
    "account.password_is_name",
    "Mật khẩu không được trùng tên đăng nhập.",
    "The password must not be the user name.",
)
PASSWORD_MISMATCH = message(
    "account.password_mismatch",
    "Hai lần gõ mật khẩu không khớp. Hãy gõ lại.",
    "The two passwords typed differ. Type them again.",
)
LAST_ADMIN = message(
    "account.last_admin",
    "Không thể bỏ quyền hoặc vô hiệu hóa quản trị viên cuối cùng. Hãy tạo quản trị viên khác "
    "trước.",
    "The last administrator cannot lose the role or be disabled. Make another administrator first.",
)
NO_SUCH_ACCOUNT = message(
    "account.no_such",
    "Không có tài khoản {user}.",
    "There is no account {user}.",
)
NOT_YOURSELF = message(
    "account.not_yourself",
    "Không thể tự bỏ quyền quản trị hoặc tự vô hiệu hóa tài khoản đang đăng nhập. Hãy nhờ một "
    "quản trị viên khác.",
    "You cannot take the administrator role from, or disable, the account you are signed in "
    "with. Ask another administrator.",
)
NEEDS_PASSWORD = message(
    "account.needs_password",
    "Tài khoản {user} đã bị vô hiệu hóa nên không còn mật khẩu: hãy đặt mật khẩu mới trước khi "
    "cho phép đăng nhập lại.",
    "The account {user} was disabled and has no password any more: set a new password before "
    "allowing it to sign in again.",
)
FILE_IN_USE = message(
    "account.file_in_use",
    "Tệp dữ liệu {path} đang được mở ở nơi khác. Hãy đóng chương trình ở máy/cửa sổ khác rồi thử "
    "lại.",
    "The database {path} is open elsewhere. Close the program in the other window and try again.",
)


class AccountError(ServiceError):
    """A sign-in or account change refused; nothing was changed (but a wrong password counted)."""


@dataclass(frozen=True)
class NewAccount:
    username: str
    password: str
    full_name: str = ""
    role: UserRole = UserRole.ADMIN


@dataclass(frozen=True)
class AccountView:
    username: str
    full_name: str
    role: UserRole
    active: bool
    locked_until: datetime | None
    password_changed_at: datetime | None


def normal_username(text: str) -> str:
    return text.strip().casefold()


def is_protected(path: Path) -> bool:
    """The file is encrypted (it has a key file and no plain SQLite header)."""
    return keyring.keyring_path(path).is_file() and not sqlcipher.is_plaintext(path)


class FileState(StrEnum):
    MISSING = "missing"
    PLAIN = "plain"
    """A plain SQLite file (made before accounts existed): `protect` it."""
    PROTECTED = "protected"
    KEY_FILE_MISSING = "key_file_missing"
    """Not plain, no key file: an encrypted file whose key file was not copied, or no ANTQ
    file at all (`key_file_missing` says both)."""


def file_state(path: Path) -> FileState:
    """What opening `path` takes; a plain file of another program is refused (`StoreError`)."""
    if not path.is_file():
        return FileState.MISSING
    if sqlcipher.is_plaintext(path):
        check_is_sqlite_file(path)
        return FileState.PLAIN
    if keyring.keyring_path(path).is_file():
        return FileState.PROTECTED
    return FileState.KEY_FILE_MISSING


def key_file_missing(path: Path) -> StoreError:
    return StoreError(KEYRING_MISSING(database=str(path), path=str(keyring.keyring_path(path))))


def check_password(errors: ErrorCollector, field: str, username: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        errors.add(field, PASSWORD_SHORT(count=Quantity(MIN_PASSWORD_LENGTH)))
    elif password.strip().casefold() == normal_username(username):
        errors.add(field, PASSWORD_IS_NAME())


def _check_new(errors: ErrorCollector, data: NewAccount) -> str:
    username = normal_username(data.username)
    if not USERNAME_PATTERN.match(username):
        errors.add("username", USERNAME_INVALID())
    check_password(errors, "password", username, data.password)
    return username


def _load_keyring(path: Path) -> keyring.Keyring:
    keys = keyring.keyring_path(path)
    try:
        return keyring.Keyring.load(keys)
    except keyring.KeyringError as error:
        if not keys.exists():
            raise key_file_missing(path) from error
        raise StoreError(KEYRING_DAMAGED(path=str(keys), detail=str(error))) from error


def _minutes_left(until: datetime, now: datetime) -> Quantity:
    return Quantity(max(1, int((until - now).total_seconds() + 59) // 60))


def unlock(path: Path, username: str, password: str, *, now: datetime | None = None) -> bytes:
    """The database key of `path` for this user and password; counts wrong passwords and locks the
    account after `MAX_FAILURES` of them within `LOCK_MINUTES`."""
    now = now or datetime.now(UTC)
    name = normal_username(username)
    if not path.is_file():
        raise StoreError(DB_MISSING(path=str(path)))
    keys = _load_keyring(path)
    entry = keys.entries.get(name)
    if entry is not None and entry.locked_until is not None and entry.locked_until > now:
        minutes = _minutes_left(entry.locked_until, now)
        raise AccountError(LOCKED(user=name, count=Quantity(MAX_FAILURES), minutes=minutes))
    key = keys.unwrap(name, password)
    if key is None:
        if entry is None:
            raise AccountError(UNKNOWN_OR_WRONG())
        window = timedelta(minutes=LOCK_MINUTES)
        entry.failures = [moment for moment in entry.failures if now - moment < window]
        entry.failures.append(now)
        recent = len(entry.failures)
        if recent >= MAX_FAILURES:
            entry.locked_until = now + window
        keys.save()
        if recent >= MAX_FAILURES:
            minutes = Quantity(LOCK_MINUTES)
            raise AccountError(LOCKED(user=name, count=Quantity(MAX_FAILURES), minutes=minutes))
        left = Quantity(MAX_FAILURES - recent)
        raise AccountError(WRONG_PASSWORD(left=left, minutes=Quantity(LOCK_MINUTES)))
    if entry is not None and (entry.failures or entry.locked_until):
        entry.locked_until = None
        # the wrong passwords before this one are written to the audit trail by `sign_in`
        keys.save()
    return key


def _take_failures(path: Path, username: str) -> list[datetime]:
    keys = _load_keyring(path)
    entry = keys.entries.get(username)
    if entry is None or not entry.failures:
        return []
    failures, entry.failures = entry.failures, []
    keys.save()
    return failures


def sign_in(
    path: Path,
    username: str,
    password: str,
    *,
    today: Callable[[], date] = date.today,
    verify: bool = True,
    now: datetime | None = None,
    channel: str = "window",
    record: bool = True,
) -> Workspace:
    """Open a protected record book as this user, with the role of the account; the sign-in is
    written to the audit trail unless `record` is False (then `record_sign_in` does it)."""
    name = normal_username(username)
    key = unlock(path, name, password, now=now)
    workspace = open_workspace(path, user=name, today=today, verify=verify, key=key)
    try:
        with workspace.database.session() as session:
            account = session.get(UserAccount, name)
        if account is None:  # a key file entry without an account (a restored older file)
            raise AccountError(UNKNOWN_OR_WRONG())
        if not account.active:
            raise AccountError(INACTIVE(user=name))
        workspace.act_as(name, account.role)
        if record:
            record_sign_in(workspace, channel)
    except BaseException:
        workspace.close()
        raise
    return workspace


def record_sign_in(workspace: Workspace, channel: str, **details: str) -> None:
    """The sign-in in the audit trail, after the wrong passwords typed for the account before it.
    (The command line writes it once the command has succeeded: a refused command writes
    nothing.)"""
    for moment in _take_failures(workspace.path, workspace.user):
        audit.record_event(
            workspace, AuditAction.LOGIN_FAILED, {"at": moment.isoformat(), "via": channel}
        )
    audit.record_event(workspace, AuditAction.LOGIN, {"via": channel, **details})


def check_own_password(workspace: Workspace, password: str) -> None:
    """Refuse (`AccountError`) unless `password` is the signed-in user's; wrong ones count towards
    the lockout as at sign-in (the idle lock and password changes ask for it)."""
    key = unlock(workspace.path, workspace.user, password)
    if key != workspace.database.key:
        raise AccountError(UNKNOWN_OR_WRONG())


def _add_account_row(workspace: Workspace, username: str, full_name: str, role: UserRole) -> None:
    with workspace.database.transaction() as session:
        session.add(
            UserAccount(
                username=username,
                full_name=full_name.strip(),
                role=role,
                active=True,
                password_changed_at=datetime.now(UTC),
            )
        )


def create_protected(
    path: Path,
    own_unit: NewUnit,
    admin: NewAccount,
    *,
    superior_unit: NewUnit | None = None,
    officer_name: str = "",
    officer_title: str = "",
    today: Callable[[], date] = date.today,
) -> Workspace:
    """A new encrypted record book with its first administrator, signed in as them."""
    errors = ErrorCollector()
    username = _check_new(errors, admin)
    errors.raise_if_any()
    key = sqlcipher.new_key()
    keys_path = keyring.keyring_path(path)
    if keys_path.exists() and not path.exists():
        keys_path.unlink()  # left by an interrupted creation
    workspace = create_workspace(
        path,
        own_unit,
        superior_unit=superior_unit,
        officer_name=officer_name,
        officer_title=officer_title,
        user=username,
        today=today,
        key=key,
    )
    try:
        _add_account_row(workspace, username, admin.full_name, UserRole.ADMIN)
        keys = keyring.Keyring(keys_path)
        keys.wrap(username, admin.password, key, None)
        keys.save()
    except BaseException:
        workspace.close()
        files.remove_database(path)
        raise
    return workspace


def protect(
    path: Path,
    admin: NewAccount,
    *,
    today: Callable[[], date] = date.today,
    backup_folder: Path | None = None,
) -> Workspace:
    """Encrypt a plain record book and create its administrator; signed in as them.

    1. The plain file is opened (checked and migrated as usual) and closed again.
    2. An encrypted copy is written beside it, checked, and given the administrator.
    3. A backup of that encrypted copy goes to the backup folder (never a plain one).
    4. The key file is written, then the encrypted copy replaces the plain file in one rename.
    A failure before step 4 leaves the plain file as it was and nothing else; a power cut between
    the key file and the rename leaves a plain file beside a key file, which is still treated as
    plain (`is_protected`) and protected again at the next start."""
    from antq_desktop.services import backups

    if is_protected(path):
        raise AccountError(ALREADY_PROTECTED(path=str(path)))
    errors = ErrorCollector()
    username = _check_new(errors, admin)
    errors.raise_if_any()
    plain = open_workspace(path, today=today)
    folder = backup_folder or backups.backup_folder(plain)
    plain.close()
    if Path(f"{path}-wal").exists():  # another connection keeps it open
        raise AccountError(FILE_IN_USE(path=str(path)))
    key = sqlcipher.new_key()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.encrypting")
    try:
        files.encrypt_copy(path, temporary, key)
        # opened with SQLite's quick check of the whole copy before anything is added to it
        encrypted = open_workspace(temporary, user=username, today=today, key=key)
        try:
            _add_account_row(encrypted, username, admin.full_name, UserRole.ADMIN)
            audit.record_event(encrypted, AuditAction.ENCRYPT, {"file": path.name})
        finally:
            encrypted.close()
        keys = keyring.Keyring(keyring.keyring_path(temporary))
        keys.wrap(username, admin.password, key, None)
        keys.save()
        if not folder.is_dir():  # the configured USB stick is not plugged in: beside the file
            folder = path.resolve().parent / backups.DEFAULT_FOLDER_NAME
            folder.mkdir(exist_ok=True)
        backups.make_backup(temporary, folder, now=datetime.now(), key=key, stem=path.stem)
        keys.copy_to(path)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, path)
        files.fsync_folder(path.parent)
    finally:
        files.remove_database(temporary)
    return sign_in(path, username, admin.password, today=today, verify=False)


# --- managing accounts (administrator) ----------------------------------------------------------


def _keyring_of(workspace: Workspace) -> keyring.Keyring:
    if workspace.database.key is None:
        raise AccountError(NOT_PROTECTED(path=str(workspace.path)))
    return _load_keyring(workspace.path)


def list_accounts(workspace: Workspace) -> list[AccountView]:
    require(workspace, Permission.MANAGE_USERS)
    keys = _keyring_of(workspace)
    now = datetime.now(UTC)
    with workspace.database.session() as session:
        accounts = session.scalars(select(UserAccount).order_by(UserAccount.username)).all()
    views = []
    for account in accounts:
        entry = keys.entries.get(account.username)
        locked = (
            entry.locked_until
            if entry and entry.locked_until and entry.locked_until > now
            else None
        )
        views.append(
            AccountView(
                account.username,
                account.full_name,
                account.role,
                account.active,
                locked,
                account.password_changed_at,
            )
        )
    return views


def add_account(workspace: Workspace, data: NewAccount) -> AccountView:
    require(workspace, Permission.MANAGE_USERS)
    keys = _keyring_of(workspace)
    errors = ErrorCollector()
    username = _check_new(errors, data)
    with workspace.database.session() as session:
        if username and session.get(UserAccount, username) is not None:
            errors.add("username", USERNAME_TAKEN(user=username))
    errors.raise_if_any()
    assert workspace.database.key is not None
    # The key first: a failure after it leaves a key no account uses (sign-in refuses it), never
    # an account that cannot sign in.
    keys.wrap(username, data.password, workspace.database.key, None)
    keys.save()
    try:
        _add_account_row(workspace, username, data.full_name, data.role)
    except BaseException:
        del keys.entries[username]
        keys.save()
        raise
    return AccountView(username, data.full_name.strip(), data.role, True, None, None)


def _active_admins(workspace: Workspace) -> set[str]:
    with workspace.database.session() as session:
        rows = session.scalars(
            select(UserAccount.username).where(
                UserAccount.role == UserRole.ADMIN, UserAccount.active.is_(True)
            )
        )
        return set(rows)


def update_account(
    workspace: Workspace, username: str, *, full_name: str, role: UserRole, active: bool
) -> None:
    """Change an account's name, role or whether it may sign in. Disabling removes its wrapped
    key: the password no longer opens the file (enabling again needs a new password)."""
    require(workspace, Permission.MANAGE_USERS)
    keys = _keyring_of(workspace)
    name = normal_username(username)
    admins = _active_admins(workspace)
    if name in admins and admins == {name} and (role is not UserRole.ADMIN or not active):
        raise AccountError(LAST_ADMIN())
    if name == workspace.user and (role is not UserRole.ADMIN or not active):
        raise AccountError(NOT_YOURSELF())
    if active and name not in keys.entries:
        raise AccountError(NEEDS_PASSWORD(user=name))
    with workspace.database.transaction() as session:
        account = session.get(UserAccount, name)
        if account is None:
            raise AccountError(NO_SUCH_ACCOUNT(user=name))
        account.full_name = full_name.strip()
        account.role = role
        account.active = active
    if not active and name in keys.entries:
        del keys.entries[name]
        keys.save()
    if name == workspace.user:
        workspace.act_as(name, role)


def set_password(workspace: Workspace, username: str, password: str) -> None:
    """Give an account a new password (an administrator resetting a forgotten one); also lifts a
    lock and makes a disabled account's password work again once it is enabled."""
    require(workspace, Permission.MANAGE_USERS)
    _rewrap(workspace, normal_username(username), password)


def change_own_password(workspace: Workspace, current: str, new: str) -> None:
    """Any signed-in user: the current password first, then the new one."""
    check_own_password(workspace, current)
    _rewrap(workspace, workspace.user, new)


def _rewrap(workspace: Workspace, name: str, password: str) -> None:
    keys = _keyring_of(workspace)
    errors = ErrorCollector()
    check_password(errors, "password", name, password)
    errors.raise_if_any()
    with workspace.database.transaction() as session:
        account = session.get(UserAccount, name)
        if account is None:
            raise AccountError(NO_SUCH_ACCOUNT(user=name))
        account.password_changed_at = datetime.now(UTC)
    assert workspace.database.key is not None
    keys.wrap(name, password, workspace.database.key, None)
    keys.save()


def unlock_account(workspace: Workspace, username: str) -> None:
    """Lift a lock from wrong passwords before its time."""
    require(workspace, Permission.MANAGE_USERS)
    keys = _keyring_of(workspace)
    entry = keys.entries.get(normal_username(username))
    if entry is None:
        raise AccountError(NO_SUCH_ACCOUNT(user=normal_username(username)))
    entry.locked_until = None
    entry.failures = []
    keys.save()
    audit.record_event(workspace, AuditAction.ACCOUNT, {"unlocked": normal_username(username)})


# --- the idle lock ------------------------------------------------------------------------------

MAX_IDLE_MINUTES = 240
IDLE_RANGE = message(
    "account.idle_range",
    "Số phút khóa màn hình phải từ 0 (không khóa) đến {limit}.",
    "The idle lock must be from 0 (never) to {limit} minutes.",
)


def set_idle_minutes(workspace: Workspace, minutes: int) -> None:
    """The minutes without use after which the window locks (administrator; 0: never)."""
    require(workspace, Permission.CHANGE_SETTINGS)
    if not 0 <= minutes <= MAX_IDLE_MINUTES:
        errors = ErrorCollector()
        errors.add("idle_minutes", IDLE_RANGE(limit=Quantity(MAX_IDLE_MINUTES)))
        errors.raise_if_any()
    settings.set_setting(workspace, settings.IDLE_LOCK_MINUTES, minutes)
