"""Choosing a group by typing part of its name, with or without accents."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCompleter, QWidget

from antq_desktop.domain.text import fold
from antq_desktop.services.groups import list_groups
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.choices import RecordCombo

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 10
GROUP_LIMIT = 100_000


def group_choices(workspace: Workspace) -> list[tuple[str, str]]:
    """Every live group as (id, name), by name (runs on the worker)."""
    return [(group.id, group.name) for group in list_groups(workspace, limit=GROUP_LIMIT)]


class _FoldedCompleter(QCompleter):
    """Matches what is typed inside the names, without accents ("chung cu h3" finds "chung cư
    H3"), and puts the name itself in the field."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class GroupCombo(RecordCombo):
    """Groups by name with type-ahead: typing part of a name (with or without accents) lists the
    groups that contain it."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(lambda: group_choices(workspace), parent=parent)
        self.setEditable(True)
        self.setInsertPolicy(RecordCombo.InsertPolicy.NoInsert)
        completer = _FoldedCompleter(self)
        completer.setModel(self.model())
        completer.setCompletionRole(FOLDED_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.records_loaded.connect(self._fold_names)
        line_edit = self.lineEdit()
        assert line_edit is not None
        line_edit.editingFinished.connect(self._settle_text)

    def _fold_names(self) -> None:
        for number in range(self.count()):
            self.setItemData(number, fold(self.itemText(number)), FOLDED_ROLE)

    def _settle_text(self) -> None:
        """Leaving the field with a half-typed name shows the chosen group again."""
        line_edit = self.lineEdit()
        if line_edit is None or line_edit.text() == self.itemText(self.currentIndex()):
            return
        found = self.findText(line_edit.text(), Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            self.setCurrentIndex(found)
        line_edit.setText(self.itemText(self.currentIndex()))
