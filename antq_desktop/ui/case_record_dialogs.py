"""Small editors for what belongs to a "5+1" case: a helper, a follow-up, a support.

Each saves at once through its service (the case already exists); the service's refusals show
under the field they concern (a sixth helper from organisations: under "Nguồn").
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from antq_desktop.domain.enums import (
    FollowUpAssessment,
    FollowUpKind,
    HelperKind,
    SupportKind,
    SupportResult,
)
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import fields
from antq_desktop.services.rehab import (
    FollowUpInput,
    FollowUpView,
    HelperInput,
    HelperView,
    SupportInput,
    SupportView,
    add_follow_up,
    add_helper,
    add_support,
    update_follow_up,
    update_helper,
    update_support,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.record_dialog import RecordDialog

FOLLOW_UP_INTERVAL = timedelta(days=30)
"""The next follow-up proposed for a new one: a month later (the officer may change it)."""


def _notes_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(60)
    return box


class HelperDialog(RecordDialog):
    """Add a helper to a case (`helper` None) or edit one."""

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        helper: HelperView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Thêm người giúp đỡ") if helper is None else self.tr("Sửa người giúp đỡ"),
            parent,
        )
        self.workspace = workspace
        self.case_id = case_id
        self.helper = helper
        self.kind = EnumCombo(HelperKind)
        self.add_field("kind", self.tr("Nguồn"), self.kind)
        self.full_name = QLineEdit()
        self.add_field("full_name", self.tr("Họ và tên"), self.full_name)
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(self.tr("ví dụ: Hội Phụ nữ phường 9; người nhà: mẹ"))
        self.add_field("organisation", self.tr("Tổ chức / quan hệ"), self.organisation)
        self.phone = QLineEdit()
        self.add_field("phone", self.tr("Số điện thoại"), self.phone)
        self.started_on = DateField()
        self.add_field(
            "started_on",
            self.tr("Bắt đầu giúp đỡ"),
            self.started_on,
            check=self.date_check("started_on", fields.STARTED_ON),
        )
        self.ended_on = DateField()
        self.add_field(
            "ended_on",
            self.tr("Thôi giúp đỡ"),
            self.ended_on,
            check=self.date_check("ended_on", fields.ENDED_ON),
        )
        if helper is not None:
            self.kind.set_value(helper.kind)
            self.full_name.setText(helper.full_name)
            self.organisation.setText(helper.organisation)
            self.phone.setText(helper.phone or "")
            self.started_on.set_date(helper.started_on)
            self.ended_on.set_date(helper.ended_on)
        else:
            self.started_on.set_date(workspace.today())
        self.mark_clean()
        self.full_name.setFocus()

    def collect(self) -> HelperInput:
        errors = ErrorCollector()
        started = self.read_date(errors, "started_on", fields.STARTED_ON)
        ended = self.read_date(errors, "ended_on", fields.ENDED_ON)
        errors.raise_if_any()
        return HelperInput(
            kind=self.kind.value(),
            full_name=self.full_name.text(),
            organisation=self.organisation.text(),
            phone=self.phone.text() or None,
            started_on=started,
            ended_on=ended,
        )

    def submit(self, data: HelperInput) -> HelperView:
        if self.helper is None:
            return add_helper(self.workspace, self.case_id, data)
        return update_helper(self.workspace, self.helper.id, data)


class FollowUpDialog(RecordDialog):
    """Record a follow-up (`follow_up` None) or edit one; a new one sets the next due date."""

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        helpers: list[HelperView],
        follow_up: FollowUpView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Thêm lần theo dõi") if follow_up is None else self.tr("Sửa lần theo dõi"),
            parent,
        )
        self.workspace = workspace
        self.case_id = case_id
        self.follow_up = follow_up
        self.held_on = DateField()
        self.add_field(
            "held_on",
            self.tr("Ngày theo dõi"),
            self.held_on,
            check=self.date_check("held_on", fields.HELD_ON),
        )
        self.helper = QComboBox()
        self.helper.addItem(self.tr("(không ghi)"), "")
        for helper in helpers:
            self.helper.addItem(helper.full_name, helper.id)
        self.add_field("helper_id", self.tr("Người giúp đỡ thực hiện"), self.helper)
        self.kind = EnumCombo(FollowUpKind)
        self.add_field("kind", self.tr("Hình thức"), self.kind)
        self.assessment = EnumCombo(FollowUpAssessment)
        self.add_field("assessment", self.tr("Đánh giá"), self.assessment)
        self.notes = _notes_box()
        self.add_field("notes", self.tr("Nội dung, ghi chú"), self.notes)
        self.next_due_on = DateField()
        self.add_field(
            "next_due_on",
            self.tr("Hạn theo dõi tiếp"),
            self.next_due_on,
            check=self.date_check("next_due_on", fields.NEXT_DUE_ON),
        )
        if follow_up is not None:
            self.held_on.set_date(follow_up.held_on)
            self.helper.setCurrentIndex(max(self.helper.findData(follow_up.helper_id or ""), 0))
            self.kind.set_value(follow_up.kind)
            self.assessment.set_value(follow_up.assessment)
            self.notes.setPlainText(follow_up.notes)
            self.next_due_on.set_date(follow_up.next_due_on)
        else:
            today = workspace.today()
            self.held_on.set_date(today)
            self.next_due_on.set_date(today + FOLLOW_UP_INTERVAL)
        self.mark_clean()
        self.held_on.setFocus()

    def collect(self) -> FollowUpInput:
        errors = ErrorCollector()
        held = self.read_date(errors, "held_on", fields.HELD_ON, required=True)
        # A new follow-up must say when the next one is due: that is what makes overdue visible.
        next_due = self.read_date(
            errors, "next_due_on", fields.NEXT_DUE_ON, required=self.follow_up is None
        )
        errors.raise_if_any()
        assert held is not None
        return FollowUpInput(
            held_on=held,
            kind=self.kind.value(),
            assessment=self.assessment.value(),
            notes=self.notes.toPlainText(),
            next_due_on=next_due,
            helper_id=str(self.helper.currentData() or "") or None,
        )

    def submit(self, data: FollowUpInput) -> FollowUpView:
        if self.follow_up is None:
            return add_follow_up(self.workspace, self.case_id, data)
        return update_follow_up(self.workspace, self.follow_up.id, data)


class SupportDialog(RecordDialog):
    """Record a support (job referral, vocational training, loan, other) or edit one."""

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        support: SupportView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Thêm hỗ trợ") if support is None else self.tr("Sửa hỗ trợ"), parent
        )
        self.workspace = workspace
        self.case_id = case_id
        self.support = support
        self.kind = EnumCombo(SupportKind)
        self.add_field("kind", self.tr("Hình thức hỗ trợ"), self.kind)
        self.started_on = DateField()
        self.add_field(
            "started_on",
            self.tr("Ngày hỗ trợ"),
            self.started_on,
            check=self.date_check("started_on", fields.SUPPORT_STARTED_ON),
        )
        self.provider = QLineEdit()
        self.provider.setPlaceholderText(self.tr("ví dụ: Công ty may Việt Tiến"))
        self.add_field("provider", self.tr("Nơi hỗ trợ"), self.provider)
        self.result_combo = EnumCombo(SupportResult)
        self.add_field("result", self.tr("Kết quả"), self.result_combo)
        self.notes = _notes_box()
        self.add_field("notes", self.tr("Ghi chú"), self.notes)
        if support is not None:
            self.kind.set_value(support.kind)
            self.started_on.set_date(support.started_on)
            self.provider.setText(support.provider)
            self.result_combo.set_value(support.result)
            self.notes.setPlainText(support.notes)
        else:
            self.started_on.set_date(workspace.today())
        self.mark_clean()
        self.kind.setFocus()

    def collect(self) -> SupportInput:
        errors = ErrorCollector()
        started = self.read_date(errors, "started_on", fields.SUPPORT_STARTED_ON, required=True)
        errors.raise_if_any()
        assert started is not None
        return SupportInput(
            kind=self.kind.value(),
            started_on=started,
            provider=self.provider.text(),
            result=self.result_combo.value(),
            notes=self.notes.toPlainText(),
        )

    def submit(self, data: SupportInput) -> SupportView:
        if self.support is None:
            return add_support(self.workspace, self.case_id, data)
        return update_support(self.workspace, self.support.id, data)
