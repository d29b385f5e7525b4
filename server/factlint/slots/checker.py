"""A draft paragraph in, findings and confirmations out: the extractor, then the judge, claim by claim.

Each sentence is checked on its own and memoised by its text, its date and the
previous sentence it may borrow words from, so a keystroke re-checks one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from factlint.corpus.store import FactStore
from factlint.model import Confirmation, Finding, Kind
from factlint.rulebook.ruleset import RuleSet
from factlint.rulebook.schema import RuleSpec
from factlint.slots.extract import ReadMention, extract_paragraph
from factlint.slots.judge import Judge, Outcome
from factlint.slots.model import Mention, Title
from factlint.text.nlp import pipeline
from factlint.timeline import timeline
from factlint.unsourced import unsourced_finding

HISTORY_KINDS = frozenset({Kind.QUANTITY, Kind.DURATION, Kind.EVENT_DATE, Kind.ROLE})
"""Kinds whose slot has a history worth showing; a place or a person is a name, not a value over time."""


@dataclass
class ParagraphResult:
    findings: list[Finding] = field(default_factory=list)
    confirmations: list[Confirmation] = field(default_factory=list)
    unsourced: int = 0
    """Claims whose slot no source fills: new information."""
    out_of_time: int = 0
    """Claims whose slot the sources fill, but none near the draft's date."""
    unsourced_claims: list[Finding] = field(default_factory=list)
    """The unsourced claims, as `unsourced-claim` findings (none when that check is off)."""


class Checker:
    def __init__(self, fact_base: FactStore, rules: RuleSet, spacy_model: str | None = None) -> None:
        self.fact_base = fact_base
        self.rules = rules
        self.nlp = pipeline(spacy_model)
        self.known_names = frozenset(fact_base.name_words)
        self.judge = Judge(fact_base, rules.lexicon, self.rule_for)

    def check_paragraph(
        self, text: str, when: date, date_known: bool = True, lead: str = ""
    ) -> ParagraphResult:
        """`lead`: the paragraph before, when this one may refer back to it (`with_leads`)."""
        result = ParagraphResult()
        reads = self._read(text, when, date_known, lead)
        for read in reads:
            siblings = [r.mention for r in reads if r.sentence_start == read.sentence_start and r is not read]
            claim = read.mention
            outcome = self.judge_claim(claim, siblings)
            if outcome is not None and outcome.unsourced and read.fallback is not None:
                other = self.judge_claim(read.fallback, siblings)
                if other is not None and other.result is not None:
                    claim, outcome = read.fallback, other  # the other reading has a source
            if outcome is None:
                continue
            _count(self._with_timeline(claim, outcome), result)
            if outcome.unsourced and self.rules.unsourced is not None:
                unsourced = unsourced_finding(claim, self.rules.unsourced)
                if unsourced is not None:
                    result.unsourced_claims.append(unsourced)
        return result

    def _with_timeline(self, claim: Mention, outcome: Outcome) -> Outcome:
        """The outcome with the slot's history on its finding or confirmation (for the hover)."""
        rule = self.rule_for(claim)
        if outcome.result is None or rule is None or claim.kind not in HISTORY_KINDS:
            return outcome
        return replace(outcome, result=replace(outcome.result, timeline=timeline(self.judge, claim, rule)))

    def claims(self, text: str, when: date, date_known: bool = True) -> list[Mention]:
        """The values a draft paragraph states, each with its slot (offsets within `text`)."""
        return [read.mention for read in self._read(text, when, date_known)]

    def _read(self, text: str, when: date, date_known: bool, lead: str = "") -> list[ReadMention]:
        return list(
            extract_paragraph(
                text,
                when,
                self.rules.lexicon,
                self.nlp,
                date_known=date_known,
                known_names=self.known_names,
                lead=lead,
            )
        )

    def judge_claim(self, claim: Mention, siblings: list[Mention] | None = None) -> Outcome | None:
        """The verdict on one claim; None when no active rule covers its kind. `siblings` are the
        other values of its sentence: a fact one of them states is theirs, not this claim's."""
        rule = self.rule_for(claim)
        return None if rule is None else self.judge.judge(claim, rule, siblings or [])

    def rule_for(self, claim: Mention) -> RuleSpec | None:
        """The active rule that judges `claim`, if any."""
        title = claim.value.head if isinstance(claim.value, Title) else None
        return self.rules.rule_for(claim.kind, claim.slot.head or None, title)


def _count(outcome: Outcome, result: ParagraphResult) -> None:
    if isinstance(outcome.result, Finding):
        result.findings.append(outcome.result)
    elif isinstance(outcome.result, Confirmation):
        result.confirmations.append(outcome.result)
    result.unsourced += outcome.unsourced
    result.out_of_time += outcome.out_of_time
