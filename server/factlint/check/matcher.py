"""Claims against facts: the checker that turns a draft paragraph into findings.

For every value the draft states, gather the source values that fill the same
slot (aligned frames for figures, durations, dates, names; the same person for
titles), compare each with the kind's rule, and decide: any source agreeing
makes a confirmation; otherwise any disagreeing makes a finding. A slot the
sources never fill yields nothing: new information is not an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from factlint.check.align import (
    Alignment,
    adjacent_match,
    align,
    names_conflict,
    nearest_words_match,
    support,
    values_differ_near,
)
from factlint.check.compare import (
    compare_dates,
    compare_duration,
    compare_quantity,
    compare_titles,
    days_apart,
    moved_duration_text,
    quantity_comparable,
)
from factlint.corpus.extraction import SourceSentence
from factlint.corpus.factbase import FactBase, describe_value
from factlint.extract.frames import extract_frames
from factlint.extract.mentions import Frame, Mention, NameValue, TitleValue
from factlint.model import Confirmation, Finding, Kind, SourceRef
from factlint.rulebook.ruleset import RuleSet
from factlint.rulebook.schema import (
    DurationSpec,
    EventDateSpec,
    PersonSpec,
    QuantitySpec,
    RoleSpec,
    RuleSpec,
)
from factlint.text.dates import DateValue
from factlint.text.names import abbreviates, same_name_token, skeleton
from factlint.text.nlp import pipeline

GENERIC_TITLES = frozenset({"leader", "head", "chief", "founder", "co-founder", "captain", "officer",
                            "member", "official", "general", "commander", "director", "manager"})  # fmt: skip


AMBIGUOUS_WHEN_SOURCES_DIFFER = frozenset({Kind.PERSON, Kind.PLACE, Kind.EVENT_DATE})
PERSON_SUPPORT = 10.0
"""A title found for the same person: as strong as a slot gets."""
CLOSE_SUPPORT = 1.0
"""Disagreeing sources within this much of the best-matched one all count; weaker ones are dropped."""


@dataclass(frozen=True)
class Evidence:
    agrees: bool
    source: SourceRef
    value: str
    """The source's value as its sentence writes it: what the quick fix inserts."""
    key: str
    """The value in canonical form: two sources with one key say the same thing."""
    shown: str
    """The value as the message shows it, with the day a relative date resolves to."""
    support: float
    """How much context the draft and the source share around the value."""


