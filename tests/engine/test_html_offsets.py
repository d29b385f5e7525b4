"""HTML articles: tags stripped for reading, but every location points into the file on disk.

Seed 000 is one long line of HTML. The line and columns of a fact's sentence and
value must select exactly that text in the raw file (tags and entities aside).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from factlint.model import Location, SourceRef

from .checking import Corpus

SEED_000 = "000_a0f80ff5c1b36328.txt"


def raw_text(location: Location) -> str:
    """The characters of the file on disk that `location` selects."""
    lines = Path(location.path).read_text(encoding="utf-8").splitlines()
    assert location.line == location.end_line
    return lines[location.line - 1][location.column - 1 : location.end_column - 1]


def as_read(raw: str) -> str:
    """Raw HTML as the reader sees it: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


def source_in(corpus: Corpus, draft: str, on: str, name: str) -> SourceRef:
    [finding] = corpus.flags(draft, on=on)
    [source] = [s for s in finding.sources if Path(s.article.path).name == name]
    return source


def test_a_value_deep_in_the_one_line_html_seed_points_at_its_column(seeds: Corpus) -> None:
    source = source_in(seeds, "The US has 3,000 troops in Afghanistan.", "2021-04-02", SEED_000)
    assert source.value_location.line == 1
    assert source.value_location.column > 1000
    assert raw_text(source.value_location) == "2,500"
    assert raw_text(source.sentence_location) == source.sentence


def test_a_sentence_with_a_link_spans_its_tags_in_the_file_and_keeps_the_link(seeds: Corpus) -> None:
    # The first sentence of 000 ends in <a href="...">speed up peace negotiations</a>.
    draft = "Zalmay Khalilzad held talks in Qatar on March 10 with leaders from the Taliban."
    source = source_in(seeds, draft, "2021-04-02", SEED_000)
    raw = raw_text(source.sentence_location)
    assert raw.startswith("The US special representative") and raw.endswith("</a>.")
    assert as_read(raw) == source.sentence
    assert raw_text(source.value_location) == "this week"
    assert source.link is not None and source.link.startswith("https://www.thenationalnews.com/")


def test_the_plain_text_copy_of_the_same_story_points_at_its_own_line(seeds: Corpus) -> None:
    source = source_in(
        seeds, "The US has 3,000 troops in Afghanistan.", "2021-04-02", "001_b29daaf1fc701ae9.txt"
    )
    assert (source.value_location.line, source.value_location.column) == (26, 12)
    assert raw_text(source.value_location) == "2,500"
    assert raw_text(source.sentence_location) == source.sentence


def test_entities_and_links_of_a_multi_line_html_article_map_back_to_the_file(transit: Corpus) -> None:
    draft = "The final bill for the project came to £600 million."
    source = source_in(transit, draft, "2025-05-16", "crosstown-opens.html")
    assert raw_text(source.value_location) == "550 million"
    raw = raw_text(source.sentence_location)
    assert "&pound;550 million" in raw
    assert as_read(raw) == source.sentence
    assert source.link == "https://example.org/harwick/tunnel-breakthrough"
