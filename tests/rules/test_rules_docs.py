"""docs/rules.md documents every key, its tables are generated from the specs, its examples work."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from factlint.config import Config, config_from_mapping
from factlint.corpus.factfiles import parse_facts
from factlint.rulebook.examples import run_examples
from factlint.rulebook.loader import load_rules, parse_rules
from factlint.rulebook.reference import block_names, documented_keys, render, render_blocks
from factlint.rulebook.schema import SPEC_FOR_KIND

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def rule_blocks() -> list[str]:
    return [block for block in fenced("yaml") if re.search(r"^kind:", block, re.M)]


@pytest.mark.parametrize("section", sorted(documented_keys()))
def test_every_key_a_user_can_write_is_documented(section: str) -> None:
    undocumented = [key for key, doc in documented_keys()[section].items() if not doc]
    assert undocumented == [], f"add a docstring under these fields ({section}): {undocumented}"


def test_the_key_tables_in_the_docs_are_current() -> None:
    current = DOC.read_text(encoding="utf-8")
    assert render(current) == current, (
        "docs/rules.md is stale: run python -m factlint.rulebook.reference --write docs/rules.md"
    )


def test_the_docs_show_every_generated_table() -> None:
    assert sorted(block_names(DOC.read_text(encoding="utf-8"))) == sorted(render_blocks())


def test_every_kind_has_an_example_rule_in_the_docs() -> None:
    kinds = {spec.kind for block in rule_blocks() for spec in parse_rules(block, "docs/rules.md")}
    assert kinds == set(SPEC_FOR_KIND)


def test_the_example_rules_in_the_docs_pass_their_own_examples(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    for n, block in enumerate(rule_blocks()):
        (folder / f"rule{n}.yaml").write_text(block, encoding="utf-8")
    config = Config(rule_dirs=(folder,), cache_dir=tmp_path / "cache")
    count, failures = run_examples(config, load_rules(config))
    assert [f.describe() for f in failures] == []
    assert count >= 2 * len(rule_blocks())


def test_the_fact_file_example_in_the_docs_reads() -> None:
    (block,) = [b for b in fenced("yaml") if "statement:" in b]
    articles = parse_facts(block, "facts.yaml")
    assert [a.meta.url for a in articles] == [
        "https://example.org/pentagon-briefing",
        "Transit authority annual report 2024, p. 12",
    ]


def test_the_configuration_example_in_the_docs_reads(tmp_path: Path) -> None:
    (block,) = fenced("toml")
    config = config_from_mapping(tomllib.loads(block), tmp_path, "factlint.toml")
    assert config.severities == {"place-mismatch": "warning"}
    assert config.disabled_rules == frozenset({"person-mismatch"})


def test_every_yaml_block_in_the_docs_is_valid_yaml() -> None:
    for block in fenced("yaml"):
        yaml.safe_load(block)
