"""A finding's message quotes the draft's value and the sources' value the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factlint.cli.main import main
from factlint.rulebook.messages import finding_message

README_DRAFT = Path(__file__).resolve().parents[2] / "examples" / "draft.md"


def test_both_values_are_quoted_alike_and_disagreeing_sources_are_joined_by_or() -> None:
    message = finding_message(
        "The sources say {expected}, not {claim}", "3,000", ["2,500", "2,400"], "troops", "Reuters"
    )
    assert message == "The sources say “2,500” or “2,400”, not “3,000”"


def test_the_readme_draft_s_findings_quote_both_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["lint", "--format", "json", "--cache-dir", str(tmp_path), str(README_DRAFT)])
    messages = [finding["message"] for finding in json.loads(capsys.readouterr().out)]
    assert messages == [
        "The sources say “2,500”, not “3,000”",
        "The sources say “Tajikistan”, not “Uzbekistan”",
    ]
