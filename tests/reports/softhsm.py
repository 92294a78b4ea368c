"""A SoftHSM2 token for the PKCS#11 signing tests (a software stand-in for a USB token).

Each test gets its own token folder and configuration file in its `tmp_path`; SOFTHSM2_CONF points
there through `monkeypatch`, and the library is finalised before and after the test so that it
reads that configuration when it is next initialised. The token holds an RSA key (imported with
`softhsm2-util --import`) and its self-signed certificate (written with python-pkcs11), both under
the same label and ID, as vendors' tools do.

Import the fixture into a test module with `from softhsm import softhsm_token_fixture`; it is
requested as `softhsm_token`. It skips only when SoftHSM2 is not installed (Debian: softhsm2).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pkcs11
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

LIBRARY_PLACES = (
    Path("/usr/lib/softhsm/libsofthsm2.so"),
    Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
    Path("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
    Path("/usr/local/lib/softhsm/libsofthsm2.so"),
)

TOKEN_LABEL = "ANTQ Token"
KEY_LABEL = "Chu ky so"
KEY_ID = bytes.fromhex("a1b2")
PIN = "246810"
SO_PIN = "13579135"
SIGNER_NAME = "Trần Thị Bình"
UNIT_NAME = "Công an phường Bến Nghé"


@dataclass(frozen=True)
class SoftHsmToken:
    library: Path
    token_label: str
    key_label: str
    pin: str
    certificate_pem: bytes
    signer_name: str


def softhsm_library() -> Path | None:
    return next((place for place in LIBRARY_PLACES if place.is_file()), None)


def _finalise(library: Path) -> None:
    """Let the library read SOFTHSM2_CONF afresh at its next initialisation."""
    loaded = pkcs11.lib(str(library))
    loaded.finalize()


def _run(*arguments: str) -> None:
    result = subprocess.run(arguments, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(arguments)}: {result.stdout}{result.stderr}"


def _certificate(key: rsa.RSAPrivateKey) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, SIGNER_NAME),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, UNIT_NAME),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        ]
    )
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )


@pytest.fixture(name="softhsm_token")
def softhsm_token_fixture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SoftHsmToken]:
    """An initialised SoftHSM2 token holding a signing key and its certificate."""
    utility = shutil.which("softhsm2-util")
    library = softhsm_library()
    if utility is None or library is None:
        pytest.skip("SoftHSM2 is not installed (softhsm2-util, libsofthsm2.so; Debian: softhsm2)")

    token_folder = tmp_path / "softhsm-tokens"
    token_folder.mkdir()
    configuration = tmp_path / "softhsm2.conf"
    configuration.write_text(
        f"directories.tokendir = {token_folder}\n"
        "objectstore.backend = file\n"
        "log.level = ERROR\n"
        "slots.removable = false\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("SOFTHSM2_CONF", str(configuration))
    _finalise(library)

    _run(utility, "--init-token", "--free", "--label", TOKEN_LABEL, "--so-pin", SO_PIN,
         "--pin", PIN)  # fmt: skip
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_file = tmp_path / "token-key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    _run(utility, "--import", str(key_file), "--token", TOKEN_LABEL, "--label", KEY_LABEL,
         "--id", KEY_ID.hex(), "--pin", PIN)  # fmt: skip
    key_file.unlink()

    certificate = _certificate(key)
    loaded = pkcs11.lib(str(library))
    token = loaded.get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=PIN) as session:
        session.create_object(
            {
                pkcs11.Attribute.CLASS: pkcs11.ObjectClass.CERTIFICATE,
                pkcs11.Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
                pkcs11.Attribute.TOKEN: True,
                pkcs11.Attribute.PRIVATE: False,
                pkcs11.Attribute.LABEL: KEY_LABEL,
                pkcs11.Attribute.ID: KEY_ID,
                pkcs11.Attribute.SUBJECT: certificate.subject.public_bytes(),
                pkcs11.Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
            }
        )
    _finalise(library)

    yield SoftHsmToken(
        library=library,
        token_label=TOKEN_LABEL,
        key_label=KEY_LABEL,
        pin=PIN,
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM),
        signer_name=SIGNER_NAME,
    )
    _finalise(library)
