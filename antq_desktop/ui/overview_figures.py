"""The figures of the period part of "Tổng quan", and the unit choices the page reads first.

The texts keep the translation context of `OverviewPage`, where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from antq_desktop.services import settings
from antq_desktop.services.units import UnitView, list_units
from antq_desktop.services.workspace import Workspace

translate = QCoreApplication.translate


@dataclass(frozen=True)
class UnitChoices:
    units: list[UnitView]
    own_unit_id: str


def load_unit_choices(workspace: Workspace) -> UnitChoices:
    """Every unit of the record book, and the installation's own unit (runs on the worker)."""
    own_unit_id = settings.get_setting(workspace, settings.OWN_UNIT_ID)
    return UnitChoices(list_units(workspace), own_unit_id)


def figure_boxes() -> list[tuple[str, list[tuple[str, str]]]]:
    """The four boxes of the period figures: (title, [(attribute path in `Statistics`, label)])."""
    return [
        (
            translate("OverviewPage", "Mô hình"),
            [
                ("programs.total", translate("OverviewPage", "Tổng số mô hình")),
                ("programs.police_maintained", translate("OverviewPage", "Do Công an duy trì")),
                ("programs.effective", translate("OverviewPage", "Được đánh giá hiệu quả")),
            ],
        ),
        (
            translate("OverviewPage", "Tổ tự quản"),
            [
                ("groups", translate("OverviewPage", "Tổ, nhóm, câu lạc bộ")),
                ("members", translate("OverviewPage", "Thành viên")),
            ],
        ),
        (
            translate("OverviewPage", "Tuần tra"),
            [
                ("patrols.shifts", translate("OverviewPage", "Ca tuần tra")),
                ("patrols.participant_turns", translate("OverviewPage", "Lượt người tham gia")),
                ("patrols.findings", translate("OverviewPage", "Vụ việc phát hiện")),
                ("patrols.reminders", translate("OverviewPage", "Lượt nhắc nhở người dân")),
            ],
        ),
        (
            translate("OverviewPage", "Giúp đỡ 5+1"),
            [
                ("rehab.people", translate("OverviewPage", "Người được giúp đỡ trong kỳ")),
                ("rehab.people_cumulative", translate("OverviewPage", "Lũy kế đến cuối kỳ")),
                ("rehab.progressed", translate("OverviewPage", "Tiến bộ")),
                ("rehab.reoffended", translate("OverviewPage", "Tái phạm")),
                ("rehab.job_referrals", translate("OverviewPage", "Giới thiệu việc làm")),
                ("rehab.vocational_training", translate("OverviewPage", "Học nghề")),
                ("rehab.follow_ups", translate("OverviewPage", "Lần theo dõi")),
                ("rehab.follow_ups_overdue", translate("OverviewPage", "Hồ sơ quá hạn theo dõi")),
            ],
        ),
    ]
