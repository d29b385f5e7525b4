"""The spaCy pipeline: a blank English one by default, an installed model only on request.

factlint needs tokens and sentences, which a blank pipeline gives; its own rules
do the rest. A configured model (e.g. `en_core_web_sm`) is used when installed,
and its absence is an error that says so, never a download.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from factlint.errors import ConfigError


@lru_cache(maxsize=4)
def pipeline(model: str | None = None) -> Any:
    import spacy

    if model:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except OSError:
            raise ConfigError(
                "spacy-model", f"spaCy pipeline {model!r} is not installed; remove the setting"
            ) from None
    else:
        nlp = spacy.blank("en")
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    return nlp
