"""`factlint rules explain RULE`: one rule's documentation in the terminal, as `ruff rule` does.

A writer who meets `quantity-mismatch` in a report should not need a browser, or
the repository, to learn what it checks: this prints the rule's description, its
message, every key of its kind with this rule's value and what the key means, its
examples, and where its page is. The keys come from the spec class's fields and
their docstrings (the same source as the tables in docs/rules.md), so a key added
to a kind is explained here without touching this module.
"""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Iterator
from typing import Any

from factlint.errors import InputError
from factlint.output.text_format import display_path
from factlint.rulebook.reference import field_docs
from factlint.rulebook.schema import ONE_WORD, Examples, RuleSpec, yaml_key
from factlint.rulebook.suppressions import UNKNOWN_SUPPRESSION

WIDTH = 100
"""Lines are wrapped at this width (or the terminal's, when narrower: see `run_explain`)."""
SHOWN_ITEMS = 8
"""A long vocabulary (the role rule's 70 titles) is shown by its first items and its size."""
SHOWN_NESTED = 3
"""Inside a table or a group list, fewer: the place rule's regions each list dozens of places."""

SUPPRESSION_TEXT = """\
unknown-suppression: a check, not a rule file (severity warning by default)

A suppression comment (<!-- factlint-disable-next-line RULE -->) that names a rule id no
loaded rule has is reported on that id, with the closest known id as the suggested fix:
a misspelt id would otherwise silence nothing, quietly. Turn it off with
disable = ["unknown-suppression"], or give it another severity under [severity].
"""


def explain(rule_id: str, rules: list[RuleSpec], width: int | None = None) -> str:
    """The explanation of `rule_id` among `rules`; `InputError` with a did-you-mean if none has it."""
    if rule_id == UNKNOWN_SUPPRESSION:
        return SUPPRESSION_TEXT
    by_id = {rule.id: rule for rule in rules}
    if rule_id not in by_id:
        import difflib

        close = difflib.get_close_matches(rule_id, [*by_id, UNKNOWN_SUPPRESSION], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(sorted(by_id))})"
        raise InputError(rule_id, f"no loaded rule has this id{hint}")
    width = width or WIDTH
    return "\n".join(_lines(by_id[rule_id], width)) + "\n"


def _lines(rule: RuleSpec, width: int) -> Iterator[str]:
    yield f"{rule.id}: a {rule.kind.value} rule, severity {rule.severity.value}"
    yield f"defined in {display_path(rule.path)}:{rule.line}"
    if rule.description:
        yield ""
        yield from _wrap(" ".join(rule.description.split()), width, "")
    yield ""
    yield f"message: {rule.message}"
    yield ""
    yield f"keys of a {rule.kind.value} rule, with this rule's values:"
    yield from _keys(rule, width)
    if rule.examples.cases:
        yield ""
        yield "examples, checked by `factlint rules test`:"
        yield from _examples(rule.examples, width)
    if rule.link:
        yield ""
        yield f"documentation: {rule.link}"


def _keys(rule: RuleSpec, width: int) -> Iterator[str]:
    docs = field_docs(type(rule.spec))
    for field in dataclasses.fields(rule.spec):
        value = getattr(rule.spec, field.name)
        default = (
            field.default_factory() if field.default_factory is not dataclasses.MISSING else field.default
        )
        note = "  (default)" if value == default else ""
        setting = f"{yaml_key(field.name)}: {_value(value)}{note}"
        yield from _wrap(setting, width, "  ", " " * 6)
        doc = docs.get(field.name, "") + (" One word each." if field.metadata.get(ONE_WORD) else "")
        yield from _wrap(doc, width, " " * 6)


def _examples(examples: Examples, width: int) -> Iterator[str]:
    indent = " " * 6
    if examples.corpus:
        written = f", written {examples.corpus_date.isoformat()}" if examples.corpus_date else ""
        yield f"  sources{written}:"
        for line in examples.corpus.strip().splitlines():
            yield from _wrap(line, width, indent)
    else:
        yield "  sources: the configured corpus"
    dated = f" (drafts written {examples.date.isoformat()})" if examples.date else ""
    for label, cases in (("flagged", examples.flag), ("left alone", examples.pass_)):
        if cases:
            yield f"  {label}{dated}:"
            for case in cases:
                yield from _wrap(case.text, width, indent)


def _wrap(text: str, width: int, indent: str, then: str | None = None) -> list[str]:
    """Lines of at most `width`, broken between words only: a "co-founder" stays whole."""
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent if then is None else then,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _value(value: Any, depth: int = 0) -> str:
    """A key's value as it would be written in YAML; long lists cut short, nested ones shorter."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, tuple):
        return _listing([_value(v, depth + 1) for v in value], "[]", depth)
    if isinstance(value, dict):
        return _listing([f"{k}: {_value(v, depth + 1)}" for k, v in value.items()], "{}", depth)
    return str(value)


def _listing(items: list[str], brackets: str, depth: int) -> str:
    shown = SHOWN_ITEMS if depth == 0 else SHOWN_NESTED
    if len(items) <= shown:
        return f"{brackets[0]}{', '.join(items)}{brackets[1]}"
    return f"{brackets[0]}{', '.join(items[:shown])}, ...{brackets[1]} ({len(items)} in all)"
