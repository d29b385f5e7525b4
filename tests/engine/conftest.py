"""Engines over the bundled seeds, the transit corpus and throwaway corpora.

Every fact base is cached under pytest's temporary folder, never in ~/.cache.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .checking import Corpus, CorpusOf

TRANSIT = Path(__file__).parent.parent / "corpora" / "transit" / "articles"


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The five Afghanistan seed articles that ship with factlint."""
    return Corpus.open(None, tmp_path_factory.mktemp("seeds-cache"))


@pytest.fixture(scope="session")
def transit(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """tests/corpora/transit: a city's new tram line, in .txt, .md and .html articles."""
    return Corpus.open(TRANSIT, tmp_path_factory.mktemp("transit-cache"))


@pytest.fixture
def corpus_of(tmp_path: Path) -> CorpusOf:
    """A corpus of the given {file name: text} articles, written to a temporary folder."""

    def build(articles: dict[str, str]) -> Corpus:
        folder = tmp_path / "articles"
        folder.mkdir(exist_ok=True)
        for name, text in articles.items():
            (folder / name).write_text(text, encoding="utf-8")
        return Corpus.open(folder, tmp_path / "cache")

    return build
