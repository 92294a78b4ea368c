"""`antq-desktop demo` then `antq-desktop stats --json`: the published figures, end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from antq_desktop.cli import main


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-demo") / "hcmc.antqdb"
    with pytest.MonkeyPatch.context() as patch:  # the module's fixture runs before the autouse one
        patch.setenv("ANTQ_PASSWORD", "mat-khau-cua-kich-ban")
        assert main(["demo", "--db", str(path), "--scenario", "hcmc-2023"]) == 0
    return path


def stats_json(
    demo_db: Path, code: str, capsys: pytest.CaptureFixture[str], *period: str
) -> dict[str, Any]:
    capsys.readouterr()
    start, end = period or ("2015-01-01", "2023-12-31")
    assert main(["stats", "--db", str(demo_db), "--unit", code, "--from", start,
                 "--to", end, "--json"]) == 0  # fmt: skip
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_demo_reports_what_it_made_in_vietnamese_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.antqdb"
    assert main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"Đã tạo dữ liệu mẫu {path}: 36 đơn vị, 42 mô hình")
    assert "bản ghi" in out
    assert len(out.splitlines()) == 1


def test_district4_figures(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = stats_json(demo_db, "773", capsys)
    assert data["unit"] == {"code": "773", "name": "Quận 4"}
    assert data["patrols"]["shifts"] == 236
    assert data["patrols"]["participant_turns"] == 1612
    rehab = data["rehab"]
    assert (rehab["people"], rehab["progressed"]) == (278, 84)
    assert (rehab["job_referrals"], rehab["vocational_training"]) == (93, 47)


@pytest.mark.parametrize("period", [("2015-01-01", "2023-12-31"), ("01/10/2023", "31/12/2023")])
def test_city_figures(
    demo_db: Path, capsys: pytest.CaptureFixture[str], period: tuple[str, str]
) -> None:
    programs = stats_json(demo_db, "79", capsys, *period)["programs"]
    assert (programs["total"], programs["police_maintained"], programs["effective"]) == (42, 19, 8)


def test_text_output_uses_vietnamese_number_format(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["stats", "--db", str(demo_db), "--unit", "773", "--from", "2015-01-01",
                 "--to", "2023-12-31"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Lượt người tham gia: 1.612" in out
    assert "Ca tuần tra: 236" in out


def test_demo_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.antqdb"
    assert main(["demo", "--db", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "36 units, 42 programs" in out


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--scenario", "hcmc-2099"], "hcmc-2099"),
        (["--scale", "-1"], "-1"),
        (["--scale", "many"], "many"),
    ],
)
def test_bad_demo_arguments_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], expected: str
) -> None:
    path = tmp_path / "demo.antqdb"
    assert main(["demo", "--db", str(path), *arguments]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert expected in err
    assert not path.exists()


def test_demo_refuses_an_existing_file(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_db.read_bytes()
    capsys.readouterr()
    assert main(["demo", "--db", str(demo_db)]) == 1
    assert "đã có" in capsys.readouterr().err
    assert demo_db.read_bytes() == before
