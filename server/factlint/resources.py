"""Where the files that ship with factlint live: built-in rules and the seed corpus.

In an installed wheel they sit inside the package (`factlint/_builtin_rules`,
`factlint/_seeds`); in a checkout (editable install) they are the top-level
`rules/` and `seeds/` folders beside `server/` (the source root).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(installed_name: str, checkout_name: str) -> Path:
    installed = _PACKAGE / installed_name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / checkout_name


def builtin_rules_dir() -> Path:
    return _data_dir("_builtin_rules", "rules")


def builtin_corpus_dir() -> Path:
    return _data_dir("_seeds", "seeds")