class Checker:
    def __init__(self, fact_base: FactBase, rules: RuleSet, spacy_model: str | None = None) -> None:
        self.fact_base = fact_base
        self.rules = rules
        self.nlp = pipeline(spacy_model)
        self.known_names = frozenset(fact_base.name_words)
        # a keystroke changes one sentence: the paragraph's others are answered from here
        self._check_frame = lru_cache(maxsize=16384)(self._check_frame_uncached)

    def check_paragraph(
        self, text: str, when: date | None, date_known: bool = True
    ) -> tuple[list[Finding], list[Confirmation]]:
        findings: list[Finding] = []
        confirmations: list[Confirmation] = []
        frames = extract_frames(
            text, when, self.rules.lexicon, self.nlp, date_known=date_known, known_names=self.known_names
        )
        for frame in frames:
            found, confirmed = self._check_frame(_at_origin(frame))
            findings.extend(f.shifted(frame.start) for f in found)
            confirmations.extend(c.shifted(frame.start) for c in confirmed)
        return findings, confirmations

    def _check_frame_uncached(self, frame: Frame) -> tuple[tuple[Finding, ...], tuple[Confirmation, ...]]:
        """One sentence, placed at offset 0 so that its results can be reused wherever it moves."""
        findings: list[Finding] = []
        confirmations: list[Confirmation] = []
        candidates = self.fact_base.candidates(frame)
        for mention in frame.mentions:
            rule = self._rule(mention)
            if rule is None:
                continue
            evidence = list(self._evidence(frame, mention, rule, candidates))
            outcome = _decide(mention, rule, evidence)
            if isinstance(outcome, Finding):
                findings.append(outcome)
            elif isinstance(outcome, Confirmation):
                confirmations.append(outcome)
        return tuple(findings), tuple(confirmations)

    def _rule(self, mention: Mention) -> RuleSpec | None:
        title = mention.value.head if isinstance(mention.value, TitleValue) else None
        return self.rules.rule_for(mention.kind, mention.slot or None, title)

    def _evidence(
        self, frame: Frame, mention: Mention, rule: RuleSpec, candidates: list[int]
    ) -> Iterable[Evidence]:
        if mention.kind is Kind.ROLE:
            yield from self._role_evidence(frame, mention, rule)
            return
        if mention.position < 0:
            return
        local = self.fact_base.candidates(frame, around=mention.position)
        for sentence_id in dict.fromkeys(local + candidates):
            source = self.fact_base.sentence(sentence_id)
            if source is None:
                continue
            alignment = align(frame.tokens, source.frame.tokens)
            found = self._aligned(frame, mention, rule, source.frame, alignment, source.article)
            if found is None:
                continue
            m, verdict = found
            if verdict is None:
                continue
            fact = source.frame.mentions[m]
            value = fact.text
            if mention.kind is Kind.DURATION:
                value = moved_duration_text(fact, source.frame.said_on, frame.said_on, self.rules.lexicon)
            key = value if mention.kind is Kind.DURATION else describe_value(fact)
            width = len(getattr(mention.value, "words", ())) or 1
            weight = support(
                frame, source.frame, alignment, mention.position, mention.position + width, fact.position
            )
            yield Evidence(verdict, self._source_ref(source, m), value, key, _shown(fact, value), weight)

    def _aligned(
        self,
        frame: Frame,
        mention: Mention,
        rule: RuleSpec,
        source: Frame,
        alignment: Alignment,
        article: int,
    ) -> tuple[int, bool | None] | None:
        """The source mention in the same slot as `mention`, and whether they agree."""
        spec = rule.spec
        if mention.kind in (Kind.PERSON, Kind.PLACE):
            return self._name_substitution(frame, mention, spec, source, alignment, article)
        target = alignment.source_position(mention.position)
        if target is None:
            return None
        index = next(
            (i for i, m in enumerate(source.mentions) if m.position == target and m.kind is mention.kind),
            None,
        )
        if index is None:
            return None
        fact = source.mentions[index]
        if names_conflict(frame, source, alignment, mention.position, target):
            return None
        weight = support(frame, source, alignment, mention.position, mention.position + 1, target)
        if (
            mention.kind is Kind.QUANTITY
            and mention.slot
            and (mention.position + 1) in alignment.draft_to_source
        ):
            weight -= frame.weights[mention.position + 1]  # the counted noun is the slot, not its context
        needed = getattr(spec, "min_support", 2.5)
        if mention.kind is Kind.QUANTITY and mention.slot != fact.slot:
            return None  # four issues are not 14,000 troops, nor a bare figure
        if mention.slot and fact.slot and mention.slot != fact.slot:
            return None
        if not mention.slot and mention.kind is not Kind.EVENT_DATE:
            needed += 1.0
        if weight < needed or not adjacent_match(alignment, mention.position, mention.position + 1):
            return None
        if mention.kind is Kind.EVENT_DATE and not nearest_words_match(frame, alignment, mention.position):
            return None  # "left office in 1953" and "became president in 1945" are two events
        if _states_value_elsewhere(mention, source, index):
            return index, None
        if isinstance(spec, QuantitySpec):
            if not quantity_comparable(mention, frame.said_on, fact, source.said_on, spec):
                return index, None
            return index, compare_quantity(mention, fact, spec)
        if isinstance(spec, DurationSpec):
            verdict = compare_duration(mention, frame.said_on, fact, source.said_on, spec, self.rules.lexicon)
            return index, verdict
        if isinstance(spec, EventDateSpec):
            return index, compare_dates(mention, fact)
        return None

    def _name_substitution(
        self,
        frame: Frame,
        mention: Mention,
        spec: object,
        source: Frame,
        alignment: Alignment,
        article: int,
    ) -> tuple[int, bool | None] | None:
        assert isinstance(mention.value, NameValue)
        first = mention.position
        last = first + len(mention.value.words)
        opcode = next((op for op in alignment.opcodes if op[1] <= first < op[2]), None)
        if opcode is None or opcode[0] != "replace":
            return None
        _, i1, i2, j1, j2 = opcode
        # the swapped names must share an edge of the differing stretch: "in _ this week"
        edges = []
        for i, m in enumerate(source.mentions):
            if m.kind is not mention.kind or not isinstance(m.value, NameValue):
                continue
            m_last = m.position + len(m.value.words)
            left = first == i1 and m.position == j1 and m_last <= j2
            right = last == i2 and m_last == j2 and m.position >= j1
            if (left or right) and last <= i2:
                edges.append(i)
        if not edges:
            return None
        index = self._most_specific(source, edges)
        fact = source.mentions[index]
        needed = getattr(spec, "min_support", 3.5)
        weight = support(frame, source, alignment, first, last, source.mentions[index].position)
        if weight < needed or not adjacent_match(alignment, first, last):
            return None
        if mention.kind is Kind.PLACE and not mention.locative:
            return None  # "Germany has ..." swaps who, not where
        if values_differ_near(frame, source, alignment, first, last):
            return None  # another value differs too: this is another statement, not a swapped name
        if isinstance(spec, PersonSpec):
            apart = days_apart(frame.said_on, source.said_on)
            if apart is not None and apart > spec.window_days:
                return index, None
        return index, self._names_agree(mention, fact, article)

    def _most_specific(self, source: Frame, indexes: list[int]) -> int:
        """Of several places standing in one spot ("Afghanistan's Khost"), the one inside the others."""
        regions = self.rules.lexicon.region_of
        keys = {i: " ".join(getattr(source.mentions[i].value, "words", ())) for i in indexes}
        inner = [i for i in indexes if any(keys[j] in regions.get(keys[i], ()) for j in indexes if j != i)]
        return inner[0] if inner else indexes[0]

    def _names_agree(self, claim: Mention, fact: Mention, article: int) -> bool | None:
        assert isinstance(claim.value, NameValue) and isinstance(fact.value, NameValue)
        lexicon = self.rules.lexicon
        claim_key, fact_key = " ".join(claim.value.words), " ".join(fact.value.words)
        if claim_key in lexicon.region_of.get(fact_key, ()) or fact_key in lexicon.region_of.get(
            claim_key, ()
        ):
            return True
        # a name the sources use is left alone: the writer may know more than this sentence shows
        known = (
            self.fact_base.name_words if claim.kind is Kind.PERSON else self.fact_base.article_words(article)
        )
        for word in claim.value.words:
            if word in known or any(abbreviates(word, f) for f in fact.value.words):
                return None
        return False

    def _role_evidence(self, frame: Frame, mention: Mention, rule: RuleSpec) -> Iterable[Evidence]:
        assert isinstance(mention.value, TitleValue) and isinstance(rule.spec, RoleSpec)
        spec = rule.spec
        for sentence_id, m in self._roles_for(mention):
            source = self.fact_base.sentence(sentence_id)
            if source is None:
                continue
            fact = source.frame.mentions[m]
            assert isinstance(fact.value, TitleValue)
            if not _same_person(mention.person, fact.person):
                continue
            apart = days_apart(frame.said_on, source.frame.said_on)
            if apart is not None and apart > spec.window_days:
                continue
            verdict = compare_titles(mention.value, fact.value, spec, GENERIC_TITLES)
            if verdict is not None:
                key = f"{fact.value.head}/{sorted(fact.value.portfolios)}"
                yield Evidence(
                    verdict, self._source_ref(source, m), fact.text, key, fact.text, PERSON_SUPPORT
                )

    def _roles_for(self, mention: Mention) -> list[tuple[int, int]]:
        found = list(self.fact_base.roles.get(mention.slot, []))
        for surname in self.fact_base.surnames_by_skeleton.get(skeleton(mention.slot), ()):
            if surname != mention.slot and same_name_token(surname, mention.slot):
                found.extend(self.fact_base.roles[surname])
        return found

    def _source_ref(self, sentence: SourceSentence, mention_index: int) -> SourceRef:
        mention = sentence.frame.mentions[mention_index]
        return SourceRef(
            article=self.fact_base.articles[sentence.article],
            sentence=sentence.frame.text,
            sentence_location=sentence.location,
            value_text=mention.text,
            value_location=sentence.value_locations[mention_index],
            link=sentence.link,
        )


