"""Open a signing key on a USB token through the vendor's PKCS#11 library.

`open_pkcs11` logs in to the token labelled as configured, finds the private key and its
certificate on it, and returns a `SigningIdentity` whose closing ends the token session. The
library stays loaded while any identity uses it and is finalised when the last one closes.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

import pkcs11
from cryptography import x509
from pyhanko.sign.pkcs11 import PKCS11Signer

from antq_desktop.domain.messages import message
from antq_desktop.reports.signing_identity import SigningError, SigningIdentity, asn1_certificate

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
            signing_cert=asn1_certificate(certificate),
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
