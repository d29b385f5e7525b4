"""The slots a few words name, each with its history: `factlint facts --slot WORDS`.

Words with a value in them ("the US has 2,500 troops in Afghanistan") are read
as a draft would be, so the terminal shows exactly the history the hover shows.
Words without one ("US troops in Afghanistan") pick the facts whose slot holds
every content word, what the value is of ("troops") among them; facts of one
kind counting or timing the same thing are one history.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factlint.model import TimelinePoint
from factlint.slots.checker import HISTORY_KINDS, Checker
from factlint.slots.describe import describe_slot
from factlint.slots.judge import StoredFact
from factlint.slots.words import words_of
from factlint.timeline import points, timeline

History = tuple[str, tuple[TimelinePoint, ...]]
"""A slot as people read it, and its values oldest first."""


def slot_histories(checker: Checker, words: str, when: date) -> list[History]:
    """The histories of the slots `words` name, compared as of `when`."""
    found: list[History] = []
    for claim in checker.claims(words, when):
        if claim.kind not in HISTORY_KINDS:
            continue
        rule = checker.rule_for(claim)
        history = timeline(checker.judge, claim, rule) if rule is not None else ()
        if history:
            found.append((describe_slot(claim), history))
    return found or _by_words(checker, words, when)


def _by_words(checker: Checker, words: str, when: date) -> list[History]:
    """Facts whose slot has every content word of `words`, its head among them, by head."""
    lexicon = checker.rules.lexicon
    keys = {lexicon.synonym(w.lemma) for w in words_of(checker.nlp(words)) if w.content}
    slots: dict[tuple[str, str, str], list[StoredFact]] = {}
    for fact, _ in checker.fact_base.iter_facts():
        slot = fact.mention.slot
        held = set(dict(slot.context)) | {slot.head} | {w for name in slot.names for w in name.split()}
        if fact.mention.kind in HISTORY_KINDS and slot.head in keys and keys <= held:
            slots.setdefault((fact.mention.kind.value, slot.dimension, slot.head), []).append(fact)
    found: list[History] = []
    for facts in slots.values():
        latest = max(facts, key=lambda f: (f.mention.said_on or date.min, f.id))
        claim = replace(latest.mention, said_on=when)
        rule = checker.rule_for(claim)
        if rule is None:
            continue
        compared = {f.id for _, f in checker.judge.in_force(claim, [(1.0, f) for f in facts], rule)}
        found.append((describe_slot(latest.mention), points(checker.judge, facts, compared)))
    return found
