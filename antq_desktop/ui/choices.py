"""Combo boxes the editors and filters share: units (as a tree), enum values, records by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from antq_desktop.domain.enums import LabelledEnum
from antq_desktop.services import settings
from antq_desktop.services.units import UnitView, list_units
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.worker import run_task

E = TypeVar("E", bound=LabelledEnum)


def load_units(workspace: Workspace) -> tuple[list[UnitView], str]:
    """Every unit and the id of this installation's own unit (runs on the worker)."""
    return list_units(workspace), settings.get_setting(workspace, settings.OWN_UNIT_ID)


class UnitCombo(QComboBox):
    """The units of the record book as an indented tree; the item data is the unit id.

    `all_text`: a first item meaning "no filter" (data None). Otherwise the own unit is chosen
    when the units arrive.
    """

    units_loaded = Signal()

    def __init__(
        self, workspace: Workspace, *, all_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._all_text = all_text
        self._wanted: str | None = None
        self.own_unit_id = ""
        self.units: list[UnitView] = []
        self.setMinimumContentsLength(22)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def load(self) -> None:
        run_task(lambda: load_units(self.workspace), self._arrived, lambda _error: None, owner=self)

    def _arrived(self, loaded: tuple[list[UnitView], str]) -> None:
        self.units, self.own_unit_id = loaded
        self.blockSignals(True)
        self.clear()
        if self._all_text:
            self.addItem(self._all_text, None)
        depth: dict[str, int] = {}
        for unit in self.units:
            depth[unit.id] = depth[unit.parent_id] + 1 if unit.parent_id in depth else 0
            indent = "\u2003" * depth[unit.id]
            self.addItem(f"{indent}{unit.name} ({unit.code})", unit.id)
        wanted = self._wanted or (None if self._all_text else self.own_unit_id)
        index = self.findData(wanted) if wanted else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self.units_loaded.emit()
        self.currentIndexChanged.emit(self.currentIndex())

    def unit_id(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None

    def set_unit_id(self, unit_id: str | None) -> None:
        """Choose a unit (now, or when the units arrive)."""
        self._wanted = unit_id
        index = self.findData(unit_id)
        if index >= 0:
            self.setCurrentIndex(index)


class EnumCombo(QComboBox):
    """The members of a `LabelledEnum` with their labels; `all_text` adds a "no filter" item."""

    def __init__(
        self,
        enum_type: type[E],
        *,
        all_text: str = "",
        members: Sequence[E] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._enum_type = enum_type
        if all_text:
            self.addItem(all_text, "")
        for member in members if members is not None else list(enum_type):
            # The item keeps the plain string: Qt cannot hold a Python enum member safely.
            self.addItem(member.label(i18n.language()), str(member.value))

    def value(self) -> Any:
        """The chosen member, or None for the "no filter" item."""
        data = self.currentData()
        return self._enum_type(data) if data else None

    def set_value(self, value: Any) -> None:
        index = self.findData(str(value.value) if value is not None else "")
        if index >= 0:
            self.setCurrentIndex(index)


class RecordCombo(QComboBox):
    """Records chosen by name (programs, groups), read on the worker: `loader()` gives
    (id, text) pairs. `all_text` adds a "no filter" item."""

    records_loaded = Signal()

    def __init__(
        self,
        loader: Callable[[], list[tuple[str, str]]],
        *,
        all_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._all_text = all_text
        self._wanted: str | None = None
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def load(self) -> None:
        run_task(self._loader, self._arrived, lambda _error: None, owner=self)

    def _arrived(self, records: list[tuple[str, str]]) -> None:
        current = self._wanted or self.currentData()
        self.blockSignals(True)
        self.clear()
        if self._all_text:
            self.addItem(self._all_text, None)
        for record_id, text in records:
            self.addItem(text, record_id)
        index = self.findData(current) if current else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self.records_loaded.emit()
        self.currentIndexChanged.emit(self.currentIndex())

    def record_id(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None

    def set_record_id(self, record_id: str | None) -> None:
        self._wanted = record_id
        index = self.findData(record_id)
        if index >= 0:
            self.setCurrentIndex(index)
