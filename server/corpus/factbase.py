"""The fact base: every source sentence as a frame, indexed for lookup, cached on disk.

Facts keep their provenance (file, line, columns, sentence, article date, title,
URL). Sentences are indexed by their rarer words, so finding the source
sentences a draft sentence may speak about does not scan the corpus. The built
base is pickled under a key made from the content of the corpus and the rules,
and rebuilt whenever either changes.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import math
import os
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from factlint import __version__
from factlint.config import Config
from factlint.corpus.factfiles import fact_files_digest, read_fact_files
from factlint.corpus.reader import Article, SkippedFile, read_corpus
from factlint.extract.frames import extract_frames, is_placeholder
from factlint.extract.mentions import Frame, Mention
from factlint.model import ArticleMeta, Kind, Location
from factlint.rulebook.ruleset import RuleSet
from factlint.text.document import split_paragraphs
from factlint.text.nlp import pipeline
from factlint.text.numbers import NumberValue

CACHE_FORMAT = 5
_POSSESSIVE = re.compile(r"['’]s\b|[^\w\s'’-]")
MAX_POSTINGS_SCANNED = 2000
"""A word in more sentences than this is skipped once two rarer words are in the query."""
MAX_QUERY_WORDS = 8
LOCAL_WINDOW = 4


@dataclass(frozen=True)
class SourceSentence:
    article: int
    frame: Frame
    location: Location
    link: str | None
    value_locations: tuple[Location, ...]
    """One per mention of the frame, in the same order."""


@dataclass(frozen=True)
class FactRow:
    """One fact as `factlint facts` shows it."""

    kind: Kind
    slot: str
    value: str
    article: ArticleMeta
    location: Location
    sentence: str


@dataclass
class FactBase:
    articles: list[ArticleMeta] = field(default_factory=list)
    article_words: list[frozenset[str]] = field(default_factory=list)
    """Every folded word of each article: "does the article mention X at all?"."""
    name_words: set[str] = field(default_factory=set)
    """Every folded word of every name in the corpus: a name the sources use anywhere."""
    sentences: list[SourceSentence] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    roles: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """surname key -> (sentence id, mention index) of every role mention."""
    skipped: list[SkippedFile] = field(default_factory=list)
    from_cache: bool = False

    @property
    def article_count(self) -> int:
        return len(self.articles)

    @property
    def facts(self) -> list[tuple[int, int]]:
        return [
            (s, m)
            for s, sentence in enumerate(self.sentences)
            for m, mention in enumerate(sentence.frame.mentions)
            if mention.kind not in (Kind.PERSON, Kind.PLACE) or mention.position >= 0
        ]

    def add_article(self, article: Article, rules: RuleSet, spacy_model: str | None = None) -> None:
        from factlint.text.names import fold

        index = len(self.articles)
        self.articles.append(article.meta)
        words = frozenset(fold(w) for w in _POSSESSIVE.sub(" ", article.text).split() if fold(w))
        self.article_words.append(words)
        nlp = pipeline(spacy_model)
        for paragraph in split_paragraphs(article.text, article.body_start):
            frames = extract_frames(
                paragraph.text, article.meta.date, rules.lexicon, nlp, base=paragraph.start
            )
            for frame in frames:
                self._add_sentence(index, article, frame)

    def _add_sentence(self, index: int, article: Article, frame: Frame) -> None:
        sentence_id = len(self.sentences)
        locations = tuple(article.location(m.start, m.end) for m in frame.mentions)
        self.sentences.append(
            SourceSentence(
                index,
                frame,
                article.location(frame.start, frame.end),
                article.link_near(frame.start, frame.end),
                locations,
            )
        )
        for token in set(frame.tokens):
            if not is_placeholder(token) and len(token) > 1:
                self.postings.setdefault(token, []).append(sentence_id)
        self.name_words.update(frame.names)
        for m, mention in enumerate(frame.mentions):
            if mention.kind is Kind.ROLE and mention.slot:
                self.roles.setdefault(mention.slot, []).append((sentence_id, m))

    def candidates(self, frame: Frame, limit: int = 12, around: int | None = None) -> list[int]:
        """Source sentences sharing the most (and rarest) words with `frame`, best first.

        With `around`, only the words within a few places of that position count:
        the context of one value rather than the whole sentence.
        """
        total = max(len(self.sentences), 1)
        pairs = list(zip(frame.tokens, frame.weights, strict=True))
        if around is not None:
            pairs = pairs[max(0, around - LOCAL_WINDOW) : around + LOCAL_WINDOW + 1]
        # the rarest words find a sentence; common ones cost time and say little
        found = sorted(
            (
                (len(ids), token, weight)
                for token, weight in set(pairs)
                if weight > 0 and (ids := self.postings.get(token))
            ),
        )[:MAX_QUERY_WORDS]
        scores: dict[int, float] = {}
        for rank, (count, token, weight) in enumerate(found):
            if count > MAX_POSTINGS_SCANNED and rank >= 2:
                break
            idf = math.log(1 + total / count)
            for sentence_id in self.postings[token]:
                scores[sentence_id] = scores.get(sentence_id, 0.0) + weight * idf
        return heapq.nlargest(limit, scores, key=scores.__getitem__)

    def rows(self) -> list[FactRow]:
        rows = []
        for s, m in self.facts:
            sentence = self.sentences[s]
            mention = sentence.frame.mentions[m]
            rows.append(
                FactRow(
                    kind=mention.kind,
                    slot=mention.slot or " ".join(getattr(mention, "person", ())),
                    value=describe_value(mention),
                    article=self.articles[sentence.article],
                    location=sentence.value_locations[m],
                    sentence=sentence.frame.text,
                )
            )
        return rows


def describe_value(mention: Mention) -> str:
    from factlint.extract.mentions import DurationValue, NameValue, TitleValue
    from factlint.text.dates import DateValue
    from factlint.text.numbers import format_number

    value = mention.value
    if isinstance(value, NumberValue):
        text = format_number(value.low)
        return text if not value.is_range else f"{text}-{format_number(value.high)}"
    if isinstance(value, DurationValue):
        return f"{format_number(value.amount.low)} {value.unit}s"
    if isinstance(value, DateValue):
        return value.describe()
    if isinstance(value, TitleValue):
        return mention.text
    if isinstance(value, NameValue):
        return mention.text
    return mention.text


def build_fact_base(config: Config, rules: RuleSet, progress: object = None) -> FactBase:
    base = FactBase()
    report = progress if callable(progress) else None
    for folder in config.effective_corpus_dirs():
        articles, skipped = read_corpus(folder)
        base.skipped.extend(skipped)
        for n, article in enumerate(articles):
            base.add_article(article, rules, config.spacy_model)
            if report is not None and (n % 50 == 0 or n == len(articles) - 1):
                report(
                    f"reading {folder.name}: {n + 1}/{len(articles)} articles",
                    (n + 1) / len(articles),
                )
    for article in read_fact_files(config):  # facts declared by hand: one article per entry
        base.add_article(article, rules, config.spacy_model)
    return base


def load_fact_base(config: Config, rules: RuleSet, progress: object = None) -> FactBase:
    """The fact base from the cache when corpus and rules are unchanged, else built and cached."""
    key = cache_key(config)
    path = cache_dir(config) / f"factbase-{key}.pickle"
    if path.is_file():
        try:
            with path.open("rb") as handle:
                cached = pickle.load(handle)
            if isinstance(cached, FactBase):
                cached.from_cache = True
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
    base = build_fact_base(config, rules, progress)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".tmp{os.getpid()}")
        with temporary.open("wb") as handle:
            pickle.dump(base, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass  # a read-only cache folder only costs speed
    return base


def cache_dir(config: Config) -> Path:
    if config.cache_dir is not None:
        return config.cache_dir
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "factlint"


@functools.cache
def _code_digest() -> bytes:
    """The extractor's own source: a changed extractor must not reuse facts it would not find."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.digest()


def cache_key(config: Config) -> str:
    """A digest of everything the fact base depends on: code version, corpus and rule files."""
    from factlint.corpus.reader import iter_article_paths
    from factlint.rulebook.loader import iter_rule_files

    digest = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}/{config.spacy_model}".encode())
    digest.update(_code_digest())
    for folder in config.effective_corpus_dirs():
        digest.update(str(folder.resolve()).encode())
        paths = [*iter_article_paths(folder), folder / "manifest.yaml"]
        for path in paths:
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    for folder in config.effective_rule_dirs():
        for path in iter_rule_files(folder):
            digest.update(path.read_bytes())
    digest.update(fact_files_digest(config))
    digest.update(repr(sorted(config.disabled_rules)).encode())
    digest.update(repr(sorted(config.severities.items())).encode())
    return digest.hexdigest()[:24]
