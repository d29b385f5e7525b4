"""spaCy imported without its command line, which factlint never runs.

`import spacy` imports `spacy.cli.info` for `spacy.info`, and with it every
command of spaCy's command line and their dependencies (typer, rich, requests,
httpx, weasel, jinja2): about a quarter of a second of CPU at every start-up of
`factlint lint` and of the language server, for code neither uses. While spaCy's
package is first imported, `spacy.cli` and `spacy.cli.info` are stand-ins; they
are removed right after, so `import spacy.cli` later imports the real package and
`spacy.info` imports it when called. Nothing of spaCy itself is changed. Should a
spaCy release import more of its command line at start-up, the stand-ins are
dropped and spaCy imported as usual.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_STANDINS = ("spacy.cli", "spacy.cli.info")


def load_spacy() -> types.ModuleType:
    """The `spacy` package, imported once, without its command line when possible."""
    found = sys.modules.get("spacy")
    if found is not None:
        return found
    try:
        with _command_line_deferred():
            return importlib.import_module("spacy")
    except ImportError:  # this spaCy needs more of its command line at import: import it all
        return importlib.import_module("spacy")


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, importing the command line it belongs to when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@contextmanager
def _command_line_deferred() -> Iterator[None]:
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update(zip(_STANDINS, (package, info), strict=True))
    try:
        yield
    finally:
        for name in _STANDINS:
            if sys.modules.get(name) in (package, info):
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is package:
            delattr(spacy, "cli")


def _stop_words() -> frozenset[str]:
    load_spacy()
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


STOP_WORDS = _stop_words()
"""spaCy's English stop words (importing them imports spaCy: here, without its command line)."""
