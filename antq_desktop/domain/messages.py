"""Messages a person reads that are produced below the UI (validation errors, command-line errors).

Vietnamese is the source language; English is the translation. Every message is declared once with
both texts, so a test can check that none is missing, and the UI and the command line render the
same words. The Qt layer translates its own widget texts with `tr()`; these messages arrive already
rendered in the chosen language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from antq_desktop.domain.text import format_number

SUPPORTED_LANGUAGES: Final = ("vi", "en")


@dataclass(frozen=True)
class MessageTemplate:
    """One message in both languages, with `{name}` placeholders."""

    key: str
    vi: str
    en: str

    def __call__(self, **params: object) -> Message:
        return Message(self, tuple(sorted(params.items())))


@dataclass(frozen=True)
class Message:
    """A message with its parameters, rendered late in the language the user chose."""

    template: MessageTemplate
    params: tuple[tuple[str, object], ...] = field(default=())

    @property
    def key(self) -> str:
        return self.template.key

    def render(self, language: str = "vi") -> str:
        text = self.template.en if language == "en" else self.template.vi
        rendered_params = {name: _render_value(value, language) for name, value in self.params}
        return text.format(**rendered_params)

    def __str__(self) -> str:
        return self.render("vi")


@dataclass(frozen=True)
class Quantity:
    """A number shown the way readers of the language write it (1.612 / 1,612; 0,5 / 0.5).

    Plain `int` parameters stay as they are, so years and codes never get a separator."""

    value: float
    decimals: int = 0


def _render_value(value: object, language: str) -> object:
    """Nested messages, quantities and labelled enum members are shown in the same language."""
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, Quantity):
        return format_number(value.value, language, value.decimals)
    label = getattr(value, "label", None)
    if callable(label):
        return label(language)
    return value


_REGISTRY: dict[str, MessageTemplate] = {}


def message(key: str, vi: str, en: str) -> MessageTemplate:
    """Declare a message; keys are unique across the program."""
    if key in _REGISTRY:
        raise ValueError(f"message key declared twice: {key}")
    template = MessageTemplate(key, vi, en)
    _REGISTRY[key] = template
    return template


def all_templates() -> list[MessageTemplate]:
    return list(_REGISTRY.values())
