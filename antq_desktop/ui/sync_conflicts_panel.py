"""Xung đột: fields edited in two places since the last exchange, each to be decided by a person.

The list has one line a field. The line chosen shows the two values side by side: the one in use
(the newer edit, applied provisionally by the import) and the other one, each with when and where
it was written, and the value the book holds now. "Giữ giá trị đang dùng" or "Dùng giá trị kia",
then "Áp dụng" (`resolve_conflict`): choosing the other value is an ordinary edit that travels to
every peer with the next bundles, and so does the decision.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.workspace import Workspace
from antq_desktop.sync.conflicts import Choice, ConflictView, resolve_conflict
from antq_desktop.ui import i18n
from antq_desktop.ui.audit_page import kind_label
from antq_desktop.ui.field_messages import error_label
from antq_desktop.ui.note import Note, grey_note
from antq_desktop.ui.sync_jobs import Conflicts, Peers, load_conflicts
from antq_desktop.ui.sync_labels import (
    BOX_STYLE,
    SyncRowsModel,
    field_value_text,
    moment_text,
    record_field_label,
    rows_table,
    selected_row,
)
from antq_desktop.ui.worker import run_task

VALUE_STYLE = "font-size: 13pt; font-weight: bold;"
KEPT_BOX_STYLE = BOX_STYLE.format(background="#edf7ee", border="#81c784")
OTHER_BOX_STYLE = BOX_STYLE.format(background="#f1f5fb", border="#c5d3e8")


class ConflictsPanel(QWidget):
    open_count = Signal(int)
    """How many conflicts are still to decide (for the tab's title)."""
    resolved = Signal()
    """A conflict was decided: the records may have changed."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.may_resolve = allowed(workspace, Permission.EDIT_RECORDS)
        self.peers: Peers | None = None
        self._keep_id: str | None = None

        self.model = SyncRowsModel(
            [
                self.tr("Loại"),
                self.tr("Bản ghi"),
                self.tr("Trường"),
                self.tr("Giá trị đang dùng"),
                self.tr("Giá trị kia"),
                self.tr("Trạng thái"),
            ],
            self._cells,
            red=lambda row, column: column == 5 and self.model.rows[row].is_open,
            parent=self,
        )
        self.table = rows_table(self.model, "conflicts.table", stretch=1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.show_decided = QCheckBox(self.tr("Hiện cả xung đột đã giải quyết"))
        self.show_decided.setObjectName("conflicts.show_decided")
        self.show_decided.toggled.connect(lambda _on: self.load())
        self.empty = grey_note()
        self.empty.setObjectName("conflicts.empty")
        self.error = error_label("conflicts.error")
        intro = grey_note(
            self.tr(
                "Khi cùng một trường được sửa ở hai nơi giữa hai lần trao đổi, giá trị sửa sau "
                "được dùng tạm và giá trị kia được giữ lại ở đây để chọn. Không có giá trị nào "
                "bị mất."
            )
        )
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.show_decided, 0, Qt.AlignmentFlag.AlignTop)

        self.detail = QGroupBox()
        self.detail.setObjectName("conflicts.detail")
        self.keep_choice = QRadioButton(self.tr("&Giữ giá trị đang dùng"))
        self.keep_choice.setObjectName("conflicts.keep")
        self.other_choice = QRadioButton(self.tr("&Dùng giá trị kia"))
        self.other_choice.setObjectName("conflicts.other")
        self.kept_value, self.kept_meta, self.kept_box = self._side(
            self.tr("Giá trị đang dùng"), self.keep_choice
        )
        self.other_value, self.other_meta, self.other_box = self._side(
            self.tr("Giá trị kia"), self.other_choice
        )
        self.kept_box.setStyleSheet(KEPT_BOX_STYLE)
        self.other_box.setStyleSheet(OTHER_BOX_STYLE)
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.keep_choice)
        self.choices.addButton(self.other_choice)
        sides = QHBoxLayout()
        sides.addWidget(self.kept_box, 1)
        sides.addWidget(self.other_box, 1)
        self.current = Note()
        self.current.setObjectName("conflicts.current")
        self.state = Note()
        self.state.setObjectName("conflicts.state")
        self.apply_button = QPushButton(self.tr("Áp dụng"))
        self.apply_button.setObjectName("conflicts.apply")
        self.apply_button.clicked.connect(self.apply)
        self.no_access = grey_note(
            self.tr(
                "Tài khoản {user} ({role}) không được sửa dữ liệu nên chỉ xem được xung đột; "
                "cán bộ hoặc quản trị viên chọn giá trị."
            ).format(user=workspace.user, role=workspace.role.label(i18n.language()))
        )
        self.no_access.setObjectName("conflicts.no_access")
        actions = QHBoxLayout()
        actions.addWidget(self.apply_button)
        actions.addWidget(self.state, 1)
        detail = QVBoxLayout(self.detail)
        detail.addLayout(sides)
        detail.addWidget(self.current)
        detail.addLayout(actions)
        detail.addWidget(self.no_access)
        for widget in (self.keep_choice, self.other_choice, self.apply_button):
            widget.setVisible(self.may_resolve)
        self.no_access.setVisible(not self.may_resolve)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self._selection_changed()

    def _side(self, title: str, choice: QRadioButton) -> tuple[QLabel, Note, QGroupBox]:
        box = QGroupBox(title)
        value = QLabel()
        value.setStyleSheet(VALUE_STYLE)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        meta = grey_note()
        column = QVBoxLayout(box)
        column.addWidget(value)
        column.addWidget(meta)
        column.addWidget(choice)
        return value, meta, box

    # --- the list ------------------------------------------------------------------------------

    def load(self) -> None:
        include = self.show_decided.isChecked()
        chosen = self.selected()
        if chosen is not None:
            self._keep_id = chosen.id
        run_task(
            lambda: load_conflicts(self.workspace, include),
            self._show,
            self._failed,
            owner=self,
        )

    def _show(self, found: Conflicts) -> None:
        self.error.hide()
        self.peers = found.peers
        row = selected_row(self.table)
        self.model.set_rows(found.conflicts)
        open_count = sum(conflict.is_open for conflict in found.conflicts)
        self.open_count.emit(open_count)
        if not found.conflicts:
            self.empty.setText(
                self.tr("Không có xung đột nào.")
                if self.show_decided.isChecked()
                else self.tr("Không có xung đột nào cần giải quyết.")
            )
        self.empty.setVisible(not found.conflicts)
        ids = [conflict.id for conflict in found.conflicts]
        if self._keep_id in ids:
            row = ids.index(self._keep_id)
        self._keep_id = None
        if found.conflicts:
            self.table.selectRow(min(row or 0, len(ids) - 1))
        self._selection_changed()

    def _failed(self, error: Exception) -> None:
        self.error.setText(i18n.error_text(error))
        self.error.show()

    def _cells(self, conflict: ConflictView) -> list[str]:
        return [
            kind_label(conflict.kind),
            conflict.record_label or conflict.row_id,
            record_field_label(conflict.field),
            field_value_text(conflict.kept_value),
            field_value_text(conflict.other_value),
            self.state_text(conflict),
        ]

    def state_text(self, conflict: ConflictView) -> str:
        if conflict.resolution == "kept":
            return self.tr("đã giữ giá trị đang dùng")
        if conflict.resolution == "other":
            return self.tr("đã dùng giá trị kia")
        return self.tr("cần chọn")

    def selected(self) -> ConflictView | None:
        row = selected_row(self.table)
        return self.model.rows[row] if row is not None else None

    # --- the conflict chosen -------------------------------------------------------------------

    def site_text(self, site_id: str) -> str:
        label = self.peers.site_label(site_id) if self.peers is not None else site_id
        return label or self.tr("máy này")

    def _selection_changed(self) -> None:
        conflict = self.selected()
        self.detail.setVisible(conflict is not None)
        if conflict is None:
            return
        self.detail.setTitle(
            self.tr("{kind} “{record}” — {field}").format(
                kind=kind_label(conflict.kind),
                record=conflict.record_label or conflict.row_id,
                field=record_field_label(conflict.field),
            )
        )
        self._show_side(
            self.kept_value,
            self.kept_meta,
            conflict.kept_value,
            self.tr("Sửa lúc {at} tại {site}").format(
                at=moment_text(conflict.kept_at), site=self.site_text(conflict.kept_site)
            ),
        )
        self._show_side(
            self.other_value,
            self.other_meta,
            conflict.other_value,
            self.tr("Sửa lúc {at} tại {site}").format(
                at=moment_text(conflict.other_at), site=self.site_text(conflict.other_site)
            ),
        )
        current = self.tr("Giá trị hiện có trong sổ: {value}").format(
            value=field_value_text(conflict.current_value)
        )
        if conflict.is_open and conflict.current_value != conflict.kept_value:
            current += " " + self.tr("(đã được sửa lại sau khi nhập gói)")
        self.current.setText(current)
        self.choices.setExclusive(False)
        self.keep_choice.setChecked(conflict.resolution == "kept" or conflict.is_open)
        self.other_choice.setChecked(conflict.resolution == "other")
        self.choices.setExclusive(True)
        for widget in (self.keep_choice, self.other_choice, self.apply_button):
            widget.setEnabled(conflict.is_open)
        self.state.setText(
            ""
            if conflict.is_open
            else self.tr("Đã giải quyết lúc {at}, người chọn {user}: {state}.").format(
                at=moment_text(conflict.resolved_at),
                user=conflict.resolved_by,
                state=self.state_text(conflict),
            )
        )

    @staticmethod
    def _show_side(value: QLabel, meta: QLabel, shown: object, written: str) -> None:
        value.setText(field_value_text(shown))
        meta.setText(written)

    def choose(self, choice: Choice) -> None:
        (self.keep_choice if choice == "kept" else self.other_choice).setChecked(True)

    def apply(self) -> None:
        conflict = self.selected()
        if conflict is None or not conflict.is_open or not self.may_resolve:
            return
        choice: Choice = "other" if self.other_choice.isChecked() else "kept"
        self.apply_button.setEnabled(False)
        workspace = self.workspace
        run_task(
            lambda: resolve_conflict(workspace, conflict.id, choice),
            lambda _none: self.resolved.emit(),
            self._apply_failed,
            owner=self,
        )

    def _apply_failed(self, error: Exception) -> None:
        self.apply_button.setEnabled(True)
        self._failed(error)
        self.load()
