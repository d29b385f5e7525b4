"""Check draft sentences against a corpus with the real engine, the way a specification reads.

`corpus.flags("The US has 3,000 troops in Afghanistan.", on="2021-04-02")` is the
list of findings for that sentence written on that day; `corpus.confirms(...)` the
claims the sources agree with. Dates are ISO strings so a test reads like a dateline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from factlint.config import Config
from factlint.engine import Engine
from factlint.model import Confirmation, Finding, Kind
from factlint.rulebook.lexicon import Lexicon
from factlint.rulebook.loader import load_rules
from factlint.slots.extract import extract_paragraph
from factlint.slots.model import Mention
from factlint.text.nlp import pipeline


@dataclass
class Corpus:
    engine: Engine

    @classmethod
    def open(cls, folder: Path | None, cache: Path) -> Corpus:
        """The bundled seeds when `folder` is None, else the articles in `folder`."""
        corpus_dirs = (folder,) if folder is not None else ()
        return cls(Engine.open(Config(corpus_dirs=corpus_dirs, cache_dir=cache)))

    def flags(self, draft: str, on: str | None) -> list[Finding]:
        """The contradictions found (notes about the check itself are `notices`)."""
        return [f for f in self._findings(draft, on) if f.kind is not Kind.NOTICE]

    def notices(self, draft: str, on: str | None) -> list[Finding]:
        """Notes about the check itself: claims that could not be compared."""
        return [f for f in self._findings(draft, on) if f.kind is Kind.NOTICE]

    def _findings(self, draft: str, on: str | None) -> list[Finding]:
        when = date.fromisoformat(on) if on else None
        return self.engine.check(draft, when).findings

    def confirms(self, draft: str, on: str | None, kind: Kind | None = None) -> list[Confirmation]:
        """The claims the sources agree with (of `kind` only, when given)."""
        when = date.fromisoformat(on) if on else None
        confirmed = self.engine.check(draft, when).confirmations
        return [c for c in confirmed if kind is None or c.kind is kind]

    def flagged(self, draft: str, on: str | None) -> list[tuple[Kind, str]]:
        """(kind, claim text) of every finding: what a writer sees underlined."""
        return [(f.kind, f.claim_text) for f in self.flags(draft, on)]


CorpusOf = Callable[[dict[str, str]], Corpus]
"""The `corpus_of` fixture: a corpus made of the given {file name: text} articles."""


def source_names(finding: Finding | Confirmation) -> set[str]:
    """The file names a finding cites, e.g. {"000_a0f80ff5c1b36328.txt"}, copies of a story included."""
    return {Path(p).name for s in finding.sources for p in (s.article.path, *s.copies)}


@cache
def lexicon() -> Lexicon:
    """The built-in rules' lexicon: what the extractor reads words with."""
    return load_rules(Config()).lexicon


def read(text: str, on: str) -> dict[str, Mention]:
    """The values `text` states, by their words, as the extractor reads them on the day `on`."""
    found = extract_paragraph(text, date.fromisoformat(on), lexicon(), pipeline(None))
    return {r.mention.text: r.mention for r in found}
