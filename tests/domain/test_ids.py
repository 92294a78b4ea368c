"""Record ids: UUID version 7, time first, so new rows land at the end of the index."""

from __future__ import annotations

import random
import time
import uuid

from hypothesis import given
from hypothesis import strategies as st

from antq_desktop.domain.ids import new_id, uuid7

MAX_UNIX_MS = (1 << 48) - 1  # the 48-bit time field lasts until the year 10889

unix_ms = st.integers(0, MAX_UNIX_MS)
seeds = st.integers(0, 2**32)


@given(unix_ms, seeds)
def test_version_variant_and_time_field(ms: int, seed: int) -> None:
    value = uuid7(ms, random.Random(seed))
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert value.int >> 80 == ms


def test_without_arguments_the_time_is_now() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid7()
    after = time.time_ns() // 1_000_000
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert before - 1 <= value.int >> 80 <= after + 1


@given(unix_ms, unix_ms, seeds, seeds)
def test_ids_sort_by_time(first_ms: int, second_ms: int, seed_a: int, seed_b: int) -> None:
    first = uuid7(first_ms, random.Random(seed_a))
    second = uuid7(second_ms, random.Random(seed_b))
    if first_ms < second_ms:
        assert first < second
        # the stored text sorts the same way (SQLite compares the 36-character text)
        assert str(first) < str(second)


def test_ids_made_one_after_another_sort_in_creation_order() -> None:
    made = []
    for step in range(200):
        made.append(new_id(1_700_000_000_000 + step))
    assert sorted(made) == made


def test_the_same_time_and_seed_give_the_same_id() -> None:
    assert uuid7(1_700_000_000_000, random.Random(7)) == uuid7(1_700_000_000_000, random.Random(7))
    assert uuid7(1_700_000_000_000, random.Random(7)) != uuid7(1_700_000_000_000, random.Random(8))


def test_ids_in_the_same_millisecond_differ() -> None:
    ids = {uuid7(1_700_000_000_000) for _ in range(1_000)}
    assert len(ids) == 1_000


def test_new_id_is_the_canonical_text() -> None:
    text = new_id()
    assert len(text) == 36
    assert str(uuid.UUID(text)) == text
    assert uuid.UUID(text).version == 7


@given(unix_ms, seeds)
def test_all_74_random_bits_are_used(ms: int, seed: int) -> None:
    # rand_a (12 bits) and rand_b (62 bits) together carry the generator's 74 bits.
    bits = random.Random(seed).getrandbits(74)
    value = uuid7(ms, random.Random(seed)).int
    rand_a = (value >> 64) & 0xFFF
    rand_b = value & ((1 << 62) - 1)
    assert (rand_a << 62) | rand_b == bits
