"""Closed lists: every member has a Vietnamese and an English label, and parsing finds it again."""

from __future__ import annotations

import pytest

from antq_desktop.domain import enums
from antq_desktop.domain.enums import LABELS, Gender, LabelledEnum


def _all_subclasses(cls: type) -> list[type]:
    found: list[type] = []
    subclasses: list[type] = cls.__subclasses__()
    for sub in subclasses:
        found += [sub, *_all_subclasses(sub)]
    return found


ENUMS: list[type[LabelledEnum]] = sorted(
    _all_subclasses(LabelledEnum), key=lambda enum_type: enum_type.__name__
)
MEMBERS = [member for enum_type in ENUMS for member in enum_type]


def test_the_domain_enums_are_found() -> None:
    names = {enum_type.__name__ for enum_type in ENUMS}
    declared = {
        name
        for name, value in vars(enums).items()
        if isinstance(value, type) and issubclass(value, LabelledEnum) and value is not LabelledEnum
    }
    assert declared <= names
    assert {"Gender", "ProgramKind", "Rating", "UnitLevel"} <= names


@pytest.mark.parametrize("enum_type", ENUMS, ids=lambda enum_type: enum_type.__name__)
def test_labels_cover_exactly_the_members(enum_type: type[LabelledEnum]) -> None:
    assert enum_type.__name__ in LABELS, f"no labels for {enum_type.__name__}"
    assert set(LABELS[enum_type.__name__]) == {member.value for member in enum_type}


def test_no_labels_for_enums_that_do_not_exist() -> None:
    assert set(LABELS) <= {enum_type.__name__ for enum_type in ENUMS}


@pytest.mark.parametrize("member", MEMBERS, ids=lambda member: f"{type(member).__name__}.{member}")
def test_every_member_has_a_label_in_both_languages(member: LabelledEnum) -> None:
    vi = member.label("vi")
    en = member.label("en")
    assert vi
    assert en
    assert vi == vi.strip()
    assert en == en.strip()
    assert member.label() == vi  # Vietnamese is the default


@pytest.mark.parametrize("enum_type", ENUMS, ids=lambda enum_type: enum_type.__name__)
def test_labels_are_unique_within_an_enum(enum_type: type[LabelledEnum]) -> None:
    # `parse` accepts a label, so two members sharing one would make it ambiguous.
    for language in ("vi", "en"):
        labels = [member.label(language).casefold() for member in enum_type]
        assert len(set(labels)) == len(labels), (enum_type.__name__, language)


@pytest.mark.parametrize("member", MEMBERS, ids=lambda member: f"{type(member).__name__}.{member}")
def test_parse_finds_a_member_by_code_or_label(member: LabelledEnum) -> None:
    enum_type = type(member)
    assert enum_type.parse(member.value) is member
    assert enum_type.parse(member.label("vi")) is member
    assert enum_type.parse(f"  {member.label('en').upper()} ") is member


def test_parse_refuses_an_unknown_text() -> None:
    with pytest.raises(ValueError, match="robot"):
        Gender.parse("robot")


def test_values_are_stable_codes() -> None:
    # Stored in the database and in sync bundles: lower-case ASCII codes, never labels.
    for member in MEMBERS:
        assert member.value.isascii()
        assert member.value == member.value.lower()
        assert " " not in member.value
    assert Gender.FEMALE.value == "female"
    assert str(Gender.FEMALE) == "female"
    assert Gender.FEMALE.label("vi") == "Nữ"
