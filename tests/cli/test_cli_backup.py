"""`backup`, `restore` and `check` on the command line: what they print, exit codes, and nothing
written when they refuse."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from antq_desktop.cli import main
from antq_desktop.store.migrate import head_revision


def folder_state(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("antq-desktop: ")
    assert captured.out == ""
    return lines[0]


@pytest.fixture
def ward_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ward.antqdb"
    assert main(["init", "--db", str(path), "--unit", "Phường 9", "--code", "27262"]) == 0
    capsys.readouterr()
    return path


def test_backup_to_the_default_folder_and_to_a_given_one(
    ward_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", str(ward_db)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"Đã sao lưu vào {tmp_path / 'backups' / 'ward-'}")
    assert out.endswith(".antqbak; đã xóa 0 bản sao lưu cũ.")
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "ward-20200101-000000.antqbak").write_bytes(b"old")
    assert main(["--lang", "en", "backup", "--db", str(ward_db), "--to", str(stick)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"Backed up to {stick / 'ward-'}")
    assert out.endswith("; removed 1 old backups.")
    # the encrypted backup and its key file; the old one is rotated away
    assert sorted(path.suffix for path in stick.iterdir()) == [".antqbak", ".keys"]


@pytest.mark.parametrize(
    ("arguments", "expected_vi", "expected_en"),
    [
        (["--to", "{tmp}/no-stick"], "Thư mục sao lưu", "The backup folder"),
        (["--db", "{tmp}/missing.antqdb"], "Không tìm thấy tệp dữ liệu", "does not exist"),
    ],
)
def test_backup_refusals_are_one_line_and_write_nothing(
    ward_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    expected_vi: str,
    expected_en: str,
) -> None:
    arguments = [argument.replace("{tmp}", str(tmp_path)) for argument in arguments]
    if "--db" not in arguments:
        arguments = ["--db", str(ward_db), *arguments]
    before = folder_state(tmp_path)
    assert main(["backup", *arguments]) == 1
    assert expected_vi in one_line_error(capsys)
    assert main(["backup", *arguments, "--lang", "en"]) == 1
    assert expected_en in one_line_error(capsys)
    assert folder_state(tmp_path) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ward.antqdb", "ward.antqdb.keys"]


def test_backup_without_the_database_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["backup"]) == 2
    assert "--db" in one_line_error(capsys)


def test_restore_prints_where_the_previous_file_is(
    ward_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", str(ward_db)]) == 0
    [backup] = (tmp_path / "backups").glob("*.antqbak")
    capsys.readouterr()
    assert main(["restore", "--db", str(ward_db), "--from", str(backup)]) == 0
    out = capsys.readouterr().out.strip()
    [aside] = tmp_path.glob("ward.antqdb.before-restore-*.bak")
    assert out == f"Đã khôi phục {ward_db} từ {backup}; tệp trước đó được giữ tại {aside}."
    assert main(["check", "--db", str(ward_db)]) == 0


@pytest.mark.parametrize(
    ("kind", "expected_vi", "expected_en"),
    [
        ("missing", "Không tìm thấy bản sao lưu", "does not exist"),
        ("text", "không phải bản sao lưu ANTQ", "is not an ANTQ backup"),
    ],
)
def test_restore_refusals_leave_the_database_alone(
    ward_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    expected_vi: str,
    expected_en: str,
) -> None:
    backup = tmp_path / f"{kind}.antqbak"
    if kind == "text":
        backup.write_text("ghi chú", encoding="utf-8")
    before = folder_state(tmp_path)
    assert main(["restore", "--db", str(ward_db), "--from", str(backup)]) == 1
    assert expected_vi in one_line_error(capsys)
    assert main(["--lang", "en", "restore", "--db", str(ward_db), "--from", str(backup)]) == 1
    assert expected_en in one_line_error(capsys)
    assert folder_state(tmp_path) == before


def test_restore_of_a_damaged_backup_is_refused(
    ward_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", str(ward_db)]) == 0
    [backup] = (tmp_path / "backups").glob("*.antqbak")
    data = bytearray(backup.read_bytes())
    for number in range(2, len(data) // 4096, 3):
        data[number * 4096 + 8 : number * 4096 + 4000] = b"Z" * 3992
    backup.write_bytes(bytes(data))
    capsys.readouterr()
    before = folder_state(tmp_path)
    assert main(["restore", "--db", str(ward_db), "--from", str(backup)]) == 1
    assert "bị hỏng" in one_line_error(capsys)
    assert folder_state(tmp_path) == before


def test_check_prints_ok_or_each_problem(
    ward_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", str(ward_db)]) == 0
    assert capsys.readouterr().out.strip().splitlines() == [
        f"{ward_db}: tốt (toàn vẹn, khóa ngoại, lược đồ {head_revision()}).",
        "Nhật ký thay đổi: 6 dòng, liền mạch.",
    ]
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("CREATE TABLE notes (text)")
    assert main(["--lang", "en", "check", "--db", str(other)]) == 1
    assert capsys.readouterr().out.strip().splitlines() == [
        f"{other}: problems found: 1",
        "The file has no ANTQ schema revision: it is not an ANTQ database.",
    ]


def test_check_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(tmp_path / "missing.antqdb")]) == 1
    assert "Không tìm thấy tệp dữ liệu" in one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []


def test_help_lists_the_backup_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "{init,demo,stats,report,verify,backup,restore,check,sync,selftest}" in out
    assert main(["--lang", "en", "restore", "--help"]) == 0
    assert "--from" in capsys.readouterr().out
