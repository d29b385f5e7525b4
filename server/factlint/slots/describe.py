"""Slots and values as people read them: "beds - Meadow Wing", "£97.4m", "Monday 11 March 2024"."""

from __future__ import annotations

from factlint.model import Kind
from factlint.slots.model import Amount, Mention, Name, Period, Title, When
from factlint.text.numbers import format_number


def describe_value(mention: Mention) -> str:
    value = mention.value
    if isinstance(value, Amount):
        if value.unit and not value.dimension.startswith("money"):
            return mention.text  # in the unit it was written in
        text = format_number(value.low)
        shown = text if value.low == value.high else f"{text}-{format_number(value.high)}"
        return f"{shown} {value.unit}".strip() if value.unit else shown
    if isinstance(value, Period):
        return mention.text
    if isinstance(value, When):
        return value.describe()
    if isinstance(value, Title):
        return mention.text
    if isinstance(value, Name):
        return mention.text
    return mention.text


def describe_slot(mention: Mention) -> str:
    """What the value is of: its head, then the names in its scope, then its nearest words."""
    slot = mention.slot
    if mention.kind is Kind.ROLE:
        return " ".join(w.capitalize() for w in slot.head.split())
    nearest = [w for w, weight in sorted(slot.context, key=lambda c: -c[1]) if weight >= 0.6]
    parts = [slot.head] if slot.head else []
    names = list(dict.fromkeys(slot.near or slot.names[:2]))
    if names:
        parts.append(", ".join(_shown_name(n) for n in names))
    named = {w for n in slot.names for w in n.split()}
    words = [w for w in nearest if w != slot.head and w not in named][:2]
    if words:
        parts.append(" ".join(words))
    return " - ".join(parts)


def _shown_name(key: str) -> str:
    """A folded name as people write it: "us" -> "US", "lena sorensen" -> "Lena Sorensen"."""
    return " ".join(w.upper() if len(w) <= 3 else w.capitalize() for w in key.split())
