"""Numbers as writers spell them: "2,500", "four", "twenty-five", "3.5m", "10th", "three quarters".

`read_number(words, i)` looks at token texts from position i and returns the
value and how many tokens it took, so extractors can scan a sentence once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}  # fmt: skip
SCALE_SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000,
                  "bn": 1_000_000_000, "b": 1_000_000_000, "billion": 1_000_000_000,
                  "tn": 1_000_000_000_000}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
FRACTIONS = {"half": 0.5, "halves": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3,
             "thirds": 1 / 3, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}  # fmt: skip

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-zA-Z]{0,7})$")
_ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}


@dataclass(frozen=True)
class NumberValue:
    low: float
    high: float
    ordinal: bool = False
    fraction: bool = False

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class NumberMatch:
    value: NumberValue
    length: int
    """How many tokens the number took."""


def read_number(words: list[str], i: int) -> NumberMatch | None:
    """The number spelled by words[i:], if one starts there."""
    first = read_single(words, i)
    if first is None:
        return None
    # ranges: "2-4", "10 to 12"; but "risen from 14 to 19" is a change, not a range
    if (
        not first.value.ordinal
        and not _after_from(words, i)
        and i + first.length + 1 < len(words)
        and words[i + first.length] in ("-", "–", "to")
    ):
        second = read_single(words, i + first.length + 1)
        if second is not None and not second.value.ordinal and second.value.low > first.value.low:
            if words[i + first.length] != "to" or second.value.low < first.value.low * 100:
                return NumberMatch(
                    NumberValue(first.value.low, second.value.high),
                    first.length + 1 + second.length,
                )
    return first


def _after_from(words: list[str], i: int) -> bool:
    """Whether the number at words[i] follows "from" (past a currency sign: "from £14m")."""
    k = i - 1
    while k >= 0 and not any(ch.isalnum() for ch in words[k]):
        k -= 1
    return k >= 0 and words[k].lower() == "from"


def read_single(words: list[str], i: int) -> NumberMatch | None:
    word = words[i]
    lower = word.lower()
    digits = _DIGITS.match(word)
    if digits:
        whole, decimals, suffix = digits.groups()
        value = float(whole.replace(",", "") + ("." + decimals if decimals else ""))
        suffix = suffix.lower()
        if suffix in _ORDINAL_SUFFIX and not decimals:
            return NumberMatch(NumberValue(value, value, ordinal=True), 1)
        if suffix in SCALE_SUFFIXES:
            value *= SCALE_SUFFIXES[suffix]
        elif suffix:
            return None
        length = 1
        if i + 1 < len(words) and words[i + 1].lower() in SCALES:
            value *= SCALES[words[i + 1].lower()]
            length = 2
        return NumberMatch(NumberValue(value, value), length)
    if lower in ORDINALS:
        return NumberMatch(NumberValue(ORDINALS[lower], ORDINALS[lower], ordinal=True), 1)
    if lower == "half" and i + 2 < len(words) and words[i + 1].lower() in ("a", "an"):
        if words[i + 2].lower() == "dozen":  # "half a dozen"
            return NumberMatch(NumberValue(6, 6), 3)
    if lower not in UNITS and lower not in ("a", "an"):
        return None
    return _read_words(words, i)


def _read_words(words: list[str], i: int) -> NumberMatch | None:
    """Spelled-out numbers: "twenty - five", "two hundred", "three quarters", "a dozen"."""
    lower = words[i].lower()
    if lower in ("a", "an"):
        if i + 1 < len(words) and words[i + 1].lower() in ("dozen", "hundred", "thousand"):
            value = UNITS.get(words[i + 1].lower()) or SCALES[words[i + 1].lower()]
            extra, taken = _and_tail(words, i + 2) if value in (100, 1000) else (0, 0)
            return NumberMatch(NumberValue(value + extra, value + extra), 2 + taken)
        if i + 2 < len(words) and words[i + 1].lower() in FRACTIONS and words[i + 2].lower() == "of":
            part = FRACTIONS[words[i + 1].lower()]  # "a quarter of normal capacity", not "a third shop"
            return NumberMatch(NumberValue(part, part, fraction=True), 2)
        return None
    total = 0.0
    current = float(UNITS[lower])
    j = i + 1
    if current >= 20 and current % 10 == 0 and j + 1 < len(words) and words[j] == "-":
        tail = words[j + 1].lower()
        if tail in UNITS and UNITS[tail] < 10:
            current += UNITS[tail]
            j += 2
    while j < len(words) and words[j].lower() in SCALES:
        scale = SCALES[words[j].lower()]
        if scale == 100:
            current *= scale
        else:
            total += current * scale
            current = 0
        j += 1
    if j > i + 1 and words[j - 1].lower() in SCALES:
        extra, taken = _and_tail(words, j)  # "two hundred and fifty"
        current += extra
        j += taken
    total += current
    hyphen = j + 1 < len(words) and words[j] == "-" and words[j + 1].lower() in FRACTIONS
    if hyphen:
        j += 1  # "two-thirds"
    if j < len(words) and words[j].lower() in FRACTIONS and 1 <= total < 10:
        part = total * FRACTIONS[words[j].lower()]
        return NumberMatch(NumberValue(part, part, fraction=True), j - i + 1)
    if hyphen:
        j -= 1
    return NumberMatch(NumberValue(total, total), j - i)


def _and_tail(words: list[str], j: int) -> tuple[int, int]:
    """ "and eighty", "and twenty - five" after a hundred or a thousand (British usage): the value
    and how many tokens it takes; (0, 0) if none, or if a scale follows ("a hundred and two
    hundred" is two numbers)."""
    if j + 1 >= len(words) or words[j].lower() != "and" or words[j + 1].lower() not in UNITS:
        return 0, 0
    value, k = UNITS[words[j + 1].lower()], j + 2
    if value >= 20 and k + 1 < len(words) and words[k] == "-" and UNITS.get(words[k + 1].lower(), 10) < 10:
        value, k = value + UNITS[words[k + 1].lower()], k + 2  # "and twenty-five"
    if k < len(words) and words[k].lower() in SCALES:
        return 0, 0
    return value, k - j


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
