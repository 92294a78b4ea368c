"""Command-line tests run as a script would: the password in ANTQ_PASSWORD, no terminal."""

from __future__ import annotations

import pytest

CLI_PASSWORD = "mat-khau-cua-kich-ban"


@pytest.fixture(autouse=True)
def script_password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ANTQ_PASSWORD", CLI_PASSWORD)
    monkeypatch.delenv("ANTQ_USER", raising=False)
    return CLI_PASSWORD
