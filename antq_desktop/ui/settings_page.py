"""Cài đặt: this unit, its superior unit, the officer in charge, and the interface language.

The units and the officer are data (saved in the record book through `services.installation`,
via `Changes.run`); the language is UI state kept in `QSettings` (`language_setting`), read when
the program starts. Errors from the services appear in red under the field they concern and
nothing is saved. Ctrl+S or the button saves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.services.installation import (
    Installation,
    InstallationInput,
    check_against_book,
    read_installation,
    save_installation,
)
from antq_desktop.services.workspace import NewUnit, Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.backup_panel import BackupPanel
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.field_messages import FieldMessages
from antq_desktop.ui.language_setting import save_language, saved_language
from antq_desktop.ui.report_settings_panel import ReportSettingsPanel
from antq_desktop.ui.security_panel import SecurityPanel
from antq_desktop.ui.worker import run_task

OWN_LEVELS = (UnitLevel.WARD, UnitLevel.DISTRICT, UnitLevel.PROVINCE)
SUPERIOR_LEVELS = (UnitLevel.DISTRICT, UnitLevel.PROVINCE, UnitLevel.NATION)
LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))
"""Each language is named in itself, so a person who cannot read the other one finds theirs."""

_reopened: list[QWidget] = []
"""Windows opened by `reopen_window`: Python must hold them, or they close at once."""


class SettingsPage(QWidget):
    saved = Signal(object)
    """The settings as saved (an `Installation`)."""

    def __init__(
        self, workspace: Workspace, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.changes = changes
        self.installation: Installation | None = None
        self._editors: dict[str, QLineEdit] = {}
        self.messages = FieldMessages()
        self._saving = False

        heading = QLabel(self.tr("Cài đặt"))
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")

        own_box = QGroupBox(self.tr("Đơn vị của bạn"))
        own_form = self._form(own_box)
        self._add_text(own_form, "name", self.tr("Tên đơn vị"), self.tr("ví dụ: Phường 9"))
        self._add_text(
            own_form, "code", self.tr("Mã đơn vị"), self.tr("mã hành chính, ví dụ: 27262")
        )
        self.level = EnumCombo(UnitLevel, members=OWN_LEVELS)
        self._add_field(own_form, "level", self.tr("Cấp"), self.level)
        self._add_text(
            own_form,
            "place_name",
            self.tr("Địa danh"),
            self.tr("ghi ở dòng ngày tháng của báo cáo; để trống: dùng tên đơn vị"),
        )

        superior_box = QGroupBox(self.tr("Đơn vị cấp trên (không bắt buộc)"))
        superior_form = self._form(superior_box)
        self._add_text(
            superior_form, "superior_name", self.tr("Tên đơn vị"), self.tr("ví dụ: Quận 4")
        )
        self._add_text(superior_form, "superior_code", self.tr("Mã đơn vị"), self.tr("ví dụ: 773"))
        self.superior_level = EnumCombo(UnitLevel, members=SUPERIOR_LEVELS)
        self._add_field(superior_form, "superior_level", self.tr("Cấp"), self.superior_level)

        officer_box = QGroupBox(self.tr("Cán bộ phụ trách"))
        officer_form = self._form(officer_box)
        self._add_text(officer_form, "officer_name", self.tr("Họ và tên"), "")
        self._add_text(
            officer_form, "officer_title", self.tr("Chức vụ"), self.tr("ví dụ: Phó Trưởng Công an")
        )

        language_box = QGroupBox(self.tr("Giao diện"))
        language_form = self._form(language_box)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self._add_field(language_form, "language", self.tr("Ngôn ngữ"), self.language)
        self.language_note = QLabel()
        self.language_note.setObjectName("language_note")
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: #555555;")
        self.language_note.hide()
        language_form.addRow("", self.language_note)

        self.general_error = self.messages.general
        self.state_label = QLabel()
        self.state_label.setObjectName("state")
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)  # until the settings have been read
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.save_button)

        column = QVBoxLayout()
        column.addWidget(heading)
        for widget in (own_box, superior_box, officer_box, language_box, self.general_error):
            column.addWidget(widget)
        column.addLayout(buttons)
        self.security = SecurityPanel(workspace)
        column.addWidget(self.security)
        self.backups = BackupPanel(workspace)
        column.addWidget(self.backups)
        self.report_settings = ReportSettingsPanel(workspace, changes)
        column.addWidget(self.report_settings)
        column.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(760)
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(12, 12, 12, 6)
        row.addWidget(holder, 1)
        row.addStretch(0)
        # The page is taller than a 768-pixel screen: it scrolls instead of squeezing its boxes.
        self.scroll_area = scroll = QScrollArea()
        scroll.setObjectName("settings_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- building -----------------------------------------------------------------------------

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _add_field(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        self.messages.add(form, key, label, widget)

    def _add_text(self, form: QFormLayout, key: str, label: str, placeholder: str) -> None:
        editor = QLineEdit()
        editor.setPlaceholderText(placeholder)
        self._add_field(form, key, label, editor)
        self._editors[key] = editor

    def editor(self, key: str) -> QLineEdit:
        return self._editors[key]

    def error_label(self, key: str) -> QLabel:
        return self.messages.errors[key]

    # --- reading ------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the settings (on the worker) and show them."""
        self.backups.load()
        self.report_settings.load()
        workspace = self.workspace
        run_task(lambda: read_installation(workspace), self._show, self._show_error, owner=self)

    def _show(self, installation: Installation) -> None:
        self.installation = installation
        own, superior = installation.own_unit, installation.superior_unit
        texts = {
            "name": own.name if own else "",
            "code": own.code if own else "",
            "place_name": own.place_name if own else "",
            "superior_name": superior.name if superior else "",
            "superior_code": superior.code if superior else "",
            "officer_name": installation.officer_name,
            "officer_title": installation.officer_title,
        }
        for key, text in texts.items():
            self._editors[key].setText(text)
        if own is not None:
            self.level.set_value(own.level)
        if superior is not None:
            self.superior_level.set_value(superior.level)
        index = self.language.findData(saved_language() or i18n.language())
        self.language.setCurrentIndex(max(index, 0))
        self.save_button.setEnabled(True)

    # --- messages -----------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.messages.clear()

    def _show_error(self, error: Exception) -> None:
        self.messages.show(error)

    # --- saving -------------------------------------------------------------------------------

    def collect(self) -> InstallationInput:
        text = {key: editor.text() for key, editor in self._editors.items()}
        own_level = self.level.value()
        superior = None
        if text["superior_name"].strip() or text["superior_code"].strip():
            superior = NewUnit(
                text["superior_name"], text["superior_code"], self.superior_level.value()
            )
        return InstallationInput(
            unit=NewUnit(text["name"], text["code"], own_level, text["place_name"]),
            superior=superior,
            officer_name=text["officer_name"],
            officer_title=text["officer_title"],
        )

    def save(self) -> None:
        """Check on the worker first, so refusals show under the fields; then save."""
        if self._saving or not self.save_button.isEnabled():
            return
        self.clear_errors()
        self.state_label.clear()
        data = self.collect()
        language = str(self.language.currentData())
        workspace = self.workspace
        self._set_saving(True)

        def checked(_: object) -> None:
            self.changes.run(
                lambda: save_installation(workspace, data),
                lambda result: self._saved(result, language),
            )

        def refused(error: Exception) -> None:
            self._set_saving(False)
            self._show_error(error)

        run_task(lambda: check_against_book(workspace, data), checked, refused, owner=self)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)

    def _saved(self, installation: Installation, language: str) -> None:
        self._set_saving(False)
        self._show(installation)
        self.state_label.setText(self.tr("Đã lưu cài đặt."))
        self._save_language(language)
        self.saved.emit(installation)

    def _save_language(self, language: str) -> None:
        before = saved_language() or i18n.language()
        save_language(language)
        index = self.language.findData(language)
        self.language.setCurrentIndex(max(index, 0))
        if language == i18n.language():
            self.language_note.hide()
            return
        self.language_note.setText(self.tr("Ngôn ngữ mới sẽ được dùng từ lần mở chương trình sau."))
        self.language_note.show()
        if language != before:
            self.offer_restart(language)

    def offer_restart(self, language: str) -> None:
        """Inside the main window: offer to open it again now in the new language."""
        from antq_desktop.ui.main_window import MainWindow  # the window holds this page

        window = self.window()
        if not isinstance(window, MainWindow):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Đổi ngôn ngữ"),
            self.tr("Mở lại cửa sổ ngay bằng ngôn ngữ mới?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            reopen_window(window, language)


def reopen_window(old: QWidget, language: str) -> QWidget:
    """Switch the interface to `language` and replace the main window by a new one, on the
    same record book and the same section; the old window closes once the new one is shown."""
    from antq_desktop.ui.main_window import MainWindow

    assert isinstance(old, MainWindow)
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install(app, language)
    window = MainWindow(old.workspace)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _reopened.append(window)
    window.destroyed.connect(lambda *_: _reopened.remove(window) if window in _reopened else None)
    window.setGeometry(old.geometry())
    window.start()
    window.navigation.setCurrentRow(old.navigation.currentRow())
    old.close()
    old.deleteLater()
    return window
