"""Writing a bundle from encoded rows, and reading one back with every check made first.

`write_bundle` seals and signs; `open_bundle` refuses anything not whole, not signed by the sender's
key, not for this site or of a newer format, before anything touches the database. What a row
looks like in a table section (one JSON object per line, zlib-compressed):

    {"id": …, "v": version, "fv": {field: stamp} (fields older than v, if any),
     "sv": {site: stamp} (sites seen, if more than v's), "c": created_at, "u": updated_at,
     "by": updated_by, "o": origin_site, "f": {field: value, …}}
"""

from __future__ import annotations

import json
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from antq_desktop import __version__
from antq_desktop.domain.clock import Stamp
from antq_desktop.domain.messages import message
from antq_desktop.sync import container
from antq_desktop.sync.container import (
    DAMAGED,
    MANIFEST,
    SIGNATURE,
    TABLE_PREFIX,
    Opener,
    Sealer,
    header_digest,
    section_digest,
)
from antq_desktop.sync.keys import FILE_MISSING, IdentityCard, SiteKeys, SyncError
from antq_desktop.sync.tables import BY_NAME

NOT_FOR_THIS_SITE = message(
    "sync.not_for_this_site",
    "Gói {path} được gửi cho {recipient}, không phải cho cài đặt này; không có gì thay đổi. "
    "Hãy nhờ nơi gửi xuất lại gói cho đơn vị của bạn.",
    "The bundle {path} was made for {recipient}, not for this installation; nothing was changed. "
    "Ask the sender to export it again for your unit.",
)
BAD_SIGNATURE = message(
    "sync.bad_signature",
    "Chữ ký của gói {path} không đúng với khóa của {sender}: gói đã bị sửa hoặc do người khác "
    "ký; không có gì thay đổi.",
    "The signature of the bundle {path} does not match the key of {sender}: the bundle was "
    "altered or signed by someone else; nothing was changed.",
)
KEY_CHANGED = message(
    "sync.key_changed",
    "Gói {path} ghi nơi gửi là {sender} nhưng được ký bằng khóa khác với khóa đã biết của nơi đó "
    "(dấu vân tay đã biết {known}, trong gói {given}); không có gì thay đổi. Hãy gọi điện cho "
    "nơi gửi để kiểm tra.",
    "The bundle {path} says it comes from {sender} but is signed with another key than the one "
    "known for it (known fingerprint {known}, in the bundle {given}); nothing was changed. Phone "
    "the sender to check.",
)
FROM_THIS_SITE = message(
    "sync.from_this_site",
    "Gói {path} do chính cài đặt này xuất; không cần nhập. Hãy chọn gói nhận từ đơn vị khác.",
    "The bundle {path} was exported by this installation itself; there is nothing to import. "
    "Choose a bundle received from another unit.",
)


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    created_at: str
    app_version: str
    sender: IdentityCard
    recipient: str | None
    full: bool
    seq_from: int | None
    seq_to: int
    newest_stamp: str
    acks: dict[str, int]
    counts: dict[str, int]
    scope_unit: str = ""

    def to_json(self, header_sha256: str, parts: list[dict[str, Any]]) -> bytes:
        body = {
            "bundle_id": self.bundle_id,
            "format_version": container.FORMAT_VERSION,
            "app_version": self.app_version,
            "created_at": self.created_at,
            "sender": self.sender.body(),
            "recipient": self.recipient,
            "full": self.full,
            "seq_from": self.seq_from,
            "seq_to": self.seq_to,
            "newest_stamp": self.newest_stamp,
            "acks": self.acks,
            "counts": self.counts,
            "scope_unit": self.scope_unit,
            "header_sha256": header_sha256,
            "parts": parts,
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True).encode()


def new_manifest(
    *,
    sender: IdentityCard,
    recipient: str | None,
    full: bool,
    seq_from: int | None,
    seq_to: int,
    newest_stamp: str,
    acks: dict[str, int],
    counts: dict[str, int],
    scope_unit: str,
) -> Manifest:
    return Manifest(
        bundle_id=str(uuid.uuid4()),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        app_version=__version__,
        sender=sender,
        recipient=recipient,
        full=full,
        seq_from=seq_from,
        seq_to=seq_to,
        newest_stamp=newest_stamp,
        acks=acks,
        counts=counts,
        scope_unit=scope_unit,
    )


def write_bundle(
    manifest: Manifest,
    tables: dict[str, list[bytes]],
    keys: SiteKeys,
    recipient_box: bytes | None,
) -> bytes:
    """The whole file: tables are lists of JSON lines (bytes, without newline)."""
    sealer = Sealer(
        {
            "format": container.FORMAT,
            "format_version": container.FORMAT_VERSION,
            "sender_site": manifest.sender.site_id,
            "recipient_site": manifest.recipient,
        },
        recipient_box,
    )
    parts: list[dict[str, Any]] = []
    sections: list[tuple[str, bytes]] = []
    for index, (name, lines) in enumerate(tables.items(), start=1):
        section = TABLE_PREFIX + name
        stored = sealer.seal(index, section, zlib.compress(b"\n".join(lines), 6))
        sections.append((section, stored))
        parts.append(
            {"name": section, "table": name, "rows": len(lines), "sha256": section_digest(stored)}
        )
    plain = manifest.to_json(header_digest(sealer.header_bytes), parts)
    stored_manifest = sealer.seal(0, MANIFEST, plain)
    signature = keys.sign(plain)
    return sealer.file_bytes([(MANIFEST, stored_manifest), *sections, (SIGNATURE, signature)])


