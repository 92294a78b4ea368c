"""Vietnamese text rules: NFC storage, accent-insensitive folding and Vietnamese name ordering."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_SPACES: Final = re.compile(r"\s+")
_SWAP_SEPARATORS: Final = str.maketrans(",.", ".,")


def clean(text: str | None) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space. `None` becomes ""."""
    if text is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def clean_optional(text: str | None) -> str | None:
    """Like `clean`, but an empty result is `None` (an optional field left blank)."""
    cleaned = clean(text)
    return cleaned or None


def fold(text: str | None) -> str:
    """Fold for searching: lower case, no tones or marks, đ → d, single spaces.

    `fold("Nguyễn Văn Đức") == "nguyen van duc"`.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


# Vietnamese alphabetical order. Digraphs (ch, gi, ng, nh, ph, th, tr, qu) sort letter by letter in
# dictionaries and phone books, so single letters are enough.
_ALPHABET: Final = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tone order used by Vietnamese dictionaries: level, grave, hook, tilde, acute, dot below.
_TONES: Final = {
    "": 0,
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
# Marks that make a separate letter (ă â ê ô ơ ư); they stay with the base letter.
_LETTER_MARKS: Final = {"\u0306", "\u0302", "\u031b"}


def _split_letters(word: str) -> tuple[list[str], list[int]]:
    """Letters of the alphabet (with their own marks) and the tone of each letter."""
    letters: list[str] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if unicodedata.combining(ch):
            if ch in _LETTER_MARKS and letters:
                letters[-1] = unicodedata.normalize("NFC", letters[-1] + ch)
            elif ch in _TONES and tones:
                tones[-1] = _TONES[ch]
            continue
        letters.append(ch)
        tones.append(0)
    return letters, tones


def _primary(letters: list[str]) -> str:
    out = []
    for letter in letters:
        index = _ALPHABET.find(letter)
        if index >= 0:
            out.append(chr(0x41 + index))  # 'A'.. in alphabet order, all below 0x80
        elif letter.isdigit():
            out.append(chr(0x30 + int(letter)) if letter.isascii() else "0")
        else:
            out.append(chr(0x7E))  # anything else sorts after letters
    return "".join(out)


def name_sort_key(full_name: str) -> str:
    """A key that orders people the Vietnamese way.

    Given name (the last word) first, then the family and middle names; letters in the Vietnamese
    alphabet (a ă â b c d đ e ê …); tones only break ties, in dictionary order. The key is plain
    ASCII, so SQLite's binary collation orders it correctly.
    """
    words = clean(full_name).split(" ")
    if not words or words == [""]:
        return ""
    ordered = [words[-1], *words[:-1]]
    primary_parts: list[str] = []
    tone_parts: list[str] = []
    for word in ordered:
        letters, tones = _split_letters(word)
        primary_parts.append(_primary(letters))
        tone_parts.append("".join(str(tone) for tone in tones))
    # The end of the letters (" ", 0x20) sorts below the word separator ("!", 0x21), and both sort
    # below every letter or digit code: a shorter word sorts first, and so does a name with fewer
    # words when the others are equal ("Nguyễn An" before "Nguyễn Văn An"). The tones come after
    # the end mark, so they only matter when every letter of every word is the same.
    return "!".join(primary_parts) + " " + " ".join(tone_parts)


def given_name(full_name: str) -> str:
    words = clean(full_name).split(" ")
    return words[-1] if words else ""


def format_number(value: float, language: str = "vi", decimals: int = 0) -> str:
    """Numbers the way people read them: 1.612 and 12,5 in Vietnamese; 1,612 and 12.5 in English."""
    rounded = round(value, decimals) or 0.0  # -0.0 is falsy: never print "-0"
    text = f"{rounded:,.{decimals}f}"
    if language == "en":
        return text
    return text.translate(_SWAP_SEPARATORS)
