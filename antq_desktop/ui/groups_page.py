"""Tổ/nhóm & thành viên: the list of groups, their editor and their members."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from antq_desktop.domain.enums import GroupStatus
from antq_desktop.services.groups import (
    GroupInput,
    GroupView,
    delete_group,
    get_group,
    group_listing,
    program_choices,
    update_group,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo, RecordCombo, UnitCombo
from antq_desktop.ui.group_dialog import GroupDialog
from antq_desktop.ui.list_page import ListPage
from antq_desktop.ui.worker import run_task


def as_input(view: GroupView) -> GroupInput:
    return GroupInput(
        program_id=view.program_id,
        unit_id=view.unit_id,
        name=view.name,
        status=view.status,
        area=view.area,
        formed_on=view.formed_on,
        dissolved_on=view.dissolved_on,
        notes=view.notes,
    )


class GroupsPage(ListPage):
    def __init__(
        self, workspace: Workspace, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            changes,
            group_listing(workspace.today),
            title=self.tr("Tổ/nhóm & thành viên"),
            search_hint=self.tr("Tìm theo tên tổ/nhóm, gõ có dấu hoặc không dấu (Ctrl+F)"),
            empty_text=self.tr(
                "Chưa có tổ/nhóm nào. Nhấn “Thêm mới” (Ctrl+N) để ghi tổ/nhóm đầu tiên."
            ),
            parent=parent,
        )
        self.dialog: GroupDialog | None = None
        self.unit_filter = UnitCombo(workspace, all_text=self.tr("Mọi đơn vị"))
        self.unit_filter.setObjectName("filter.unit")
        self.program_filter = RecordCombo(
            lambda: program_choices(workspace), all_text=self.tr("Mọi mô hình")
        )
        self.program_filter.setObjectName("filter.program")
        self.status_filter = EnumCombo(GroupStatus, all_text=self.tr("Mọi trạng thái"))
        self.status_filter.setObjectName("filter.status")
        for combo in (self.unit_filter, self.program_filter, self.status_filter):
            self.filter_bar.addWidget(combo, 1)
        self.unit_filter.currentIndexChanged.connect(
            lambda _i: self._filter("unit", self.unit_filter.unit_id())
        )
        self.program_filter.currentIndexChanged.connect(
            lambda _i: self._filter("program", self.program_filter.record_id())
        )
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._filter("status", self.status_filter.value())
        )
        # programs may be added, renamed or deleted on their own page
        changes.changed.connect(self.program_filter.load)

    def _filter(self, key: str, value: Any) -> None:
        """Apply a filter when it changed (combos reloaded with the same choice do not reload)."""
        if self.model.request.filters.get(key) != value:
            self.set_filter(key, value)

    def load(self) -> None:
        self.refresh()  # the rows first; the filters' choices after them
        self.unit_filter.load()
        self.program_filter.load()

    def new_record(self) -> None:
        self._open(None)

    def edit_record(self, record_id: str) -> None:
        run_task(lambda: get_group(self.workspace, record_id), self._open, self.changes.failed)

    def _open(self, group: GroupView | None) -> None:
        if self.dialog is not None:  # the last editor, closed: keep one, not one per opening
            self.dialog.deleteLater()
        dialog = GroupDialog(
            self.workspace,
            self.changes,
            group,
            self,
            program_id=self.program_filter.record_id(),
        )
        dialog.saved.connect(lambda saved: self._record_save(group, saved))
        dialog.open()
        self.dialog = dialog

    def _record_save(self, before: GroupView | None, after: GroupView) -> None:
        if before is None:
            self.push_created(self.tr("Thêm tổ/nhóm {name}").format(name=after.name), after.id)
            return
        text = self.tr("Sửa tổ/nhóm {name}").format(name=after.name)
        self.push_edited(text, after.id, update_group, as_input(before), as_input(after))

    record_kind = "Group"

    def remove(self, record_id: str) -> None:
        delete_group(self.workspace, record_id)
