"""A throwaway project for rule-file tests: a corpus, rule folders and fact files on disk.

`project.write("rules/stations.yaml", "...")` writes a file; `project.engine(...)`
opens the real engine over them, its fact base cached inside the test's folder.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factlint.config import Config
from factlint.engine import Engine
from factlint.model import Finding


@dataclass
class Project:
    root: Path

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def config(self, rules: tuple[str, ...] = (), facts: tuple[str, ...] = (), **more: object) -> Config:
        return Config(
            corpus_dirs=(self.root / "corpus",),
            rule_dirs=tuple(self.root / r for r in rules),
            fact_files=tuple(self.root / f for f in facts),
            cache_dir=self.root / "cache",
            **more,  # type: ignore[arg-type]
        )

    def engine(self, rules: tuple[str, ...] = (), facts: tuple[str, ...] = (), **more: object) -> Engine:
        return Engine.open(self.config(rules, facts, **more))

    def findings(
        self, draft: str, on: str, rules: tuple[str, ...] = (), facts: tuple[str, ...] = (), **more: object
    ) -> list[Finding]:
        engine = self.engine(rules, facts, **more)
        return engine.check(textwrap.dedent(draft).lstrip("\n"), date.fromisoformat(on)).findings
