"""A fact file entry becomes a one-sentence article whose every span points into the fact file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factlint.config import Config
from factlint.corpus.factbase import build_fact_base
from factlint.corpus.factfiles import parse_facts
from factlint.engine import Engine
from factlint.errors import RuleFileError
from factlint.rulebook.loader import load_rules

FACTS = """\
- statement: The US has 2,500 troops in Afghanistan.
  date: 2021-04-01
  source: https://example.org/pentagon-briefing
- statement: "The Blue Line will cost 900 million euros."
  title: Annual report
- statement: >
    The tunnel is
    2.3 kilometres long.
"""


def test_each_entry_is_an_article_dated_and_sourced_by_the_entry() -> None:
    troops, cost, tunnel = parse_facts(FACTS, "facts.yaml")
    assert (troops.text, troops.meta.date, troops.meta.url, troops.meta.title) == (
        "The US has 2,500 troops in Afghanistan.",
        date(2021, 4, 1),
        "https://example.org/pentagon-briefing",
        "facts.yaml, line 1",
    )
    assert (cost.meta.date, cost.meta.url, cost.meta.title) == (None, None, "Annual report")
    assert tunnel.text == "The tunnel is 2.3 kilometres long.\n"


@pytest.mark.parametrize(
    ("entry", "span", "where"),
    [
        (0, "2,500", (1, 25, 1, 30)),
        (1, "900 million", (4, 39, 4, 50)),
        (2, "2.3", (6, 14, 6, 15)),
    ],
    ids=["plain", "quoted", "folded: the start of the value"],
)
def test_spans_of_a_statement_point_into_the_fact_file(
    entry: int, span: str, where: tuple[int, int, int, int]
) -> None:
    article = parse_facts(FACTS, "facts.yaml")[entry]
    start = article.text.index(span)
    location = article.location(start, start + len(span))
    assert (location.path, location.line, location.column, location.end_line, location.end_column) == (
        "facts.yaml",
        *where,
    )


def test_a_hand_fact_is_checked_like_an_article(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    config = Config(
        corpus_dirs=(tmp_path / "corpus",), fact_files=(tmp_path / "facts.yaml",), cache_dir=tmp_path
    )
    rules = load_rules(config)
    base = build_fact_base(config, rules)
    report = Engine(config, rules, base).check("The US has 3,500 troops in Afghanistan.", date(2021, 4, 10))
    (finding,) = report.findings
    (source,) = finding.sources
    assert (finding.claim_text, finding.expected) == ("3,500", ("2,500",))
    assert (source.value_location.path, source.value_location.line, source.link) == (
        str(tmp_path / "facts.yaml"),
        1,
        "https://example.org/pentagon-briefing",
    )


def test_an_empty_fact_file_declares_nothing() -> None:
    assert parse_facts("# nothing yet\n", "facts.yaml") == []


def test_a_tag_that_would_build_an_object_is_refused() -> None:
    with pytest.raises(RuleFileError) as raised:
        parse_facts("- statement: !!python/object/apply:os.system [ls]\n", "facts.yaml")
    assert raised.value.describe() == (
        "facts.yaml:1:14: YAML tag '!!python/object/apply:os.system' is not allowed: only plain data"
    )
