"""Signing a report (PAdES B-B, visible Vietnamese stamp) and verifying it: PKCS#12 and PKCS#11
identities, tampering of every kind a person could do to the file, and the errors a person reads."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pkcs11
import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pdf_tools import fonts_of, with_pyhanko_annotation, with_pypdf_metadata
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from softhsm import SoftHsmToken, softhsm_token_fixture  # noqa: F401 - the fixture softhsm_token

from antq_desktop.reports import signing
from antq_desktop.reports.identity import create_identity
from antq_desktop.reports.signing import (
    SIGNATURE_LEVEL,
    SignatureBox,
    SigningError,
    SigningIdentity,
    StampText,
    open_pkcs11,
    open_pkcs12,
    render_stamp,
    sign_pdf,
    stamp_lines,
)
from antq_desktop.reports.verification import Verdict, load_certificates, verify_pdf
from antq_desktop.resources import resource_path

PASSPHRASE = "mật khẩu dài 2025"
SIGNER = "Nguyễn Văn An"
UNIT = "Công an phường Bến Thành"
STAMP = StampText(signer=SIGNER, unit=UNIT)
BOX = SignatureBox(page=-1, box=(330, 60, 540, 140))
TEXT_FONT = "SigningTestSerif"


def report_pdf(pages: int = 2) -> bytes:
    """A small A4 report in Liberation Serif (embedded) with Vietnamese text."""
    if TEXT_FONT not in pdfmetrics.getRegisteredFontNames():
        font_file = resource_path("fonts", "LiberationSerif-Regular.ttf")
        pdfmetrics.registerFont(TTFont(TEXT_FONT, str(font_file)))
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=TEXT_FONT, invariant=True)
    for page in range(pages):
        canvas.setFont(TEXT_FONT, 13)
        canvas.drawString(72, 770, "BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC")
        canvas.drawString(72, 750, f"Phường Bến Thành, quý I năm 2025 — trang {page + 1}")
        canvas.drawString(72, 730, "Số tổ tự quản: 12; số mô hình: 5; ưu điểm, hạn chế, kiến nghị.")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture
def identity_file(tmp_path: Path) -> Path:
    path = tmp_path / "nguyen-van-an.p12"
    create_identity(path, SIGNER, UNIT, PASSPHRASE)
    return path


@pytest.fixture
def signed_pdf(identity_file: Path) -> bytes:
    with open_pkcs12(identity_file, PASSPHRASE) as identity:
        return sign_pdf(report_pdf(), identity, BOX, STAMP, reason="Báo cáo quý", location="TP HCM")


@pytest.fixture
def certificate_pem(identity_file: Path) -> bytes:
    with open_pkcs12(identity_file, PASSPHRASE) as identity:
        return identity.certificate_pem


def assert_error(error: pytest.ExceptionInfo[SigningError], key: str) -> None:
    """The error carries the expected message, and it reads in both languages."""
    assert error.value.message.key == key
    vietnamese, english = error.value.render("vi"), error.value.render("en")
    assert vietnamese.strip()
    assert english.strip()
    assert vietnamese != english
    assert "{" not in vietnamese + english


def problem_keys(verdict: Verdict) -> list[str]:
    for problem in verdict.problems:
        assert problem.render("vi") != problem.render("en")
    return [problem.key for problem in verdict.problems]


# --- signing and verifying ---------------------------------------------------------------------


def test_a_signed_report_verifies_as_intact_valid_and_complete(signed_pdf: bytes) -> None:
    verdict = verify_pdf(signed_pdf)
    assert verdict.signed
    assert verdict.intact
    assert verdict.valid
    assert verdict.covers_whole_file
    assert not verdict.later_updates
    assert verdict.level == SIGNATURE_LEVEL == "PAdES B-B"
    assert verdict.ok
    # nobody said to trust the signer: reported, not required
    assert not verdict.trusted
    assert problem_keys(verdict) == ["verify.untrusted"]


def test_the_signature_is_pades_with_sha256(signed_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(signed_pdf))
    field = next(f for f in reader.get_fields().values() if f.get("/FT") == "/Sig")
    value = field["/V"].get_object()
    assert value["/SubFilter"] == "/ETSI.CAdES.detached"
    assert value["/Reason"] == "Báo cáo quý"
    content = cms.ContentInfo.load(bytes(value["/Contents"]))
    signer_info = content["content"]["signer_infos"][0]
    assert signer_info["digest_algorithm"]["algorithm"].native == "sha256"


def test_the_signer_name_and_signing_time_are_reported(identity_file: Path) -> None:
    moment = datetime.now().replace(microsecond=0) - timedelta(minutes=5)
    with open_pkcs12(identity_file, PASSPHRASE) as identity:
        assert identity.subject_name == SIGNER
        signed = sign_pdf(report_pdf(), identity, BOX, STAMP, signing_time=moment)
    verdict = verify_pdf(signed)
    assert verdict.signer == SIGNER
    assert verdict.signing_time == moment.astimezone()


def test_the_stamp_shows_holder_unit_and_local_time() -> None:
    moment = datetime(2025, 3, 14, 9, 30)  # naive: local time
    lines = [text for _, text in stamp_lines(STAMP, SIGNER, moment)]
    assert lines == [f"Ký bởi: {SIGNER}", UNIT, "Thời gian ký: 14/03/2025 09:30"]
    # the certificate's holder, never another name: the picture cannot claim another signer
    lines = [text for _, text in stamp_lines(StampText("Lê Thị Hoa", UNIT), SIGNER, moment)]
    assert lines[0] == f"Ký bởi: {SIGNER}"
    # a certificate without a common name: the name given; no unit: no line for it
    lines = [text for _, text in stamp_lines(StampText("Lê Thị Hoa", " "), "", moment)]
    assert lines == ["Ký bởi: Lê Thị Hoa", "Thời gian ký: 14/03/2025 09:30"]


def appearance_text(signed: bytes) -> str:
    """The text of the last signature's appearance stream, drawn on a blank page for pypdf."""
    reader = PdfReader(BytesIO(signed))
    widgets = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    widget = [w for w in widgets if w.get("/FT") == "/Sig"][-1]
    writer = PdfWriter()
    page = writer.add_blank_page(600, 400)
    appearance = widget["/AP"]["/N"].get_object().clone(writer)
    xobjects = DictionaryObject({NameObject("/S"): appearance.indirect_reference})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
    content = DecodedStreamObject()
    content.set_data(b"q /S Do Q")
    page[NameObject("/Contents")] = content
    return " ".join(page.extract_text().split())


