"""The "5+1" cases: opening, status, follow-ups, supports, overdue (helpers: test_rehab_helpers)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from service_testing import CASE_OPENED, TODAY, Records, error_keys

from antq_desktop.domain.enums import (
    FollowUpAssessment,
    FollowUpKind,
    HelperKind,
    RehabCategory,
    RehabStatus,
    SupportKind,
    SupportResult,
)
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import rehab
from antq_desktop.services.errors import NotFound
from antq_desktop.services.rehab import (
    CaseInput,
    FollowUpInput,
    HelperInput,
    SupportInput,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import FollowUp, RehabCase, RehabHelper, Support


def visit(held_on: date, next_due_on: date | None = None, **extra: object) -> FollowUpInput:
    return FollowUpInput(
        held_on,
        FollowUpKind.HOME_VISIT,
        FollowUpAssessment.STABLE,
        next_due_on=next_due_on,
        **extra,  # type: ignore[arg-type]
    )


# --- Cases --------------------------------------------------------------------------------------


def test_open_a_case_and_read_it_back(
    workspace: Workspace, open_case: Callable[..., str], unit_id: str
) -> None:
    case_id = open_case("Phan Văn Hải")
    case = rehab.get_case(workspace, case_id)

    assert (case.person_name, case.status) == ("Phan Văn Hải", RehabStatus.ACTIVE)
    assert case.status_since == case.opened_on == CASE_OPENED
    assert case.closed_on is None
    assert rehab.list_cases(workspace, unit_ids=[unit_id]) == [case]


def test_case_rules_refuse_and_write_nothing(
    workspace: Workspace, unit_id: str, make_person: Callable[[str], str], records: Records
) -> None:
    person_id = make_person("Hà Văn Nam")
    before = records.counts()
    data = CaseInput("missing", unit_id, RehabCategory.OTHER, date(2024, 6, 16), "nope")
    with pytest.raises(ValidationFailed) as caught:
        rehab.create_case(workspace, data)
    assert error_keys(caught.value) == [
        ("person_id", "reference.missing"),
        ("program_id", "reference.missing"),
        ("opened_on", "date.future"),
    ]
    assert records.counts() == before
    assert rehab.create_case(workspace, CaseInput(person_id, unit_id, RehabCategory.OTHER, TODAY))


def test_a_person_has_one_active_case_at_a_time(
    workspace: Workspace, open_case: Callable[..., str], records: Records
) -> None:
    first = rehab.get_case(workspace, open_case("Hà Văn Nam"))
    again = CaseInput(first.person_id, first.unit_id, RehabCategory.OTHER, TODAY)
    before = records.counts()

    with pytest.raises(ValidationFailed) as caught:
        rehab.create_case(workspace, again)
    assert error_keys(caught.value) == [("person_id", "rehab.case_already_open")]
    assert "10/01/2024" in caught.value.render("vi")
    assert records.counts() == before

    rehab.set_status(workspace, first.id, RehabStatus.PROGRESSED, date(2024, 5, 1))
    second = rehab.create_case(workspace, again)
    with pytest.raises(ValidationFailed) as caught:
        rehab.set_status(workspace, first.id, RehabStatus.ACTIVE, date(2024, 6, 1))
    assert error_keys(caught.value) == [("person_id", "rehab.case_already_open")]
    assert second.status is RehabStatus.ACTIVE


def test_set_status_records_the_date_and_closes(
    workspace: Workspace, open_case: Callable[..., str], records: Records
) -> None:
    case_id = open_case()
    version = records.row(RehabCase, case_id).version

    moved = rehab.set_status(
        workspace, case_id, RehabStatus.MOVED_AWAY, date(2024, 5, 2), " Chuyển về Bình Dương "
    )
    assert (moved.status, moved.status_since, moved.closed_on) == (
        RehabStatus.MOVED_AWAY,
        date(2024, 5, 2),
        date(2024, 5, 2),
    )
    assert moved.outcome == "Chuyển về Bình Dương"
    assert records.row(RehabCase, case_id).version > version

    progressed = rehab.set_status(workspace, case_id, RehabStatus.PROGRESSED, date(2024, 6, 1))
    assert progressed.closed_on is None
    closed = rehab.set_status(workspace, case_id, RehabStatus.CLOSED, date(2024, 6, 15))
    assert closed.closed_on == date(2024, 6, 15)


@pytest.mark.parametrize("since", [date(2024, 1, 9), date(2024, 6, 16)])
def test_set_status_date_rules(
    workspace: Workspace, open_case: Callable[..., str], records: Records, since: date
) -> None:
    case_id = open_case()
    version = records.row(RehabCase, case_id).version
    with pytest.raises(ValidationFailed) as caught:
        rehab.set_status(workspace, case_id, RehabStatus.CLOSED, since)
    assert caught.value.fields() == {"status_since"}
    row = records.row(RehabCase, case_id)
    assert (row.status, row.version) == (RehabStatus.ACTIVE, version)


def test_update_moves_the_status_date_with_the_opening(
    workspace: Workspace, open_case: Callable[..., str]
) -> None:
    case = rehab.get_case(workspace, open_case())
    data = CaseInput(
        case.person_id, case.unit_id, RehabCategory.COMMUNITY_EDUCATION, date(2024, 2, 1)
    )
    updated = rehab.update_case(workspace, case.id, data)
    assert (updated.opened_on, updated.status_since) == (date(2024, 2, 1), date(2024, 2, 1))
    assert updated.category is RehabCategory.COMMUNITY_EDUCATION


def test_opening_cannot_move_after_what_is_recorded(
    workspace: Workspace, open_case: Callable[..., str], records: Records
) -> None:
    case = rehab.get_case(workspace, open_case())
    rehab.add_follow_up(workspace, case.id, visit(date(2024, 2, 1)))
    rehab.add_support(workspace, case.id, SupportInput(SupportKind.LOAN, date(2024, 3, 1)))
    before = records.row(RehabCase, case.id)

    with pytest.raises(ValidationFailed) as caught:
        rehab.update_case(
            workspace,
            case.id,
            CaseInput(case.person_id, case.unit_id, case.category, date(2024, 4, 1)),
        )
    assert error_keys(caught.value) == [
        ("opened_on", "rehab.opened_after_record"),
        ("opened_on", "rehab.opened_after_record"),
    ]
    text = caught.value.render("vi")
    assert "lần theo dõi ngày 01/02/2024" in text
    assert "hỗ trợ ngày 01/03/2024" in text
    assert records.row(RehabCase, case.id).version == before.version


def test_list_filters_by_status_unit_and_accentless_name(
    workspace: Workspace, open_case: Callable[..., str], district_id: str
) -> None:
    hai = open_case("Phan Văn Hải")
    duc = open_case("Nguyễn Văn Đức")
    open_case("Lò Văn Bảy", unit=district_id)
    rehab.set_status(workspace, duc, RehabStatus.PROGRESSED, date(2024, 5, 1))

    def names(**filters: object) -> list[str]:
        return [case.person_name for case in rehab.list_cases(workspace, **filters)]  # type: ignore[arg-type]

    assert names() == ["Lò Văn Bảy", "Nguyễn Văn Đức", "Phan Văn Hải"]  # by given name
    assert names(query="nguyen van duc") == ["Nguyễn Văn Đức"]
    assert names(status=RehabStatus.ACTIVE, unit_ids=[district_id]) == ["Lò Văn Bảy"]
    assert rehab.count_cases(workspace, status=RehabStatus.ACTIVE) == 2
    assert rehab.count_cases(workspace, query="hai") == 1
    assert rehab.get_case(workspace, hai).person_name == "Phan Văn Hải"


def test_delete_case_tombstones_everything_under_it(
    workspace: Workspace, open_case: Callable[..., str], records: Records
) -> None:
    case_id = open_case()
    helper = rehab.add_helper(workspace, case_id, HelperInput(HelperKind.POLICE, "Cán bộ A"))
    follow_up = rehab.add_follow_up(workspace, case_id, visit(date(2024, 2, 1)))
    support = rehab.add_support(workspace, case_id, SupportInput(SupportKind.LOAN, CASE_OPENED))

    rehab.delete_case(workspace, case_id)

    with pytest.raises(NotFound):
        rehab.get_case(workspace, case_id)
    with pytest.raises(NotFound):
        rehab.list_follow_ups(workspace, case_id)
    assert rehab.list_cases(workspace) == []
    for model, record_id in [
        (RehabCase, case_id),
        (RehabHelper, helper.id),
        (FollowUp, follow_up.id),
        (Support, support.id),
    ]:
        assert records.row(model, record_id).deleted_at is not None  # type: ignore[attr-defined]


# --- Follow-ups and supports --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (visit(date(2024, 1, 9)), [("held_on", "date.order")]),
        (visit(date(2024, 6, 16)), [("held_on", "date.future")]),
        (visit(date(2024, 3, 1), date(2024, 3, 1)), [("next_due_on", "rehab.next_due_not_after")]),
        (visit(date(2024, 3, 1), helper_id="missing"), [("helper_id", "reference.missing")]),
    ],
)
def test_follow_up_rules(
    workspace: Workspace,
    open_case: Callable[..., str],
    records: Records,
    data: FollowUpInput,
    expected: list[tuple[str, str]],
) -> None:
    case_id = open_case()
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        rehab.add_follow_up(workspace, case_id, data)
    assert error_keys(caught.value) == expected
    assert records.counts() == before


def test_follow_ups_newest_first_with_their_helper(
    workspace: Workspace, open_case: Callable[..., str], records: Records
) -> None:
    case_id = open_case()
    helper = rehab.add_helper(workspace, case_id, HelperInput(HelperKind.POLICE, "Cán bộ C"))
    other_case = open_case("Người khác")
    with pytest.raises(ValidationFailed):  # a helper of another case is refused
        rehab.add_follow_up(workspace, other_case, visit(CASE_OPENED, helper_id=helper.id))

    first = rehab.add_follow_up(workspace, case_id, visit(CASE_OPENED, helper_id=helper.id))
    rehab.add_follow_up(workspace, case_id, visit(date(2024, 3, 1), date(2024, 4, 1)))
    version = records.row(FollowUp, first.id).version
    rehab.update_follow_up(workspace, first.id, visit(date(2024, 2, 1), helper_id=helper.id))
    assert records.row(FollowUp, first.id).version > version

    listed = rehab.list_follow_ups(workspace, case_id)
    assert [f.held_on for f in listed] == [date(2024, 3, 1), date(2024, 2, 1)]
    assert listed[1].helper_name == "Cán bộ C"

    rehab.remove_follow_up(workspace, first.id)
    assert [f.held_on for f in rehab.list_follow_ups(workspace, case_id)] == [date(2024, 3, 1)]
    assert records.row(FollowUp, first.id).deleted_at is not None


def test_supports(workspace: Workspace, open_case: Callable[..., str], records: Records) -> None:
    case_id = open_case()
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        rehab.add_support(
            workspace,
            case_id,
            SupportInput(SupportKind.JOB_REFERRAL, CASE_OPENED - timedelta(days=1)),
        )
    assert error_keys(caught.value) == [("started_on", "date.order")]
    assert records.counts() == before

    job = rehab.add_support(
        workspace, case_id, SupportInput(SupportKind.JOB_REFERRAL, CASE_OPENED, " Công ty May 4 ")
    )
    training = rehab.add_support(
        workspace, case_id, SupportInput(SupportKind.VOCATIONAL_TRAINING, date(2024, 4, 1))
    )
    assert job.provider == "Công ty May 4"
    updated = rehab.update_support(
        workspace,
        job.id,
        SupportInput(
            SupportKind.JOB_REFERRAL, CASE_OPENED, "Công ty May 4", SupportResult.SUCCEEDED
        ),
    )
    assert updated.result is SupportResult.SUCCEEDED
    assert [s.id for s in rehab.list_supports(workspace, case_id)] == [training.id, job.id]
    rehab.remove_support(workspace, training.id)
    assert [s.id for s in rehab.list_supports(workspace, case_id)] == [job.id]
    assert records.row(Support, training.id).deleted_at is not None


# --- Overdue follow-ups -------------------------------------------------------------------------


def test_overdue_follow_ups(
    workspace: Workspace, open_case: Callable[..., str], district_id: str
) -> None:
    as_of = TODAY
    overdue_visit = open_case("Quá Hạn", opened_on=date(2024, 1, 1))
    rehab.add_follow_up(workspace, overdue_visit, visit(date(2024, 4, 1), date(2024, 5, 1)))
    on_time = open_case("Đúng Hạn", opened_on=date(2024, 1, 1))
    rehab.add_follow_up(workspace, on_time, visit(date(2024, 6, 1), date(2024, 6, 15)))
    # An older follow-up was overdue, but the latest one set a later date.
    caught_up = open_case("Đã Gặp Lại", opened_on=date(2024, 1, 1))
    rehab.add_follow_up(workspace, caught_up, visit(date(2024, 2, 1), date(2024, 3, 1)))
    rehab.add_follow_up(workspace, caught_up, visit(date(2024, 6, 10), date(2024, 7, 10)))
    never_seen = open_case("Chưa Thăm", opened_on=as_of - timedelta(days=31))
    open_case("Mới Mở", opened_on=as_of - timedelta(days=30))
    closed = open_case("Đã Xong", opened_on=date(2023, 1, 1))
    rehab.set_status(workspace, closed, RehabStatus.CLOSED, date(2024, 1, 1))
    open_case("Quận Khác", opened_on=date(2023, 1, 1), unit=district_id)
    removed = open_case("Bị Xóa", opened_on=date(2023, 1, 1))
    rehab.delete_case(workspace, removed)

    found = rehab.overdue_follow_ups(workspace, None, as_of)

    assert [(o.person_name, o.due_on, o.days_overdue) for o in found] == [
        ("Quận Khác", date(2023, 1, 31), 501),
        ("Quá Hạn", date(2024, 5, 1), 45),
        ("Chưa Thăm", date(2024, 6, 14), 1),
    ]
    assert found[1].last_held_on == date(2024, 4, 1)
    assert found[2].last_held_on is None
    ward_only = rehab.overdue_follow_ups(
        workspace, [rehab.get_case(workspace, never_seen).unit_id], as_of
    )
    assert [o.case_id for o in ward_only] == [overdue_visit, never_seen]
