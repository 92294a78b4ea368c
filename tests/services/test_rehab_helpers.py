"""Helpers of a "5+1" case: at most five from organisations at a time, plus any family."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from service_testing import CASE_OPENED, Records, error_keys

from antq_desktop.domain.enums import HelperKind
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import rehab
from antq_desktop.services.rehab import HelperInput
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import RehabHelper

ORGANISATIONS = [
    HelperKind.POLICE,
    HelperKind.FATHERLAND_FRONT,
    HelperKind.WOMEN_UNION,
    HelperKind.YOUTH_UNION,
    HelperKind.VETERANS_ASSOCIATION,
]


def test_five_organisation_helpers_plus_family(
    workspace: Workspace, open_case: Callable[..., str], records: Records
) -> None:
    case_id = open_case()
    for number, kind in enumerate(ORGANISATIONS, start=1):
        rehab.add_helper(workspace, case_id, HelperInput(kind, f"Người {number}"))
    rehab.add_helper(workspace, case_id, HelperInput(HelperKind.FAMILY, "Mẹ"))
    rehab.add_helper(workspace, case_id, HelperInput(HelperKind.FAMILY, "Anh trai"))
    before = records.counts()

    with pytest.raises(ValidationFailed) as caught:
        rehab.add_helper(
            workspace, case_id, HelperInput(HelperKind.RESIDENTIAL_GROUP, "Người thứ sáu")
        )
    assert error_keys(caught.value) == [("kind", "rehab.too_many_helpers")]
    text = caught.value.render("vi")
    assert "5 người" in text
    assert "Người 1, Người 2, Người 3, Người 4, Người 5" in text
    assert "Gia đình" in text
    assert records.counts() == before

    helpers = rehab.list_helpers(workspace, case_id)
    assert [h.full_name for h in helpers][-2:] == ["Mẹ", "Anh trai"]  # family last
    assert sum(not h.is_family for h in helpers) == 5


def test_the_limit_counts_helpers_serving_at_the_same_time(
    workspace: Workspace, open_case: Callable[..., str]
) -> None:
    case_id = open_case()
    first = rehab.add_helper(
        workspace, case_id, HelperInput(HelperKind.POLICE, "Cũ", started_on=CASE_OPENED)
    )
    for number, kind in enumerate(ORGANISATIONS[1:], start=2):
        rehab.add_helper(
            workspace, case_id, HelperInput(kind, f"Người {number}", started_on=date(2024, 3, 1))
        )
    # Five at once from 01/03: a sixth starting then is refused…
    with pytest.raises(ValidationFailed):
        rehab.add_helper(
            workspace,
            case_id,
            HelperInput(HelperKind.OTHER_ORGANISATION, "Mới", started_on=date(2024, 3, 1)),
        )
    # …but not once the first has stopped serving, nor for a span before the others began.
    rehab.update_helper(
        workspace,
        first.id,
        HelperInput(HelperKind.POLICE, "Cũ", started_on=CASE_OPENED, ended_on=date(2024, 4, 30)),
    )
    rehab.add_helper(
        workspace,
        case_id,
        HelperInput(HelperKind.OTHER_ORGANISATION, "Mới", started_on=date(2024, 5, 1)),
    )
    rehab.add_helper(
        workspace,
        case_id,
        HelperInput(
            HelperKind.YOUTH_UNION, "Tạm", started_on=CASE_OPENED, ended_on=date(2024, 2, 29)
        ),
    )
    serving = rehab.list_helpers(workspace, case_id, active_on=date(2024, 5, 1))
    assert {h.full_name for h in serving} == {"Người 2", "Người 3", "Người 4", "Người 5", "Mới"}
    # Editing a helper never counts the helper against itself.
    rehab.update_helper(
        workspace,
        first.id,
        HelperInput(
            HelperKind.POLICE, "Cũ (sửa)", started_on=CASE_OPENED, ended_on=date(2024, 4, 30)
        ),
    )


def test_helper_field_rules(
    workspace: Workspace, open_case: Callable[..., str], records: Records
) -> None:
    case_id = open_case()
    before = records.counts()
    bad = HelperInput(
        HelperKind.POLICE,
        " ",
        phone="12345",
        started_on=date(2024, 6, 20),
        ended_on=date(2024, 6, 1),
    )
    with pytest.raises(ValidationFailed) as caught:
        rehab.add_helper(workspace, case_id, bad)
    assert caught.value.fields() == {"full_name", "phone", "started_on", "ended_on"}
    assert records.counts() == before
    helper = rehab.add_helper(
        workspace, case_id, HelperInput(HelperKind.POLICE, "Cán bộ B", phone="0912 345 678")
    )
    assert helper.phone == "0912345678"


def test_remove_helper_leaves_a_tombstone(
    workspace: Workspace, open_case: Callable[..., str], records: Records
) -> None:
    case_id = open_case()
    helper = rehab.add_helper(workspace, case_id, HelperInput(HelperKind.FAMILY, "Bố"))
    rehab.remove_helper(workspace, helper.id)
    assert rehab.list_helpers(workspace, case_id) == []
    assert records.row(RehabHelper, helper.id).deleted_at is not None