def test_the_signed_stamp_names_the_certificate_holder(identity_file: Path) -> None:
    with open_pkcs12(identity_file, PASSPHRASE) as identity:
        signed = sign_pdf(report_pdf(), identity, BOX, StampText("Người Khác", UNIT))
    text = appearance_text(signed)
    assert f"Ký bởi: {SIGNER}" in text
    assert UNIT in text
    assert "Thời gian ký:" in text
    assert "Người Khác" not in text


def test_stamp_text_is_nfc_and_extracts_with_its_diacritics() -> None:
    decomposed = StampText(unicodedata.normalize("NFD", SIGNER), unicodedata.normalize("NFD", UNIT))
    assert decomposed.signer != SIGNER
    lines = stamp_lines(decomposed, decomposed.signer, datetime(2025, 3, 14, 9, 30))
    assert lines[0][1] == "Ký bởi: Nguyễn Văn An"
    text = PdfReader(BytesIO(render_stamp(210, 80, lines))).pages[0].extract_text()
    assert "Nguyễn Văn An" in text
    assert "Công an phường Bến Thành" in text
    assert "Thời gian ký: 14/03/2025 09:30" in text


def test_a_long_unit_name_wraps_inside_the_box() -> None:
    unit = "Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc phường Bến Thành, Quận 1"
    lines = stamp_lines(StampText(SIGNER, unit), "", datetime(2025, 3, 14, 9, 30))
    page = PdfReader(BytesIO(render_stamp(150, 70, lines))).pages[0]
    text = page.extract_text()
    assert "Quận 1" in text
    assert [float(v) for v in page.mediabox] == [0, 0, 150, 70]


