"""Where the files that ship inside the package live: built-in rules and the seed corpus."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def builtin_rules_dir() -> Path:
    return _package_dir("factlint._builtin_rules")


def builtin_corpus_dir() -> Path:
    return _package_dir("factlint._seeds")
