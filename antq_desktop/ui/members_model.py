"""The members of one group as a table: person, role, joined, left, phone.

A group has tens of members, not thousands: the model holds the whole list (read on the worker by
`services.groups.members_with_contacts`) and is replaced in one go after every change. Ended
memberships stay in the list, greyed, so the group's history can be read and corrected.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from antq_desktop.domain.validation import format_date
from antq_desktop.services.groups import MemberLine
from antq_desktop.ui import i18n
from antq_desktop.ui.paged_model import ID_ROLE, VALUE_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
ENDED_COLOUR = QColor("#777777")


class MembersTableModel(QAbstractTableModel):
    NAME, ROLE, JOINED, LEFT, PHONE = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[MemberLine] = []
        self._today = date.today()
        self._headers = (
            self.tr("Họ và tên"),
            self.tr("Vai trò"),
            self.tr("Ngày tham gia"),
            self.tr("Ngày rời tổ"),
            self.tr("Số điện thoại"),
        )

    def set_lines(self, lines: list[MemberLine], today: date) -> None:
        """Show these memberships; those ended before `today` are greyed."""
        self.beginResetModel()
        self._lines = list(lines)
        self._today = today
        self.endResetModel()

    def line(self, row: int) -> MemberLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, membership_id: str) -> int:
        """The row of a membership, or -1."""
        for number, line in enumerate(self._lines):
            if line.member.id == membership_id:
                return number
        return -1

    def is_ended(self, line: MemberLine) -> bool:
        return line.member.left_on is not None and line.member.left_on < self._today

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def _value(self, line: MemberLine, column: int) -> Any:
        member = line.member
        values = (member.person_name, member.role, member.joined_on, member.left_on, line.phone)
        return values[column]

    def _text(self, line: MemberLine, column: int) -> str:
        value = self._value(line, column)
        if value is None:
            return ""
        if column == self.ROLE:
            return str(line.member.role.label(i18n.language()))
        if isinstance(value, date):
            return format_date(value)
        return str(value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.line(index.row())
        if line is None or not 0 <= index.column() < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, index.column())
        if role == ID_ROLE:
            return line.member.id
        if role == VALUE_ROLE:
            value = self._value(line, index.column())
            return str(value.value) if index.column() == self.ROLE else value
        if role == Qt.ItemDataRole.ForegroundRole and self.is_ended(line):
            return QBrush(ENDED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and self.is_ended(line):
            return self.tr("Đã rời tổ ngày {day}").format(day=self._text(line, self.LEFT))
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._lines):
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
