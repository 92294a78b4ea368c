"""A personal signing identity: made, exported for the superior unit, summarised for a person to
compare, and the refusals (short passphrase, existing file, missing names, garbage)."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from antq_desktop.reports.identity import (
    CertificateSummary,
    certificate_summary,
    create_identity,
    export_certificate,
)
from antq_desktop.reports.signing import SigningError, open_pkcs12
from antq_desktop.reports.verification import load_certificates

PASSPHRASE = "mật khẩu dài 2025"
NOW = datetime(2025, 3, 14, 2, 30, 15, tzinfo=UTC)


def assert_error(error: pytest.ExceptionInfo[SigningError], key: str) -> None:
    assert error.value.message.key == key
    vietnamese, english = error.value.render("vi"), error.value.render("en")
    assert vietnamese.strip()
    assert english.strip()
    assert vietnamese != english


def test_a_new_identity_signs_as_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "an.p12"
    pem = create_identity(path, "Nguyễn Văn An", "Công an phường Bến Thành", PASSPHRASE, now=NOW)
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----")
    with open_pkcs12(path, PASSPHRASE) as identity:
        assert identity.subject_name == "Nguyễn Văn An"
        assert identity.certificate_pem == pem


def test_the_certificate_is_for_document_signing(tmp_path: Path) -> None:
    path = tmp_path / "an.p12"
    pem = create_identity(path, "Nguyễn Văn An", "Công an phường Bến Thành", PASSPHRASE, now=NOW)
    certificate = x509.load_pem_x509_certificate(pem)
    key_usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert key_usage.critical
    assert key_usage.value.digital_signature
    assert key_usage.value.content_commitment  # nonRepudiation
    assert not key_usage.value.key_cert_sign
    assert not certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    public_key = certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    assert public_key.key_size == 3072
    country = certificate.subject.get_attributes_for_oid(x509.NameOID.COUNTRY_NAME)
    assert [attribute.value for attribute in country] == ["VN"]
    # the file is encrypted: no key without the passphrase
    with pytest.raises(ValueError, match="password"):
        pkcs12.load_key_and_certificates(path.read_bytes(), b"wrong passphrase")


def test_create_export_and_summary_agree(tmp_path: Path) -> None:
    path = tmp_path / "an.p12"
    pem = create_identity(
        path,
        "  Nguyễn   Văn An ",
        "Công an phường Bến Thành",
        PASSPHRASE,
        valid_years=3,
        now=NOW,
    )
    exported = tmp_path / "an.pem"
    export_certificate(path, PASSPHRASE, exported)
    assert exported.read_bytes() == pem
    [der] = load_certificates(exported)

    summary = certificate_summary(pem)
    assert summary == certificate_summary(der)
    assert isinstance(summary, CertificateSummary)
    assert summary.subject_name == "Nguyễn Văn An"  # cleaned
    assert summary.organisation == "Công an phường Bến Thành"
    assert summary.issuer_name == "Nguyễn Văn An"
    assert summary.self_signed
    assert summary.not_before == NOW - timedelta(hours=1)
    assert summary.not_after == NOW.replace(year=2028)
    assert re.fullmatch(r"([0-9A-F]{4} ){15}[0-9A-F]{4}", summary.fingerprint_sha256)
    assert summary.fingerprint_sha256.replace(" ", "") == hashlib.sha256(der).hexdigest().upper()
    assert int(summary.serial_number, 16) == x509.load_der_x509_certificate(der).serial_number


def test_a_leap_day_identity_ends_on_the_28th(tmp_path: Path) -> None:
    leap_day = datetime(2024, 2, 29, 8, 0, tzinfo=UTC)
    pem = create_identity(tmp_path / "a.p12", "Lê Hoa", "Phường 9", PASSPHRASE, now=leap_day)
    assert certificate_summary(pem).not_after == datetime(2029, 2, 28, 8, 0, tzinfo=UTC)


def test_a_short_passphrase_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "an.p12"
    with pytest.raises(SigningError) as error:
        create_identity(path, "Nguyễn Văn An", "Phường 9", "1234567")
    assert_error(error, "identity.passphrase_too_short")
    assert "8" in error.value.render("vi")
    assert not path.exists()


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "an.p12"
    path.write_bytes(b"old identity")
    with pytest.raises(SigningError) as error:
        create_identity(path, "Nguyễn Văn An", "Phường 9", PASSPHRASE)
    assert_error(error, "identity.exists")
    assert path.read_bytes() == b"old identity"


@pytest.mark.parametrize(("full_name", "unit_name"), [("", "Phường 9"), ("Nguyễn Văn An", "  ")])
def test_names_are_required(tmp_path: Path, full_name: str, unit_name: str) -> None:
    with pytest.raises(SigningError) as error:
        create_identity(tmp_path / "an.p12", full_name, unit_name, PASSPHRASE)
    assert_error(error, "identity.name_missing")
    assert not (tmp_path / "an.p12").exists()


@pytest.mark.parametrize("years", [0, 31])
def test_the_validity_is_bounded(tmp_path: Path, years: int) -> None:
    with pytest.raises(SigningError) as error:
        create_identity(tmp_path / "an.p12", "An", "Phường 9", PASSPHRASE, valid_years=years)
    assert_error(error, "identity.valid_years")


def test_a_folder_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "an.p12"
    with pytest.raises(SigningError) as error:
        create_identity(path, "Nguyễn Văn An", "Phường 9", PASSPHRASE)
    assert_error(error, "identity.not_written")


def test_export_needs_the_right_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "an.p12"
    create_identity(path, "Nguyễn Văn An", "Phường 9", PASSPHRASE)
    out = tmp_path / "an.pem"
    with pytest.raises(SigningError) as error:
        export_certificate(path, "sai mật khẩu", out)
    assert_error(error, "signing.wrong_password")
    assert not out.exists()


@pytest.mark.parametrize(
    "data",
    [b"", b"garbage", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
)
def test_a_summary_of_garbage_is_refused(data: bytes) -> None:
    with pytest.raises(SigningError) as error:
        certificate_summary(data)
    assert_error(error, "identity.not_certificate")


def test_a_certificate_from_elsewhere_is_summarised() -> None:
    """A CA-issued certificate: issuer differs, organisation may be absent."""
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "CA phục vụ cơ quan")])
    subject = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "Phạm Minh Đức")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key())
        .serial_number(0xABCDEF)
        .not_valid_before(NOW)
        .not_valid_after(NOW + timedelta(days=30))
        .sign(ca_key, hashes.SHA256())
    )
    summary = certificate_summary(certificate.public_bytes(serialization.Encoding.DER))
    assert summary.subject_name == "Phạm Minh Đức"
    assert summary.issuer_name == "CA phục vụ cơ quan"
    assert summary.organisation == ""
    assert not summary.self_signed
    assert summary.serial_number == "ABCDEF"
