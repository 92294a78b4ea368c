"""A personal signing identity for a ward that has no certificate from a CA yet.

`create_identity` makes an RSA 3072 key (the key type every PDF reader verifies) and a self-signed
certificate for document signing, and stores both in a password-protected PKCS#12 file. The
certificate alone (`export_certificate`) goes to the superior unit, which adds it to its trusted
certificates; `certificate_summary` shows what a person needs to compare before trusting one,
above all the SHA-256 fingerprint read out over the phone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs12
from cryptography.x509.oid import NameOID

from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean
from antq_desktop.reports.signing import SigningError, common_name, read_pkcs12

MINIMUM_PASSPHRASE_LENGTH: Final = 8
RSA_KEY_SIZE: Final = 3072
MAXIMUM_VALID_YEARS: Final = 30
# A certificate starts an hour before it is made, so that a reader whose clock is a little behind
# does not see a document signed right away as signed before the certificate existed.
BACKDATE: Final = timedelta(hours=1)

PASSPHRASE_TOO_SHORT = message(
    "identity.passphrase_too_short",
    "Mật khẩu bảo vệ chữ ký số phải có ít nhất {minimum} ký tự. Hãy chọn mật khẩu dài hơn.",
    "The password protecting the signing identity must have at least {minimum} characters. "
    "Choose a longer password.",
)
NAME_MISSING = message(
    "identity.name_missing",
    "Chưa nhập {field}. Hãy nhập đủ họ tên người ký và tên đơn vị.",
    "The {field} is missing. Enter both the signer's full name and the unit's name.",
)
FIELD_FULL_NAME = message("identity.field_full_name", "họ tên người ký", "signer's full name")
FIELD_UNIT_NAME = message("identity.field_unit_name", "tên đơn vị", "unit name")
VALID_YEARS_OUT_OF_RANGE = message(
    "identity.valid_years",
    "Thời hạn của chứng thư số phải từ 1 đến {maximum} năm. Hãy chọn lại thời hạn.",
    "The certificate must be valid for 1 to {maximum} years. Choose the validity again.",
)
IDENTITY_EXISTS = message(
    "identity.exists",
    "Tệp {path} đã có; chương trình không ghi đè để khỏi mất chữ ký số cũ. Hãy chọn tên tệp khác "
    "hoặc chuyển tệp cũ đi nơi khác.",
    "The file {path} already exists; it is not overwritten so that no signing identity is lost. "
    "Choose another file name or move the old file away.",
)
FILE_NOT_WRITTEN = message(
    "identity.not_written",
    "Không ghi được tệp {path} ({detail}). Hãy chọn thư mục khác mà bạn có quyền ghi.",
    "The file {path} could not be written ({detail}). Choose another folder you can write to.",
)
NOT_A_CERTIFICATE = message(
    "identity.not_certificate",
    "Dữ liệu này không phải chứng thư số X.509 (PEM hoặc DER). Hãy chọn tệp .pem/.crt/.cer.",
    "This is not an X.509 certificate (PEM or DER). Choose a .pem/.crt/.cer file.",
)


@dataclass(frozen=True)
class CertificateSummary:
    """What a person compares before trusting a certificate."""

    subject_name: str  # the signer's common name
    organisation: str  # "" when the certificate names none
    issuer_name: str  # the issuer's common name (the subject itself when self-signed)
    not_before: datetime  # UTC
    not_after: datetime  # UTC
    fingerprint_sha256: str  # "AB12 CD34 …": 16 groups of 4 hex digits
    serial_number: str  # hexadecimal
    self_signed: bool


def create_identity(
    path: Path,
    full_name: str,
    unit_name: str,
    passphrase: str,
    *,
    valid_years: int = 5,
    now: datetime | None = None,
) -> bytes:
    """Make a new key and self-signed certificate, store them at `path` (PKCS#12, encrypted with
    `passphrase`) and return the certificate as PEM. An existing file is never overwritten."""
    full_name, unit_name = clean(full_name), clean(unit_name)
    if not full_name:
        raise SigningError(NAME_MISSING(field=FIELD_FULL_NAME()))
    if not unit_name:
        raise SigningError(NAME_MISSING(field=FIELD_UNIT_NAME()))
    if len(passphrase) < MINIMUM_PASSPHRASE_LENGTH:
        raise SigningError(PASSPHRASE_TOO_SHORT(minimum=MINIMUM_PASSPHRASE_LENGTH))
    if not 1 <= valid_years <= MAXIMUM_VALID_YEARS:
        raise SigningError(VALID_YEARS_OUT_OF_RANGE(maximum=MAXIMUM_VALID_YEARS))
    if path.exists():
        raise SigningError(IDENTITY_EXISTS(path=str(path)))

    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_SIZE)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, full_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, unit_name),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        ]
    )
    public_key = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(moment - BACKDATE)
        .not_valid_after(_add_years(moment, valid_years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation: what PAdES validators look for
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
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(public_key), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        full_name.encode("utf-8"),
        key,
        certificate,
        None,
        BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    _write_new(path, data)
    return certificate.public_bytes(Encoding.PEM)


def _add_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February into a year that has none
        return moment.replace(year=moment.year + years, day=28)


def _write_new(path: Path, data: bytes) -> None:
    try:
        with path.open("xb") as file:  # "x": fails if the file appeared meanwhile
            file.write(data)
    except FileExistsError:
        raise SigningError(IDENTITY_EXISTS(path=str(path))) from None
    except OSError as error:
        path.unlink(missing_ok=True)
        raise SigningError(
            FILE_NOT_WRITTEN(path=str(path), detail=error.strerror or error)
        ) from None


def export_certificate(p12: Path, passphrase: str, out: Path) -> None:
    """Write the certificate of a PKCS#12 identity to `out` as PEM (for others to trust)."""
    _, certificate, _ = read_pkcs12(p12, passphrase)
    try:
        out.write_bytes(certificate.public_bytes(Encoding.PEM))
    except OSError as error:
        raise SigningError(
            FILE_NOT_WRITTEN(path=str(out), detail=error.strerror or error)
        ) from None


def parse_certificate(pem_or_der: bytes) -> x509.Certificate:
    """One certificate from PEM or DER bytes; `SigningError` when it is neither."""
    try:
        if b"-----BEGIN" in pem_or_der:
            return x509.load_pem_x509_certificate(pem_or_der)
        return x509.load_der_x509_certificate(pem_or_der)
    except ValueError:
        raise SigningError(NOT_A_CERTIFICATE()) from None


def certificate_summary(pem_or_der: bytes) -> CertificateSummary:
    """The names, validity and SHA-256 fingerprint of a certificate (PEM or DER)."""
    certificate = parse_certificate(pem_or_der)
    organisations = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    organisation = organisations[0].value if organisations else ""
    digest = hashlib.sha256(certificate.public_bytes(Encoding.DER)).hexdigest().upper()
    return CertificateSummary(
        subject_name=common_name(certificate.subject),
        organisation=organisation if isinstance(organisation, str) else organisation.decode(),
        issuer_name=common_name(certificate.issuer),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        fingerprint_sha256=" ".join(digest[i : i + 4] for i in range(0, len(digest), 4)),
        serial_number=f"{certificate.serial_number:X}",
        self_signed=certificate.issuer == certificate.subject,
    )
