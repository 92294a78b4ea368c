"""The `.antqsync` file: a header, sections, and a signature; every byte is checked on reading.

    b"ANTQSYNC"  u32 header length  header (JSON)
    then sections, each: u16 name length, name (UTF-8), u64 data length, data
    "manifest", one "table/<name>" per table, "signature" last

The manifest (JSON) names the sender (its identity card), the recipient, what the bundle covers,
the SHA-256 of the header and of every stored section, in order. The signature is the sender's
Ed25519 signature of the manifest. With a recipient, the manifest and the tables are encrypted
(X25519 with a fresh key per file, HKDF-SHA256, ChaCha20-Poly1305; the header and the section name
are authenticated with each), so a lost USB stick shows nothing but who sent it to whom.
See docs/sync-format.md.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from antq_desktop.domain.messages import message
from antq_desktop.sync.keys import SyncError, _b64, _unb64

MAGIC = b"ANTQSYNC"
FORMAT = "antq-sync"
FORMAT_VERSION = 1
"""Readers refuse a higher version; a change that old readers could misread raises it."""
SCHEME = "X25519-HKDF-SHA256/ChaCha20-Poly1305"
MANIFEST = "manifest"
SIGNATURE = "signature"
TABLE_PREFIX = "table/"
SUFFIX = ".antqsync"
_HKDF_INFO = b"antq-sync/1"

NOT_A_BUNDLE = message(
    "sync.not_a_bundle",
    "Tệp {path} không phải gói đồng bộ ANTQ (.antqsync). Hãy chọn đúng tệp do ANTQ Desktop xuất.",
    "{path} is not an ANTQ sync bundle (.antqsync). Choose a file exported by ANTQ Desktop.",
)
DAMAGED = message(
    "sync.damaged",
    "Gói {path} bị hỏng hoặc không đầy đủ ({detail}); không có gì thay đổi. Hãy chép lại tệp từ "
    "nơi gửi hoặc xin gói khác.",
    "The bundle {path} is damaged or incomplete ({detail}); nothing was changed. Copy the file "
    "again from the sender or ask for a new one.",
)
NEWER_FORMAT = message(
    "sync.newer_format",
    "Gói {path} có định dạng phiên bản {version}, mới hơn phiên bản {supported} mà chương trình "
    "này đọc được; không có gì thay đổi. Hãy cập nhật ANTQ Desktop rồi nhập lại.",
    "The bundle {path} has format version {version}, newer than version {supported} that this "
    "program reads; nothing was changed. Update ANTQ Desktop and import it again.",
)
WRONG_KEY = message(
    "sync.wrong_key",
    "Không mở được gói {path}: gói được mã hóa cho một khóa khác của cài đặt này, hoặc đã bị "
    "sửa; không có gì thay đổi.",
    "The bundle {path} cannot be opened: it was encrypted for another key of this installation, "
    "or altered; nothing was changed.",
)


@dataclass
class Container:
    """A bundle file taken apart (sections still as stored: encrypted when `encrypted`)."""

    header_bytes: bytes
    header: dict[str, Any]
    sections: list[tuple[str, bytes]] = field(default_factory=list)

    @property
    def encrypted(self) -> bool:
        return self.header.get("encryption") is not None

    def section(self, name: str) -> bytes:
        for section_name, data in self.sections:
            if section_name == name:
                return data
        raise KeyError(name)


def header_digest(header_bytes: bytes) -> str:
    return hashlib.sha256(header_bytes).hexdigest()


def _frame_header(header: dict[str, Any]) -> bytes:
    body = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    return MAGIC + struct.pack(">I", len(body)) + body


def _frame_section(name: str, data: bytes) -> bytes:
    encoded = name.encode()
    return struct.pack(">H", len(encoded)) + encoded + struct.pack(">Q", len(data)) + data


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_HKDF_INFO
    ).derive(shared)


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


class Sealer:
    """Encrypts the sections of one new file to a recipient (or leaves them plain)."""

    def __init__(self, header: dict[str, Any], recipient_box: bytes | None) -> None:
        self._cipher: ChaCha20Poly1305 | None = None
        if recipient_box is not None:
            ephemeral = X25519PrivateKey.generate()
            ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_box))
            self._cipher = ChaCha20Poly1305(_key(shared, ephemeral_public, recipient_box))
            header = {
                **header,
                "encryption": {"scheme": SCHEME, "ephemeral_key": _b64(ephemeral_public)},
            }
        else:
            header = {**header, "encryption": None}
        self.header = header
        self.header_bytes = _frame_header(header)

    def seal(self, index: int, name: str, data: bytes) -> bytes:
        """Section `index` (0 the manifest, then the tables in order: each its own nonce)."""
        if self._cipher is None:
            return data
        return self._cipher.encrypt(_nonce(index), data, self.header_bytes + name.encode())

    def file_bytes(self, sections: list[tuple[str, bytes]]) -> bytes:
        return self.header_bytes + b"".join(_frame_section(name, data) for name, data in sections)


class Opener:
    """Decrypts the sections of a file, in the order they were sealed."""

    def __init__(self, container: Container, box_key: X25519PrivateKey | None, path: str) -> None:
        self._container = container
        self._path = path
        self._cipher: ChaCha20Poly1305 | None = None
        encryption = container.header.get("encryption")
        if encryption is not None:
            if box_key is None or not isinstance(encryption, dict):
                raise SyncError(WRONG_KEY(path=path))
            if encryption.get("scheme") != SCHEME:
                raise SyncError(DAMAGED(path=path, detail="unknown encryption scheme"))
            try:
                ephemeral = _unb64(str(encryption.get("ephemeral_key", "")))
                own = box_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
                shared = box_key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
            except ValueError as error:
                raise SyncError(DAMAGED(path=path, detail="encryption key")) from error
            self._cipher = ChaCha20Poly1305(_key(shared, ephemeral, own))

    def open(self, index: int, name: str, data: bytes) -> bytes:
        if self._cipher is None:
            return data
        try:
            return self._cipher.decrypt(
                _nonce(index), data, self._container.header_bytes + name.encode()
            )
        except InvalidTag as error:
            if index == 0:  # the manifest: the first thing a wrong key fails on
                raise SyncError(WRONG_KEY(path=self._path)) from error
            raise SyncError(DAMAGED(path=self._path, detail=f"section {name}")) from error


def parse(data: bytes, path: str) -> Container:
    """Split a file into its header and sections; refuse anything that is not framed exactly."""
    if not data.startswith(MAGIC):
        raise SyncError(NOT_A_BUNDLE(path=path))
    view = memoryview(data)
    offset = len(MAGIC)

    def take(size: int, what: str) -> bytes:
        nonlocal offset
        if offset + size > len(data):
            raise SyncError(DAMAGED(path=path, detail=f"the file ends inside {what}"))
        chunk = bytes(view[offset : offset + size])
        offset += size
        return chunk

    (header_length,) = struct.unpack(">I", take(4, "the header"))
    header_body = take(header_length, "the header")
    try:
        header = json.loads(header_body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SyncError(DAMAGED(path=path, detail="header")) from error
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise SyncError(NOT_A_BUNDLE(path=path))
    version = header.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SyncError(DAMAGED(path=path, detail="format version"))
    if version > FORMAT_VERSION:
        raise SyncError(NEWER_FORMAT(path=path, version=version, supported=FORMAT_VERSION))
    container = Container(data[:offset], header)
    while offset < len(data):
        (name_length,) = struct.unpack(">H", take(2, "a section"))
        try:
            name = take(name_length, "a section name").decode()
        except UnicodeDecodeError as error:
            raise SyncError(DAMAGED(path=path, detail="section name")) from error
        (size,) = struct.unpack(">Q", take(8, "a section"))
        container.sections.append((name, take(size, f"section {name}")))
    names = [name for name, _ in container.sections]
    if len(names) < 2 or names[0] != MANIFEST or names[-1] != SIGNATURE:
        raise SyncError(DAMAGED(path=path, detail="sections missing"))
    return container


def section_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
