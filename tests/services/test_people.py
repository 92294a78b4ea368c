"""People: cleaning, validation, duplicate citizen IDs, accent-insensitive search, deletion."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

import pytest
from service_testing import Records, error_keys

from antq_desktop.domain.enums import Gender, MemberRole
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import people
from antq_desktop.services.errors import NotFound, ServiceError
from antq_desktop.services.people import PersonInput
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Person


def test_text_is_stored_nfc_trimmed_and_as_typed(
    workspace: Workspace, unit_id: str, records: Records
) -> None:
    decomposed = unicodedata.normalize("NFD", "  nguyễn   Văn  đức ")
    view = people.create_person(
        workspace,
        PersonInput(unit_id, decomposed, Gender.MALE, date(1990, 5, 1), "079 090 012 345",
                    "+84 912.345.678", " 12 Khánh Hội "),
    )  # fmt: skip
    assert view.full_name == "nguyễn Văn đức"  # NFC, single spaces, case kept as typed
    assert unicodedata.is_normalized("NFC", view.full_name)
    assert (view.citizen_id, view.phone, view.address) == ("079090012345", "0912345678",
                                                           "12 Khánh Hội")  # fmt: skip
    row = records.row(Person, view.id)
    assert row.search_text == "nguyen van duc 079090012345 0912345678"


def test_every_wrong_field_is_named_and_nothing_is_written(
    workspace: Workspace, unit_id: str, records: Records
) -> None:
    before = records.counts()
    with pytest.raises(ValidationFailed) as refused:
        people.create_person(
            workspace,
            PersonInput(unit_id, "   ", Gender.FEMALE, date(2030, 1, 1), "07909001234", "0123"),
        )
    assert error_keys(refused.value) == [
        ("full_name", "required"),
        ("birth_date", "birth_date.range"),
        ("citizen_id", "citizen_id.format"),
        ("phone", "phone.format"),
    ]
    assert "Chưa nhập “Họ và tên”" in refused.value.render("vi")
    assert "“Full name” is required" in refused.value.render("en")
    assert records.counts() == before


def test_citizen_id_must_agree_with_gender_and_birth_year(
    workspace: Workspace, unit_id: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        people.create_person(
            workspace, PersonInput(unit_id, "Lê Thị Hoa", Gender.FEMALE, None, "079090012345")
        )
    assert error_keys(refused.value) == [("citizen_id", "citizen_id.gender")]
    with pytest.raises(ValidationFailed) as refused:
        people.create_person(
            workspace,
            PersonInput(unit_id, "Lê Văn Hòa", Gender.MALE, date(1991, 1, 1), "079090012345"),
        )
    assert error_keys(refused.value) == [("citizen_id", "citizen_id.year")]


def test_a_shared_citizen_id_is_saved_and_flagged(workspace: Workspace, unit_id: str) -> None:
    first = people.create_person(workspace, PersonInput(unit_id, "Trần Văn Bình",
                                                        citizen_id="079085001234"))  # fmt: skip
    assert first.shares_citizen_id_with == ()
    second = people.create_person(workspace, PersonInput(unit_id, "Trần Bình",
                                                         citizen_id="079085001234"))  # fmt: skip
    assert second.shares_citizen_id_with == (first.id,)
    assert people.get_person(workspace, first.id).shares_citizen_id_with == (second.id,)
    assert people.duplicate_citizen_ids(workspace) == {
        "079085001234": sorted([first.id, second.id])
    }
    assert {p.id for p in people.find_by_citizen_id(workspace, "079 085 001 234")} == {
        first.id,
        second.id,
    }


def test_search_ignores_tones_marks_and_case_and_sorts_the_vietnamese_way(
    workspace: Workspace, unit_id: str
) -> None:
    names = ["Nguyễn Văn Đức", "Trần Thị Ánh", "Lê Văn An", "Phạm Đức Anh", "Võ Thị Ân",
             "Đặng Văn Dũng"]  # fmt: skip
    for name in names:
        people.create_person(workspace, PersonInput(unit_id, name))
    found = people.search_people(workspace, "nguyen van duc")
    assert [p.full_name for p in found] == ["Nguyễn Văn Đức"]
    assert [p.full_name for p in people.search_people(workspace, "ĐỨC")] == [
        "Phạm Đức Anh",
        "Nguyễn Văn Đức",
    ]
    assert [p.full_name for p in people.search_people(workspace)] == [
        "Lê Văn An",
        "Phạm Đức Anh",
        "Trần Thị Ánh",
        "Võ Thị Ân",
        "Đặng Văn Dũng",
        "Nguyễn Văn Đức",
    ]  # fmt: skip  (d before đ)
    assert people.count_people(workspace, "van") == 3
    assert people.count_people(workspace, "100%") == 0  # wildcards are taken literally
    assert [p.full_name for p in people.search_people(workspace, limit=2, offset=4)] == [
        "Đặng Văn Dũng",
        "Nguyễn Văn Đức",
    ]


def test_search_by_citizen_id_and_phone(workspace: Workspace, unit_id: str) -> None:
    people.create_person(
        workspace,
        PersonInput(unit_id, "Hồ Văn Tư", citizen_id="079077004321", phone="0283 825 1234"),
    )
    assert people.count_people(workspace, "4321") == 1
    assert people.count_people(workspace, "028 3825") == 1
    assert people.count_people(workspace, "9999") == 0


def test_update_and_delete(workspace: Workspace, unit_id: str, records: Records) -> None:
    view = people.create_person(workspace, PersonInput(unit_id, "Lý Văn Bích"))
    version = records.row(Person, view.id).version
    updated = people.update_person(workspace, view.id, PersonInput(unit_id, "Lý Thị Bích",
                                                                   Gender.FEMALE))  # fmt: skip
    assert updated.full_name == "Lý Thị Bích"
    assert records.row(Person, view.id).version > version
    people.delete_person(workspace, view.id)
    assert records.row(Person, view.id).deleted_at is not None
    with pytest.raises(NotFound):
        people.get_person(workspace, view.id)
    assert people.count_people(workspace) == 0


def test_a_person_still_in_a_group_cannot_be_deleted(
    workspace: Workspace, unit_id: str, make_person: Callable[[str], str], records: Records
) -> None:
    from antq_desktop.domain.enums import GroupStatus, MaintainingBody, ProgramKind
    from antq_desktop.services import groups, programs

    program = programs.create_program(
        workspace,
        programs.ProgramInput(unit_id=unit_id, name="Tổ tự quản chung cư H3",
                              kind=ProgramKind.APARTMENT_BLOCK,
                              maintaining_body=MaintainingBody.POLICE),
    )  # fmt: skip
    group = groups.create_group(
        workspace,
        groups.GroupInput(program_id=program.id, unit_id=unit_id, name="Tổ H3",
                          status=GroupStatus.ACTIVE),
    )  # fmt: skip
    person_id = make_person("Mai Văn Ba")
    groups.add_member(
        workspace, group.id, groups.MembershipInput(person_id, date(2024, 1, 1), MemberRole.LEADER)
    )
    before = records.counts()
    with pytest.raises(ServiceError) as refused:
        people.delete_person(workspace, person_id)
    assert refused.value.message.key == "person.in_use"
    assert "1 lần là thành viên" in refused.value.render("vi")
    assert records.counts() == before
    assert records.row(Person, person_id).deleted_at is None
