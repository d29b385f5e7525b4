"""Claims against facts: is the draft's value one the sources give for the same slot?

For each claim, the fact base hands over the facts that share its slot key or its
rarest words; each is scored by how much of the claim's context it shares
(`similarity`). The facts scoring near the best are one slot. Of those, the ones
in force at the draft's date count (`in_force`): the latest sources before it,
not superseded ("up from"), not too old for a figure that changes. If one of
them agrees, the claim is confirmed; if all disagree and the match is strong,
it is contradicted, with the disagreement among the sources stated. A claim no
source's slot fills passes in silence: new information is not an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from factlint.kinds import AGREES
from factlint.kinds.duration import shown_at
from factlint.kinds.event_date import elapsed_since
from factlint.kinds.person import compare as same_person
from factlint.kinds.role import compare as same_office
from factlint.kinds.role import head_word, only_title
from factlint.model import Confirmation, Finding, Kind, SourceRef
from factlint.rulebook.lexicon import Lexicon
from factlint.rulebook.messages import finding_message
from factlint.rulebook.schema import RuleSpec
from factlint.slots.model import Amount, Mention, Name, Period, Slot, Title, When
from factlint.slots.names import SPEECH_VERBS
from factlint.text.lemmas import lemma

MATCH = 0.3
"""Context shared (0..1) for a fact to count as the claim's slot at all."""
CONTRADICT = 0.38
"""Context shared for a disagreeing fact to contradict: stronger than a match, since a wrong
flag costs more than a miss. Measured on 128 labelled topics (2026-12-02): 0.35 found 26 more of
2,620 contradictions (10 of them lengths of time) and added 4 false alarms to 46; kept at 0.38."""
CONTRADICT_EVENT = 0.42
"""A date of a named event: events are named in many ways ("said", "published", "announced"), so
their heads are not compared, and a little more shared context is needed than for a figure."""
CONTRADICT_UNPINNED = 0.5
"""A bare figure ("the 310 it has", "two others"), or a date of an unnamed event, pins down no slot
by itself: only a statement sharing most of the source's words contradicts it. Measured on nine
labelled paraphrase sets and news-dev: 0.65 -> 0.5 found 3 more of 180 contradictions and no
new false alarm (0.45 found none more)."""
CONTRADICT_NAME = 0.55
"""People and places are named in many statements: a different name contradicts only when
almost everything else about the statement is the same."""
NEAR_COPY = 0.9
"""A statement naming nobody else that shares nearly all its words with the claim is the claim's."""
NEAR_COPY_THE_ONE = 0.7
"""... or, when both are of the same singular noun or act ("the new station at", "will be held
in", "carried out by": the extractor's "the-one" mark), most."""
RESCUE_MARGIN = 0.3
"""A fact that agrees and scores within this of the contradicting one leaves the slot in doubt:
"31 points behind" may be the source's "31 points separating them" though another sentence about
points matches better. Where the match is uncertain, say nothing."""
RESCUE_MARGIN_DURATIONS = 0.2
"""... and for lengths of time, which news gives of many things at once ("a two-day strike",
"three days of talks"): at 0.3 a length of another thing often put the slot in doubt. Measured
twice on held-out topics (38, then 48 of them): +3 hits each time, no false alarm; the same
margin for figures and dates added false alarms."""
RESCUE_MARGIN_NAMES = 0.12
"""People and places turn up in many statements: only a nearly as close one leaves doubt."""
RESCUE_FLOOR = 0.12
"""Facts scoring below this are not considered at all, not even as doubt."""
STALE_DAYS = 20
"""A contradiction whose newest source is this much older than the draft is weaker evidence: the
draft may tell of a later occasion or a plan since moved ("improved again in March", "the deadline,
now August 29"). Then any fact above `RESCUE_FLOOR` that gives the draft's value leaves the slot in
doubt, not only one within the rescue margin. Measured on the first reading of 18 held-out topics
(each scored by an engine that had not seen it): of the findings with so old a source and such an
agreeing fact, 8 were false alarms and 1 a contradiction."""
UPDATE_FLOOR = 0.05
"""A later source giving the draft's very value leaves a figure in doubt even when it words the
slot differently ("overall storage has recovered to 64 per cent" for "the reservoirs as a whole are
64 per cent full"): the figure may have changed, and the same value is itself evidence."""
TELLING_FIGURE = 100
"""Figures from this up are rare enough to recognise a source sentence by ("1,150 residents")."""
SLOT_MARKS = (
    "change",
    "part",
    "wished",
    "every",
    "until",
    "origin",
    "tenure",
    "direction",
    "usual",
    "age",
    "rest",
    "window",
)
"""Marks that make a value another slot: a claim and a fact fill one slot only if both have the
mark or neither has ("by £10m" is a change, "the 46-year-old" an age, "wants 13" a wish)."""
SAME_SLOT = 0.12
"""Facts scoring within this of the best one are taken as the same slot."""
EVENT_CONTEXT = 0.3
"""An event is its verb and what it is about: besides the event word, a date's slot must share
at least this much weight of other words (one near word, or several further ones)."""
FIGURE_CONTEXT = 0.15
"""A counted noun is not a statement: besides it, a disagreeing figure must share this much weight
of other words with the claim (or a name), as a date must besides its event."""
SWAP_MARGIN = 0.15
"""How much better each of two swapped values must match the other's statement than its own."""
CLAIM_SHARE = 0.5
"""A paraphrase keeps most of what the source says about a value but the source says more:
the share of the claim's context found in the fact counts more than the reverse."""
HEAD_BONUS = 0.15
"""Both count or measure the same noun: a strong sign of one slot."""
HEAD_PENALTY = 0.25
"""Both name what the value is of, and the names differ: probably two slots."""
NAMES_PENALTY = 0.6
"""Both clauses name who the value belongs to, and no name is shared: likely two owners."""
SURNAME_BY_IT = 0.5
"""Weight of a surname in a fact's words (within a couple of words of its value) that lets it
stand for the person a claim's figure belongs to."""
EMPTY_VERBS = ("give", "make", "hold", "take", "have")
"""Verbs that only name an event with their noun ("hold a meeting"): no shared context of their own
(unlike "complete" or "finish", whose keys say an end)."""
OWNED_SLOT = 1.0
"""Where a named thing is from ("Delvin Ground Support, of Rotherham"), when a person took up their
post ("chief executive for the past eight years"): one slot in every statement that gives it for that
owner, however little else the statements share: a full match."""
SAME_TIME_DAYS = 3
ANOTHER_OCCASION_DAYS = 7
"""How far ahead of the draft a date must be to be another occasion than a source's past one:
beyond the week a weekday is read in, whose reading ("Wednesday's announcement means the ban
will start ...") may be wrongly ahead."""
"""Sources written within this many days of each other describe the same moment."""
NO_WINDOW = 10**6
NAMED_KINDS = frozenset({Kind.PERSON, Kind.PLACE, Kind.ROLE})
MEASURED_KINDS = frozenset({Kind.QUANTITY, Kind.DURATION})
"""Kinds whose slot one article fills once (a person holds several titles, a hearing recurs), and
whose figures a fact about another named owner cannot refute."""
VALUE_KINDS = frozenset({Kind.QUANTITY, Kind.DURATION, Kind.EVENT_DATE})
"""Kinds a sentence states values of, beside its names: what tells one event from another."""


class FactBase(Protocol):
    """What the judge needs from the fact base (see `factlint.corpus.store`)."""

    def candidates(self, claim: Mention) -> list[StoredFact]: ...

    def idf(self, word: str) -> float: ...

    def source_ref(self, fact: StoredFact) -> SourceRef: ...

    def sentence_facts(self, fact: StoredFact) -> list[StoredFact]: ...