@pytest.mark.parametrize(("width", "height"), [(20, 10), (600, 12), (40, 300)])
def test_a_stamp_of_any_shape_renders(width: float, height: float) -> None:
    lines = stamp_lines(STAMP, "", datetime(2025, 3, 14, 9, 30))
    page = PdfReader(BytesIO(render_stamp(width, height, lines))).pages[0]
    assert [float(v) for v in page.mediabox] == [0, 0, width, height]
    text = page.extract_text()
    assert "Nguyễn" in text
    assert "14/03/2025" in text  # narrow boxes wrap word by word


def test_every_font_in_the_signed_file_is_embedded(signed_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(signed_pdf))
    fonts = fonts_of(reader)
    names = {str(font["/BaseFont"]) for font in fonts}
    assert any(name.endswith("+LiberationSerif-Bold") for name in names), names  # the stamp's
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a composite font describes itself in its descendant
            descendants = font["/DescendantFonts"]
            descriptor = descendants[0].get_object()["/FontDescriptor"]
        descriptor = descriptor.get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]


def test_the_signature_widget_sits_in_the_box_on_the_last_page(signed_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(signed_pdf))
    assert not reader.pages[0].get("/Annots")
    widgets = [a.get_object() for a in reader.pages[-1]["/Annots"]]
    widget = next(w for w in widgets if w.get("/FT") == "/Sig")
    assert [float(v) for v in widget["/Rect"]] == [330, 60, 540, 140]
    assert "/N" in widget["/AP"]


def test_a_second_signature_keeps_the_first_and_covers_the_file(identity_file: Path) -> None:
    with open_pkcs12(identity_file, PASSPHRASE) as identity:
        once = sign_pdf(report_pdf(), identity, BOX, STAMP)
        twice = sign_pdf(once, identity, SignatureBox(0, (72, 600, 282, 680)), STAMP)
    verdict = verify_pdf(twice)
    assert verdict.ok
    assert len(PdfReader(BytesIO(twice)).get_fields() or {}) == 2


# --- trust -------------------------------------------------------------------------------------


def test_the_signers_own_certificate_as_trust_root_makes_it_trusted(
    signed_pdf: bytes, certificate_pem: bytes, tmp_path: Path
) -> None:
    verdict = verify_pdf(signed_pdf, [certificate_pem])
    assert verdict.trusted
    assert verdict.ok
    assert verdict.problems == ()
    # the same certificate as DER, read back from a .cer file
    der = x509.load_pem_x509_certificate(certificate_pem).public_bytes(serialization.Encoding.DER)
    (tmp_path / "signer.cer").write_bytes(der)
    assert verify_pdf(signed_pdf, load_certificates(tmp_path / "signer.cer")).trusted


def test_another_certificate_as_trust_root_is_not_trust(signed_pdf: bytes, tmp_path: Path) -> None:
    other = create_identity(tmp_path / "other.p12", "Lê Văn Cường", UNIT, PASSPHRASE)
    verdict = verify_pdf(signed_pdf, [other])
    assert not verdict.trusted
    assert verdict.ok
    assert problem_keys(verdict) == ["verify.untrusted"]
    assert SIGNER in verdict.problems[0].render("vi")


def test_an_unreadable_trust_root_is_reported_not_raised(signed_pdf: bytes) -> None:
    verdict = verify_pdf(signed_pdf, [b"not a certificate"])
    assert verdict.ok
    assert "verify.bad_trust_root" in problem_keys(verdict)


def test_load_certificates_reads_a_pem_bundle_and_refuses_other_files(
    certificate_pem: bytes, tmp_path: Path
) -> None:
    other = create_identity(tmp_path / "other.p12", "Lê Văn Cường", UNIT, PASSPHRASE)
    bundle = tmp_path / "trusted.pem"
    bundle.write_bytes(certificate_pem + b"\n" + other)
    certificates = load_certificates(bundle)
    assert len(certificates) == 2
    assert certificates[0] == x509.load_pem_x509_certificate(certificate_pem).public_bytes(
        serialization.Encoding.DER
    )
    (tmp_path / "notes.txt").write_text("chứng thư", encoding="utf-8")
    with pytest.raises(SigningError) as error:
        load_certificates(tmp_path / "notes.txt")
    assert_error(error, "verify.not_certificate_file")
    with pytest.raises(SigningError) as error:
        load_certificates(tmp_path / "missing.pem")
    assert_error(error, "verify.certificate_file_unreadable")


