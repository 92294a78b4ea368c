"""The command-line contract: exit codes, one-line messages in both languages, nothing written."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from antq_desktop.cli import main

REQUIRED_STATS_KEYS = {
    "programs": {"total", "police_maintained", "effective"},
    "patrols": {"shifts", "participant_turns", "findings", "reminders"},
    "rehab": {"people", "progressed", "job_referrals", "vocational_training", "reoffended"},
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def ward_db(tmp_path: Path) -> Path:
    path = tmp_path / "ward.antqdb"
    code = main(
        [
            "init", "--db", str(path), "--unit", "Phường 9", "--code", "27262",
            "--superior", "Quận 4", "--superior-code", "773", "--officer", "Lê Văn Tám",
        ]
    )  # fmt: skip
    assert code == 0
    return path


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("antq-desktop: ")
    return lines[0]


def test_init_creates_a_database_that_stats_reads(
    ward_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(["stats", "--db", str(ward_db), "--unit", "773", "--from", "01/01/2015",
                 "--to", "2023-12-31", "--json"])  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unit"] == {"code": "773", "name": "Quận 4"}
    assert data["period"] == {"from": "2015-01-01", "to": "2023-12-31"}
    for section, keys in REQUIRED_STATS_KEYS.items():
        assert keys <= set(data[section])
    assert isinstance(data["groups"], int)
    assert isinstance(data["members"], int)


def test_stats_without_json_is_readable_vietnamese(
    ward_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["stats", "--db", str(ward_db), "--unit", "27262", "--from", "2015-01-01",
                 "--to", "2023-12-31"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("Số liệu của Phường 9 (27262) từ 01/01/2015 đến 31/12/2023")
    assert "Ca tuần tra: 0" in out
    assert "Tổ xe ôm tự quản: 0" in out


def test_init_refuses_an_existing_file_and_leaves_it(
    ward_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(ward_db)
    capsys.readouterr()
    assert main(["init", "--db", str(ward_db), "--unit", "Phường 1", "--code", "27298"]) == 1
    assert "đã có" in one_line_error(capsys)
    assert digest(ward_db) == before


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--unit", "", "--code", "27262"], "Tên đơn vị"),
        (["--unit", "Phường 9", "--code", "27x62"], "Mã đơn vị phải là chữ số"),
        (["--unit", "Phường 9", "--code", "27262", "--superior", "Quận 4"], "Mã đơn vị"),
    ],
)
def test_init_with_bad_values_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], expected: str
) -> None:
    path = tmp_path / "new.antqdb"
    assert main(["init", "--db", str(path), *arguments]) == 1
    assert expected in one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []


def test_init_in_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "no" / "such" / "folder.antqdb"
    assert main(["init", "--db", str(path), "--unit", "Phường 9", "--code", "27262"]) == 1
    assert "không tồn tại" in one_line_error(capsys)
    assert not path.parent.exists()


@pytest.mark.parametrize(
    ("arguments", "expected_vi", "expected_en"),
    [
        (["--unit", "773", "--from", "31/13/2023", "--to", "2023-12-31"],
         "ngày 31/13/2023 không hợp lệ", "the date 31/13/2023 is not valid"),
        (["--unit", "773", "--from", "2023-01-01"],
         "thiếu tham số bắt buộc: --to", "the following arguments are required: --to"),
        (["--unit", "773", "--from", "2023-01-01", "--to", "2022-01-01"],
         "phải sau hoặc bằng", "must be on or after"),
        (["--unit", "99999", "--from", "2023-01-01", "--to", "2023-12-31"],
         "Không có đơn vị mã 99999", "There is no unit with code 99999"),
        (["--unit", "773", "--from", "2023-01-01", "--to", "2023-12-31", "--bogus"],
         "không hiểu tham số: --bogus", "unrecognized arguments: --bogus"),
    ],
)  # fmt: skip
def test_stats_bad_input_in_both_languages(
    ward_db: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    expected_vi: str,
    expected_en: str,
) -> None:
    before = digest(ward_db)
    capsys.readouterr()
    assert main(["stats", "--db", str(ward_db), *arguments]) != 0
    assert expected_vi in one_line_error(capsys)
    assert main(["--lang", "en", "stats", "--db", str(ward_db), *arguments]) != 0
    assert expected_en in one_line_error(capsys)
    assert digest(ward_db) == before


def test_usage_errors_exit_2_and_refusals_exit_1(
    ward_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["frobnicate"]) == 2
    assert "frobnicate" in one_line_error(capsys)
    assert main(["stats", "--db", str(ward_db), "--unit", "1", "--from", "2023-01-01",
                 "--to", "2023-12-31"]) == 1  # fmt: skip
    one_line_error(capsys)


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "missing.antqdb"
    assert main(["stats", "--db", str(path), "--unit", "79", "--from", "2023-01-01",
                 "--to", "2023-12-31"]) == 1  # fmt: skip
    assert "Không tìm thấy tệp dữ liệu" in one_line_error(capsys)
    assert not path.exists()


def test_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "photo.antqdb"
    path.write_bytes(b"\x89PNG\r\n" + bytes(range(256)) * 20)
    before = digest(path)
    assert main(["stats", "--db", str(path), "--unit", "79", "--from", "2023-01-01",
                 "--to", "2023-12-31"]) == 1  # fmt: skip
    assert "không phải tệp dữ liệu ANTQ" in one_line_error(capsys)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photo.antqdb"]


def test_a_damaged_database(ward_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(ward_db.read_bytes())
    page = 4096
    for number in range(2, len(data) // page, 3):  # scribble over every third b-tree page
        data[number * page + 8 : number * page + 4000] = b"Z" * 3992
    ward_db.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["stats", "--db", str(ward_db), "--unit", "27262", "--from", "2023-01-01",
                 "--to", "2023-12-31"]) == 1  # fmt: skip
    assert "bị hỏng" in one_line_error(capsys)
    assert ward_db.read_bytes() == bytes(data)


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("init", "demo", "stats"):
        assert command in out
    assert "cách dùng: antq-desktop" in out


def test_the_installed_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "antq_desktop", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("antq-desktop ")


def test_ci_runs_the_readme_test_command() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = next(
        line for line in readme.splitlines() if line.startswith('pip install -e ".[test]"')
    )
    ci_script = (root / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci_script.splitlines()


def test_vietnamese_output_survives_a_pipe_in_a_narrow_code_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On Windows, output to a pipe or a file is encoded in the ANSI code page (cp1252) unless
    the command line says otherwise: no Vietnamese letter may stop a command there."""
    import io

    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out_bytes, encoding="cp1252"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err_bytes, encoding="cp1252"))
    assert main(["stats"]) == 2  # refused in Vietnamese: "thiếu tham số bắt buộc"
    sys.stderr.flush()
    assert "thiếu tham số bắt buộc" in err_bytes.getvalue().decode("utf-8")
