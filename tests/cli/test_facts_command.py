"""`factlint facts`: what the fact base knows, with where each fact comes from."""

from __future__ import annotations

import json
from pathlib import Path

from .running import TRANSIT, factlint


def test_facts_prints_a_table_of_slots_with_their_values_and_sources(cache: Path) -> None:
    result = factlint("facts", "--seeds", TRANSIT / "articles", cache=cache)
    assert result.returncode == 0, result.stderr
    header, *rows, summary = result.stdout.splitlines()
    assert header.split()[:3] == ["KIND", "ABOUT", "VALUE"]
    assert any(r.startswith("quantity") and "14 (2025-05-15, crosstown-opens.html:" in r for r in rows)
    assert any(r.startswith("role") and "Transport Minister" in r for r in rows)
    assert summary.endswith("from 4 articles") and " slots, " in summary


def test_a_slot_lists_both_copies_of_a_story_and_its_values_oldest_first(cache: Path) -> None:
    result = factlint("facts", "--kind", "quantity", cache=cache)
    [troops] = [r for r in result.stdout.splitlines() if r.startswith("quantity") and "2,500" in r]
    assert "US, Afghanistan" in troops
    assert "2,500 (2021-04-01, 000_a0f80ff5c1b36328.txt:1; 001_b29daaf1fc701ae9.txt:26)" in troops
    [titles] = [
        r for r in factlint("facts", "--kind", "role", cache=cache).stdout.splitlines() if "Trump" in r
    ]
    assert titles.index("President (2019-03-12") < titles.index("-> Former president (2021-03-27")


def test_facts_as_json_gives_each_facts_provenance(cache: Path) -> None:
    result = factlint("facts", "--format", "json", "--seeds", TRANSIT / "articles", cache=cache)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    [stations] = [f for f in facts if f["kind"] == "quantity" and f["value"] == "14" and "opens" in f["path"]]
    assert stations["article_date"] == "2025-05-15"
    assert "14 stations" in stations["sentence"]
    line = Path(stations["path"]).read_text(encoding="utf-8").splitlines()[stations["line"] - 1]
    assert line[stations["column"] - 1 :].startswith("14")
    undated = [f for f in facts if Path(f["path"]).name == "tram-history.txt"]
    assert undated and all(f["article_date"] is None for f in undated)


def test_facts_can_be_limited_to_one_kind(cache: Path) -> None:
    result = factlint(
        "facts", "--format", "json", "--kind", "role", "--seeds", TRANSIT / "articles", cache=cache
    )
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts and {f["kind"] for f in facts} == {"role"}


def test_facts_of_the_bundled_seeds_carry_their_inferred_dates(cache: Path) -> None:
    result = factlint("facts", "--format", "json", "--kind", "event-date", cache=cache)
    facts = json.loads(result.stdout)
    dates = {Path(f["path"]).name: f["article_date"] for f in facts}
    assert dates["000_a0f80ff5c1b36328.txt"] == "2021-04-01"
    assert dates["002_bbd714af084e56eb.txt"] == "2021-03-27"
    assert dates["004_8fa3e33ba9a28dc8.txt"] == "2019-03-12"


AUDIT = TRANSIT.parent / "audit" / "articles"


def test_facts_slot_prints_a_changed_figures_history_oldest_first(cache: Path) -> None:
    result = factlint("facts", "--slot", "ferry staff", "--date", "2024-03-10", "--seeds", AUDIT, cache=cache)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert line.endswith(
        ": 310 · 2023-01-10 (ferry-fleet-2023.txt:2) -> 350 · 2024-03-04 (ferry-fleet-march.txt:4) [compared]"
    )


def test_facts_slot_reads_a_sentence_as_a_draft_would_be_read(cache: Path) -> None:
    result = factlint(
        "facts",
        "--slot",
        "Marlow Ferries now employs 400 staff.",
        "--date",
        "2024-03-10",
        "--seeds",
        AUDIT,
        cache=cache,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "310 · 2023-01-10" in result.stdout
        and "350 · 2024-03-04 (ferry-fleet-march.txt:4) [compared]" in result.stdout
    )


def test_facts_slot_says_when_no_slot_matches(cache: Path) -> None:
    result = factlint("facts", "--slot", "submarines", "--seeds", AUDIT, cache=cache)
    assert result.stdout == "no slot of the sources matches 'submarines'\n"
