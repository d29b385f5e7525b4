"""`factlint audit` as a specification: sources that disagree about one moment, and look-alikes that do not.

A conflict is two stories giving one slot two values for the same time. A figure that
changed, two places, or a date planned before the event are not conflicts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.conflicts import Conflict

from .checking import Corpus, CorpusOf, source_names

AUDIT = Path(__file__).parent.parent / "corpora" / "audit" / "articles"


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> list[Conflict]:
    """The conflicts in tests/corpora/audit (see its README for what is planted)."""
    return Corpus.open(AUDIT, tmp_path_factory.mktemp("audit-cache")).engine.audit()


def sides(conflict: Conflict) -> set[tuple[str, str]]:
    """(file name, value) of each side of a conflict."""
    return {(Path(v.source.article.path).name, v.value) for v in conflict.values}


def values(conflicts: list[Conflict]) -> set[str]:
    return {v.value for c in conflicts for v in c.values}


@pytest.mark.parametrize(
    "planted",
    [
        {("ferry-fleet-march.txt", "14"), ("ferry-timetable.txt", "12")},
        {("bridge-opens.txt", "30-day"), ("bridge-review.txt", "21-day")},
    ],
    ids=["a count given a day apart", "the length of a strike that is over"],
)
def test_each_planted_conflict_is_found(audited: list[Conflict], planted: set[tuple[str, str]]) -> None:
    assert planted in [sides(c) for c in audited]


def test_two_past_dates_of_one_event_conflict(audited: list[Conflict]) -> None:
    [opening] = [c for c in audited if {Path(v.source.article.path).name for v in c.values} == {
        "bridge-opens.txt", "bridge-review.txt"} and c.kind.value == "event-date"]  # fmt: skip
    assert [v.value.split(" (")[0] for v in opening.values] == ["12 March 2024", "19 March 2024"]
    assert "past" in opening.reason


def test_nothing_but_the_planted_conflicts_is_listed(audited: list[Conflict]) -> None:
    assert len(audited) == 3


@pytest.mark.parametrize(
    "value",
    ["310", "350", "6", "4", "1 March 2024 (Friday 1 March 2024)", "41 million pounds", "36 million pounds"],
    ids=[
        "staff then",
        "staff now",
        "berths here",
        "berths there",
        "the planned date",
        "budget",
        "last year's",
    ],
)
def test_planted_non_conflicts_are_not_listed(audited: list[Conflict], value: str) -> None:
    assert value not in values(audited)


def test_a_conflict_says_where_each_value_is_and_when(audited: list[Conflict]) -> None:
    [fleet] = [c for c in audited if c.kind.value == "quantity"]
    first, second = fleet.values
    assert (first.said_on.isoformat(), second.said_on.isoformat()) == ("2024-03-04", "2024-03-05")  # type: ignore[union-attr]
    assert first.source.value_location.line == 2 and "14 vessels" in first.source.sentence
    assert "the same moment" in fleet.reason


def test_the_bundled_seeds_do_not_contradict_themselves(seeds: Corpus) -> None:
    # 000 and 001 are one story filed twice; the troop count, the deadline and the envoy's
    # trip agree across 002-004, and the figures that differ are years apart (17-year war in
    # 2019, a 19-year presence in 2021: one war, moved to the later date)
    assert seeds.engine.audit() == []


def test_a_figure_that_changed_between_two_dates_is_no_conflict(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "spring.txt": "date 2024-04-02\nThe Ostvik ferry carries 120 passengers on each crossing.\n",
            "autumn.txt": "date 2024-10-02\nThe Ostvik ferry carries 180 passengers on each crossing.\n",
        }
    )
    assert corpus.engine.audit() == []


def test_the_same_figure_stated_differently_on_one_day_is_a_conflict(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "morning.txt": "date 2024-04-02\nThe Ostvik ferry carries 120 passengers on each crossing.\n",
            "evening.txt": "date 2024-04-02\nOn each crossing the Ostvik ferry carries 180 passengers, its"
            " owners said as the summer season opened.\n",
        }
    )
    [conflict] = corpus.engine.audit()
    assert values([conflict]) == {"120", "180"}


def test_one_articles_share_of_the_audit_is_found_from_that_article_alone(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    engine = Corpus.open(AUDIT, tmp_path_factory.mktemp("audit-share")).engine
    path = str((AUDIT / "bridge-review.txt").resolve())
    alone = engine.conflicts_in(path)  # before the whole audit has run
    assert {c.kind.value for c in alone} == {"event-date", "duration"}
    assert alone == [c for c in engine.audit() if any(v.source.article.path == path for v in c.values)]


def test_a_finding_on_a_disputed_slot_says_the_audit_lists_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    audit = Corpus.open(AUDIT, tmp_path_factory.mktemp("audit-noted"))
    [finding] = audit.flags("The Kestrel Bridge opened to traffic on 5 March 2024.", on="2024-04-05")
    assert finding.message.endswith("; factlint audit lists the sources as disagreeing (bridge-opens.txt:2)")
    assert finding.sources_disagree
    assert {"bridge-opens.txt", "bridge-review.txt"} <= source_names(finding)
    # a date one of the disagreeing sources gives, of an event past by the draft's date, is left alone
    assert audit.flags("The Kestrel Bridge opened to traffic on 12 March 2024.", on="2024-04-05") == []


def test_a_finding_on_an_undisputed_slot_says_nothing_of_the_audit(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    audit = Corpus.open(AUDIT, tmp_path_factory.mktemp("audit-plain"))
    [finding] = audit.flags("Marlow Ferries now employs 400 staff across the estuary.", on="2024-03-10")
    assert "audit" not in finding.message and not finding.sources_disagree
