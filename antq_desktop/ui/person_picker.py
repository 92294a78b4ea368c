"""Add someone already recorded to a group: find them by typing, pick the row, choose the role.

The search goes through `PERSON_LIST` (in SQL, a page at a time): a name typed without accents
("nguyen van duc"), part of a citizen ID or a phone number finds the person. Citizen IDs are shown
masked. The membership is saved by `add_member`; what it refuses (the person is already a member
over those days, the group already has a leader) is shown under the field it concerns.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.enums import MemberRole
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import fields
from antq_desktop.services.groups import (
    MEMBER_PERSON_NOT_CHOSEN,
    MembershipInput,
    MemberView,
    add_member,
)
from antq_desktop.services.people import PERSON_LIST
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.list_page import SEARCH_DELAY_MS
from antq_desktop.ui.paged_model import PagedTableModel
from antq_desktop.ui.record_dialog import RecordDialog

HIDDEN_COLUMNS = ("gender", "unit")


class PersonPickerDialog(RecordDialog):
    """Search the people of the record book and add the one picked to group `group_id`."""

    def __init__(
        self,
        workspace: Workspace,
        group_id: str,
        group_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Thêm người đã có vào {group}").format(group=group_name), parent)
        self.workspace = workspace
        self.group_id = group_id
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Gõ họ tên (có dấu hoặc không dấu), số CCCD hoặc số điện thoại")
        )
        self.model = PagedTableModel(workspace, PERSON_LIST, self)
        self.table = QTableView()
        self.table.setObjectName("people")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(220)
        for number, column in enumerate(PERSON_LIST.columns):
            self.table.setColumnHidden(number, column.key in HIDDEN_COLUMNS)
            self.table.setColumnWidth(number, 190 if number == 0 else 110)
        self.found_label = QLabel()
        self.found_label.setObjectName("found")
        chooser = QWidget()
        stack = QVBoxLayout(chooser)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.search)
        stack.addWidget(self.table, 1)
        stack.addWidget(self.found_label)
        self.add_field("person_id", self.tr("Người"), chooser)
        self.role = EnumCombo(MemberRole)
        self.role.set_value(MemberRole.MEMBER)
        self.add_field("role", self.tr("Vai trò"), self.role)
        self.joined_on = DateField()
        self.joined_on.set_date(workspace.today())
        self.add_field(
            "joined_on",
            self.tr("Ngày tham gia"),
            self.joined_on,
            check=self.date_check("joined_on", fields.JOINED_ON),
        )
        self.save_button.setText(self.tr("Thêm vào tổ (Ctrl+S)"))
        self.setMinimumWidth(760)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        # the rows on screen are the old search's until the new one arrives: never save one of them
        self.search.textChanged.connect(lambda _text: self.table.clearSelection())
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self.apply_search)
        self._loading = False
        self.model.loading.connect(self._started_loading)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.table.doubleClicked.connect(lambda _index: self.save())
        self.model.reload()
        self.mark_clean()
        self.search.setFocus()

    def apply_search(self) -> None:
        self._search_timer.stop()
        if self.model.request.query != self.search.text():
            self.model.set_query(self.search.text())

    def _started_loading(self) -> None:
        self._loading = True

    def _loaded(self, count: int) -> None:
        self._loading = False
        if count == 0:
            self.found_label.setText(
                self.tr("Không tìm thấy ai. Nếu người này chưa được ghi, dùng “Thêm người mới”.")
            )
        else:
            self.found_label.setText(
                self.tr("Tìm thấy {count} người. Chọn một dòng (phím ↓ để xuống bảng).").format(
                    count=count
                )
            )
            if count == 1:  # the one person typed: Enter adds them
                self.table.selectRow(0)

    def _failed(self, text: str) -> None:
        self._loading = False
        self.found_label.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Down in the search box goes to the list, on its first row."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.apply_search()
            if not self._loading:
                if self.chosen_person_id() is None:
                    self.table.selectRow(0)
                self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def chosen_person_id(self) -> str | None:
        """The id on the selected row (None while a new search is being read)."""
        if self._loading:
            return None
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.record_id(index.row())

    def collect(self) -> MembershipInput:
        errors = ErrorCollector()
        person_id = self.chosen_person_id()
        if person_id is None:
            errors.add("person_id", MEMBER_PERSON_NOT_CHOSEN())
        joined = self.read_date(errors, "joined_on", fields.JOINED_ON, required=True)
        errors.raise_if_any()
        assert person_id is not None
        assert joined is not None
        return MembershipInput(person_id=person_id, joined_on=joined, role=self.role.value())

    def submit(self, data: MembershipInput) -> MemberView:
        return add_member(self.workspace, self.group_id, data)
