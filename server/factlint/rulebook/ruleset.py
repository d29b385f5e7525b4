"""The active rules, with the vocabularies the extractor needs merged across them.

Several rules may share a kind (a built-in quantity rule and a user's rule about
stations); extraction uses the union of their vocabularies, and each claim is
judged by the most specific rule that covers it (user rules win ties).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factlint.config import Config
from factlint.kinds import VOCABULARY
from factlint.kinds.duration import DurationSpec
from factlint.kinds.quantity import QuantitySpec
from factlint.kinds.role import RoleSpec
from factlint.model import Finding, Kind, Severity
from factlint.notices import NOT_COMPARED
from factlint.rulebook.lexicon import Lexicon, lemma_key
from factlint.rulebook.schema import RuleSpec
from factlint.rulebook.suppressions import UNKNOWN_SUPPRESSION, apply_suppressions
from factlint.unsourced import UNSOURCED

__all__ = ["Lexicon", "RuleSet"]


@dataclass
class RuleSet:
    rules: list[RuleSpec]
    lexicon: Lexicon
    by_kind: dict[Kind, list[RuleSpec]]
    known_ids: frozenset[str] = frozenset()
    """Every rule id loaded, active or not: what a suppression comment may name."""
    unknown_suppression: Severity | None = Severity.WARNING
    """The severity of the `unknown-suppression` check; None when it is disabled."""
    unsourced: Severity | None = Severity.INFO
    """The severity of the `unsourced-claim` check; None when it is disabled."""

    @classmethod
    def build(cls, specs: list[RuleSpec], config: Config) -> RuleSet:
        active: list[RuleSpec] = []
        for spec in specs:
            if spec.id in config.disabled_rules:
                continue
            override = config.severities.get(spec.id)
            if override:
                spec = replace(spec, severity=Severity(override))
            if spec.severity is not Severity.OFF:
                active.append(spec)
        by_kind: dict[Kind, list[RuleSpec]] = {}
        for spec in active:
            by_kind.setdefault(spec.kind, []).append(spec)
        check = config.severities.get(UNKNOWN_SUPPRESSION, Severity.WARNING.value)
        if UNKNOWN_SUPPRESSION in config.disabled_rules or check == Severity.OFF.value:
            unknown: Severity | None = None
        else:
            unknown = Severity(check)
        known = frozenset(spec.id for spec in specs) | {UNKNOWN_SUPPRESSION, NOT_COMPARED, UNSOURCED}
        # every rule's vocabulary shapes how text is read, active or not: turning the
        # place rule off must not make "in Uzbekistan" read as a person
        return cls(active, _merge_lexicon(specs), by_kind, known, unknown, _check_level(config, UNSOURCED))

    def rule_for(self, kind: Kind, subject: str | None = None, title: str | None = None) -> RuleSpec | None:
        """The most specific active rule of `kind` for a claim about `subject` (a noun key).

        A rule that lists the claim's subject (quantity `nouns`, duration `subjects`)
        or its title head (role `titles`, when the caller passes `title`) beats one
        that lists nothing; among equals the rule loaded last (a user's) wins.
        """
        best: RuleSpec | None = None
        best_rank = -1
        for spec in self.by_kind.get(kind, []):
            rank = self._rank(spec, subject, title)
            if rank >= best_rank and rank > 0:
                best, best_rank = spec, rank
        return best

    def _rank(self, spec: RuleSpec, subject: str | None, title: str | None) -> int:
        """2: the rule names what the claim is about; 1: it covers anything; 0: not this claim."""
        listed = _subjects(spec.spec)
        if listed:
            key_of = noun_key if isinstance(spec.spec, QuantitySpec) else subject_key
            keys = {key_of(self.lexicon, s) for s in listed}
            return 2 if subject is not None and subject in keys else 0
        if title is not None and isinstance(spec.spec, RoleSpec):
            heads = {self.lexicon.title_group.get(t.lower(), t.lower()) for t in _titles(spec.spec)}
            return 2 if title in heads else 1
        return 1

    def focused(self, rule: RuleSpec) -> RuleSet:
        """This rule set with `rule` alone judging its kind: how its examples are run."""
        by_kind = dict(self.by_kind)
        by_kind[rule.kind] = [rule]
        return replace(self, by_kind=by_kind)

    def apply_suppressions(self, text: str, findings: list[Finding]) -> list[Finding]:
        """Drop findings silenced by `factlint-disable` comments; report ids no rule has."""
        return apply_suppressions(text, findings, self.known_ids, self.unknown_suppression)


def _check_level(config: Config, check: str, default: Severity = Severity.INFO) -> Severity | None:
    """A built-in check's severity from `severity`/`disable`; None when it is switched off."""
    level = config.severities.get(check, default.value)
    if check in config.disabled_rules or level == Severity.OFF.value:
        return None
    return Severity(level)


def _titles(spec: RoleSpec) -> tuple[str, ...]:
    return spec.titles + tuple(word for group in spec.title_groups for word in group)


def _subjects(spec: object) -> tuple[str, ...]:
    if isinstance(spec, QuantitySpec):
        return spec.nouns
    if isinstance(spec, DurationSpec):
        return spec.subjects
    return ()


def _merge_lexicon(rules: list[RuleSpec]) -> Lexicon:
    """Every rule's words, each kind adding its own (see `factlint.kinds`)."""
    lexicon = Lexicon()
    for rule in rules:
        add = VOCABULARY.get(rule.kind)
        if add is not None:
            add(rule.spec, lexicon)
    return lexicon


def noun_key(lexicon: Lexicon, word: str) -> str:
    """A counted noun as the extractor keys it: lemma, then the noun's synonym group."""
    key = lemma_key(word)
    return lexicon.phrase_key(key) if len(key) > 1 else lexicon.noun(key[0])


def subject_key(lexicon: Lexicon, word: str) -> str:
    """What lasts ("war", "talks") as the extractor keys it: lemma, then its event's or noun's group."""
    key = lemma_key(word)
    return lexicon.phrase_key(key) if len(key) > 1 else lexicon.synonym(key[0])
