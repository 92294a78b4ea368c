"""`gather_report`: the report's figures are the statistics service's, its chart and appendix
tables count what those figures count, its header comes from the settings, and it reads only
what the installation and the role may read.

The hcmc-2023 demo is built once for the module (a plain file: it opens as administrator); tests
that change records work on a copy of it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from antq_desktop.domain.enums import UserRole
from antq_desktop.domain.messages import Message
from antq_desktop.domain.periods import Period
from antq_desktop.domain.validation import ValidationFailed, mask_citizen_id
from antq_desktop.services import report_content
from antq_desktop.services.demo import build_demo
from antq_desktop.services.errors import NotFound
from antq_desktop.services.patrols import ShiftInput, create_shift
from antq_desktop.services.permissions import PermissionDenied
from antq_desktop.services.report_content import (
    ReportContent,
    ReportRequest,
    gather_report,
    may_print_full_ids,
)
from antq_desktop.services.report_header import read_report_header
from antq_desktop.services.report_settings import (
    ReportSettings,
    header_defaults,
    read_report_settings,
    save_report_settings,
)
from antq_desktop.services.statistics import compute_statistics
from antq_desktop.services.workspace import Workspace, open_workspace
from antq_desktop.store.models import Group, OrgUnit, PatrolShift

DEMO_TODAY = date(2024, 1, 15)
NINE_YEARS = Period.custom(date(2015, 1, 1), date(2023, 12, 31))
DISTRICT4 = "773"
WARD1 = "27298"  # Phường 01 of Quận 4: patrols and rehabilitation cases in 2023

CASES = [
    pytest.param(DISTRICT4, NINE_YEARS, id="district-2015-2023"),
    pytest.param(WARD1, Period.quarter(2023, 4), id="ward-Q4-2023"),
    pytest.param(WARD1, Period.year(2023), id="ward-2023"),
    pytest.param("79", Period.quarter(2023, 4), id="city-Q4-2023"),
]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report-content") / "hcmc.antqdb"
    build_demo(path)
    return path


@pytest.fixture(scope="module")
def demo(demo_file: Path) -> Iterator[Workspace]:
    """Read-only use only: tests that change records take `demo_copy`."""
    workspace = open_workspace(demo_file, user="demo", today=lambda: DEMO_TODAY, verify=False)
    yield workspace
    workspace.close()


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "copy.antqdb"
    shutil.copyfile(demo_file, path)
    workspace = open_workspace(path, user="demo", today=lambda: DEMO_TODAY, verify=False)
    yield workspace
    workspace.close()


@pytest.fixture
def acting(demo: Workspace) -> Iterator[Workspace]:
    """The shared demo; a test may `act_as` another role, the administrator comes back after."""
    yield demo
    demo.act_as("demo", UserRole.ADMIN)


@pytest.fixture(scope="module")
def gathered(demo: Workspace) -> Callable[[str, Period], ReportContent]:
    """The content of each (unit, period) of `CASES`, read once for the module."""
    found: dict[tuple[str, Period], ReportContent] = {}

    def gather(code: str, period: Period) -> ReportContent:
        if (code, period) not in found:
            found[code, period] = gather_report(demo, ReportRequest(code, period))
        return found[code, period]

    return gather


@pytest.fixture(scope="module")
def district_content(gathered: Callable[[str, Period], ReportContent]) -> ReportContent:
    return gathered(DISTRICT4, NINE_YEARS)


# --- the figures -------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "period"), CASES)
def test_the_figures_are_the_statistics_services(
    demo: Workspace, gathered: Callable[[str, Period], ReportContent], code: str, period: Period
) -> None:
    content = gathered(code, period)
    expected = compute_statistics(demo, code, period.date_from, period.date_to)
    assert content.statistics == expected
    assert content.statistics.as_dict() == expected.as_dict()


def test_district4_figures_of_the_scenario(district_content: ReportContent) -> None:
    figures = district_content.statistics
    assert (figures.unit_code, figures.unit_name) == (DISTRICT4, "Quận 4")
    assert (figures.patrols.shifts, figures.patrols.participant_turns) == (236, 1612)
    rehab = figures.rehab
    assert (rehab.people, rehab.progressed) == (278, 84)
    assert (rehab.job_referrals, rehab.vocational_training) == (93, 47)


def test_each_unit_directly_below_has_its_own_figures(
    demo: Workspace, district_content: ReportContent
) -> None:
    with demo.database.session() as session:
        district = session.scalar(select(OrgUnit).where(OrgUnit.code == DISTRICT4))
        assert district is not None
        children = sorted(
            session.scalars(
                select(OrgUnit.code).where(
                    OrgUnit.parent_id == district.id, OrgUnit.deleted_at.is_(None)
                )
            )
        )
    assert len(children) == 13
    assert [figures.unit_code for figures in district_content.sub_units] == children
    for figures in district_content.sub_units:
        assert figures == compute_statistics(
            demo, figures.unit_code, NINE_YEARS.date_from, NINE_YEARS.date_to
        )
    # every patrol group of Quận 4 belongs to a ward: the wards' shifts add up to the district's
    total = district_content.statistics.patrols
    assert sum(figures.patrols.shifts for figures in district_content.sub_units) == total.shifts


def test_a_ward_has_no_sub_units(demo: Workspace) -> None:
    content = gather_report(demo, ReportRequest(WARD1, Period.quarter(2023, 4)))
    assert content.sub_units == ()


# --- the chart and the appendix ----------------------------------------------------------------


@pytest.mark.parametrize(("code", "period"), CASES)
def test_shifts_per_month_cover_every_month_and_add_up(
    demo: Workspace, gathered: Callable[[str, Period], ReportContent], code: str, period: Period
) -> None:
    content = gathered(code, period)
    assert [(year, month) for year, month, _ in content.shifts_per_month] == period.months()
    assert sum(count for *_, count in content.shifts_per_month) == content.statistics.patrols.shifts


def test_nine_years_of_shifts_per_month(district_content: ReportContent) -> None:
    monthly = district_content.shifts_per_month
    assert len(monthly) == 108
    assert sum(count for *_, count in monthly) == 236
    assert all(count >= 0 for *_, count in monthly)


@pytest.mark.parametrize(("code", "period"), CASES)
def test_the_appendix_lists_what_the_figures_count(
    demo: Workspace, gathered: Callable[[str, Period], ReportContent], code: str, period: Period
) -> None:
    content = gathered(code, period)
    patrols = content.statistics.patrols
    assert len(content.shifts) == patrols.shifts
    assert sum(row.participants for row in content.shifts) == patrols.participant_turns
    assert sum(row.findings for row in content.shifts) == patrols.findings
    assert sum(row.reminders for row in content.shifts) == patrols.reminders
    days = [row.shift_date for row in content.shifts]
    assert days == sorted(days)
    assert all(period.date_from <= day <= period.date_to for day in days)
    # In the demo every person helped has one case, so one row per person helped.
    assert len(content.cases) == content.statistics.rehab.people
    people = {(row.full_name, row.citizen_id, row.birth_year) for row in content.cases}
    assert len(people) == len(content.cases)


def test_the_district_appendix_has_236_shifts_and_278_cases(
    district_content: ReportContent,
) -> None:
    assert len(district_content.shifts) == 236
    assert len(district_content.cases) == 278
    assert {row.unit for row in district_content.shifts} <= {
        figures.unit_name for figures in district_content.sub_units
    }
    assert all(row.follow_ups >= 0 for row in district_content.cases)


def test_without_appendices_the_tables_are_not_read(demo: Workspace) -> None:
    steps: list[Message] = []
    request = ReportRequest(WARD1, Period.quarter(2023, 4), include_appendices=False)
    content = gather_report(demo, request, progress=steps.append)
    assert (content.shifts, content.cases) == ((), ())
    assert content.statistics.patrols.shifts > 0  # the figures are still there
    assert "report.step.tables" not in [step.key for step in steps]


def test_progress_names_each_step(demo: Workspace) -> None:
    steps: list[Message] = []
    gather_report(demo, ReportRequest(DISTRICT4, Period.year(2023)), progress=steps.append)
    assert [step.key for step in steps] == [
        "report.step.figures",
        "report.step.sub_units",
        "report.step.tables",
    ]
    for step in steps:
        assert step.render("vi") != step.render("en")
    ward_steps: list[Message] = []
    gather_report(demo, ReportRequest(WARD1, Period.year(2023)), progress=ward_steps.append)
    assert [step.key for step in ward_steps] == ["report.step.figures", "report.step.tables"]


# --- the evaluation table ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "quarters"),
    [
        (NINE_YEARS, ((2023, 1), (2023, 2), (2023, 3), (2023, 4))),
        (Period.year(2023), ((2023, 1), (2023, 2), (2023, 3), (2023, 4))),
        (Period.half_year(2023, 2), ((2023, 3), (2023, 4))),
        (Period.quarter(2023, 4), ((2023, 4),)),
    ],
)
def test_the_evaluation_table_shows_the_last_four_quarters_at_most(
    demo: Workspace, period: Period, quarters: tuple[tuple[int, int], ...]
) -> None:
    content = gather_report(demo, ReportRequest(DISTRICT4, period, include_appendices=False))
    assert content.evaluation_quarters == quarters
    assert len(content.evaluations) == content.statistics.programs.total
    for row in content.evaluations:
        assert len(row.ratings) == len(quarters)
    assert any(rating for row in content.evaluations for rating in row.ratings)


# --- citizen IDs and the fingerprint -----------------------------------------------------------


def test_citizen_ids_are_masked_to_the_last_four_digits_by_default(
    district_content: ReportContent,
) -> None:
    assert district_content.cases
    for row in district_content.cases:
        assert re.fullmatch(r"\*{8}\d{4}", row.citizen_id), row.citizen_id


def test_whole_citizen_ids_when_asked_and_the_same_fingerprint(
    demo: Workspace, district_content: ReportContent
) -> None:
    assert may_print_full_ids(demo)
    full = gather_report(demo, ReportRequest(DISTRICT4, NINE_YEARS, full_citizen_ids=True))
    assert [mask_citizen_id(row.citizen_id) for row in full.cases] == [
        row.citizen_id for row in district_content.cases
    ]
    assert all(re.fullmatch(r"\d{12}", row.citizen_id) for row in full.cases)
    assert full.fingerprint == district_content.fingerprint


def test_the_fingerprint_ignores_the_proposals_and_the_moment(
    demo: Workspace, gathered: Callable[[str, Period], ReportContent]
) -> None:
    first = gathered(WARD1, Period.quarter(2023, 4))
    again = gather_report(
        demo,
        ReportRequest(WARD1, Period.quarter(2023, 4), proposals="Đề nghị bổ sung kinh phí."),
    )
    assert again.made_at >= first.made_at
    assert again.fingerprint == first.fingerprint
    assert re.fullmatch(r"[0-9a-f]{64}", again.fingerprint)


def test_the_fingerprint_differs_between_periods_and_units(
    demo: Workspace, district_content: ReportContent
) -> None:
    year = gather_report(demo, ReportRequest(DISTRICT4, Period.year(2023)))
    ward = gather_report(demo, ReportRequest(WARD1, NINE_YEARS))
    assert len({district_content.fingerprint, year.fingerprint, ward.fingerprint}) == 3


def test_a_new_patrol_shift_changes_the_fingerprint(demo_copy: Workspace) -> None:
    request = ReportRequest(WARD1, Period.quarter(2023, 4))
    before = gather_report(demo_copy, request)
    with demo_copy.database.session() as session:
        group_id = session.scalar(
            select(Group.id)
            .join(OrgUnit, OrgUnit.id == Group.unit_id)
            .join(PatrolShift, PatrolShift.group_id == Group.id)
            .where(OrgUnit.code == WARD1, PatrolShift.shift_date >= date(2023, 10, 1))
            .limit(1)
        )
    assert group_id is not None
    create_shift(
        demo_copy,
        ShiftInput(
            group_id=group_id,
            shift_date=date(2023, 11, 11),
            start_time=time(19, 0),
            end_time=time(22, 0),
            area="Hẻm 12 đường Tôn Đản",
            others_count=4,
            residents_reminded=9,
        ),
    )
    after = gather_report(demo_copy, request)
    assert after.statistics.patrols.shifts == before.statistics.patrols.shifts + 1
    assert len(after.shifts) == len(before.shifts) + 1
    assert after.fingerprint != before.fingerprint
    assert after.audit_head != before.audit_head


# --- scope, permissions, ranges ----------------------------------------------------------------


def test_a_unit_above_the_installation_is_refused(workspace: Workspace) -> None:
    """The service-test book is made for Phường 9 (27262) under Quận 4 (773)."""
    gather_report(workspace, ReportRequest("27262", Period.quarter(2024, 1)))
    with pytest.raises(ValidationFailed) as refused:
        gather_report(workspace, ReportRequest("773", Period.quarter(2024, 1)))
    [error] = refused.value.errors
    assert (error.field, error.message.key) == ("unit", "report.unit_outside")
    text = refused.value.render("vi")
    for name in ("Quận 4", "773", "Phường 9"):
        assert name in text
    assert refused.value.render("en") != text


def test_an_unknown_unit_is_refused(demo: Workspace) -> None:
    with pytest.raises(NotFound):
        gather_report(demo, ReportRequest("99999", Period.year(2023)))


def test_a_reversed_range_is_refused(demo: Workspace) -> None:
    with pytest.raises(ValidationFailed):
        gather_report(
            demo, ReportRequest(WARD1, Period.custom(date(2023, 12, 31), date(2023, 1, 1)))
        )


def test_a_viewer_cannot_gather_a_report(acting: Workspace) -> None:
    acting.act_as("xem", UserRole.VIEWER)
    with pytest.raises(PermissionDenied):
        gather_report(acting, ReportRequest(WARD1, Period.quarter(2023, 4)))
    assert not may_print_full_ids(acting)


@pytest.mark.parametrize("role", [UserRole.OFFICER, UserRole.LEADER])
def test_officers_and_leaders_gather_reports(acting: Workspace, role: UserRole) -> None:
    acting.act_as("canbo", role)
    content = gather_report(
        acting, ReportRequest(WARD1, Period.quarter(2023, 4), full_citizen_ids=True)
    )
    assert content.cases
    assert all(re.fullmatch(r"\d{12}", row.citizen_id) for row in content.cases)
    assert may_print_full_ids(acting)


# --- the header ---------------------------------------------------------------------------------


def test_the_header_of_a_ward_defaults_to_the_units_names(workspace: Workspace) -> None:
    header = read_report_header(workspace)
    assert header == header_defaults(workspace)
    assert header.parent_body == "CÔNG AN QUẬN 4"
    assert header.issuing_body == "CÔNG AN PHƯỜNG 9"
    assert header.number_suffix == "CAP"
    assert header.place_name == "Phường 9"
    assert header.signer_title == ("TRƯỞNG CÔNG AN PHƯỜNG",)
    assert header.recipients == ("Công an Quận 4", "Lưu: VT.")


def test_the_header_of_the_demo_city(demo: Workspace) -> None:
    header = read_report_header(demo)
    assert header.issuing_body == "CÔNG AN TP. HỒ CHÍ MINH"
    assert header.number_suffix == "CATP"
    assert header.place_name == "Thành phố Hồ Chí Minh"
    assert header.signer_name == "Nguyễn Thành Trung"


def test_the_header_settings_replace_the_defaults(workspace: Workspace) -> None:
    decomposed = "Co\u0302ng an Tha\u0300nh pho\u0302\u0301 Ho\u0302\u0300 Chi\u0301 Minh"
    stored = save_report_settings(
        workspace,
        ReportSettings(
            parent_body=decomposed,
            issuing_body="Công an phường Khánh Hội",
            number_suffix=" cap-pv05 ",
            signer_title="KT. TRƯỞNG CÔNG AN PHƯỜNG\n\n  PHÓ TRƯỞNG CÔNG AN PHƯỜNG  ",
            signer_name="Trần Thị Bích",
            recipients="Công an Thành phố (PV05);\nĐảng ủy phường;\nLưu: VT, CAP.",
        ),
    )
    assert stored.number_suffix == "CAP-PV05"
    assert read_report_settings(workspace) == stored
    header = read_report_header(workspace)
    assert header.parent_body == "Công an Thành phố Hồ Chí Minh"  # NFC
    assert header.issuing_body == "Công an phường Khánh Hội"
    assert header.number_suffix == "CAP-PV05"
    assert header.signer_title == ("KT. TRƯỞNG CÔNG AN PHƯỜNG", "PHÓ TRƯỞNG CÔNG AN PHƯỜNG")
    assert header.signer_name == "Trần Thị Bích"
    assert header.recipients == (
        "Công an Thành phố (PV05);",
        "Đảng ủy phường;",
        "Lưu: VT, CAP.",
    )
    assert header.place_name == "Phường 9"  # not a setting
    content = gather_report(workspace, ReportRequest("27262", Period.quarter(2024, 1)))
    assert content.header == header


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (ReportSettings(number_suffix="CÁP"), "number_suffix"),
        (ReportSettings(number_suffix="CAP/PV"), "number_suffix"),
        (ReportSettings(number_suffix="-CAP"), "number_suffix"),
        (ReportSettings(signing_method="usb"), "signing_method"),
        (ReportSettings(recipients="Công an phường;\n" * 200), "recipients"),
        (ReportSettings(signer_name="Nguyễn " * 60), "signer_name"),
    ],
)
def test_wrong_settings_are_refused_and_nothing_is_stored(
    workspace: Workspace, values: ReportSettings, field: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        save_report_settings(workspace, values)
    assert [error.field for error in refused.value.errors] == [field]
    assert read_report_settings(workspace) == ReportSettings()


def test_above_the_limit_the_appendix_sums_shifts_per_unit_and_month(
    demo: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A district's year runs to tens of thousands of shifts: above the limit the appendix holds
    the sums per unit and month instead, and they add up to the figures."""
    monkeypatch.setattr(report_content, "MAX_LISTED_SHIFTS", 100)
    content = gather_report(demo, ReportRequest(DISTRICT4, NINE_YEARS))
    patrols = content.statistics.patrols
    assert patrols.shifts == 236
    assert content.shifts == ()
    summary = content.shift_summary
    assert sum(row.shifts for row in summary) == patrols.shifts
    assert sum(row.participants for row in summary) == patrols.participant_turns
    assert sum(row.findings for row in summary) == patrols.findings
    assert sum(row.reminders for row in summary) == patrols.reminders
    keys = [(row.unit, row.year, row.month) for row in summary]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    per_month = {(year, month): count for year, month, count in content.shifts_per_month}
    for year, month in {(row.year, row.month) for row in summary}:
        in_month = sum(row.shifts for row in summary if (row.year, row.month) == (year, month))
        assert in_month == per_month[year, month]
    monkeypatch.setattr(report_content, "MAX_LISTED_SHIFTS", 236)
    assert len(gather_report(demo, ReportRequest(DISTRICT4, NINE_YEARS)).shifts) == 236
