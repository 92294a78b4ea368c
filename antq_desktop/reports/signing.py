"""Sign a finished report PDF with a PAdES B-B signature (pyHanko) and a visible Vietnamese stamp.

The signer is either a PKCS#12 file (.p12/.pfx, the fallback identity) or a key on a USB token
reached through the vendor's PKCS#11 library (`reports.tokens`). Either way it is opened as a
`SigningIdentity` (`reports.signing_identity`), a context manager that closes the token session.
`sign_pdf` takes PDF bytes and returns the signed bytes: one incremental update holding the
signature field, its appearance (`reports.stamp`) and the CMS container (subfilter
ETSI.CAdES.detached, SHA-256). PAdES B-B needs nothing online: no time-stamp server, no revocation
data.

This module stays the one door to signing: what the other modules, the command line and the
window import from it is re-exported here.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Final

import pkcs11
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, pkcs12
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from antq_desktop.domain.messages import message
from antq_desktop.reports.signing_identity import SigningError as SigningError
from antq_desktop.reports.signing_identity import SigningIdentity as SigningIdentity
from antq_desktop.reports.signing_identity import asn1_certificate
from antq_desktop.reports.signing_identity import common_name as common_name
from antq_desktop.reports.stamp import StampText as StampText
from antq_desktop.reports.stamp import render_stamp as render_stamp
from antq_desktop.reports.stamp import single_line_nfc, stamp_style
from antq_desktop.reports.stamp import stamp_lines as stamp_lines
from antq_desktop.reports.tokens import PKCS11_FAILED
from antq_desktop.reports.tokens import _log_in as _log_in  # tests drive it with a locked token
from antq_desktop.reports.tokens import open_pkcs11 as open_pkcs11

# pyHanko logs every failed trust check with a traceback; with no logging set up, Python would print
# it on stderr for the person at the terminal. The program's own logging setup still receives it.
for _library_logger in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_library_logger).addHandler(logging.NullHandler())

SIGNATURE_LEVEL: Final = "PAdES B-B"
DIGEST_ALGORITHM: Final = "sha256"

P12_MISSING = message(
    "signing.p12_missing",
    "Không tìm thấy tệp chữ ký số {path}. Hãy kiểm tra đường dẫn hoặc chọn lại tệp .p12/.pfx.",
    "The signing identity file {path} does not exist. Check the path or choose the .p12/.pfx "
    "file again.",
)
P12_UNREADABLE = message(
    "signing.p12_unreadable",
    "Không đọc được tệp chữ ký số {path} ({detail}). Hãy kiểm tra quyền truy cập tệp hoặc chép "
    "tệp vào máy rồi thử lại.",
    "The signing identity file {path} cannot be read ({detail}). Check the file's permissions or "
    "copy it to this computer and try again.",
)
P12_NOT_PKCS12 = message(
    "signing.not_pkcs12",
    "Tệp {path} không phải tệp chữ ký số PKCS#12 (.p12/.pfx). Hãy chọn đúng tệp chữ ký số mà đơn "
    "vị cấp cho bạn.",
    "The file {path} is not a PKCS#12 signing identity (.p12/.pfx). Choose the signing identity "
    "file you were given.",
)
P12_WRONG_PASSWORD = message(
    "signing.wrong_password",
    "Mật khẩu của tệp chữ ký số {path} không đúng. Hãy nhập lại mật khẩu (phân biệt chữ hoa, chữ "
    "thường).",
    "The password of the signing identity file {path} is wrong. Type the password again (it is "
    "case-sensitive).",
)
P12_NO_KEY = message(
    "signing.p12_no_key",
    "Tệp {path} chỉ chứa chứng thư số, không có khóa bí mật nên không ký được. Hãy chọn tệp .p12/"
    ".pfx có cả khóa bí mật (tệp .cer/.crt chỉ dùng để kiểm tra chữ ký).",
    "The file {path} holds a certificate but no private key, so it cannot sign. Choose a .p12/.pfx "
    "file that includes the private key (a .cer/.crt file is only for checking signatures).",
)
P12_NO_CERTIFICATE = message(
    "signing.p12_no_certificate",
    "Tệp {path} có khóa bí mật nhưng không có chứng thư số của người ký. Hãy xuất lại tệp "
    ".p12/.pfx kèm chứng thư số.",
    "The file {path} holds a private key but not the signer's certificate. Export the .p12/.pfx "
    "file again with the certificate included.",
)
P12_KEY_MISMATCH = message(
    "signing.p12_key_mismatch",
    "Trong tệp {path}, khóa bí mật không khớp với chứng thư số nên chữ ký sẽ không hợp lệ. Hãy "
    "xuất lại tệp .p12/.pfx từ đúng cặp khóa và chứng thư.",
    "In the file {path} the private key does not match the certificate, so signatures would be "
    "invalid. Export the .p12/.pfx file again from the matching key and certificate.",
)
NOT_A_PDF = message(
    "signing.not_pdf",
    "Dữ liệu cần ký không phải tệp PDF đọc được ({detail}). Hãy tạo lại báo cáo rồi ký.",
    "The data to sign is not a readable PDF file ({detail}). Create the report again, then sign.",
)
NO_PDF_HEADER = message(
    "signing.no_pdf_header",
    "thiếu phần đầu %PDF- của tệp PDF",
    "the %PDF- header of a PDF file is missing",
)
PAGE_OUT_OF_RANGE = message(
    "signing.page_out_of_range",
    "Không đặt được chữ ký ở trang {page}: tài liệu chỉ có {count} trang. Hãy chọn trang khác.",
    "The signature cannot go on page {page}: the document has only {count} pages. Choose another "
    "page.",
)
SIGNING_FAILED = message(
    "signing.failed",
    "Không ký được tài liệu ({detail}). Tài liệu chưa được ký; hãy thử lại hoặc dùng chữ ký số "
    "khác.",
    "The document could not be signed ({detail}). It is left unsigned; try again or use another "
    "signing identity.",
)


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes, in PDF points with the origin at the bottom left."""

    page: int  # 0-based page index; -1 = last page
    box: tuple[float, float, float, float]  # x1, y1, x2, y2


