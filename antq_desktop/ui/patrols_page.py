"""Ca tuần tra: the list of patrol shifts, newest first, and their editor."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from antq_desktop.domain.validation import format_date
from antq_desktop.services.patrol_listing import SHIFT_LIST
from antq_desktop.services.patrols import (
    FindingInput,
    ShiftInput,
    ShiftView,
    delete_shift,
    get_shift,
    update_shift,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import RecordCombo, UnitCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.group_combo import group_choices
from antq_desktop.ui.list_page import ListPage
from antq_desktop.ui.shift_dialog import ShiftDialog
from antq_desktop.ui.worker import run_task


def as_input(view: ShiftView) -> ShiftInput:
    """What saving `view` again would take (undo of an edit)."""
    return ShiftInput(
        group_id=view.group_id,
        shift_date=view.shift_date,
        start_time=view.start_time,
        end_time=view.end_time,
        area=view.area,
        others_count=view.others_count,
        residents_reminded=view.residents_reminded,
        notes=view.notes,
        participant_ids=tuple(person.person_id for person in view.participants),
        findings=tuple(
            FindingInput(finding.category, finding.action, finding.description)
            for finding in view.findings
        ),
    )


class PatrolsPage(ListPage):
    def __init__(
        self, workspace: Workspace, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            changes,
            SHIFT_LIST,
            title=self.tr("Ca tuần tra"),
            search_hint=self.tr("Tìm theo tên tổ hoặc địa bàn, gõ có dấu hoặc không dấu (Ctrl+F)"),
            empty_text=self.tr(
                "Chưa có ca tuần tra nào. Nhấn “Thêm mới” (Ctrl+N) để ghi ca đầu tiên."
            ),
            parent=parent,
        )
        self.dialog: ShiftDialog | None = None
        self._default_widths()
        self.last_group_id: str | None = None
        """The group of the last shift recorded here: the next new shift starts with it."""
        self.unit_filter = UnitCombo(workspace, all_text=self.tr("Mọi đơn vị"))
        self.unit_filter.setObjectName("filter.unit")
        self.group_filter = RecordCombo(
            lambda: group_choices(workspace), all_text=self.tr("Mọi tổ/nhóm")
        )
        self.group_filter.setObjectName("filter.group")
        self.date_from = DateField()
        self.date_from.setObjectName("filter.date_from")
        self.date_from.setToolTip(self.tr("Từ ngày"))
        self.date_to = DateField()
        self.date_to.setObjectName("filter.date_to")
        self.date_to.setToolTip(self.tr("Đến ngày"))
        self.filter_bar.addWidget(self.unit_filter, 1)
        self.filter_bar.addWidget(self.group_filter, 1)
        self.filter_bar.addWidget(QLabel(self.tr("Từ")))
        self.filter_bar.addWidget(self.date_from)
        self.filter_bar.addWidget(QLabel(self.tr("đến")))
        self.filter_bar.addWidget(self.date_to)
        self.unit_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("unit", self.unit_filter.unit_id())
        )
        self.group_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("group", self.group_filter.record_id())
        )
        self.date_from.edited.connect(lambda: self._date_filter("date_from", self.date_from))
        self.date_to.edited.connect(lambda: self._date_filter("date_to", self.date_to))

    def _default_widths(self) -> None:
        """Narrow dates, times and counts the first time (later the user's widths are kept)."""
        if QSettings().contains(self._settings_key()):
            return
        widths = {"shift_date": 95, "start_time": 90, "end_time": 90, "group": 230, "area": 170}
        for number, column in enumerate(self.listing.columns):
            self.table.setColumnWidth(number, widths.get(column.key, 85))

    def _date_filter(self, key: str, field: DateField) -> None:
        """A complete date filters; a blank field clears the filter; half a date waits."""
        if field.is_blank():
            self.set_filter(key, None)
        elif field.date() is not None:
            self.set_filter(key, field.date())

    def load(self) -> None:
        self.refresh()  # the rows first; the filters' choices after them
        self.unit_filter.load()
        self.group_filter.load()

    def new_record(self) -> None:
        self._open(None)

    def edit_record(self, record_id: str) -> None:
        run_task(lambda: get_shift(self.workspace, record_id), self._open, self.changes.failed)

    def _open(self, shift: ShiftView | None) -> None:
        dialog = ShiftDialog(
            self.workspace,
            shift,
            self,
            group_id=self.last_group_id or self.group_filter.record_id(),
        )
        dialog.saved.connect(lambda saved: self._record_save(shift, saved))
        dialog.open()
        self.dialog = dialog

    @staticmethod
    def shift_text(view: ShiftView) -> str:
        return f"{view.group_name} {format_date(view.shift_date)}"

    def _record_save(self, before: ShiftView | None, after: ShiftView) -> None:
        self.last_group_id = after.group_id
        if before is None:
            self.push_created(
                self.tr("Ghi ca tuần tra {shift}").format(shift=self.shift_text(after)), after.id
            )
            return
        text = self.tr("Sửa ca tuần tra {shift}").format(shift=self.shift_text(after))
        self.push_edited(text, after.id, update_shift, as_input(before), as_input(after))

    def delete_current(self) -> None:
        # The shared question names the first column's raw value (a date object here): ask with
        # the group and the date instead.
        record_id = self.current_id()
        if record_id is None:
            return
        run_task(
            lambda: get_shift(self.workspace, record_id), self._confirm_delete, self.changes.failed
        )

    def _confirm_delete(self, shift: ShiftView) -> None:
        name = self.tr("ca tuần tra {shift}").format(shift=self.shift_text(shift))
        answer = QMessageBox.question(
            self,
            self.tr("Xóa ca tuần tra"),
            self.tr("Xóa {name}? Có thể hoàn tác bằng Ctrl+Z.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete, restore = self.delete_actions(shift.id)
        self.changes.push(
            self.tr("Xóa {name}").format(name=name), delete, restore, already_done=False
        )

    record_kind = "PatrolShift"

    def remove(self, record_id: str) -> None:
        delete_shift(self.workspace, record_id)
