"""Mô hình: the list of programs (models) and their editor."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from antq_desktop.domain.enums import MaintainingBody, ProgramKind, ProgramStatus
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import fields
from antq_desktop.services.programs import (
    PROGRAM_LIST,
    ProgramInput,
    ProgramView,
    create_program,
    delete_program,
    get_program,
    update_program,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo, UnitCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.list_page import ListPage
from antq_desktop.ui.record_dialog import RecordDialog
from antq_desktop.ui.worker import run_task


class ProgramDialog(RecordDialog):
    """Create a program (`program` None) or edit one."""

    def __init__(
        self, workspace: Workspace, program: ProgramView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Thêm mô hình") if program is None else self.tr("Sửa mô hình"), parent
        )
        self.workspace = workspace
        self.program = program
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("ví dụ: Tổ tự quản chung cư H3 Hoàng Diệu"))
        self.add_field("name", self.tr("Tên mô hình"), self.name)
        self.unit = UnitCombo(workspace)
        self.add_field("unit_id", self.tr("Đơn vị"), self.unit)
        self.kind = EnumCombo(ProgramKind)
        self.add_field("kind", self.tr("Loại mô hình"), self.kind)
        self.body_combo = EnumCombo(MaintainingBody)
        self.add_field("maintaining_body", self.tr("Cơ quan duy trì"), self.body_combo)
        self.status = EnumCombo(ProgramStatus)
        self.add_field("status", self.tr("Trạng thái"), self.status)
        self.started_on = DateField()
        self.add_field(
            "started_on",
            self.tr("Ngày bắt đầu"),
            self.started_on,
            check=self.date_check("started_on", fields.STARTED_ON),
        )
        self.recognised_on = DateField()
        self.add_field(
            "recognised_on",
            self.tr("Ngày công nhận"),
            self.recognised_on,
            check=self.date_check("recognised_on", fields.RECOGNISED_ON),
        )
        self.ended_on = DateField()
        self.add_field(
            "ended_on",
            self.tr("Ngày kết thúc"),
            self.ended_on,
            check=self.date_check("ended_on", fields.ENDED_ON),
        )
        self.budget = QSpinBox()
        self.budget.setRange(0, 2_000_000_000)
        self.budget.setSingleStep(1_000)
        self.budget.setGroupSeparatorShown(True)
        self.budget.setSuffix(self.tr(" nghìn đồng"))
        self.add_field("annual_budget_vnd", self.tr("Kinh phí hằng năm"), self.budget)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.add_field("description", self.tr("Mô tả"), self.description)
        if program is not None:
            self.name.setText(program.name)
            self.unit.set_unit_id(program.unit_id)
            self.kind.set_value(program.kind)
            self.body_combo.set_value(program.maintaining_body)
            self.status.set_value(program.status)
            self.started_on.set_date(program.started_on)
            self.recognised_on.set_date(program.recognised_on)
            self.ended_on.set_date(program.ended_on)
            self.budget.setValue(program.annual_budget_vnd // 1_000)
            self.description.setPlainText(program.description)
        else:
            self.started_on.set_date(workspace.today())
        self.unit.load()
        self.mark_clean()
        self.name.setFocus()

    def collect(self) -> ProgramInput:
        errors = ErrorCollector()
        started = self.read_date(errors, "started_on", fields.STARTED_ON)
        recognised = self.read_date(errors, "recognised_on", fields.RECOGNISED_ON)
        ended = self.read_date(errors, "ended_on", fields.ENDED_ON)
        errors.raise_if_any()
        return ProgramInput(
            unit_id=self.unit.unit_id() or "",
            name=self.name.text(),
            kind=self.kind.value(),
            maintaining_body=self.body_combo.value(),
            status=self.status.value(),
            started_on=started,
            recognised_on=recognised,
            ended_on=ended,
            annual_budget_vnd=self.budget.value() * 1_000,
            description=self.description.toPlainText(),
        )

    def submit(self, data: ProgramInput) -> ProgramView:
        if self.program is None:
            return create_program(self.workspace, data)
        return update_program(self.workspace, self.program.id, data)


def as_input(view: ProgramView) -> ProgramInput:
    return ProgramInput(
        unit_id=view.unit_id,
        name=view.name,
        kind=view.kind,
        maintaining_body=view.maintaining_body,
        status=view.status,
        started_on=view.started_on,
        recognised_on=view.recognised_on,
        ended_on=view.ended_on,
        annual_budget_vnd=view.annual_budget_vnd,
        description=view.description,
    )


class ProgramsPage(ListPage):
    def __init__(
        self, workspace: Workspace, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            changes,
            PROGRAM_LIST,
            title=self.tr("Mô hình"),
            search_hint=self.tr("Tìm theo tên mô hình, gõ có dấu hoặc không dấu (Ctrl+F)"),
            empty_text=self.tr(
                "Chưa có mô hình nào. Nhấn “Thêm mới” (Ctrl+N) để ghi mô hình đầu tiên."
            ),
            parent=parent,
        )
        self.unit_filter = UnitCombo(workspace, all_text=self.tr("Mọi đơn vị"))
        self.unit_filter.setObjectName("filter.unit")
        self.kind_filter = EnumCombo(ProgramKind, all_text=self.tr("Mọi loại mô hình"))
        self.kind_filter.setObjectName("filter.kind")
        self.status_filter = EnumCombo(ProgramStatus, all_text=self.tr("Mọi trạng thái"))
        self.status_filter.setObjectName("filter.status")
        for combo in (self.unit_filter, self.kind_filter, self.status_filter):
            self.filter_bar.addWidget(combo, 1)
        self.unit_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("unit", self.unit_filter.unit_id())
        )
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("kind", self.kind_filter.value())
        )
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("status", self.status_filter.value())
        )

    def load(self) -> None:
        self.refresh()  # the rows first; the filters' choices after them
        self.unit_filter.load()

    def new_record(self) -> None:
        self._open(None)

    def edit_record(self, record_id: str) -> None:
        run_task(lambda: get_program(self.workspace, record_id), self._open, self.changes.failed)

    def _open(self, program: ProgramView | None) -> None:
        dialog = ProgramDialog(self.workspace, program, self)
        dialog.saved.connect(lambda saved: self._record_save(program, saved))
        dialog.open()
        self.dialog = dialog

    def _record_save(self, before: ProgramView | None, after: ProgramView) -> None:
        if before is None:
            self.push_created(self.tr("Thêm mô hình {name}").format(name=after.name), after.id)
            return
        text = self.tr("Sửa mô hình {name}").format(name=after.name)
        self.push_edited(text, after.id, update_program, as_input(before), as_input(after))

    record_kind = "Program"

    def remove(self, record_id: str) -> None:
        delete_program(self.workspace, record_id)
