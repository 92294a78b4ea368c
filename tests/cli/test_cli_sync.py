"""`antq-desktop sync ...` as a script runs it: identity cards, export, import, peers, conflicts.

Two books made with `antq-desktop init` (Phường 1 under Quận 4, and Quận 4 itself) exchange
identity cards and bundles through the command line; records are made with the services. Every
refusal is one line on stderr with exit 1 (a usage error exit 2), and the book it was pointed at
is unchanged to the byte.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from antq_desktop.cli import main
from antq_desktop.domain.enums import ProgramKind
from antq_desktop.services import accounts, people, programs, settings
from antq_desktop.services.workspace import Workspace
from antq_desktop.store import keyring

WARD_CODE, DISTRICT_CODE = "27001", "773"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Books:
    ward: Path
    district: Path
    folder: Path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Run:
    capsys.readouterr()
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def refusal(result: Run, code: int = 1) -> str:
    """The one line a refused command prints on stderr."""
    assert result.code == code, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("antq-desktop: ")
    assert "Traceback" not in result.err
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def init(capsys: pytest.CaptureFixture[str], path: Path, *arguments: str) -> Path:
    assert run(capsys, "init", "--db", path, *arguments).code == 0
    return path


def ward_book(capsys: pytest.CaptureFixture[str], path: Path, name: str, code: str) -> Path:
    return init(
        capsys, path, "--unit", name, "--code", code, "--superior", "Quận 4",
        "--superior-code", DISTRICT_CODE,
    )  # fmt: skip


BOOK_PASSWORD = "mat-khau-cua-kich-ban"  # tests/cli/conftest.py puts it in ANTQ_PASSWORD
BOOK_NAMES = ("phuong-1.antqdb", "quan-4.antqdb")


@pytest.fixture(scope="module")
def master_books(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ward and its district that know each other's identity card, made once for the module
    (each test works on its own copy)."""
    folder = tmp_path_factory.mktemp("cli-sync")
    ward, district = (folder / name for name in BOOK_NAMES)
    with pytest.MonkeyPatch.context() as patch:  # the module's fixture runs before the autouse one
        patch.setenv("ANTQ_PASSWORD", BOOK_PASSWORD)
        patch.setattr(keyring, "DEFAULT_KDF", keyring.KdfParameters(1, 8, 1))
        commands = [
            ["init", "--db", ward, "--unit", "Phường 1", "--code", WARD_CODE,
             "--superior", "Quận 4", "--superior-code", DISTRICT_CODE],
            ["init", "--db", district, "--unit", "Quận 4", "--code", DISTRICT_CODE,
             "--level", "district", "--superior", "TP Hồ Chí Minh", "--superior-code", "79",
             "--superior-level", "province"],
            ["sync", "identity", "export", "--db", ward, "--out", folder / "phuong-1.antqid"],
            ["sync", "identity", "export", "--db", district, "--out", folder / "quan-4.antqid"],
            ["sync", "identity", "import", "--db", district, folder / "phuong-1.antqid"],
            ["sync", "identity", "import", "--db", ward, folder / "quan-4.antqid"],
        ]  # fmt: skip
        for command in commands:
            assert main([str(arg) for arg in command]) == 0, command
    return folder


@pytest.fixture
def books(master_books: Path, tmp_path: Path) -> Books:
    for name in BOOK_NAMES:
        shutil.copyfile(master_books / name, tmp_path / name)
        shutil.copyfile(
            keyring.keyring_path(master_books / name), keyring.keyring_path(tmp_path / name)
        )
    return Books(tmp_path / BOOK_NAMES[0], tmp_path / BOOK_NAMES[1], tmp_path)


@pytest.fixture
def password(script_password: str) -> str:
    return script_password


@contextmanager
def open_book(path: Path, password: str) -> Iterator[Workspace]:
    workspace = accounts.sign_in(path, "admin", password, record=False)
    try:
        yield workspace
    finally:
        workspace.close()


