"""The patrol shift editor, built for entering many shifts quickly from the paper log.

Focus moves group → date → times → members → others → … → findings → save. The date starts at
today, the times at an evening patrol, the area at the group's area; the members listed are those
of the chosen group on the chosen day (read again when either changes), ticked with the mouse or
Space.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.validation import REQUIRED, ErrorCollector
from antq_desktop.services import fields
from antq_desktop.services.groups import get_group
from antq_desktop.services.memberships import MemberView, active_members
from antq_desktop.services.patrols import (
    ShiftInput,
    ShiftView,
    create_shift,
    update_shift,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.findings_model import FindingDelegate, FindingsModel
from antq_desktop.ui.group_combo import GroupCombo
from antq_desktop.ui.record_dialog import RecordDialog
from antq_desktop.ui.worker import run_task

PERSON_ROLE = Qt.ItemDataRole.UserRole + 11
DEFAULT_START, DEFAULT_END = QTime(19, 30), QTime(21, 30)


def _members_and_area(
    workspace: Workspace, group_id: str, day: dt.date
) -> tuple[str, dt.date, list[MemberView], str]:
    return (
        group_id,
        day,
        active_members(workspace, group_id, day),
        get_group(workspace, group_id).area,
    )


class _TimeEdit(QTimeEdit):
    """Tab leaves the field instead of stepping from the hours to the minutes: typing "1930"
    moves on to the minutes by itself, and Left/Right move between them."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt's names)
        return QWidget.focusNextPrevChild(self, next)


def _qtime(value: dt.time | None, default: QTime) -> QTime:
    return QTime(value.hour, value.minute) if value is not None else default