# --- tampering ---------------------------------------------------------------------------------


def _contents_span(data: bytes) -> tuple[int, int, int]:
    """Start and end of the /Contents hex string, and the length of the DER container in it."""
    start = data.rindex(b"/Contents <") + len(b"/Contents <")
    end = data.index(b">", start)
    used = len(cms.ContentInfo.load(bytes.fromhex(data[start:end].decode())).dump())
    return start, end, used


def _flip_positions(data: bytes) -> dict[str, int]:
    start, end, used = _contents_span(data)
    assert data.count(b"\nxref\n") == 2  # the report's and the signature's revision
    return {
        "signed page content": data.index(b"stream", 1000) + 20,
        "middle of the first signed range": start // 2,
        "original xref table": data.index(b"\nxref\n") + 30,
        "signature's xref": data.rindex(b"\nxref\n") + 30,
        "startxref at the end": data.rindex(b"startxref") + 11,
        "signature value in /Contents": start + used * 2 - 6,
        "padding of /Contents": end - 3,
        "signature dictionary /M": data.index(b"/M (D") + 12,
    }


@pytest.mark.parametrize(
    "where",
    [
        "signed page content",
        "middle of the first signed range",
        "original xref table",
        "signature's xref",
        "startxref at the end",
        "signature value in /Contents",
        "padding of /Contents",
        "signature dictionary /M",
    ],
)
def test_one_changed_byte_anywhere_breaks_the_verdict(signed_pdf: bytes, where: str) -> None:
    position = _flip_positions(signed_pdf)[where]
    assert verify_pdf(signed_pdf).ok
    changed = bytearray(signed_pdf)
    # a hex digit stays a hex digit ("0" <-> "1", "a" <-> "b"), so the file still parses
    changed[position] = changed[position] ^ 1 if chr(changed[position]) in "0123456789abc" else 0x30
    assert bytes(changed) != signed_pdf
    verdict = verify_pdf(bytes(changed))
    assert not verdict.ok
    assert verdict.problems
    if where == "signature value in /Contents":
        assert verdict.intact
        assert not verdict.valid
        assert problem_keys(verdict) == ["verify.signature_invalid"]
    elif where in (
        "signed page content",
        "middle of the first signed range",
        "padding of /Contents",
    ):
        assert not verdict.intact
        assert "verify.not_intact" in problem_keys(verdict)


@pytest.mark.parametrize("append", [with_pypdf_metadata, with_pyhanko_annotation])
def test_an_update_appended_after_signing_is_reported(signed_pdf: bytes, append: object) -> None:
    assert callable(append)
    updated = append(signed_pdf)
    assert updated.startswith(signed_pdf)
    assert len(updated) > len(signed_pdf)
    verdict = verify_pdf(updated)
    assert verdict.intact  # the signed revision itself is untouched
    assert verdict.valid
    assert not verdict.covers_whole_file
    assert verdict.later_updates
    assert not verdict.ok
    assert "verify.later_updates" in problem_keys(verdict)


def test_bytes_appended_without_an_update_are_outside_the_signature(signed_pdf: bytes) -> None:
    verdict = verify_pdf(signed_pdf + b"\n% comment added later\n")
    assert not verdict.covers_whole_file
    assert not verdict.later_updates
    assert not verdict.ok
    assert "verify.not_whole_file" in problem_keys(verdict)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "verify.not_pdf"),
        (b"garbage \x00\xff" * 50, "verify.not_pdf"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n", "verify.not_pdf"),
        (hashlib.sha256(b"x").digest(), "verify.not_pdf"),
    ],
)
def test_garbage_gives_a_verdict_not_an_exception(data: bytes, key: str) -> None:
    verdict = verify_pdf(data)
    assert not verdict.ok
    assert not verdict.signed
    assert problem_keys(verdict) == [key]


