"""Bilingual messages: every template renders in Vietnamese and English with the same placeholders.

Templates register themselves when their module is imported, so every module that may declare one
is imported first (not `ui`, whose texts go through Qt's `tr()`, nor the Alembic scripts, nor
`__main__`, which runs the program).
"""

from __future__ import annotations

import importlib
import pkgutil
import string

import pytest

import antq_desktop
from antq_desktop.domain.messages import (
    SUPPORTED_LANGUAGES,
    Message,
    MessageTemplate,
    all_templates,
    message,
)

# Templates that are the same in every language because they hold no words, only placeholders and
# punctuation (checked below, so the exemption cannot hide an untranslated sentence).
LANGUAGE_NEUTRAL = {"span.text"}

_NOT_IMPORTED = ("antq_desktop.ui", "antq_desktop.store.migrations", "antq_desktop.__main__")


def _import_every_module() -> list[str]:
    names = []
    for module in pkgutil.walk_packages(antq_desktop.__path__, prefix="antq_desktop."):
        if module.name.startswith(_NOT_IMPORTED):
            continue
        importlib.import_module(module.name)
        names.append(module.name)
    return names


IMPORTED = _import_every_module()
TEMPLATES = sorted(all_templates(), key=lambda template: template.key)


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a format string."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_templates_from_every_layer_are_registered() -> None:
    assert "antq_desktop.domain.validation" in IMPORTED
    assert "antq_desktop.store.database" in IMPORTED
    keys = {template.key for template in TEMPLATES}
    assert {"citizen_id.format", "db.missing", "db.too_new"} <= keys


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda template: template.key)
def test_placeholders_are_plain_names_and_match(template: MessageTemplate) -> None:
    vi_fields = placeholders(template.vi)
    en_fields = placeholders(template.en)
    assert vi_fields == en_fields, f"{template.key}: vi {vi_fields} but en {en_fields}"
    for field in vi_fields:
        assert field.isidentifier(), f"{template.key}: {{{field}}} is not a plain name"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda template: template.key)
def test_every_template_renders_in_both_languages(template: MessageTemplate) -> None:
    params = {field: f"<{field}>" for field in placeholders(template.vi)}
    rendered = {language: template(**params).render(language) for language in SUPPORTED_LANGUAGES}
    for language, text in rendered.items():
        assert text.strip(), f"{template.key}: empty in {language}"
        for value in params.values():
            assert value in text, f"{template.key}: {value} missing in {language}"
    if template.key in LANGUAGE_NEUTRAL:
        words = string.Formatter().parse(template.vi)
        assert not any(ch.isalpha() for literal, _, _, _ in words for ch in literal)
        assert template.vi == template.en
    else:
        assert rendered["vi"] != rendered["en"], f"{template.key}: not translated"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda template: template.key)
def test_texts_are_trimmed(template: MessageTemplate) -> None:
    for text in (template.vi, template.en):
        assert text == text.strip()
        assert "  " not in text


def test_keys_are_unique() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        message("citizen_id.format", "x", "y")


def test_nested_messages_and_enum_labels_follow_the_language() -> None:
    from antq_desktop.domain.enums import Gender

    inner = MessageTemplate("test.inner", "đơn vị", "unit")
    outer = MessageTemplate("test.outer", "Không có {kind} ({gender})", "No {kind} ({gender})")
    rendered = outer(kind=inner(), gender=Gender.FEMALE)
    assert isinstance(rendered, Message)
    assert rendered.render("vi") == "Không có đơn vị (Nữ)"
    assert rendered.render("en") == "No unit (Female)"
    assert str(rendered) == rendered.render("vi")
    assert rendered.key == "test.outer"


def test_messages_are_values() -> None:
    template = MessageTemplate("test.value", "{a} và {b}", "{a} and {b}")
    assert template(a=1, b=2) == template(b=2, a=1)
    assert hash(template(a=1, b=2)) == hash(template(b=2, a=1))