@dataclass(frozen=True)
class StoredFact:
    id: int
    mention: Mention
    article: int
    group: int
    """Articles with the same text (one story filed twice) share a group: they are one source."""
    sentence: int = 0
    """The sentence it was read from (its id in the store)."""

    def kind_matches(self, claim: Mention) -> bool:
        return self.mention.kind is claim.kind and self.mention.slot.dimension == claim.slot.dimension


@dataclass(frozen=True)
class Outcome:
    """What came of checking one claim (for the summary line's counts)."""

    result: Finding | Confirmation | None
    unsourced: bool = False
    out_of_time: bool = False
    """Sources fill the slot, but none near the draft's date."""


def similarity(
    claim: Slot, fact: Slot, idf: Callable[[str], float], lexicon: Lexicon, by_event: bool = False
) -> float | None:
    """How surely `fact` fills the claim's slot (0..1+); None: it cannot be the same slot.
    `by_event`: a date's event word alone may make the slot (`Judge._the_one_event`)."""
    if claim.kind is not fact.kind or claim.dimension != fact.dimension:
        return None
    if claim.kind is Kind.QUANTITY and claim.dimension.split("/")[0] in ("count", "ordinal"):
        if claim.head and fact.head and not _same_noun(claim.head, fact.head, lexicon):
            return None
    if claim.near and not any(_named(n, fact) or _surname_by_it(n, fact) for n in claim.near):
        return None  # "Lund on 24", "The Blue Line will have 30 stops": a fact about someone else
    if claim.kind is Kind.QUANTITY and claim.near and fact.near and not _same_owner(claim.near, fact.near):
        return None  # "Tasker on 30" and "22 per cent for Lund": each figure names its own owner
    for mark in SLOT_MARKS:
        if (mark in claim.marks) != (mark in fact.marks):
            if mark == "part" and "partitive" in claim.marks:
                continue  # "19 of the idle vessels" may be the source's "19 of the 34 vessels"
            return None
    if _other_sort(claim, fact):
        return None  # "Day tickets will cost £95" is not "weekend tickets will cost £255"
    if _other_holder(claim, fact):
        return None  # "a waiting list of 35 men" is not "places for 90 men"
    if _other_side(claim, fact):
        return None  # "Eleven councillors voted for" is not "the three who voted against"
    if _elsewhere(claim, fact):
        return None  # "added £240,000 to the bill" is not "agreed to add £120,000 to its grant"
    ours_span, theirs_span = _span_mark(claim), _span_mark(fact)
    if ours_span and theirs_span and ours_span != theirs_span:
        return None  # "1.9 million in its first year" is not "118,000 in its first four weeks"
    if claim.when and fact.when and claim.when.resolved and fact.when.resolved:
        if not claim.when.overlaps(fact.when):
            return None
    if "record" in fact.marks and not {"record", "ongoing"} & set(claim.marks):
        return None  # "the biggest thing built in half a century" says nothing of "should take 26 months"
    if "began" in fact.marks and "ongoing" not in claim.marks:
        return None  # "opened in 1850" dates a length still running, not "ran for 140 years"
    owned = "origin" in claim.marks or "tenure" in claim.marks
    if owned and claim.near and fact.near and _same_owner(claim.near, fact.near):
        return OWNED_SLOT  # where Delvin Ground Support is from, when Pryce took up his post
    ours, theirs = dict(claim.context), dict(fact.context)
    total_ours = sum(w * idf(k) for k, w in ours.items())
    total_theirs = sum(w * idf(k) for k, w in theirs.items())
    if total_ours <= 0 or total_theirs <= 0:
        return None
    common = ours.keys() & theirs.keys()
    if claim.kind is Kind.EVENT_DATE and not (_begins_in(claim, theirs) and _begins_in(fact, ours)):
        return None  # "Work would start in 2029" does not date the start of a consultation
    if claim.kind is Kind.EVENT_DATE:
        # "will hold a full meeting" and "would hold a public meeting": a light verb only names the event
        light = {lexicon.synonym(verb) for verb in EMPTY_VERBS}
        besides = sum(min(ours[k], theirs[k]) for k in common if k != claim.head and k not in light)
        if besides < EVENT_CONTEXT and not by_event:
            return None  # "the case began" and "the dredging is to begin": one verb, two events
    shared = sum(min(ours[k], theirs[k]) * idf(k) for k in common)
    # how much of what the claim says the fact says too, and how much of the fact is that
    score = float((shared / total_ours) ** CLAIM_SHARE * (shared / total_theirs) ** (1 - CLAIM_SHARE))
    if claim.kind is Kind.PERSON and claim.head and fact.head and claim.head != fact.head:
        return None  # "was led by Quiroga" and "said Quiroga": two acts, two statements
    if claim.head and fact.head:
        if _same_noun(claim.head, fact.head, lexicon):
            score += HEAD_BONUS
        elif claim.kind is not Kind.EVENT_DATE:
            score -= HEAD_PENALTY  # an event is named in many ways; a counted noun is not
    if _side(claim) and _side(claim) == _side(fact) and not (claim.head and fact.head):
        score += HEAD_BONUS  # "opposed by five" and "voted 14 to 5": one side of a vote, as one noun
    if claim.names and fact.names and not set(claim.names) & set(fact.names):
        score *= NAMES_PENALTY
    return score


