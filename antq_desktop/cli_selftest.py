"""`antq-desktop selftest`: prove that this copy of the program works on this PC.

It runs what an officer's day needs, end to end, in a temporary folder that is removed afterwards
(nothing of the officer's own record book is read or written): an encrypted record book is
created; a group, a member, a patrol shift and a rehabilitation follow-up are recorded and read
back after signing in again; a report is built, signed with a temporary signing identity and
verified; a second book (the district) takes the ward's sync bundle; and the window is built with
its translations, fonts and icons. The build runs it on the frozen program (`build_installer.py`),
so a bundle that lacks a library, a Qt plugin, a font or a migration script never ships; an
officer or a helpdesk can run it too when the program misbehaves.

Each step prints one line as it finishes; the exit status is 0 only when every step worked.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from antq_desktop import __version__, paths
from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    FollowUpAssessment,
    FollowUpKind,
    ProgramKind,
    RehabCategory,
    UnitLevel,
)
from antq_desktop.domain.ids import unit_id
from antq_desktop.domain.messages import Message, MessageTemplate, Quantity, message
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import accounts, groups, memberships, patrols, people, programs, rehab
from antq_desktop.services import rehab_followups as followups
from antq_desktop.services.workspace import NewUnit, Workspace

SELFTEST_USER = "kiemtra"
SELFTEST_PASSWORD = "kiem-tra-tu-dong-2024"  # a throwaway book in a temporary folder
WARD = NewUnit("Phường Kiểm Tra", "99901", UnitLevel.WARD)
DISTRICT = NewUnit("Quận Kiểm Tra", "999", UnitLevel.DISTRICT)
SIGNER = "Nguyễn Văn Kiểm"
RESOURCE_FILES = (
    ("fonts", "LiberationSerif-Regular.ttf"),
    ("fonts", "LiberationSerif-Bold.ttf"),
    ("icons", "antq.svg"),
    ("translations", "antq_en.qm"),
    ("translations", "qt_vi.qm"),
)

HEADING = message(
    "selftest.heading",
    "Tự kiểm tra ANTQ Desktop {version} ({platform}, Python {python})",
    "ANTQ Desktop {version} self-test ({platform}, Python {python})",
)
DATA_FOLDER = message(
    "selftest.data_folder",
    "Sổ theo dõi của máy này nằm trong: {folder}",
    "This PC's record book is kept in: {folder}",
)
DATA_FOLDER_PORTABLE = message(
    "selftest.data_folder_portable",
    "Sổ theo dõi của máy này nằm trong: {folder} (bản mang theo: có tệp portable cạnh chương "
    "trình)",
    "This PC's record book is kept in: {folder} (portable copy: a portable file is beside the "
    "program)",
)
STATUS_OK = message("selftest.status_ok", "ĐẠT", "OK")
STATUS_FAILED = message("selftest.status_failed", "LỖI", "FAILED")
STEP_OK = message("selftest.step_ok", "{step} ({seconds} giây)", "{step} ({seconds} s)")
ALL_OK = message(
    "selftest.all_ok",
    "Tất cả {count} bước đều đạt: chương trình chạy được trên máy này.",
    "All {count} steps passed: the program works on this PC.",
)
SOME_FAILED = message(
    "selftest.some_failed",
    "Có bước bị lỗi: chương trình chưa chạy đúng trên máy này. Hãy gửi toàn bộ nội dung trên cho "
    "cán bộ hỗ trợ kỹ thuật, hoặc cài lại chương trình.",
    "A step failed: the program does not work properly on this PC. Send everything above to "
    "technical support, or install the program again.",
)
STEP_BOOK = message(
    "selftest.book",
    "Tạo sổ dữ liệu mã hoá và đăng nhập",
    "Create an encrypted record book and sign in",
)
STEP_RECORDS = message(
    "selftest.records",
    "Ghi tổ, thành viên, ca tuần tra, lần giúp đỡ người hoàn lương và đọc lại",
    "Record a group, a member, a patrol shift and a rehabilitation follow-up, and read them back",
)
STEP_REPORT = message(
    "selftest.report",
    "Lập báo cáo, ký số và kiểm tra chữ ký",
    "Build a report, sign it and check the signature",
)
STEP_SYNC = message(
    "selftest.sync",
    "Xuất tệp đồng bộ và nhập vào sổ của cấp trên",
    "Export a sync bundle and import it into the superior unit's book",
)
STEP_WINDOW = message(
    "selftest.window",
    "Dựng cửa sổ chương trình (giao diện, bản dịch, phông chữ, biểu tượng)",
    "Build the window (interface, translations, fonts, icons)",
)
READ_BACK_WRONG = message(
    "selftest.read_back",
    "đọc lại không thấy {what}",
    "{what} was not found when read back",
)
SIGNATURE_BAD = message(
    "selftest.signature_bad",
    "chữ ký của báo cáo không hợp lệ: {problems}",
    "the report's signature is not valid: {problems}",
)
IMPORT_INCOMPLETE = message(
    "selftest.import_incomplete",
    "sổ cấp trên nhận {taken} trong {sent} bản ghi của tệp đồng bộ, {rejected} bị từ chối",
    "the superior's book took {taken} of the bundle's {sent} records and rejected {rejected}",
)
WINDOW_EMPTY = message(
    "selftest.window_empty", "cửa sổ vẽ ra ảnh rỗng", "the window rendered an empty picture"
)


class SelfTestFailed(Exception):
    """A step found something wrong; `message` says what (as the services' errors carry it)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


@dataclass
class _Run:
    folder: Path
    language: str
    out: TextIO
    ward: Workspace | None = None
    person_id: str = ""

    def say(self, text: Message | str) -> None:
        print(text.render(self.language) if isinstance(text, Message) else text, file=self.out)
        self.out.flush()

    def step_line(self, status: Message, text: Message | str) -> None:
        """A step's line, indented under the heading, its status in a column of its own."""
        shown = text.render(self.language) if isinstance(text, Message) else text
        self.say(f"  {status.render(self.language):<9}{shown}")


def _detail(error: BaseException, language: str) -> str:
    if isinstance(error, ValidationFailed):
        return error.render(language)
    carried = getattr(error, "message", None)
    if isinstance(carried, Message):
        return carried.render(language)
    return f"{type(error).__name__}: {error}"


def _make_book(run: _Run) -> None:
    path = run.folder / "phuong.antqdb"
    admin = accounts.NewAccount(SELFTEST_USER, SELFTEST_PASSWORD, "Cán bộ kiểm tra")
    workspace = accounts.create_protected(
        path,
        WARD,
        admin,
        superior_unit=DISTRICT,
        officer_name=SIGNER,
        officer_title="Trưởng Công an phường",
    )
    workspace.close()
    run.ward = accounts.sign_in(path, SELFTEST_USER, SELFTEST_PASSWORD, channel="selftest")


def _record(run: _Run) -> None:
    assert run.ward is not None
    book, ward, today = run.ward, unit_id(WARD.code), run.ward.today()
    person = people.create_person(
        book, people.PersonInput(ward, "Trần Thị Bình", citizen_id="079190001234")
    )
    program = programs.create_program(
        book, programs.ProgramInput(ward, "Tổ tự quản khu phố 1", ProgramKind.HOUSEHOLD_GROUP)
    )
    group = groups.create_group(book, groups.GroupInput(program.id, ward, "Tổ 1 khu phố 1"))
    memberships.add_member(book, group.id, memberships.MembershipInput(person.id, today))
    patrols.create_shift(
        book,
        patrols.ShiftInput(
            group.id,
            today,
            participant_ids=(person.id,),
            findings=(patrols.FindingInput(FindingCategory.THEFT, FindingAction.REMINDED),),
        ),
    )
    offender = people.create_person(book, people.PersonInput(ward, "Lê Văn Cường"))
    case = rehab.create_case(
        book, rehab.CaseInput(offender.id, ward, RehabCategory.AFTER_PRISON, today)
    )
    followups.add_follow_up(
        book,
        case.id,
        followups.FollowUpInput(today, FollowUpKind.HOME_VISIT, FollowUpAssessment.STABLE),
    )
    path = book.path
    book.close()
    run.ward = book = accounts.sign_in(path, SELFTEST_USER, SELFTEST_PASSWORD, channel="selftest")
    if people.get_person(book, person.id).full_name != "Trần Thị Bình":
        raise SelfTestFailed(READ_BACK_WRONG(what="Trần Thị Bình"))
    if [member.person_id for member in memberships.list_members(book, group.id)] != [person.id]:
        raise SelfTestFailed(READ_BACK_WRONG(what="Tổ 1 khu phố 1"))
    if len(followups.list_follow_ups(book, case.id)) != 1:
        raise SelfTestFailed(READ_BACK_WRONG(what="Lê Văn Cường"))
    run.person_id = person.id


def _report(run: _Run) -> None:
    from antq_desktop.domain.periods import Period
    from antq_desktop.reports.identity import create_identity
    from antq_desktop.reports.issue import issue_report
    from antq_desktop.reports.signing import open_pkcs12
    from antq_desktop.reports.verification import verify_pdf
    from antq_desktop.services.report_content import ReportRequest, gather_report

    assert run.ward is not None
    p12 = run.folder / "chu-ky.p12"
    certificate = create_identity(p12, SIGNER, WARD.name, SELFTEST_PASSWORD)
    today = run.ward.today()
    request = ReportRequest(WARD.code, Period.custom(today - timedelta(days=30), today))
    out = run.folder / "bao-cao.pdf"
    with open_pkcs12(p12, SELFTEST_PASSWORD) as identity:
        issue_report(run.ward, gather_report(run.ward, request), out, identity)
    verdict = verify_pdf(out.read_bytes(), [certificate])
    if not (verdict.ok and verdict.trusted):
        problems = "; ".join(problem.render(run.language) for problem in verdict.problems)
        raise SelfTestFailed(SIGNATURE_BAD(problems=problems or "?"))


def _sync(run: _Run) -> None:
    from antq_desktop.sync import exporter, importer, peers

    assert run.ward is not None
    admin = accounts.NewAccount(SELFTEST_USER, SELFTEST_PASSWORD, "Cán bộ quận")
    district = accounts.create_protected(run.folder / "quan.antqdb", DISTRICT, admin)
    try:
        peers.export_identity(run.ward, run.folder / "phuong.antqid")
        peers.export_identity(district, run.folder / "quan.antqid")
        peers.import_identity(run.ward, run.folder / "quan.antqid")
        peers.import_identity(district, run.folder / "phuong.antqid")
        bundle = run.folder / "phuong.antqsync"
        sent = exporter.export_bundle(run.ward, bundle, to=DISTRICT.code)
        summary = importer.import_bundle(district, bundle)
        totals = summary.totals()
        taken = totals["new"] + totals["updated"] + totals["unchanged"]
        if taken != sent.records or totals["rejected"] or totals["conflicts"] or summary.gap:
            raise SelfTestFailed(
                IMPORT_INCOMPLETE(taken=taken, rejected=totals["rejected"], sent=sent.records)
            )
        if people.get_person(district, run.person_id).full_name != "Trần Thị Bình":
            raise SelfTestFailed(READ_BACK_WRONG(what="Trần Thị Bình"))
    finally:
        district.close()


def _window(run: _Run) -> None:
    from antq_desktop.resources import resource_path

    for parts in RESOURCE_FILES:
        resource_path(*parts)  # FileNotFoundError names every place looked at
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a server or a build machine: no screen
    from PySide6.QtWidgets import QApplication

    from antq_desktop.ui import i18n
    from antq_desktop.ui.app import apply_vietnamese_font
    from antq_desktop.ui.main_window import MainWindow

    assert run.ward is not None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    before = i18n.language()
    i18n.install(app, "en")  # loads the shipped translation: a missing one raises
    i18n.install(app, run.language)
    apply_vietnamese_font(app)
    window = MainWindow(run.ward)
    try:
        picture = window.grab()
        if picture.isNull() or picture.width() < 100:
            raise SelfTestFailed(WINDOW_EMPTY())
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        i18n.install(app, before)  # as it was (the window of a test run, say)


STEPS: tuple[tuple[MessageTemplate, Callable[[_Run], None]], ...] = (
    (STEP_BOOK, _make_book),
    (STEP_RECORDS, _record),
    (STEP_REPORT, _report),
    (STEP_SYNC, _sync),
    (STEP_WINDOW, _window),
)


def run_selftest(language: str, out: TextIO | None = None, *, verbose: bool = False) -> int:
    """Run every step (a failed one stops the rest, which build on it); 0 when all worked."""
    stream = sys.stdout if out is None else out
    with tempfile.TemporaryDirectory(prefix="antq-selftest-") as temporary:
        run = _Run(Path(temporary), language, stream)
        run.say(HEADING(version=__version__, platform=sys.platform, python=sys.version.split()[0]))
        where = DATA_FOLDER_PORTABLE if paths.portable_folder() is not None else DATA_FOLDER
        run.say(where(folder=str(paths.data_folder())))
        try:
            for step, action in STEPS:
                started = time.perf_counter()
                try:
                    action(run)
                except Exception as error:
                    detail = _detail(error, language)
                    run.step_line(STATUS_FAILED(), f"{step().render(language)}: {detail}")
                    if verbose or not isinstance(error, SelfTestFailed | ValidationFailed):
                        traceback.print_exc(file=stream)
                    run.say(SOME_FAILED())
                    return 1
                seconds = Quantity(time.perf_counter() - started, decimals=1)
                run.step_line(STATUS_OK(), STEP_OK(step=step(), seconds=seconds))
        finally:
            if run.ward is not None:
                run.ward.close()
        run.say(ALL_OK(count=len(STEPS)))
    return 0
