"""Small drafts for the lint tests, and what running `factlint lint` gives back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

CONTRADICTION = "The US has 3,000 troops in Afghanistan.\n"
"""The seeds say 2,500: a quantity-mismatch error."""
AGREEMENT = "The US has 2,500 troops in Afghanistan.\n"


def draft(text: str, day: str = "2021-04-02") -> str:
    return f"---\ndate: {day}\n---\n\n{text}"


@dataclass
class Outcome:
    code: int
    out: str
    err: str


Lint = Callable[..., Outcome]
