"""The command line signs in: the password from ANTQ_PASSWORD, never a traceback, nothing written
on refusal; a plain file is encrypted on first use."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from antq_desktop.cli import main
from antq_desktop.domain.enums import UnitLevel
from antq_desktop.services.workspace import NewUnit, create_workspace
from antq_desktop.store import keyring, sqlcipher

STATS = ["--unit", "27262", "--from", "2023-01-01", "--to", "2023-12-31"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture
def ward_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ward.antqdb"
    assert main(["init", "--db", str(path), "--unit", "Phường 9", "--code", "27262"]) == 0
    capsys.readouterr()
    return path


def test_init_makes_an_encrypted_file_with_its_key_file(ward_db: Path) -> None:
    assert not sqlcipher.is_plaintext(ward_db)
    assert b"Ph\xc6\xb0\xe1\xbb\x9dng 9" not in ward_db.read_bytes()
    assert "admin" in keyring.keyring_path(ward_db).read_text(encoding="utf-8")


def test_without_a_password_and_a_terminal_the_command_says_how_to_give_one(
    ward_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTQ_PASSWORD")
    before = digest(ward_db)
    assert main(["stats", "--db", str(ward_db), *STATS]) == 1
    assert "ANTQ_PASSWORD" in error_line(capsys)
    assert (
        main(["init", "--db", str(ward_db.with_name("b.antqdb")), "--unit", "X", "--code", "1"])
        == 1
    )
    assert "ANTQ_PASSWORD" in error_line(capsys)
    assert not ward_db.with_name("b.antqdb").exists()
    assert digest(ward_db) == before


def test_a_wrong_password_or_user_is_one_line_in_either_language(
    ward_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTQ_PASSWORD", "not-the-password")
    assert main(["stats", "--db", str(ward_db), *STATS]) == 1
    assert "Sai tên đăng nhập hoặc mật khẩu" in error_line(capsys)
    assert main(["--lang", "en", "check", "--db", str(ward_db)]) == 1
    assert "Wrong user name or password" in error_line(capsys)
    monkeypatch.setenv("ANTQ_PASSWORD", "mat-khau-cua-kich-ban")
    assert main(["stats", "--db", str(ward_db), "--user", "nobody", *STATS]) == 1
    assert "Sai tên đăng nhập" in error_line(capsys)


def test_a_plain_file_is_encrypted_on_first_use_after_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.antqdb"
    create_workspace(path, NewUnit("Phường 9", "27262", UnitLevel.WARD)).close()
    assert sqlcipher.is_plaintext(path)
    assert main(["stats", "--db", str(path), *STATS, "--json"]) == 0
    captured = capsys.readouterr()
    assert "đã mã hóa" in captured.err
    assert not sqlcipher.is_plaintext(path)
    [backup] = (tmp_path / "backups").glob("*.antqbak")
    assert not sqlcipher.is_plaintext(backup)
    assert main(["check", "--db", str(path)]) == 0


def test_in_a_terminal_the_password_is_asked_for_twice_for_a_new_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTQ_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    prompts: list[str] = []
    answers = iter(["mat-khau-moi-1", "mat-khau-khac", "mat-khau-moi-1", "mat-khau-moi-1"])

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", ask)
    path = tmp_path / "ward.antqdb"
    arguments = ["init", "--db", str(path), "--unit", "Phường 9", "--code", "27262"]
    assert main(arguments) == 1
    assert "không khớp" in error_line(capsys)
    assert not path.exists()
    assert main(arguments) == 0
    assert prompts[0] == "Đặt mật khẩu cho tài khoản quản trị admin: "
    assert prompts[1] == "Gõ lại mật khẩu: "
    monkeypatch.setattr("getpass.getpass", lambda prompt: "mat-khau-moi-1")
    assert main(["check", "--db", str(path)]) == 0