def _at_origin(frame: Frame) -> Frame:
    """The frame with its offsets counted from its own start."""
    base = frame.start
    return replace(
        frame,
        start=0,
        end=frame.end - base,
        mentions=tuple(replace(m, start=m.start - base, end=m.end - base) for m in frame.mentions),
    )


def _states_value_elsewhere(mention: Mention, source: Frame, aligned: int) -> bool:
    """Whether the source sentence states the draft's value too, in another place.

    "first, third and fifth" against "first, second, third and fifth": the lists
    align one item off, but the source does say "third".
    """
    return any(
        i != aligned and m.kind is mention.kind and m.value == mention.value
        for i, m in enumerate(source.mentions)
    )


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b or not same_name_token(a[-1], b[-1]):
        return False
    if len(a) > 1 and len(b) > 1:
        return same_name_token(a[0], b[0])
    return True


def _decide(mention: Mention, rule: RuleSpec, evidence: list[Evidence]) -> Finding | Confirmation | None:
    if not evidence:
        return None
    agreeing = [e for e in evidence if e.agrees]
    if agreeing:
        return Confirmation(
            kind=mention.kind,
            start=mention.start,
            end=mention.end,
            claim_text=mention.text,
            sources=_unique_sources(e.source for e in agreeing),
        )
    best = max(e.support for e in evidence)
    evidence = [e for e in evidence if e.support >= best - CLOSE_SUPPORT]
    expected = tuple(dict.fromkeys(e.value for e in evidence))
    disagree = len({e.key for e in evidence}) > 1
    if disagree and (mention.kind in AMBIGUOUS_WHEN_SOURCES_DIFFER or len({e.key for e in evidence}) > 2):
        # several sources fill this frame differently: it does not pin down one event
        # ("a contract at the library in X" in three stories), so it cannot refute the draft
        return None
    shown = tuple(dict.fromkeys(e.shown for e in evidence))
    subject = " ".join(w.capitalize() for w in mention.person) if mention.person else mention.slot
    message = rule.message.format(
        claim=_shown(mention, mention.text),
        expected=" or ".join(f"“{v}”" for v in shown),
        subject=subject or "this",
        source=evidence[0].source.article.title or evidence[0].source.article.path,
    )
    if disagree:
        message += " (the sources disagree among themselves)"
    return Finding(
        rule=rule.id,
        kind=mention.kind,
        severity=rule.severity,
        message=message,
        start=mention.start,
        end=mention.end,
        claim_text=mention.text,
        expected=expected,
        sources=_unique_sources(e.source for e in evidence),
        sources_disagree=disagree,
        doc_url=rule.link,
    )


def _shown(mention: Mention, text: str) -> str:
    """ "Thursday (1 April 2021)": a relative date with the day it means."""
    value = mention.value
    if isinstance(value, DateValue) and value.resolved and value.granularity != "year":
        described = value.describe()
        if described.lower() != text.lower():
            return f"{text} ({described})"
    return text


def _unique_sources(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    seen: dict[tuple[str, int, int], SourceRef] = {}
    for source in sources:
        key = (
            source.sentence_location.path,
            source.sentence_location.line,
            source.sentence_location.column,
        )
        seen.setdefault(key, source)
    return tuple(seen.values())