MAX_ROW_BYTES = 256 * 1024
"""Decompressed bytes allowed per row a section declares. No row comes near it (the longest text
fields hold a few thousand letters); a section that would grow past it is refused before it fills
the memory."""


@dataclass
class OpenedBundle:
    """A bundle whose every check passed: its manifest, sender and rows (still JSON objects)."""

    path: Path
    sha256: str
    manifest: Manifest
    known_sender: bool
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def records(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def _manifest(body: dict[str, Any]) -> Manifest:
    def optional_int(value: Any) -> int | None:
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("number expected")
        return value

    acks = {str(site): int(seq) for site, seq in dict(body.get("acks") or {}).items()}
    counts = {str(name): int(rows) for name, rows in dict(body["counts"]).items()}
    seq_to = optional_int(body["seq_to"])
    if seq_to is None:
        raise ValueError("seq_to missing")
    recipient = body.get("recipient")
    newest = str(body.get("newest_stamp", ""))
    if newest:
        Stamp.decode(newest)  # ValueError: refused as a damaged manifest
    return Manifest(
        bundle_id=str(body["bundle_id"]),
        created_at=str(body["created_at"]),
        app_version=str(body.get("app_version", "")),
        sender=IdentityCard.from_body(body["sender"]),
        recipient=None if recipient is None else str(recipient),
        full=bool(body["full"]),
        seq_from=optional_int(body.get("seq_from")),
        seq_to=seq_to,
        newest_stamp=newest,
        acks=acks,
        counts=counts,
        scope_unit=str(body.get("scope_unit", "")),
    )


def open_bundle(
    path: Path,
    *,
    site_id: str,
    box_key: X25519PrivateKey,
    peers: dict[str, IdentityCard],
    peer_label: dict[str, str] | None = None,
) -> OpenedBundle:
    """Read and check a bundle completely; nothing is written anywhere."""
    shown = str(path)
    if not path.is_file():
        raise SyncError(FILE_MISSING(path=shown))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SyncError(DAMAGED(path=shown, detail=error.strerror or str(error))) from error
    parsed = container.parse(data, shown)
    recipient = parsed.header.get("recipient_site")
    if recipient is not None and recipient != site_id:
        label = (peer_label or {}).get(str(recipient), str(recipient))
        raise SyncError(NOT_FOR_THIS_SITE(path=shown, recipient=label))
    if parsed.header.get("sender_site") == site_id:
        raise SyncError(FROM_THIS_SITE(path=shown))
    opener = Opener(parsed, box_key, shown)
    plain = opener.open(0, MANIFEST, parsed.section(MANIFEST))
    try:
        body = json.loads(plain)
        manifest = _manifest(body)
        parts = list(body["parts"])
        header_sha256 = str(body["header_sha256"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SyncError(DAMAGED(path=shown, detail="manifest")) from error
    sender = manifest.sender
    if sender.site_id != parsed.header.get("sender_site") or manifest.recipient != recipient:
        raise SyncError(DAMAGED(path=shown, detail="header and manifest disagree"))
    known = peers.get(sender.site_id)
    if known is not None and (
        known.sign_public != sender.sign_public or known.box_public != sender.box_public
    ):
        raise SyncError(
            KEY_CHANGED(
                path=shown,
                sender=known.label,
                known=known.fingerprint,
                given=sender.fingerprint,
            )
        )
    if not sender.verify(plain, parsed.section(container.SIGNATURE)):
        raise SyncError(BAD_SIGNATURE(path=shown, sender=sender.label))
    if header_sha256 != header_digest(parsed.header_bytes):
        raise SyncError(DAMAGED(path=shown, detail="header"))
    stored = parsed.sections[1:-1]
    if [name for name, _ in stored] != [str(part.get("name")) for part in parts]:
        raise SyncError(DAMAGED(path=shown, detail="sections"))
    opened = OpenedBundle(path, section_digest(data), manifest, known is not None)
    for index, ((name, section), part) in enumerate(zip(stored, parts, strict=True), start=1):
        if section_digest(section) != part.get("sha256"):
            raise SyncError(DAMAGED(path=shown, detail=f"section {name}"))
        table = str(part.get("table"))
        if table not in BY_NAME or name != TABLE_PREFIX + table or table in opened.tables:
            raise SyncError(DAMAGED(path=shown, detail=f"unknown table {table}"))
        declared = part.get("rows")
        if not isinstance(declared, int) or isinstance(declared, bool) or declared < 0:
            raise SyncError(DAMAGED(path=shown, detail=f"section {name}"))
        try:
            text = _inflate(opener.open(index, name, section), declared * MAX_ROW_BYTES)
            rows = [json.loads(line) for line in text.split(b"\n") if line]
        except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise SyncError(DAMAGED(path=shown, detail=f"section {name}")) from error
        if len(rows) != declared or not all(isinstance(row, dict) for row in rows):
            raise SyncError(DAMAGED(path=shown, detail=f"section {name}"))
        opened.tables[table] = rows
    return opened


def _inflate(data: bytes, limit: int) -> bytes:
    """Decompress a whole zlib stream of at most `limit` bytes; zlib.error for a stream that is
    cut short or would grow past the limit (a "zip bomb": a few kilobytes that fill the memory
    of the PC)."""
    inflater = zlib.decompressobj()
    text = inflater.decompress(data, limit + 1)
    if len(text) > limit or inflater.unconsumed_tail:
        raise zlib.error(f"more than {limit} bytes once decompressed")
    text += inflater.flush()
    if not inflater.eof or len(text) > limit:
        raise zlib.error("incomplete or oversized stream")
    return text


_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode_line(row: dict[str, Any]) -> bytes:
    return _LINE_ENCODER.encode(row).encode()
