"""Each output format on hand-made findings: what a CI system or a person gets to read."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factlint.model import ArticleMeta, Finding, Kind, Location, Severity, SourceRef
from factlint.output import FORMATS, DraftResult, LintRun, RuleInfo

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DRAFT = "The US has 3,000 troops in Afghanistan.\nThey leave in May.\n"


def source(root: Path, sentence: str = "The US has 2,500 troops in Afghanistan.") -> SourceRef:
    article = ArticleMeta(str(root / "seeds" / "a.txt"), "Troops stay", date(2021, 4, 1))
    where = Location(str(root / "seeds" / "a.txt"), 3, 1, 3, len(sentence) + 1)
    value = Location(where.path, 3, 12, 3, 17)
    return SourceRef(article, sentence, where, "2,500", value)


def finding(root: Path, severity: Severity = Severity.ERROR, message: str | None = None) -> Finding:
    return Finding(
        rule="quantity-mismatch",
        kind=Kind.QUANTITY,
        severity=severity,
        message=message or "The sources say “2,500”, not “3,000”",
        start=11,
        end=16,
        claim_text="3,000",
        expected=("2,500",),
        sources=(source(root),),
        doc_url="https://example.org/rules#quantity",
    )


def lint_run(root: Path, *findings: Finding, clean: int = 0) -> LintRun:
    results = [DraftResult.locate(str(root / "drafts" / "a.md"), DRAFT, list(findings))]
    results += [DraftResult(str(root / "drafts" / f"clean{i}.md"), ()) for i in range(clean)]
    rules = (
        RuleInfo(
            "quantity-mismatch",
            Kind.QUANTITY,
            Severity.ERROR,
            "A number differs from the sources. Counts of people are compared by noun.",
            "https://example.org/rules#quantity",
        ),
        RuleInfo("place-mismatch", Kind.PLACE, Severity.WARNING, "A place differs."),
    )
    return LintRun(tuple(results), rules, root)


def render(fmt: str, run: LintRun) -> str:
    stream = io.StringIO()
    FORMATS[fmt](run, stream)
    return stream.getvalue()


def sarif_errors(document: dict[str, Any]) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


# --- text -----------------------------------------------------------------------


def test_text_is_one_compiler_style_line_per_finding_then_the_summary(tmp_path: Path) -> None:
    out = render("text", lint_run(tmp_path, finding(tmp_path), clean=2))
    assert out.splitlines() == [
        "drafts/a.md:1:12: error[quantity-mismatch] The sources say “2,500”, not “3,000” "
        "(source: seeds/a.txt:3)",
        "1 contradiction in 1 file, 3 checked; "
        "0 claims: 0 confirmed by the sources, 0 contradicted, 0 unsourced",
    ]


def test_text_summary_counts_in_plural(tmp_path: Path) -> None:
    out = render("text", lint_run(tmp_path, finding(tmp_path), finding(tmp_path)))
    assert out.splitlines()[-1].startswith("2 contradictions in 1 file, 1 checked; ")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_text_is_coloured_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    run = lint_run(tmp_path, finding(tmp_path))
    terminal = Terminal()
    FORMATS["text"](run, terminal)
    assert "\033[31merror\033[0m" in terminal.getvalue()
    assert "\033[" not in render("text", run)


def test_no_color_turns_colour_off_even_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Terminal()
    FORMATS["text"](lint_run(tmp_path, finding(tmp_path)), terminal)
    assert "\033[" not in terminal.getvalue()


# --- github ---------------------------------------------------------------------


def test_github_annotation_names_file_line_columns_rule_and_source(tmp_path: Path) -> None:
    out = render("github", lint_run(tmp_path, finding(tmp_path)))
    assert out.splitlines()[0] == (
        "::error file=drafts/a.md,line=1,col=12,endColumn=17,title=factlint quantity-mismatch"
        "::The sources say “2,500”, not “3,000” (source: seeds/a.txt:3)"
    )


def test_github_severities_map_to_error_warning_notice(tmp_path: Path) -> None:
    run = lint_run(
        tmp_path,
        finding(tmp_path, Severity.ERROR),
        finding(tmp_path, Severity.WARNING),
        finding(tmp_path, Severity.INFO),
    )
    commands = [line.split(" ")[0] for line in render("github", run).splitlines()[:3]]
    assert commands == ["::error", "::warning", "::notice"]


def test_github_escapes_what_would_break_the_command(tmp_path: Path) -> None:
    tricky = finding(tmp_path, message="100% sure:\nnot 3,000")
    line = render("github", lint_run(tmp_path, tricky)).splitlines()[0]
    assert line.endswith("::100%25 sure:%0Anot 3,000 (source: seeds/a.txt:3)")
    assert "title=factlint quantity-mismatch::" in line


# --- junit ----------------------------------------------------------------------


def test_junit_has_one_testcase_per_draft_and_a_failure_per_finding(tmp_path: Path) -> None:
    run = lint_run(tmp_path, finding(tmp_path), finding(tmp_path), clean=2)
    root = ET.fromstring(render("junit", run))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["drafts/a.md", "drafts/clean0.md", "drafts/clean1.md"]
    failures = cases[0].findall("failure")
    assert len(failures) == 2
    assert failures[0].get("type") == "quantity-mismatch"
    assert "seeds/a.txt:3: The US has 2,500 troops" in (failures[0].text or "")
    assert cases[1].findall("failure") == []


# --- sarif ----------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    run = lint_run(tmp_path, finding(tmp_path), finding(tmp_path, Severity.INFO), clean=1)
    assert sarif_errors(json.loads(render("sarif", run))) == []


def test_the_schema_check_catches_a_broken_log(tmp_path: Path) -> None:
    """The validation above can fail: a wrong level is rejected."""
    document = json.loads(render("sarif", lint_run(tmp_path, finding(tmp_path))))
    document["runs"][0]["results"][0]["level"] = "fatal"
    assert sarif_errors(document)


def test_sarif_lists_each_rule_once_with_description_and_help_link(tmp_path: Path) -> None:
    run = lint_run(tmp_path, finding(tmp_path), finding(tmp_path))
    driver = json.loads(render("sarif", run))["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert list(rules) == ["quantity-mismatch", "place-mismatch"]
    quantity = rules["quantity-mismatch"]
    assert quantity["shortDescription"]["text"] == "A number differs from the sources."
    assert quantity["helpUri"] == "https://example.org/rules#quantity"
    assert quantity["defaultConfiguration"]["level"] == "error"
    assert rules["place-mismatch"]["defaultConfiguration"]["level"] == "warning"


def test_sarif_result_points_at_the_claim_and_its_source_sentences(tmp_path: Path) -> None:
    run_doc = json.loads(render("sarif", lint_run(tmp_path, finding(tmp_path))))["runs"][0]
    result = run_doc["results"][0]
    assert result["ruleId"] == "quantity-mismatch"
    assert run_doc["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "quantity-mismatch"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 12,
        "endLine": 1,
        "endColumn": 17,
        "snippet": {"text": "3,000"},
    }
    related = result["relatedLocations"][0]
    assert related["id"] == 0
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "seeds/a.txt"
    assert related["physicalLocation"]["region"]["startLine"] == 3
    assert "The US has 2,500 troops" in related["message"]["text"]
    assert result["message"]["text"].endswith("([source 1](0))")
    assert run_doc["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    assert run_doc["columnKind"] == "unicodeCodePoints"


def test_sarif_escapes_brackets_that_would_read_as_links(tmp_path: Path) -> None:
    tricky = finding(tmp_path, message="The sources say [2,500], not 3,000")
    result = json.loads(render("sarif", lint_run(tmp_path, tricky)))["runs"][0]["results"][0]
    assert result["message"]["text"].startswith("The sources say \\[2,500\\], not 3,000")


def test_sarif_outside_the_root_uses_absolute_file_uris(tmp_path: Path) -> None:
    elsewhere = LintRun(lint_run(tmp_path, finding(tmp_path)).results, (), tmp_path / "sub")
    result = json.loads(render("sarif", elsewhere))["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (tmp_path / "drafts" / "a.md").resolve().as_uri()
