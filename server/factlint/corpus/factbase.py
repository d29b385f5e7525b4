"""The fact base: every value the sources state, by slot, indexed for lookup, kept on disk.

Facts keep their provenance (file, line, columns, sentence, article date, title,
URL). `load_fact_base` opens the store for this configuration (one SQLite file
per corpus, rules and extractor version) and brings it up to date: unchanged
articles cost a `stat`, changed ones are extracted again, deleted ones dropped.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from factlint import __version__
from factlint.config import Config
from factlint.corpus import store_file
from factlint.corpus.factfiles import read_fact_file
from factlint.corpus.manifest import MANIFEST_NAME
from factlint.corpus.reader import Article, iter_article_paths
from factlint.corpus.store import FactStore, Mapper, SourceFile, article_source
from factlint.corpus.store_file import StoreDamaged
from factlint.corpus.stored_code import stored_code
from factlint.model import ArticleMeta, Kind, Location
from factlint.rulebook.ruleset import RuleSet
from factlint.slots.describe import describe_slot, describe_value

log = logging.getLogger("factlint.cache")

STORE_FORMAT = 3
"""Bump by hand when what a store holds changes other than through the code the key hashes
(`stored_code`): the tables, or what `corpus.store` writes beside the records (stories,
postings, counters, the compression dictionary). Its read path is not in the key."""
FactBase = FactStore
"""The fact base as the checker sees it (see `corpus.store`)."""


@dataclass(frozen=True)
class FactRow:
    """One fact as `factlint facts` shows it."""

    kind: Kind
    slot: str
    value: str
    article: ArticleMeta
    location: Location
    sentence: str
    copies: tuple[str, ...] = ()


def fact_rows(base: FactStore) -> Iterator[FactRow]:
    for fact, source in base.iter_facts():
        mention = fact.mention
        yield FactRow(
            kind=mention.kind,
            slot=describe_slot(mention),
            value=describe_value(mention),
            article=source.article,
            location=source.value_location,
            sentence=source.sentence,
            copies=source.copies,
        )


def corpus_sources(config: Config) -> Iterator[SourceFile]:
    """Every file the fact base is built from: articles, then facts declared by hand."""
    for folder in config.effective_corpus_dirs():
        folder = folder.resolve()
        manifest = folder / MANIFEST_NAME
        listed = manifest if manifest.is_file() else None
        for path in iter_article_paths(folder):
            yield article_source(path, listed, config.max_file_bytes)
    for path in config.fact_files:
        yield SourceFile(f"{path.resolve()}#facts", path, _FactFileReader(path), required=True)


@dataclass(frozen=True)
class _FactFileReader:
    path: Path

    def __call__(self) -> list[Article]:
        return read_fact_file(self.path)


def shared_store(config: Config) -> str | None:
    """The team's store: `store` in the configuration, else FACTLINT_STORE; None: the cache file."""
    return config.store or os.environ.get("FACTLINT_STORE") or None


def load_fact_base(
    config: Config,
    rules: RuleSet,
    progress: Callable[[str, float], None] | None = None,
    *,
    build: bool = False,
    mapper: Mapper | None = None,
    sync: bool = True,
) -> FactStore:
    """The fact base for `config`, brought up to date with its corpus and fact files.

    A shared store is only read here: one `factlint build` keeps it current (`build=True`),
    so editors and CI never race the builder or each other. The cache file is each user's
    own and follows the corpus at every open, as it always has; with `sync=False` a cache file
    that a sync has completed is opened as that sync left it (its `behind` is then True), and
    the caller brings it up to date afterwards (`sync_cache`).
    """
    shared = shared_store(config)
    if shared is not None:
        store = FactStore(shared, builder=build)
        store.lexicon = rules.lexicon
        if build:
            built_with = extraction_key(config)
            if store.meta("built_with") not in (None, built_with):
                store.clear()  # other rules or another extractor: its facts would not be ours
            store.set_meta("built_with", built_with)
            store.sync(corpus_sources(config), rules.lexicon, config.spacy_model, progress, mapper)
        else:
            store.from_cache = True
        return store
    path = store_file.store_path(cache_dir(config), f"facts-{store_key(config)}.sqlite")
    if not sync:
        standing = _as_it_stands(path, rules)
        if standing is not None:
            return standing
    try:
        return _synced(_open_cache(path), config, rules, progress, mapper)
    except StoreDamaged as damage:  # found while updating it: removed and built again, once
        store_file.discard(path, damage, store_file.inode(path))
        return _synced(_open_cache(path), config, rules, progress, mapper)