# --- PKCS#12 -----------------------------------------------------------------------------------


def read_pkcs12(
    path: Path, password: str
) -> tuple[PrivateKeyTypes, x509.Certificate, list[x509.Certificate]]:
    """The private key, the certificate and the other certificates of a PKCS#12 file."""
    if not path.is_file():
        raise SigningError(P12_MISSING(path=str(path)))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningError(P12_UNREADABLE(path=str(path), detail=error.strerror or error)) from None
    if not _looks_like_pkcs12(data):
        raise SigningError(P12_NOT_PKCS12(path=str(path)))
    try:
        key, certificate, others = pkcs12.load_key_and_certificates(
            data, password.encode("utf-8") if password else None
        )
    except ValueError:
        # The outer structure is PKCS#12 (checked above), so what fails is the password (the MAC
        # or the decryption of the bags).
        raise SigningError(P12_WRONG_PASSWORD(path=str(path))) from None
    if key is None:
        raise SigningError(P12_NO_KEY(path=str(path)))
    if certificate is None:
        raise SigningError(P12_NO_CERTIFICATE(path=str(path)))
    public_format = PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(
        Encoding.DER, public_format
    ) != certificate.public_key().public_bytes(Encoding.DER, public_format):
        raise SigningError(P12_KEY_MISMATCH(path=str(path)))
    return key, certificate, list(others)


def _looks_like_pkcs12(data: bytes) -> bool:
    """True for a DER PFX structure (version 3, an authenticated safe), whatever the password."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        return bool(
            pfx["version"].native == "v3"
            and pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
        )
    except Exception:  # asn1crypto raises ValueError, TypeError or KeyError on other data
        return False


class _LoadedKeySigner(signers.SimpleSigner):
    """`SimpleSigner` that signs with the key object it was given.

    pyHanko's parses the key from DER for every signature value, twice per document (the size
    estimate signs too); checking an RSA 3072 key that way takes about 0.4 s each time.
    """

    def __init__(
        self,
        key: PrivateKeyTypes,
        certificate: x509.Certificate,
        others: list[x509.Certificate],
    ) -> None:
        registry = SimpleCertificateStore()  # type: ignore[no-untyped-call]
        registry.register_multiple(asn1_certificate(other) for other in others)
        super().__init__(
            signing_cert=asn1_certificate(certificate),
            signing_key=translate_pyca_cryptography_key_to_asn1(key),
            cert_registry=registry,
        )
        self._key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        algorithm = get_pyca_cryptography_hash(digest_algorithm)
        key = self._key
        if mechanism.signature_algo == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), algorithm)
        if mechanism.signature_algo == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(algorithm))
        signature: bytes = super().sign_raw(data, digest_algorithm)
        return signature


def open_pkcs12(path: Path, password: str) -> SigningIdentity:
    """Open a PKCS#12 (.p12/.pfx) signing identity."""
    key, certificate, others = read_pkcs12(path, password)
    return SigningIdentity(_LoadedKeySigner(key, certificate, others), certificate)


