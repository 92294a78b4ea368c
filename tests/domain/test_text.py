"""Vietnamese text rules: NFC cleaning, search folding and the Vietnamese order of names."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_desktop.domain.text import clean, clean_optional, fold, given_name, name_sort_key

# Every letter of Vietnamese with every tone, in both cases (NFC).
_BASE_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_VOWELS = [
    unicodedata.normalize("NFC", vowel + tone) for vowel in _BASE_VOWELS for tone in _TONE_MARKS
]
_CONSONANTS = list("bcdđghklmnpqrstvx")
_LETTERS = [*_VOWELS, *_CONSONANTS]
VIETNAMESE_LETTERS = sorted({*_LETTERS, *(letter.upper() for letter in _LETTERS)})

vietnamese_words = st.text(alphabet=st.sampled_from(VIETNAMESE_LETTERS), min_size=1, max_size=8)
vietnamese_text = st.lists(vietnamese_words, max_size=6).flatmap(
    lambda words: st.sampled_from([" ", "  ", "\t", "\n", " \u00a0"]).map(
        lambda space: space.join(words)
    )
)
vietnamese_names = st.lists(vietnamese_words, min_size=1, max_size=5).map(" ".join)


# --- clean -------------------------------------------------------------------------------------


def test_clean_composes_to_nfc_and_collapses_white_space() -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn\t Văn \n Đức  ")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert clean(decomposed) == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", clean(decomposed))


def test_clean_of_nothing() -> None:
    assert clean(None) == ""
    assert clean("   ") == ""
    assert clean_optional("  ") is None
    assert clean_optional(None) is None
    assert clean_optional(" Lê  Lợi ") == "Lê Lợi"


@given(vietnamese_text)
def test_clean_is_idempotent(text: str) -> None:
    assert clean(clean(text)) == clean(text)


# --- fold --------------------------------------------------------------------------------------


def test_fold_of_a_full_name() -> None:
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ĐẶNG THỊ THU HƯƠNG", "dang thi thu huong"),
        ("Trương  Công\tLợi", "truong cong loi"),
        ("Ắ Ằ Ẳ Ẵ Ặ ấ ầ ẩ ẫ ậ", "a a a a a a a a a a"),
        ("ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ", "e e e e e o o o o o o o o o o"),
        ("ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ đĐ", "u u u u u y y y y y dd"),
        (unicodedata.normalize("NFD", "Phường Bến Nghé"), "phuong ben nghe"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_examples(text: str | None, folded: str) -> None:
    assert fold(text) == folded


@given(vietnamese_text)
def test_fold_is_ascii_for_vietnamese_text(text: str) -> None:
    assert fold(text).isascii()


@given(vietnamese_text)
def test_fold_is_idempotent_on_vietnamese_text(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(st.text())
def test_fold_is_idempotent_on_any_text(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(vietnamese_text)
def test_fold_ignores_normal_form_and_case(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) == fold(text)


@given(vietnamese_text, vietnamese_text)
def test_a_folded_search_finds_the_accented_text(prefix: str, word: str) -> None:
    # What the search box does: fold the stored text and the query the same way.
    assert fold(word) in fold(f"{prefix} {word}")


# --- Vietnamese name order ---------------------------------------------------------------------

# Hand-checked: given name first, then family and middle names; letters in the order
# a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; tones only break full ties.
VIETNAMESE_ORDER = [
    "Nguyễn Văn An",  # an
    "Trần Thị Ân",  # â after a
    "Phạm Văn Đạt",  # đ after â and d; "đạt" before "đăng" because a < ă
    "Lê Hải Đăng",
    "Hoàng Văn Giang",  # g after đ (code points put Đ after G)
    "Lê Thị Hạ",  # "ha" ties with the next two: the family name decides (l < v) ...
    "Vũ Thị Hà",  # ... even though Hà has the lower tone than Hạ;
    "Vũ Thị Hạ",  # a full tie of letters: the tone decides (grave before dot)
    "Đỗ Thị Hạnh",  # "ha" is a prefix of "hanh": shorter first
    "Bùi Thị Hằng",  # ă after a, whatever the tone
    "Trương Minh Hiếu",  # ê
    "Phan Văn Long",  # o ...
    "Đinh Công Lộc",  # ... ô ...
    "Ngô Văn Lợi",  # ... ơ
    "Hồ Thị Thu",  # u, then "thuy" (longer), then ư
    "Mai Thanh Thủy",
    "Đặng Minh Thư",
]


def assert_sorts_to(expected: list[str]) -> None:
    """Sorting any arrangement of `expected` by `name_sort_key` gives `expected` back."""
    arrangements = [expected[::-1]]
    for seed in range(20):
        shuffled = expected.copy()
        random.Random(seed).shuffle(shuffled)
        arrangements.append(shuffled)
    for names in arrangements:
        assert sorted(names, key=name_sort_key) == expected


def test_names_sort_in_vietnamese_order() -> None:
    assert_sorts_to(VIETNAMESE_ORDER)


def test_the_expected_order_is_neither_code_point_nor_folded_order() -> None:
    """The list above would not test anything if a naive sort gave the same order."""
    by_given_name_code_points = sorted(VIETNAMESE_ORDER, key=lambda name: (given_name(name), name))
    by_folded_given_name = sorted(
        VIETNAMESE_ORDER, key=lambda name: (fold(given_name(name)), fold(name))
    )
    assert by_given_name_code_points != VIETNAMESE_ORDER
    assert by_folded_given_name != VIETNAMESE_ORDER


def test_tones_order_level_grave_hook_tilde_acute_dot() -> None:
    expected = ["Lê Ma", "Lê Mà", "Lê Mả", "Lê Mã", "Lê Má", "Lê Mạ"]
    assert_sorts_to(expected)


def test_letters_with_marks_follow_their_base_letter() -> None:
    expected = ["Lê A", "Lê Ă", "Lê Â", "Lê B", "Lê D", "Lê Đ", "Lê E", "Lê Ê", "Lê G"]
    expected += ["Lê O", "Lê Ô", "Lê Ơ", "Lê P", "Lê U", "Lê Ư", "Lê V"]
    assert_sorts_to(expected)


def test_tones_only_break_ties_of_the_letters() -> None:
    # "Ạn" has the heaviest tone but its letters "an" come before "anh" and "ăn".
    expected = ["Lê Ạn", "Lê Anh", "Lê Ăn"]
    assert_sorts_to(expected)


def test_fewer_names_sort_before_more_when_the_rest_is_equal() -> None:
    # Compared word by word (An, Nguyễn) < (An, Nguyễn, Văn): a missing middle name comes first,
    # as it does when the written names are compared ("Nguyễn An" < "Nguyễn Văn An").
    expected = ["An", "Nguyễn An", "Nguyễn Văn An", "Nguyễn Văn Anh"]
    assert_sorts_to(expected)


def test_name_sort_key_of_an_empty_name() -> None:
    assert name_sort_key("") == ""
    assert name_sort_key("   ") == ""


@given(vietnamese_names)
def test_name_sort_key_is_ascii(name: str) -> None:
    # SQLite's default binary collation then orders the stored key correctly.
    assert name_sort_key(name).isascii()


@given(vietnamese_names)
def test_name_sort_key_ignores_case_normal_form_and_spacing(name: str) -> None:
    key = name_sort_key(name)
    assert name_sort_key(unicodedata.normalize("NFD", name)) == key
    assert name_sort_key(name.upper()) == key
    assert name_sort_key(f"  {name.replace(' ', '   ')} ") == key


def _letters_without_tones(word: str) -> str:
    """The letters of a word, keeping ă â ê ô ơ ư đ but dropping the six tones."""
    tones = set(_TONE_MARKS)
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in tones))


@given(vietnamese_words, vietnamese_words, vietnamese_text, vietnamese_text)
def test_the_given_name_decides_first(
    given_a: str, given_b: str, family_a: str, family_b: str
) -> None:
    # When two given names differ in their letters, the given names alone order the two people,
    # whatever their family and middle names.
    if _letters_without_tones(given_a) == _letters_without_tones(given_b):
        return
    by_given_name = name_sort_key(given_a) < name_sort_key(given_b)
    by_full_name = name_sort_key(f"{family_a} {given_a}") < name_sort_key(f"{family_b} {given_b}")
    assert by_full_name == by_given_name


def test_given_name() -> None:
    assert given_name("  Nguyễn Thị   Minh Khai ") == "Khai"
    assert given_name("Tèo") == "Tèo"
