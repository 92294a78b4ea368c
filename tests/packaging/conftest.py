"""The build script, loaded once for the packaging tests."""

from __future__ import annotations

from types import ModuleType

import pytest
from test_wheel import load_build_script


@pytest.fixture(scope="module")
def build() -> ModuleType:
    module = load_build_script()
    assert isinstance(module, ModuleType)
    return module
