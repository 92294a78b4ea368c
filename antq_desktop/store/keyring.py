"""The key file beside an encrypted database: the database key, wrapped once for every user.

`ward.antqdb` is encrypted with a random 256-bit key. `ward.antqdb.keys` (JSON) holds, for each
user name, that key encrypted (AES-256-GCM) under a key derived from the user's password with
Argon2id and a salt of its own. Any user therefore opens the file with their own password, and a
new password re-wraps one entry without re-encrypting the database. A wrong password fails the
GCM tag: the file never holds anything a password could be checked against more cheaply than by
running Argon2id.

The file also keeps, per user, the times of recent wrong passwords and a lock time: a wrong
password cannot open the database, so the lockout (`services.accounts`) is counted here. Roles and
whether an account is active are kept inside the encrypted database, where a user without the
key cannot change them.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from antq_desktop.store.files import KEY_FILE_SUFFIX, fsync_folder

FORMAT = "antq-keyring"
FORMAT_VERSION = 1
SUFFIX = KEY_FILE_SUFFIX
SALT_BYTES = 16
NONCE_BYTES = 12


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id costs. Kept with each entry, so raising them later leaves old entries readable."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParameters:
        if data.get("type") != "argon2id":
            raise KeyringError("unknown key derivation")
        return cls(int(data["time_cost"]), int(data["memory_kib"]), int(data["parallelism"]))


DEFAULT_KDF = KdfParameters()
"""RFC 9106's second recommended setting with one lane: about 0.3 s and 64 MiB on an office PC.
Tests replace it with a cheap setting (tests/conftest.py)."""


class KeyringError(Exception):
    """The key file is missing, damaged or of an unknown format."""


def keyring_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise KeyringError("a value of the key file is not text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except ValueError as error:
        raise KeyringError("a value of the key file is not base64") from error


def _derive(password: str, salt: bytes, kdf: KdfParameters) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _associated_data(username: str) -> bytes:
    return f"{FORMAT}:{FORMAT_VERSION}:{username}".encode()


@dataclass
class KeyEntry:
    """One user's wrapped copy of the database key, and their recent wrong passwords."""

    salt: bytes
    kdf: KdfParameters
    nonce: bytes
    wrapped_key: bytes
    failures: list[datetime] = field(default_factory=list)
    locked_until: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "salt": _b64(self.salt),
            "kdf": self.kdf.as_dict(),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
            "failures": [moment.isoformat() for moment in self.failures],
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }

    @classmethod
    def from_dict(cls, data: Any) -> KeyEntry:
        if not isinstance(data, dict):
            raise KeyringError("an entry of the key file is not an object")
        try:
            locked = data.get("locked_until")
            return cls(
                salt=_unb64(data["salt"]),
                kdf=KdfParameters.from_dict(data["kdf"]),
                nonce=_unb64(data["nonce"]),
                wrapped_key=_unb64(data["wrapped_key"]),
                failures=[datetime.fromisoformat(text) for text in data.get("failures", [])],
                locked_until=datetime.fromisoformat(locked) if locked else None,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise KeyringError(f"an entry of the key file is incomplete: {error}") from error


@dataclass
class Keyring:
    """The key file of one database, read into memory; `save` writes it back atomically."""

    path: Path
    entries: dict[str, KeyEntry] = field(default_factory=dict)

    @classmethod
    def for_database(cls, database: Path) -> Keyring:
        """The key file beside `database`; `KeyringError` when it is missing or unreadable."""
        return cls.load(keyring_path(database))

    @classmethod
    def load(cls, path: Path) -> Keyring:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise KeyringError(f"{path} does not exist") from error
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise KeyringError(f"{path} cannot be read: {error}") from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyringError(f"{path} is not an ANTQ key file")
        if data.get("version") != FORMAT_VERSION:
            raise KeyringError(f"{path} has an unknown version {data.get('version')!r}")
        users = data.get("users")
        if not isinstance(users, dict):
            raise KeyringError(f"{path} lists no users")
        return cls(path, {str(name): KeyEntry.from_dict(entry) for name, entry in users.items()})

    def wrap(self, username: str, password: str, key: bytes, kdf: KdfParameters | None) -> None:
        """Give `username` a copy of `key` that opens with `password` (replacing any before)."""
        parameters = kdf or DEFAULT_KDF
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        wrapped = AESGCM(_derive(password, salt, parameters)).encrypt(
            nonce, key, _associated_data(username)
        )
        self.entries[username] = KeyEntry(salt, parameters, nonce, wrapped)

    def unwrap(self, username: str, password: str) -> bytes | None:
        """The database key when `password` is `username`'s; None otherwise (or no such user).

        An unknown user name costs the same key derivation, so timing does not tell which user
        names exist."""
        entry = self.entries.get(username)
        if entry is None:
            _derive(password, secrets.token_bytes(SALT_BYTES), DEFAULT_KDF)
            return None
        derived = _derive(password, entry.salt, entry.kdf)
        try:
            return AESGCM(derived).decrypt(
                entry.nonce, entry.wrapped_key, _associated_data(username)
            )
        except InvalidTag:
            return None

    def save(self) -> None:
        """Write the file whole: a temporary file, flushed, then renamed over the old one (a power
        cut leaves either the old file or the new one, never half of one)."""
        data = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "users": {name: entry.as_dict() for name, entry in sorted(self.entries.items())},
        }
        temporary = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.partial")
        try:
            with temporary.open("w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)
        fsync_folder(self.path.parent)

    def copy_to(self, database: Path) -> Path:
        """The same entries as the key file of another database (a backup of this one)."""
        copy = Keyring(keyring_path(database), dict(self.entries))
        copy.save()
        return copy.path
