"""The slots a few words name, each with its history: `factlint facts --slot WORDS`.

Words with a value in them ("the US has 2,500 troops in Afghanistan") are read
as a draft would be, so the terminal shows exactly the history the hover shows.
Words without one ("US troops in Afghanistan") pick the slots of the fact base
(as `factlint facts` groups them) with a fact whose slot holds every content
word, what the value is of ("troops") among them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factlint.model import TimelinePoint
from factlint.slots.checker import HISTORY_KINDS, Checker
from factlint.slots.describe import describe_slot
from factlint.slots.grouping import SlotGroup
from factlint.slots.judge import StoredFact
from factlint.slots.words import words_of
from factlint.timeline import points, timeline

History = tuple[str, tuple[TimelinePoint, ...]]
"""A slot as people read it, and its values oldest first."""


def slot_histories(checker: Checker, groups: list[SlotGroup], words: str, when: date) -> list[History]:
    """The histories of the slots `words` name, compared as of `when`; `groups`: the fact base's
    slots (`Engine.slots`), searched when `words` hold no value."""
    found: list[History] = []
    for claim in checker.claims(words, when):
        if claim.kind not in HISTORY_KINDS:
            continue
        rule = checker.rule_for(claim)
        history = timeline(checker.judge, claim, rule) if rule is not None else ()
        if history:
            found.append((describe_slot(claim), history))
    return found or _by_words(checker, groups, words, when)


def _by_words(checker: Checker, groups: list[SlotGroup], words: str, when: date) -> list[History]:
    """The slots with a fact whose slot has every content word of `words`, its head among them."""
    lexicon = checker.rules.lexicon
    keys = {lexicon.synonym(w.lemma) for w in words_of(checker.nlp(words)) if w.content}
    found: list[History] = []
    for group in groups:
        facts = [fact for fact, _ in group.facts]
        if group.kind not in HISTORY_KINDS or not any(_names(fact, keys) for fact in facts):
            continue
        latest = facts[-1]  # groups hold their facts oldest first
        claim = replace(latest.mention, said_on=when)
        rule = checker.rule_for(claim)
        if rule is None:
            continue
        compared = {f.id for _, f in checker.judge.in_force(claim, [(1.0, f) for f in facts], rule)}
        found.append((group.about, points(checker.judge, facts, compared)))
    return found


def _names(fact: StoredFact, keys: set[str]) -> bool:
    """Whether `keys` name the fact's slot: its head among them, all of them in its words."""
    slot = fact.mention.slot
    held = set(dict(slot.context)) | {slot.head} | {w for name in slot.names for w in name.split()}
    return bool(keys) and slot.head in keys and keys <= held
