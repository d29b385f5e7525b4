"""`factlint audit`: the sources' conflicts in text, json, sarif and github formats; exit 1 when any."""

from __future__ import annotations

import json
from pathlib import Path

from .running import REPO, factlint

AUDIT = REPO / "tests" / "corpora" / "audit" / "articles"


def test_audit_lists_each_conflict_with_its_values_and_exits_1(cache: Path) -> None:
    result = factlint("audit", "--seeds", AUDIT, cache=cache, cwd=REPO)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 conflicts among the sources, 8 articles audited"
    assert (
        "  tests/corpora/audit/articles/ferry-fleet-march.txt:2:25: 14 (2024-03-04): Marlow" in result.stdout
    )
    assert "  tests/corpora/audit/articles/ferry-timetable.txt:2:25: 12 (2024-03-05): Marlow" in result.stdout


def test_audit_of_the_bundled_seeds_is_clean(cache: Path) -> None:
    result = factlint("audit", cache=cache)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 conflicts among the sources, 5 articles audited")


def test_audit_as_json_gives_every_value_with_its_sentence_and_date(cache: Path) -> None:
    result = factlint("audit", "--format", "json", "--seeds", AUDIT, cache=cache)
    assert result.returncode == 1
    conflicts = json.loads(result.stdout)
    [fleet] = [c for c in conflicts if c["kind"] == "quantity"]
    assert [(v["value"], v["date"], v["line"]) for v in fleet["values"]] == [
        ("14", "2024-03-04", 2),
        ("12", "2024-03-05", 2),
    ]
    assert fleet["rule"] == "source-conflict" and "same moment" in fleet["reason"]


def test_audit_as_sarif_points_at_one_value_and_relates_the_others(cache: Path) -> None:
    result = factlint("audit", "--format", "sarif", "--seeds", AUDIT, cache=cache, cwd=REPO)
    [run] = json.loads(result.stdout)["runs"]
    assert len(run["results"]) == 3
    for item in run["results"]:
        assert item["ruleId"] == "source-conflict" and len(item["relatedLocations"]) >= 1
        uri = item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("tests/corpora/audit/articles/")


def test_audit_for_github_annotates_each_side(cache: Path) -> None:
    result = factlint("audit", "--format", "github", "--seeds", AUDIT, cache=cache, cwd=REPO)
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::warning ")]
    assert len(annotations) == 6
    assert not any("bridge-plans.txt" in a for a in annotations)  # the planned date is no conflict
