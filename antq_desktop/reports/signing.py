"""Sign a finished report PDF with a PAdES B-B signature (pyHanko) and a visible Vietnamese stamp.

The signer is either a PKCS#12 file (.p12/.pfx, the fallback identity) or a key on a USB token
reached through the vendor's PKCS#11 library. Either way it is opened as a `SigningIdentity`, a
context manager that closes the token session. `sign_pdf` takes PDF bytes and returns the signed
bytes: one incremental update holding the signature field, its appearance and the CMS container
(subfilter ETSI.CAdES.detached, SHA-256). PAdES B-B needs nothing online: no time-stamp server,
no revocation data.

The visible stamp is drawn with reportlab in Liberation Serif (embedded, Vietnamese diacritics) and
imported as the appearance of the signature field: pyHanko's own text stamp would need fontTools
and HarfBuzz for an embedded font, and without them falls back to a base-14 font that has no
Vietnamese letters (REPORT-FORMAT.md, "Signing (PAdES)").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import pkcs11
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, pkcs12
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import (
    AxisAlignment,
    BoxConstraints,
    Margins,
    SimpleBoxLayoutRule,
)
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.pkcs11 import PKCS11Signer
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from antq_desktop.domain.messages import message
from antq_desktop.reports.fonts import SERIF, SERIF_BOLD, register_fonts
from antq_desktop.services.errors import ServiceError

# pyHanko logs every failed trust check with a traceback; with no logging set up, Python would print
# it on stderr for the person at the terminal. The program's own logging setup still receives it.
for _library_logger in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_library_logger).addHandler(logging.NullHandler())

SIGNATURE_LEVEL: Final = "PAdES B-B"
DIGEST_ALGORITHM: Final = "sha256"
STAMP_TIME_FORMAT: Final = "%d/%m/%Y %H:%M"

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
CERTIFICATE_EXPIRED = message(
    "signing.certificate_expired",
    "Chứng thư số của {subject} đã hết hạn ngày {not_after}, không dùng để ký lúc {moment} được. "
    "Hãy gia hạn hoặc xin cấp chứng thư số mới.",
    "The certificate of {subject} expired on {not_after} and cannot sign at {moment}. Renew it or "
    "obtain a new certificate.",
)
CERTIFICATE_NOT_YET_VALID = message(
    "signing.certificate_not_yet_valid",
    "Chứng thư số của {subject} chỉ có hiệu lực từ {not_before}, chưa dùng để ký lúc {moment} "
    "được. Hãy kiểm tra ngày giờ của máy tính.",
    "The certificate of {subject} is valid only from {not_before} and cannot sign at {moment}. "
    "Check the computer's date and time.",
)
PKCS11_LIBRARY_MISSING = message(
    "signing.pkcs11_library_missing",
    "Không tìm thấy thư viện PKCS#11 {path}. Hãy cài phần mềm điều khiển (driver) của USB token "
    "rồi chọn lại tệp thư viện (.dll/.so) trong phần cài đặt.",
    "The PKCS#11 library {path} does not exist. Install the USB token's driver software, then "
    "choose its library file (.dll/.so) again in the settings.",
)
PKCS11_LIBRARY_UNLOADABLE = message(
    "signing.pkcs11_library_unloadable",
    "Không nạp được thư viện PKCS#11 {path} ({detail}). Hãy chọn đúng tệp thư viện PKCS#11 của "
    "USB token (cùng kiểu 32/64 bit với chương trình) hoặc cài lại phần mềm của token.",
    "The PKCS#11 library {path} cannot be loaded ({detail}). Choose the token's PKCS#11 library "
    "file (matching this program's 32/64 bits) or reinstall the token's software.",
)
PKCS11_TOKEN_NOT_FOUND = message(
    "signing.token_not_found",
    "Không thấy USB token có nhãn \u201c{label}\u201d. Các token đang cắm: {found}. Hãy cắm "
    "đúng token hoặc sửa nhãn token trong phần cài đặt.",
    "No USB token labelled \u201c{label}\u201d was found. Tokens present: {found}. Plug in the "
    "right token or correct the token label in the settings.",
)
PKCS11_KEY_NOT_FOUND = message(
    "signing.key_not_found",
    "Trên token \u201c{token}\u201d không có khóa ký có nhãn \u201c{label}\u201d. Các khóa có "
    "trên token: {found}. Hãy sửa nhãn khóa trong phần cài đặt.",
    "The token \u201c{token}\u201d has no signing key labelled \u201c{label}\u201d. Keys on "
    "the token: {found}. Correct the key label in the settings.",
)
PKCS11_CERTIFICATE_NOT_FOUND = message(
    "signing.token_certificate_not_found",
    "Trên token \u201c{token}\u201d có khóa \u201c{label}\u201d nhưng không có chứng thư số "
    "đi kèm. Hãy nạp chứng thư số vào token bằng phần mềm của nhà cung cấp.",
    "The token \u201c{token}\u201d holds the key \u201c{label}\u201d but not its certificate. "
    "Load the certificate onto the token with the vendor's software.",
)
PKCS11_NONE_FOUND = message(
    "signing.none_found",
    "(không có)",
    "(none)",
)
PKCS11_WRONG_PIN = message(
    "signing.wrong_pin",
    "Mã PIN của token \u201c{token}\u201d không đúng. Hãy nhập lại; lưu ý nhập sai nhiều lần "
    "token sẽ bị khóa.",
    "The PIN of the token \u201c{token}\u201d is wrong. Type it again; note that too many wrong "
    "PINs lock the token.",
)
PKCS11_PIN_FINAL_TRY = message(
    "signing.pin_final_try",
    "Mã PIN của token \u201c{token}\u201d không đúng và chỉ còn một lần thử: nhập sai lần nữa "
    "token sẽ bị khóa. Hãy kiểm tra kỹ mã PIN trước khi nhập.",
    "The PIN of the token \u201c{token}\u201d is wrong and one try is left: one more wrong PIN "
    "locks the token. Check the PIN carefully before typing it.",
)
PKCS11_TOKEN_LOCKED = message(
    "signing.token_locked",
    "Token \u201c{token}\u201d đã bị khóa do nhập sai mã PIN quá số lần cho phép. Hãy liên hệ "
    "nhà cung cấp chứng thư số để mở khóa.",
    "The token \u201c{token}\u201d is locked after too many wrong PINs. Contact the certificate "
    "provider to unlock it.",
)
PKCS11_FAILED = message(
    "signing.pkcs11_failed",
    "USB token báo lỗi ({detail}). Hãy rút token ra, cắm lại rồi thử lại.",
    "The USB token reported an error ({detail}). Unplug the token, plug it in again and retry.",
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
STAMP_SIGNED_BY = message("signing.stamp_signed_by", "Ký bởi: {signer}", "Signed by: {signer}")
STAMP_TIME = message("signing.stamp_time", "Thời gian ký: {time}", "Signing time: {time}")


class SigningError(ServiceError):
    """A signing identity that cannot be opened or used, or a document that cannot be signed."""


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes, in PDF points with the origin at the bottom left."""

    page: int  # 0-based page index; -1 = last page
    box: tuple[float, float, float, float]  # x1, y1, x2, y2


