"""The tabs of an open "5+1" case: helper team, follow-up timeline, supports."""

from __future__ import annotations

from typing import Any

from antq_desktop.domain.enums import HelperKind
from antq_desktop.services.rehab import (
    MAX_ORGANISATION_HELPERS,
    FollowUpInput,
    FollowUpView,
    HelperInput,
    HelperView,
    SupportInput,
    SupportView,
    list_follow_ups,
    list_helpers,
    list_supports,
    remove_follow_up,
    remove_helper,
    remove_support,
    update_follow_up,
    update_helper,
    update_support,
)
from antq_desktop.ui import i18n
from antq_desktop.ui.case_record_dialogs import FollowUpDialog, HelperDialog, SupportDialog
from antq_desktop.ui.case_sub_table import CaseSubTable, date_text
from antq_desktop.ui.record_dialog import RecordDialog
from antq_desktop.ui.worker import run_task


class HelpersTab(CaseSubTable):
    """The helper team: up to five from organisations at a time, plus the family."""

    restore_kind = "RehabHelper"
    remove_record = staticmethod(remove_helper)
    update_record = staticmethod(update_helper)

    def headers(self) -> list[str]:
        return [
            self.tr("Họ và tên"),
            self.tr("Nguồn"),
            self.tr("Tổ chức / quan hệ"),
            self.tr("Điện thoại"),
            self.tr("Từ ngày"),
            self.tr("Đến ngày"),
        ]

    def cells(self, view: HelperView) -> list[str]:
        language = i18n.language()
        return [view.full_name, view.kind.label(language), view.organisation, view.phone or "",
                date_text(view.started_on), date_text(view.ended_on)]  # fmt: skip

    def fetch(self) -> list[HelperView]:
        return list_helpers(self.workspace, self.case_id)

    def show_summary(self) -> None:
        today = self.workspace.today()
        serving = [
            helper
            for helper in self.model.rows
            if (helper.started_on is None or helper.started_on <= today)
            and (helper.ended_on is None or helper.ended_on >= today)
        ]
        family = sum(1 for helper in serving if helper.kind is HelperKind.FAMILY)
        self.summary.setText(
            self.tr("Đang giúp đỡ: {count}/{limit} người từ tổ chức, {family} người nhà.").format(
                count=len(serving) - family, limit=MAX_ORGANISATION_HELPERS, family=family
            )
        )

    def editor(self, view: HelperView | None) -> RecordDialog:
        return HelperDialog(self.workspace, self.case_id, view, self)

    def describe(self, view: HelperView) -> str:
        return self.tr("người giúp đỡ {name}").format(name=view.full_name)

    def as_input(self, view: HelperView) -> HelperInput:
        return HelperInput(view.kind, view.full_name, view.organisation, view.phone,
                           view.started_on, view.ended_on)  # fmt: skip


class FollowUpsTab(CaseSubTable):
    """The follow-up timeline, newest first; a next due date already past shows in red."""

    restore_kind = "FollowUp"
    remove_record = staticmethod(remove_follow_up)
    update_record = staticmethod(update_follow_up)

    def headers(self) -> list[str]:
        return [
            self.tr("Ngày"),
            self.tr("Người giúp đỡ"),
            self.tr("Hình thức"),
            self.tr("Đánh giá"),
            self.tr("Nội dung"),
            self.tr("Hạn theo dõi tiếp"),
        ]

    def cells(self, view: FollowUpView) -> list[str]:
        language = i18n.language()
        return [date_text(view.held_on), view.helper_name, view.kind.label(language),
                view.assessment.label(language), view.notes.replace("\n", " "),
                date_text(view.next_due_on)]  # fmt: skip

    def overdue(self, row: int, column: int) -> bool:
        """The latest follow-up's next due date, once it has passed."""
        if row != 0 or column != 5:
            return False
        next_due = self.model.rows[0].next_due_on
        return next_due is not None and next_due < self.workspace.today()

    def fetch(self) -> list[FollowUpView]:
        return list_follow_ups(self.workspace, self.case_id)

    def show_summary(self) -> None:
        if not self.model.rows:
            self.summary.setText(self.tr("Chưa có lần theo dõi nào."))
        elif self.overdue(0, 5):
            self.summary.setText(self.tr("Đã quá hạn theo dõi tiếp."))
            self.summary.setStyleSheet("color: #c62828;")
            return
        else:
            self.summary.clear()
        self.summary.setStyleSheet("")

    def open_editor(self, view: Any | None) -> None:
        """The editor offers the case's helpers: read them first."""
        run_task(
            lambda: list_helpers(self.workspace, self.case_id),
            lambda helpers: self._open_with(helpers, view),
            self.changes.failed,
            owner=self,
        )

    def _open_with(self, helpers: list[HelperView], view: FollowUpView | None) -> None:
        self._helpers = helpers
        super().open_editor(view)

    def editor(self, view: FollowUpView | None) -> RecordDialog:
        return FollowUpDialog(self.workspace, self.case_id, self._helpers, view, self)

    def describe(self, view: FollowUpView) -> str:
        return self.tr("lần theo dõi ngày {day}").format(day=date_text(view.held_on))

    def as_input(self, view: FollowUpView) -> FollowUpInput:
        return FollowUpInput(view.held_on, view.kind, view.assessment, view.notes,
                             view.next_due_on, view.helper_id)  # fmt: skip


class SupportsTab(CaseSubTable):
    """Supports: job referral, vocational training, loan, other; with provider and result."""

    restore_kind = "Support"
    remove_record = staticmethod(remove_support)
    update_record = staticmethod(update_support)

    def headers(self) -> list[str]:
        return [
            self.tr("Ngày"),
            self.tr("Hình thức hỗ trợ"),
            self.tr("Nơi hỗ trợ"),
            self.tr("Kết quả"),
            self.tr("Ghi chú"),
        ]

    def cells(self, view: SupportView) -> list[str]:
        language = i18n.language()
        return [date_text(view.started_on), view.kind.label(language), view.provider,
                view.result.label(language), view.notes.replace("\n", " ")]  # fmt: skip

    def fetch(self) -> list[SupportView]:
        return list_supports(self.workspace, self.case_id)

    def editor(self, view: SupportView | None) -> RecordDialog:
        return SupportDialog(self.workspace, self.case_id, view, self)

    def describe(self, view: SupportView) -> str:
        return self.tr("hỗ trợ ngày {day}").format(day=date_text(view.started_on))

    def as_input(self, view: SupportView) -> SupportInput:
        return SupportInput(view.kind, view.started_on, view.provider, view.result, view.notes)
