"""The site identity: this installation's key pairs, its identity card, and fingerprints.

Ed25519 signs bundles; X25519 opens bundles encrypted to this site. The card (`.antqid`, JSON)
carries the public keys with the site id and unit, signed by the site's own key; another
installation imports it to know this one as a peer. The fingerprint is 30 digits in groups of five,
read aloud over the phone to be sure the card came from who it claims.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy.orm import Session

from antq_desktop.domain.messages import message
from antq_desktop.services.errors import ServiceError
from antq_desktop.store.models import SiteKey
from antq_desktop.store.site_keys import make_site_keys

CARD_FORMAT = "antq-identity"
CARD_VERSION = 1
CARD_SUFFIX = ".antqid"

FILE_MISSING = message(
    "sync.file_missing",
    "Không có tệp {path}. Hãy kiểm tra đường dẫn (ổ USB đã cắm chưa?).",
    "There is no file {path}. Check the path (is the USB stick plugged in?).",
)
CARD_UNREADABLE = message(
    "sync.card_unreadable",
    "Tệp {path} không phải thẻ định danh ANTQ hợp lệ ({detail}). Hãy xin lại tệp .antqid từ "
    "đơn vị kia.",
    "{path} is not a valid ANTQ identity card ({detail}). Ask the other unit for its .antqid "
    "file again.",
)
CARD_BAD_SIGNATURE = message(
    "sync.card_bad_signature",
    "Thẻ định danh {path} đã bị sửa (chữ ký không khớp). Hãy xin lại tệp từ đơn vị kia.",
    "The identity card {path} was altered (its signature does not match). Ask the other unit "
    "for the file again.",
)


class SyncError(ServiceError):
    """A bundle or card that cannot be used; nothing was changed."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(site_id: str, sign_public: bytes, box_public: bytes) -> str:
    """30 digits in six groups of five: "04512 88310 …", the same on both sides."""
    digest = hashlib.sha256(b"antq-site\0" + site_id.encode() + sign_public + box_public).digest()
    digits = f"{int.from_bytes(digest[:16]) % 10**30:030d}"
    return " ".join(digits[i : i + 5] for i in range(0, 30, 5))


@dataclass(frozen=True)
class IdentityCard:
    """What a peer is known by."""

    site_id: str
    unit_code: str
    unit_name: str
    sign_public: bytes
    box_public: bytes
    created_at: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.site_id, self.sign_public, self.box_public)

    @property
    def label(self) -> str:
        return f"{self.unit_name} ({self.unit_code})" if self.unit_code else self.site_id

    def body(self) -> dict[str, Any]:
        return {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "site_id": self.site_id,
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "sign_public": _b64(self.sign_public),
            "box_public": _b64(self.box_public),
            "created_at": self.created_at,
        }

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> IdentityCard:
        """Raises `ValueError` (or `KeyError`, `TypeError`) on anything malformed."""
        if body.get("format") != CARD_FORMAT:
            raise ValueError("not an identity card")
        card = cls(
            site_id=str(body["site_id"]),
            unit_code=str(body.get("unit_code", "")),
            unit_name=str(body.get("unit_name", "")),
            sign_public=_unb64(body["sign_public"]),
            box_public=_unb64(body["box_public"]),
            created_at=str(body.get("created_at", "")),
        )
        Ed25519PublicKey.from_public_bytes(card.sign_public)
        X25519PublicKey.from_public_bytes(card.box_public)
        if not card.site_id or len(card.site_id) > 40 or "-" in card.site_id:
            raise ValueError("bad site id")
        return card

    def verify(self, data: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.sign_public).verify(signature, data)
        except InvalidSignature:
            return False
        return True


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class SiteKeys:
    """This installation's private keys."""

    site_id: str
    sign_key: Ed25519PrivateKey
    box_key: X25519PrivateKey

    def card(self, unit_code: str, unit_name: str, created_at: str = "") -> IdentityCard:
        return IdentityCard(
            site_id=self.site_id,
            unit_code=unit_code,
            unit_name=unit_name,
            sign_public=_raw_public(self.sign_key.public_key()),
            box_public=_raw_public(self.box_key.public_key()),
            created_at=created_at,
        )

    def sign(self, data: bytes) -> bytes:
        return self.sign_key.sign(data)


def _load(row: SiteKey) -> SiteKeys:
    return SiteKeys(
        row.site_id,
        Ed25519PrivateKey.from_private_bytes(_unb64(row.sign_private)),
        X25519PrivateKey.from_private_bytes(_unb64(row.box_private)),
    )


def site_keys(session: Session, site_id: str) -> SiteKeys:
    """This site's keys, made now (in the caller's transaction) if the book has none yet."""
    row = session.get(SiteKey, site_id)
    if row is None:
        make_site_keys(session, site_id)
        row = session.get(SiteKey, site_id)
        assert row is not None
    return _load(row)


def write_card(card: IdentityCard, keys: SiteKeys, path: Path) -> None:
    body = card.body()
    document = {**body, "signature": _b64(keys.sign(canonical(body)))}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def read_card(path: Path) -> IdentityCard:
    """A card read and checked against its own signature; `SyncError` saying what is wrong."""
    if not path.is_file():
        raise SyncError(FILE_MISSING(path=str(path)))
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        signature = _unb64(document.pop("signature"))
        card = IdentityCard.from_body(document)
    except OSError as error:
        raise SyncError(CARD_UNREADABLE(path=str(path), detail=error.strerror or "")) from error
    except UnicodeDecodeError as error:
        raise SyncError(CARD_UNREADABLE(path=str(path), detail="not a text file")) from error
    except json.JSONDecodeError as error:
        raise SyncError(CARD_UNREADABLE(path=str(path), detail="not JSON")) from error
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise SyncError(CARD_UNREADABLE(path=str(path), detail=str(error))) from error
    if not card.verify(canonical(document), signature):
        raise SyncError(CARD_BAD_SIGNATURE(path=str(path)))
    return card
