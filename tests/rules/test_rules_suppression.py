"""Suppression comments silence findings; a comment naming no known rule is itself reported."""

from __future__ import annotations

import pytest

from factlint.model import Kind, Severity

from .projects import Project

CORPUS = "date 2024-05-01\nThe new tram line has 11 stations and its depot employs 300 people.\n"
WRONG = "The new tram line has 12 stations and its depot employs 300 people."


@pytest.fixture
def tram(project: Project) -> Project:
    project.write("corpus/tram.txt", CORPUS)
    return project


def flagged(project: Project, draft: str, **options: object) -> list[tuple[str, str]]:
    return [(f.rule, f.claim_text) for f in project.findings(draft, "2024-05-02", **options)]  # type: ignore[arg-type]


def test_a_contradiction_is_flagged_without_comments(tram: Project) -> None:
    assert flagged(tram, WRONG) == [("quantity-mismatch", "12")]


def test_disable_next_line_silences_the_next_line_only(tram: Project) -> None:
    draft = f"<!-- factlint-disable-next-line quantity-mismatch -->\n{WRONG}\n\n{WRONG}\n"
    findings = tram.findings(draft, "2024-05-02")
    assert [(f.rule, draft.count("\n", 0, f.start) + 1) for f in findings] == [("quantity-mismatch", 4)]


def test_disable_block_runs_to_enable(tram: Project) -> None:
    draft = f"<!-- factlint-disable -->\n{WRONG}\n<!-- factlint-enable -->\n\n{WRONG}\n"
    findings = tram.findings(draft, "2024-05-02")
    assert [draft.count("\n", 0, f.start) + 1 for f in findings] == [5]


def test_disable_block_with_other_ids_does_not_silence_this_rule(tram: Project) -> None:
    draft = f"<!-- factlint-disable role-mismatch, place-mismatch -->\n{WRONG}\n"
    assert flagged(tram, draft) == [("quantity-mismatch", "12")]


def test_a_second_disable_does_not_reopen_what_the_first_silenced(tram: Project) -> None:
    draft = (
        "<!-- factlint-disable quantity-mismatch -->\n"
        f"{WRONG}\n\n"
        "<!-- factlint-disable role-mismatch -->\n"
        f"{WRONG}\n"
        "<!-- factlint-enable -->\n\n"
        f"{WRONG}\n"
    )
    findings = tram.findings(draft, "2024-05-02")
    assert [draft.count("\n", 0, f.start) + 1 for f in findings] == [8]


def test_an_unknown_id_is_reported_on_the_id_with_the_closest_known_one(tram: Project) -> None:
    draft = f"<!-- factlint-disable-next-line quantity-mismach -->\n{WRONG}\n"
    unsilenced, misspelt = tram.findings(draft, "2024-05-02")
    assert unsilenced.rule == "quantity-mismatch"
    finding = misspelt
    assert (finding.rule, finding.kind, finding.severity) == (
        "unknown-suppression",
        Kind.SUPPRESSION,
        Severity.WARNING,
    )
    assert draft[finding.start : finding.end] == "quantity-mismach"
    assert finding.message == (
        "factlint-disable-next-line names no known rule 'quantity-mismach'; did you mean 'quantity-mismatch'?"
    )
    assert finding.expected == ("quantity-mismatch",)


def test_the_id_of_a_disabled_rule_is_known(tram: Project) -> None:
    draft = f"<!-- factlint-disable person-mismatch -->\n{WRONG}\n"
    options = {"disabled_rules": frozenset({"person-mismatch"})}
    assert flagged(tram, draft, **options) == [("quantity-mismatch", "12")]


def test_the_unknown_id_check_can_be_turned_off(tram: Project) -> None:
    draft = "<!-- factlint-disable no-such-rule -->\nThe line opened.\n"
    assert flagged(tram, draft) == [("unknown-suppression", "no-such-rule")]
    assert flagged(tram, draft, severities={"unknown-suppression": "off"}) == []
