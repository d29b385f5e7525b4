"""`--format junit`: a JUnit XML report for CI test tabs (GitLab, Jenkins, Azure).

One test case per draft, named by its path; a draft with findings fails, with
one `<failure>` per finding (`line:column: [rule] message`, the source
sentences in the body). Clean drafts pass, so the tab lists what was checked.

Claims and source sentences are whatever drafts and articles hold, and XML 1.0
forbids most control characters even escaped: ElementTree writes them anyway and
the CI's parser rejects the whole report. They are removed from every text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from typing import TextIO

from factlint.output.results import LintRun, LocatedFinding


@cache
def _not_xml() -> re.Pattern[str]:
    """Compiled when first needed: 7 ms of every `factlint lint`'s start-up, for `--format junit`."""
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/F)."""
    return _not_xml().sub("", text)


def write_junit(run: LintRun, stream: TextIO) -> None:
    failed = str(run.flagged_count)
    checked = str(len(run.results))
    counts = {"tests": checked, "failures": failed, "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "factlint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "factlint", **counts})
    for result in run.results:
        path = xml_text(run.relative(result.path))
        case = ET.SubElement(suite, "testcase", {"classname": "factlint", "name": path, "file": path})
        for item in result.findings:
            failure = ET.SubElement(
                case,
                "failure",
                {"message": xml_text(_headline(item)), "type": xml_text(item.finding.rule)},
            )
            failure.text = xml_text(_details(run, path, item))
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")


def _headline(item: LocatedFinding) -> str:
    finding = item.finding
    return f"{item.line}:{item.column}: {finding.severity.value}[{finding.rule}] {finding.message}"


def _details(run: LintRun, path: str, item: LocatedFinding) -> str:
    lines = [f"{path}:{_headline(item)}", f"claim: {item.finding.claim_text}"]
    for source in item.finding.sources:
        where = source.sentence_location
        sentence = " ".join(source.sentence.split())
        lines.append(f"source: {run.relative(where.path)}:{where.line}: {sentence}")
    return "\n".join(lines)
