"""The active rules, with the vocabularies the extractor needs merged across them.

Several rules may share a kind (a built-in quantity rule and a user's rule about
stations); extraction uses the union of their vocabularies, and each claim is
judged by the most specific rule that covers it (user rules win ties).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from factlint.config import Config
from factlint.model import Finding, Kind, Severity
from factlint.rulebook.schema import (
    DurationSpec,
    EventDateSpec,
    PersonSpec,
    PlaceSpec,
    QuantitySpec,
    RoleSpec,
    RuleSpec,
)
from factlint.rulebook.suppressions import UNKNOWN_SUPPRESSION, apply_suppressions
from factlint.text.stem import stem


@dataclass
class Lexicon:
    """Vocabularies merged from every active rule, in normalised form."""

    noun_groups: dict[str, str] = field(default_factory=dict)
    """stemmed noun -> the name of its synonym group."""
    hedges: frozenset[str] = frozenset()
    ongoing: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    title_group: dict[str, str] = field(default_factory=dict)
    portfolios: dict[str, str] = field(default_factory=dict)
    past_markers: frozenset[str] = frozenset()
    region_of: dict[str, frozenset[str]] = field(default_factory=dict)
    """place (folded) -> every region containing it."""
    places: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    future_markers: frozenset[str] = frozenset()

    def noun_key(self, word: str) -> str:
        stemmed = stem(word)
        return self.noun_groups.get(stemmed, stemmed)


@dataclass
class RuleSet:
    rules: list[RuleSpec]
    lexicon: Lexicon
    by_kind: dict[Kind, list[RuleSpec]]
    known_ids: frozenset[str] = frozenset()
    """Every rule id loaded, active or not: what a suppression comment may name."""
    unknown_suppression: Severity | None = Severity.WARNING
    """The severity of the `unknown-suppression` check; None when it is disabled."""

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
        known = frozenset(spec.id for spec in specs) | {UNKNOWN_SUPPRESSION}
        # every rule's vocabulary shapes how text is read, active or not: turning the
        # place rule off must not make "in Uzbekistan" read as a person
        return cls(active, _merge_lexicon(specs), by_kind, known, unknown)

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
            keys = {self.lexicon.noun_key(s) for s in listed}
            return 2 if subject is not None and self.lexicon.noun_key(subject) in keys else 0
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


def _titles(spec: RoleSpec) -> tuple[str, ...]:
    return spec.titles + tuple(word for group in spec.title_groups for word in group)


def _subjects(spec: object) -> tuple[str, ...]:
    if isinstance(spec, QuantitySpec):
        return spec.nouns
    if isinstance(spec, DurationSpec):
        return spec.subjects
    return ()


def _merge_lexicon(rules: list[RuleSpec]) -> Lexicon:
    lexicon = Lexicon()
    noun_groups: dict[str, str] = {}
    hedges: set[str] = set()
    ongoing: set[str] = set()
    titles: set[str] = set()
    title_group: dict[str, str] = {}
    portfolios: dict[str, str] = {}
    past: set[str] = set()
    region_of: dict[str, set[str]] = {}
    prepositions: set[str] = set()
    future: set[str] = set()
    for rule in rules:
        spec = rule.spec
        if isinstance(spec, QuantitySpec):
            for group in spec.synonyms:
                name = stem(group[0])
                for word in group:
                    noun_groups[stem(word)] = name
            hedges.update(h.lower() for h in spec.hedges)
        elif isinstance(spec, DurationSpec):
            ongoing.update(stem(s) for s in spec.ongoing)
        elif isinstance(spec, RoleSpec):
            titles.update(t.lower() for t in spec.titles)
            for group in spec.title_groups:
                for word in group:
                    title_group[word.lower()] = group[0].lower()
                    titles.add(word.lower())
            for portfolio in spec.portfolios:
                portfolios.setdefault(portfolio.lower(), portfolio.lower())
            for group in spec.portfolio_groups:
                for word in group:
                    portfolios[word.lower()] = group[0].lower()
            past.update(m.lower() for m in spec.past_markers)
        elif isinstance(spec, PlaceSpec):
            _add_regions(spec.regions, region_of)
            prepositions.update(p.lower() for p in spec.prepositions)
        elif isinstance(spec, EventDateSpec):
            future.update(m.lower() for m in spec.future_markers)
        elif isinstance(spec, PersonSpec):
            pass
    lexicon.noun_groups = noun_groups
    lexicon.hedges = frozenset(hedges)
    lexicon.ongoing = frozenset(ongoing)
    lexicon.titles = frozenset(titles)
    lexicon.title_group = title_group
    lexicon.portfolios = portfolios
    lexicon.past_markers = frozenset(past)
    lexicon.region_of = {k: frozenset(v) for k, v in region_of.items()}
    lexicon.places = frozenset(region_of) | frozenset(r for regions in region_of.values() for r in regions)
    lexicon.place_prepositions = frozenset(prepositions)
    lexicon.future_markers = frozenset(future)
    return lexicon


def _add_regions(regions: dict[str, tuple[str, ...]], region_of: dict[str, set[str]]) -> None:
    from factlint.text.names import fold

    direct: dict[str, set[str]] = {}
    for region, places in regions.items():
        for place in places:
            direct.setdefault(" ".join(fold(w) for w in place.split()), set()).add(
                " ".join(fold(w) for w in region.split())
            )
    # transitive closure: a city in a country in a continent is in the continent
    for place in list(direct):
        seen: set[str] = set()
        stack = list(direct[place])
        while stack:
            region = stack.pop()
            if region in seen:
                continue
            seen.add(region)
            stack.extend(direct.get(region, ()))
        region_of.setdefault(place, set()).update(seen)