@dataclass(frozen=True)
class StampText:
    """What the visible signature shows besides the signing time (Vietnamese)."""

    # e.g. "Nguyễn Văn An". The stamp's "Ký bởi" names the certificate's holder, as PDF readers and
    # `verify_pdf` do, so that the picture cannot claim another signer; this name shows only for a
    # certificate without a common name.
    signer: str
    unit: str  # e.g. "Công an phường Bến Thành"; "" leaves the line out


class SigningIdentity:
    """An opened signer: a certificate and a way to use its private key.

    A context manager; leaving it closes the token session (a PKCS#12 identity holds nothing open).
    """

    def __init__(
        self,
        signer: signers.Signer,
        certificate: x509.Certificate,
        *,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        self._signer = signer
        self._certificate = certificate
        self._on_close = on_close

    @property
    def subject_name(self) -> str:
        """The certificate's common name (the signer's name)."""
        return common_name(self._certificate.subject)

    @property
    def certificate_pem(self) -> bytes:
        return self._certificate.public_bytes(Encoding.PEM)

    @property
    def certificate(self) -> x509.Certificate:
        return self._certificate

    @property
    def signer(self) -> signers.Signer:
        """The pyHanko signer (for this package's own use)."""
        return self._signer

    def check_valid_at(self, moment: datetime) -> None:
        """Raise `SigningError` unless the certificate is valid at `moment` (aware)."""
        certificate = self._certificate
        shown = {"subject": self.subject_name, "moment": _local_text(moment)}
        if moment > certificate.not_valid_after_utc:
            not_after = _local_text(certificate.not_valid_after_utc)
            raise SigningError(CERTIFICATE_EXPIRED(not_after=not_after, **shown))
        if moment < certificate.not_valid_before_utc:
            not_before = _local_text(certificate.not_valid_before_utc)
            raise SigningError(CERTIFICATE_NOT_YET_VALID(not_before=not_before, **shown))

    def close(self) -> None:
        on_close, self._on_close = self._on_close, None
        if on_close is not None:
            on_close()

    def __enter__(self) -> SigningIdentity:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def common_name(name: x509.Name, *, whole_name_if_none: bool = True) -> str:
    """The first common name of an X.509 name; when it has none, its whole text (or "")."""
    attributes = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    if attributes:
        value = attributes[0].value
        return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return name.rfc4514_string() if whole_name_if_none else ""


def _local_text(moment: datetime) -> str:
    return moment.astimezone().strftime(STAMP_TIME_FORMAT)


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
        registry.register_multiple(_to_asn1(other) for other in others)
        super().__init__(
            signing_cert=_to_asn1(certificate),
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


def _to_asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(Encoding.DER))


# --- PKCS#11 -----------------------------------------------------------------------------------

# How many identities use each loaded library. When the last one closes, the library is finalised
# (C_Finalize), so the next opening initialises it again and sees tokens plugged in meanwhile.
_library_users: dict[str, int] = {}
_library_lock = threading.Lock()


def _acquire_library(library: Path) -> Any:
    location = str(library)
    if not library.is_file():
        raise SigningError(PKCS11_LIBRARY_MISSING(path=location))
    with _library_lock:
        try:
            loaded = pkcs11.lib(location)
        except (pkcs11.PKCS11Error, OSError) as error:
            raise SigningError(
                PKCS11_LIBRARY_UNLOADABLE(path=location, detail=str(error) or type(error).__name__)
            ) from None
        _library_users[location] = _library_users.get(location, 0) + 1
        return loaded


def _release_library(library: Path, loaded: Any) -> None:
    location = str(library)
    with _library_lock:
        users = _library_users.get(location, 1) - 1
        if users > 0:
            _library_users[location] = users
            return
        _library_users.pop(location, None)
        with contextlib.suppress(pkcs11.PKCS11Error):  # done with the library either way
            loaded.finalize()


def _labels(found: list[str]) -> object:
    return ", ".join(f"\u201c{label}\u201d" for label in found) if found else PKCS11_NONE_FOUND()


def open_pkcs11(library: Path, token_label: str, key_label: str, pin: str) -> SigningIdentity:
    """Open the key `key_label` on the token `token_label` through a PKCS#11 library."""
    loaded = _acquire_library(library)
    session: Any = None
    try:
        token = _find_token(loaded, token_label)
        session = _log_in(token, pin)
        key, certificate = _find_key_and_certificate(session, token_label, key_label)
        key_id = key[pkcs11.Attribute.ID] or None
        signer = PKCS11Signer(
            session,
            signing_cert=_to_asn1(certificate),
            key_label=key_label,
            key_id=key_id,
            other_certs_to_pull=None,  # the CA chain, when the vendor put it on the token
        )
    except BaseException:
        if session is not None:
            session.close()
        _release_library(library, loaded)
        raise

    def close() -> None:
        try:
            session.close()
        except pkcs11.PKCS11Error:
            pass  # a token pulled out has no session left to close
        finally:
            _release_library(library, loaded)

    return SigningIdentity(signer, certificate, on_close=close)


def _find_token(loaded: Any, token_label: str) -> Any:
    try:
        tokens = [slot.get_token() for slot in loaded.get_slots(token_present=True)]
    except pkcs11.PKCS11Error as error:
        raise SigningError(PKCS11_FAILED(detail=type(error).__name__)) from None
    initialised = [t for t in tokens if t.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED]
    for token in initialised:
        if token.label == token_label.strip():
            return token
    found = sorted({token.label for token in initialised})
    raise SigningError(PKCS11_TOKEN_NOT_FOUND(label=token_label, found=_labels(found)))


def _log_in(token: Any, pin: str) -> Any:
    if token.flags & pkcs11.TokenFlag.USER_PIN_LOCKED:
        raise SigningError(PKCS11_TOKEN_LOCKED(token=token.label))
    try:
        return token.open(user_pin=pin)
    except pkcs11.PinLocked:
        raise SigningError(PKCS11_TOKEN_LOCKED(token=token.label)) from None
    except (pkcs11.PinIncorrect, pkcs11.PinInvalid, pkcs11.PinLenRange):
        final_try = _token_flags(token) & pkcs11.TokenFlag.USER_PIN_FINAL_TRY
        template = PKCS11_PIN_FINAL_TRY if final_try else PKCS11_WRONG_PIN
        raise SigningError(template(token=token.label)) from None
    except pkcs11.PKCS11Error as error:
        raise SigningError(PKCS11_FAILED(detail=type(error).__name__)) from None


def _token_flags(token: Any) -> int:
    """The token's flags read again (they change after a failed log-in), 0 when unreadable."""
    try:
        return int(token.slot.get_token().flags)
    except pkcs11.PKCS11Error:
        return 0


def _find_key_and_certificate(
    session: Any, token_label: str, key_label: str
) -> tuple[Any, x509.Certificate]:
    """The private key labelled `key_label` and its certificate (same ID, else same label)."""
    private = pkcs11.ObjectClass.PRIVATE_KEY
    keys = list(session.get_objects({pkcs11.Attribute.CLASS: private}))
    matching = [key for key in keys if key.label == key_label.strip()]
    if not matching:
        found = sorted({key.label for key in keys if key.label})
        raise SigningError(
            PKCS11_KEY_NOT_FOUND(token=token_label, label=key_label, found=_labels(found))
        )
    key = matching[0]
    certificate_class = {pkcs11.Attribute.CLASS: pkcs11.ObjectClass.CERTIFICATE}
    queries = []
    if key[pkcs11.Attribute.ID]:
        queries.append({**certificate_class, pkcs11.Attribute.ID: key[pkcs11.Attribute.ID]})
    queries.append({**certificate_class, pkcs11.Attribute.LABEL: key_label})
    for query in queries:
        # a search is read to its end: one left open blocks the session's next search
        for found_certificate in list(session.get_objects(query)):
            value = found_certificate[pkcs11.Attribute.VALUE]
            try:
                return key, x509.load_der_x509_certificate(bytes(value))
            except ValueError:
                continue
    raise SigningError(PKCS11_CERTIFICATE_NOT_FOUND(token=token_label, label=key_label))


# --- the visible stamp -------------------------------------------------------------------------

# The report's own font (reports.fonts): Liberation Serif, embedded as a subset.
STAMP_FONT: Final = SERIF
STAMP_FONT_BOLD: Final = SERIF_BOLD
_STAMP_INK: Final = (0.63, 0.05, 0.05)  # the dark red of signed Vietnamese e-documents
_STAMP_PADDING: Final = 4.0
_STAMP_MAX_FONT_SIZE: Final = 11.0
_STAMP_MIN_FONT_SIZE: Final = 4.0
_LINE_SPACING: Final = 1.22


def stamp_lines(stamp: StampText, holder: str, moment: datetime) -> list[tuple[str, str]]:
    """The stamp's lines as (font, text): the certificate's holder (or, for a certificate without
    a common name, `stamp.signer`), the unit when given, the signing time."""
    signer = _nfc(holder) or _nfc(stamp.signer)
    lines = [(STAMP_FONT_BOLD, STAMP_SIGNED_BY(signer=signer).render("vi"))]
    if _nfc(stamp.unit):
        lines.append((STAMP_FONT, _nfc(stamp.unit)))
    lines.append((STAMP_FONT, STAMP_TIME(time=_local_text(moment)).render("vi")))
    return lines


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def render_stamp(width: float, height: float, lines: list[tuple[str, str]]) -> bytes:
    """A one-page PDF of the stamp's size: a thin frame and the lines, wrapped and centred.

    The largest font size (up to 11 pt) at which the wrapped lines fit is used.
    """
    register_fonts()
    inner_width = max(width - 2 * _STAMP_PADDING, 1.0)
    inner_height = max(height - 2 * _STAMP_PADDING, 1.0)
    size = _STAMP_MAX_FONT_SIZE
    while True:
        wrapped = [
            (font, part)
            for font, text in lines
            for part in simpleSplit(text, font, size, inner_width) or [""]
        ]
        if len(wrapped) * size * _LINE_SPACING <= inner_height or size <= _STAMP_MIN_FONT_SIZE:
            break
        size = max(size - 0.25, _STAMP_MIN_FONT_SIZE)
    buffer = BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(width, height),
        initialFontName=STAMP_FONT,  # no base-14 font in the page resources, used or not
        initialFontSize=size,
        invariant=True,
    )
    canvas.setStrokeColorRGB(*_STAMP_INK)
    canvas.setFillColorRGB(*_STAMP_INK)
    canvas.setLineWidth(0.8)
    canvas.rect(0.4, 0.4, width - 0.8, height - 0.8)
    leading = size * _LINE_SPACING
    block_height = len(wrapped) * leading
    # the first baseline, so that the block of lines sits in the middle of the frame
    baseline = height / 2 + block_height / 2 - size * 0.9
    for font, text in wrapped:
        canvas.setFont(font, size)
        canvas.drawCentredString(width / 2, baseline, text)
        baseline -= leading
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


class _ImportedPdfBytes(PdfContent):
    """The first page of an in-memory PDF as a form XObject (pyHanko's own reads a file)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        reader = PdfFileReader(BytesIO(self._data))
        xobject = writer.import_page_as_xobject(reader, page_ix=0)
        self.resources.xobject["/AntqStamp"] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return b"/AntqStamp Do"


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
    style = StaticStampStyle(
        background=_ImportedPdfBytes(render_stamp(x2 - x1, y2 - y1, lines)),
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MIN,
            margins=Margins(),  # none: the stamp fills the field
        ),
        border_width=0,
    )
    pdf_signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(
            field_name=field_name,
            md_algorithm=DIGEST_ALGORITHM,
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=_nfc(reason) or None,
            location=_nfc(location) or None,
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
