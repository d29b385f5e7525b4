"""A rule's `link:` is where a finding's "About this rule" leads: it must open, offline.

A URL is kept as written; a path is a page beside the rule file (as in a Markdown
link), checked when the rule loads and given as a `file:` URI. A team that hosts
factlint's docs sets `docs-url`, and links into the installed docs move there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.cli.main import main
from factlint.config import Config
from factlint.resources import builtin_rules_dir, docs_dir
from factlint.rulebook.loader import load_rules

RULE = "id: stations\nkind: quantity\nmessage: '{expected}, not {claim}'\nnouns: [station]\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_built_in_rule_links_to_its_section_of_the_shipped_rules_page() -> None:
    rules = load_rules(Config())
    quantity = next(r for r in rules.rules if r.id == "quantity-mismatch")
    assert quantity.link == (docs_dir() / "rules.md").resolve().as_uri() + "#quantity"


def test_a_path_in_link_is_a_page_beside_the_rule_file(tmp_path: Path) -> None:
    write(tmp_path / "desk" / "docs" / "stations.md", "# Counting stations\n")
    write(tmp_path / "desk" / "stations.yaml", RULE + "link: docs/stations.md#counting-stations\n")
    [rule] = [r for r in load_rules(Config(rule_dirs=(tmp_path / "desk",))).rules if r.id == "stations"]
    assert rule.link == (tmp_path / "desk" / "docs" / "stations.md").as_uri() + "#counting-stations"


def test_a_url_in_link_is_kept_as_written(tmp_path: Path) -> None:
    write(tmp_path / "desk" / "stations.yaml", RULE + "link: https://wiki.example.org/desk/stations\n")
    [rule] = [r for r in load_rules(Config(rule_dirs=(tmp_path / "desk",))).rules if r.id == "stations"]
    assert rule.link == "https://wiki.example.org/desk/stations"


def test_a_link_to_a_missing_page_is_a_problem_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "stations.yaml", RULE + "link: docs/station.md\n")
    assert main(["rules", "check", str(path)]) == 2
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{path}:5:7: link 'docs/station.md' names no file (looked for {tmp_path / 'docs' / 'station.md'})"
    )


def test_with_docs_url_links_into_the_docs_go_to_the_team_s_copy(tmp_path: Path) -> None:
    write(tmp_path / "desk" / "docs" / "stations.md", "# Stations\n")
    write(tmp_path / "desk" / "stations.yaml", RULE + "link: docs/stations.md\n")
    config = Config(
        rule_dirs=(tmp_path / "desk",), docs_url="https://git.example.org/newsroom/factlint/docs/"
    )
    links = {r.id: r.link for r in load_rules(config).rules}
    assert links["quantity-mismatch"] == "https://git.example.org/newsroom/factlint/docs/rules.md#quantity"
    assert links["stations"] == (tmp_path / "desk" / "docs" / "stations.md").as_uri()


def test_docs_url_reaches_the_json_and_sarif_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "factlint.toml", 'docs-url = "https://git.example.org/newsroom/factlint/docs"\n')
    draft = write(
        tmp_path / "draft.md", "---\ndate: 2021-04-02\n---\n\nThe US has 3,000 troops in Afghanistan.\n"
    )
    cache = str(tmp_path / "cache")
    main(["lint", "--format", "json", "--cache-dir", cache, str(draft)])
    assert (
        '"rule_url": "https://git.example.org/newsroom/factlint/docs/rules.md#quantity"'
        in capsys.readouterr().out
    )
    main(["lint", "--format", "sarif", "--cache-dir", cache, str(draft)])
    sarif = capsys.readouterr().out
    assert '"informationUri": "https://git.example.org/newsroom/factlint/docs/"' in sarif
    assert '"helpUri": "https://git.example.org/newsroom/factlint/docs/rules.md#quantity"' in sarif


def test_docs_url_must_be_a_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path / "factlint.toml", 'docs-url = "docs/"\n')
    assert main(["rules", "list", "--config", str(config)]) == 2
    assert capsys.readouterr().err == (
        f"factlint: {config}:1:12: setting 'docs-url' must be a URL (https://...) of the folder holding"
        " factlint's docs, not 'docs/'\n"
    )


def test_every_built_in_rule_has_a_link_into_the_docs() -> None:
    for path in sorted(builtin_rules_dir().glob("*.yaml")):
        assert "\nlink: ../docs/rules.md#" in path.read_text(encoding="utf-8"), path.name
