"""The editor of a group (tổ/nhóm): its own fields and, once it is saved, its members."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from antq_desktop.domain.enums import GroupStatus
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import fields
from antq_desktop.services.groups import (
    GroupInput,
    GroupView,
    create_group,
    program_choices,
    update_group,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo, RecordCombo, UnitCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.members_panel import MembersPanel
from antq_desktop.ui.record_dialog import RecordDialog


class GroupDialog(RecordDialog):
    """Create a group (`group` None; `program_id` preselects its program) or edit one."""

    def __init__(
        self,
        workspace: Workspace,
        changes: Changes,
        group: GroupView | None,
        parent: QWidget | None = None,
        *,
        program_id: str | None = None,
    ) -> None:
        super().__init__(
            self.tr("Thêm tổ/nhóm") if group is None else self.tr("Sửa tổ/nhóm"), parent
        )
        self.workspace = workspace
        self.group = group
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("ví dụ: Tổ tự quản chung cư H3 Hoàng Diệu"))
        self.add_field("name", self.tr("Tên tổ/nhóm"), self.name)
        self.program = RecordCombo(lambda: program_choices(workspace))
        self.add_field("program_id", self.tr("Thuộc mô hình"), self.program)
        self.unit = UnitCombo(workspace)
        self.add_field("unit_id", self.tr("Đơn vị"), self.unit)
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("ví dụ: Lô H3, đường Hoàng Diệu"))
        self.add_field("area", self.tr("Địa bàn"), self.area)
        self.status = EnumCombo(GroupStatus)
        self.add_field("status", self.tr("Trạng thái"), self.status)
        self.formed_on = DateField()
        self.add_field(
            "formed_on",
            self.tr("Ngày thành lập"),
            self.formed_on,
            check=self.date_check("formed_on", fields.FORMED_ON),
        )
        self.dissolved_on = DateField()
        self.add_field(
            "dissolved_on",
            self.tr("Ngày giải thể"),
            self.dissolved_on,
            check=self.date_check("dissolved_on", fields.DISSOLVED_ON),
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.add_field("notes", self.tr("Ghi chú"), self.notes)

        self.members: MembersPanel | None = None
        box = self.add_group(self.tr("Thành viên"))
        if group is not None:
            self.members = MembersPanel(
                workspace, changes, group.id, group.name, group.unit_id, self
            )
            box.addRow(self.members)
            self.name.setText(group.name)
            self.program.set_record_id(group.program_id)
            self.unit.set_unit_id(group.unit_id)
            self.area.setText(group.area)
            self.status.set_value(group.status)
            self.formed_on.set_date(group.formed_on)
            self.dissolved_on.set_date(group.dissolved_on)
            self.notes.setPlainText(group.notes)
            self.setMinimumWidth(720)
        else:
            hint = QLabel(
                self.tr(
                    "Lưu tổ/nhóm trước; sau đó mở lại (Enter trên danh sách) để thêm thành viên."
                )
            )
            hint.setWordWrap(True)
            box.addRow(hint)
            self.program.set_record_id(program_id)
            self.formed_on.set_date(workspace.today())
        self.program.load()
        self.unit.load()
        if self.members is not None:
            self.members.reload()
        self.mark_clean()
        self.name.setFocus()

    def collect(self) -> GroupInput:
        errors = ErrorCollector()
        formed = self.read_date(errors, "formed_on", fields.FORMED_ON)
        dissolved = self.read_date(errors, "dissolved_on", fields.DISSOLVED_ON)
        errors.raise_if_any()
        return GroupInput(
            program_id=self.program.record_id() or "",
            unit_id=self.unit.unit_id() or "",
            name=self.name.text(),
            status=self.status.value(),
            area=self.area.text(),
            formed_on=formed,
            dissolved_on=dissolved,
            notes=self.notes.toPlainText(),
        )

    def submit(self, data: GroupInput) -> GroupView:
        if self.group is None:
            return create_group(self.workspace, data)
        return update_group(self.workspace, self.group.id, data)
