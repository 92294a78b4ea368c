"""The interface language chosen on the settings page, kept as UI state in `QSettings`.

Key `ui/language` (value "vi" or "en") in the application's QSettings (organisation "ANTQ",
application "ANTQ Desktop"). At start-up `startup_language()` decides: a language given on the
command line (`--lang`, or the ANTQ_LANG variable) wins; otherwise the saved choice; otherwise
Vietnamese.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from antq_desktop.domain.messages import SUPPORTED_LANGUAGES

LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "vi"


def saved_language() -> str | None:
    """The language saved on the settings page, or None when none (or an unknown one) is."""
    value = QSettings().value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in SUPPORTED_LANGUAGES else None


def save_language(language: str) -> None:
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unknown interface language: {language}")
    settings = QSettings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def startup_language(given: str | None) -> str:
    """The language to start in: `given` (from the command line) first, then the saved one."""
    if given in SUPPORTED_LANGUAGES:
        assert given is not None
        return given
    return saved_language() or DEFAULT_LANGUAGE
