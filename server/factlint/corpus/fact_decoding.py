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
from factlint.model import ArticleMeta, Kind
from factlint.slots.judge import StoredFact
from factlint.slots.model import Amount, Mention, Name, Period, Slot, Title, Value, When, value_from_json

_KINDS = {kind.value: kind for kind in Kind}
"""A kind by its value without calling the enum (a tenth of a fact's decoding)."""
_WBITS = -15
"""Raw deflate, as `records.encode_fact` writes a fact."""


def _plain(cls: type) -> bool:
    """Whether an instance of `cls` is exactly its `__dict__` of fields (no `__post_init__`, no slots)."""
    return not hasattr(cls, "__post_init__") and "__slots__" not in vars(cls)


_DIRECT = all(_plain(cls) for cls in (Mention, Slot, Amount, Period, When, Name, Title))
_TAGS: dict[str, type[Amount] | type[Period]] = {"amount": Amount, "period": Period}
_FIELDS = {cls: len(fields(cls)) + 1 for cls in _TAGS.values()}
"""Keys of a value's JSON: its fields and its tag. Fewer (a field added since): made by `__init__`."""
_NAME_FIELDS = tuple(f.name for f in fields(Name)) == ("words",)
_TITLE_FIELDS = tuple(f.name for f in fields(Title)) == ("head", "qualifiers", "words", "past")
"""Names and titles (two thirds of the values of the bench's facts) are made directly only while
their fields are the ones `slots.model.value_from_json` reads; otherwise by it."""
_STORED_DIRECT = _plain(StoredFact) and tuple(f.name for f in fields(StoredFact)) == (
    "id", "mention", "article", "group", "sentence",
)  # fmt: skip
_META_DIRECT = _plain(ArticleMeta) and tuple(f.name for f in fields(ArticleMeta)) == (
    "path", "title", "date", "date_inferred", "url",
)  # fmt: skip
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
    tag = data["t"]
    if _DIRECT and tag == "name" and _NAME_FIELDS and len(data) == 2:
        name = _new(Name)
        name.__dict__["words"] = tuple(data["words"])
        return name
    if _DIRECT and tag == "title" and _TITLE_FIELDS and len(data) == 5:
        title = _new(Title)
        title.__dict__.update(
            head=data["head"],
            qualifiers=tuple(data["qualifiers"]),
            words=tuple(data["words"]),
            past=data["past"],
        )
        return title
    cls = _TAGS.get(tag)
    if cls is None or not _DIRECT or len(data) != _FIELDS[cls]:
        return value_from_json(data)
    value: Amount | Period = _new(cls)
    made = value.__dict__
    made.update(data)
    del made["t"]
    return value


def stored_fact(fact: int, mention: Mention, article: int, group: int, sentence: int) -> StoredFact:
    """`StoredFact(fact, mention, article, group, sentence)`, made by filling its `__dict__`: a
    check makes one per candidate it reads (17,000 at 100,000 articles), and the frozen
    dataclass's `__init__` sets each field through `object.__setattr__`."""
    if not _STORED_DIRECT:
        return StoredFact(fact, mention, article, group, sentence)
    made = _new(StoredFact)
    made.__dict__.update(id=fact, mention=mention, article=article, group=group, sentence=sentence)
    return made


def article_meta(
    path: str, title: str | None, day: date | None, inferred: bool, url: str | None
) -> ArticleMeta:
    """`ArticleMeta(path, title, day, inferred, url)`, made as `stored_fact` is (an article per
    few candidates: 7,000 at 10,000 articles)."""
    if not _META_DIRECT:
        return ArticleMeta(path, title, day, inferred, url)
    meta = _new(ArticleMeta)
    meta.__dict__.update(path=path, title=title, date=day, date_inferred=inferred, url=url)
    return meta
