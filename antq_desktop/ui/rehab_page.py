"""Giúp đỡ người lầm lỗi (5+1): the list of rehabilitation cases and their editor.

Cases whose follow-up is overdue (`rehab_followups.overdue_follow_ups`, the rule the report
counts) show the person and the next due date in red, are counted above the list, and can be
listed alone. Citizen IDs are masked in the list and shown in full only in the case editor.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from antq_desktop.domain.enums import RehabCategory, RehabStatus
from antq_desktop.domain.validation import format_date
from antq_desktop.services.listing import ListRow
from antq_desktop.services.people import get_person
from antq_desktop.services.rehab import CaseView, OverdueCase, delete_case, get_case
from antq_desktop.services.rehab_listing import (
    CASE_LIST,
    PersonChoice,
    choice_of,
    overdue_in_unit,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.case_dialog import CaseDialog, case_input, save_case, status_of
from antq_desktop.ui.case_sub_table import OVERDUE_COLOR
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo, UnitCombo
from antq_desktop.ui.list_page import ListPage
from antq_desktop.ui.paged_model import ID_ROLE
from antq_desktop.ui.worker import run_task

OVERDUE_COLUMNS = ("person", "next_due_on")


def load_case(workspace: Workspace, case_id: str) -> tuple[CaseView, PersonChoice]:
    """The case and its person, for the editor (runs on the worker)."""
    case = get_case(workspace, case_id)
    return case, choice_of(get_person(workspace, case.person_id))


class OverdueDelegate(QStyledItemDelegate):
    """Paints the cells of overdue cases in red (`overdue_ids` is set by the page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overdue: dict[str, OverdueCase] = {}

    @property
    def overdue_ids(self) -> frozenset[str]:
        return frozenset(self.overdue)

    def is_overdue(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return index.data(ID_ROLE) in self.overdue

    def tooltip(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """Why the row is red: since when the follow-up is due."""
        case = self.overdue.get(index.data(ID_ROLE))
        if case is None:
            return ""
        return self.tr("Quá hạn theo dõi {days} ngày (hạn {day})").format(
            days=case.days_overdue, day=format_date(case.due_on)
        )

    def helpEvent(  # noqa: N802 (Qt's name)
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        text = self.tooltip(index) if event.type() == QEvent.Type.ToolTip else ""
        if text:
            QToolTip.showText(event.globalPos(), text, view)
            return True
        return super().helpEvent(event, view, option, index)

    def initStyleOption(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self.is_overdue(index):
            option.palette.setColor(QPalette.ColorRole.Text, OVERDUE_COLOR)
            option.palette.setColor(QPalette.ColorRole.HighlightedText, OVERDUE_COLOR.lighter(170))


class RehabPage(ListPage):
    def __init__(
        self, workspace: Workspace, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            changes,
            CASE_LIST,
            title=self.tr("Giúp đỡ người lầm lỗi (5+1)"),
            search_hint=self.tr(
                "Tìm theo tên người được giúp đỡ (có dấu hoặc không dấu), số CCCD hoặc số "
                "điện thoại (Ctrl+F)"
            ),
            empty_text=self.tr(
                "Chưa có hồ sơ giúp đỡ nào. Nhấn “Thêm mới” (Ctrl+N) để mở hồ sơ đầu tiên."
            ),
            parent=parent,
        )
        self.dialog: CaseDialog | None = None
        # ListPage's setSortingEnabled() sorts by Qt's default indicator (first column,
        # descending) before the indicator is cleared: start in the listing's own order instead.
        self.model.request = replace(self.model.request, sort=None, descending=False)
        self.unit_filter = UnitCombo(workspace, all_text=self.tr("Mọi đơn vị"))
        self.unit_filter.setObjectName("filter.unit")
        self.status_filter = EnumCombo(RehabStatus, all_text=self.tr("Mọi trạng thái"))
        self.status_filter.setObjectName("filter.status")
        self.category_filter = EnumCombo(RehabCategory, all_text=self.tr("Mọi diện giúp đỡ"))
        self.category_filter.setObjectName("filter.category")
        self.overdue_only = QCheckBox(self.tr("Chỉ hồ sơ quá hạn theo dõi"))
        self.overdue_only.setObjectName("filter.overdue")
        for combo in (self.unit_filter, self.status_filter, self.category_filter):
            self.filter_bar.addWidget(combo, 1)
        self.filter_bar.addWidget(self.overdue_only)
        self.unit_filter.currentIndexChanged.connect(self._unit_chosen)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("status", self.status_filter.value())
        )
        self.category_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("category", self.category_filter.value())
        )
        self.overdue_only.toggled.connect(
            lambda on: self.set_filter("overdue", self.workspace.today() if on else None)
        )
        self.overdue_delegate = OverdueDelegate(self.table)
        for key in OVERDUE_COLUMNS:
            number = [column.key for column in CASE_LIST.columns].index(key)
            self.table.setItemDelegateForColumn(number, self.overdue_delegate)

    def _unit_chosen(self, _index: int) -> None:
        unit_id = self.unit_filter.unit_id()
        if unit_id == self.model.request.filters.get("unit"):
            return  # the combo filling itself: the list and the overdue cases are current
        self.set_filter("unit", unit_id)
        self._load_overdue()

    def load(self) -> None:
        self.refresh()  # the rows first; the filters' choices after them
        self.unit_filter.load()

    def refresh(self) -> None:
        super().refresh()
        self._load_overdue()

    def _load_overdue(self) -> None:
        """The cases of the chosen unit (and below) whose follow-up is overdue today."""
        workspace, unit_id = self.workspace, self.unit_filter.unit_id()
        run_task(
            lambda: overdue_in_unit(workspace, unit_id, workspace.today()),
            self._overdue_arrived,
            lambda _error: None,
            owner=self,
        )

    def _overdue_arrived(self, overdue: list[OverdueCase]) -> None:
        self.overdue_delegate.overdue = {case.case_id: case for case in overdue}
        self.overdue_only.setText(
            self.tr("Chỉ hồ sơ quá hạn theo dõi ({count})").format(count=len(overdue))
        )
        self.overdue_only.setStyleSheet("color: #c62828;" if overdue else "")
        self.table.viewport().update()

    # --- new, edit, delete ----------------------------------------------------------------------

    def new_record(self) -> None:
        self._open(None, None)

    def edit_record(self, record_id: str) -> None:
        workspace = self.workspace
        run_task(
            lambda: load_case(workspace, record_id),
            lambda loaded: self._open(*loaded),
            self.changes.failed,
        )

    def _open(self, case: CaseView | None, person: PersonChoice | None) -> None:
        dialog = CaseDialog(self.workspace, self.changes, case, person, self)
        dialog.saved.connect(lambda saved: self._record_save(case, saved))
        dialog.open()
        self.dialog = dialog

    def _record_save(self, before: CaseView | None, after: CaseView) -> None:
        if before is None:
            self.push_created(
                self.tr("Mở hồ sơ giúp đỡ {name}").format(name=after.person_name), after.id
            )
            return
        text = self.tr("Sửa hồ sơ giúp đỡ {name}").format(name=after.person_name)
        old = (case_input(before), status_of(before))
        new = (case_input(after), status_of(after))
        self.push_edited(
            text, after.id, lambda ws, case_id, state: save_case(ws, case_id, *state), old, new
        )

    def describe(self, row: ListRow) -> str:
        return self.tr("hồ sơ giúp đỡ của {name}").format(name=row.values[0])

    record_kind = "RehabCase"

    def remove(self, record_id: str) -> None:
        delete_case(self.workspace, record_id)
