"""The code whose edits change what the fact base stores: what the store key hashes.

Why not the whole of `corpus/`: a key that covers read-only code (ranking, the read path,
the server) makes every archive rebuild after a change that stores nothing new (2.7
CPU-hours at a million articles). What decides a store's content is the extraction, the
record format, how articles and rule files are read, and whatever those import: this
module follows their `factlint` imports from `ROOTS` and hashes every module reached. The
store's own layout (tables, and what `corpus.store` writes beside the records) is covered
by `factbase.STORE_FORMAT`, bumped by hand, so its read path stays free to change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOTS = (
    "factlint.corpus.extraction",  # an article's facts, keys, names and sketch
    "factlint.corpus.records",  # the rows made of them
    "factlint.corpus.reader",  # what an article's text, dates and places are
    "factlint.corpus.factfiles",  # facts declared by hand, read as articles
    "factlint.rulebook.loader",  # rule files to the lexicon the extraction reads them with
)
"""Where what is stored is decided; every module they import, at any depth, counts too."""

_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(factlint[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)|import[ \t]+([^\n]*))",
    re.MULTILINE,
)
_NAME = re.compile(r"factlint(?:\.\w+)*|\w+")


def modules(package: Path) -> dict[str, Path]:
    """Every module of the package folder `package` by name (`factlint.a.b`), from one walk: a
    name imported from a module (a class, a function) would otherwise cost a `stat` or two."""
    found: dict[str, Path] = {}
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        parts = Path(folder).relative_to(package).parts
        for name in names:
            if name.endswith(".py"):
                stem = name[:-3]
                dotted = ("factlint", *parts) if stem == "__init__" else ("factlint", *parts, stem)
                found[".".join(dotted)] = Path(folder, name)
    return found


def imported(source: str) -> set[str]:
    """Every `factlint` module `source` may import, at any depth in it (a function's own imports
    too); a name imported from a package counts as a module in case it is one. Text that only
    looks like an import (in a docstring) adds a module, never loses one."""
    found: set[str] = set()
    for module, names, plain in _IMPORT.findall(source):
        if module:
            found.add(module)
            found.update(f"{module}.{name}" for name in _NAME.findall(names) if name != "as")
        else:
            found.update(name for name in _NAME.findall(plain) if name.startswith("factlint"))
    return found


def stored_code(package: Path, roots: tuple[str, ...] = ROOTS) -> list[Path]:
    """The files of `roots` and of every module they import, with their packages' `__init__`s."""
    known = modules(package)
    files: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module in files or module not in known:
            continue
        path = files[module] = known[module]
        parts = module.split(".")
        todo.extend(".".join(parts[:n]) for n in range(1, len(parts)))
        todo.extend(imported(path.read_text(encoding="utf-8")))
    return sorted(files.values())