def test_an_unsigned_pdf_is_reported_unsigned() -> None:
    verdict = verify_pdf(report_pdf())
    assert not verdict.signed
    assert not verdict.ok
    assert verdict.signer == ""
    assert problem_keys(verdict) == ["verify.unsigned"]


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95, 0.999])
def test_a_truncated_signed_file_is_not_ok(signed_pdf: bytes, fraction: float) -> None:
    verdict = verify_pdf(signed_pdf[: int(len(signed_pdf) * fraction)])
    assert not verdict.ok
    assert verdict.problems


# --- refusals ----------------------------------------------------------------------------------


def test_a_wrong_password_is_refused(identity_file: Path) -> None:
    with pytest.raises(SigningError) as error:
        open_pkcs12(identity_file, "mật khẩu sai")
    assert_error(error, "signing.wrong_password")
    assert str(identity_file) in error.value.render("vi")


def test_a_missing_identity_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SigningError) as error:
        open_pkcs12(tmp_path / "khong-co.p12", PASSPHRASE)
    assert_error(error, "signing.p12_missing")


def test_a_file_that_is_not_pkcs12_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.p12"
    path.write_bytes(report_pdf())
    with pytest.raises(SigningError) as error:
        open_pkcs12(path, PASSPHRASE)
    assert_error(error, "signing.not_pkcs12")


def test_pkcs12_without_key_or_certificate_is_refused(identity_file: Path, tmp_path: Path) -> None:
    key, certificate, _ = pkcs12.load_key_and_certificates(
        identity_file.read_bytes(), PASSPHRASE.encode()
    )
    assert key is not None
    assert certificate is not None
    encryption = serialization.BestAvailableEncryption(PASSPHRASE.encode())
    only_certificate = tmp_path / "certificate-only.p12"
    only_certificate.write_bytes(
        pkcs12.serialize_key_and_certificates(b"x", None, None, [certificate], encryption)
    )
    with pytest.raises(SigningError) as error:
        open_pkcs12(only_certificate, PASSPHRASE)
    assert_error(error, "signing.p12_no_key")
    only_key = tmp_path / "key-only.p12"
    only_key.write_bytes(pkcs12.serialize_key_and_certificates(b"x", key, None, None, encryption))
    with pytest.raises(SigningError) as error:
        open_pkcs12(only_key, PASSPHRASE)
    assert_error(error, "signing.p12_no_certificate")


def test_an_expired_certificate_cannot_sign(tmp_path: Path) -> None:
    path = tmp_path / "old.p12"
    create_identity(
        path, SIGNER, UNIT, PASSPHRASE, valid_years=1, now=datetime(2019, 1, 1, tzinfo=UTC)
    )
    with open_pkcs12(path, PASSPHRASE) as identity, pytest.raises(SigningError) as error:
        sign_pdf(report_pdf(), identity, BOX, STAMP)
    assert_error(error, "signing.certificate_expired")
    assert "01/01/2020" in error.value.render("vi")


def test_a_certificate_not_yet_valid_cannot_sign(identity_file: Path) -> None:
    with open_pkcs12(identity_file, PASSPHRASE) as identity, pytest.raises(SigningError) as error:
        sign_pdf(report_pdf(), identity, BOX, STAMP, signing_time=datetime(2020, 1, 1))
    assert_error(error, "signing.certificate_not_yet_valid")


@pytest.mark.parametrize("data", [b"", b"not a pdf", b"%PDF-1.7\ntruncated", b"\x89PNG\r\n"])
def test_what_is_not_a_pdf_is_not_signed(identity_file: Path, data: bytes) -> None:
    with open_pkcs12(identity_file, PASSPHRASE) as identity, pytest.raises(SigningError) as error:
        sign_pdf(data, identity, BOX, STAMP)
    assert_error(error, "signing.not_pdf")


