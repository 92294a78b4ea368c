"""The member table inside a group's editor, with its four actions.

Every change is saved at once through the memberships service (not with the group's Save button)
and goes on the window's undo stack: adding someone is undone by removing the membership (and the
person, when the same action recorded them), a departure by putting the previous last day back, a
removal by restoring the membership. What the service refuses is shown in the editor that made
the change (under the field it concerns), or under the table.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.groups import (
    MemberLine,
    MembershipInput,
    MemberView,
    members_with_contacts,
    remove_membership,
    update_membership,
)
from antq_desktop.services.people import delete_person
from antq_desktop.services.restore import restore_record
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.member_dialogs import EndMembershipDialog, NewMemberDialog, NewMemberResult
from antq_desktop.ui.members_model import MembersTableModel
from antq_desktop.ui.person_picker import PersonPickerDialog
from antq_desktop.ui.record_dialog import RecordDialog
from antq_desktop.ui.style import ERROR_STYLE
from antq_desktop.ui.worker import run_task


def membership_input(member: MemberView) -> MembershipInput:
    return MembershipInput(
        person_id=member.person_id,
        joined_on=member.joined_on,
        role=member.role,
        left_on=member.left_on,
    )


class MembersPanel(QWidget):
    """Members of the saved group `group_id` (people are recorded in the group's unit)."""

    def __init__(
        self,
        workspace: Workspace,
        changes: Changes,
        group_id: str,
        group_name: str,
        unit_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.changes = changes
        self.group_id = group_id
        self.group_name = group_name
        self.unit_id = unit_id
        self._select_next: str | None = None
        self.dialog: RecordDialog | None = None
        """The member editor open now (kept so it is not collected; tests reach it here)."""

        self.model = MembersTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("members")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(MembersTableModel.NAME, 190)
        self.table.setMinimumHeight(160)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_existing_button = QPushButton(self.tr("Thêm người đã có"))
        self.add_existing_button.setObjectName("members.add_existing")
        self.add_new_button = QPushButton(self.tr("Thêm người mới"))
        self.add_new_button.setObjectName("members.add_new")
        self.end_button = QPushButton(self.tr("Cho rời tổ"))
        self.end_button.setObjectName("members.end")
        self.remove_button = QPushButton(self.tr("Xóa khỏi danh sách"))
        self.remove_button.setObjectName("members.remove")
        self.remove_button.setToolTip(
            self.tr("Chỉ dùng khi ghi nhầm. Người rời tổ thì dùng “Cho rời tổ” để giữ lịch sử.")
        )
        self.add_existing_button.clicked.connect(self.add_existing)
        self.add_new_button.clicked.connect(self.add_new)
        self.end_button.clicked.connect(self.end_current)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (
            self.add_existing_button,
            self.add_new_button,
            self.end_button,
            self.remove_button,
        ):
            button.setAutoDefault(False)  # Enter in the group's form saves the group
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("members.summary")
        self.error = QLabel()
        self.error.setObjectName("members.error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        changes.changed.connect(self._something_changed)
        self._update_buttons()

    # --- reading ------------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        group_id = self.group_id
        run_task(
            lambda: members_with_contacts(self.workspace, group_id),
            lambda lines: self._arrived(lines, select_id),
            self._show_error,
            owner=self,
        )

    def _something_changed(self) -> None:
        """Every save, undo and redo of the window: read the members again, keeping the row."""
        select_id, self._select_next = self._select_next or self._current_id(), None
        if self.isVisible():  # a closed editor's group may be gone (deleted, undone)
            self.reload(select_id)

    def _arrived(self, lines: list[MemberLine], select_id: str | None) -> None:
        self.model.set_lines(lines, self.workspace.today())
        active = sum(1 for line in lines if not self.model.is_ended(line))
        self.summary.setText(
            self.tr("{active} người đang là thành viên, {ended} người đã rời tổ.").format(
                active=active, ended=len(lines) - active
            )
        )
        row = self.model.row_of(select_id) if select_id else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _current_id(self) -> str | None:
        line = self.current_line()
        return line.member.id if line is not None else None

    def current_line(self) -> MemberLine | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.line(index.row())

    def _update_buttons(self, *_: object) -> None:
        chosen = self.current_line() is not None
        self.end_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _show_error(self, error: Exception) -> None:
        self.error.setText(i18n.error_text(error))
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def _open(self, dialog: RecordDialog) -> None:
        self._clear_error()
        if self.dialog is not None:  # the last editor, closed
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    # --- the four actions ---------------------------------------------------------------------

    def add_existing(self) -> None:
        dialog = PersonPickerDialog(self.workspace, self.group_id, self.group_name, self)
        dialog.saved.connect(self._added_existing)
        self._open(dialog)

    def _added_existing(self, member: MemberView) -> None:
        workspace = self.workspace
        self._select_next = member.id
        self.changes.push(
            self.tr("Thêm {name} vào {group}").format(
                name=member.person_name, group=self.group_name
            ),
            lambda: restore_record(workspace, "Membership", member.id),
            lambda: remove_membership(workspace, member.id),
        )

    def add_new(self) -> None:
        dialog = NewMemberDialog(self.workspace, self.group_id, self.group_name, self.unit_id, self)
        dialog.saved.connect(self._added_new)
        self._open(dialog)

    def _added_new(self, result: NewMemberResult) -> None:
        if result.created_person is None:  # the officer chose the person already recorded
            self._added_existing(result.member)
            return
        workspace = self.workspace
        member, person_id = result.member, result.created_person.id

        def redo() -> None:
            restore_record(workspace, "Person", person_id)
            restore_record(workspace, "Membership", member.id)

        def undo() -> None:
            remove_membership(workspace, member.id)
            delete_person(workspace, person_id)

        self._select_next = member.id
        self.changes.push(
            self.tr("Thêm người mới {name} vào {group}").format(
                name=member.person_name, group=self.group_name
            ),
            redo,
            undo,
        )

    def end_current(self) -> None:
        line = self.current_line()
        if line is None:
            return
        before = line.member
        dialog = EndMembershipDialog(self.workspace, before, self)
        dialog.saved.connect(lambda after: self._ended(before, after))
        self._open(dialog)

    def _ended(self, before: MemberView, after: MemberView) -> None:
        workspace = self.workspace
        old, new = membership_input(before), membership_input(after)
        self._select_next = after.id
        self.changes.push(
            self.tr("{name} rời {group}").format(name=after.person_name, group=self.group_name),
            lambda: update_membership(workspace, after.id, new),
            lambda: update_membership(workspace, after.id, old),
        )

    def remove_current(self) -> None:
        line = self.current_line()
        if line is None:
            return
        self._clear_error()
        member = line.member
        answer = QMessageBox.question(
            self,
            self.tr("Xóa khỏi danh sách"),
            self.tr(
                "Xóa {name} khỏi danh sách thành viên của {group}?\n\nChỉ dùng khi đã ghi nhầm: "
                "người rời tổ thì dùng “Cho rời tổ” để giữ lịch sử. Có thể hoàn tác bằng Ctrl+Z."
            ).format(name=member.person_name, group=self.group_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        workspace = self.workspace
        run_task(
            lambda: remove_membership(workspace, member.id),
            lambda _none: self._removed(member),
            self._show_error,
            owner=self,
        )

    def _removed(self, member: MemberView) -> None:
        workspace = self.workspace
        self.changes.push(
            self.tr("Xóa {name} khỏi {group}").format(
                name=member.person_name, group=self.group_name
            ),
            lambda: remove_membership(workspace, member.id),
            lambda: restore_record(workspace, "Membership", member.id),
        )
