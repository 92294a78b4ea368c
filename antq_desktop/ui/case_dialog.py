"""The editor of a "5+1" case: the person helped, unit, program, category, dates, status.

An existing case also shows its helper team, follow-up timeline and supports in tabs (saved as
soon as each is entered). A new case for a person not yet recorded records the person first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QTabWidget, QWidget

from antq_desktop.domain.enums import RehabCategory, RehabStatus
from antq_desktop.domain.validation import REQUIRED, ErrorCollector, format_date
from antq_desktop.services import fields
from antq_desktop.services.people import PersonInput, create_person, delete_person
from antq_desktop.services.rehab import (
    CaseInput,
    CaseView,
    create_case,
    set_status,
    update_case,
)
from antq_desktop.services.rehab_listing import PersonChoice, rehab_programs
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.case_person import PersonChooser
from antq_desktop.ui.case_tabs import FollowUpsTab, HelpersTab, SupportsTab
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo, RecordCombo, UnitCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.record_dialog import RecordDialog

CLOSING = frozenset({RehabStatus.CLOSED, RehabStatus.MOVED_AWAY})


@dataclass(frozen=True)
class StatusChange:
    status: RehabStatus
    since: date
    outcome: str


@dataclass(frozen=True)
class CaseSubmission:
    """What the editor saves: the case, a new person to record first, a status to set."""

    case: CaseInput
    new_person: PersonInput | None = None
    status: StatusChange | None = None


def status_of(case: CaseView) -> StatusChange:
    return StatusChange(case.status, case.status_since, case.outcome)


def case_input(case: CaseView) -> CaseInput:
    return CaseInput(case.person_id, case.unit_id, case.category, case.opened_on,
                     case.program_id, case.notes)  # fmt: skip


def save_case(
    workspace: Workspace, case_id: str, data: CaseInput, status: StatusChange | None
) -> CaseView:
    """Edit a case and, when it changed, its status (used by the editor and by undo/redo)."""
    saved = update_case(workspace, case_id, data)
    if status is not None and status != status_of(saved):
        saved = set_status(workspace, case_id, status.status, status.since, status.outcome)
    return saved


class CaseDialog(RecordDialog):
    """Open a case (`case` None) or edit one; `person` is the case's person when editing."""

    def __init__(
        self,
        workspace: Workspace,
        changes: Changes,
        case: CaseView | None,
        person: PersonChoice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Mở hồ sơ giúp đỡ")
            if case is None
            else self.tr("Hồ sơ giúp đỡ: {name}").format(name=case.person_name),
            parent,
        )
        self.workspace = workspace
        self.case = case
        self.person = PersonChooser(workspace, self.add_field, text_check=self.text_check)
        self.add_field("person_id", self.tr("Người được giúp đỡ"), self.person)
        self.person.edited.connect(self.mark_dirty)
        self.person.chosen.connect(self._person_chosen)
        self.unit = UnitCombo(workspace)
        self.add_field("unit_id", self.tr("Đơn vị quản lý"), self.unit)
        self.program = RecordCombo(
            lambda: rehab_programs(workspace, self.unit.unit_id()),
            all_text=self.tr("(không thuộc mô hình nào)"),
        )
        self.add_field("program_id", self.tr("Mô hình 5+1"), self.program)
        self.unit.currentIndexChanged.connect(lambda _index: self.program.load())
        self.program.records_loaded.connect(self._programs_arrived)
        self._keep_clean_while_loading(self.unit, self.unit.units_loaded)
        self._keep_clean_while_loading(self.program, self.program.records_loaded)
        self.category = EnumCombo(RehabCategory)
        self.add_field("category", self.tr("Diện giúp đỡ"), self.category)
        self.opened_on = DateField()
        self.add_field(
            "opened_on",
            self.tr("Ngày bắt đầu giúp đỡ"),
            self.opened_on,
            check=self.date_check("opened_on", fields.OPENED_ON),
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(50)
        self.add_field("notes", self.tr("Ghi chú"), self.notes)
        self.tabs: QTabWidget | None = None
        if case is None:
            self.opened_on.set_date(workspace.today())
            self.person.search.setFocus()
        else:
            self._add_status_fields(case)
            self._add_tabs(workspace, changes, case)
            if person is not None:
                self.person.set_person(person)
            self.unit.set_unit_id(case.unit_id)
            self.program.set_record_id(case.program_id)
            self.category.set_value(case.category)
            self.opened_on.set_date(case.opened_on)
            self.notes.setPlainText(case.notes)
        self.unit.load()
        self.mark_clean()

    # --- building -----------------------------------------------------------------------------

    def _add_status_fields(self, case: CaseView) -> None:
        form = self.add_group(self.tr("Trạng thái và kết quả"))
        self.status = EnumCombo(RehabStatus)
        self.status.set_value(case.status)
        self.add_field("status", self.tr("Trạng thái"), self.status, form=form)
        self.status_since = DateField()
        self.status_since.set_date(case.status_since)
        self.add_field(
            "status_since",
            self.tr("Từ ngày"),
            self.status_since,
            form=form,
            check=self.date_check("status_since", fields.STATUS_SINCE),
        )
        self.outcome = QPlainTextEdit()
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(50)
        self.outcome.setPlainText(case.outcome)
        self.add_field("outcome", self.tr("Kết quả giúp đỡ"), self.outcome, form=form)
        self.closed_on = QLabel()
        self.add_field("closed_on", self.tr("Ngày kết thúc hồ sơ"), self.closed_on, form=form)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.status_since.edited.connect(self._show_closing)
        self._show_closing()

    def _add_tabs(self, workspace: Workspace, changes: Changes, case: CaseView) -> None:
        self.helpers = HelpersTab(workspace, changes, case.id)
        self.follow_ups = FollowUpsTab(workspace, changes, case.id)
        self.supports = SupportsTab(workspace, changes, case.id)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case.tabs")
        self.tabs.addTab(self.helpers, self.tr("Người giúp đỡ"))
        self.tabs.addTab(self.follow_ups, self.tr("Theo dõi"))
        self.tabs.addTab(self.supports, self.tr("Hỗ trợ"))
        note = QLabel(
            self.tr("Người giúp đỡ, lần theo dõi và hỗ trợ được lưu ngay khi ghi trong từng thẻ.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        self.body.addWidget(note)
        self.body.addWidget(self.tabs, 1)
        for tab in (self.helpers, self.follow_ups, self.supports):
            tab.load()
        self._listening = True
        self.finished.connect(lambda _result: self._stop_listening(changes))
        self.resize(900, 820)

    def _stop_listening(self, changes: Changes) -> None:
        """A closed editor's tabs no longer read their rows after every change."""
        if self._listening:
            self._listening = False
            for tab in (self.helpers, self.follow_ups, self.supports):
                changes.changed.disconnect(tab.load)

    def _keep_clean_while_loading(self, combo: QComboBox, loaded: SignalInstance) -> None:
        """Choices arriving from the worker re-select the current item: not an edit."""
        state = {"clean": False}

        def arrived() -> None:
            state["clean"] = not self.dirty

        def selected(_index: int) -> None:
            if state["clean"]:
                self.mark_clean()
            state["clean"] = False

        loaded.connect(arrived)
        combo.currentIndexChanged.connect(selected)

    def _person_chosen(self, person: PersonChoice) -> None:
        if self.case is None:
            self.unit.set_unit_id(person.unit_id)

    def _programs_arrived(self) -> None:
        """A new case in a unit with one 5+1 program belongs to it unless told otherwise."""
        if self.case is None and self.program.count() == 2:
            clean = not self.dirty
            self.program.setCurrentIndex(1)
            if clean:
                self.mark_clean()

    def _status_changed(self, _index: int) -> None:
        """A new status starts today unless told otherwise; back to the old one, its old day."""
        if self.case is not None and self.status.value() is self.case.status:
            self.status_since.set_date(self.case.status_since)
        elif self.case is not None and self.status_since.date() == self.case.status_since:
            self.status_since.set_date(self.workspace.today())
        self._show_closing()

    def _show_closing(self) -> None:
        day = self.status_since.date() if self.status.value() in CLOSING else None
        self.closed_on.setText(format_date(day) if day is not None else "—")

    # --- saving -------------------------------------------------------------------------------

    def collect(self) -> CaseSubmission:
        errors = ErrorCollector()
        opened = self.read_date(errors, "opened_on", fields.OPENED_ON, required=True)
        unit_id = self.unit.unit_id() or ""
        new_person: PersonInput | None = None
        if self.person.is_new():
            birth = self.read_date(errors, "birth_date", fields.BIRTH_DATE)
            new_person = PersonInput(
                unit_id=unit_id,
                full_name=self.person.full_name.text(),
                gender=self.person.gender.value(),
                birth_date=birth,
                citizen_id=self.person.citizen_id.text() or None,
                phone=self.person.phone.text() or None,
                address=self.person.address.text(),
            )
        elif self.person.person_id() is None:
            errors.add("person_id", REQUIRED(field=fields.PERSON()))
        status: StatusChange | None = None
        if self.case is not None:
            since = self.read_date(errors, "status_since", fields.STATUS_SINCE, required=True)
            if since is not None:
                status = StatusChange(self.status.value(), since, self.outcome.toPlainText())
        errors.raise_if_any()
        assert opened is not None
        case = CaseInput(
            person_id=self.person.person_id() or "",
            unit_id=unit_id,
            category=self.category.value(),
            opened_on=opened,
            program_id=self.program.record_id(),
            notes=self.notes.toPlainText(),
        )
        return CaseSubmission(case, new_person, status)

    def submit(self, data: CaseSubmission) -> CaseView:
        if self.case is not None:
            return save_case(self.workspace, self.case.id, data.case, data.status)
        if data.new_person is None:
            return create_case(self.workspace, data.case)
        person = create_person(self.workspace, data.new_person)
        try:
            return create_case(
                self.workspace,
                CaseInput(person.id, data.case.unit_id, data.case.category,
                          data.case.opened_on, data.case.program_id, data.case.notes),
            )  # fmt: skip
        except Exception:
            # The person goes with the refused case: nothing half-saved stays visible.
            delete_person(self.workspace, person.id)
            raise
