"""Where the files that ship with factlint live: built-in rules, the seed corpus, the docs.

In an installed wheel they sit inside the package (`factlint/_builtin_rules`,
`factlint/_seeds`, `factlint/docs`); in a checkout (editable install) they are the
top-level `rules/`, `seeds/` and `docs/` folders beside `server/` (the source root).
The docs folder has the same name in both, one level above the rules, so a built-in
rule's `link: ../docs/rules.md#quantity` finds its page either way, offline.
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


def docs_dir() -> Path:
    return _data_dir("docs", "docs")
