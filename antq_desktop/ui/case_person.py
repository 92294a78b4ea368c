"""Choosing the person a "5+1" case helps: find someone already recorded, or record a new person.

Typing a name without marks ("nguyen van duc") or a citizen ID lists the people found; a new
person's citizen ID that is already recorded offers that person instead of a duplicate. The
citizen ID shows in full here (the editor), never in the lists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.enums import Gender
from antq_desktop.domain.messages import Message
from antq_desktop.domain.validation import check_citizen_id, check_phone, format_date
from antq_desktop.services.people import find_by_citizen_id
from antq_desktop.services.rehab_listing import PersonChoice, choice_of, find_people
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.worker import run_task

SEARCH_DELAY_MS = 200
AddField = Callable[..., QWidget]
TextCheck = Callable[[str, Callable[[str], object]], Callable[[], Message | None]]
"""`RecordDialog.text_check`: the editor's check of a typed value as the person leaves it."""


class _SearchLine(QLineEdit):
    """Enter searches here (it must not also save the dialog); Down goes to the people found."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class PersonChooser(QWidget):
    """The person field of the case editor. `add_field` is the dialog's, so that the new
    person's fields show the people service's messages under them."""

    chosen = Signal(object)
    """A recorded person was chosen (a `PersonChoice`)."""
    edited = Signal()

    def __init__(
        self,
        workspace: Workspace,
        add_field: AddField,
        parent: QWidget | None = None,
        *,
        text_check: TextCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.people: dict[str, PersonChoice] = {}
        self.search = _SearchLine()
        self.search.setObjectName("person.search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Gõ họ tên (có dấu hoặc không dấu), số CCCD hoặc số điện thoại để tìm")
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.look_up)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.look_up)
        self.results = QListWidget()
        self.results.setObjectName("person.results")
        self.results.setMaximumHeight(110)
        self.results.setMinimumHeight(56)  # never squeezed under the chosen line by the tabs
        self.results.currentItemChanged.connect(self._picked)
        self.search.down_pressed.connect(self._go_to_results)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("person.chosen")
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setMinimumHeight(2 * self.chosen_label.fontMetrics().lineSpacing())
        self.new_person = QCheckBox(self.tr("Người chưa có trong sổ: ghi người mới"))
        self.new_person.setObjectName("person.new")
        self.new_person.toggled.connect(self._mode_changed)

        self.new_box = QWidget()
        new_form = QFormLayout(self.new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        self.full_name = QLineEdit()
        add_field("full_name", self.tr("Họ và tên"), self.full_name, form=new_form)
        self.citizen_id = QLineEdit()
        self.citizen_id.setPlaceholderText(self.tr("12 chữ số"))
        self.citizen_id.editingFinished.connect(self.check_citizen_id)
        add_field(
            "citizen_id",
            self.tr("Số CCCD"),
            self.citizen_id,
            form=new_form,
            check=text_check("citizen_id", check_citizen_id) if text_check else None,
        )
        self.existing = QLabel()
        self.existing.setObjectName("person.existing")
        self.existing.setWordWrap(True)
        self.use_existing = QPushButton(self.tr("Chọn người này"))
        self.use_existing.setObjectName("person.use_existing")
        self.use_existing.clicked.connect(self._use_existing)
        existing_row = QHBoxLayout()
        existing_row.addWidget(self.existing, 1)
        existing_row.addWidget(self.use_existing)
        new_form.addRow(existing_row)
        self._show_existing([])
        self.birth_date = DateField()
        add_field("birth_date", self.tr("Ngày sinh"), self.birth_date, form=new_form)
        self.gender = EnumCombo(Gender, all_text=self.tr("(không ghi)"))
        add_field("gender", self.tr("Giới tính"), self.gender, form=new_form)
        self.phone = QLineEdit()
        add_field(
            "phone",
            self.tr("Số điện thoại"),
            self.phone,
            form=new_form,
            check=text_check("phone", check_phone) if text_check else None,
        )
        self.address = QLineEdit()
        add_field("address", self.tr("Địa chỉ"), self.address, form=new_form)
        self.new_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.new_person)
        layout.addWidget(self.new_box)
        self.setFocusProxy(self.search)

    # --- finding a recorded person ------------------------------------------------------------

    def look_up(self) -> None:
        self._timer.stop()
        query = self.search.text()
        run_task(
            lambda: find_people(self.workspace, query), self._found, lambda _e: None, owner=self
        )

    def _found(self, people: list[PersonChoice]) -> None:
        chosen = self.person_id()
        self.results.blockSignals(True)
        self.results.clear()
        for person in people:
            self._add_item(person)
        self.results.blockSignals(False)
        if chosen is not None and chosen in self.people:
            self.select(chosen)
        elif len(people) == 1:
            self.select(people[0].id)

    def _go_to_results(self) -> None:
        if self.results.count():
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            self.results.setFocus()

    def _add_item(self, person: PersonChoice) -> None:
        self.people[person.id] = person
        item = QListWidgetItem(self.describe(person))
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        self.results.addItem(item)

    def describe(self, person: PersonChoice) -> str:
        parts = [person.full_name]
        if person.citizen_id:
            parts.append(self.tr("CCCD {number}").format(number=person.citizen_id))
        if person.birth_date is not None:
            parts.append(self.tr("sinh {day}").format(day=format_date(person.birth_date)))
        if person.address:
            parts.append(person.address)
        return " — ".join(parts)

    def select(self, person_id: str) -> None:
        for number in range(self.results.count()):
            item = self.results.item(number)
            if item.data(Qt.ItemDataRole.UserRole) == person_id:
                self.results.setCurrentItem(item)
                return

    def set_person(self, person: PersonChoice) -> None:
        """Show a recorded person as the choice (an existing case's person)."""
        self.new_person.setChecked(False)
        self.results.blockSignals(True)
        self.results.clear()
        self._add_item(person)
        self.results.blockSignals(False)
        self.select(person.id)

    def _picked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        person = self.people.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        self.chosen_label.setText(
            self.tr("Đã chọn: {person}").format(person=self.describe(person)) if person else ""
        )
        if person is not None:
            self.chosen.emit(person)
        self.edited.emit()

    def person_id(self) -> str | None:
        """The recorded person chosen (None when none is, or a new person is being entered)."""
        if self.is_new():
            return None
        item = self.results.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # --- a new person -------------------------------------------------------------------------

    def is_new(self) -> bool:
        return self.new_person.isChecked()

    def _mode_changed(self, new: bool) -> None:
        self.new_box.setVisible(new)
        for widget in (self.search, self.results, self.chosen_label):
            widget.setVisible(not new)
        if new:
            if not self.full_name.text() and self.search.text() and not self._looks_like_number():
                self.full_name.setText(self.search.text().strip())
            self.full_name.setFocus()
        self.edited.emit()

    def _looks_like_number(self) -> bool:
        return any(character.isdigit() for character in self.search.text())

    def check_citizen_id(self) -> None:
        """Offer the person already recorded with the typed citizen ID, if any."""
        typed = self.citizen_id.text()
        if sum(character.isdigit() for character in typed) < 12:
            self._show_existing([])
            return
        run_task(
            lambda: [choice_of(view) for view in find_by_citizen_id(self.workspace, typed)],
            self._show_existing,
            lambda _e: None,
            owner=self,
        )

    def _show_existing(self, people: list[PersonChoice]) -> None:
        self._existing = people
        if people:
            self.existing.setText(
                self.tr("Số CCCD này đã có trong sổ: {person}.").format(
                    person=self.describe(people[0])
                )
            )
        self.existing.setVisible(bool(people))
        self.use_existing.setVisible(bool(people))

    def _use_existing(self) -> None:
        if not self._existing:
            return
        person = self._existing[0]
        self.new_person.setChecked(False)
        self.search.blockSignals(True)
        self.search.setText(person.citizen_id or person.full_name)
        self.search.blockSignals(False)
        self.results.blockSignals(True)
        self.results.clear()
        for other in self._existing:
            self._add_item(other)
        self.results.blockSignals(False)
        self.select(person.id)
        self._show_existing([])