def add_records(path: Path, password: str) -> str:
    """Two people and a program in the book's own unit; the first person's id."""
    with open_book(path, password) as workspace:
        own = settings.get_setting(workspace, settings.OWN_UNIT_ID)
        first = people.create_person(
            workspace, people.PersonInput(own, "Nguyễn Văn An", citizen_id="079123456789")
        )
        people.create_person(
            workspace, people.PersonInput(own, "Trần Thị Bình", citizen_id="079123456790")
        )
        programs.create_program(
            workspace, programs.ProgramInput(own, "Tổ tự quản 1", ProgramKind.HOUSEHOLD_GROUP)
        )
        return first.id


def rename(path: Path, password: str, person_id: str, name: str) -> None:
    with open_book(path, password) as workspace:
        person = people.get_person(workspace, person_id)
        people.update_person(
            workspace,
            person_id,
            people.PersonInput(person.unit_id, name, citizen_id=person.citizen_id),
        )


def full_name(path: Path, password: str, person_id: str) -> str:
    with open_book(path, password) as workspace:
        return people.get_person(workspace, person_id).full_name


def row_of(out: str, label: str) -> list[int]:
    """The numbers of the table row that starts with `label`."""
    for line in out.splitlines():
        if line.strip().startswith(label + " "):
            return [int(number) for number in re.findall(r"\d+", line.strip()[len(label) :])]
    raise AssertionError(f"no row {label!r} in:\n{out}")


def fingerprint_of(capsys: pytest.CaptureFixture[str], book: Path) -> str:
    shown = run(capsys, "sync", "identity", "show", "--db", book)
    assert shown.code == 0
    match = re.search(r"Dấu vân tay: ([\d ]+)", shown.out)
    assert match is not None, shown.out
    return match.group(1).strip()


# --- identity cards and peers -------------------------------------------------------------------


def test_identity_cards_make_the_ward_and_the_district_peers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ward = ward_book(capsys, tmp_path / "ward.antqdb", "Phường 1", WARD_CODE)
    district = init(
        capsys, tmp_path / "district.antqdb", "--unit", "Quận 4", "--code", DISTRICT_CODE,
        "--level", "district",
    )  # fmt: skip
    shown = run(capsys, "sync", "identity", "show", "--db", ward)
    assert shown.code == 0
    assert "Đơn vị: Phường 1 (27001)" in shown.out
    assert "Mã cài đặt: " in shown.out
    fingerprint = fingerprint_of(capsys, ward)
    assert re.fullmatch(r"(\d{5} ){5}\d{5}", fingerprint)

    card = tmp_path / "phuong-1.antqid"
    exported = run(capsys, "sync", "identity", "export", "--db", ward, "--out", card)
    assert exported.code == 0
    assert card.is_file()
    assert f"Dấu vân tay: {fingerprint}" in exported.out

    imported = run(capsys, "sync", "identity", "import", "--db", district, card)
    assert imported.code == 0
    assert "Đã thêm nơi gửi/nhận mới: Phường 1 (27001)" in imported.out
    assert fingerprint in imported.out
    again = run(capsys, "sync", "identity", "import", "--db", district, card)
    assert again.code == 0
    assert "Đã biết Phường 1 (27001)" in again.out
    assert "không có gì thay đổi" in again.out

    listed = run(capsys, "sync", "peers", "--db", district)
    assert listed.code == 0
    assert "Nơi gửi/nhận đã biết: 1" in listed.out
    assert "Phường 1 (27001)" in listed.out
    assert fingerprint in listed.out
    assert "Nhập gần nhất: chưa có; xuất gần nhất: chưa có" in listed.out

    own = refusal(run(capsys, "sync", "identity", "import", "--db", ward, card))
    assert "chính cài đặt này" in own


