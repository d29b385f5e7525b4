"""Counts as people write them: "1 rule file", "2 rule files", "1,200 facts".

Every summary line factlint prints goes through `count`, so a count of one never
reads "1 rule files" and large counts get thousands separators everywhere alike.
"""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and `noun`, in the plural unless `n` is 1 (`plural` when adding "s" is wrong)."""
    word = noun if n == 1 else (plural or noun + "s")
    return f"{n:,} {word}"
