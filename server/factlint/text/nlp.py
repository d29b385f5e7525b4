"""The spaCy pipeline: a blank English one by default, an installed model only on request.

factlint needs tokens and sentences, which a blank pipeline gives; its own rules
do the rest. A configured model (e.g. `en_core_web_sm`) is used when it is an
installed spaCy pipeline package, and anything else is an error that says so,
never a download. `spacy.load` also takes a folder, or imports any installed
module and calls its `load()`: a repository's `factlint.toml` could name either,
so only a distribution that ships a spaCy pipeline (`<name>/meta.json`) is loaded.
"""

from __future__ import annotations

import importlib.metadata
import re
from functools import lru_cache
from typing import Any

from factlint.errors import ConfigError
from factlint.text.spacy_import import load_spacy

_PACKAGE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def is_installed_pipeline(name: str) -> bool:
    """Whether `name` is an installed distribution that ships a spaCy pipeline (meta.json)."""
    if not _PACKAGE_NAME.fullmatch(name):
        return False
    try:
        files = importlib.metadata.distribution(name).files or []
    except importlib.metadata.PackageNotFoundError:
        return False
    return any(f.parts[:1] == (name,) and f.name == "meta.json" for f in files)


@lru_cache(maxsize=4)
def pipeline(model: str | None = None) -> Any:
    spacy = load_spacy()
    if model:
        if not is_installed_pipeline(model):
            raise ConfigError(
                "spacy-model",
                f"spacy-model {model!r} is not an installed spaCy pipeline package "
                "(like en_core_web_sm); install it or remove the setting",
            )
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except OSError:
            raise ConfigError("spacy-model", f"spaCy pipeline {model!r} cannot be loaded") from None
    else:
        nlp = spacy.blank("en")
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    return nlp