class ShiftDialog(RecordDialog):
    """Record a patrol shift (`shift` None) or edit one. `group_id`: the group to start with."""

    def __init__(
        self,
        workspace: Workspace,
        shift: ShiftView | None,
        parent: QWidget | None = None,
        *,
        group_id: str | None = None,
    ) -> None:
        super().__init__(
            self.tr("Ghi ca tuần tra") if shift is None else self.tr("Sửa ca tuần tra"), parent
        )
        self.workspace = workspace
        self.shift = shift
        self._group_area = ""
        self._ticked: set[str] = {p.person_id for p in shift.participants} if shift else set()
        self._names = {p.person_id: p.full_name for p in shift.participants} if shift else {}
        self._settling = False
        self._dirty_before_groups = False

        self.group = GroupCombo(workspace)
        self.add_field("group_id", self.tr("Tổ/nhóm"), self.group)
        self.shift_date = DateField()
        self.shift_date.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_field(
            "shift_date",
            self.tr("Ngày tuần tra"),
            self.shift_date,
            check=self.date_check("shift_date", fields.SHIFT_DATE),
        )
        self.start_time = self._time_edit(DEFAULT_START)
        self.no_times = QCheckBox(self.tr("Không ghi giờ"))
        self.no_times.setToolTip(self.tr("Sổ tuần tra không ghi giờ của ca này"))
        self.no_times.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # rare: kept out of the Tab path
        self.no_times.toggled.connect(self._times_known)
        start_row = QWidget()
        row = QHBoxLayout(start_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start_time)
        row.addWidget(self.no_times)
        row.addStretch(1)
        self.add_field("start_time", self.tr("Giờ bắt đầu"), start_row)
        self.end_time = self._time_edit(DEFAULT_END)
        self.add_field("end_time", self.tr("Giờ kết thúc"), self.end_time)
        self.members = QListWidget()
        self.members.setFixedHeight(130)
        self.members.itemChanged.connect(self._member_toggled)
        self.add_field("participant_ids", self.tr("Thành viên tham gia"), self.members)
        self.others = self._count_box()
        self.add_field("others_count", self.tr("Số người khác tham gia"), self.others)
        self.residents = self._count_box()
        self.add_field("residents_reminded", self.tr("Số lượt nhắc nhở người dân"), self.residents)
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("Địa bàn, tuyến đường tuần tra"))
        self.add_field("area", self.tr("Địa bàn"), self.area)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(50)
        self.add_field("notes", self.tr("Ghi chú"), self.notes)
        self._build_findings()

        if shift is not None:
            self.group.set_record_id(shift.group_id)
            self.shift_date.set_date(shift.shift_date)
            self.start_time.setTime(_qtime(shift.start_time, DEFAULT_START))
            self.end_time.setTime(_qtime(shift.end_time, DEFAULT_END))
            self.no_times.setChecked(shift.start_time is None and shift.end_time is None)
            self.others.setValue(shift.others_count)
            self.residents.setValue(shift.residents_reminded)
            self.area.setText(shift.area)
            self.notes.setPlainText(shift.notes)
            self.findings.set_findings(shift.findings)
        else:
            self.group.set_record_id(group_id)
            self.shift_date.set_date(workspace.today())
        self._set_tab_order()
        self.group.records_loaded.connect(self._groups_arriving)
        self.group.currentIndexChanged.connect(self._group_changed)
        self.shift_date.edited.connect(self.reload_members)
        self.mark_clean()
        self.group.load()
        self.group.setFocus()

    # --- building -------------------------------------------------------------------------------

    def _time_edit(self, default: QTime) -> QTimeEdit:
        edit = _TimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setWrapping(True)
        edit.setMaximumWidth(100)
        edit.setTime(default)
        edit.timeChanged.connect(lambda _time: self.mark_dirty())
        return edit

    def _times_known(self, unknown: bool) -> None:
        self.start_time.setEnabled(not unknown)
        self.end_time.setEnabled(not unknown)
        self.mark_dirty()

    def _time(self, edit: QTimeEdit) -> dt.time | None:
        if self.no_times.isChecked():
            return None
        return dt.time(edit.time().hour(), edit.time().minute())

    def _count_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 9_999)
        box.setMaximumWidth(100)
        return box

    def _build_findings(self) -> None:
        form = self.add_group(self.tr("Vụ việc phát hiện"))
        self.findings = FindingsModel(self)
        self.findings_table = QTableView()
        self.findings_table.setModel(self.findings)
        self.findings_table.setItemDelegate(FindingDelegate(self.findings_table))
        self.findings_table.setTabKeyNavigation(False)
        self.findings_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.findings_table.horizontalHeader().setStretchLastSection(True)
        self.findings_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.findings_table.setColumnWidth(0, 150)
        self.findings_table.setColumnWidth(1, 170)
        self.findings_table.setFixedHeight(110)
        self.add_finding_button = QPushButton(self.tr("Thêm vụ việc"))
        self.add_finding_button.setObjectName("add_finding")
        self.add_finding_button.clicked.connect(self.add_finding)
        self.remove_finding_button = QPushButton(self.tr("Bỏ vụ việc đang chọn"))
        self.remove_finding_button.setObjectName("remove_finding")
        self.remove_finding_button.clicked.connect(self.remove_finding)
        for button in (self.add_finding_button, self.remove_finding_button):
            button.setAutoDefault(False)
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.findings_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_finding_button)
        buttons.addWidget(self.remove_finding_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.add_field("findings", "", cell, form=form)
        for signal in (
            self.findings.dataChanged,
            self.findings.rowsInserted,
            self.findings.rowsRemoved,
        ):
            signal.connect(lambda *_: self.mark_dirty())

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.group,
            self.shift_date.line_edit,
            self.start_time,
            self.end_time,
            self.members,
            self.others,
            self.residents,
            self.area,
            self.notes,
            self.findings_table,
            self.add_finding_button,
            self.remove_finding_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- findings -------------------------------------------------------------------------------

    def add_finding(self) -> None:
        number = self.findings.add_row()
        index = self.findings.index(number, 0)
        self.findings_table.setFocus()
        self.findings_table.setCurrentIndex(index)
        self.findings_table.edit(index)

    def remove_finding(self) -> None:
        index = self.findings_table.currentIndex()
        if index.isValid():
            self.findings.remove_row(index.row())

    # --- members of the group on the day ----------------------------------------------------------

    def _groups_arriving(self) -> None:
        # The combo announces its (re)filled list as a change of the current group: that is not
        # an edit by the user, so the dialog stays as clean as it was.
        self._settling = True
        self._dirty_before_groups = self.dirty

    def _group_changed(self, _index: int) -> None:
        if self._settling:
            self._settling = False
            if not self._dirty_before_groups:
                self.mark_clean()
        else:
            self.mark_dirty()
        self.reload_members()

    def reload_members(self) -> None:
        group_id, day = self.group.record_id(), self.shift_date.date()
        if group_id is None or day is None:
            return
        run_task(
            lambda: _members_and_area(self.workspace, group_id, day),
            self._members_arrived,
            lambda _error: None,
            owner=self,
        )

    def _members_arrived(self, loaded: tuple[str, dt.date, list[MemberView], str]) -> None:
        group_id, day, members, area = loaded
        if group_id != self.group.record_id() or day != self.shift_date.date():
            return  # the group or the date changed meanwhile: a newer list is on its way
        if self.area.text() in ("", self._group_area):
            self.area.setText(area)
        self._group_area = area
        self.members.blockSignals(True)
        self.members.clear()
        listed: set[str] = set()
        for member in members:
            self._add_member_item(member.person_id, member.person_name)
            listed.add(member.person_id)
        if self.shift is not None and (group_id, day) == (
            self.shift.group_id,
            self.shift.shift_date,
        ):
            # recorded before but not a member that day: shown, so the choice stays visible
            for person_id in sorted(self._ticked - listed, key=lambda p: self._names.get(p, p)):
                name = self._names.get(person_id, person_id)
                text = self.tr("{name} (không là thành viên ngày này)").format(name=name)
                self._add_member_item(person_id, text)
        else:
            self._ticked &= listed
        if self.members.count() == 0:
            empty = QListWidgetItem(self.tr("Tổ không có thành viên nào vào ngày này"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.members.addItem(empty)
        self.members.blockSignals(False)
        if self.members.count() > 0:
            self.members.setCurrentRow(0)

    def _add_member_item(self, person_id: str, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(PERSON_ROLE, person_id)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        checked = person_id in self._ticked
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.members.addItem(item)
        self._names.setdefault(person_id, text)

    def _member_toggled(self, item: QListWidgetItem) -> None:
        person_id = item.data(PERSON_ROLE)
        if not person_id:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self._ticked.add(str(person_id))
        else:
            self._ticked.discard(str(person_id))
        self.mark_dirty()

    def member_names(self) -> list[str]:
        return [self.members.item(n).text() for n in range(self.members.count())]

    def tick(self, *names: str) -> None:
        """Tick the members with these names (for tests and scripts)."""
        for number in range(self.members.count()):
            item = self.members.item(number)
            if item.text() in names:
                item.setCheckState(Qt.CheckState.Checked)

    def participant_ids(self) -> tuple[str, ...]:
        """The ticked people, in the order listed."""
        ticked: list[str] = []
        for number in range(self.members.count()):
            item = self.members.item(number)
            person_id = item.data(PERSON_ROLE)
            if person_id and item.checkState() == Qt.CheckState.Checked:
                ticked.append(str(person_id))
        return tuple(ticked)

    # --- saving -----------------------------------------------------------------------------------

    def _commit_open_editor(self) -> None:
        """Ctrl+S while a finding's cell is being edited: keep what was typed."""
        editor = self.findings_table.indexWidget(self.findings_table.currentIndex())
        if editor is not None:
            self.findings_table.commitData(editor)

    def collect(self) -> ShiftInput:
        self._commit_open_editor()
        errors = ErrorCollector()
        group_id = self.group.record_id()
        if group_id is None:
            errors.add("group_id", REQUIRED(field=fields.GROUP()))
        day = self.read_date(errors, "shift_date", fields.SHIFT_DATE, required=True)
        errors.raise_if_any()
        assert group_id is not None
        assert day is not None
        return ShiftInput(
            group_id=group_id,
            shift_date=day,
            start_time=self._time(self.start_time),
            end_time=self._time(self.end_time),
            area=self.area.text(),
            others_count=self.others.value(),
            residents_reminded=self.residents.value(),
            notes=self.notes.toPlainText(),
            participant_ids=self.participant_ids(),
            findings=self.findings.findings(),
        )

    def submit(self, data: ShiftInput) -> ShiftView:
        if self.shift is None:
            return create_shift(self.workspace, data)
        return update_shift(self.workspace, self.shift.id, data)
