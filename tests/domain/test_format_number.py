"""Numbers as the window shows them: Vietnamese 1.612 and 12,5; English 1,612 and 12.5.

The window uses `domain.text.format_number`, the same function as the command line, so a figure
reads the same in both; these cases pin what the window relies on.
"""

from __future__ import annotations

import pytest

from antq_desktop.domain.text import format_number


@pytest.mark.parametrize(
    ("value", "decimals", "vietnamese", "english"),
    [
        (0, 0, "0", "0"),
        (7, 0, "7", "7"),
        (999, 0, "999", "999"),
        (1000, 0, "1.000", "1,000"),
        (1612, 0, "1.612", "1,612"),
        (30000, 0, "30.000", "30,000"),
        (4258, 0, "4.258", "4,258"),
        (1234567, 0, "1.234.567", "1,234,567"),
        (12.5, 1, "12,5", "12.5"),
        (5_000_000_000, 0, "5.000.000.000", "5,000,000,000"),
        (-1612, 0, "-1.612", "-1,612"),
        (-0.2, 0, "0", "0"),
    ],
)
def test_format_number(value: float, decimals: int, vietnamese: str, english: str) -> None:
    assert format_number(value, "vi", decimals) == vietnamese
    assert format_number(value, "en", decimals) == english