def test_peers_are_listed_with_their_exchanges_and_can_be_removed(
    books: Books, password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_records(books.ward, password)
    bundle = books.folder / "w1.antqsync"
    assert (
        run(capsys, "sync", "export", "--db", books.ward, "--out", bundle, "--to", "773").code == 0
    )
    assert run(capsys, "sync", "import", "--db", books.district, bundle).code == 0
    listed = run(capsys, "sync", "peers", "--db", books.district)
    assert "Phường 1 (27001)" in listed.out
    assert "Nhập gần nhất: chưa có" not in listed.out  # the import is dated
    assert "xuất gần nhất: chưa có" in listed.out

    unknown = refusal(run(capsys, "sync", "peers", "--db", books.district, "--remove", "99"))
    assert "99" in unknown
    assert "sync peers" in unknown
    removed = run(capsys, "sync", "peers", "--db", books.district, "--remove", WARD_CODE)
    assert removed.code == 0
    assert "Đã xóa Phường 1 (27001)" in removed.out
    assert "Chưa có nơi gửi/nhận nào" in run(capsys, "sync", "peers", "--db", books.district).out
    # the ward is a stranger again: its bundles need --accept-new-sender
    assert "--accept-new-sender" in refusal(
        run(capsys, "sync", "import", "--db", books.district, bundle)
    )


# --- export and import --------------------------------------------------------------------------


def test_export_then_import_prints_the_counts_and_a_second_import_changes_nothing(
    books: Books, password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    person_id = add_records(books.ward, password)
    bundle = books.folder / "phuong-1.antqsync"
    district_print = fingerprint_of(capsys, books.district)
    exported = run(capsys, "sync", "export", "--db", books.ward, "--out", bundle, "--to", "773")
    assert exported.code == 0, exported.err
    assert bundle.is_file()
    assert f"Đã ghi gói đồng bộ {bundle}" in exported.out
    assert f"Nơi nhận: Quận 4 (773), dấu vân tay {district_print}" in exported.out
    assert row_of(exported.out, "Nhân thân") == [2]
    assert row_of(exported.out, "Mô hình") == [1]
    # With the ward's own unit, and its district for reference (the recipient keeps its own copy).
    assert row_of(exported.out, "Tổng cộng") == [5]

    imported = run(capsys, "sync", "import", "--db", books.district, bundle)
    assert imported.code == 0, imported.err
    assert imported.err == ""
    assert f"Nơi gửi: Phường 1 (27001), dấu vân tay {fingerprint_of(capsys, books.ward)}" in (
        imported.out
    )
    assert "Mới  Cập nhật  Không đổi  Xung đột  Từ chối" in imported.out
    assert row_of(imported.out, "Nhân thân") == [2, 0, 0, 0, 0]
    assert row_of(imported.out, "Tổng cộng") == [4, 0, 1, 0, 0]
    assert full_name(books.district, password, person_id) == "Nguyễn Văn An"

    again = run(capsys, "sync", "import", "--db", books.district, bundle)
    assert again.code == 0
    assert row_of(again.out, "Tổng cộng") == [0, 0, 5, 0, 0]

    # the district's acknowledgement travels back in its bundle; then the ward has nothing new
    back = books.folder / "d1.antqsync"
    assert (
        run(capsys, "sync", "export", "--db", books.district, "--out", back, "--to", WARD_CODE).code
        == 0
    )
    assert run(capsys, "sync", "import", "--db", books.ward, back).code == 0
    nothing = run(
        capsys, "sync", "export", "--db", books.ward, "--out", books.folder / "w2.antqsync",
        "--to", "773",
    )  # fmt: skip
    assert nothing.code == 0
    assert "Loại gói: gia tăng" in nothing.out
    assert "Gói không có bản ghi nào" in nothing.out


def test_an_unknown_sender_is_refused_with_its_fingerprint_then_accepted(
    books: Books, password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    stranger = ward_book(capsys, books.folder / "phuong-2.antqdb", "Phường 2", "27002")
    add_records(stranger, password)
    bundle = books.folder / "phuong-2.antqsync"
    exported = run(capsys, "sync", "export", "--db", stranger, "--out", bundle)
    assert exported.code == 0
    assert "Nơi nhận: không chỉ định" in exported.out

    before = digest(books.district)
    line = refusal(run(capsys, "sync", "import", "--db", books.district, bundle))
    assert fingerprint_of(capsys, stranger) in line
    assert "Phường 2 (27002)" in line
    assert "--accept-new-sender" in line
    assert digest(books.district) == before

    accepted = run(capsys, "sync", "import", "--db", books.district, bundle, "--accept-new-sender")
    assert accepted.code == 0, accepted.err
    assert "nơi gửi mới, đã thêm vào danh sách" in accepted.out
    assert row_of(accepted.out, "Tổng cộng") == [4, 0, 1, 0, 0]
    assert "Phường 2 (27002)" in run(capsys, "sync", "peers", "--db", books.district).out


def test_people_of_two_units_with_one_citizen_id_are_listed_after_an_import(
    books: Books, password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_records(books.ward, password)
    add_records(books.district, password)  # the same citizen IDs, recorded in Quận 4 itself
    bundle = books.folder / "w.antqsync"
    assert run(capsys, "sync", "export", "--db", books.ward, "--out", bundle).code == 0
    imported = run(capsys, "sync", "import", "--db", books.district, bundle)
    assert imported.code == 0
    assert "Người có cùng số CCCD ở nhiều đơn vị: 2" in imported.out
    assert "********6789: " in imported.out
    assert "Nguyễn Văn An (Phường 1)" in imported.out
    assert "Nguyễn Văn An (Quận 4)" in imported.out
    assert "079123456789" not in imported.out


def test_a_damaged_bundle_changes_nothing_and_the_next_file_still_goes_in(
    books: Books, password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_records(books.ward, password)
    good = books.folder / "good.antqsync"
    assert run(capsys, "sync", "export", "--db", books.ward, "--out", good, "--to", "773").code == 0
    damaged = books.folder / "damaged.antqsync"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    truncated = books.folder / "truncated.antqsync"
    truncated.write_bytes(good.read_bytes()[:200])

    before = digest(books.district)
    for broken in (damaged, truncated):
        line = refusal(run(capsys, "sync", "import", "--db", books.district, broken))
        assert broken.name in line
        assert "không có gì thay đổi" in line
    assert digest(books.district) == before

    mixed = run(
        capsys, "sync", "import", "--db", books.district, damaged, good,
        books.folder / "missing.antqsync",
    )  # fmt: skip
    assert mixed.code == 1
    errors = mixed.err.strip().splitlines()
    assert len(errors) == 2
    assert "Traceback" not in mixed.err
    assert any("missing.antqsync" in line and "Không có tệp" in line for line in errors)
    assert row_of(mixed.out, "Tổng cộng") == [4, 0, 1, 0, 0]
    assert "Đã nhập 1 trên 3 gói; 2 gói bị từ chối." in mixed.out


def test_bad_paths_and_peers_are_refused_before_anything_is_written(
    books: Books, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    export = ["sync", "export", "--db", books.ward, "--out"]
    existing = books.folder / "existing.antqsync"
    existing.write_bytes(b"keep me")
    existing_card = books.folder / "phuong-1.antqid"
    existing_card.write_text("{}", encoding="utf-8")
    monkeypatch.delenv("ANTQ_PASSWORD")  # paths are checked before a password is needed
    assert ".antqsync" in refusal(run(capsys, *export, books.folder / "ward.zip"))
    assert "existing.antqsync" in refusal(run(capsys, *export, existing))
    assert existing.read_bytes() == b"keep me"
    assert "nowhere" in refusal(run(capsys, *export, books.folder / "nowhere" / "w.antqsync"))
    card = ["sync", "identity", "export", "--db", books.ward, "--out"]
    assert ".antqid" in refusal(run(capsys, *card, books.folder / "card.txt"))
    assert "phuong-1.antqid" in refusal(run(capsys, *card, existing_card))
    missing = books.folder / "missing.antqsync"
    assert "Không có tệp" in refusal(run(capsys, "sync", "import", "--db", books.ward, missing))
    not_a_card = books.folder / "not-a-card.antqid"
    not_a_card.write_text("{}", encoding="utf-8")
    assert "không phải thẻ định danh" in refusal(
        run(capsys, "sync", "identity", "import", "--db", books.ward, not_a_card)
    )
    monkeypatch.setenv("ANTQ_PASSWORD", "mat-khau-cua-kich-ban")
    before = sorted(books.folder.iterdir())
    unknown = refusal(run(capsys, *export, books.folder / "w.antqsync", "--to", "99"))
    assert "99" in unknown
    assert "sync peers" in unknown
    assert sorted(books.folder.iterdir()) == before


@pytest.mark.parametrize(
    "arguments",
    [
        ["sync"],
        ["sync", "import", "--db", "x.antqdb"],
        ["sync", "export", "--db", "x.antqdb"],
        ["sync", "identity", "--db", "x.antqdb"],
        ["sync", "conflicts", "--db", "x.antqdb", "--keep", "a", "--take-other", "b"],
        ["sync", "frobnicate"],
    ],
)
def test_usage_errors_exit_2(
    arguments: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refusal(run(capsys, *arguments), code=2)
    assert "--help" in line
    assert not (tmp_path / "x.antqdb").exists()


def test_the_user_given_before_the_command_signs_in(
    books: Books, capsys: pytest.CaptureFixture[str]
) -> None:
    refusal(run(capsys, "--user", "nobody", "sync", "identity", "show", "--db", books.ward))
    assert run(capsys, "--user", "admin", "sync", "identity", "show", "--db", books.ward).code == 0


# --- conflicts ----------------------------------------------------------------------------------


def test_a_concurrent_edit_is_listed_as_a_conflict_and_decided(
    books: Books, password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    person_id = add_records(books.ward, password)
    first = books.folder / "w1.antqsync"
    assert (
        run(capsys, "sync", "export", "--db", books.ward, "--out", first, "--to", "773").code == 0
    )
    assert run(capsys, "sync", "import", "--db", books.district, first).code == 0
    assert "Không có xung đột nào" in run(capsys, "sync", "conflicts", "--db", books.ward).out

    rename(books.ward, password, person_id, "Nguyễn Văn Anh")
    rename(books.district, password, person_id, "Nguyễn Văn Ân")
    back = books.folder / "d1.antqsync"
    assert (
        run(capsys, "sync", "export", "--db", books.district, "--out", back, "--to", WARD_CODE).code
        == 0
    )
    imported = run(capsys, "sync", "import", "--db", books.ward, back)
    assert imported.code == 0
    assert row_of(imported.out, "Nhân thân") == [0, 1, 0, 1, 0]
    assert "Có 1 xung đột cần quyết định" in imported.out

    listed = run(capsys, "sync", "conflicts", "--db", books.ward)
    assert listed.code == 0
    assert "Xung đột đang chờ quyết định: 1" in listed.out
    assert "Nhân thân «Nguyễn Văn Ân», trường Họ và tên" in listed.out
    assert "Đang áp dụng: Nguyễn Văn Ân" in listed.out
    assert "tại Quận 4 (773)" in listed.out
    assert "Giá trị kia: Nguyễn Văn Anh" in listed.out
    assert "tại cài đặt này" in listed.out
    match = re.search(r"^\[([0-9a-f-]+)\]", listed.out, re.MULTILINE)
    assert match is not None
    conflict_id = match.group(1)

    assert "zzzz" in refusal(run(capsys, "sync", "conflicts", "--db", books.ward, "--keep", "zzzz"))
    decided = run(capsys, "sync", "conflicts", "--db", books.ward, "--take-other", conflict_id)
    assert decided.code == 0, decided.err
    assert "lấy giá trị kia (Nguyễn Văn Anh)" in decided.out
    assert full_name(books.ward, password, person_id) == "Nguyễn Văn Anh"
    assert "Không có xung đột nào" in run(capsys, "sync", "conflicts", "--db", books.ward).out
    refusal(run(capsys, "sync", "conflicts", "--db", books.ward, "--keep", conflict_id))


# --- English ------------------------------------------------------------------------------------


def test_english_with_lang_en(
    books: Books, password: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_records(books.ward, password)
    bundle = books.folder / "ward.antqsync"
    exported = run(
        capsys, "--lang", "en", "sync", "export", "--db", books.ward, "--out", bundle, "--to", "773"
    )
    assert exported.code == 0
    assert f"Wrote the sync bundle {bundle}" in exported.out
    assert "Recipient: Quận 4 (773), fingerprint " in exported.out
    assert row_of(exported.out, "People") == [2]
    imported = run(capsys, "sync", "import", "--db", books.district, bundle, "--lang", "en")
    assert imported.code == 0
    assert "Sender: Phường 1 (27001), fingerprint " in imported.out
    assert "New  Updated  Unchanged  Conflicts  Rejected" in imported.out
    assert row_of(imported.out, "Total") == [4, 0, 1, 0, 0]
    line = refusal(
        run(capsys, "--lang", "en", "sync", "export", "--db", books.ward, "--out", bundle)
    )
    assert "already exists" in line
    assert "Known peers: 1" in run(capsys, "--lang", "en", "sync", "peers", "--db", books.ward).out