# --- signing -----------------------------------------------------------------------------------


def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity,
    box: SignatureBox,
    stamp: StampText,
    *,
    reason: str = "",
    location: str = "",
    signing_time: datetime | None = None,
) -> bytes:
    """Sign `pdf` (PAdES B-B, SHA-256) with a visible signature in `box`; return the signed PDF.

    `signing_time` (default now; a naive time is local) goes into the signature dictionary (/M)
    and the stamp; the certificate must be valid at that moment. A box without area is a
    programming error (ValueError); everything else a person can fix is a `SigningError`.
    """
    moment = (signing_time or datetime.now()).astimezone()
    identity.check_valid_at(moment)
    x1, y1, x2, y2 = (round(value) for value in box.box)
    if x2 <= x1 or y2 <= y1:
        raise ValueError(f"the signature box {box.box} has no area")
    writer, page_count = _open_pdf(pdf)
    if not -page_count <= box.page < page_count:
        shown = box.page + 1 if box.page >= 0 else box.page
        raise SigningError(PAGE_OUT_OF_RANGE(page=shown, count=page_count))
    field_name = _new_field_name(writer)
    holder = common_name(identity.certificate.subject, whole_name_if_none=False)
    lines = stamp_lines(stamp, holder, moment)
    style = stamp_style(x2 - x1, y2 - y1, lines)
    pdf_signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(
            field_name=field_name,
            md_algorithm=DIGEST_ALGORITHM,
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=single_line_nfc(reason) or None,
            location=single_line_nfc(location) or None,
        ),
        signer=identity.signer,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(
            sig_field_name=field_name, on_page=box.page, box=(x1, y1, x2, y2)
        ),
    )
    output = BytesIO()
    try:
        asyncio.run(_sign(pdf_signer, writer, moment, output))
    except SigningError:
        raise
    except pkcs11.PKCS11Error as error:
        raise SigningError(PKCS11_FAILED(detail=type(error).__name__)) from None
    except Exception as error:  # pyHanko's errors are not one family; none may reach the user
        raise SigningError(SIGNING_FAILED(detail=str(error) or type(error).__name__)) from None
    return output.getvalue()


async def _sign(
    pdf_signer: signers.PdfSigner,
    writer: IncrementalPdfFileWriter,
    moment: datetime,
    output: BytesIO,
) -> None:
    """`PdfSigner.async_sign_pdf`, step by step, with the signing time set instead of now."""
    session = pdf_signer.init_signing_session(writer)
    session.system_time = moment
    validation_info = await session.perform_presign_validation(writer)
    bytes_reserved = await session.estimate_signature_container_size(validation_info)
    tbs_document = session.prepare_tbs_document(
        validation_info=validation_info, bytes_reserved=bytes_reserved
    )
    prepared_digest, result = tbs_document.digest_tbs_document(output=output)
    post_signing = await tbs_document.perform_signature(
        document_digest=prepared_digest.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=moment),
    )
    await post_signing.post_signature_processing(result)


def _open_pdf(pdf: bytes) -> tuple[IncrementalPdfFileWriter, int]:
    """A writer for an incremental update of `pdf`, and the number of pages."""
    if b"%PDF-" not in pdf[:1024]:
        raise SigningError(NOT_A_PDF(detail=NO_PDF_HEADER()))
    try:
        writer = IncrementalPdfFileWriter(BytesIO(pdf))
        page_count = int(writer.root["/Pages"]["/Count"])
    except Exception as error:  # a damaged file fails in many ways inside the PDF parser
        raise SigningError(NOT_A_PDF(detail=str(error) or type(error).__name__)) from None
    return writer, page_count


def _new_field_name(writer: IncrementalPdfFileWriter) -> str:
    taken = {name for name, _, _ in fields.enumerate_sig_fields(writer.prev)}
    number = 1
    while f"Signature{number}" in taken:
        number += 1
    return f"Signature{number}"