def _same_owner(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether two figures' owners meet: "Marstow" and "Marstow Chamber of Trade"."""
    return any(_names_meet(a, b) for a in ours for b in theirs)


def _names_meet(a: str, b: str) -> bool:
    """Whether one name's words hold the other's: "Okonjo" and "Nadia Okonjo"."""
    ours, theirs = set(a.split()), set(b.split())
    return ours <= theirs or theirs <= ours


def _other_sort(claim: Slot, fact: Slot) -> bool:
    """Whether the two speak of other sorts of one noun ("sort:ticket=day", "sort:ticket=weekend"),
    neither sort named anywhere in the other's words."""
    ours = dict(m[5:].split("=", 1) for m in claim.marks if m.startswith("sort:"))
    theirs = dict(m[5:].split("=", 1) for m in fact.marks if m.startswith("sort:"))
    claim_words, fact_words = dict(claim.context), dict(fact.context)
    return any(
        ours[noun] != theirs[noun] and ours[noun] not in fact_words and theirs[noun] not in claim_words
        for noun in ours.keys() & theirs.keys()
    )


def _other_holder(claim: Slot, fact: Slot) -> bool:
    """Whether the two count things held by other nouns ("in:list", "in:place"), neither noun
    among the other's words."""
    ours = next((m[3:] for m in claim.marks if m.startswith("in:")), "")
    theirs = next((m[3:] for m in fact.marks if m.startswith("in:")), "")
    return (
        bool(ours and theirs and ours != theirs)
        and ours not in dict(fact.context)
        and theirs not in dict(claim.context)
    )


def _side(slot: Slot) -> str:
    """The side of a vote a count is on ("side:for", "side:against"), "" if none."""
    return next((m for m in slot.marks if m.startswith("side:")), "")


def _other_side(claim: Slot, fact: Slot) -> bool:
    """Whether the two count the two sides of a vote ("side:for", "side:against")."""
    ours, theirs = _side(claim), _side(fact)
    return bool(ours and theirs and ours != theirs)


def _elsewhere(claim: Slot, fact: Slot) -> bool:
    """Whether the two take their figures' things to two places ("onto:cost", "onto:grant")."""
    ours = {m for m in claim.marks if m.startswith("onto:")}
    theirs = {m for m in fact.marks if m.startswith("onto:")}
    return bool(ours and theirs and not ours & theirs)


def _acts(slot: Slot) -> set[str]:
    """What was done to a figure's things, as the extractor marks it ("act:sell")."""
    return {m[4:] for m in slot.marks if m.startswith("act:")}


def _begins_in(slot: Slot, other_context: dict[str, float]) -> bool:
    """Whether what `slot`'s event begins or ends ("of:work") is among the other slot's words."""
    return all(m[3:] in other_context for m in slot.marks if m.startswith("of:"))


def _span_mark(slot: Slot) -> str:
    """The span a total covers, as the extractor marks it ("first:28"); "" if none."""
    return next((m for m in slot.marks if m.startswith("first:")), "")


def _another_part(claim: Mention, fact: Mention) -> bool:
    """Whether a count of some of a whole ("Forty-one of the staff have worked there for four
    decades") and a fact are parts picked out by different deeds ("23 workers agreed to go"):
    which part a count is, its deed says."""
    if "partitive" not in claim.slot.marks and "part" not in claim.slot.marks:
        return False
    ours, theirs = _acts(claim.slot), _acts(fact.slot)
    return bool(ours and theirs) and not ours & theirs


def _a_figure_s_time(claim: Mention, siblings: list[Mention]) -> bool:
    """Whether a date that names no event is only the time a figure beside it held for: "from 410
    in May" tells when membership was 410, not that anything happened in May."""
    return (
        claim.kind is Kind.EVENT_DATE
        and not claim.slot.head
        and any(m.kind is Kind.QUANTITY and m.slot.when == claim.value for m in siblings)
    )


def _a_running_total(claim: Mention, fact: Mention) -> bool:
    """Whether the fact is a total so far, over a span of days that the claim, said later and
    higher, has outgrown: "raised £38,400 from 1,500 donors in its first 17 days" against "raised
    £63,200 from 2,300 donors" when the appeal has closed."""
    span = _span_mark(fact.slot)
    if not span or _span_mark(claim.slot) or float(span.partition(":")[2]) <= 1:
        return False
    if claim.said_on is None or fact.said_on is None or claim.said_on <= fact.said_on:
        return False
    ours, theirs = claim.value, fact.value
    return isinstance(ours, Amount) and isinstance(theirs, Amount) and ours.low > theirs.high


def _share_a_name(claim: Slot, fact: Slot) -> bool:
    """Whether either names someone the other mentions, if only in passing ("Quiroga" in its words)."""
    return any(_named(n, fact) for n in claim.names) or any(_named(n, claim) for n in fact.names)


def _named(name: str, fact: Slot) -> bool:
    """Whether the fact's slot names `name`: among its names, or every word of it in its context."""
    if name in fact.names:
        return True
    if any(_names_meet(name, other) for other in fact.names):
        return True  # "Okonjo" and "Nadia Okonjo"
    context = dict(fact.context)
    return all(w in context for w in name.split())


def _surname_by_it(name: str, fact: Slot) -> bool:
    """Whether the last word of a full name stands right by the fact's value ("Reyes has signed
    four new players" for "Tamsin Reyes"): a sentence's first word is read as a name only when
    the article names it elsewhere too, so a surname that opens it may be in its words alone."""
    words = name.split()
    return len(words) >= 2 and dict(fact.context).get(words[-1], 0.0) >= SURNAME_BY_IT


def _pinned_together(claim: Mention, score: float, fact: StoredFact) -> bool:
    """Whether a disagreeing fact can speak for the claim's slot at all.

    A person or place is itself what tells one statement from another: "Parents in Jorar
    welcomed the plan at a meeting in the gym" and "Parents in Rosist opposed the plan at a
    meeting in the library" are two meetings, however alike the words. Only a statement that
    shares another name with the claim (the same company, the same envoy) is about the same
    thing, or one that names nobody else and says the rest in nearly the same words.
    """
    ours, theirs = claim.slot, fact.mention.slot
    if claim.kind in MEASURED_KINDS:
        # "Morsal Pharma employs 54,310" is not refuted by "Corostul Pharma employs 5,758"
        return not (ours.names and theirs.names) or _share_a_name(ours, theirs)
    if claim.kind not in (Kind.PERSON, Kind.PLACE):
        return True
    if _share_a_name(ours, theirs):
        return True
    if ours.names or theirs.names:
        return False
    # "the new station at Ashby Cross" and "the new station at Kelsey Bridge": the one thing the
    # story has of that noun, where nobody else is named ("parents in Jorvik" are some of many)
    the_one = "the-one" in ours.marks and "the-one" in theirs.marks and ours.head == theirs.head
    # ... and both say what it is: "will be held at" is any event's ("The fixtures on August 6 will
    # be held at Harrowfield Park" and "Racing has been held at Saltmoor since 1871")
    the_one = the_one and any(k != ours.head for k in dict(ours.context).keys() & dict(theirs.context).keys())
    return score >= (NEAR_COPY_THE_ONE if the_one else NEAR_COPY)


def _more_than_the_noun(claim: Mention, fact: StoredFact, said: str) -> bool:
    """Whether a disagreeing figure shares more with the claim than what both count: "2,300
    containers were moved on Sunday" and "a backlog of 18,000 containers built up" count one
    thing in two statements. A name in common, or other words of weight, make it one statement;
    `said` (the key of saying) is not one, since news attributes nearly every sentence."""
    ours, theirs = claim.slot, fact.mention.slot
    if claim.kind is not Kind.QUANTITY or not ours.head or _share_a_name(ours, theirs):
        return True
    if _same_time(ours.when, theirs.when):
        return True  # "picked 5.1 tonnes of apples last year" and "last year's harvest came to 6.4 tonnes"
    mine, its = dict(ours.context), dict(theirs.context)
    besides = sum(min(mine[k], its[k]) for k in mine.keys() & its.keys() if k not in (ours.head, said))
    return besides >= FIGURE_CONTEXT


def _new_ones_and_all(claim: Mention, fact: Mention) -> bool:
    """Whether one figure counts new things and the other, larger, all of them: "caddies for about
    900 new homes" says nothing against "Hethersby's 38,000 households"."""
    ours, theirs = claim.value, fact.value
    if not (isinstance(ours, Amount) and isinstance(theirs, Amount)):
        return False
    if "new" in claim.slot.marks and "new" not in fact.slot.marks:
        return theirs.low > ours.high
    if "new" in fact.slot.marks and "new" not in claim.slot.marks:
        return ours.low > theirs.high
    return False


def _same_time(ours: When | None, theirs: When | None) -> bool:
    """Whether two figures are both said of one stretch of time, written out ("last year", "in
    March"): with the same noun, one statement."""
    if ours is None or theirs is None or not (ours.resolved and theirs.resolved):
        return False
    return (ours.start, ours.end) == (theirs.start, theirs.end)


def _needed(claim: Mention, facts: list[StoredFact]) -> float:
    """How much shared context a contradiction needs for this claim."""
    if "direction" in claim.slot.marks:
        return CONTRADICT  # "south of Kilvarrow": pinned by its anchor, as a figure by its noun
    if claim.kind in (Kind.PERSON, Kind.PLACE):
        return CONTRADICT_NAME
    if claim.kind is Kind.EVENT_DATE:
        pinned = claim.slot.head and all(f.mention.slot.head for f in facts)
        if pinned and "named" in claim.slot.marks:
            return CONTRADICT  # "Tuesday's meeting": the event as pinned as a counted noun pins a figure
        return CONTRADICT_EVENT if pinned else CONTRADICT_UNPINNED
    if "window" in claim.slot.marks:
        return CONTRADICT_UNPINNED  # "in each of the past four years": a stretch, not what lasted
    bare = claim.slot.dimension.split("/")[0] in ("count", "ordinal")
    side = _side(claim.slot)
    if (
        claim.kind is Kind.QUANTITY
        and bare
        and not (claim.slot.head and all(f.mention.slot.head for f in facts))
        and not (side and all(_side(f.mention.slot) == side for f in facts))
    ):
        return CONTRADICT_UNPINNED  # a side of a vote pins a count as its noun does
    return CONTRADICT


def _same_noun(a: str, b: str, lexicon: Lexicon) -> bool:
    if a == b:
        return True
    return lexicon.hypernym_of.get(a) == b or lexicon.hypernym_of.get(b) == a


class Judge:
    def __init__(
        self,
        facts: FactBase,
        lexicon: Lexicon,
        rule_for: Callable[[Mention], RuleSpec | None] = lambda mention: None,
    ) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.rule_for = rule_for
        """The active rule of a value (for comparing the other values of a claim's sentence)."""
        self._speech_keys = frozenset(lexicon.synonym(lemma(verb)) for verb in SPEECH_VERBS | {"called"})

    def judge(self, claim: Mention, rule: RuleSpec, siblings: list[Mention] | None = None) -> Outcome:
        """The verdict on `claim`. A fact whose value another value of the claim's sentence states
        (`siblings`) fills that value's slot: "The June 5 trial date was cancelled after Tuesday's
        announcement" does not date the announcement June 5."""
        agrees = AGREES[claim.kind]
        # names are compared with the whole clause around them, so they are left to the score
        others = [m for m in siblings or [] if m.kind is claim.kind and m.kind not in NAMED_KINDS]
        others_all = [m for m in siblings or [] if m.kind in VALUE_KINDS]
        theirs = {_value_key(other) for other in others}
        if claim.kind is Kind.PLACE:
            # "The final brew at Mill Street is set for September 29, and Askerby Gold will be made at
            # Thorne Green": the source's Thorne Green is the other place's, not this one's
            theirs |= {_value_key(m) for m in siblings or [] if m.kind is Kind.PLACE}
        said = self.lexicon.synonym("say")
        every_candidate = self.facts.candidates(claim)
        swapped = self._swapped(claim, rule, others, every_candidate)
        if swapped is not None:
            return Outcome(self._finding(claim, rule, [swapped]))
        # a fact whose value the claim gives too stays: "opened 54 years ago and has had no
        # fatal accident since 1973" gives 1973 twice, and the opening's fact is the claim's
        candidates = [
            f
            for f in every_candidate
            if _value_key(f.mention) not in theirs
            or (_no_wider(f.mention, claim) and agrees(claim, f.mention, rule.spec, self.lexicon) is True)
        ]
        if claim.kind is Kind.ROLE:
            person = Name(tuple(claim.slot.head.split()))
            scored = [
                (1.0, f) for f in candidates if same_person(person, Name(tuple(f.mention.slot.head.split())))
            ]
            every: list[tuple[float | None, StoredFact]] = list(scored)
        else:
            every = [
                (similarity(claim.slot, fact.mention.slot, self.facts.idf, self.lexicon), fact)
                for fact in candidates
            ]
            scored = [(score, fact) for score, fact in every if score is not None and score >= RESCUE_FLOOR]
        # a value a later source calls the old one is no longer the slot's, unless the claim gives it
        called_old = self._values_called_old(claim, every_candidate)
        scored = [
            (s, f)
            for s, f in scored
            if not _called_old_since(f, called_old)
            or agrees(claim, f.mention, rule.spec, self.lexicon) is True
        ]
        matched = [(s, f) for s, f in scored if s >= MATCH]
        if not matched:
            matched = self._the_one_event(claim, candidates, others_all)
        if not matched:
            return Outcome(None, unsourced=True)
        eligible = self._eligible(claim, matched, rule)
        if not eligible:
            return Outcome(None, out_of_time=True)
        best = max(s for s, _ in eligible)
        # a length read from a start ("opened in 1921") is the claim's only when nothing fits better
        eligible = [(s, f) for s, f in eligible if "began" not in f.mention.slot.marks or s >= best]
        slot = [(s, f) for s, f in eligible if s >= best - SAME_SLOT]
        stories = {(f.group, _value_key(f.mention)) for _, f in slot}
        articles = {f.article for _, f in slot}
        # the same statement in another copy of the story belongs to the slot too
        slot += [
            (best, f)
            for f in candidates
            if f.article not in articles
            and f.kind_matches(claim)
            and (f.group, _value_key(f.mention)) in stories
        ]
        current = self._in_force(claim, slot)
        if not current:
            return Outcome(None, out_of_time=True)
        verdicts = [(s, f, agrees(claim, f.mention, rule.spec, self.lexicon)) for s, f in current]
        past_title = isinstance(claim.value, Title) and claim.value.past
        if claim.kind is Kind.ROLE and not past_title and all(v is None for _, _, v in verdicts):
            # "the former mayor" may be deputy mayor now
            verdicts = self._one_office(claim, current, eligible)
        agreeing = [f for s, f, v in verdicts if v is True]
        if agreeing:
            # later sources that say the same are cited too: they confirm, they cannot refute
            cited = {f.id for f in agreeing}
            when = claim.said_on
            for score, f in matched:
                if score < best - SAME_SLOT:
                    continue
                later = when is not None and f.mention.said_on is not None and f.mention.said_on > when
                if later and f.id not in cited and agrees(claim, f.mention, rule.spec, self.lexicon) is True:
                    agreeing.append(f)
                    cited.add(f.id)
            return Outcome(_confirmation(claim, [self.facts.source_ref(f) for f in agreeing]))
        # "from 410 in May": the time a figure held, which only agrees (one answer for every fact)
        figure_s_time = _a_figure_s_time(claim, siblings or [])
        disagreeing = [
            (s, f)
            for s, f, v in verdicts
            if v is False
            and _pinned_together(claim, s, f)
            and _more_than_the_noun(claim, f, said)
            and not self._another_event(claim, others_all, f)
            and not self._another_count(claim, siblings or [], f)
            and not self._another_office(claim, siblings or [], f)
            and not _of_an_earlier_year(claim, f.mention)
            and not _a_later_time(claim, f.mention)
            and not self._of_a_time_to_come(claim, f)
            and not _another_occasion(claim, f.mention)
            # "raised £38,400 from 1,500 donors in its first 17 days": a running total, not the last one
            and not _a_running_total(claim, f.mention)
            and not figure_s_time
            and not _another_part(claim, f.mention)
            and not ("whole" in claim.slot.marks and "whole" not in f.mention.slot.marks)
            and not _new_ones_and_all(claim, f.mention)
            # "expected to berth by Thursday" (which Thursday, the text does not say) agrees, never refutes
            and not (claim.kind is Kind.EVENT_DATE and "supposed" in f.mention.slot.marks)
        ]
        if not disagreeing or (claim.kind in MEASURED_KINDS and _one_article_many_values(disagreeing)):
            return Outcome(None)
        if claim.kind is Kind.ROLE and self._former_title(claim, scored, disagreeing):
            return Outcome(None)
        needed = _needed(claim, [f for _, f in disagreeing])
        if claim.kind is not Kind.ROLE and max(s for s, _ in disagreeing) < needed:
            return Outcome(None)
        if "supposed" in claim.slot.marks or "again" in claim.slot.marks:
            return Outcome(None)  # "if the fight lasts 12 rounds": a value supposed, judged only by agreement
        if "previous" in claim.slot.marks:
            # "up from £86m": a value of another time, judged only by agreement, unless the source
            # tells the same change: "£255, up from £245" against "£255, up from £235"
            disagreeing = [(s, f) for s, f in disagreeing if self._same_change(f, others_all)]
            if not disagreeing:
                return Outcome(None)
        top = max(s for s, _ in disagreeing)
        in_slot = {f.id for _, f in slot}
        margin = RESCUE_MARGIN_NAMES if claim.kind in (Kind.PERSON, Kind.PLACE) else RESCUE_MARGIN
        if claim.kind is Kind.DURATION:
            margin = RESCUE_MARGIN_DURATIONS
        contradicting = {f.group for _, f in disagreeing}
        # "440 have been made redundant" agrees where "employed 508" does not: the same act
        other_acts = set().union(*(_acts(f.mention.slot) for _, f in disagreeing))
        own_acts = _acts(claim.slot) - other_acts if other_acts else set()
        newest = max((f.mention.said_on for _, f in disagreeing if f.mention.said_on), default=None)
        score_of = {f.id: s or 0.0 for s, f in every}
        stale = (
            newest is not None and claim.said_on is not None and (claim.said_on - newest).days >= STALE_DAYS
        )
        # a past event's date is not superseded by a later source's other event: the statement
        # that matches best holds too ("who stepped down in April" and "appointed in August")
        past = _past_date(claim)
        event_unrefuted = bool(claim.slot.head) and all(
            g.mention.slot.head != claim.slot.head for _, g in disagreeing
        )
        # "at least 540" agrees with any larger figure: its own sentence's other figures say nothing
        one_of_many = claim.kind is not Kind.QUANTITY or _one_sided(claim)
        # a date the contradicting source gave as a plan may have moved since ("would start on
        # August 1", then "put back two weeks, to August 15"): a later source's value is doubt
        planned = any(_a_plan(f.mention) for _, f in disagreeing)
        mates = [] if one_of_many else [m for m in siblings or [] if _telling(m)]
        for f in candidates:
            s = score_of.get(f.id, 0.0)
            same_event = event_unrefuted and f.mention.slot.head == claim.slot.head
            superseded = f.id in in_slot and not (past and (s >= top or same_event))
            if "previous" in f.mention.slot.marks or superseded or not f.kind_matches(claim):
                continue  # "up from £48m" says what the figure was, not what it is
            close = s >= top - margin or (stale and s >= RESCUE_FLOOR)
            # the same story gives the draft's value for the same noun: "31 points" may be the
            # article's "31 points separating them", however much closer "five points" reads
            same_story = (
                bool(claim.slot.head)
                and f.mention.slot.head == claim.slot.head
                and f.group in contradicting
                and not _one_sided(claim)
            )
            # a later source gives the draft's value, however differently it words it: the
            # figure may have changed ("its cost has risen to £112 million"), or the statement
            # reported is the later one ("the council said on Monday")
            updated = (
                s >= UPDATE_FLOOR
                and newest is not None
                and _newer(f, newest, claim.said_on)
                and (
                    _may_change(claim, s)
                    or planned
                    or (s >= MATCH and claim.slot.head == said)
                    or self._tells_the_change(f, disagreeing)
                )
            )
            same_act = bool(own_acts & _acts(f.mention.slot)) and s >= MATCH
            if (
                _no_wider(f.mention, claim)  # "arrived in April" leaves no doubt of the day
                and agrees(claim, f.mention, rule.spec, self.lexicon) is True
                and (close or same_story or updated or same_act or self._told_together(f, mates))
            ):
                return Outcome(None)  # the slot is in doubt: say nothing
        return Outcome(self._finding(claim, rule, [f for _, f in disagreeing]))

    def _the_one_event(
        self, claim: Mention, candidates: list[StoredFact], siblings: list[Mention]
    ) -> list[tuple[float, StoredFact]]:
        """The facts of the one event of its word the sources date, for a date that names its event
        ("Wednesday's collapse", "Sunday's storm"): where every source that dates a collapse gives
        one day, the draft's collapse is that one, however little else the sentences share. Two
        days for the word (two meetings, or one moved) leave the slot open: say nothing."""
        if claim.kind is not Kind.EVENT_DATE or "named" not in claim.slot.marks or not claim.slot.head:
            return []
        if any(m.kind in MEASURED_KINDS and m.slot.when == claim.value for m in siblings):
            return []  # "Last month's figure was 58": the time of a figure, not an event
        sorts = [m.split("=", 1)[1] for m in claim.slot.marks if m.startswith("sort:")]
        same = [
            f
            for f in candidates
            if f.kind_matches(claim)
            and f.mention.slot.head == claim.slot.head
            # "Monday's sprint finish" is not the stage finish a town has not hosted since 2011
            and all(sort in dict(f.mention.slot.context) for sort in sorts)
            and similarity(claim.slot, f.mention.slot, self.facts.idf, self.lexicon, by_event=True)
            is not None
        ]
        days = {
            (f.mention.value.start, f.mention.value.end) for f in same if isinstance(f.mention.value, When)
        }
        if len(days) != 1 or None in next(iter(days)):
            return []
        return [(CONTRADICT, f) for f in same]

    def _swapped(
        self, claim: Mention, rule: RuleSpec, others: list[Mention], candidates: list[StoredFact]
    ) -> StoredFact | None:
        """The source's fact whose place the claim took, when the draft swaps two values of one
        source sentence: "Storage has dropped to 39 per cent overall, with Hollin Fell at 52 per
        cent" for "Overall storage has fallen to 52 per cent, and Hollin Fell is at 39 per cent".
        Each value must read clearly more like the other's statement than like its own, both ways."""
        if claim.kind not in MEASURED_KINDS or claim.said_on is None:
            return None
        agrees = AGREES[claim.kind]
        dated = [
            f for f in candidates if f.mention.said_on is not None and f.mention.said_on <= claim.said_on
        ]
        for other in others:
            if other.slot.dimension != claim.slot.dimension or _value_key(other) == _value_key(claim):
                continue
            if "previous" in other.slot.marks or "previous" in claim.slot.marks:
                continue  # "1,200 workers are out, up from 1,150": a value and its past
            fits_other = {f.id for f in dated if agrees(other, f.mention, rule.spec, self.lexicon) is True}
            fits_mine = {f.id for f in dated if agrees(claim, f.mention, rule.spec, self.lexicon) is True}
            # only values that fit one of the two tell which is which ("about 1,200" fits 1,150)
            its = [f for f in dated if f.id in fits_other - fits_mine]
            mine = [f for f in dated if f.id in fits_mine - fits_other]
            for taken in its:
                for left in mine:
                    if left.sentence != taken.sentence or left.article != taken.article:
                        continue
                    if self._reads_like(claim, taken, left) and self._reads_like(other, left, taken):
                        return taken
        return None

    def _values_called_old(self, claim: Mention, candidates: list[StoredFact]) -> dict[str, list[date]]:
        """The values sources of the claim's slot give as the one before a change ("has been put
        back from May 1 to June 12", "up from £86m") by the draft's date, each with the days they
        said so (see `_called_old_since`)."""
        old: dict[str, list[date]] = {}
        for g in candidates:
            said = g.mention.said_on
            if (
                "previous" in g.mention.slot.marks
                and g.kind_matches(claim)
                and said is not None
                and (claim.said_on is None or said <= claim.said_on)
                and (self.score(claim, g) or 0.0) >= RESCUE_FLOOR
            ):
                old.setdefault(_value_key(g.mention), []).append(said)
        return old

    def _told_together(self, fact: StoredFact, mates: list[Mention]) -> bool:
        """Whether the source sentence of `fact` (which gives the claim's value) also gives the value
        of another figure of the claim's sentence: "Some 1,150 residents have bought shares worth
        £380,000" restates "1,150 people have bought community shares, raising £380,000", however
        little else the two share."""
        if not mates:
            return False
        wanted = {(m.kind, _value_key(m)) for m in mates}
        return any((o.mention.kind, _value_key(o.mention)) in wanted for o in self.facts.sentence_facts(fact))

    def _reads_like(self, claim: Mention, theirs: StoredFact, own: StoredFact) -> bool:
        """Whether `claim` reads like `theirs` (another value's statement) by a clear margin over
        `own` (the statement its value is from)."""
        cross = similarity(claim.slot, theirs.mention.slot, self.facts.idf, self.lexicon)
        straight = similarity(claim.slot, own.mention.slot, self.facts.idf, self.lexicon)
        if ("part" in claim.slot.marks) != ("part" in own.mention.slot.marks):
            return False  # "Of the 290 homes" and "290 of the 348 homes": a whole and a part, not a swap
        return cross is not None and cross >= MATCH and cross - (straight or 0.0) >= SWAP_MARGIN

    def _same_change(self, fact: StoredFact, siblings: list[Mention]) -> bool:
        """Whether `fact` is the old value of a change whose new value the claim's sentence states
        too ("will cost £255, up from £245": the £255)."""
        if "previous" not in fact.mention.slot.marks:
            return False
        news = [m for m in siblings if m.kind is Kind.QUANTITY and "previous" not in m.slot.marks]
        theirs = [
            f.mention
            for f in self.facts.sentence_facts(fact)
            if f.mention.kind is Kind.QUANTITY and "previous" not in f.mention.slot.marks
        ]
        return any(self._by_own_rule(new, t) is True for new in news for t in theirs)

    def _another_event(self, claim: Mention, siblings: list[Mention], fact: StoredFact) -> bool:
        """Whether the fact's sentence tells of another event than the claim's, for a person or
        place: a value both sentences state of one slot differs ("won on January 5 by Greta
        Kowalski" against "Lucas Varga won ... on January 10"). Two wrong values in one sentence
        are less likely than two elections."""
        if not siblings or claim.kind not in (Kind.PERSON, Kind.PLACE):
            return False  # a wrong figure beside a wrong date is still two wrong values
        theirs = [f.mention for f in self.facts.sentence_facts(fact) if f.mention.kind in VALUE_KINDS]
        for ours in siblings:
            for other in theirs:
                if other.kind is not ours.kind or other.slot.dimension != ours.slot.dimension:
                    continue
                if not (ours.slot.head and ours.slot.head == other.slot.head):
                    continue
                if self._by_own_rule(ours, other) is False:
                    return True
        return False

    def _another_count(self, claim: Mention, siblings: list[Mention], fact: StoredFact) -> bool:
        """Whether a date that says when a figure was counted is refuted only by the time of another
        count: "1,720 parcels handed out in January" and "18,400 parcels handed out last year" are
        two counts, each with its own time, not one count misdated."""
        if claim.kind is not Kind.EVENT_DATE:
            return False
        ours = [
            m
            for m in siblings
            if m.kind in MEASURED_KINDS and m.slot.when == claim.value and claim.slot.head in _acts(m.slot)
        ]
        if not ours:
            return False
        theirs = [
            f.mention
            for f in self.facts.sentence_facts(fact)
            if f.mention.kind in MEASURED_KINDS and f.mention.slot.when == fact.mention.value
        ]
        return any(
            a.slot.dimension == b.slot.dimension and self._by_own_rule(a, b) is False
            for a in ours
            for b in theirs
        )

    def _another_office(self, claim: Mention, siblings: list[Mention], fact: StoredFact) -> bool:
        """Whether the claim's person and the fact's speak holding other offices, as their sentences
        give them: "Anneli Torvik, the fisheries minister, called it ..." and "Marta Oskarsen, its
        fisheries commissioner, called it ..." are two officials speaking, not one misnamed."""
        if claim.kind is not Kind.PERSON or claim.slot.head not in self._speech_keys:
            return False  # "was led by mission director Rafael Quiroga": a deed has one doer
        ours = _titles_of(claim, siblings)
        theirs = _titles_of(fact.mention, [f.mention for f in self.facts.sentence_facts(fact)])
        if not ours or not theirs:
            return False
        return all(
            same_office(a, b, self.lexicon, False) is False and _base_head(a) != _base_head(b)
            for a in ours
            for b in theirs
        )

    def _former_title(
        self,
        claim: Mention,
        scored: list[tuple[float, StoredFact]],
        disagreeing: list[tuple[float, StoredFact]],
    ) -> bool:
        """Whether the claim's title is one the person held before a change of office the sources
        tell ("the finance director, Alan Quigley, became acting chief executive"): the draft may
        speak of that time ("Quigley, the finance director who took over as acting chief
        executive"), so a title in the claim's own words is at most out of date."""
        held = [f for _, f in scored if _same_words(claim, f.mention)]
        changed = [f for f in held if "taken-up" in f.mention.slot.marks]
        changed += [f for _, f in disagreeing if "taken-up" in f.mention.slot.marks]
        return bool(held and changed)

    def _tells_the_change(self, fact: StoredFact, disagreeing: list[tuple[float, StoredFact]]) -> bool:
        """Whether the later sentence giving the claim's value gives the contradicting one too:
        "extend the deadline for applications from July 15 to August 29" moved the date, however
        little its words match the claim's."""
        old = {_value_key(f.mention) for _, f in disagreeing}
        return any(
            g.kind_matches(fact.mention) and _value_key(g.mention) in old
            for g in self.facts.sentence_facts(fact)
        )

    def _by_own_rule(self, ours: Mention, other: Mention) -> bool | None:
        """Whether a value of the claim's sentence agrees with another, by its own active rule
        (None when its kind has none)."""
        rule = self.rule_for(ours)
        return None if rule is None else AGREES[ours.kind](ours, other, rule.spec, self.lexicon)

    def slot_group(self, claim: Mention, besides: int | None = None) -> list[tuple[float, StoredFact]]:
        """The facts that fill the claim's slot, with their scores: what `judge` compares against.

        For timelines and the audit, which show a slot rather than decide on it; `besides`: a
        story group left out (a fact's own, when the audit asks what other sources say). Mirrors
        the first half of `judge`, left untouched so the decision there can be tuned alone.
        """
        candidates = [f for f in self.facts.candidates(claim) if f.group != besides]
        if claim.kind is Kind.ROLE:
            person = Name(tuple(claim.slot.head.split()))
            return [
                (1.0, f) for f in candidates if same_person(person, Name(tuple(f.mention.slot.head.split())))
            ]
        scored = [(self.score(claim, f), f) for f in candidates]
        matched = [(s, f) for s, f in scored if s is not None and s >= MATCH]
        if not matched:
            return []
        best = max(s for s, _ in matched)
        return [(s, f) for s, f in matched if s >= best - SAME_SLOT]

    def score(self, claim: Mention, fact: StoredFact) -> float | None:
        """How surely `fact` fills the claim's slot (see `similarity`)."""
        return similarity(claim.slot, fact.mention.slot, self.facts.idf, self.lexicon)

    def in_force(
        self, claim: Mention, slot: list[tuple[float, StoredFact]], rule: RuleSpec
    ) -> list[tuple[float, StoredFact]]:
        """The facts of `slot` the claim is compared with at its date: the point a timeline marks."""
        return self._in_force(claim, self._eligible(claim, slot, rule))

    def _one_office(
        self,
        claim: Mention,
        current: list[tuple[float, StoredFact]],
        eligible: list[tuple[float, StoredFact]],
    ) -> list[tuple[float, StoredFact, bool | None]]:
        """A title the sources' only office for the person contradicts: every title the sources
        before the draft (`eligible`) give them, not only the latest source's. Seats in a body are
        held beside any office, so they do not count, and the office is what the claim is
        compared with: "transport chief" is the "cabinet member for transport", whatever the
        latest source's "Councillor" says."""
        offices = [
            (s, f)
            for s, f in eligible
            if head_word(f.mention.value) not in self.lexicon.memberships  # type: ignore[arg-type]
        ]
        if not only_title([f.mention.value for _, f in offices]):  # type: ignore[misc]
            return [(s, f, None) for s, f in current]
        ours = claim.value
        assert isinstance(ours, Title)
        return [
            (s, f, same_office(ours, f.mention.value, self.lexicon, only_title=True))  # type: ignore[arg-type]
            for s, f in offices
        ]

    def _eligible(
        self, claim: Mention, matched: list[tuple[float, StoredFact]], rule: RuleSpec
    ) -> list[tuple[float, StoredFact]]:
        """The facts that may speak for the draft's date at all.

        Nothing written after the draft refutes it: the writer could not know. A figure that
        changes (a state: "has 2,500 troops", "will cost £214m") is compared only with sources
        from the `window-days` before the draft, since a much older one may have changed since;
        a figure of a finished event ("was filed by 37 residents") holds however old its source.
        """
        when = claim.said_on
        if when is None:
            return matched
        changes = getattr(rule.spec, "changes_over_time", False) and "past" not in claim.slot.marks
        window = getattr(rule.spec, "window_days", NO_WINDOW) if changes else NO_WINDOW
        return [
            (s, f)
            for s, f in matched
            if (f.mention.said_on is None or 0 <= (when - f.mention.said_on).days <= window)
            and not _said_after_its_time(claim, f.mention)
        ]

    def _in_force(
        self, claim: Mention, slot: list[tuple[float, StoredFact]]
    ) -> list[tuple[float, StoredFact]]:
        """The facts of the slot that hold at the draft's date: the latest sources before it that
        fill the slot, less values they mark as superseded ("up from", "instead of")."""
        if "previous" in claim.slot.marks:
            return slot  # the claim gives an old value: any source's value may be it
        slot = [(s, f) for s, f in slot if "previous" not in f.mention.slot.marks]
        when = claim.said_on
        if when is None or not slot:
            return slot
        undated = [(s, f) for s, f in slot if f.mention.said_on is None]
        held = claim.slot.when
        if claim.kind in MEASURED_KINDS and held is not None and held.end is not None and held.end < when:
            # "which had reached £62,000 in the middle of January": the figure of that time, as the
            # sources written by then give it, or as later ones give it for that time
            undated += [
                (s, f)
                for s, f in slot
                if f.mention.said_on is not None and f.mention.said_on <= when and self._of_the_time(f, held)
            ]
            when = held.end
        before = [(s, f) for s, f in slot if f.mention.said_on is not None and f.mention.said_on <= when]
        if not before:
            return undated
        latest = max(_date(f) for _, f in before)
        best = max(s for s, _ in before)
        # a figure of a finished event ("which valued Pellham at £1.58bn") is not superseded by a
        # later figure: the statement that matches it best holds too
        finished = claim.kind in MEASURED_KINDS and "past" in claim.slot.marks
        # an ordinal says which one of a series ("the first round", "a third round"): a later
        # member does not make an earlier one untrue
        series = isinstance(claim.value, Amount) and claim.value.ordinal
        return undated + [
            (s, f)
            for s, f in before
            if series or (latest - _date(f)).days <= SAME_TIME_DAYS or (finished and s == best)
        ]

    def _of_a_time_to_come(self, claim: Mention, fact: StoredFact) -> bool:
        """Whether the claim gives a figure for a time still to come ("Next year's carnival will
        return to the full 2.4-mile route") that the fact, a figure of its own day, does not speak
        of: this year's 1.8-mile route says nothing of next year's. A fact whose sentence names
        that time ("Next year's festival will run ..., and weekend tickets will cost £255") does."""
        held, written = claim.slot.when, claim.said_on
        if claim.kind is not Kind.QUANTITY or held is None or not held.resolved or written is None:
            return False
        if held.start is None or held.start <= written:
            return False
        return not self._of_the_time(fact, held)

    def _of_the_time(self, fact: StoredFact, held: When) -> bool:
        """Whether a fact gives its figure for the time `held`: a time of its own, or a date of that
        time in its sentence ("two complaints to the council about fire risk last year")."""
        if fact.mention.slot.when is not None:
            return True  # a time of its own that the claim's overlaps, or it would not be scored
        return any(
            isinstance(other.mention.value, When)
            and other.mention.value.resolved
            and other.mention.value.overlaps(held)
            for other in self.facts.sentence_facts(fact)
            if other.mention.kind is Kind.EVENT_DATE
        )

    def _finding(self, claim: Mention, rule: RuleSpec, facts: list[StoredFact]) -> Finding:
        sources = [self.facts.source_ref(f) for f in facts]
        shown = [_shown(claim, f.mention) for f in facts]
        expected = tuple(dict.fromkeys(_quick_fix(claim, f.mention) for f in facts))
        keys = {_value_key(f.mention) for f in facts}
        disagree = len(keys) > 1
        subject = claim.slot.head if claim.kind is not Kind.ROLE else _person(claim.slot.head)
        message = finding_message(
            rule.message,
            claim=_described(claim),
            expected=dict.fromkeys(shown),
            subject=subject or "this",
            source=sources[0].article.title or sources[0].article.path,
        )
        if disagree:
            message += " (the sources disagree among themselves)"
        return Finding(
            rule=rule.id,
            kind=claim.kind,
            severity=rule.severity,
            message=message,
            start=claim.reach[0] if claim.reach else claim.start,
            end=claim.reach[1] if claim.reach else claim.end,
            claim_text=claim.text,
            expected=expected,
            sources=_unique(sources),
            sources_disagree=disagree,
            doc_url=rule.link,
            fix=(claim.start, claim.end) if claim.reach else None,
            replaceable=not (isinstance(claim.value, Title) and claim.value.by_verb),
        )


def _base_head(title: Title) -> str:
    """A title's head without its rank: a "deputy mayor" holds the mayor's kind of office."""
    return title.head.split()[-1]


def _of_an_earlier_year(claim: Mention, fact: Mention) -> bool:
    """Whether the fact's figure is said of a year before the draft's, and the draft's of now: "The
    last outbreak, in 2019, infected 41 people" says nothing against "Measles has now infected 23
    people"."""
    when = fact.slot.when
    if claim.kind not in MEASURED_KINDS or claim.slot.when is not None or "past" in claim.slot.marks:
        return False
    if when is None or when.end is None or claim.said_on is None:
        return False
    return when.granularity == "year" and when.end.year < claim.said_on.year


def _another_occasion(claim: Mention, fact: Mention) -> bool:
    """Whether the claim dates something more than a week ahead of the draft and the fact something
    already past when its source was written: "The 2030 edition will start on May 12" is not
    refuted by "the 2029 Tour started in Kestwick on Sunday May 13", nor "has promised an open
    day in August" by "the ground station opened in November"."""
    ours, theirs = claim.value, fact.value
    if not (isinstance(ours, When) and isinstance(theirs, When)):
        return False
    if claim.said_on is None or fact.said_on is None or ours.start is None or theirs.end is None:
        return False
    ahead = (ours.start - claim.said_on).days
    return ahead > ANOTHER_OCCASION_DAYS and theirs.end < fact.said_on


def _a_later_time(claim: Mention, fact: Mention) -> bool:
    """Whether the fact dates a later time of what the claim says happened first: "was first
    announced in March" is not refuted by "the museum said on Tuesday" in June."""
    ours, theirs = claim.value, fact.value
    if "first-time" not in claim.slot.marks or "first-time" in fact.slot.marks:
        return False  # "first sold biscuits in 1912" and "sold his first biscuits in 1921" do differ
    if not (isinstance(ours, When) and isinstance(theirs, When)):
        return False
    return ours.end is not None and theirs.start is not None and theirs.start > ours.end


def _said_after_its_time(claim: Mention, fact: Mention) -> bool:
    """Whether the claim's figure is said of an earlier month than the draft's, and the fact's was
    said after that month, of its own present: "In October the council said 43
    households had been rehoused" is not refuted by November's 58, but is by a later source's
    "43 in October"."""
    time, said = claim.slot.when, fact.said_on
    if time is None or time.end is None or claim.said_on is None or said is None:
        return False
    if time.granularity != "month":
        return False  # "three complaints last year": a source of this year tells of last year too
    if time.end >= claim.said_on or said <= time.end + timedelta(days=SAME_TIME_DAYS):
        return False
    theirs = fact.slot.when
    return not (theirs is not None and theirs.resolved and time.resolved and theirs.overlaps(time))


def _titles_of(person: Mention, mentions: list[Mention]) -> list[Title]:
    """The titles a sentence gives `person` ("Anneli Torvik, the fisheries minister")."""
    assert isinstance(person.value, Name)
    name = " ".join(person.value.words)
    return [
        m.value
        for m in mentions
        if m.kind is Kind.ROLE and m.slot.head == name and isinstance(m.value, Title)
    ]


def _same_words(claim: Mention, fact: Mention) -> bool:
    """Whether a fact gives the claim's title in the claim's own words ("finance director")."""
    ours, theirs = claim.value, fact.value
    return isinstance(ours, Title) and isinstance(theirs, Title) and ours.words == theirs.words


def _no_wider(fact: Mention, claim: Mention) -> bool:
    """Whether a fact's date spans no more days than the claim's: "this year" holds any Wednesday,
    which says nothing of which Wednesday."""
    ours, theirs = claim.value, fact.value
    if not (isinstance(ours, When) and isinstance(theirs, When)):
        return True
    if not (ours.resolved and theirs.resolved):
        return False
    assert ours.start and ours.end and theirs.start and theirs.end
    return (theirs.end - theirs.start) <= (ours.end - ours.start)


def _called_old_since(fact: StoredFact, called_old: dict[str, list[date]]) -> bool:
    """Whether a source later than `fact` gives its value as the old one (`called_old`, from
    `Judge._values_called_old`): the value is out of date, and refutes nothing said since."""
    said = fact.mention.said_on
    return said is not None and any(day > said for day in called_old.get(_value_key(fact.mention), ()))


def _one_article_many_values(facts: list[tuple[float, StoredFact]]) -> bool:
    """Whether one article gives a figure's slot several values: an article does not contradict
    itself, so its "31 points", "five points" and "seven points" fill different slots, and which is the
    claim's ("a 10-point lead") is not known."""
    values: dict[int, set[str]] = {}
    for _, fact in facts:
        values.setdefault(fact.article, set()).add(_value_key(fact.mention))
    return any(len(keys) > 1 for keys in values.values())


def _telling(mention: Mention) -> bool:
    """Whether a figure is rare enough that finding it again marks the sentence it came from: "1,150
    residents", not "four"."""
    value = mention.value
    return isinstance(value, Amount) and value.low >= TELLING_FIGURE and value.low == value.high


def _one_sided(claim: Mention) -> bool:
    """ "More than 5,800", "up to 70": any larger (or smaller) figure of the story fits the bound,
    which says nothing about whether it is the claim's slot."""
    return isinstance(claim.value, Amount) and claim.value.bound in ("<=", ">=")


def _may_change(claim: Mention, score: float) -> bool:
    """Figures change, and so do planned dates ("now expected in the spring of 2027"); the date
    of something done does not, so a later source's other event does not excuse it."""
    if claim.kind is Kind.QUANTITY:
        return True
    return score >= MATCH and _a_plan(claim)


def _a_plan(mention: Mention) -> bool:
    """Whether a date was still to come when its source was written: a plan, which may move."""
    value = mention.value
    return (
        isinstance(value, When)
        and value.start is not None
        and mention.said_on is not None
        and value.start > mention.said_on
    )


def _past_date(claim: Mention) -> bool:
    """Whether the claim dates something already done when the draft was written ("who stepped
    down in April"): a later source's other event does not supersede it."""
    value = claim.value
    if claim.kind is not Kind.EVENT_DATE or not isinstance(value, When) or claim.said_on is None:
        return False
    return value.end is not None and value.end < claim.said_on


def _newer(fact: StoredFact, than: date, draft: date | None) -> bool:
    written = fact.mention.said_on
    return written is not None and written > than and (draft is None or written <= draft)


def _date(fact: StoredFact) -> date:
    assert fact.mention.said_on is not None
    return fact.mention.said_on


def _confirmation(claim: Mention, sources: list[SourceRef]) -> Confirmation:
    return Confirmation(claim.kind, claim.start, claim.end, claim.text, _unique(sources))


def _unique(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    seen: dict[tuple[str, int, int], SourceRef] = {}
    for source in sources:
        where = source.sentence_location
        seen.setdefault((where.path, where.line, where.column), source)
    return tuple(seen[key] for key in sorted(seen))  # in file order: the same output every run


def _person(key: str) -> str:
    return " ".join(w.capitalize() for w in key.split())


def _value_key(mention: Mention) -> str:
    value = mention.value
    if isinstance(value, Amount):
        return f"{value.low:.6g}-{value.high:.6g}"
    if isinstance(value, Period):
        return f"{value.low:.4g}"
    if isinstance(value, When):
        return value.describe()
    if isinstance(value, Title):
        return f"{value.head}/{value.qualifiers}"
    return " ".join(getattr(value, "words", ()))


def _described(mention: Mention) -> str:
    """ "Thursday (1 April 2021)": a relative date with the day it means."""
    value = mention.value
    if isinstance(value, When) and value.resolved and value.granularity not in ("year", "ago"):
        described = value.describe()
        if described.lower() != mention.text.lower():
            return f"{mention.text} ({described})"
    return mention.text


def _shown(claim: Mention, fact: Mention) -> str:
    if isinstance(fact.value, Period):
        return shown_at(fact.value, fact.text, fact.said_on, claim.said_on, "ongoing" in fact.slot.marks)
    return _described(fact)


def _quick_fix(claim: Mention, fact: Mention) -> str:
    """What replaces the draft's value: the source's, as the source writes it."""
    elapsed = elapsed_since(claim, fact)
    if elapsed is not None:
        return elapsed  # "It is 15 months since ...", not "It is Tuesday since ..."
    if isinstance(fact.value, Period):
        return shown_at(fact.value, fact.text, fact.said_on, claim.said_on, "ongoing" in fact.slot.marks)
    return fact.text


def contradiction_needs(claim: Mention, facts: list[StoredFact]) -> float:
    """The shared context a disagreeing fact needs to contradict `claim` (the audit holds
    sources to the same bar as drafts)."""
    return _needed(claim, facts)


def described(mention: Mention) -> str:
    """How messages show a value (a relative date with the day it means); timelines and the audit too."""
    return _described(mention)
