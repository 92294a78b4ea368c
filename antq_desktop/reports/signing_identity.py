"""An opened signer (`SigningIdentity`) and the error every signing step raises (`SigningError`).

The pieces that the PKCS#12 file (`reports.signing`) and the USB token (`reports.tokens`) ways of
opening a signer share, kept apart so that neither has to import the other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.sign import signers

from antq_desktop.domain.messages import message
from antq_desktop.reports.stamp import local_time_text
from antq_desktop.services.errors import ServiceError

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


class SigningError(ServiceError):
    """A signing identity that cannot be opened or used, or a document that cannot be signed."""


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
        shown = {"subject": self.subject_name, "moment": local_time_text(moment)}
        if moment > certificate.not_valid_after_utc:
            not_after = local_time_text(certificate.not_valid_after_utc)
            raise SigningError(CERTIFICATE_EXPIRED(not_after=not_after, **shown))
        if moment < certificate.not_valid_before_utc:
            not_before = local_time_text(certificate.not_valid_before_utc)
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


def asn1_certificate(certificate: x509.Certificate) -> asn1_x509.Certificate:
    """`certificate` as the asn1crypto object pyHanko's signers take."""
    return asn1_x509.Certificate.load(certificate.public_bytes(Encoding.DER))
