"""Check a signed report: is it intact, is the signature valid, is the signer trusted, and was
anything added after signing.

`verify_pdf` never raises on the file it is given: a file that is not a PDF, is truncated, or
carries no signature gives a `Verdict` that is not `ok`, with the reasons as messages. Trust is
reported, not required: a ward's self-signed certificate is trusted only by a unit that added it
to its trusted certificates (`load_certificates` reads them).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Final

from asn1crypto import cms, pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from antq_desktop.domain.messages import Message, message
from antq_desktop.reports.signing import SIGNATURE_LEVEL, SigningError

PADES_SUBFILTER: Final = "/ETSI.CAdES.detached"

NOT_A_PDF = message(
    "verify.not_pdf",
    "Tệp này không phải PDF hoặc đã bị hỏng nên không kiểm tra được chữ ký. Hãy xin lại bản gốc "
    "của báo cáo.",
    "This file is not a PDF or is damaged, so its signature cannot be checked. Ask for the "
    "original report again.",
)
UNSIGNED = message(
    "verify.unsigned",
    "Tệp PDF này không có chữ ký số. Hãy đề nghị đơn vị gửi bản báo cáo đã ký.",
    "This PDF file carries no digital signature. Ask the sending unit for the signed report.",
)
SIGNATURE_UNREADABLE = message(
    "verify.signature_unreadable",
    "Không đọc được chữ ký số trong tệp (dữ liệu chữ ký bị hỏng hoặc thuộc loại không hỗ trợ). "
    "Hãy xin lại bản gốc của báo cáo.",
    "The digital signature in the file cannot be read (its data is damaged or of an unsupported "
    "kind). Ask for the original report again.",
)
NOT_INTACT = message(
    "verify.not_intact",
    "Nội dung đã ký bị thay đổi sau khi ký: tệp này không còn là bản người ký đã ký. Hãy xin lại "
    "bản gốc của báo cáo.",
    "The signed content was changed after signing: this is not the file the signer signed. Ask "
    "for the original report again.",
)
SIGNATURE_INVALID = message(
    "verify.signature_invalid",
    "Giá trị chữ ký không khớp với chứng thư số của người ký (chữ ký bị sửa hoặc giả mạo). Hãy "
    "xin lại bản gốc của báo cáo.",
    "The signature value does not match the signer's certificate (the signature was altered or "
    "forged). Ask for the original report again.",
)
NOT_WHOLE_FILE = message(
    "verify.not_whole_file",
    "Chữ ký không bao trùm toàn bộ tệp: có dữ liệu nằm ngoài phần đã ký. Hãy xin lại bản gốc của "
    "báo cáo.",
    "The signature does not cover the whole file: some data lies outside the signed part. Ask "
    "for the original report again.",
)
LATER_UPDATES = message(
    "verify.later_updates",
    "Tệp đã được sửa thêm (cập nhật nối tiếp) sau khi ký; phần sửa thêm không được chữ ký bảo "
    "đảm. Hãy xin lại bản gốc của báo cáo.",
    "The file was changed (an incremental update was appended) after signing; the changes are "
    "not covered by the signature. Ask for the original report again.",
)
UNTRUSTED = message(
    "verify.untrusted",
    "Chữ ký đúng nhưng chứng thư số của {signer} không thuộc các chứng thư tin cậy. Nếu đã đối "
    "chiếu dấu vân tay với người ký, hãy thêm chứng thư của họ vào danh sách tin cậy.",
    "The signature is correct but the certificate of {signer} is not among the trusted "
    "certificates. If you have compared its fingerprint with the signer, add it to the trusted "
    "list.",
)
CERTIFICATE_EXPIRED = message(
    "verify.certificate_expired",
    "Chứng thư số của {signer} đã hết hạn hoặc chưa có hiệu lực vào lúc kiểm tra nên không xác "
    "nhận được độ tin cậy. Hãy đề nghị người ký dùng chứng thư số còn hạn.",
    "The certificate of {signer} is expired or not yet valid at the time of checking, so it "
    "cannot be trusted. Ask the signer to use a valid certificate.",
)
BAD_TRUST_ROOT = message(
    "verify.bad_trust_root",
    "Có {count} chứng thư tin cậy không đọc được và đã bị bỏ qua. Hãy nhập lại các chứng thư tin "
    "cậy trong phần cài đặt.",
    "{count} trusted certificates could not be read and were ignored. Add the trusted "
    "certificates again in the settings.",
)
CERTIFICATE_FILE_UNREADABLE = message(
    "verify.certificate_file_unreadable",
    "Không đọc được tệp chứng thư {path} ({detail}). Hãy kiểm tra đường dẫn và quyền truy cập tệp.",
    "The certificate file {path} cannot be read ({detail}). Check the path and the file's "
    "permissions.",
)
NOT_CERTIFICATE_FILE = message(
    "verify.not_certificate_file",
    "Tệp {path} không chứa chứng thư số X.509 nào (PEM hoặc DER). Hãy chọn tệp .pem/.crt/.cer do "
    "người ký gửi.",
    "The file {path} holds no X.509 certificate (PEM or DER). Choose the .pem/.crt/.cer file the "
    "signer sent.",
)


@dataclass(frozen=True)
class Verdict:
    """What a check of a signed PDF found (about its last signature, the one that counts)."""

    signed: bool  # the file has at least one signature
    signer: str  # certificate common name ("" if unsigned)
    signing_time: datetime | None  # as the signer declared it (aware)
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the signature value checks with the certificate
    trusted: bool  # the chain reaches one of the given trust roots
    covers_whole_file: bool  # no bytes after the signed revision
    later_updates: bool  # there are incremental updates after the signature
    level: str  # "PAdES B-B" etc. as far as detectable
    # Why a flag is false, for a person to read. Not empty when `ok` but untrusted: trust is
    # reported alongside.
    problems: tuple[Message, ...]

    @property
    def ok(self) -> bool:
        """Intact, valid and nothing outside the signature (trust is reported, not required)."""
        return self.signed and self.intact and self.valid and self.covers_whole_file


def _not_ok(problem: Message, *, signed: bool = False) -> Verdict:
    return Verdict(
        signed=signed,
        signer="",
        signing_time=None,
        intact=False,
        valid=False,
        trusted=False,
        covers_whole_file=False,
        later_updates=False,
        level="",
        problems=(problem,),
    )


def verify_pdf(data: bytes, trust_roots: Sequence[bytes] = ()) -> Verdict:
    """Check the signatures of a PDF; trust is judged against `trust_roots` (PEM or DER) only.

    With several signatures, `intact` and `valid` hold for all of them; the signer, time, trust,
    coverage and later updates are those of the last one, which covers the others.
    """
    roots, unreadable_roots = _parse_roots(trust_roots)
    root_problems = (BAD_TRUST_ROOT(count=unreadable_roots),) if unreadable_roots else ()
    try:
        reader = PdfFileReader(BytesIO(bytes(data)))
        signed = any(True for _ in enumerate_sig_fields(reader, filled_status=True))
    except Exception:  # the PDF parser fails in many ways on a damaged file
        return _not_ok(NOT_A_PDF())
    if not signed:
        return _not_ok(UNSIGNED())
    try:
        verdict = _verify_signatures(reader, roots)
    except Exception:  # a damaged signature container or signature dictionary
        return _not_ok(SIGNATURE_UNREADABLE(), signed=True)
    return replace(verdict, problems=(*verdict.problems, *root_problems))


def _verify_signatures(reader: PdfFileReader, roots: list[asn1_x509.Certificate]) -> Verdict:
    signatures = reader.embedded_regular_signatures
    if not signatures:  # only document time-stamps, no signature of a person
        return _not_ok(UNSIGNED())
    checks = [_check_signature(signature, roots) for signature in signatures]
    last_signature, last = signatures[-1], checks[-1]
    intact = all(check.intact for check in checks)
    valid = all(check.valid for check in checks)
    covers_whole_file = last.coverage == SignatureCoverageLevel.ENTIRE_FILE
    later_updates = reader.xrefs.total_revisions - 1 > last_signature.signed_revision
    problems: list[Message] = []
    if not intact:
        problems.append(NOT_INTACT())
    if not valid:
        problems.append(SIGNATURE_INVALID())
    if later_updates:
        problems.append(LATER_UPDATES())
    elif not covers_whole_file:
        problems.append(NOT_WHOLE_FILE())
    if intact and valid and not last.trusted:
        problems.append(last.trust_problem)
    return Verdict(
        signed=True,
        signer=last.signer,
        signing_time=last.signing_time,
        intact=intact,
        valid=valid,
        trusted=last.trusted,
        covers_whole_file=covers_whole_file,
        later_updates=later_updates,
        level=_level(reader, last_signature, last.status),
        problems=tuple(problems),
    )


@dataclass(frozen=True)
class _SignatureCheck:
    status: PdfSignatureStatus
    signer: str
    signing_time: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    coverage: SignatureCoverageLevel | None
    trust_problem: Message


def _check_signature(
    signature: EmbeddedPdfSignature, roots: list[asn1_x509.Certificate]
) -> _SignatureCheck:
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    status = asyncio.run(
        async_validate_pdf_signature(signature, signer_validation_context=context, skip_diff=True)
    )
    signer = status.signing_cert.subject.native.get("common_name", "") or ""
    signer = signer if isinstance(signer, str) else ", ".join(signer)
    expired = status.trust_problem_indic in (
        AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
        AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
        AdESIndeterminate.EXPIRED,
        AdESIndeterminate.NOT_YET_VALID,
    )
    return _SignatureCheck(
        status=status,
        signer=signer,
        signing_time=status.signer_reported_dt,
        # the bytes after the CMS container in /Contents are not signed: they must stay zeros
        intact=bool(status.intact) and _padding_is_zero(signature),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        coverage=status.coverage,
        trust_problem=(CERTIFICATE_EXPIRED if expired else UNTRUSTED)(signer=signer),
    )


def _padding_is_zero(signature: EmbeddedPdfSignature) -> bool:
    contents = bytes(signature.pkcs7_content)
    used = len(cms.ContentInfo.load(contents).dump())
    return not any(contents[used:])


def _level(
    reader: PdfFileReader, signature: EmbeddedPdfSignature, status: PdfSignatureStatus
) -> str:
    """The PAdES baseline level the last signature reaches, as far as the file shows it."""
    subfilter = str(signature.sig_object.get("/SubFilter", ""))
    if subfilter != PADES_SUBFILTER:
        return f"PDF ({subfilter.lstrip('/') or '?'})"
    if status.timestamp_validity is None:
        return SIGNATURE_LEVEL
    if "/DSS" not in reader.root:
        return "PAdES B-T"
    if reader.embedded_timestamp_signatures:
        return "PAdES B-LTA"
    return "PAdES B-LT"


def _parse_roots(trust_roots: Sequence[bytes]) -> tuple[list[asn1_x509.Certificate], int]:
    roots: list[asn1_x509.Certificate] = []
    unreadable = 0
    for data in trust_roots:
        try:
            der_blocks = _der_certificates(data)
        except ValueError:
            unreadable += 1
            continue
        roots.extend(asn1_x509.Certificate.load(der) for der in der_blocks)
    return roots, unreadable


def _der_certificates(data: bytes) -> list[bytes]:
    """The DER certificates in PEM (one or more) or DER bytes; ValueError if there are none."""
    try:
        if pem.detect(data):
            blocks = [
                der for kind, _, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"
            ]
        else:
            blocks = [data]
        for der in blocks:
            asn1_x509.Certificate.load(der, strict=True).native  # noqa: B018 - parsing is the check
    except Exception as error:  # asn1crypto raises ValueError, TypeError or KeyError on garbage
        raise ValueError("not a certificate") from error
    if not blocks:
        raise ValueError("no certificate")
    return blocks


def load_certificates(path: Path) -> list[bytes]:
    """The certificates (DER) in a .pem/.crt/.cer file: PEM with one or more, or one DER."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningError(
            CERTIFICATE_FILE_UNREADABLE(path=str(path), detail=error.strerror or error)
        ) from None
    try:
        return _der_certificates(data)
    except ValueError:
        raise SigningError(NOT_CERTIFICATE_FILE(path=str(path))) from None
