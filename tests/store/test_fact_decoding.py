"""Facts decoded a claim's candidates at a time are the facts decoded one by one, field for field,
and a damaged fact among them is still reported as the damage it is."""

from __future__ import annotations

import sqlite3
import zlib
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bench.generate import DRAFT_DATE, draft_text
from factlint.config import Config
from factlint.corpus.fact_decoding import article_meta, decode_rows, mention_from_json, stored_fact
from factlint.corpus.records import decode_fact
from factlint.corpus.store import FactStore
from factlint.corpus.store_file import StoreDamaged
from factlint.model import ArticleMeta, Kind
from factlint.rulebook.loader import load_rules
from factlint.slots.checker import Checker
from factlint.slots.judge import StoredFact
from factlint.slots.model import Mention, slot_from_json, value_from_json
from factlint.text.document import split_paragraphs

from .stores import SEED, sync, write_articles


def _reference(data: dict[str, Any]) -> Mention:
    """A mention as `slots.model` makes it from its JSON, through the dataclasses' constructors."""
    return Mention(
        kind=Kind(data["kind"]),
        start=data["start"],
        end=data["end"],
        text=data["text"],
        value=value_from_json(data["value"]),
        slot=slot_from_json(data["slot"]),
        said_on=date.fromisoformat(data["said_on"]) if data["said_on"] else None,
    )


def _fields(value: Any) -> Any:
    """Every field, at any depth, with its type: equal dataclasses could still differ in an int
    read as a float, or a field left unset."""
    if is_dataclass(value) and not isinstance(value, type):
        assert set(vars(value)) == {f.name for f in fields(value)}
        return (type(value), tuple((f.name, _fields(getattr(value, f.name))) for f in fields(value)))
    if isinstance(value, tuple):
        return tuple(_fields(v) for v in value)
    return (type(value), value)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> FactStore:
    corpus = write_articles(tmp_path_factory.mktemp("corpus"), range(80))
    store = FactStore(":memory:")
    sync(store, corpus)
    return store


def test_every_fact_of_a_store_decodes_in_one_batch_as_it_does_alone(store: FactStore) -> None:
    rows = store.backend.execute("SELECT id, data FROM facts ORDER BY id")
    blobs = [bytes(data) for _, data in rows]
    dictionary = store.dictionary or b""
    batched = decode_rows(blobs, dictionary)
    alone = [decode_fact(blob, dictionary) for blob in blobs]
    assert batched == alone and len(alone) > 1000
    kinds = set()
    for row in batched:
        made, reference = mention_from_json(row.mention), _reference(row.mention)
        assert made == reference
        assert _fields(made) == _fields(reference)
        kinds.add(type(made.value).__name__)
    assert kinds == {"Amount", "Period", "When", "Name", "Title"}  # every kind of value was made


def test_a_draft_s_candidates_are_the_facts_a_fresh_store_reads_one_by_one(store: FactStore) -> None:
    checker = Checker(store, load_rules(Config()))
    claims = [c for p in split_paragraphs(draft_text(SEED, 600)) for c in checker.claims(p.text, DRAFT_DATE)]
    store._load_memory()
    found = {f.id: f for claim in claims for f in store.candidates(claim)}
    assert len(found) > 200
    store._load_memory()  # nothing decoded: each fact below is read and decoded alone
    for fact, made in found.items():
        alone = store._fact(fact)
        assert alone is not None and _fields(alone) == _fields(made)


def test_a_damaged_fact_among_a_claim_s_candidates_is_reported_as_damage(tmp_path: Path) -> None:
    corpus = write_articles(tmp_path / "corpus", range(30))
    path = tmp_path / "store.sqlite"
    store = FactStore(str(path))
    sync(store, corpus)
    checker = Checker(store, load_rules(Config()))
    claims = [c for p in split_paragraphs(draft_text(SEED, 300)) for c in checker.claims(p.text, DRAFT_DATE)]
    claim = next(c for c in claims if len(store.candidates(c)) > 3)
    victim = store.candidates(claim)[2].id
    store.close()
    db = sqlite3.connect(path)
    db.execute("UPDATE facts SET data = ? WHERE id = ?", (b"\x00not a deflate stream", victim))
    db.commit()
    db.close()
    store = FactStore(str(path))
    store.lexicon = load_rules(Config()).lexicon
    with pytest.raises(StoreDamaged, match=f"fact {victim} cannot be read"):
        store.candidates(claim)
    store.close()