def _as_it_stands(path: str, rules: RuleSet) -> FactStore | None:
    """The cache file at `path` as its last complete sync left it, without a look at the corpus;
    None when there is none to open so (no file yet, a sync that did not finish, no articles)."""
    if path == ":memory:" or not os.path.isfile(path):
        return None
    try:
        backend = store_file.open_file(path, count_rows=False)
        store = FactStore(path, backend)
    except (OSError, _sqlite_error(), store_file.UnsafeCache, StoreDamaged):
        return None
    with store.reading():
        complete = store_file.sealed(backend) and store.article_count > 0
    if not complete:
        store.close()
        return None
    store.lexicon = rules.lexicon
    store.from_cache = True
    store.behind = True
    return store


def sync_cache(config: Config, rules: RuleSet, opened: FactStore) -> str:
    """Bring the cache file that `opened` reads up to date with the corpus, on a connection of
    its own (`opened` keeps serving checks meanwhile, and moves to the new state at its next
    snapshot if it follows the store). Says what became of `opened`'s state: "unchanged",
    "moved" (the store changed: what was checked against it should be checked again),
    "replaced" (the file was found damaged and built anew: `opened` reads one that is gone),
    or "emptied" (no article is left: `Engine.open` would refuse the corpus, and should say so)."""
    opened.behind = False
    if shared_store(config) is not None:
        return "unchanged"  # a team's store: its builder keeps it current, not its readers
    checked_at = opened.generation
    fresh = load_fact_base(config, rules)
    try:
        if fresh.opened != opened.opened:
            return "replaced"
        if fresh.article_count == 0:
            return "emptied"
        return "unchanged" if fresh.generation == checked_at else "moved"
    finally:
        fresh.close()


def _open_cache(path: str) -> FactStore:
    """The cache file at `path` (checked and repaired by `store_file`), else one in memory."""
    if path == ":memory:":
        return FactStore(path)
    try:
        return FactStore(path, store_file.open_file(path))
    except (OSError, _sqlite_error(), store_file.UnsafeCache) as error:
        why = error.reason if isinstance(error, store_file.UnsafeCache) else error
        log.warning("cannot use the cache %s (%s); building the fact base in memory", path, why)
        return FactStore(":memory:")  # a read-only cache folder only costs speed


def _synced(
    store: FactStore,
    config: Config,
    rules: RuleSet,
    progress: Callable[[str, float], None] | None,
    mapper: Mapper | None,
) -> FactStore:
    try:
        store.sync(corpus_sources(config), rules.lexicon, config.spacy_model, progress, mapper)
    except BaseException:
        store.close()
        raise
    return store


def build_fact_base(
    config: Config, rules: RuleSet, progress: Callable[[str, float], None] | None = None
) -> FactStore:
    """A fact base in memory, built from scratch: for tests and one-off checks."""
    store = FactStore(":memory:")
    store.sync(corpus_sources(config), rules.lexicon, config.spacy_model, progress)
    return store


def _sqlite_error() -> type[Exception]:
    import sqlite3

    return sqlite3.Error


def cache_dir(config: Config) -> Path:
    if config.cache_dir is not None:
        return config.cache_dir
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "factlint"


@functools.cache
def _code_digest() -> bytes:
    """The code that decides what is stored: a changed extractor must not reuse facts it would
    not find, but editing the judge, the read path, the server or the output must not rebuild
    an archive (`stored_code`)."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in stored_code(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def extraction_key(config: Config) -> str:
    """What decides the facts extracted from one article: code, rules, spaCy model (not the folders)."""
    return store_key(replace(config, corpus_dirs=(), fact_files=()))


def store_key(config: Config) -> str:
    """Which store serves `config`: one per code version, rules and corpus folders.

    The folders' contents are not in the key: the store follows them file by file.
    """
    from factlint.rulebook.loader import iter_rule_files

    digest = hashlib.sha256(
        f"{__version__}/{STORE_FORMAT}/{config.spacy_model}/{config.max_file_bytes}".encode()
    )
    digest.update(_code_digest())
    for folder in config.effective_corpus_dirs():
        digest.update(str(folder.resolve()).encode())
    for path in config.fact_files:
        digest.update(str(path.resolve()).encode())
    for folder in config.effective_rule_dirs():
        for path in iter_rule_files(folder):
            digest.update(path.read_bytes())
    digest.update(repr(sorted(config.disabled_rules)).encode())
    digest.update(repr(sorted(config.severities.items())).encode())
    return digest.hexdigest()[:24]
