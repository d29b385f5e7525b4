"""Facts read back from their rows for the judge: a claim's candidates at once, objects made directly.

Why: a check decodes every candidate fact it reads (19,575 at 100,000 articles for the
bench's 2,000-word draft), and decoding was a third of the check. Two costs go here:
- one `json.loads` per fact: a claim's candidates are inflated one by one (each is its own
  deflate stream) but parsed as one JSON array, a fifth less than a parse each;
- the dataclasses' generated `__init__`: a frozen dataclass sets each field through
  `object.__setattr__`; the mention, its slot and its value are made here by filling the
  instance's `__dict__`, as `__init__` would, which is a third of the mention's cost.

The objects are equal, field for field, to what `slots.model`'s own `*_from_json` make
(tests/store/test_fact_decoding.py compares every fact of a store). A class that
validates or normalises in `__post_init__`, or keeps its fields in `__slots__`, is made
through its constructor instead (`_DIRECT`): a change to the model can cost speed here,
never a different value.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from factlint.corpus.records import StoredFactRow, decode_fact
from factlint.model import Kind
from factlint.slots.model import Amount, Mention, Period, Slot, Value, When, value_from_json

_KINDS = {kind.value: kind for kind in Kind}
"""A kind by its value without calling the enum (a tenth of a fact's decoding)."""
_WBITS = -15
"""Raw deflate, as `records.encode_fact` writes a fact."""


def _plain(cls: type) -> bool:
    """Whether an instance of `cls` is exactly its `__dict__` of fields (no `__post_init__`, no slots)."""
    return not hasattr(cls, "__post_init__") and "__slots__" not in vars(cls)


_DIRECT = all(_plain(cls) for cls in (Mention, Slot, Amount, Period, When))
_TAGS: dict[str, type[Amount] | type[Period]] = {"amount": Amount, "period": Period}
_FIELDS = {cls: len(fields(cls)) + 1 for cls in _TAGS.values()}
"""Keys of a value's JSON: its fields and its tag. Fewer (a field added since): made by `__init__`."""
_new = object.__new__


def decode_rows(blobs: Sequence[bytes], dictionary: bytes) -> list[StoredFactRow]:
    """`records.decode_fact` of each blob, parsed as one JSON array; raises what it raises."""
    texts = []
    for blob in blobs:
        inflate = zlib.decompressobj(_WBITS, dictionary) if dictionary else zlib.decompressobj(_WBITS)
        texts.append(inflate.decompress(blob) + inflate.flush())
    rows = json.loads(b"[" + b",".join(texts) + b"]")
    if len(rows) != len(blobs) or not all(_row_shaped(f) for f in rows):
        # damaged text that is JSON still (a comma, a bracket): one by one, to find the fact
        return [decode_fact(blob, dictionary) for blob in blobs]
    return [StoredFactRow(f[0], f[1], (f[2], f[3], f[4], f[5])) for f in rows]


def _row_shaped(row: Any) -> bool:
    """Whether `row` has the shape `records.fact_json` writes: [sentence, mention, 4 places]."""
    return type(row) is list and len(row) == 6 and type(row[1]) is dict


def mention_from_json(data: dict[str, Any]) -> Mention:
    """The `Mention` a fact's row holds (as `extraction` wrote it with `slots.model`'s JSON)."""
    said_on = data["said_on"]
    if not _DIRECT:
        return Mention(
            kind=_KINDS[data["kind"]],
            start=data["start"],
            end=data["end"],
            text=data["text"],
            value=_value(data["value"]),
            slot=_slot(data["slot"]),
            said_on=date.fromisoformat(said_on) if said_on else None,
        )
    mention = _new(Mention)
    mention.__dict__.update(
        kind=_KINDS[data["kind"]],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        value=_value(data["value"]),
        slot=_slot(data["slot"]),
        said_on=date.fromisoformat(said_on) if said_on else None,
        reach=None,
    )
    return mention


def _slot(data: dict[str, Any]) -> Slot:
    """`slots.model.slot_from_json`, made directly."""
    when = data["when"]
    made = {
        "kind": _KINDS[data["kind"]],
        "head": data["head"],
        "dimension": data["dimension"],
        "context": tuple([(word, float(weight)) for word, weight in data["context"]]),
        "names": tuple(data["names"]),
        "near": tuple(data["near"]),
        "marks": tuple(data["marks"]),
        "when": _value(when) if when else None,
    }
    if not _DIRECT:
        return Slot(**made)
    slot = _new(Slot)
    slot.__dict__.update(made)
    return slot


def _value(data: dict[str, Any]) -> Value:
    """`slots.model.value_from_json`, made directly for the kinds whose fields are stored as they are."""
    cls = _TAGS.get(data["t"])
    if cls is None or not _DIRECT or len(data) != _FIELDS[cls]:
        return value_from_json(data)
    value: Amount | Period = _new(cls)
    made = value.__dict__
    made.update(data)
    del made["t"]
    return value
