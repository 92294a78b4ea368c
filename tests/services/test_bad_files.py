"""Bad files and bad passwords never raise anything but a message for a person, and never change
the record book: random bytes offered as a backup, a damaged key file, any text as a password."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import accounts, backups
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.workspace import NewUnit, StoreError
from antq_desktop.store import keyring

PASSWORD = "mat-khau-quan-tri"
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bad-files") / "ward.antqdb"
    with pytest.MonkeyPatch.context() as patch:  # module fixtures run before the autouse one
        patch.setattr(keyring, "DEFAULT_KDF", keyring.KdfParameters(1, 8, 1))
        accounts.create_protected(
            path, NewUnit("Phường 9", "27262", UnitLevel.WARD), NewAccount("admin", PASSWORD)
        ).close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@FUZZ
@given(data=st.binary(max_size=20_000))
def test_random_bytes_offered_as_a_backup_are_refused_and_change_nothing(
    book: Path, tmp_path: Path, data: bytes
) -> None:
    backup = tmp_path / "offered.antqbak"
    backup.write_bytes(b"SQLite format 3\x00" + data if data[:1] == b"\x00" else data)
    before = digest(book)
    key = accounts.unlock(book, "admin", PASSWORD)
    with pytest.raises((backups.BackupError, StoreError)) as refused:
        backups.restore(backup, book, key=key)
    assert refused.value.message.render("vi")
    assert digest(book) == before
    assert not list(book.parent.glob(".*restoring"))


@FUZZ
@given(
    cut=st.integers(min_value=0, max_value=2_000),
    noise=st.text(max_size=40),
)
def test_a_damaged_key_file_is_a_message_and_never_a_traceback(
    book: Path, tmp_path: Path, cut: int, noise: str
) -> None:
    copy = tmp_path / "copy.antqdb"
    shutil.copyfile(book, copy)
    text = keyring.keyring_path(book).read_text(encoding="utf-8")
    keyring.keyring_path(copy).write_text(text[:cut] + noise + text[cut + len(noise) :], "utf-8")
    messages: list[str] = []
    try:
        workspace = accounts.sign_in(copy, "admin", PASSWORD)
    except (ServiceError, StoreError) as refused:  # both carry a message for a person
        messages.append(refused.message.render("en"))
    else:  # the noise left the admin's entry intact
        workspace.close()
        messages.append("opened")
    assert messages[0]


@FUZZ
@given(password=st.text(max_size=64), username=st.text(max_size=20))
def test_any_typed_user_name_and_password_is_refused_with_a_message(
    book: Path, password: str, username: str
) -> None:
    if password == PASSWORD:
        return
    with pytest.raises((ServiceError, StoreError, ValidationFailed)) as refused:
        accounts.unlock(book, username or "admin", password)
    assert refused.value is not None
    # the failures counted towards the admin's lock are cleared for the next example
    keys = keyring.Keyring.for_database(book)
    for entry in keys.entries.values():
        entry.failures, entry.locked_until = [], None
    keys.save()


def test_the_key_file_is_json_with_no_secret_in_clear(book: Path) -> None:
    data = json.loads(keyring.keyring_path(book).read_text(encoding="utf-8"))
    assert data["format"] == "antq-keyring"
    entry = data["users"]["admin"]
    assert set(entry) >= {"salt", "kdf", "nonce", "wrapped_key"}
    assert entry["kdf"]["type"] == "argon2id"
    assert PASSWORD not in json.dumps(data)
