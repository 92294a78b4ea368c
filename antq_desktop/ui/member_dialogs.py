"""Two small editors of the group's member table: a new person who joins, and a departure.

`NewMemberDialog` records a person and their membership together. Before it creates the person it
looks for the citizen ID typed: when someone already has it, it offers that person instead of
recording the same citizen twice (the officer may still create a new record, e.g. when the
existing one is a typing mistake to correct later). `EndMembershipDialog` records the last day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from antq_desktop.domain.enums import Gender, MemberRole
from antq_desktop.domain.validation import (
    ErrorCollector,
    check_citizen_id,
    check_phone,
    format_date,
)
from antq_desktop.services import fields
from antq_desktop.services.groups import (
    MembershipInput,
    MemberView,
    add_member,
    end_membership,
)
from antq_desktop.services.people import (
    PersonInput,
    PersonView,
    create_person,
    delete_person,
    find_by_citizen_id,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.paged_model import mask_citizen_id
from antq_desktop.ui.record_dialog import RecordDialog
from antq_desktop.ui.worker import run_task


@dataclass(frozen=True)
class NewMemberInput:
    person: PersonInput
    membership_role: MemberRole
    joined_on: date


@dataclass(frozen=True)
class NewMemberResult:
    member: MemberView
    created_person: PersonView | None
    """The person recorded by this dialog; None when an existing person was used instead."""


def _digits(text: str) -> str:
    return "".join(character for character in text if character.isdigit())


class NewMemberDialog(RecordDialog):
    """Record a new person (in the group's unit) and add them to the group."""

    def __init__(
        self,
        workspace: Workspace,
        group_id: str,
        group_name: str,
        unit_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Thêm người mới vào {group}").format(group=group_name), parent)
        self.workspace = workspace
        self.group_id = group_id
        self.unit_id = unit_id
        self.existing_person: PersonView | None = None
        """Set when the officer chose the person already recorded with the citizen ID typed."""
        self._checked_citizen_id: str | None = None
        self.duplicate_box: QMessageBox | None = None
        self.use_existing_button: QPushButton | None = None
        self.create_anyway_button: QPushButton | None = None

        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("ví dụ: Nguyễn Văn Đức"))
        self.add_field("full_name", self.tr("Họ và tên"), self.full_name)
        self.gender = EnumCombo(Gender, all_text=self.tr("(không ghi)"))
        self.add_field("gender", self.tr("Giới tính"), self.gender)
        self.birth_date = DateField()
        self.add_field(
            "birth_date",
            self.tr("Ngày sinh"),
            self.birth_date,
            check=self.date_check("birth_date", fields.BIRTH_DATE),
        )
        self.citizen_id = QLineEdit()
        self.citizen_id.setPlaceholderText(self.tr("12 chữ số"))
        self.add_field(
            "citizen_id",
            self.tr("Số CCCD"),
            self.citizen_id,
            check=self.text_check("citizen_id", check_citizen_id),
        )
        self.phone = QLineEdit()
        self.add_field(
            "phone",
            self.tr("Số điện thoại"),
            self.phone,
            check=self.text_check("phone", check_phone),
        )
        self.address = QLineEdit()
        self.add_field("address", self.tr("Địa chỉ"), self.address)
        membership = self.add_group(self.tr("Tham gia tổ"))
        self.role = EnumCombo(MemberRole)
        self.role.set_value(MemberRole.MEMBER)
        self.add_field("role", self.tr("Vai trò"), self.role, form=membership)
        self.joined_on = DateField()
        self.joined_on.set_date(workspace.today())
        self.add_field(
            "joined_on",
            self.tr("Ngày tham gia"),
            self.joined_on,
            form=membership,
            check=self.date_check("joined_on", fields.JOINED_ON),
        )
        self.save_button.setText(self.tr("Thêm vào tổ (Ctrl+S)"))
        self.mark_clean()
        self.full_name.setFocus()

    # --- the duplicate citizen ID offer -------------------------------------------------------

    def save(self) -> None:
        """Look for the citizen ID first (once per number typed); then save."""
        digits = _digits(self.citizen_id.text())
        if self.existing_person is not None or not digits or digits == self._checked_citizen_id:
            super().save()
            return
        run_task(
            lambda: find_by_citizen_id(self.workspace, digits),
            lambda people: self._duplicates_found(digits, people),
            self.show_error,
            owner=self,
        )

    def _duplicates_found(self, digits: str, people: list[PersonView]) -> None:
        self._checked_citizen_id = digits
        if not people:
            super().save()
            return
        first = people[0]
        described = [
            self.tr("{name}, sinh {birth}, {address}").format(
                name=person.full_name,
                birth=format_date(person.birth_date) if person.birth_date else "?",
                address=person.address or "?",
            )
            for person in people
        ]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Số CCCD đã có"))
        box.setText(
            self.tr(
                "Số CCCD {number} đã được ghi cho:\n{people}\n\nDùng người đã có thay vì tạo "
                "thêm một hồ sơ trùng?"
            ).format(number=mask_citizen_id(digits), people="\n".join(described))
        )
        self.use_existing_button = box.addButton(
            self.tr("Dùng {name}").format(name=first.full_name),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.create_anyway_button = box.addButton(
            self.tr("Vẫn tạo người mới"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(self.tr("Quay lại sửa"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.use_existing_button)
        box.buttonClicked.connect(lambda button: self._duplicate_answer(button, first))
        self.duplicate_box = box
        box.open()

    def _duplicate_answer(self, button: object, first: PersonView) -> None:
        if button is self.use_existing_button:
            self.existing_person = first
            super().save()
        elif button is self.create_anyway_button:
            super().save()
        else:  # back to the form: ask again on the next save
            self._checked_citizen_id = None
            self.citizen_id.setFocus()

    # --- saving -------------------------------------------------------------------------------

    def collect(self) -> NewMemberInput:
        errors = ErrorCollector()
        birth = self.read_date(errors, "birth_date", fields.BIRTH_DATE)
        joined = self.read_date(errors, "joined_on", fields.JOINED_ON, required=True)
        errors.raise_if_any()
        assert joined is not None
        person = PersonInput(
            unit_id=self.unit_id,
            full_name=self.full_name.text(),
            gender=self.gender.value(),
            birth_date=birth,
            citizen_id=self.citizen_id.text() or None,
            phone=self.phone.text() or None,
            address=self.address.text(),
        )
        return NewMemberInput(person, self.role.value(), joined)

    def submit(self, data: NewMemberInput) -> NewMemberResult:
        if self.existing_person is not None:
            membership = MembershipInput(
                self.existing_person.id, data.joined_on, data.membership_role
            )
            return NewMemberResult(add_member(self.workspace, self.group_id, membership), None)
        person = create_person(self.workspace, data.person)
        membership = MembershipInput(person.id, data.joined_on, data.membership_role)
        try:
            member = add_member(self.workspace, self.group_id, membership)
        except Exception:
            # one action for the officer: no person is left behind when the membership is refused
            delete_person(self.workspace, person.id)
            raise
        return NewMemberResult(member, person)


class EndMembershipDialog(RecordDialog):
    """Record the last day of a membership (the member stays in the group's history)."""

    def __init__(
        self, workspace: Workspace, member: MemberView, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Cho rời tổ: {name}").format(name=member.person_name), parent)
        self.workspace = workspace
        self.member = member
        self.setMinimumWidth(420)
        # shown, not edited; overlapping-span refusals from the service land under it
        since = QLabel(format_date(member.joined_on))
        self.add_field("joined_on", self.tr("Ngày tham gia"), since)
        self.left_on = DateField()
        self.left_on.set_date(member.left_on or workspace.today())
        self.add_field(
            "left_on",
            self.tr("Ngày rời tổ"),
            self.left_on,
            check=self.date_check("left_on", fields.LEFT_ON),
        )
        self.save_button.setText(self.tr("Cho rời tổ (Ctrl+S)"))
        self.mark_clean()
        self.left_on.setFocus()

    def collect(self) -> date:
        errors = ErrorCollector()
        left = self.read_date(errors, "left_on", fields.LEFT_ON, required=True)
        errors.raise_if_any()
        assert left is not None
        return left

    def submit(self, data: date) -> MemberView:
        return end_membership(self.workspace, self.member.id, data)
