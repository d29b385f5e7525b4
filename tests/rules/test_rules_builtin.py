"""The built-in rules are written in the user's format, and each proves itself with examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.config import Config
from factlint.resources import builtin_rules_dir
from factlint.rulebook.examples import run_examples
from factlint.rulebook.loader import check_rule_paths, iter_rule_files, load_rule_file, load_rules
from factlint.rulebook.schema import SPEC_FOR_KIND, RuleSpec

BUILTIN = [spec for path in iter_rule_files(builtin_rules_dir()) for spec in load_rule_file(path)]


def test_the_builtin_rule_files_pass_rules_check() -> None:
    assert check_rule_paths([builtin_rules_dir()]) == (len(list(iter_rule_files(builtin_rules_dir()))), [])


def test_every_kind_has_a_builtin_rule() -> None:
    assert {spec.kind for spec in BUILTIN} == set(SPEC_FOR_KIND)


@pytest.mark.parametrize("rule", BUILTIN, ids=[spec.id for spec in BUILTIN])
def test_every_builtin_rule_has_examples_to_flag_and_to_pass(rule: RuleSpec) -> None:
    assert rule.examples.flag, f"{rule.id} has no example it must flag"
    assert rule.examples.pass_, f"{rule.id} has no example it must pass"


@pytest.mark.parametrize("rule", BUILTIN, ids=[spec.id for spec in BUILTIN])
def test_every_builtin_rule_documents_itself(rule: RuleSpec) -> None:
    assert rule.description and rule.link and rule.link.endswith(f"#{rule.kind.value}")


def test_the_examples_of_every_builtin_rule_hold(tmp_path: Path) -> None:
    config = Config(cache_dir=tmp_path)
    count, failures = run_examples(config, load_rules(config))
    assert [f.describe() for f in failures] == []
    assert count == sum(len(rule.examples.cases) for rule in BUILTIN)