def test_texts_that_only_parse_when_joined_are_not_taken_for_facts(store: FactStore) -> None:
    """Damaged rows can still be JSON once joined: "[1,{...}" and "2,3,4,5]" make one list, and a
    list of seven and two lists in one row keep the count. Each is then decoded alone: damage."""
    dictionary = store.dictionary or b""

    def packed(text: bytes) -> bytes:
        squeeze = zlib.compressobj(6, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY, dictionary)
        return squeeze.compress(text) + squeeze.flush()

    texts = [b'[1,{"a":1}', b"2,3,4,5]", b"[1,2,3,4,5,6,7]", b"[0,{},0,0,0,0],[0,{},0,0,0,0]"]
    with pytest.raises(ValueError):
        decode_rows([packed(t) for t in texts], dictionary)


def test_stored_facts_and_articles_made_directly_are_their_constructors(store: FactStore) -> None:
    """`stored_fact` and `article_meta` fill the frozen dataclasses' `__dict__` (a check makes
    one per candidate): the objects are their constructors', field for field, and hash alike."""
    mention = mention_from_json(decode_fact(bytes(store.backend.execute("SELECT data FROM facts")[0][0]),
                                            store.dictionary or b"").mention)  # fmt: skip
    made, built = (
        stored_fact(7 << 16 | 3, mention, 7, 5, 7 << 16 | 1),
        StoredFact(7 << 16 | 3, mention, 7, 5, 7 << 16 | 1),
    )
    assert made == built and hash(made) == hash(built) and _fields(made) == _fields(built)
    for args in (("a.md", "Title", date(2024, 5, 1), True, "https://x"), ("b.md", None, None, False, None)):
        meta, reference = article_meta(*args), ArticleMeta(*args)
        assert meta == reference and hash(meta) == hash(reference) and _fields(meta) == _fields(reference)


def test_a_store_s_articles_and_facts_are_what_the_constructors_make(store: FactStore) -> None:
    """Every fact of the store as a check reads it (a batch at a time, directly made) equals the
    `StoredFact` made with its constructor from the same row and article."""
    store._load_memory()
    ids = [int(i) for (i,) in store.backend.execute("SELECT id FROM facts ORDER BY id")]
    store._read_all(ids)
    batched = {f: store._facts[f] for f in ids}
    for fact in ids:
        article, _ = fact >> 16, fact & 0xFFFF
        row = decode_fact(bytes(store.backend.execute("SELECT data FROM facts WHERE id = ?", (fact,))[0][0]),
                          store.dictionary or b"")  # fmt: skip
        meta_row = store.backend.execute(
            "SELECT COALESCE(path, source), title, date, date_inferred, url, story"
            " FROM articles WHERE id = ?",
            (article,),
        )[0]
        path, title, day, inferred, url, story = meta_row
        reference = StoredFact(fact, _reference(row.mention), article, story, article << 16 | row.sentence)
        assert batched[fact] is not None and _fields(batched[fact]) == _fields(reference)
        meta, _ = store._articles[article] or (None, None)
        expected = ArticleMeta(path, title, date.fromisoformat(day) if day else None, bool(inferred), url)
        assert meta is not None and _fields(meta) == _fields(expected)


class _Watched(dict[int, Any]):
    """The store's memo of articles, counting walks of all its keys."""

    walks = 0

    def keys(self) -> Any:
        _Watched.walks += 1
        return super().keys()

    def __iter__(self) -> Any:
        _Watched.walks += 1
        return super().__iter__()


def test_a_claim_s_articles_are_looked_up_not_found_by_walking_every_article_read(store: FactStore) -> None:
    """Reading a claim's candidates costs their articles' lookups, not a walk of every article the
    store has read so far (a long-lived server keeps up to 16,384): the same articles are read."""
    ids = [int(i) for (i,) in store.backend.execute("SELECT id FROM facts ORDER BY id")]
    store._load_memory()
    store._articles = _Watched()
    _Watched.walks = 0
    for start in range(0, len(ids), 80):
        store._read_all(ids[start : start + 80])
    assert _Watched.walks == 0
    assert set(store._articles) == {f >> 16 for f in ids}
