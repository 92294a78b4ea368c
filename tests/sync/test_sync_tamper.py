"""A bundle that is cut short, has one byte changed, was signed by another key, was made for another
site or is of a newer format is refused with `SyncError`, and the book is unchanged to the byte."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sync_testing import (
    DISTRICT_AND_WARDS,
    WARD_1_ID,
    WARD_2,
    BookTemplates,
    Courier,
    all_rows,
    fill_ward,
)

from antq_desktop.services.workspace import Workspace
from antq_desktop.sync import container, exporter, importer
from antq_desktop.sync.bundle import encode_line, new_manifest, write_bundle
from antq_desktop.sync.keys import SiteKeys, SyncError, site_keys
from antq_desktop.sync.peers import own_card

SECTIONS_CHECKED = ("manifest", "table/org_units", "table/people", "table/sync_conflicts")
REFUSALS = frozenset(
    {
        "sync.damaged",
        "sync.not_a_bundle",
        "sync.wrong_key",
        "sync.bad_signature",
        "sync.not_for_this_site",
        "sync.newer_format",
        "sync.key_changed",
    }
)


@dataclass
class Bundles:
    ward: Workspace
    district: Workspace
    folder: Path
    sealed: bytes
    """Ward 1 → district, encrypted."""
    plain: bytes
    """Ward 1 → anyone, not encrypted."""
    baseline: dict[str, list[tuple[Any, ...]]]
    """Every row of the district's book before any tampered bundle."""
    tries: int = 0

    def refused(self, data: bytes, keys: frozenset[str] = REFUSALS) -> str:
        """Import `data` at the district: refused with one of `keys`, nothing changed."""
        self.tries += 1
        path = self.folder / f"tampered-{self.tries}{container.SUFFIX}"
        path.write_bytes(data)
        with pytest.raises(SyncError) as refused:
            importer.import_bundle(self.district, path, accept_new_sender=True)
        key = refused.value.message.key
        assert key in keys, refused.value.message.render("en")
        assert all_rows(self.district) == self.baseline
        return key


@pytest.fixture(scope="module")
def bundles(
    book_templates: BookTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Bundles]:
    folder = tmp_path_factory.mktemp("tamper")
    books = book_templates.open_copies(book_templates.paths(DISTRICT_AND_WARDS), folder / "books")
    ward, district = books["ward1"], books["district"]
    fill_ward(ward, WARD_1_ID, citizen_id="079123456789")
    courier = Courier(folder)
    sealed = courier.export(ward, district).read_bytes()
    plain = folder / "plain.antqsync"
    exporter.export_bundle(ward, plain)
    yield Bundles(ward, district, folder, sealed, plain.read_bytes(), all_rows(district))
    for book in books.values():
        book.close()


def regions(data: bytes) -> dict[str, tuple[int, int]]:
    """Where each part of a bundle file lies: name → (start, end)."""
    found = {"magic": (0, 8), "header length": (8, 12)}
    (length,) = struct.unpack(">I", data[8:12])
    found["header"] = (12, 12 + length)
    offset = 12 + length
    while offset < len(data):
        (name_length,) = struct.unpack(">H", data[offset : offset + 2])
        name = data[offset + 2 : offset + 2 + name_length].decode()
        found[f"{name} name length"] = (offset, offset + 2)
        found[f"{name} name"] = (offset + 2, offset + 2 + name_length)
        at = offset + 2 + name_length
        (size,) = struct.unpack(">Q", data[at : at + 8])
        found[f"{name} data length"] = (at, at + 8)
        found[f"{name} data"] = (at + 8, at + 8 + size)
        offset = at + 8 + size
    return found


def flipped(data: bytes, position: int, mask: int = 0x01) -> bytes:
    changed = bytearray(data)
    changed[position] ^= mask
    return bytes(changed)


def with_header(data: bytes, **changes: Any) -> bytes:
    """The same file with its header rewritten (and framed again)."""
    start, end = regions(data)["header"]
    header = {**json.loads(data[start:end]), **changes}
    body = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    return container.MAGIC + struct.pack(">I", len(body)) + body + data[end:]


def test_the_untouched_bundles_go_in(bundles: Bundles, tmp_path: Path) -> None:
    """The bundles the tampered ones are made from are good: what they refuse is the tampering.
    (Read only: importing them would change the book the other tests compare with.)"""
    for index, data in enumerate((bundles.sealed, bundles.plain)):
        path = tmp_path / f"good-{index}{container.SUFFIX}"
        path.write_bytes(data)
        opened = importer.read_bundle(bundles.district, path)
        assert opened.tables["people"]
        assert opened.tables["follow_ups"]


