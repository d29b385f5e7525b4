"""Facts declared by hand in a fact file join the fact base with their own provenance."""

from __future__ import annotations

import json
from typing import Any

import pytest

from factlint.cli.main import main

from .projects import Project

ARTICLE = """
date 2024-05-01
The Green Line has 11 stations between the airport and the harbour.
"""

FACTS = """
# declared by the transit desk
- statement: The US has 2,500 troops in Afghanistan.
  date: 2021-04-01
  source: https://example.org/pentagon-briefing
- statement: "The Blue Line will cost 900 million euros."
  date: 2024-04-20
  source: Transit authority annual report 2024, p. 12
"""


@pytest.fixture
def desk(project: Project) -> Project:
    project.write("corpus/green-line.txt", ARTICLE)
    project.write("facts.yaml", FACTS)
    return project


def run(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    common = ["--seeds", str(project.root / "corpus"), "--cache-dir", str(project.root / "cache")]
    code = main([*args, *common])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def lint(project: Project, capsys: pytest.CaptureFixture[str], draft: str, *args: str) -> tuple[int, Any]:
    """The exit code and the contradictions found (notes about the check itself left out)."""
    path = project.write("draft.md", draft)
    code, out, _ = run(project, capsys, "lint", str(path), "--format", "json", *args)
    return code, [f for f in json.loads(out) if f["kind"] != "notice"]


def test_hand_facts_are_listed_with_the_fact_file_line(
    desk: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        desk,
        capsys,
        "facts",
        "--format",
        "json",
        "--kind",
        "quantity",
        "--facts",
        str(desk.root / "facts.yaml"),
    )
    rows = [
        (r["path"].rsplit("/", 1)[-1], r["line"], r["column"], r["value"], r["url"]) for r in json.loads(out)
    ]
    assert code == 0
    assert rows == [
        ("green-line.txt", 2, 20, "11", None),
        ("facts.yaml", 2, 25, "2,500", "https://example.org/pentagon-briefing"),
        ("facts.yaml", 5, 39, "900,000,000 euro", "Transit authority annual report 2024, p. 12"),
    ]


def test_a_draft_contradicting_a_hand_fact_is_flagged_citing_the_fact_file(
    desk: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = "---\ndate: 2021-04-10\n---\nThe US has 3,500 troops in Afghanistan.\n"
    code, findings = lint(desk, capsys, draft, "--facts", str(desk.root / "facts.yaml"))
    (finding,) = findings
    (source,) = finding["sources"]
    assert (code, finding["text"], finding["expected"]) == (1, "3,500", ["2,500"])
    assert (source["path"], source["value_line"], source["value_column"]) == (
        str(desk.root / "facts.yaml"),
        2,
        25,
    )
    assert (source["date"], source["url"]) == ("2021-04-01", "https://example.org/pentagon-briefing")


def test_without_the_fact_file_the_claim_is_new_information(
    desk: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = "---\ndate: 2021-04-10\n---\nThe US has 3,500 troops in Afghanistan.\n"
    assert lint(desk, capsys, draft) == (0, [])


def test_a_hand_fact_dates_a_changing_figure(desk: Project, capsys: pytest.CaptureFixture[str]) -> None:
    draft = "---\ndate: 2023-06-01\n---\nThe US has 3,500 troops in Afghanistan.\n"
    assert lint(desk, capsys, draft, "--facts", str(desk.root / "facts.yaml")) == (0, [])


def test_a_hand_fact_that_disagrees_with_an_article_is_a_source_conflict(
    desk: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reported exactly as if the hand fact were a second article saying 12."""
    twelve = "The Green Line has 12 stations between the airport and the harbour."
    desk.write("more-facts.yaml", f"- statement: {twelve}\n  date: 2024-05-01\n")
    draft = (
        "---\ndate: 2024-05-02\n---\nThe Green Line has 13 stations between the airport and the harbour.\n"
    )
    code, (by_hand,) = lint(desk, capsys, draft, "--facts", str(desk.root / "more-facts.yaml"))
    desk.write("corpus/second-article.txt", f"date 2024-05-01\n{twelve}\n")
    _, (by_article,) = lint(desk, capsys, draft)

    def conflict(finding: Any) -> tuple[object, ...]:
        return (
            finding["message"],
            sorted(finding["expected"]),
            finding["sources_disagree"],
            len(finding["sources"]),
        )

    assert code == 1
    assert (sorted(by_hand["expected"]), by_hand["sources_disagree"]) == (["11", "12"], True)
    assert conflict(by_hand) == conflict(by_article)
    assert sorted(s["path"].rsplit("/", 1)[-1] for s in by_hand["sources"]) == [
        "green-line.txt",
        "more-facts.yaml",
    ]


def test_a_hand_fact_wins_over_nothing(desk: Project, capsys: pytest.CaptureFixture[str]) -> None:
    desk.write(
        "more-facts.yaml",
        "- statement: The Green Line has 12 stations between the airport and the harbour.\n",
    )
    draft = (
        "---\ndate: 2024-05-02\n---\nThe Green Line has 11 stations between the airport and the harbour.\n"
    )
    assert lint(desk, capsys, draft, "--facts", str(desk.root / "more-facts.yaml")) == (0, [])


def test_fact_files_set_in_factlint_toml_are_used_and_edits_rebuild_the_fact_base(
    desk: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.write("factlint.toml", 'facts = ["facts.yaml"]\n')
    monkeypatch.chdir(desk.root)
    draft = "---\ndate: 2024-04-22\n---\nThe Blue Line will cost 950 million euros.\n"
    code, findings = lint(desk, capsys, draft)
    assert (code, [f["expected"] for f in findings]) == (1, [["900 million euros"]])
    desk.write("facts.yaml", FACTS.replace("900 million", "950 million"))
    assert lint(desk, capsys, draft) == (0, [])


BROKEN = [
    (
        "a mapping, not a list",
        "statement: The line has 11 stations.\n",
        "1:1: a fact file must be a list of facts, each starting with '- statement:'",
    ),
    (
        "unknown key",
        "- statement: The line has 11 stations.\n  sauce: https://x\n",
        "2:3: unknown key 'sauce' in a fact; did you mean 'source'?",
    ),
    ("no statement", "- date: 2024-05-01\n", "1:3: fact is missing the required key 'statement'"),
    (
        "impossible date",
        "- statement: The line has 11 stations.\n  date: 2021-13-01\n",
        "2:9: 'date' must be a date YYYY-MM-DD, not '2021-13-01'",
    ),
    (
        "statement as a list",
        "- statement: [The line, 11 stations]\n",
        "1:14: 'statement' must be a single value, not a list",
    ),
    (
        "malformed YAML",
        "- statement: 'The line has 11 stations.\n",
        "2:1: not valid YAML: found unexpected end of stream"
        " (while scanning a quoted scalar at line 1, column 14)",
    ),
]


@pytest.mark.parametrize(("content", "expected"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_fact_file_is_located_and_exits_2(
    desk: Project, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = desk.write("broken.yaml", content)
    draft = desk.write("draft.md", "The line has 11 stations.\n")
    code, out, err = run(desk, capsys, "lint", str(draft), "--facts", str(path))
    assert (code, out, err) == (2, "", f"factlint: {path}:{expected}\n")


def test_a_missing_fact_file_exits_2(desk: Project, capsys: pytest.CaptureFixture[str]) -> None:
    draft = desk.write("draft.md", "The line has 11 stations.\n")
    code, _, err = run(desk, capsys, "lint", str(draft), "--facts", str(desk.root / "nowhere.yaml"))
    assert (code, err) == (2, f"factlint: {desk.root / 'nowhere.yaml'}:1:1: no such fact file\n")