def test_a_page_beyond_the_document_is_refused(identity_file: Path) -> None:
    with open_pkcs12(identity_file, PASSPHRASE) as identity, pytest.raises(SigningError) as error:
        sign_pdf(report_pdf(pages=2), identity, SignatureBox(2, BOX.box), STAMP)
    assert_error(error, "signing.page_out_of_range")


# --- PKCS#11 (SoftHSM2) ------------------------------------------------------------------------


def test_a_token_key_signs_and_the_signature_verifies(softhsm_token: SoftHsmToken) -> None:
    with open_pkcs11(
        softhsm_token.library, softhsm_token.token_label, softhsm_token.key_label, softhsm_token.pin
    ) as identity:
        assert identity.subject_name == softhsm_token.signer_name
        assert identity.certificate_pem == softhsm_token.certificate_pem
        signed = sign_pdf(report_pdf(), identity, BOX, StampText(softhsm_token.signer_name, UNIT))
    verdict = verify_pdf(signed, [softhsm_token.certificate_pem])
    assert verdict.ok
    assert verdict.trusted
    assert verdict.signer == softhsm_token.signer_name
    # the token can be opened again after closing (the library was finalised and re-initialised)
    with open_pkcs11(
        softhsm_token.library, softhsm_token.token_label, softhsm_token.key_label, softhsm_token.pin
    ) as identity:
        assert identity.subject_name == softhsm_token.signer_name


def test_a_wrong_pin_is_refused(softhsm_token: SoftHsmToken) -> None:
    with pytest.raises(SigningError) as error:
        open_pkcs11(softhsm_token.library, softhsm_token.token_label, softhsm_token.key_label, "0")
    assert_error(error, "signing.wrong_pin")


def test_an_unknown_token_label_lists_the_tokens_present(softhsm_token: SoftHsmToken) -> None:
    with pytest.raises(SigningError) as error:
        open_pkcs11(softhsm_token.library, "VNPT-CA", softhsm_token.key_label, softhsm_token.pin)
    assert_error(error, "signing.token_not_found")
    assert softhsm_token.token_label in error.value.render("vi")
    assert "VNPT-CA" in error.value.render("en")


def test_an_unknown_key_label_lists_the_keys_present(softhsm_token: SoftHsmToken) -> None:
    with pytest.raises(SigningError) as error:
        open_pkcs11(
            softhsm_token.library, softhsm_token.token_label, "khoa khac", softhsm_token.pin
        )
    assert_error(error, "signing.key_not_found")
    assert softhsm_token.key_label in error.value.render("vi")


def test_a_missing_pkcs11_library_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SigningError) as error:
        open_pkcs11(tmp_path / "vnpt-ca.so", "token", "key", "123456")
    assert_error(error, "signing.pkcs11_library_missing")


def test_a_file_that_is_not_a_pkcs11_library_is_refused(tmp_path: Path) -> None:
    library = tmp_path / "not-a-library.so"
    library.write_bytes(b"\x7fELF not really")
    with pytest.raises(SigningError) as error:
        open_pkcs11(library, "token", "key", "123456")
    assert_error(error, "signing.pkcs11_library_unloadable")


class _LockedToken:
    """Stands in for a token whose PIN is locked: SoftHSM2 never locks one."""

    label = "Token khóa"

    def __init__(self, flags: int) -> None:
        self.flags = flags

    def open(self, user_pin: str) -> None:
        raise pkcs11.PinLocked()


@pytest.mark.parametrize("flag_set", [True, False])
def test_a_locked_token_is_reported(flag_set: bool) -> None:
    token = _LockedToken(pkcs11.TokenFlag.USER_PIN_LOCKED if flag_set else 0)
    with pytest.raises(SigningError) as error:
        signing._log_in(token, "123456")
    assert_error(error, "signing.token_locked")
    assert "Token khóa" in error.value.render("vi")


def test_an_identity_is_a_context_manager_that_closes_once(identity_file: Path) -> None:
    closed: list[bool] = []
    with open_pkcs12(identity_file, PASSPHRASE) as opened:
        identity = SigningIdentity(
            opened.signer, opened.certificate, on_close=lambda: closed.append(True)
        )
    with identity as entered:
        assert entered is identity
    identity.close()
    assert closed == [True]
