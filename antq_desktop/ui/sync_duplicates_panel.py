"""Người trùng CCCD: people recorded in two units with the same citizen ID, to be merged.

Each citizen ID is a branch with its people under it (name, birth date, unit, phone, address).
Choosing one person and "Gộp vào người được chọn…" keeps that record: after a confirmation, the
others' memberships, patrol turns and 5+1 files move to it, its empty fields are filled from
theirs, and they are deleted (`merge_people`; the deletion travels to the peers like any other).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.validation import format_date
from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.workspace import Workspace
from antq_desktop.sync.conflicts import DuplicateGroup, DuplicatePerson, list_duplicate_people
from antq_desktop.ui import i18n
from antq_desktop.ui.field_messages import error_label
from antq_desktop.ui.note import grey_note
from antq_desktop.ui.sync_jobs import merge_into
from antq_desktop.ui.sync_labels import number
from antq_desktop.ui.worker import run_task

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class DuplicatesPanel(QWidget):
    group_count = Signal(int)
    """How many citizen IDs are held by people of more than one unit."""
    merged = Signal()
    """People were merged: the records changed."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.may_merge = allowed(workspace, Permission.EDIT_RECORDS)
        self.groups: list[DuplicateGroup] = []
        intro = grey_note(
            self.tr(
                "Những người có cùng số CCCD nhưng được ghi ở hai đơn vị khác nhau (thường do hai "
                "nơi cùng nhập một người). Chọn bản ghi cần giữ rồi gộp: tổ/nhóm, ca tuần tra và "
                "hồ sơ 5+1 của bản ghi kia chuyển sang bản ghi được giữ."
            )
        )
        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicates.tree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("Họ và tên"),
                self.tr("Ngày sinh"),
                self.tr("Đơn vị"),
                self.tr("Điện thoại"),
                self.tr("Địa chỉ"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemActivated.connect(lambda _item, _column: self.merge_selected())
        self.empty = grey_note(self.tr("Không có người nào trùng số CCCD giữa các đơn vị."))
        self.empty.setObjectName("duplicates.empty")
        self.error = error_label("duplicates.error")
        self.merge_button = QPushButton(self.tr("Gộp vào người được chọn…"))
        self.merge_button.setObjectName("duplicates.merge")
        self.merge_button.clicked.connect(self.merge_selected)
        self.merge_button.setVisible(self.may_merge)
        self.hint = grey_note()
        self.hint.setObjectName("duplicates.hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self._selection_changed()

    def load(self) -> None:
        run_task(
            lambda: list_duplicate_people(self.workspace), self._show, self._failed, owner=self
        )

    def _show(self, groups: list[DuplicateGroup]) -> None:
        self.error.hide()
        self.groups = groups
        self.tree.clear()
        for group in groups:
            branch = QTreeWidgetItem(
                [
                    self.tr("CCCD {citizen_id} — {count} người").format(
                        citizen_id=group.citizen_id, count=number(len(group.people))
                    )
                ]
            )
            branch.setFirstColumnSpanned(True)
            branch.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = branch.font(0)
            font.setBold(True)
            branch.setFont(0, font)
            for person in group.people:
                item = QTreeWidgetItem(self._cells(person))
                item.setData(0, PERSON_ROLE, person.id)
                branch.addChild(item)
            self.tree.addTopLevelItem(branch)
            branch.setFirstColumnSpanned(True)
        self.tree.expandAll()
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.empty.setVisible(not groups)
        self.tree.setVisible(bool(groups))
        self.group_count.emit(len(groups))
        self._selection_changed()

    def _cells(self, person: DuplicatePerson) -> list[str]:
        return [
            person.full_name,
            format_date(person.birth_date) if person.birth_date else "",
            person.unit_name,
            person.phone or "",
            person.address,
        ]

    def _failed(self, error: Exception) -> None:
        self.error.setText(i18n.error_text(error))
        self.error.show()

    def selected(self) -> tuple[DuplicateGroup, DuplicatePerson] | None:
        items = self.tree.selectedItems()
        if not items or items[0].parent() is None:
            return None
        item = items[0]
        branch = item.parent()
        assert branch is not None
        group = self.groups[self.tree.indexOfTopLevelItem(branch)]
        return group, group.people[branch.indexOfChild(item)]

    def select_person(self, person_id: str) -> None:
        for top in range(self.tree.topLevelItemCount()):
            branch = self.tree.topLevelItem(top)
            for child in range(branch.childCount() if branch is not None else 0):
                item = branch.child(child) if branch is not None else None
                if item is not None and item.data(0, PERSON_ROLE) == person_id:
                    self.tree.setCurrentItem(item)
                    return

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.merge_button.setEnabled(chosen is not None)
        if not self.may_merge:
            self.hint.setText(
                self.tr(
                    "Tài khoản {user} ({role}) không được sửa dữ liệu nên không gộp được."
                ).format(user=self.workspace.user, role=self.workspace.role.label(i18n.language()))
                if self.groups
                else ""
            )
            return
        self.hint.setText(
            self.tr("Chọn người cần giữ trong một nhóm.") if chosen is None and self.groups else ""
        )

    def merge_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.may_merge:
            return
        group, keep = chosen
        others = [person for person in group.people if person.id != keep.id]
        answer = QMessageBox.question(
            self,
            self.tr("Gộp người trùng CCCD"),
            self.tr(
                "Giữ {keep} ({unit}) và gộp vào đó: {others}?\n\nTổ/nhóm, ca tuần tra và hồ sơ "
                "5+1 của người kia chuyển sang người được giữ; các trường còn trống được điền từ "
                "người kia; người kia bị xóa khỏi sổ. Việc này không hoàn tác bằng Ctrl+Z."
            ).format(
                keep=keep.full_name,
                unit=keep.unit_name,
                others=", ".join(f"{person.full_name} ({person.unit_name})" for person in others),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.merge_button.setEnabled(False)
        workspace, keep_id = self.workspace, keep.id
        drop_ids = [person.id for person in others]
        run_task(
            lambda: merge_into(workspace, keep_id, drop_ids),
            lambda _none: self.merged.emit(),
            self._merge_failed,
            owner=self,
        )

    def _merge_failed(self, error: Exception) -> None:
        self._failed(error)
        self.load()
