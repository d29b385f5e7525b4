"""Run the examples a rule file carries: sentences that must be flagged, and ones that must pass.

Like prh's rule tests, a rule whose examples fail does not ship. Each rule's
examples run against its inline mini-corpus (one article) when it has one,
else against the configured corpus. The rule alone judges claims of its kind
while its examples run (other rules still lend their vocabulary), so a user's
more specific rule does not take a built-in rule's examples from it.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from factlint.config import Config
from factlint.corpus.factbase import load_fact_base
from factlint.engine import Engine
from factlint.rulebook.ruleset import RuleSet
from factlint.rulebook.schema import Example, RuleSpec


@dataclass(frozen=True)
class ExampleFailure:
    rule: RuleSpec
    example: Example
    problem: str

    def describe(self) -> str:
        return (
            f"{self.rule.path}:{self.example.line}:1: [{self.rule.id}] {self.problem}: {self.example.text!r}"
        )


def run_examples(config: Config, rules: RuleSet) -> tuple[int, list[ExampleFailure]]:
    """(examples run, failures) for every active rule."""
    failures: list[ExampleFailure] = []
    count = 0
    with tempfile.TemporaryDirectory(prefix="factlint-examples-") as scratch:
        for n, rule in enumerate(rules.rules):
            if not rule.examples.cases:
                continue
            engine = _engine_for(rule, config, rules.focused(rule), Path(scratch) / str(n))
            when = rule.examples.date
            for example in rule.examples.cases:
                count += 1
                hits = [f for f in engine.check(example.text, when).findings if f.rule == rule.id]
                if example.flag and not hits:
                    failures.append(ExampleFailure(rule, example, "should be flagged but passes"))
                elif not example.flag and hits:
                    failures.append(
                        ExampleFailure(rule, example, f"should pass but is flagged ({hits[0].message})")
                    )
    return count, failures


def _engine_for(rule: RuleSpec, config: Config, rules: RuleSet, folder: Path) -> Engine:
    if rule.examples.corpus is None:
        return Engine(config, rules, load_fact_base(config, rules))
    folder.mkdir(parents=True)
    when = rule.examples.corpus_date
    head = f"date {when.isoformat()}\n" if when else ""
    (folder / "example.txt").write_text(head + rule.examples.corpus, encoding="utf-8")
    local = replace(config, corpus_dirs=(folder,), fact_files=(), cache_dir=folder / ".cache")
    return Engine(local, rules, load_fact_base(local, rules))
