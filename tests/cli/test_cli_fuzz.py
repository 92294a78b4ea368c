"""Whatever is typed on the command line: an exit code and a message, never a traceback.

Hypothesis builds argument lists from the real options and values (good, bad and odd: dates,
unit codes, paths, Vietnamese text, empty strings, option-looking values) and runs `main()`.
Every run must end with exit status 0, 1 or 2; errors are one line on stderr that starts with the
program's name; nothing is created where a refused command was pointed.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_desktop.cli import main

COMMANDS = [
    "stats", "init", "demo", "bogus", "sync export", "sync import", "sync identity export",
    "sync identity import", "sync identity show", "sync peers", "sync conflicts", "sync",
]  # fmt: skip  # never none: that opens the window
OPTIONS = [
    "--db", "--unit", "--from", "--to", "--json", "--code", "--level", "--superior",
    "--superior-code", "--officer", "--title", "--scenario", "--scale", "--lang", "--place",
    "--help-me", "-x", "--out", "--full", "--accept-new-sender", "--remove", "--keep",
    "--take-other",
]  # fmt: skip
VALUES = st.one_of(
    st.sampled_from(
        [
            "79", "773", "27262", "99999", "abc", "", " ", "2023-12-31", "31/12/2023", "31/02/2023",
            "2023-13-01", "00/00/0000", "-1", "0", "1001", "1e3", "hcmc-2023", "ward", "nation",
            "Phường 9", "Nguyễn Văn Đức", "en", "vi", "fr", "--", "-", "%s", "{}", "\u0000x",
            "b.antqsync", "c.antqid",
        ]
    ),
    st.text(max_size=12),
)  # fmt: skip


@st.composite
def argument_lists(draw: st.DrawFn) -> list[str]:
    arguments = draw(st.sampled_from(COMMANDS)).split()
    for _ in range(draw(st.integers(0, 6))):
        arguments.append(draw(st.sampled_from(OPTIONS)))
        if draw(st.booleans()):
            arguments.append(draw(VALUES))
    return arguments


@pytest.mark.slow
@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(arguments=argument_lists(), db_choice=st.sampled_from(["missing", "demo", "garbage", "dir"]))
def test_any_arguments_end_in_an_exit_code_and_a_clear_line(
    arguments: list[str],
    db_choice: str,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    paths = {
        "missing": folder / "missing.antqdb",
        "demo": folder / "new.antqdb",
        "garbage": folder / "garbage.antqdb",
        "dir": folder,
    }
    paths["garbage"].write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    target = paths[db_choice]
    if "--db" in arguments:
        index = arguments.index("--db")
        arguments.insert(index + 1, str(target))
    if "demo" in arguments[:1] and "--scale" in arguments:
        arguments = [a for a in arguments if a != "--scale"]  # a big build is not the point here
    before = sorted(path.name for path in folder.iterdir())
    try:
        code = main(arguments)
    except SystemExit as stop:  # --help and --version end through argparse
        code = stop.code if isinstance(stop.code, int) else 2
    captured = capsys.readouterr()
    assert code in (0, 1, 2), (arguments, captured.err)
    assert "Traceback" not in captured.err
    if code != 0:
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1, (arguments, captured.err)
        assert lines[0].startswith("antq-desktop"), lines
        assert sorted(path.name for path in folder.iterdir()) == before, arguments
