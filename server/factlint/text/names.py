"""Names compared the way readers compare them.

"Çavuşoğlu" and "Cavusoglu", "Mohammad" and "Mohammed" are the same person to a
reader; a name key folds diacritics and case and keeps a consonant skeleton, so
spelling variants of transliterated names meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_LETTER = re.compile(r"[^a-z]")
_SPECIAL_FOLDS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase ASCII letters only: "Çavuşoğlu's" -> "cavusoglus"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_SPECIAL_FOLDS))
    ascii_only = decomposed.encode("ascii", "ignore").decode()
    return _NON_LETTER.sub("", ascii_only)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A spelling-variant key: first letter, then consonants, doubles collapsed."""
    folded = fold(word)
    if not folded:
        return ""
    rest = re.sub(r"[aeiouyhw]", "", folded[1:])
    out = folded[0]
    for ch in rest:
        if ch != out[-1]:
            out += ch
    return out


def same_name_token(a: str, b: str) -> bool:
    return fold(a) == fold(b) or (len(fold(a)) > 3 and skeleton(a) == skeleton(b))


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` could abbreviate `full`: "Utd" ~ "United", "Man" ~ "Manchester"."""
    s, f = fold(short), fold(full)
    if not s or not f or s[0] != f[0]:
        return False
    if f.startswith(s):
        return True
    position = 0
    for ch in s:
        position = f.find(ch, position) + 1
        if position == 0:
            return False
    return True
