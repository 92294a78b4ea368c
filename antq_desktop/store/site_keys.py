"""Making this installation's key pairs (`sync.keys` reads and uses them)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import insert
from sqlalchemy.orm import Session

from antq_desktop.store.models import SiteKey


def _raw(key: Ed25519PrivateKey | X25519PrivateKey) -> str:
    data = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.b64encode(data).decode("ascii")


def make_site_keys(session: Session, site_id: str) -> None:
    """Make the site's Ed25519 (signing) and X25519 (opening) key pairs. Written with a plain
    insert: the audit trail records changes of ORM objects, and private keys have no place in it."""
    session.execute(
        insert(SiteKey).values(
            site_id=site_id,
            sign_private=_raw(Ed25519PrivateKey.generate()),
            box_private=_raw(X25519PrivateKey.generate()),
            created_at=datetime.now(UTC),
        )
    )