# --- Cut short --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sealed", "plain"])
def test_a_bundle_cut_short_is_refused(bundles: Bundles, kind: str) -> None:
    data: bytes = getattr(bundles, kind)
    parts = regions(data)
    cuts = {0, 5, 8, 10, 12, len(data) // 2, len(data) - 64, len(data) - 1}
    cuts |= {start for start, _ in parts.values()}  # exactly at every boundary
    cuts |= {(start + end) // 2 for start, end in parts.values()}
    for cut in sorted(cuts - {len(data)}):
        key = bundles.refused(data[:cut])
        assert key == ("sync.not_a_bundle" if cut < len(container.MAGIC) else "sync.damaged"), cut


# --- One byte changed -------------------------------------------------------------------------


def _expected(kind: str, region: str) -> frozenset[str]:
    if region == "magic":
        return frozenset({"sync.not_a_bundle"})
    if region == "header":
        return REFUSALS
    if region == "signature data":
        return frozenset({"sync.bad_signature"})
    if region == "manifest data":
        if kind == "sealed":  # the first section a wrong key or a change fails on
            return frozenset({"sync.wrong_key"})
        return frozenset({"sync.bad_signature", "sync.damaged"})
    return frozenset({"sync.damaged"})


@pytest.mark.parametrize("kind", ["sealed", "plain"])
@pytest.mark.parametrize(
    "region",
    [
        "magic",
        "header length",
        "header",
        *(f"{section} {part}" for section in SECTIONS_CHECKED for part in ("name", "data")),
        *(f"{section} name length" for section in ("manifest", "table/people")),
        *(f"{section} data length" for section in ("manifest", "table/people", "signature")),
        "signature name",
        "signature data",
    ],
)
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_one_byte_changed_in_any_part_is_refused(
    bundles: Bundles, kind: str, region: str, where: str
) -> None:
    data: bytes = getattr(bundles, kind)
    start, end = regions(data)[region]
    position = {"first": start, "middle": (start + end) // 2, "last": end - 1}[where]
    bundles.refused(flipped(data, position), _expected(kind, region))


@pytest.mark.parametrize("kind", ["sealed", "plain"])
@pytest.mark.parametrize("mask", [0x01, 0x80])
def test_one_byte_changed_anywhere_is_refused(bundles: Bundles, kind: str, mask: int) -> None:
    """Every 97th byte of the whole file, the first and the last."""
    data: bytes = getattr(bundles, kind)
    for position in sorted({*range(0, len(data), 97), len(data) - 1}):
        bundles.refused(flipped(data, position, mask))


def test_a_byte_added_at_the_end_is_refused(bundles: Bundles) -> None:
    assert bundles.refused(bundles.sealed + b"\0") == "sync.damaged"


# --- Signed by another key --------------------------------------------------------------------


def _manifest_plain(bundles: Bundles, data: bytes) -> bytes:
    parsed = container.parse(data, "bundle")
    with bundles.district.database.session() as session:
        box_key = site_keys(session, bundles.district.site_id).box_key
    opener = container.Opener(parsed, box_key, "bundle")
    return opener.open(0, container.MANIFEST, parsed.section(container.MANIFEST))


@pytest.mark.parametrize("kind", ["sealed", "plain"])
def test_the_same_manifest_signed_by_another_key_is_refused(bundles: Bundles, kind: str) -> None:
    data: bytes = getattr(bundles, kind)
    signature = Ed25519PrivateKey.generate().sign(_manifest_plain(bundles, data))
    start, end = regions(data)["signature data"]
    assert end == len(data)
    assert end - start == len(signature)
    assert bundles.refused(data[:start] + signature) == "sync.bad_signature"


def _impostor_bundle(bundles: Bundles, *, claims_real_keys: bool) -> bytes:
    """A bundle made from the ward's rows by someone with other keys who claims to be the ward:
    with the ward's own card (the signature cannot match it) or a card with its own keys."""
    path = bundles.folder / "source.antqsync"
    if not path.exists():
        path.write_bytes(bundles.sealed)
    opened = importer.read_bundle(bundles.district, path)
    impostor = SiteKeys(
        bundles.ward.site_id, Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    )
    real = own_card(bundles.ward)
    card = real if claims_real_keys else impostor.card(real.unit_code, real.unit_name)
    manifest = new_manifest(
        sender=card,
        recipient=bundles.district.site_id,
        full=True,
        seq_from=None,
        seq_to=opened.manifest.seq_to,
        newest_stamp=opened.manifest.newest_stamp,
        acks={},
        counts={name: len(rows) for name, rows in opened.tables.items()},
        scope_unit=opened.manifest.scope_unit,
    )
    tables = {name: [encode_line(row) for row in rows] for name, rows in opened.tables.items()}
    recipient_box = own_card(bundles.district).box_public
    return write_bundle(manifest, tables, impostor, recipient_box)


def test_a_bundle_signed_by_another_key_than_the_senders_card_is_refused(bundles: Bundles) -> None:
    data = _impostor_bundle(bundles, claims_real_keys=True)
    assert bundles.refused(data) == "sync.bad_signature"


def test_a_bundle_from_another_key_claiming_a_known_site_is_refused(bundles: Bundles) -> None:
    """Signed consistently with its own card, but the site is known with other keys."""
    data = _impostor_bundle(bundles, claims_real_keys=False)
    assert bundles.refused(data) == "sync.key_changed"


# --- For someone else, of a newer format ------------------------------------------------------


def test_a_bundle_for_another_site_is_refused(bundles: Bundles, tmp_path: Path) -> None:
    path = tmp_path / "for-ward2.antqsync"
    exporter.export_bundle(bundles.ward, path, to=WARD_2.code)
    assert bundles.refused(path.read_bytes()) == "sync.not_for_this_site"


def test_a_bundle_for_anyone_readdressed_to_this_site_is_refused(bundles: Bundles) -> None:
    """The header is covered by the signed manifest: naming a recipient afterwards shows."""
    data = with_header(bundles.plain, recipient_site=bundles.district.site_id)
    assert bundles.refused(data) == "sync.damaged"


@pytest.mark.parametrize("kind", ["sealed", "plain"])
def test_a_bundle_of_a_newer_format_is_refused_as_such(bundles: Bundles, kind: str) -> None:
    data = with_header(getattr(bundles, kind), format_version=container.FORMAT_VERSION + 1)
    assert bundles.refused(data) == "sync.newer_format"


def test_a_bundle_from_this_site_itself_is_refused(bundles: Bundles, tmp_path: Path) -> None:
    path = tmp_path / f"own{container.SUFFIX}"
    path.write_bytes(bundles.plain)
    before = all_rows(bundles.ward)
    with pytest.raises(SyncError) as refused:
        importer.import_bundle(bundles.ward, path)
    assert refused.value.message.key == "sync.from_this_site"
    assert all_rows(bundles.ward) == before


def test_a_bundle_from_an_unknown_sender_waits_for_a_person(
    bundles: Bundles, tmp_path: Path
) -> None:
    """Whole and signed, but by a site nobody accepted yet: `UnknownSender` with its card."""
    stranger = SiteKeys(
        "5ca1ab1e00000000", Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    )
    card = stranger.card("27009", "Phường 9")
    manifest = new_manifest(
        sender=card,
        recipient=None,
        full=True,
        seq_from=None,
        seq_to=1,
        newest_stamp="",
        acks={},
        counts={},
        scope_unit="27009",
    )
    path = tmp_path / f"stranger{container.SUFFIX}"
    path.write_bytes(write_bundle(manifest, {}, stranger, None))
    with pytest.raises(importer.UnknownSender) as refused:
        importer.import_bundle(bundles.district, path)
    assert refused.value.card == card
    assert refused.value.message.key == "sync.unknown_sender"
    assert all_rows(bundles.district) == bundles.baseline


def test_a_section_that_inflates_past_its_rows_is_refused_before_it_fills_the_memory(
    bundles: Bundles,
) -> None:
    """A "zip bomb" signed by a new sender: one declared row that decompresses to 40 MB."""
    from antq_desktop.sync.bundle import MAX_ROW_BYTES

    keys = SiteKeys("b0b0b0b0b0b0b0b0", Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    card = keys.card("27999", "Phường lạ")
    padding = "a" * (40 * 1024 * 1024)
    assert len(padding) > MAX_ROW_BYTES
    manifest = new_manifest(
        sender=card,
        recipient=bundles.district.site_id,
        full=True,
        seq_from=None,
        seq_to=1,
        newest_stamp="",
        acks={},
        counts={"people": 1},
        scope_unit=None,
    )
    line = encode_line({"id": "x", "notes": padding})
    data = write_bundle(manifest, {"people": [line]}, keys, own_card(bundles.district).box_public)
    assert len(data) < 200_000
    assert bundles.refused(data) == "sync.damaged"
