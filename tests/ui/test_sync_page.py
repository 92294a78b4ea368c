"""Đồng bộ: identity cards, export, import (new sender, summary, refusal, cancel), history, peers,
and what each role may do. Conflicts and duplicates are in test_sync_decisions.py."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sync_books import (  # noqa: F401 - the fixtures books, page_for, dialogs
    Books,
    Dialogs,
    PageFor,
    books_fixture,
    dialogs_fixture,
    export_through,
    page_for_fixture,
    trust_card,
)

from antq_desktop.domain.enums import UserRole
from antq_desktop.services.people import count_people
from antq_desktop.sync.peers import list_history, list_peers, own_card
from antq_desktop.ui import i18n
from antq_desktop.ui.sync_import_result import Outcome
from antq_desktop.ui.sync_jobs import proposed_bundle_path
from antq_desktop.ui.sync_labels import SyncRowsModel, fingerprint_lines
from antq_desktop.ui.sync_page import SyncPage

# --- identity cards and peers --------------------------------------------------------------------


def test_identity_cards_are_exchanged_and_the_fingerprint_shown_first(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    ward_card = own_card(books.ward)
    assert ward.peers.own_fingerprint.text() == fingerprint_lines(ward_card.fingerprint)
    assert ward.peers.own_unit.text() == "Phường 1 (27001)"
    assert district.peers.empty.isVisibleTo(district.peers)

    shown = trust_card(dialogs, ward, district, books.usb)
    assert shown == fingerprint_lines(ward_card.fingerprint)
    assert "Phường 1 (27001)" in ward.peers.message.text()  # the card was saved
    assert [peer.site_id for peer in list_peers(books.district)] == [ward_card.site_id]
    assert "Đã thêm Phường 1 (27001)" in district.peers.message.text()
    assert district.peers.model.rowCount() == 1
    assert not district.peers.empty.isVisibleTo(district.peers)
    recipients = [
        district.export_panel.recipient.itemText(row)
        for row in range(district.export_panel.recipient.count())
    ]
    assert recipients == ["Phường 1 (27001)", "Không chỉ định — gói không mã hóa"]


def test_a_card_not_trusted_adds_no_peer(books: Books, page_for: PageFor, dialogs: Dialogs) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    dialogs.save_path = books.usb / "ward.antqid"
    ward.peers.export_button.click()
    dialogs.open_path = dialogs.save_path
    district.peers.import_button.click()
    dialog = district.peers.dialog
    assert dialog is not None
    assert dialog.refuse_button.isDefault()  # Enter does not trust anybody
    dialog.refuse_button.click()
    assert list_peers(books.district) == []


def test_a_peer_is_removed_after_confirmation(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, ward, district, books.usb)
    district.peers.table.selectRow(0)
    dialogs.answer = QMessageBox.StandardButton.No
    district.peers.remove_button.click()
    assert len(list_peers(books.district)) == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    district.peers.remove_button.click()
    assert list_peers(books.district) == []
    assert "Phường 1 (27001)" in dialogs.questions[-1]
    assert district.peers.model.rowCount() == 0
    assert district.export_panel.recipient.count() == 1  # only the unencrypted choice


def test_own_card_cannot_be_imported(books: Books, page_for: PageFor, dialogs: Dialogs) -> None:
    ward = page_for(books.ward)
    dialogs.save_path = books.usb / "own.antqid"
    ward.peers.export_button.click()
    ward.peers.import_card(dialogs.save_path)
    assert ward.peers.dialog is not None
    ward.peers.dialog.accept_button.click()
    assert ward.peers.error.isVisibleTo(ward.peers)
    assert "thẻ định danh của chính cài đặt này" in ward.peers.error.text()


# --- export --------------------------------------------------------------------------------------


def test_export_proposes_a_name_warns_when_unencrypted_and_shows_the_result(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward = page_for(books.ward)
    panel = ward.export_panel
    assert panel.unencrypted.isVisibleTo(panel)
    assert "Chưa có nơi nhận nào" in panel.no_peers.text()
    dialogs.folder = books.usb
    panel.findChild(type(panel.export_button), "export.choose_folder").click()
    assert panel.folder.text() == str(books.usb)
    assert re.fullmatch(r"27001-\d{8}-\d{4}\.antqsync", panel.file_name.text())
    panel.export_button.click()
    result = panel.result
    assert result is not None
    assert result.path.exists()
    assert result.recipient is None
    text = panel.result_text.text()
    assert "không mã hóa" in text
    assert "Người: 1" in text
    assert "Mô hình: 1" in text
    assert str(result.path) in text
    assert panel.open_folder_button.isVisibleTo(panel)
    assert panel.file_name.text() != result.path.name  # a new name for the next export
    assert [entry.direction for entry in list_history(books.ward)] == ["export"]
    assert ward.history.model.rowCount() == 1


def test_the_proposed_name_says_who_to_and_is_never_taken(tmp_path: Path) -> None:
    from datetime import datetime

    moment = datetime(2024, 5, 15, 9, 30)
    first = proposed_bundle_path(tmp_path, "27001", "773", moment)
    assert first.name == "27001-to-773-20240515-0930.antqsync"
    first.write_bytes(b"")
    assert proposed_bundle_path(tmp_path, "27001", "773", moment).name == (
        "27001-to-773-20240515-0930-2.antqsync"
    )


def test_an_existing_file_is_not_overwritten(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward = page_for(books.ward)
    panel = ward.export_panel
    panel.folder.setText(str(books.usb))
    (books.usb / "taken.antqsync").write_bytes(b"old")
    panel.file_name.setText("taken")
    panel.export_button.click()
    assert panel.error.isVisibleTo(panel)
    assert "đã có" in panel.error.text()
    assert (books.usb / "taken.antqsync").read_bytes() == b"old"
    assert not panel.result_box.isVisibleTo(panel)


# --- import --------------------------------------------------------------------------------------


def test_a_bundle_from_a_new_sender_is_imported_after_the_fingerprint_is_accepted(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, district, ward, books.usb)  # the ward knows the district, not back
    district_site = own_card(books.district).site_id
    bundle = export_through(ward, dialogs, books.usb, to=district_site)
    assert "cho Quận 4 (773), mã hóa" in ward.export_panel.result_text.text()

    panel = district.import_panel
    district.tabs.setCurrentWidget(panel)
    dialogs.open_paths = [bundle]
    panel.choose_button.click()
    dialog = panel.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Gói từ nơi gửi mới"
    assert dialog.findChild(type(dialog.fingerprint), "trust.unit").text() == "Phường 1 (27001)"
    assert dialog.fingerprint.text() == fingerprint_lines(own_card(books.ward).fingerprint)
    assert panel.busy
    assert count_people(books.district) == 0
    dialog.accept_button.click()

    outcome = panel.last_outcome()
    assert outcome is not None
    assert outcome.outcome is Outcome.IMPORTED
    assert not panel.busy_row.isVisibleTo(panel)
    assert count_people(books.district) == 1
    view = panel.result
    assert view.state.text().startswith("Đã nhập.")
    assert "Nơi gửi mới đã được thêm" in view.sender_line.text()
    rows = {row[0]: row[1:] for row in view.summary.rows_shown()}
    assert rows["Người"] == ["1", "0", "0", "0", "0"]
    assert rows["Mô hình"] == ["1", "0", "0", "0", "0"]
    first = outcome.summary
    assert first is not None
    assert rows["Tổng cộng"][0] == str(first.total("new"))
    assert [peer.unit_code for peer in list_peers(books.district)] == ["27001"]
    assert district.history.model.rowCount() == 1

    # The same file again: everything is already in the book.
    panel.import_files([bundle])
    again = panel.last_outcome()
    assert again is not None
    assert again.summary is not None
    seen = sum(first.total(key) for key in ("new", "updated", "unchanged"))
    assert again.summary.total("unchanged") == seen
    assert again.summary.total("new") == again.summary.total("updated") == 0
    assert "không có gì mới" in view.state.text()
    assert panel.files.count() == 2
    assert count_people(books.district) == 1


def test_a_gap_in_what_arrived_says_to_ask_for_everything(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, ward, district, books.usb)
    district.import_panel.import_files([export_through(ward, dialogs, books.usb)])
    outcome = district.import_panel.last_outcome()
    assert outcome is not None
    assert outcome.summary is not None
    view = district.import_panel.result
    assert not view.gap.isVisibleTo(view)
    incomplete = replace(outcome.summary, gap=True)  # as after a lost bundle or a restore
    view.show_outcome(replace(outcome, summary=incomplete))
    assert view.gap.isVisibleTo(view)
    assert "Chưa đủ dữ liệu của Phường 1 (27001)" in view.gap.text()
    assert "“Xuất toàn bộ”" in view.gap.text()


def test_a_sender_not_accepted_changes_nothing(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    bundle = export_through(ward, dialogs, books.usb)
    district.import_panel.import_files([bundle])
    dialog = district.import_panel.dialog
    assert dialog is not None
    dialog.refuse_button.click()
    outcome = district.import_panel.last_outcome()
    assert outcome is not None
    assert outcome.outcome is Outcome.DECLINED
    assert "không thay đổi" in district.import_panel.result.state.text()
    assert count_people(books.district) == 0
    assert list_peers(books.district) == []
    assert list_history(books.district) == []


def test_a_damaged_file_is_refused_in_red_and_the_next_file_goes_on(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, ward, district, books.usb)
    good = export_through(ward, dialogs, books.usb)
    damaged = books.usb / "damaged.antqsync"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))

    panel = district.import_panel
    panel.import_files([damaged, good])
    first, second = panel.outcomes
    assert first.outcome is Outcome.REFUSED
    assert first.message
    assert second.outcome is Outcome.IMPORTED
    assert panel.files.item(0).foreground().color().name() == "#b00020"
    panel.files.setCurrentRow(0)
    assert panel.result.state.text() == first.message
    assert "b00020" in panel.result.state.styleSheet()
    assert not panel.result.summary.isVisibleTo(panel.result)
    assert [entry.file_name for entry in list_history(books.district)] == [str(good)]


def test_a_refused_file_alone_changes_nothing(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    district = page_for(books.district)
    garbage = books.usb / "not-a-bundle.antqsync"
    garbage.write_bytes(b"ANTQSYNC\x00\x00")
    district.import_panel.import_files([garbage])
    outcome = district.import_panel.last_outcome()
    assert outcome is not None
    assert outcome.outcome is Outcome.REFUSED
    assert list_history(books.district) == []
    assert district.import_panel.choose_button.isEnabled()


def test_cancelling_leaves_nothing_and_the_rest_of_the_queue_waits(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, ward, district, books.usb)
    bundle = export_through(ward, dialogs, books.usb)
    second = books.usb / "copy.antqsync"
    second.write_bytes(bundle.read_bytes())
    panel = district.import_panel
    started: list[Path] = []
    panel.importing.connect(lambda path: (started.append(path), panel.cancel_button.click()))
    panel.import_files([bundle, second])
    assert started == [bundle]
    cancelled, waiting = panel.outcomes
    assert cancelled.outcome is Outcome.CANCELLED
    assert "Đã hủy nhập gói" in cancelled.message
    assert waiting.outcome is Outcome.NOT_RUN
    assert count_people(books.district) == 0
    assert list_history(books.district) == []
    assert not panel.busy


def test_files_dropped_on_the_page_are_imported(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, ward, district, books.usb)
    bundle = export_through(ward, dialogs, books.usb)
    other = books.usb / "notes.txt"
    other.write_text("not a bundle")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle)), QUrl.fromLocalFile(str(other))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    district.dropEvent(event)
    assert district.tabs.currentWidget() is district.import_panel
    assert [outcome.path for outcome in district.import_panel.outcomes] == [bundle]
    assert count_people(books.district) == 1


# --- history -------------------------------------------------------------------------------------


def test_the_history_lists_both_directions_and_shows_a_summary(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, ward, district, books.usb)
    trust_card(dialogs, district, ward, books.usb)
    bundle = export_through(ward, dialogs, books.usb, to=own_card(books.district).site_id)
    district.import_panel.import_files([bundle])
    export_through(district, dialogs, books.usb, to=own_card(books.ward).site_id)
    history = district.history
    assert history.model.rowCount() == 2
    directions = [history.direction_text(entry) for entry in history.model.rows]
    assert directions == ["Xuất", "Nhập"]
    history.table.selectRow(1)
    assert "Nhập gói" in history.detail.text()
    assert "Phường 1 (27001)" in history.detail.text()
    rows = {row[0]: row[1:] for row in history.summary.rows_shown()}
    assert rows["Người"][0] == "1"
    history.table.selectRow(0)
    assert history.summary.model is history.summary.export_model


def test_the_models_are_well_behaved(
    qtmodeltester: object, books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, ward, district, books.usb)
    district.import_panel.import_files([export_through(ward, dialogs, books.usb)])
    models: list[SyncRowsModel] = [
        district.history.model,
        district.peers.model,
        district.import_panel.result.summary.import_model,
        district.conflicts.model,
    ]
    for model in models:
        qtmodeltester.check(model)  # type: ignore[attr-defined]


# --- roles ---------------------------------------------------------------------------------------


def test_a_viewer_sees_the_lists_but_neither_exports_imports_nor_changes_peers(
    books: Books, page_for: PageFor
) -> None:
    books.ward.act_as("xem", UserRole.VIEWER)
    page = page_for(books.ward)
    assert page.export_panel.no_access.isVisibleTo(page.export_panel)
    assert not page.export_panel.form_box.isVisibleTo(page.export_panel)
    assert "không được xuất gói" in page.export_panel.no_access.text()
    assert page.import_panel.no_access.isVisibleTo(page.import_panel)
    assert not page.import_panel.body.isVisibleTo(page.import_panel)
    assert not page.acceptDrops()
    assert not page.peers.import_button.isVisibleTo(page.peers)
    assert not page.peers.remove_button.isVisibleTo(page.peers)
    assert page.peers.export_button.isVisibleTo(page.peers)
    assert not page.conflicts.apply_button.isVisibleTo(page.conflicts)
    assert not page.duplicates.merge_button.isVisibleTo(page.duplicates)


def test_an_officer_imports_from_known_senders_only(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward = page_for(books.ward)
    bundle = export_through(ward, dialogs, books.usb)
    books.district.act_as("canbo", UserRole.OFFICER)
    district = page_for(books.district)
    assert district.export_panel.form_box.isVisibleTo(district.export_panel)
    assert not district.peers.import_button.isVisibleTo(district.peers)
    district.import_panel.import_files([bundle])
    assert district.import_panel.dialog is None  # not asked: only an administrator may accept
    outcome = district.import_panel.last_outcome()
    assert outcome is not None
    assert outcome.outcome is Outcome.REFUSED
    assert "Chỉ quản trị viên được nhận nơi gửi mới" in outcome.message
    assert count_people(books.district) == 0


def test_the_page_reads_again_when_records_change_elsewhere(qtbot: QtBot, books: Books) -> None:
    from antq_desktop.ui.changes import Changes

    changes = Changes(books.ward)
    page = SyncPage(books.ward, changes)
    qtbot.addWidget(page)
    page.show()
    page.load()
    calls: list[bool] = []
    page.duplicates.group_count.connect(lambda _count: calls.append(True))
    changes.changed.emit()
    assert calls


def test_english_interface(books: Books, page_for: PageFor) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install(app, "en")
    page = page_for(books.ward)
    titles = [page.tabs.tabText(index) for index in range(page.tabs.count())]
    assert titles == ["Export", "Import", "History", "Conflicts", "Same citizen ID", "Peers"]
    assert page.export_panel.recipient.itemText(0) == "Nobody in particular — unencrypted bundle"
    assert page.history.model.headerData(1, Qt.Orientation.Horizontal) == "Direction"
