"""Every count factlint prints reads as a person would write it: "1 rule file", "2 rule files"."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.cli.main import main
from factlint.wording import count


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (0, "rule file", "0 rule files"),
        (1, "rule file", "1 rule file"),
        (2, "rule file", "2 rule files"),
        (1, "fact", "1 fact"),
        (12_345, "fact", "12,345 facts"),
        (3, "summary", "3 summaries"),
    ],
)
def test_a_count_is_singular_for_one_and_grouped_by_thousands(n: int, noun: str, expected: str) -> None:
    plural = "summaries" if noun == "summary" else None
    assert count(n, noun, plural) == expected


def test_rules_check_of_one_rule_file_and_one_fact_file_says_so_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = tmp_path / "stations.yaml"
    rule.write_text("id: stations\nkind: quantity\nmessage: '{expected}, not {claim}'\n", encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text("- statement: The line has 11 stations.\n", encoding="utf-8")
    assert main(["rules", "check", str(rule), "--facts", str(facts)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1 rule file checked, 0 with problems",
        "1 fact file checked, 0 with problems",
    ]
