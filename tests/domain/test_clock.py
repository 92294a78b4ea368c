"""Hybrid logical clock: stamps that order changes across sites even with wrong wall clocks."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_desktop.domain.clock import MAX_COUNTER, HybridLogicalClock, Stamp

MAX_MILLIS = 10**16 - 1  # the encoded width is 16 digits

millis = st.integers(0, MAX_MILLIS)
wall_clocks = st.integers(0, 4_000_000_000_000)  # up to the year 2096
counters = st.integers(0, MAX_COUNTER)
sites = st.text(min_size=1, max_size=20)
stamps = st.builds(Stamp, millis, counters, sites)


@given(st.lists(wall_clocks, min_size=1, max_size=50))
def test_ticks_strictly_increase_whatever_the_wall_clock_does(readings: list[int]) -> None:
    clock = HybridLogicalClock("site-a")
    issued = [clock.tick(now) for now in readings]
    assert all(earlier < later for earlier, later in itertools.pairwise(issued))
    assert all(stamp.millis >= now for stamp, now in zip(issued, readings, strict=True))


def test_a_wall_clock_going_backwards() -> None:
    clock = HybridLogicalClock("a")
    first = clock.tick(1_700_000_000_000)
    second = clock.tick(1_600_000_000_000)  # somebody set the PC's clock back
    third = clock.tick(1_600_000_000_001)
    assert first < second < third
    assert (second.millis, second.counter) == (1_700_000_000_000, 1)
    assert (third.millis, third.counter) == (1_700_000_000_000, 2)
    fourth = clock.tick(1_700_000_000_005)  # the wall clock caught up again
    assert (fourth.millis, fourth.counter) == (1_700_000_000_005, 0)


def test_a_full_counter_moves_to_the_next_millisecond() -> None:
    clock = HybridLogicalClock("a", Stamp(5_000, MAX_COUNTER, "a"))
    stamp = clock.tick(1_000)
    assert (stamp.millis, stamp.counter) == (5_001, 0)
    assert stamp > Stamp(5_000, MAX_COUNTER, "a")


def test_a_clock_resumes_after_its_last_stamp() -> None:
    last = Stamp(2_000, 7, "a")
    clock = HybridLogicalClock("a", last)
    assert clock.tick(1_000) > last
    assert clock.tick(2_000) > last


@given(
    st.lists(wall_clocks, max_size=10),
    stamps,
    wall_clocks,
    st.lists(wall_clocks, max_size=10),
)
def test_after_receive_every_local_stamp_is_later_than_the_received_one(
    before: list[int], remote: Stamp, now: int, after: list[int]
) -> None:
    clock = HybridLogicalClock("local")
    local = [clock.tick(reading) for reading in before]
    received = clock.receive(remote, now)
    assert received > remote
    assert all(received > stamp for stamp in local)
    later = [clock.tick(reading) for reading in after]
    assert all(stamp > remote for stamp in later)
    assert all(stamp > received for stamp in later)


def test_receive_from_a_site_whose_clock_runs_ahead() -> None:
    clock = HybridLogicalClock("ward")
    clock.tick(1_000)
    remote = Stamp(9_000, 3, "district")
    received = clock.receive(remote, now_ms=1_001)
    assert (received.millis, received.counter, received.site) == (9_000, 4, "ward")
    assert clock.tick(1_002) == Stamp(9_000, 5, "ward")


def test_receive_when_the_local_wall_clock_is_ahead() -> None:
    clock = HybridLogicalClock("ward")
    received = clock.receive(Stamp(1_000, 3, "district"), now_ms=5_000)
    assert (received.millis, received.counter) == (5_000, 0)


@given(stamps)
def test_encode_decode_round_trip(stamp: Stamp) -> None:
    assert Stamp.decode(stamp.encode()) == stamp


@given(stamps, stamps)
def test_text_order_is_stamp_order(first: Stamp, second: Stamp) -> None:
    assert (first.encode() < second.encode()) == (first < second)
    assert (first.encode() == second.encode()) == (first == second)


def test_encoded_form() -> None:
    assert Stamp(1_700_000_000_000, 42, "ab12").encode() == "0001700000000000-00042-ab12"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "0001700000000000-00042",  # no site
        "0001700000000000-00042-",  # empty site
        "1700000000000-00042-site",  # millis too short
        "0001700000000000-042-site",  # counter too short
        "000170000000000x-00042-site",
    ],
)
def test_decode_refuses_what_is_not_a_stamp(text: str) -> None:
    with pytest.raises(ValueError, match="not a version stamp"):
        Stamp.decode(text)


_DIGIT_LIKE = "0123456789+_ ٠١９"  # a sign, an underscore, a space, non-ASCII digits


@given(
    st.text(alphabet=_DIGIT_LIKE, min_size=16, max_size=16),
    st.text(alphabet=_DIGIT_LIKE, min_size=5, max_size=5),
    sites,
)
def test_decode_accepts_only_the_canonical_form(
    millis_text: str, counter_text: str, site: str
) -> None:
    # Stamps arrive in sync bundles; a stamp whose text is not canonical would sort wrongly as
    # text in the database, so anything `decode` accepts must encode back to the same text.
    candidate = f"{millis_text}-{counter_text}-{site}"
    try:
        stamp = Stamp.decode(candidate)
    except ValueError:
        return
    assert stamp.encode() == candidate
