"""What `factlint lint` prints: compiler-style text, and the JSON contract of the eval scorer.

The JSON contract (see the scorer's docstring): an array of diagnostics with
`path`, 1-based `line` and `column`, `end_line`, exclusive `end_column` counted
in characters, `severity`, `rule`, `message` and `sources`, each source with
`path`, `line`, `column` and `sentence`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .running import factlint, write_draft

DRAFT = (
    "Ankara's top diplomat was busy.\n"
    "\n"
    "Turkish Foreign Minister Mevlüt Çavuşoğlu met Afghan President Ashraf Ghani in Uzbekistan this week.\n"
    "\n"
    "The US has 3,000 troops in Afghanistan.\n"
)
TEXT_LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info)"
    r"\[(?P<rule>[a-z-]+)\] (?P<message>.+) \(source: (?P<source>.+):(?P<source_line>\d+)\)$"
)


def position(draft: Path, text: str) -> tuple[int, int]:
    """The 1-based line and character column where `text` first stands in `draft`."""
    for number, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text!r} is not in {draft}")


def lint_json(draft: Path, cache: Path) -> list[dict[str, Any]]:
    result = factlint("lint", "--format", "json", draft, cache=cache)
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert isinstance(payload, list)
    return payload


def test_text_output_is_one_compiler_style_line_per_finding(tmp_path: Path, cache: Path) -> None:
    draft = write_draft(tmp_path, "draft.md", DRAFT)
    result = factlint("lint", draft, cache=cache, cwd=tmp_path)
    assert result.returncode == 1
    findings = [line for line in result.stdout.splitlines() if line.startswith("draft.md:")]
    parsed = [TEXT_LINE.match(line) for line in findings]
    assert all(parsed), findings
    assert [(m["path"], int(m["line"]), int(m["column"]), m["rule"]) for m in parsed if m] == [
        ("draft.md", *position(draft, "Uzbekistan"), "place-mismatch"),
        ("draft.md", *position(draft, "3,000"), "quantity-mismatch"),
    ]
    assert all(Path(m["source"]).name.startswith(("000_", "001_")) for m in parsed if m)


def test_json_locates_each_claim_by_line_and_character_columns(tmp_path: Path, cache: Path) -> None:
    draft = write_draft(tmp_path, "draft.md", DRAFT)
    lines = draft.read_text(encoding="utf-8").splitlines()
    diagnostics = lint_json(draft, cache)
    assert [lines[d["line"] - 1][d["column"] - 1 : d["end_column"] - 1] for d in diagnostics] == [
        "Uzbekistan",
        "3,000",
    ]
    for d in diagnostics:
        assert Path(d["path"]).resolve() == draft.resolve()
        assert d["end_line"] == d["line"]
        assert d["severity"] in ("error", "warning")
        assert isinstance(d["rule"], str) and d["rule"]
        assert isinstance(d["message"], str) and d["message"]


def test_json_columns_count_characters_not_bytes(tmp_path: Path, cache: Path) -> None:
    # "Çavuşoğlu" has multi-byte letters before the flagged place.
    draft = write_draft(tmp_path, "draft.md", DRAFT)
    [place, _] = lint_json(draft, cache)
    assert (place["line"], place["column"]) == position(draft, "Uzbekistan")


def test_json_sources_point_at_their_sentence_in_the_file(tmp_path: Path, cache: Path) -> None:
    draft = write_draft(tmp_path, "draft.md", DRAFT)
    for d in lint_json(draft, cache):
        assert d["sources"]
        for source in d["sources"]:
            assert {"path", "line", "column", "sentence"} <= source.keys()
            raw = Path(source["path"]).read_text(encoding="utf-8").splitlines()[source["line"] - 1]
            at = raw[source["column"] - 1 :]
            # 000 is HTML: strip tags before comparing with the sentence as read.
            assert re.sub(r"<[^>]+>", "", at).startswith(source["sentence"])


def test_json_of_a_clean_draft_is_an_empty_array(tmp_path: Path, cache: Path) -> None:
    draft = write_draft(tmp_path, "clean.md", "The US has 2,500 troops in Afghanistan.\n")
    result = factlint("lint", "--format", "json", draft, cache=cache)
    assert result.returncode == 0
    assert json.loads(result.stdout) == []
