"""The interface language: Qt's translator for widget texts, and the language service messages use.

Widget texts are written in Vietnamese inside `tr()`; English comes from
`resources/translations/antq_en.qm`. Messages from the services (validation errors, …) carry both
languages already and are rendered with `language()`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from antq_desktop.resources import resource_path

TRANSLATION_FILE = ("translations", "antq_en.qm")
QT_TEXTS_FILE = ("translations", "qt_vi.qm")
"""Vietnamese for the texts Qt draws itself (the Yes/No/Cancel buttons of message boxes, the
right-click menu of text fields): Qt ships no Vietnamese translation."""

_language = "vi"
_translator: QTranslator | None = None


def language() -> str:
    """The language chosen for this run: "vi" or "en"."""
    return _language


def install(app: QCoreApplication, chosen: str) -> None:
    """Use `chosen` for the rest of the run: for English the program's translation, for
    Vietnamese (the language of the program's own texts) the one of Qt's standard texts.

    A missing or unreadable translation file is a broken installation: it raises rather than
    showing a half-translated window.
    """
    global _language, _translator
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    _language = "en" if chosen == "en" else "vi"
    path = resource_path(*(TRANSLATION_FILE if _language == "en" else QT_TEXTS_FILE))
    translator = QTranslator(app)
    if not translator.load(str(path)):
        raise RuntimeError(f"cannot load the translation file {path}")
    app.installTranslator(translator)
    _translator = translator


def error_text(error: BaseException) -> str:
    """What a person reads about a failed job, in the interface language.

    Errors from the services and the store carry a bilingual message; anything else is a bug, shown
    with its technical text so it can be reported.
    """
    render = getattr(error, "render", None)
    if callable(render):
        return str(render(_language))
    message = getattr(error, "message", None)
    if message is not None and callable(getattr(message, "render", None)):
        return str(message.render(_language))
    return QCoreApplication.translate(
        "Errors", "Lỗi không mong đợi ({kind}): {detail}. Hãy báo cho người quản trị."
    ).format(kind=type(error).__name__, detail=error)
