"""`--format sarif`: a SARIF 2.1.0 log for code-scanning dashboards.

One `reportingDescriptor` per active rule (description, default level, and a help
link: the rule's page in the installed docs, or under the team's `docs-url`); one
result per finding, its location in the draft and, as `relatedLocations`, the
source sentences that contradict it, linked from the message. Draft paths are
relative to `%SRCROOT%` (the working folder), which code scanning maps onto the
repository. Columns count characters, so the run says `columnKind: unicodeCodePoints`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from factlint import __version__
from factlint.model import Finding, Location, Severity
from factlint.output.results import LintRun, LocatedFinding, RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_ID = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def write_sarif(run: LintRun, stream: TextIO) -> None:
    json.dump(sarif_log(run), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def sarif_log(run: LintRun) -> dict[str, Any]:
    rules = _rules(run)
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = [
        _result(run, r.path, item, index[item.finding.rule]) for r in run.results for item in r.findings
    ]
    return sarif_document(run.root, [_descriptor(rule) for rule in rules], results, run.docs_url)


def sarif_document(
    root: Path, rules: list[dict[str, Any]], results: list[dict[str, Any]], docs_url: str | None = None
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of one factlint run: `rules` its reporting descriptors, paths under `root`."""
    driver: dict[str, Any] = {"name": "factlint", "version": __version__, "semanticVersion": __version__}
    if docs_url:
        # Only where a team hosts the docs: factlint has no public home to point at.
        driver["informationUri"] = docs_url
    driver["rules"] = rules
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {ROOT_ID: {"uri": root.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "invocations": [{"executionSuccessful": True}],
                "results": results,
            }
        ],
    }


def _rules(run: LintRun) -> list[RuleInfo]:
    """The active rules, one per id, plus any rule a finding names that is not among them."""
    rules: dict[str, RuleInfo] = {}
    for rule in run.rules:
        rules.setdefault(rule.id, rule)
    for result in run.results:
        for item in result.findings:
            f = item.finding
            rules.setdefault(f.rule, RuleInfo(f.rule, f.kind, f.severity, link=f.doc_url))
    return list(rules.values())


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    description = " ".join(rule.description.split()) or f"A {rule.kind.value} contradiction."
    short = description.split(". ")[0].rstrip(".") + "."
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(part.title() for part in rule.id.split("-")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": description},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "none")},
        "properties": {"tags": ["factlint", rule.kind.value]},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
        descriptor["help"] = {
            "text": f"{description} See {rule.link}",
            "markdown": f"{description}\n\n[Rule documentation]({rule.link})",
        }
    return descriptor


def _result(run: LintRun, path: str, item: LocatedFinding, rule_index: int) -> dict[str, Any]:
    finding = item.finding
    region = {
        "startLine": item.line,
        "startColumn": item.column,
        "endLine": item.end_line,
        "endColumn": item.end_column,
        "snippet": {"text": finding.claim_text},
    }
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "none"),
        "message": {"text": _message(finding)},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(run, path), "region": region}}],
        "relatedLocations": [
            _related(run, i, source.sentence_location, source.sentence, source.article.title)
            for i, source in enumerate(finding.sources)
        ],
        "properties": {"kind": finding.kind.value, "expected": list(finding.expected)},
    }


def _message(finding: Finding) -> str:
    """The finding's message with links to its sources (`[source](0)` names relatedLocations[0])."""
    text = _escape_brackets(finding.message)
    links = ", ".join(f"[source {i + 1}]({i})" for i in range(len(finding.sources)))
    return f"{text} ({links})" if links else text


def _escape_brackets(text: str) -> str:
    """SARIF reads `[text](n)` as a link, so literal brackets are escaped."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _related(run: LintRun, i: int, where: Location, sentence: str, title: str | None) -> dict[str, Any]:
    region = {
        "startLine": where.line,
        "startColumn": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
        "snippet": {"text": sentence},
    }
    flat = " ".join(sentence.split())
    label = _escape_brackets(f"{title}: {flat}" if title else flat)
    return {
        "id": i,
        "message": {"text": label},
        "physicalLocation": {"artifactLocation": _artifact(run, where.path), "region": region},
    }


def _artifact(run: LintRun, path: str) -> dict[str, Any]:
    relative = run.relative(path)
    if relative != path or not Path(path).is_absolute():
        return {"uri": quote(relative), "uriBaseId": ROOT_ID}
    return {"uri": Path(path).as_uri()}
