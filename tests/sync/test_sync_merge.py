"""`merge_row` on its own: a join of two states (commutative, associative, idempotent), the newer
stamp winning field by field, and a conflict exactly when two different values were written
without either side having seen the other."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from antq_desktop.domain.clock import Stamp
from antq_desktop.store.stamping import site_of
from antq_desktop.sync.merge import FieldConflict, Merged, RowState, merge_row

COLUMNS = ("name", "phone", "deleted_at")
SITES = ("aaaa", "bbbb", "cccc")
MOMENT = datetime(2024, 5, 1, tzinfo=UTC)


def stamp(millis: int, site: str, counter: int = 0) -> str:
    return Stamp(millis, counter, site).encode()


@st.composite
def writes(draw: st.DrawFn) -> dict[str, list[tuple[str, Any]]]:
    """A history of writes per field: (stamp, value), every stamp unique, oldest first. Each
    row state below holds, per field, one of these writes (a value always comes with its
    stamp, as it does between installations)."""
    history: dict[str, list[tuple[str, Any]]] = {}
    used: set[int] = set()
    for name in COLUMNS:
        count = draw(st.integers(1, 4))
        millis = sorted(
            draw(st.lists(st.integers(1, 60), min_size=count, max_size=count, unique=True))
        )
        entries = []
        for moment in millis:
            site = draw(st.sampled_from(SITES))
            # unique across fields too, so a stamp names one write
            while moment in used:
                moment += 100
            used.add(moment)
            value = draw(st.sampled_from([None, "x", "y"]))
            entries.append((stamp(moment, site), value))
        history[name] = sorted(entries)
    return history


@st.composite
def states(draw: st.DrawFn, history: dict[str, list[tuple[str, Any]]]) -> RowState:
    values, stamps = {}, {}
    for name in COLUMNS:
        written, value = draw(st.sampled_from(history[name]))
        values[name], stamps[name] = value, written
    seen: dict[str, str] = {}
    for written in stamps.values():  # a row has seen every value it holds …
        seen[site_of(written)] = max(seen.get(site_of(written), ""), written)
    for site in SITES:  # … and maybe more of some site
        if draw(st.booleans()):
            more = draw(st.integers(1, 60))
            seen[site] = max(seen.get(site, ""), stamp(more, site, 1))
    version = max(stamps.values())
    return RowState(
        id="row",
        values=values,
        stamps=stamps,
        seen=seen,
        version=version,
        created_at=MOMENT,
        updated_at=MOMENT,
        updated_by=site_of(version),
        origin_site=site_of(version),
    )


@st.composite
def pairs(draw: st.DrawFn) -> tuple[RowState, RowState, RowState]:
    history = draw(writes())
    return draw(states(history)), draw(states(history)), draw(states(history))


def data(merged: Merged | RowState) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    state = merged.state if isinstance(merged, Merged) else merged
    return state.values, state.stamps, state.seen


def conflict_ids(merged: Merged) -> dict[str, FieldConflict]:
    return {conflict.conflict_id("people", "row"): conflict for conflict in merged.conflicts}


@settings(max_examples=100)
@given(pairs())
def test_merge_is_commutative(rows: tuple[RowState, RowState, RowState]) -> None:
    a, b, _ = rows
    ab, ba = merge_row(COLUMNS, a, b), merge_row(COLUMNS, b, a)
    assert data(ab) == data(ba)
    assert ab.state.version == ba.state.version
    assert conflict_ids(ab) == conflict_ids(ba)


@settings(max_examples=100)
@given(pairs())
def test_merge_is_associative(rows: tuple[RowState, RowState, RowState]) -> None:
    a, b, c = rows
    left = merge_row(COLUMNS, merge_row(COLUMNS, a, b).state, c)
    right = merge_row(COLUMNS, a, merge_row(COLUMNS, b, c).state)
    assert data(left) == data(right)


@settings(max_examples=100)
@given(pairs())
def test_merge_is_idempotent(rows: tuple[RowState, RowState, RowState]) -> None:
    a, b, _ = rows
    same = merge_row(COLUMNS, a, a)
    assert same.state == a
    assert not same.written
    assert not same.conflicts
    assert not same.values_changed
    once = merge_row(COLUMNS, a, b)
    twice = merge_row(COLUMNS, once.state, b)
    assert twice.state == once.state
    assert not twice.written
    assert not twice.values_changed
    assert not twice.conflicts


@settings(max_examples=100)
@given(pairs())
def test_the_newer_stamp_wins_each_field(rows: tuple[RowState, RowState, RowState]) -> None:
    a, b, _ = rows
    merged = merge_row(COLUMNS, a, b)
    for name in COLUMNS:
        winner = a if a.stamps[name] >= b.stamps[name] else b
        assert merged.state.stamps[name] == winner.stamps[name]
        assert merged.state.values[name] == winner.values[name]
    assert merged.values_changed == tuple(
        name for name in COLUMNS if merged.state.values[name] != a.values[name]
    )
    assert merged.written == (data(merged) != data(a) or merged.state.version != a.version)


@settings(max_examples=100)
@given(pairs())
def test_a_conflict_exactly_when_neither_side_saw_the_other(
    rows: tuple[RowState, RowState, RowState],
) -> None:
    a, b, _ = rows
    merged = merge_row(COLUMNS, a, b)
    found = {conflict.field: conflict for conflict in merged.conflicts}
    for name in COLUMNS:
        mine, theirs = a.stamps[name], b.stamps[name]
        a_saw_b = a.seen.get(site_of(theirs), "") >= theirs
        b_saw_a = b.seen.get(site_of(mine), "") >= mine
        both_deleted = name == "deleted_at" and None not in (a.values[name], b.values[name])
        expected = (
            mine != theirs
            and a.values[name] != b.values[name]
            and not both_deleted  # deleted at two places: only the moments differ
            and not a_saw_b
            and not b_saw_a
        )
        assert (name in found) == expected, name
        if expected:
            kept, other = (a, b) if mine > theirs else (b, a)
            assert found[name] == FieldConflict(
                name, kept.values[name], kept.stamps[name], other.values[name], other.stamps[name]
            )


def test_an_edit_made_after_seeing_the_other_is_no_conflict() -> None:
    base = RowState(
        "row",
        {"name": "An", "phone": None, "deleted_at": None},
        dict.fromkeys(COLUMNS, stamp(1, "aaaa")),
        {"aaaa": stamp(1, "aaaa")},
        stamp(1, "aaaa"),
        MOMENT,
        MOMENT,
        "",
        "aaaa",
    )
    followed = replace(
        base,
        values={**base.values, "name": "Ân"},
        stamps={**base.stamps, "name": stamp(5, "bbbb")},
        seen={"aaaa": stamp(1, "aaaa"), "bbbb": stamp(5, "bbbb")},
        version=stamp(5, "bbbb"),
    )
    concurrent = replace(
        base,
        values={**base.values, "name": "Anh"},
        stamps={**base.stamps, "name": stamp(3, "aaaa")},
        seen={"aaaa": stamp(3, "aaaa")},
        version=stamp(3, "aaaa"),
    )
    assert not merge_row(COLUMNS, base, followed).conflicts
    assert not merge_row(COLUMNS, followed, base).conflicts
    merged = merge_row(COLUMNS, concurrent, followed)
    assert merged.state.values["name"] == "Ân"
    assert merged.conflicts == (
        FieldConflict("name", "Ân", stamp(5, "bbbb"), "Anh", stamp(3, "aaaa")),
    )
