"""The one extractor: a paragraph in, every value in it with its slot out.

Applied to an article it yields facts; applied to a draft, the claims to check.
A value's slot is read from the words around it, clause by clause: the noun a
figure counts ("120 beds"), what a figure measures ("372 kilograms of fuel"),
what lasts ("the 25-day cruise"), the words of its own clause weighted above the
rest of the sentence, names in scope, and qualifiers that make it another slot
("up from £86m", "in December", "by 18 per cent"). A sentence that opens with
"it", "they" or "the group" borrows the previous sentence's words, so "It fired
for 14 minutes" is about the engine named just before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from factlint.model import Kind
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.directions import Direction, directions_in
from factlint.slots.events import EventReader, after_possessive_date
from factlint.slots.model import Amount, Mention, Name, Period, Slot, Value, When
from factlint.slots.names import LIST_JOINTS, SPEECH_VERBS, NameRun, find_roles, name_runs
from factlint.slots.origins import Origin, origin_of
from factlint.slots.tenure import Tenure, claimed_start, service_start
from factlint.slots.values import DAYS_PER_UNIT, MONTH_PARTS, TIME_UNITS, Found, find_values
from factlint.slots.words import (
    CLAUSE_AUXILIARIES,
    DETERMINERS,
    OWNERS,
    SAME_FORM_PASTS,
    Word,
    plural,
    record_word,
    verb_form,
    words_of,
)
from factlint.text.document import Paragraph
from factlint.text.sentences import sentences

NEAR = 4.0
"""Words this many places from a value weigh half as much as its neighbours: the scale of a phrase."""
CLAUSE_FACTOR = 0.5
"""Each clause boundary between a word and the value halves the word's weight."""
PREVIOUS_SENTENCE = 0.2
"""Weight of the previous sentence's words: a fact is often spread over two sentences."""
ANAPHORIC_PREVIOUS = 0.6
"""... and when the sentence opens with "it", "they", "the group": it is about what came before."""
CHANGE_NOUN_WORDS = 3
"""Words of the old figure's noun before "to" in "from 14 buses to 19"."""
CHANGED_TO_REACH = 10
"""Words between a new figure and its old one: "310,000 visitors came to the pier, up from 258,000"."""
NUMBER_OF_REACH = 12
"""Words before a bare count searched for "the number of <noun>" it gives."""
SUBSET_WORDS = frozenset({"first", "last", "final"})
"""Words that make "the <word> N things" some of more: "the first 164 homes"."""
OWNER_WORDS = 4
"""Words of an owner's name up to its "'s": "Of the *Brevard Star's* 25 crew", "of the *city
council's* 60 seats"."""
RESTATED_NOUN_WORDS = 2
"""Words of a noun between a figure in words and its restatement: "Nine in ten households, 91.4%"."""
FIRST_TIME_REACH = 8
"""Words before a date searched for the "first" of a first time: "was first announced in March"."""
PART_REACH = 5
"""Words after a count searched for "out of" its whole: "20 volunteers, out of the 95"."""
LAG_WORDS = frozenset({"later", "earlier", "late", "early", "behind", "ahead", "longer", "shorter",
                       "sooner"})  # fmt: skip
"""Words after a length that make it a difference between two times ("six months later than
planned"), never a length still running ("three months after the crash" is `_since_saying`'s)."""
ANTECEDENT_WEIGHT = 1.0
"""Weight of the noun a relative clause holding a date is about ("The lift, which opened on
February 19"): what the event is of, though a clause boundary away."""
SIMULTANEOUS_WEIGHT = 1.0
"""Weight of the event of a "when" clause after a date ("in 1894, when the brewhouse was built"):
an event of that date, but not the one the date is written for, so less than its head's 1.5."""
TENSE_REACH = 4
"""Words either side of a value that say whether it is a past event's or a present state's."""
PRESENT_WORDS = frozenset({"has", "have", "is", "are", "now", "currently", "remains", "remain", "stands",
                           "still", "today", "will", "would", "expected", "due", "'s"})  # fmt: skip
PAST_WORDS = frozenset({"was", "were", "had", "did", "ago", "then"})
NOT_PAST = frozenset({"are", "am", "been", "could", "might", "best", "better", "worse", "worst", "more",
                      "most", "less", "least"})  # fmt: skip
"""Words the lemma table gives another dictionary form that are no past tense ("better" -> "well")."""
SINGULAR_SUBJECTS = frozenset({"it", "he", "she", "this", "that"})
NEAR_NAME = 2
APPOSITIVE_WORDS = 4
"""Words between a name's comma and its figure in an aside ("Ellery, director for 12 years,")."""
"""A name within this many words of a value, in its clause, says whose value it is."""
MIN_WEIGHT = 0.08
"""Lighter words are left out of a slot: they say nothing about it and cost storage."""
ANAPHORS = frozenset({"it", "its", "they", "their", "he", "she", "his", "her", "under", "there"})
"""Sentence openers that refer back ("It fired for 14 minutes"). Not "this" or "that": they open
quotes and time phrases ("This is the biggest ...", "That week ...") as often as they refer."""
COMPARATIVES = frozenset({"more", "less", "fewer", "higher", "lower", "longer", "shorter", "wider",
                          "narrower", "taller", "deeper", "bigger", "smaller", "larger", "heavier", "lighter",
                          "cheaper", "dearer"})  # fmt: skip
DIFFERENCE_WORDS = COMPARATIVES | {"above", "below", "over", "under"}
"""Words after a figure that make it a difference from a sum before it: "3.2 million more"."""
COMPARED_OPENERS = frozenset({"the", "its", "their", "last", "first", "originally", "initially", "planned",
                              "expected", "forecast", "previously"})  # fmt: skip
"""Words opening what a difference is from: "£60,000 more than *the* revised budget", "90 metres
longer than *first* planned"."""
BEFORE_CHANGE_REACH = 6
"""Words after a figure searched for "before the rise": "was £2.20 a journey before the rise",
"Fifty-one floats had been entered before the date change"."""
FIRST_WORDS = frozenset({"first", "only", "biggest", "largest", "smallest", "highest", "lowest", "worst",
                         "best", "longest", "shortest"})  # fmt: skip
"""Words that make "in seven years" a length up to now: "the first ban in seven years"."""
DIMENSION_WORDS = frozenset({"long", "high", "wide", "deep", "tall", "thick", "across"})
"""Adjectives after a measure that say which way it runs, not what it measures ("40 feet long")."""
POSSESSIVE_ANAPHORS = frozenset({"its", "their", "his", "her"})
POSSESSED_PREVIOUS = PREVIOUS_SENTENCE
"""... when it opens "Its director, Jane Smith, ...": about a person of what came before, who is named."""
POSSESSED_REACH = 6
"""Words of "Its UK managing director" before the comma that sets off the name."""
PREVIOUS_MARKERS = (("up", "from"), ("down", "from"), ("instead", "of"), ("rather", "than"),
                    ("compared", "with"), ("compared", "to"), ("from",), ("originally",), ("initially",),
                    ("previously",), ("against",), ("from", "the"), ("up", "from", "the"),
                    ("down", "from", "the"), ("instead", "of", "the"), ("rather", "than", "the"),
                    ("compared", "with", "the"), ("compared", "to", "the"), ("earlier", "than", "the"),
                    ("later", "than", "the"), ("short", "of", "the"))  # fmt: skip
"""Words before a figure that make it the value of another time ("up from £86m", "instead of 120",
"two weeks earlier than the September 15 date set in May"), or of the other figure it is measured
against ("£50,000 short of the £900,000 the trust had requested")."""
VOTE_VERBS = frozenset({"vote", "pass", "back", "approve", "reject", "endorse", "adopt"})
"""Verbs a vote's score follows: "voted 14 to 5", "the motion passed nine to two"."""
CHANGE_MARKERS = (("by",), ("by", "about"), ("by", "some"), ("by", "around"), ("by", "nearly"))
"""Words before a figure that make it a change, not a level ("risen by 18 per cent")."""
INCREMENT_WORDS = frozenset({"more", "extra", "additional", "further", "another", "fewer", "less"})
COUNT_MODIFIERS = frozenset({"more", "new", "additional", "extra", "other", "further", "fewer", "existing",
                             "former", "current", "remaining", "separate", "full", "total",
                             "estimated"})  # fmt: skip
NOT_NOUNS = frozenset({"instead", "now", "still", "also", "already", "ago", "apiece", "alone", "together",
                       "each", "respectively", "altogether", "overall", "so", "far", "yet", "too", "per",
                       "plus", "apart", "away", "ahead", "behind", "later", "earlier", "more",
                       "less", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                       "southwest", "upstream", "downstream", "below", "above"})  # fmt: skip
ANTECEDENT_REACH = 7
"""A sentence's subject this short, set off by a comma, is what a length in the next phrase is of."""
FIRST_SPAN_REACH = 10
"""Words after a figure searched for the span it is a total of ("in its first four weeks")."""
WISH_WORDS = frozenset({"want", "hope", "could", "might", "may", "aim", "seek", "wish", "dream"})
"""Words that make a value wished for or possible rather than stated."""
CONDITION_WORDS = frozenset({"if", "unless", "whether"})
"""Words that make a value a supposition: "if the fight lasts 12 rounds"."""
WISH_REACH = 6
"""Words before a figure searched for a wish ("wants to try for a 13th child")."""
MONEY_VERBS = frozenset({"cost", "value", "price", "pay", "spend", "earn", "raise", "bid", "offer", "fine",
                         "charge", "sell", "buy", "borrow", "lend", "owe", "save"})  # fmt: skip
"""Verbs that say what a sum of money is, when no noun does: "cost £214m", "valued at £35m"."""
MONEY_VERB_REACH = 8
PART_NOUNS = frozenset({"share", "part", "portion", "proportion", "rest", "remainder", "balance", "fraction"})
PLAIN_HOLDERS = frozenset({"total", "number", "figure", "maximum", "minimum", "average", "tally",
                           "count", "sum", "estimate", "peak", "record", "all", "sample", "amount",
                           "group"})  # fmt: skip
"""Nouns before "of 35 men" that only say how the figure is given, not what holds the men: "a total
of 35 men" is the men's count, "a waiting list of 35 men" is the list's."""
"""Nouns that make a sum a part of the one they are of: "its share of the cost"."""
CHANGE_VERBS = frozenset({"rise", "raise", "increase", "grow", "fall", "cut", "reduce", "drop", "climb",
                          "change", "jump", "swell", "shrink", "slow", "delay", "postpone", "push", "extend",
                          "boost", "lower", "decline", "slip", "outnumber", "exceed", "beat", "lead",
                          "trail", "win", "lose", "up", "down", "back", "forward", "shorten", "lengthen",
                          "trim", "slash"})  # fmt: skip
"""Verbs whose "by" introduces a change ("risen by 18 per cent"), not an agent ("opposed by three")."""
CHANGE_PARTICLES = frozenset({"up", "down", "back", "forward"})
"""Of the change words, those that change only as particles: "pushed back by", not "backed by six"."""
RUNNING_PARTICIPLES = frozenset({"lasted", "spent", "run", "gone", "existed", "stood"})
"""Participles of a length still running after "has": "has lasted 12 years"."""
START_VERBS = frozenset({"open", "found", "establish", "start", "begin", "join", "build", "fit", "install",
                         "launch", "create", "form", "plant", "set", "introduce"})  # fmt: skip
"""Verbs whose year after "in" begins something still going: "opened in 1921", "joined in 2014"."""
END_VERBS = frozenset({"close", "shut", "end", "stop", "demolish", "retire", "leave", "die", "quit",
                       "cease", "scrap", "abandon", "replace", "sell", "finish"})  # fmt: skip
"""Verbs that end what began: a sentence with one tells of a length that is over."""
START_REACH = 4
"""Words before "in <year>" searched for the verb of beginning: "was founded by monks in 1132"."""
RECORD_REACH = 10
"""Words before "in" and a length searched for the superlative of a record: "the biggest ... in"."""
PERFECT_REACH = 12
"""Words back from "for" and a length to the "has" of a present perfect: "has been making ... for"."""
MOVE_VERBS = frozenset({"rise", "increase", "grow", "fall", "drop", "climb", "jump", "swell", "shrink",
                        "decline", "slip", "slide", "surge", "soar", "plunge", "tumble", "gain"})  # fmt: skip
"""Verbs a percentage right after is the change of: "shares fell 13 per cent" ("fell to 13 per
cent" is a level)."""
MOVED_BY = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "now", "already",
                      "since", "then", "further", "sharply", "steadily"})  # fmt: skip
"""Words between a verb of moving and its subject: "the bill has now climbed to £6.5 million"."""
MOVED_REACH = 10
"""Words back from "to" to the verb of moving: "fell by £12 million over the year, to £498 million"."""


USUAL_WORDS = frozenset({"usually", "normally", "typically", "ordinarily", "generally"})
"""Words that make a figure what usually holds: "The region usually produces 142,000 tonnes"."""
USUAL_ADJECTIVES = frozenset({"normal", "usual", "typical", "average"})
"""... and adjectives: "a normal 52,000 tonnes", "in an average year"."""
FIRST_PLAN_WORDS = frozenset({"due", "expected", "scheduled", "planned", "set", "meant", "supposed"})
"""Words of a plan that "first", "originally" make an old one: "was first due to open in 2030"."""
ESTIMATE_WORDS = frozenset({"put", "estimated", "valued", "forecast", "projected", "budgeted", "costed"})
"""Participles of an estimate that "had been" makes an old one: "It had been put at £38,000"."""
CHANGE_NOUNS = frozenset({"cut", "cuts", "rise", "rises", "increase", "increases", "reduction", "fall",
                          "drop", "hike", "decrease", "decline", "shortfall"})  # fmt: skip
"""Nouns right after a figure that make it a change, not a level: "the £10,000 cut", "a 5% rise"."""
SIDE_REACH = 6
"""Words after a count searched for the side of a vote it is on: "councillors who voted against"."""
MARKER_REACH = 6
"""Words before a value searched for a marker of its slot: "usually produces about", "was first
due to open in"."""


@dataclass(frozen=True)
class ReadMention:
    """A mention with the offsets of the sentence it stands in (for provenance)."""

    mention: Mention
    sentence_start: int
    sentence_end: int
    fallback: Mention | None = None
    """Another reading of the same words, judged when no source fills this one's slot: "governor
    for the past eight years" as the start of the post, where a source dates only that."""


def extract_paragraph(
    text: str,
    said_on: date | None,
    lexicon: Lexicon,
    nlp: Any,
    *,
    base: int = 0,
    date_known: bool = True,
    known_names: frozenset[str] = frozenset(),
    lead: str = "",
    derive: bool = False,
) -> Iterator[ReadMention]:
    """Every value in `text` with its slot; offsets shifted by `base`.

    When `date_known` is false, `said_on` is only assumed (a draft with no date is
    taken as written today): relative dates stay unresolved rather than pinned to
    a guess, but the mention still carries `said_on` for comparing figures.
    `lead` is the paragraph before (see `with_leads`): news paragraphs are a sentence or
    two, so "It closes on October 11." often refers to the paragraph above. `derive`: a source's
    facts also give what their values imply (a length of service dates the start of a post).
    """
    read_on = said_on if date_known else None
    previous: dict[str, float] = {}
    previous_names: tuple[str, ...] = ()
    first = True
    for sentence in sentences(nlp, text):
        words = words_of(sentence)
        if not words:
            continue
        if first and lead and _may_refer_back(words[0].lower):
            previous, previous_names = _closing_context(lead, read_on, lexicon, nlp, known_names)
        first = False
        found, runs = _values_and_names(words, read_on, lexicon, known_names)
        anaphoric = words[0].lower in ANAPHORS or _definite_callback(words, previous)
        carried = ANAPHORIC_PREVIOUS if anaphoric else PREVIOUS_SENTENCE
        if anaphoric and words[0].lower in POSSESSIVE_ANAPHORS and _names_its_subject(words, runs):
            carried = POSSESSED_PREVIOUS  # "Its managing director, Sandrine Leclerc, says ...": hers
        if _contrastive(words):
            anaphoric, carried = False, 0.0  # "The other, 51, was discharged": not the one just named
        reader = _SentenceReader(words, found, runs, lexicon, previous, carried, derive)
        s_start, s_end = words[0].start + base, words[-1].end + base
        for mention in reader.mentions(text, base, said_on, previous_names if anaphoric else ()):
            fallback = reader.fallbacks.get((mention.kind, mention.start, mention.end))
            yield ReadMention(mention, s_start, s_end, fallback)
        previous = reader.sentence_context()
        previous_names = _names_of(runs)


def with_leads(paragraphs: Iterable[Paragraph]) -> Iterator[tuple[Paragraph, str]]:
    """Each paragraph with its `lead`: the paragraph before when it opens with a pronoun ("It
    closes on October 11."), else "": a paragraph that does not is read, and memoised, on its own."""
    before = ""
    for paragraph in paragraphs:
        match = _FIRST_WORD.match(paragraph.text)
        yield paragraph, before if match and _may_refer_back(match.group(0).lower()) else ""
        before = paragraph.text


_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")


def _may_refer_back(first_word: str) -> bool:
    """A pronoun: "The stadium ..." opening a paragraph is about the stadium more than about the
    paragraph above (a definite callback borrows within a paragraph only)."""
    return first_word in ANAPHORS


def _closing_context(
    lead: str, read_on: date | None, lexicon: Lexicon, nlp: Any, known_names: frozenset[str]
) -> tuple[dict[str, float], tuple[str, ...]]:
    """The words and names of the last sentence of `lead`, as a next sentence borrows them."""
    read = [words for words in (words_of(s) for s in sentences(nlp, lead)) if words]
    if not read:
        return {}, ()
    words = read[-1]
    found, runs = _values_and_names(words, read_on, lexicon, known_names)
    return _SentenceReader(words, found, runs, lexicon, {}, 0.0).sentence_context(), _names_of(runs)


def _values_and_names(
    words: list[Word], read_on: date | None, lexicon: Lexicon, known_names: frozenset[str]
) -> tuple[list[Found], list[NameRun]]:
    """A sentence's values, then its names among the words the values leave."""
    found = find_values(words, read_on, lexicon)
    taken = {k for f in found for k in range(f.start - f.bound_words, f.end)}
    return found, name_runs(words, taken, lexicon, known_names)


def _names_of(runs: list[NameRun]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(r.key) for r in runs))


DEFINITE_OPENERS = frozenset({"the", "that", "this", "these", "those"})


def _contrastive(words: list[Word]) -> bool:
    """Whether a sentence opens on something other than what came before ("The other, 51, was
    discharged on Thursday", "Another ..."): it borrows nothing from the sentence before."""
    first = [w.lower for w in words[:2]]
    return first[:1] == ["another"] or first == ["the", "other"]


def _names_its_subject(words: list[Word], runs: list[NameRun]) -> bool:
    """Whether the sentence's subject, after its possessive opener, is a name set off by commas or
    right after a title ("Its UK managing director, Sandrine Leclerc, says")."""
    first_comma = next((k for k, w in enumerate(words) if w.text == ","), None)
    if first_comma is None or first_comma > POSSESSED_REACH:
        return False
    return any(r.start == first_comma + 1 for r in runs)


def _definite_callback(words: list[Word], previous: dict[str, float]) -> bool:
    """ "The group numbers 41": a definite noun phrase that names something just mentioned."""
    if len(words) < 2 or words[0].lower not in DEFINITE_OPENERS:
        return False
    return any(w.lemma in previous for w in words[1:4] if w.content)


class _SentenceReader:
    def __init__(
        self,
        words: list[Word],
        found: list[Found],
        runs: list[NameRun],
        lexicon: Lexicon,
        previous: dict[str, float],
        carried: float,
        derive: bool = False,
    ) -> None:
        self.derive = derive
        """Whether to add what a source's values imply (the start a length of service dates)."""
        self.words = words
        self.found = found
        self.roles = find_roles(words, runs, lexicon)
        self.fallbacks: dict[tuple[Kind, int, int], Mention] = {}
        """Other readings of a mention's words (`ReadMention.fallback`), by kind and offsets."""
        in_titles = {k for role in self.roles for k in range(role.title_start, role.title_end)}
        self.runs = [r for r in runs if r.start not in in_titles]
        """Names, less the words of titles ("Finance" of "Finance Director Hana Brennan")."""
        self.lexicon = lexicon
        self.previous = previous
        self.carried = carried
        self.found = [self._unit_of_change(f) for f in found]
        self.value_at = {k for f in found for k in range(f.start, f.end)}
        self.keys = [self._key(k) for k in range(len(words))]
        lemmas = [w.lemma for w in words]
        k = 0
        while k < len(words):  # "touched down", "operating theatres": one word of the lexicon
            length, key = lexicon.longest_phrase(lemmas, k) if lexicon.phrases else (0, "")
            if length and not any(m in self.value_at for m in range(k, k + length)):
                for m in range(k, k + length - 1):
                    self.keys[m] = ""
                self.keys[k + length - 1] = key
                k += length
            else:
                k += 1

        self.events = EventReader(words, self.keys, lexicon, self.roles, self._after_noun)

    def _key(self, k: int) -> str:
        word = self.words[k]
        if not word.content or k in self.value_at:
            return ""
        return self.lexicon.synonym(word.lemma)

    def _restated(self, f: Found) -> bool:
        """Whether a share in words is restated in digits right after it ("Nine in ten
        households, 91.4 per cent, returned the form"): the digits say it, more exactly."""
        words = self.words
        if not isinstance(f.value, Amount) or f.value.dimension != "percent":
            return False  # "two dozen drivers, sixteen of them new": a part, not the same figure
        if any(c.isdigit() for w in words[f.start : f.end] for c in w.text):
            return False
        comma = f.end
        while comma < min(f.end + RESTATED_NOUN_WORDS, len(words)) and words[comma].content:
            comma += 1  # "Nine in ten households, 91.4 per cent"
        if comma + 1 >= len(words) or words[comma].text != ",":
            return False
        return any(
            g.start - g.bound_words == comma + 1
            and isinstance(g.value, Amount)
            and g.value.dimension == f.value.dimension
            and words[g.start].text[:1].isdigit()
            for g in self.found
        )

    def sentence_context(self) -> dict[str, float]:
        return {key: 1.0 for key in self.keys if key}

    def mentions(
        self, text: str, base: int, said_on: date | None, carried_names: tuple[str, ...]
    ) -> Iterator[Mention]:
        words = self.words
        for f in self.found:
            if self._restated(f):
                continue
            slot = self._slot(f, carried_names)
            if slot is None:
                continue
            start, end = words[f.start].start, words[f.end - 1].end
            if words[f.end - 1].text.endswith(".") and len(words[f.end - 1].text) > 1:
                end -= 1  # "£37.4m." at a sentence's end: the full stop is not the figure's
            tenure = None if self.derive else self._service(f, slot, said_on)
            if tenure is not None:
                # "Mr Stott, governor for the past eight years": when his post began, as a source's
                # "who has run the prison since 2029" dates it
                tenure_slot = self._tenure_slot(tenure.owner, slot.context)
                self.fallbacks[(f.kind, start + base, end + base)] = Mention(
                    Kind.EVENT_DATE,
                    start + base,
                    end + base,
                    text[start:end],
                    tenure.when,
                    tenure_slot,
                    said_on,
                )
            yield Mention(f.kind, start + base, end + base, text[start:end], f.value, slot, said_on)
            if self.derive:
                for kind, value, implied in self._implied(f, slot, said_on):
                    yield Mention(kind, start + base, end + base, text[start:end], value, implied, said_on)
        roles = self.roles
        role_spans: set[int] = set()
        for role in roles:
            role_spans.update(range(role.title_start, role.title_end))
            start, end = words[role.title_start].start, words[role.title_end - 1].end
            person = " ".join(role.person.key)
            marks = ("taken-up",) if role.taken_up else ()
            slot = Slot(Kind.ROLE, person, names=(person,), marks=marks)
            first = min(role.title_start, role.person.start)
            last = max(role.title_end, role.person.end) - 1
            reach = (words[first].start + base, words[last].end + base)
            yield Mention(
                Kind.ROLE, start + base, end + base, text[start:end], role.title, slot, said_on, reach
            )
        for direction in directions_in(words):
            start, end = words[direction.start].start, words[direction.end - 1].end
            slot = self._direction_slot(direction, carried_names)
            yield Mention(
                Kind.PLACE, start + base, end + base, text[start:end], Name(direction.points), slot, said_on
            )
        titled = {role.person.start for role in roles}
        for run in self.runs:
            if (run.kind == "name" and run.start not in titled) or run.start in role_spans:
                continue
            kind = Kind.PLACE if run.kind == "place" and run.start not in titled else Kind.PERSON
            slot = self._name_slot(run, kind, carried_names)
            start, end = words[run.start].start, words[run.end - 1].end
            yield Mention(kind, start + base, end + base, text[start:end], Name(run.key), slot, said_on)

    # --- slots ----------------------------------------------------------------------

    def _slot(self, f: Found, carried_names: tuple[str, ...]) -> Slot | None:
        marks = self._marks(f)
        context = self._context(f.start - f.bound_words, f.end)
        head, dimension = "", ""
        if isinstance(f.value, Amount):
            dimension = f.value.dimension
            head, part = self._amount_head(self._changed_from(f) or f)
            if not head and "previous" in marks and (new := self._changed_to(f)) is not None:
                head, _ = self._amount_head(new)  # "310,000 visitors, up from 285,000": visitors too
            if part:
                marks.append("part")  # "Of the 415 posts ..., 137 have been filled"
            if f.value.ordinal and not head:
                return None  # "first", "the second": no telling what it ranks
            if head:
                context[head] = max(context.get(head, 0.0), 1.5)
            act = self.events.figure_act(f.start - f.bound_words, f.end)
            if act and act != head:
                marks.append(f"act:{act}")
            onto = self._destination(f.end)
            if onto:
                marks.append(f"onto:{onto}")  # "added £240,000 to the bill", not "to its grant"
            holding = self._holder(f.start - f.bound_words) if head else ""
            if holding and holding != head:  # "at an extra cost of £40,000": the cost is the figure
                marks.append(f"in:{holding}")  # "a waiting list of 35 men", not "places for 90 men"
        elif isinstance(f.value, Period):
            dimension = "time"
            head = (
                self._after_noun(f.end)
                or self._of_noun(f.end)
                or self._noun_lasting(f.start - f.bound_words)
                or self._antecedent(f.start)
            )
            if head:
                context[head] = max(context.get(head, 0.0), 1.5)
            if self._record_span(f):
                marks.append("record")  # "the biggest thing built in half a century": a record's span
            if self._window(f.start - f.bound_words):
                marks.append("window")  # "in three of the past five years": what is counted over
            if self._every(f):
                marks.append("every")  # "run every 10 minutes": how often, not how long
            elif self._until(f):
                marks.append("until")  # "will go in seven weeks": how long until, not how long
            elif self._ongoing(f):
                marks.append("ongoing")
            if self.words[f.end - 1].lower == "old":
                marks.append("age")  # "the 46-year-old": how old someone is, not how long they served
        elif isinstance(f.value, When):
            if self._again(f.start - f.bound_words):
                marks.append("again")  # "improved again in March": another time than the source's
            elif self._which_year(f):
                marks.append("again")  # "this year's race": which race, not when races are
            holder = None if self.derive else claimed_start(self.words, f, self.runs)
            if holder is not None:  # "who took over as chief executive in 2016"
                return self._tenure_slot(holder, _rounded(context))
            head = self.events.date_event(f)
            if head:
                context[head] = max(context.get(head, 0.0), 1.5)
                subject = self.events.what_begins(f, head)
                if subject:
                    marks.append(f"of:{subject}")
                marks += self._event_sorts(f, head)
            about = self.events.relative_antecedent(f)
            if about:  # "The four-seat lift, which opened on February 19": the lift's opening
                context[about] = max(context.get(about, 0.0), ANTECEDENT_WEIGHT)
                if head and not any(m.startswith("of:") for m in marks):
                    marks.append(f"of:{about}")
            also = self.events.simultaneous_event(f)
            if also:  # "in 1894, when the brewhouse was built": an event of the same date
                context[also] = max(context.get(also, 0.0), SIMULTANEOUS_WEIGHT)
        return Slot(
            kind=f.kind,
            head=head,
            dimension=dimension,
            context=_rounded(context),
            names=self._names_in_clause(f.start) + carried_names,
            near=self._near_names(
                f.start - f.bound_words,
                f.end,
                dated=f.kind is Kind.EVENT_DATE,
                lasting=f.kind is Kind.DURATION,
            ),
            marks=tuple(sorted(set(marks))),
            when=self._qualifying_when(f),
        )

    def _name_slot(self, run: NameRun, kind: Kind, carried_names: tuple[str, ...]) -> Slot:
        context = self._context(run.start, run.end)
        head = ""
        marks: tuple[str, ...] = ()
        origin = origin_of(self.words, run, self.runs) if kind is Kind.PLACE else None
        if origin is None and kind is Kind.PLACE:
            first = self._list_head(run)  # "in Dublin, Cork and Galway": each is where the first is
            before = first.start - 1
            if before >= 1 and self.words[before].lower == "the":
                before -= 1
            noun = before - 1  # "the operations centre in Bremen": the noun before the preposition
            if noun >= 2 and noun in self.value_at and self.words[noun - 1].lower == "of":
                noun -= 2  # "a boy of 17 in Swansea": the noun the age is of
            if noun >= 0 and self.keys[noun]:
                head = self.keys[noun]
                context[head] = max(context.get(head, 0.0), 1.5)
                if self._the_one(noun):
                    marks = ("the-one",)
        elif kind is Kind.PERSON:
            head = self.events.act_of(run)
            if head:
                context[head] = max(context.get(head, 0.0), 1.5)
                marks = ("the-one",)  # who did it: one act
        key = " ".join(run.key)
        own = tuple(n for n in self._names_in_clause(run.start) if n != key)
        if not own:
            own = tuple(n for n in dict.fromkeys(" ".join(r.key) for r in self.runs) if n != key)
        names = own + carried_names
        if origin is not None:
            return self._origin_slot(origin, context, names)
        return Slot(kind, head, context=_rounded(context), names=names, marks=marks)

    def _the_one(self, noun: int) -> bool:
        """ "the new ambulance station at", "a meeting in", "will be held in", not "parents in":
        one thing, or one act, the sentence speaks of, not some of many."""
        return not plural(self.words[noun]) or verb_form(self.words[noun])

    def _length_since(self, f: Found, said_on: date | None) -> Period | None:
        """How long it has been since a year or month after "since" ("the first ban since 2018"),
        on the day the text was written."""
        value = f.value
        before = f.start - f.bound_words - 1
        if (
            said_on is None
            or not isinstance(value, When)
            or before < 0
            or self.words[before].lower != "since"
        ):
            return None
        if value.granularity not in ("year", "month"):
            return None
        return _elapsed(value, said_on)

    def _length_from_start(self, f: Found, said_on: date | None) -> Period | None:
        """How long something has gone on since the year it began ("The creamery, which opened in
        1921", "She joined the crew in 2014"), on the day the text was written; None when the
        sentence also tells of an end ("opened in 1850 and closed in 1990")."""
        value = f.value
        before = f.start - f.bound_words - 1
        if said_on is None or not isinstance(value, When) or before < 1 or self.words[before].lower != "in":
            return None
        if value.granularity != "year":
            return None
        verbs = self.words[max(0, before - START_REACH) : before]
        if not any(w.lemma in START_VERBS and _past_form(w) for w in verbs):
            return None
        if any(w.lemma in END_VERBS for w in self.words):
            return None
        return _elapsed(value, said_on)

    def _implied(self, f: Found, slot: Slot, said_on: date | None) -> Iterator[tuple[Kind, Value, Slot]]:
        """What a source's value implies besides itself: the length since the year after "since"
        ("the first ban since 2018" is one in nine years), and the start of a post that a length of
        service dates ("chief executive for the past eight years") or a start states ("became chief
        executive in 2019")."""
        since, began = self._length_since(f, said_on), False
        if since is None:
            since = self._length_from_start(f, said_on)
            began = since is not None
        if since is not None:
            extra = (
                {"to-date"}
                | ({"record"} if self._record_span(f) else set())
                | ({"began"} if began else set())
            )
            marks = tuple(sorted((set(slot.marks) | extra) - {"past"}))
            yield (
                Kind.DURATION,
                since,
                replace(slot, kind=Kind.DURATION, dimension="time", marks=marks, when=None),
            )
        tenure = service_start(self.words, f, self.roles, self.runs, self.lexicon.titles, said_on)
        if (
            tenure is None
            and isinstance(f.value, When)
            and (holder := claimed_start(self.words, f, self.runs))
        ):
            tenure = Tenure(holder, f.value)
        if tenure is not None:
            yield Kind.EVENT_DATE, tenure.when, self._tenure_slot(tenure.owner, slot.context)

    def _service(self, f: Found, slot: Slot, said_on: date | None) -> Tenure | None:
        """A length of service in a post still held ("for the past eight years"): its start."""
        if not isinstance(f.value, Period) or not ("ongoing" in slot.marks or self._for_the_past(f)):
            return None
        return service_start(self.words, f, self.roles, self.runs, self.lexicon.titles, said_on)

    def _for_the_past(self, f: Found) -> bool:
        """ "governor for the past eight years": a length up to the day of saying."""
        start = f.start - f.bound_words
        lower = [w.lower for w in self.words[max(0, start - 3) : start]]
        return lower[:2] == ["for", "the"] and lower[2:] in (["past"], ["last"])

    def _tenure_slot(self, owner: NameRun, context: tuple[tuple[str, float], ...]) -> Slot:
        """The start of a person's post: pinned by the person, placed by the words around it."""
        key = " ".join(owner.key)
        begin = self.lexicon.synonym("begin")
        return Slot(Kind.EVENT_DATE, begin, context=context, names=(key,), near=(key,), marks=("tenure",))

    def _direction_slot(self, direction: Direction, carried_names: tuple[str, ...]) -> Slot:
        """Where something lies from a place, or which side of a thing: a slot of its own
        ("direction"), anchored by what it is reckoned from ("north of Kilvarrow")."""
        anchor = self.keys[direction.anchor] or self.words[direction.anchor].lower
        context = self._context(direction.start, direction.end)
        names = self._names_in_clause(direction.start) + carried_names
        return Slot(
            Kind.PLACE, "", context=_rounded(context), names=names, near=(anchor,), marks=("direction",)
        )

    def _origin_slot(self, origin: Origin, context: dict[str, float], names: tuple[str, ...]) -> Slot:
        """Where something is from: a slot of its own ("origin"), pinned by whose origin it is."""
        head = ""
        if origin.noun is not None:
            head = self.keys[origin.noun]
        elif origin.noun_after is not None:
            head = self._after_noun(origin.noun_after)
        if head:
            context[head] = max(context.get(head, 0.0), 1.5)
        near = (" ".join(origin.owner.key),) if origin.owner else ()
        return Slot(Kind.PLACE, head, context=_rounded(context), names=names, near=near, marks=("origin",))

    def _list_head(self, run: NameRun) -> NameRun:
        """The first name of the list `run` ends ("Dublin" for "Galway" in "Dublin, Cork and Galway")."""
        by_end = {r.end: r for r in self.runs}
        while True:
            k = run.start
            while k > 0 and self.words[k - 1].lower in LIST_JOINTS:
                k -= 1
            previous = by_end.get(k)
            if k == run.start or previous is None or previous.kind != "place":
                return run
            run = previous

    def _context(self, a: int, b: int) -> dict[str, float]:
        """Words around words[a:b], weighed by distance and by clause boundaries crossed."""
        words = self.words
        context: dict[str, float] = {}
        own = words[min(a, len(words) - 1)].clause
        # "..., the agency said on Monday": an attribution dates what the sentence says
        speech = any(w.lower in SPEECH_VERBS for w in words if w.clause == own)
        for k, key in enumerate(self.keys):
            if not key or a <= k < b:
                continue
            distance = a - k if k < a else k - b + 1
            weight = 1.0 / (1.0 + (distance - 1) / NEAR)
            if not speech:
                weight *= CLAUSE_FACTOR ** abs(words[k].clause - own)
            if weight >= MIN_WEIGHT and weight > context.get(key, 0.0):
                context[key] = weight
        for key, weight in self.previous.items():
            carried = weight * self.carried
            if carried >= MIN_WEIGHT and carried > context.get(key, 0.0):
                context[key] = carried
        return context

    def _near_names(self, a: int, b: int, dated: bool = False, lasting: bool = False) -> tuple[str, ...]:
        """Names right by a value ("Lund on 24", "Turkey's 500 troops"): whose value it is. For a
        date, a place after its preposition says where its event was, not whose it is."""
        clause = self.words[a].clause
        if a >= 2 and self.words[a - 1].lower in ("on", "at"):
            owner = [" ".join(r.key) for r in self.runs if r.end == a - 1]
            if owner:
                return tuple(owner)  # "Tasker on 30, Lund on 24": whose figure comes first
        near = []
        for run in self.runs:
            if self.words[run.start].clause != clause or (dated and self._located(run)):
                continue
            before = 0 <= a - run.end <= NEAR_NAME and not self._apart(run.end, a)
            after = 0 <= run.start - b <= NEAR_NAME and not self._apart(b, run.start)
            if before or after:
                near.append(" ".join(run.key))
        return tuple(near) or (self._appositive_owner(a, b) if lasting else ())

    def _appositive_owner(self, a: int, b: int) -> tuple[str, ...]:
        """The name a length is said of between commas ("Margaret Ellery, director for 12 years,
        left"): whose it is, however many names the sentence holds."""
        words = self.words
        comma = next((k for k in range(a - 1, max(-1, a - 1 - APPOSITIVE_WORDS), -1) if words[k].punct), -1)
        aside = words[comma + 1 : a]
        if (
            comma < 1
            or words[comma].text != ","
            or any(verb_form(w) or w.upper or w.lower in VERB_MARKERS for w in aside)
        ):
            return ()  # not "Fellreach, will finish five months later": a predicate, not an aside
        close = next(
            (k for k in range(b, min(len(words), b + APPOSITIVE_WORDS)) if words[k].punct), len(words)
        )
        if close < len(words) and words[close].text not in (",", "."):
            return ()
        return tuple(" ".join(r.key) for r in self.runs if r.end == comma)

    def _set_off(self, a: int, b: int) -> bool:
        """Whether words[a:b] stand between commas (", in 2019,")."""
        words = self.words
        return a >= 1 and b < len(words) and words[a - 1].text == "," and words[b].text == ","

    def _located(self, run: NameRun) -> bool:
        """Whether a name is where something is or what was done to it ("Fennick Lane Primary
        School in Corranby reopened on November 8", "visited Hollinsby last Wednesday"): a place
        after its preposition, or a thing right after a verb, says where or what, not whose."""
        before = run.start - 1
        if before >= 0 and verb_form(self.words[before]) and run.kind != "person":
            return True
        return (
            run.kind == "place"
            and before >= 0
            and self.words[before].lower in self.lexicon.place_prepositions
        )

    def _apart(self, a: int, b: int) -> bool:
        """ "30 per cent for Tasker, 22 per cent for Lund": a comma ends one figure's owner; "the
        Chamber of Trade said four shops had closed": who says it does not own the figure."""
        return any(w.text in (",", ";") or w.lower in SPEECH_VERBS for w in self.words[a:b])

    def _names_in_clause(self, k: int) -> tuple[str, ...]:
        """Names in the value's clause; in a clause with none ("..., with 32 stations", "..., who
        received 146,157 votes"), the sentence's: the clause is about what the sentence names."""
        clause = self.words[k].clause
        own = tuple(" ".join(r.key) for r in self.runs if self.words[r.start].clause == clause)
        if own and self._second_predicate(k):
            # "Dean Holloway broke his leg and was taken to James Cook Hospital": the subject's too
            before = tuple(" ".join(r.key) for r in self.runs if self.words[r.start].clause == clause - 1)
            return tuple(dict.fromkeys(before + own))
        if own:
            return self._who_clause_name(k) + own
        before = tuple(
            dict.fromkeys(" ".join(r.key) for r in self.runs if self.words[r.start].clause < clause)
        )
        return before or tuple(dict.fromkeys(" ".join(r.key) for r in self.runs))

    def _second_predicate(self, k: int) -> bool:
        """Whether words[k] stands in a predicate joined by a bare "and was", "but will" to the
        one before, whose subject it shares (`mark_clauses` starts a clause there)."""
        words = self.words
        first = k
        while first > 0 and words[first - 1].clause == words[k].clause:
            first -= 1
        return first > 0 and words[first].lower in ("and", "but") and words[first - 1].text != ","

    def _who_clause_name(self, k: int) -> tuple[str, ...]:
        """The name a "who" clause is about ("Ms Kestle, who has run Ashgrove for six years"):
        whose the clause's figures are, though the clause names another."""
        words = self.words
        comma = k
        while comma > 0 and words[comma - 1].clause == words[k].clause:
            comma -= 1
        if (
            words[comma].text != ","
            or comma + 1 >= len(words)
            or words[comma + 1].lower not in ("who", "whose")
        ):
            return ()
        return tuple(" ".join(r.key) for r in self.runs if r.end == comma)

    def _before_in_clause(self, start: int, *, past_punctuation: bool = False) -> Iterator[int]:
        """Positions leftwards from a value at `start`, within its clause and `MARKER_REACH`
        words, stopping at punctuation unless told otherwise: where a marker of its slot stands."""
        words = self.words
        clause = words[start].clause if start < len(words) else -1
        for k in range(start - 1, max(-1, start - 1 - MARKER_REACH), -1):
            if words[k].clause != clause or (words[k].punct and not past_punctuation):
                return
            yield k

    def _first_plan(self, start: int) -> bool:
        """Whether the value at `start` is of a first plan or estimate ("was first due to open in
        December 2030", "had originally been expected in May", "It had been put at £38,000", "was
        due to end on August 1, but should now be finished on August 18"): the value of another
        time, as "up from" is."""
        words = self.words
        for k in self._before_in_clause(start):
            word = words[k].lower
            if k >= 2 and word in ESTIMATE_WORDS and words[k + 1].lower == "at":
                if words[k - 1].lower == "been" and words[k - 2].lower == "had":
                    return True  # "It had been put at £38,000": an estimate since revised
            if k >= 1 and word in ESTIMATE_WORDS | FIRST_PLAN_WORDS and words[k - 1].lower == "then":
                return True  # "at a cost then put at £2.6 million": the estimate of that time
            if k < 1 or word not in FIRST_PLAN_WORDS:
                continue
            if words[k - 1].lower in ("first", "originally", "initially"):
                return True
            if k >= 2 and words[k - 2].lower in ("originally", "initially"):
                return True  # "originally been expected"
            if k >= 2 and words[k - 1].lower == "been" and words[k - 2].lower == "had":
                return True  # "which had been due to go in July": a plan since overtaken
            if words[k - 1].lower in ("was", "were") and self._now_after(start):
                return True  # "was due to end on August 1, but should now be finished on August 18"
        return False

    def _now_after(self, start: int) -> bool:
        """Whether a later clause of the sentence says what holds "now"."""
        clause = self.words[start].clause
        return any(w.lower == "now" and w.clause != clause for w in self.words[start + 1 :])

    def _again(self, start: int) -> bool:
        """Whether the clause before a date tells a repeat ("response times improved again in
        March"): the date is of another occurrence than any source's, which it cannot refute. Not
        across "after": "riding the railway again after Sunday's reopening" dates the reopening."""
        for k in self._before_in_clause(start):
            if self.words[k].lower in ("after", "since", "following", "before", "until"):
                return False
            if self.words[k].lower == "again":
                return True
        return False

    def _which_year(self, f: Found) -> bool:
        """Whether a year counted from the text's ("this year", "next year") owns the noun after
        it ("this year's race", "next year's festival"): it tells which one of a yearly event,
        which another year's cannot refute."""
        words = self.words
        return (
            isinstance(f.value, When)
            and f.value.granularity == "year"
            and words[f.end - 1].lower == "year"
            and f.end < len(words)
            and words[f.end].lower in ("'s", "’s")
        )

    def _usual(self, start: int, end: int) -> bool:
        """Whether the figure at words[start:end] is what usually holds ("usually produces", "a
        normal 52,000 tonnes", "11,000 tonnes in a normal year"): a figure of its own slot, which
        this year's figure does not refute."""
        words = self.words
        for k in self._before_in_clause(start, past_punctuation=True):
            if words[k].lower in USUAL_WORDS or (k == start - 1 and words[k].lower in USUAL_ADJECTIVES):
                return True
            if words[k].lower == "year" and words[k - 1].lower in USUAL_ADJECTIVES:
                return True
        for k in range(end, min(len(words) - 1, end + MARKER_REACH)):
            if words[k].punct:
                break
            if words[k].lower in USUAL_ADJECTIVES and words[k + 1].lower in ("year", "year's"):
                return True
        return False

    def _marks(self, f: Found) -> list[str]:
        lower = [w.lower for w in self.words]
        start = f.start - f.bound_words
        marks: list[str] = []
        for phrase in PREVIOUS_MARKERS:
            n = len(phrase)
            if start >= n and tuple(lower[start - n : start]) == phrase:
                if phrase == ("from",) or phrase == ("from", "the"):
                    if not self._from_to(f.end):
                        continue
                marks.append("previous")
                break
        if "previous" not in marks and isinstance(f.value, (When, Amount)) and self._first_plan(start):
            marks.append("previous")  # "was first due to open in December 2030": a plan since changed
        if "previous" not in marks and self._before_the_change(f):
            marks.append("previous")  # "The single fare was £2.20 before the rise"
        if self._compared_with(f):
            marks.append("change")  # "£60,000 above the revised budget": a difference, not a level
        if (
            isinstance(f.value, (Amount, Period))
            and start >= 2
            and lower[start - 2 : start] == ["all", "but"]
        ):
            marks.append("rest")  # "All but 49 of the 1,340 lots were sold", "all but two hours a day"
        if isinstance(f.value, Amount) and start >= 1 and lower[start - 1] == "all":
            marks.append("whole")  # "connecting all 16,500 homes": the whole, not the count so far
        if isinstance(f.value, Amount) and f.end < len(lower) and lower[f.end] == "new":
            marks.append("new")  # "for about 900 new homes": the new ones, a part of all there are
        if isinstance(f.value, Amount) and self._usual(start, f.end):
            marks.append("usual")  # "The region usually produces about 142,000 tonnes": not this year's
        for phrase in CHANGE_MARKERS:
            n = len(phrase)
            if start >= n and tuple(lower[start - n : start]) == phrase:
                verbs = self.words[max(0, start - n - 4) : start - n]
                if any(_changing(w) for w in verbs) and not self._vote_score_side(f):
                    marks.append("change")  # not "backed the plan by seven votes to three": a score
        if f.kind is Kind.EVENT_DATE and self._named_by_its_date(f):
            marks.append("named")  # "Tuesday's meeting", "founded 25 years ago": one event, named
        if f.kind is Kind.EVENT_DATE and self._first_time(start):
            marks.append("first-time")  # "When the find was first announced in March"
        if f.end < len(lower) and (lower[f.end] in INCREMENT_WORDS or lower[f.end] == "others"):
            marks.append("change")  # "two more", "that valve and two others": added to the rest
        elif start >= 1 and lower[start - 1] in INCREMENT_WORDS - {"more", "fewer", "less"}:
            marks.append("change")  # "the extra £3.5 million", "a further £4.5m": an increment
        elif (
            isinstance(f.value, Amount)
            and f.value.dimension == "percent"
            and start >= 1
            and self.words[start - 1].lemma in MOVE_VERBS
            and "change" not in marks
        ):
            marks.append("change")  # "its shares fell 13 per cent": as "fell by 13 per cent"
        elif isinstance(f.value, Amount) and f.end < len(lower) and lower[f.end] in CHANGE_NOUNS:
            marks.append("change")  # "the £10,000 cut in the council's grant": by how much, not to what
        tense = self._tense(f)
        if tense:
            marks.append(tense)
        if isinstance(f.value, (Amount, Period)):
            marks.extend(self._mood(f))  # a date of saying so is stated, whatever is said
        if "unanchored" in f.extra:
            # "said the ships were expected to berth by Thursday": which Thursday depends on a day
            # of saying the text does not give, so the date can agree but never refute
            marks.append("supposed")
        if isinstance(f.value, Amount) and (span := self._first_span(f)):
            marks.append(span)
        if isinstance(f.value, Amount):
            marks.extend(self._sorts(f))
            marks.extend(self._side(f))
        if isinstance(f.value, Amount) and f.value.dimension == "count":
            part = self._part_mark(f)
            if part:
                marks.append(part)
        return marks

    def _named_by_its_date(self, f: Found) -> bool:
        """Whether the date is written as the event's own ("Tuesday's meeting", "Sunday night's
        landing") or counted back from the text's day ("25 years ago"): the words say which
        event it is, as a counted noun says which figure."""
        return after_possessive_date(self.words, f.end) is not None or self.words[f.end - 1].lower == "ago"

    def _named_owner(self, k: int) -> bool:
        """Whether a name with its "'s" opens at `k` ("of *Hesketh's* 23 schools")."""
        return self.words[k].upper and self._past_owner(k) > k

    def _past_owner(self, k: int) -> int:
        """Where what follows an owner's "'s" within a few words of `k` starts ("the *board's*
        members", "the *city council's* 60 seats"); `k` itself if no owner is named there."""
        for m in range(k, min(k + OWNER_WORDS, len(self.words))):
            if self.words[m].lower in ("'s", "’s"):
                return m + 1
        return k

    def _first_time(self, start: int) -> bool:
        """Whether the date's clause tells of the first time something happened ("was first
        announced in March", "sold his first biscuits in 1921"): a later time of the same does
        not refute it."""
        words = self.words
        clause = words[min(start, len(words) - 1)].clause
        for k in range(start - 1, max(-1, start - FIRST_TIME_REACH), -1):
            if words[k].clause != clause:
                return False
            if words[k].lower != "first":
                continue
            if k + 1 < len(words) and verb_form(words[k + 1]):
                return True  # "was first announced"
            if k > 0 and words[k - 1].lower in ("his", "her", "its", "their", "our"):
                return True  # "sold his first biscuits" (but "the first 164 homes" are some of them)
        return False

    def _part_mark(self, f: Found) -> str:
        """ "part" for a count of a part of a whole the sentence counts ("137 of the 415 posts",
        "20 of the city council's 60 seats", "20 volunteers, out of the 95 the trust has") or
        names ("the first 164 homes"),
        "partitive" for one of an uncounted whole ("19 of the idle vessels": the whole, or a
        part), else ""."""
        lower = [w.lower for w in self.words]
        start = f.start - f.bound_words
        if start >= 2 and lower[start - 1] in SUBSET_WORDS and lower[start - 2] in ("the", "its", "their"):
            return "part"  # "the first 164 homes": the first of more
        k = f.end
        counted = (
            k + 2 < len(lower) and plural(self.words[k]) and not self.words[k].upper and lower[k + 1] == "of"
        )
        if counted and self.words[k + 2].upper and self._past_owner(k + 2) == k + 2:
            return "partitive"  # "Four members of Wenmouth Sub-Aqua Club": some of its members
        if counted:
            k += 1  # "Four members of the club": some of them
        named_owner = k + 2 < len(lower) and self._named_owner(k + 1)
        if (
            k + 2 < len(lower)
            and lower[k] == "of"
            and (lower[k + 1] in ("the", "its", "their") or named_owner)
        ):
            # "20 of the city council's 60 seats", "21 of Hesketh's 23 schools"
            whole = self._past_owner(k + 1 if named_owner else k + 2)
            return "part" if whole < len(lower) and lower[whole][:1].isdigit() else "partitive"
        for m in range(k, min(k + PART_REACH, len(lower) - 2)):
            if self.words[m].clause != self.words[f.start].clause and lower[m] != ",":
                break
            if lower[m] == "out" and lower[m + 1] == "of":
                whole = m + 2 + (lower[m + 2] in ("the", "its", "their"))
                return "part" if whole < len(lower) and lower[whole][:1].isdigit() else ""
        return ""

    def _first_span(self, f: Found) -> str:
        """ "118,000 journeys in its first four weeks", "1.9 million in its first year": the span a
        total covers makes it another slot ("first:28" for 28 days)."""
        words = self.words
        clause = words[f.start].clause
        before = [k for k in range(f.start - f.bound_words) if words[k].clause == clause]
        after = range(f.end, min(f.end + FIRST_SPAN_REACH, len(words) - 1))
        for k in [*after, *before]:  # "in its first four weeks", "In its first year the mill ..."
            if words[k].clause != clause:
                continue
            if words[k].lower != "first":
                continue
            if k + 2 < len(words) and words[k + 1].text == "-" and words[k + 2].lower in TIME_UNITS:
                return f"first:{DAYS_PER_UNIT[TIME_UNITS[words[k + 2].lower]]:g}"  # "its first-year target"
            span = next(
                (g.value for g in self.found if g.start == k + 1 and isinstance(g.value, Period)), None
            )
            if isinstance(span, Period):
                return f"first:{span.low:g}"
            if words[k + 1].lower in TIME_UNITS:
                return f"first:{DAYS_PER_UNIT[TIME_UNITS[words[k + 1].lower]]:g}"
        return ""

    def _mood(self, f: Found) -> list[str]:
        """ "wants to try for a 13th child", "hopes to reach 1.5 metres": a value wished for, another
        slot than the stated one; "if the fight lasts 12 rounds": a value supposed, never refuted."""
        words = self.words
        start = f.start - f.bound_words
        clause = words[start].clause
        clause_before = [w for w in words[:start] if w.clause == clause]  # a clause is a run of words
        moods = []
        if any(w.lower in CONDITION_WORDS for w in clause_before):
            moods.append("supposed")
        # "said the bikes could travel 70 kilometres": reported "can", not a wish
        reported = any(w.lower in SPEECH_VERBS for w in words[:start])
        wishes = [
            w
            for w in clause_before[-WISH_REACH:]
            if (w.lemma in WISH_WORDS or w.lower in WISH_WORDS) and not _the_month_may(w)
        ]
        if any(not (reported and w.lower == "could") for w in wishes):
            moods.append("wished")
        return moods

    def _tense(self, f: Found) -> str:
        """ "past" when the clause tells of a finished event ("was filed by 37 residents"), so the
        figure does not change with time; "" when it states how things are or will be."""
        words = self.words
        clause = words[f.start].clause
        around = range(max(0, f.start - TENSE_REACH), min(len(words), f.end + TENSE_REACH))
        near = [k for k in around if words[k].clause == clause]
        if any(words[k].lower in PRESENT_WORDS for k in near):
            return ""
        if any(words[k].lower in PAST_WORDS or _past_form(words[k]) for k in near):
            return "past"
        if any(
            words[k].lower in SAME_FORM_PASTS and k > 0 and words[k - 1].lower in SINGULAR_SUBJECTS
            for k in near
        ):
            return "past"  # "It cost £271m to build": "it costs" would be now
        return ""

    def _from_to(self, end: int) -> bool:
        """ "from £86 million to £97.4 million", "raise the budget from £86 million": the old value."""
        words = self.words
        for k in range(end, min(end + 8, len(words))):
            if words[k].lower == "to":
                return True
        k = end - 1
        first = min((f.start - f.bound_words for f in self.found if f.end == end), default=end)
        while k >= 0 and words[k].clause == words[end - 1].clause:
            if words[k].lemma in ("rise", "raise", "increase", "grow", "fall", "cut", "reduce", "drop", "up",
                                  "down", "climb", "lift", "jump", "swell"):  # fmt: skip
                return True
            if k < first and k in self.value_at and not self._changes_by(k, end):
                return False  # "raised £640,000 from 1,100 donors": the verb's object is the figure
            k -= 1
        return False

    def _changes_by(self, k: int, end: int) -> bool:
        """Whether the figure at word k is the size of a change to the figure ending at `end`, or
        its new level ("rose by £5", "to 40", "£5 from £10", "12 per cent from 1.2 million"), not
        another thing the verb acts on ("raised £640,000 from 1,100 donors")."""
        at_k = [f for f in self.found if f.start <= k < f.end]
        at_end = [f for f in self.found if f.end == end]
        if not at_k or not at_end:
            return True
        size, level = at_k[0].value, at_end[0].value
        at = at_k[0].start - at_k[0].bound_words
        if at >= 1 and self.words[at - 1].lower in ("by", "to"):
            return True
        if not isinstance(size, Amount) or not isinstance(level, Amount):
            return True
        return size.dimension == "percent" or size.dimension == level.dimension

    def _amount_head(self, f: Found) -> tuple[str, bool]:
        """What a figure counts or measures, and whether a count is of a part of that: no noun of
        its own, but the one of "Of the 415 posts" before it."""
        assert isinstance(f.value, Amount)
        dimension = f.value.dimension.split("/")[0]
        if dimension in ("count", "ordinal"):
            counted = self._counted_noun(f.end, f.value.ordinal)
            after_copula = "" if f.value.ordinal else self._noun_after_copula(f.end)
            if self._is_age(f):
                return "age", False
            part_of = "" if counted else self._part_of_noun(f)
            head = counted or part_of or after_copula or self._number_of_noun(f)
            return head, bool(part_of) and dimension == "count"
        if f.extra.get("attributive"):
            return self._after_noun(f.end), False
        head = (
            self._of_noun(f.end)
            or self._noun_before_of(f.start - f.bound_words)
            or self._after_noun(f.end)
            or (self._money_verb(f.start - f.bound_words) if dimension.startswith("money") else "")
            or (self._moved_noun(f.start - f.bound_words) if dimension != "percent" else "")
        )
        if head in DIMENSION_WORDS:
            head = self._noun_right_before(f.start - f.bound_words)  # "a viewing window 40 feet long"
        return head, False

    def _number_of_noun(self, f: Found) -> str:
        """ "the number of stops to go has fallen from 11 to eight", "bringing the number of
        households rehoused to 43": a bare figure counts the noun of "the number of" before it."""
        words = self.words
        start = f.start - f.bound_words
        for k in range(start - 2, max(-1, start - NUMBER_OF_REACH), -1):
            if words[k].clause != words[start].clause or words[k].text in (";", ":"):
                break
            if words[k].lower == "number" and words[k + 1].lower == "of":
                return self._counted_noun(k + 2, False)  # "the number of people hurt": people
        return ""

    def _noun_right_before(self, i: int) -> str:
        """The noun a measure right after it describes ("a window 40 feet long"); "" if none."""
        k = i - 1
        if k < 0 or not self.keys[k] or self.words[k].upper or verb_form(self.words[k]):
            return ""
        return self.lexicon.noun(self.words[k].lemma)

    def _changed_from(self, f: Found) -> Found | None:
        """ "The cost has risen from £1.7 million to £2.6 million", "from 14 buses to 19": the figure
        a value after "to" changed from, whose noun it shares; None if it follows none."""
        to = f.start - f.bound_words - 1
        if to < 2 or self.words[to].lower != "to":
            return None
        for g in self.found:
            before = g.start - g.bound_words - 1
            between = self.words[g.end : to]
            if (
                g.end <= to
                and len(between) <= CHANGE_NOUN_WORDS
                and all(w.content and not w.upper for w in between)
                and isinstance(g.value, Amount)
                and before >= 0
                and self.words[before].lower == "from"
            ):
                return g
        return None

    def _changed_to(self, f: Found) -> Found | None:
        """ "The pier drew 310,000 visitors last year, up from 285,000": the figure an old value
        right after it changed to, in the same unit; None if none stands close before it."""
        start = f.start - f.bound_words
        before = [
            g
            for g in self.found
            if g.end <= start and start - g.end <= CHANGED_TO_REACH and isinstance(g.value, Amount)
        ]
        if not before or not isinstance(f.value, Amount):
            return None
        nearest = max(before, key=lambda g: g.end)
        assert isinstance(nearest.value, Amount)
        return nearest if nearest.value.dimension == f.value.dimension else None

    def _compared_sum_before(self, f: Found) -> Found | None:
        """ "40.3 million crowns, 3.2 million more than budgeted": the sum a difference right after
        it is reckoned in; None if the figure follows none."""
        words = self.words
        start = f.start - f.bound_words
        if start < 2 or words[start - 1].text != "," or f.end >= len(words):
            return None
        if words[f.end].lower not in DIFFERENCE_WORDS:
            return None
        return next((g for g in self.found if g.end == start - 1 and isinstance(g.value, Amount)), None)

    def _unit_of_change(self, f: Found) -> Found:
        """ "grown from 210 million kroner to 248 million", "40.3 million crowns, 3.2 million more
        than budgeted": the figure is in the other one's currency (or per cent); a bare count
        stays one otherwise."""
        value = f.value
        if not isinstance(value, Amount) or value.dimension != "count" or value.ordinal:
            return f
        old = self._changed_from(f) or self._compared_sum_before(f)
        if old is None or not isinstance(old.value, Amount):
            return f
        dimension = old.value.dimension
        if not (dimension.startswith("money") or dimension == "percent"):
            return f  # "from 5 km to 7": the new figure would need the old one's scale too
        return replace(f, value=replace(value, dimension=dimension, unit=old.value.unit))

    def _money_verb(self, i: int) -> str:
        """ "will now cost £214m", "value Hummels at £35m", "paid £3.1m for him": what a sum is."""
        words = self.words
        for k in range(i - 1, max(-1, i - MONEY_VERB_REACH), -1):
            if words[k].text in (",", ";", ":", "(", ")") or words[k].clause != words[i].clause:
                break
            if words[k].lemma in MONEY_VERBS and not words[k].upper:
                return self._part_of_sum(k) or self.keys[k]
        return ""

    def _moved_noun(self, i: int) -> str:
        """ "the damage bill had climbed to £6.5 million", "its mortgage book shrank from £510 million",
        "fell by £12 million over the year, to £498 million": a level a verb of moving left or
        reached is a level of the verb's subject, the noun it ends in ("" if that is no plain noun)."""
        words = self.words
        k = i - 1
        if k < 2 or words[k].lower not in ("to", "from"):
            return ""
        verb = next(
            (
                m
                for m in range(k - 1, max(-1, k - 1 - MOVED_REACH), -1)
                if words[m].lemma in MOVE_VERBS
                or words[m].lower in ("up", "down")
                or verb_form(words[m])
                or words[m].text in (";", ":", "(")
            ),
            -1,
        )
        if verb >= 2 and words[verb].lower in ("up", "down") and verb_form(words[verb - 1]):
            verb -= 1  # "has gone up again, to £13.4m": a verb and its particle move as one
        elif verb < 1 or words[verb].lemma not in MOVE_VERBS:
            return ""
        k = verb - 1
        while k >= 0 and words[k].lower in MOVED_BY:
            k -= 1
        if k < 0 or words[k].clause != words[verb].clause or words[k].upper or verb_form(words[k]):
            return ""
        return self._noun_phrase_head(k)

    def _noun_phrase_head(self, k: int) -> str:
        """The noun a noun phrase ending at `k` is about: "bill" in "the bill for insurers", "cost" in
        "the cost of the damage" (one phrase after a preposition is stepped over)."""
        words = self.words
        start = k
        while (
            start > 0
            and self.keys[start - 1]
            and not words[start - 1].upper
            and not verb_form(words[start - 1])
        ):
            start -= 1
        before = start - 1
        if before >= 0 and words[before].lower in DETERMINERS:
            before -= 1
        if before >= 1 and words[before].lower in ("of", "for") and self.keys[before - 1]:
            if not words[before - 1].upper and not verb_form(words[before - 1]):
                return self.keys[before - 1]
        return self.keys[k]

    def _destination(self, j: int) -> str:
        """The noun of "to the bill" right after a figure (and its noun): where what is done to
        the figure's things takes them, "" if no such phrase follows."""
        words = self.words
        while j < len(words) and self.keys[j] and not verb_form(words[j]) and not words[j].upper:
            j += 1  # past the counted noun: "added 30 places to the scheme"
        if j + 2 >= len(words) or words[j].lower != "to" or words[j + 1].lower not in OBJECT_OPENERS:
            return ""
        noun = j + 2
        while noun + 1 < len(words) and self.keys[noun + 1] and not verb_form(words[noun + 1]):
            noun += 1  # "to the building fund": the last word of the noun
        return self.keys[noun] if self.keys[noun] and not verb_form(words[noun]) else ""

    def _holder(self, k: int) -> str:
        """The noun that holds the counted things of a figure at words[k] ("a waiting list of 35
        men", "an order for 30 buses", "places for 90 men"), "" if none or a plain one ("a total of")."""
        words = self.words
        if k < 2 or words[k - 1].lower not in ("of", "for"):
            return ""
        noun = words[k - 2]
        key = self.keys[k - 2]
        if not key or noun.upper or verb_form(noun) or key in PLAIN_HOLDERS or noun.lemma in PART_NOUNS:
            return ""
        return key

    def _part_of_sum(self, k: int) -> str:
        """ "The council's share of the cost remains £400,000": the sum is the share, not the cost."""
        words = self.words
        of = k - 1 if k >= 1 and words[k - 1].lower == "of" else k - 2
        if of < 1 or words[of].lower != "of" or (of == k - 2 and words[k - 1].lower not in DETERMINERS):
            return ""
        noun = words[of - 1]
        return self.keys[of - 1] if noun.lemma in PART_NOUNS else ""

    def _noun_after_copula(self, j: int) -> str:
        """ "Of those, 21 were homes": a figure whose noun follows "were", bare and plural."""
        words = self.words
        if j + 1 >= len(words) or words[j].lower not in ("were", "are"):
            return ""
        noun = words[j + 1]
        if not self.keys[j + 1] or noun.upper or not plural(noun) or verb_form(noun):
            return ""
        return self.lexicon.noun(noun.lemma)

    def _is_age(self, f: Found) -> bool:
        """ "Maureen Hollis, 71,": a person's age, set off by commas after the name."""
        words = self.words
        i = f.start - f.bound_words
        after = words[f.end].text if f.end < len(words) else "."
        return (
            i >= 2
            and words[i - 1].text == ","
            and words[i - 2].upper
            and after in (",", ".", ";", ")")
            and f.end - f.start == 1
        )

    def _counted_noun(self, j: int, ordinal: bool) -> str:
        """The noun a figure counts: the last of a short run after it ("90 job offers", "US troops")."""
        words = self.words
        k = j
        hyphened = k + 1 < len(words) and words[k].text == "-"
        if hyphened:
            k += 1  # "a 540-space car park", "a 24-bed unit": the noun after the hyphen is counted
        named_owner = k + 1 < len(words) and self._named_owner(k + 1)
        if k + 1 < len(words) and words[k].lower == "of" and (words[k + 1].lower in OWNERS or named_owner):
            k = self._past_owner(k + 2)  # "three of the board's members", "21 of Hesketh's 23 schools"
            while k < len(words) and (words[k].upper or words[k].lower in OWNERS) and k in self.value_at:
                k += 1
            while k < len(words) and k in self.value_at and words[k].text[:1].isdigit():
                k += 1  # "22 of the 76 flats": the part counts what the whole does
        head = ""
        run: list[int] = []
        while k < len(words) and len(run) < 3:
            word = words[k]
            if word.lower in COUNT_MODIFIERS and not run:
                k += 1
                continue
            if not run and self._owners_before_noun(k):
                k += 2  # "22 leaseholders' flats": the flats are counted, not their owners
                continue
            if not run and self._participle_before_noun(k):
                k += 1  # "71 confirmed cases", "12 armed men": the participle describes the noun
                continue
            if word.upper and word.text.replace(".", "").isalpha() and not run:
                k += 1  # a name qualifying the noun: "US troops"
                continue
            if self._ends_noun_run_at(k):
                break
            run.append(k)
            if ordinal or hyphened:
                break  # "the 12th mission"; "a 540-space car park" counts spaces, not car parks
            k += 1
        while run and words[run[-1]].lower.endswith("ing") and words[run[-1]].base != words[run[-1]].lower:
            run.pop()  # "120 beds opening next year": the verb is not what is counted
        if run:
            phrase = self.lexicon.phrase_key(tuple(words[r].lemma for r in run))
            plurals = [r for r in run if plural(words[r])]
            last = plurals[-1] if plurals else run[-1]  # "seven points clear": what is counted is plural
            head = phrase or self.lexicon.noun(words[last].lemma)
        return head

    def _owners_before_noun(self, k: int) -> bool:
        """Whether words[k] is a plural possessive before the noun it owns: "leaseholders' flats"."""
        words = self.words
        return (
            k + 2 < len(words)
            and plural(words[k])
            and words[k + 1].text in ("'", "’")
            and not self._ends_noun_run_at(k + 2)
        )

    def _participle_before_noun(self, k: int) -> bool:
        """Whether words[k] is a participle describing the plural noun after it: "confirmed cases"
        (but "70 people registered" counts people, and "1,200 attended the rally" has no noun)."""
        words = self.words
        if k + 1 >= len(words) or not words[k].lower.endswith("ed") or not verb_form(words[k]):
            return False
        after = words[k + 1]
        return plural(after) and not self._ends_noun_run_at(k + 1)

    def _ends_noun_run_at(self, k: int) -> bool:
        """Whether words[k] cannot be part of the noun a value counts or names."""
        word = self.words[k]
        if not word.content or word.upper or k in self.value_at or verb_form(word) or _ends_noun_run(word):
            return True
        # "a nine-hour recount cut his lead": a word before "his", "the" is a verb, not a noun;
        # "2.1 million chocolate eggs a year": a rate, after a noun
        words = self.words
        if k + 1 >= len(words) or words[k + 1].lower not in OBJECT_OPENERS:
            return False
        return not (
            words[k + 1].lower in ("a", "an") and k + 2 < len(words) and words[k + 2].lower in TIME_UNITS
        )

    def _part_of_noun(self, f: Found) -> str:
        """ "Of the 415 posts ..., 137 have been filled": a bare figure counts the noun of "of the N"."""
        for g in self.found:
            if g is f or g.start >= f.start or not isinstance(g.value, Amount):
                continue
            of = self._of_the_before(g.start)
            if of is not None:
                if of - 1 in self.value_at:
                    continue  # "83 of the 112 signatures ..., short of the 100": 112 is 83's whole
                return self._counted_noun(g.end, False)
        return ""

    def _of_the_before(self, k: int) -> int | None:
        """Where "of" stands in "of the 415 posts" or "Of the Brevard Star's 25 crew" before the
        figure at `k`; None if no such phrase opens there."""
        words = self.words
        if k >= 2 and words[k - 1].lower == "the" and words[k - 2].lower == "of":
            return k - 2
        if k >= 1 and words[k - 1].lower in ("'s", "’s"):
            for m in range(k - 2, max(-1, k - 2 - OWNER_WORDS), -1):
                if words[m].lower == "the" and m >= 1 and words[m - 1].lower == "of":
                    return m - 1
                if words[m].lower == "of" and m < k - 2 and all(w.upper for w in words[m + 1 : k - 1]):
                    return m  # "Twenty-one of Hesketh's 23 schools"
                if words[m].punct:
                    return None
        return None

    def _after_noun(self, j: int) -> str:
        """The noun right after a value: "the 25-day cruise", "a £86 million extension"."""
        words = self.words
        k = j
        run: list[int] = []
        while k < len(words) and len(run) < 3:
            if self._ends_noun_run_at(k):
                break
            run.append(k)
            k += 1
        if not run:
            return ""
        phrase = self.lexicon.phrase_key(tuple(words[r].lemma for r in run))
        return phrase or self.lexicon.noun(words[run[-1]].lemma)

    def _of_noun(self, j: int) -> str:
        """ "372 kilograms of fuel", "16 days of negotiations"."""
        words = self.words
        if j < len(words) and words[j].lower == "of":
            k = j + 1
            while k < len(words) and words[k].lower in DETERMINERS:
                k += 1
            return self._after_noun(k)
        return ""

    def _of_plural(self, j: int) -> bool:
        """Whether "of" at `j` opens a plural noun phrase ("of strikes", "of the talks")."""
        words = self.words
        if j >= len(words) or words[j].lower != "of":
            return False
        k = j + 1
        while k < len(words) and words[k].lower in DETERMINERS:
            k += 1
        while k + 1 < len(words) and self.keys[k + 1] and not words[k + 1].punct:
            k += 1  # "of peace talks": the last word of the noun says its number
        return k < len(words) and plural(words[k])

    def _noun_before_of(self, i: int) -> str:
        """ "an altitude of 15 kilometres", "a budget of €412 million"."""
        words = self.words
        if i >= 2 and words[i - 1].lower == "of" and self.keys[i - 2]:
            return self.keys[i - 2]
        return ""

    def _noun_lasting(self, i: int) -> str:
        """ "A recount lasting eleven hours", "talks that lasted 12 hours": the noun that lasts."""
        words = self.words
        k = i - 1
        if k < 1 or words[k].lemma != "last":
            return ""
        k -= 1
        while k > 0 and words[k].lower in ("which", "that", "has", "have", "had", "now"):
            k -= 1
        word = words[k]
        return self.keys[k] if word.content and not word.upper and not verb_form(word) else ""

    def _antecedent(self, i: int) -> str:
        """What lasts, when the length is said of the sentence's subject in a phrase set off by a
        comma: "The swimming ban, in place for 12 years", "The ban on swimming, which has now
        lasted 12 years"."""
        words = self.words
        comma = next((k for k in range(i - 1, max(-1, i - ANTECEDENT_REACH), -1) if words[k].text == ","), -1)
        if comma < 1 or comma > ANTECEDENT_REACH:
            return ""
        subject = words[:comma]
        if any(verb_form(w) or w.punct for w in subject):
            return ""
        k = 0
        while k < comma and not subject[k].content:
            k += 1  # "The", "Its"
        head = ""
        while k < comma and subject[k].content and not subject[k].upper:
            head = self.keys[k] or head
            k += 1
        return head

    def _side(self, f: Found) -> list[str]:
        """Which side of a vote a count is on ("Eleven councillors voted for the work, with four
        against", "The three councillors who voted against"): "side:for" or "side:against"."""
        score = self._vote_score_side(f)
        if score:
            return [score]
        words = self.words
        start = f.start - f.bound_words
        if start >= 2 and words[start - 1].lower == "by":  # "opposed by five councillors"
            agent_of = words[start - 2].lemma
            if agent_of == "oppose":
                return ["side:against"]
            return ["side:for"] if agent_of in ("back", "support") else []
        clause = words[f.start].clause
        for k in range(f.end, min(len(words), f.end + SIDE_REACH)):
            word = words[k]
            if word.clause != clause or word.text in (",", ";") or word.lower == "and":
                break
            if word.lower == "against" or word.lemma == "oppose":
                return ["side:against"]
            if word.lemma in ("back", "support") or (
                k >= 1 and words[k - 1].lower == "in" and word.lower in ("favour", "favor")
            ):
                return ["side:for"]
            if word.lower == "for" and k >= 1 and words[k - 1].lemma == "vote":
                return ["side:for"]
        return []

    def _vote_score_side(self, f: Found) -> str:
        """The side a figure of a vote's score is on: "voted 14 to 5", "passed nine to two", "by
        nine votes to four" (the first for, the second against); "" if it is none."""
        words = self.words
        start = f.start - f.bound_words
        before = start - 1 if start >= 1 else -1
        if before >= 0 and words[before].lower == "by":
            before -= 1  # "approved by nine votes to four"
        after = f.end + 1 if f.end < len(words) and words[f.end].lower == "votes" else f.end
        if (before >= 0 and words[before].lemma in VOTE_VERBS) or (
            start >= 1 and words[start - 1].lower == "by"
        ):
            if after < len(words) and words[after].lower == "to" and (after + 1) in self.value_at:
                return "side:for"
            return ""
        if start >= 2 and words[start - 1].lower == "to":
            first = next((g for g in self.found if g.end in (start - 1, start - 2) and g is not f), None)
            if first is not None and self._vote_score_side(first) == "side:for":
                return "side:against"
        return ""

    def _sorts(self, f: Found) -> list[str]:
        """ "weekend tickets", "construction workers": which sort of a plural noun the value's clause
        speaks of, as "sort:ticket=weekend" (a lowercase word right before the noun)."""
        words, keys = self.words, self.keys
        clause = words[f.start].clause
        named = {k for run in self.runs for k in range(run.start, run.end)}
        sorts = []
        for k in range(1, len(words)):
            if words[k].clause != clause or not keys[k] or not plural(words[k]) or words[k].upper:
                continue
            if k + 1 < len(words) and (
                words[k + 1].lower in OBJECT_OPENERS or words[k + 1].upper or k + 1 in self.value_at
            ):
                continue  # "Ridgeline's investment values Halden", "the club costs £395": a verb, its object
            m = k - 1
            lowercase = not words[m].upper or m == 0  # "Day tickets" opening the sentence
            if lowercase and m not in named and self._sort_word(m):
                sorts.append(f"sort:{keys[k]}={keys[m]}")
        return sorts

    def _sort_word(self, m: int) -> bool:
        """Whether words[m], right before a noun, says which sort of it: not a figure, a verb, or a
        word of how many ("the extra boats": how many more, not which)."""
        word = self.words[m]
        return (
            bool(self.keys[m])
            and m not in self.value_at
            and not verb_form(word)
            and word.lower not in COUNT_MODIFIERS
        )

    def _event_sorts(self, f: Found, head: str) -> list[str]:
        """ "the annual general meeting", "a public meeting": which sort of the event a date's
        clause names, as "sort:meet=general" (a lowercase word right before the event's noun), so
        that one sort's date does not refute another's."""
        words, keys = self.words, self.keys
        clause = words[f.start].clause
        sorts = []
        for k in range(1, len(words)):
            if words[k].clause != clause or keys[k] != head or words[k].upper or verb_form(words[k]):
                continue
            m = k - 1
            if not words[m].upper and words[m].lower not in DETERMINERS and self._sort_word(m):
                sorts.append(f"sort:{keys[k]}={keys[m]}")
        return sorts

    def _every(self, f: Found) -> bool:
        """ "every 10 minutes", "each two years": a length between recurring events."""
        start = f.start - f.bound_words
        return start > 0 and self.words[start - 1].lower in ("every", "each")

    def _until(self, f: Found) -> bool:
        """ "She will go at the end of September, in just under seven weeks": the time until a
        promised event, after "in" in a clause with a future marker before it."""
        start = f.start - f.bound_words
        words = self.words
        if start < 1 or words[start - 1].lower != "in":
            return False
        clause = words[start].clause
        if any(w.lower in FIRST_WORDS for w in words[:start] if w.clause == clause):
            return False  # "It will be the first hosepipe ban in seven years": a length up to now
        return any(w.lower in self.lexicon.future_markers for w in words[:start] if w.clause == clause)

    def _ongoing(self, f: Found) -> bool:
        """A length of time still running when written: "the 17-year war", "has lasted 12 years"."""
        words = self.words
        if f.end < len(words) and words[f.end].lower in LAG_WORDS:
            return False  # "now expected in June, nine months later than planned": a delay, not a run
        head = self._after_noun(f.end) or self._of_noun(f.end)
        if head and head in self.lexicon.ongoing:
            # "13 days of strikes": a total of days over many strikes, not one strike still running
            return not self._of_plural(f.end)
        if f.end + 1 < len(words) and words[f.end - 1].lower == "old":
            return True
        if self._since_saying(f):
            return True
        clause = words[f.start].clause
        window = [w.lower for w in words[max(0, f.start - 6) : f.start] if w.clause == clause]
        running = any(w in RUNNING_PARTICIPLES for w in window)
        # "has been mayor for eight months", not "has been postponed by nine days"
        been_for = "been" in window and window[-1:] == ["for"]
        # "it's been", "it's lasted"; not "St James's Hospital ... spent five days"
        auxiliary = any(
            w in ("has", "have")
            or (w == "'s" and k + 1 < len(window) and window[k + 1] in (*RUNNING_PARTICIPLES, "been"))
            for k, w in enumerate(window)
        )
        perfect = auxiliary and (running or been_for)
        return perfect or ("place" in window and "in" in window) or "now" in window or self._perfect_for(f)

    def _record_span(self, f: Found) -> bool:
        """Whether a length after "in" or "for" is the span a record holds over: "the biggest thing
        built in the town in half a century", "the first time in 12 years" (a superlative, or a
        comparative, before it in its clause), not how long anything took."""
        words = self.words
        start = f.start - f.bound_words
        if start >= 3 and words[start - 1].lower in ("her", "his", "its", "their", "our", "my", "your"):
            start -= 1  # "the fastest she had seen in her 32 years in the job"
        if start < 2 or words[start - 1].lower not in ("in", "for", "since"):
            return False  # "since": "the first ban since 2018" is a record over the years since
        clause = words[start].clause
        return any(
            record_word(words[k])
            for k in range(max(0, start - RECORD_REACH), start - 1)
            if words[k].clause == clause
        )

    def _perfect_for(self, f: Found) -> bool:
        """ "has been making cheese in the town for 102 years", "has fired pots there for 134 years": a
        length after "for" in a clause whose verb is an active present perfect runs to the day of
        writing, however far back the verb stands ("has been jailed for 12 years" is passive)."""
        words = self.words
        start = f.start - f.bound_words
        if start < 2 or words[start - 1].lower != "for":
            return False
        clause = words[start].clause
        for k in range(start - 2, max(-1, start - PERFECT_REACH), -1):
            if words[k].clause != clause or words[k].punct:
                return False
            if words[k].lower in ("has", "have") and k + 2 < start:
                verb, after = words[k + 1], words[k + 2]
                if verb.lower == "been":
                    return after.lower.endswith("ing")
                return _past_form(verb) or verb.lower in RUNNING_PARTICIPLES
        return False

    def _compared_with(self, f: Found) -> bool:
        """Whether the figure is a difference from another ("£60,000 more than the revised budget",
        "£60,000 above the budget", "three fewer than last year", "300 men above the number")."""
        words, j = self.words, f.end
        while (
            j < min(len(words), f.end + 2) and self.keys[j] and not verb_form(words[j]) and not words[j].upper
        ):
            j += 1  # past the counted noun: "300 men above the number it was built for"
        if j == f.end or j >= len(words) or words[j].lower not in ("above", "below"):
            j = f.end
        first, second, third = ([w.lower for w in words[j : j + 3]] + ["", "", ""])[:3]
        if first in ("above", "below"):
            return second in COMPARED_OPENERS
        return first in COMPARATIVES and second == "than" and third in COMPARED_OPENERS

    def _before_the_change(self, f: Found) -> bool:
        """Whether "before the rise" (a change's noun) follows the figure in its clause, or the
        sentence opens on "Before the ...": the value of a time before it."""
        words = self.words
        if len(words) > 2 and words[0].lower == "before" and words[1].lower in ("the", "its", "their"):
            return f.start > 2  # "Before the fire, about 88,000 vehicles used the viaduct each day"
        clause = words[f.start].clause
        for k in range(f.end, min(f.end + BEFORE_CHANGE_REACH, len(words) - 2)):
            if words[k].clause != clause:
                return False
            if words[k].lower == "before" and words[k + 1].lower in ("the", "its", "their"):
                # "before the rise", "before the date change": the change's noun, or one word on
                after = words[k + 3] if k + 3 < len(words) and not words[k + 2].punct else words[k + 2]
                noun = after.base == after.lower  # "the talks fell apart" is no change's noun
                return words[k + 2].lemma in CHANGE_VERBS or (noun and after.lemma in CHANGE_VERBS)
        return False

    def _since_saying(self, f: Found) -> bool:
        """ "the trust announced on Tuesday, three months after the crash": how long after an event
        something was said, which grows with the day of saying like a length still running."""
        words = self.words
        start = f.start - f.bound_words
        if f.end >= len(words) or words[f.end].lower != "after" or start < 1 or words[start - 1].text != ",":
            return False
        return any(w.lower in SPEECH_VERBS for w in words[: start - 1])

    def _qualifying_when(self, f: Found) -> When | None:
        """A month, season or year written right by a figure: the time it holds for ("in April")."""
        if f.kind is Kind.EVENT_DATE:
            return None
        if isinstance(f.value, Amount) and f.value.ordinal:
            return None  # "until the second phase starts in 2033": the year dates the start, not which phase
        clause = self.words[f.start].clause
        same_clause = [
            (g, g.value)
            for g in self.found
            if isinstance(g.value, When) and self.words[g.start].clause == clause
        ]
        for g, when in same_clause:
            if when.granularity == "day" and self._held_on_the_day(g.end, f.start):
                return when  # "went into administration on September 24 with 508 staff"
        times = [(g, when) for g, when in same_clause if when.granularity not in ("day", "ago")]
        for g, when in times:
            if 0 <= g.start - f.end <= 3 or 0 <= f.start - g.end <= 2:
                return when
            if g.start >= f.end and all(w.lower in MONTH_PART_WORDS for w in self.words[f.end : g.start]):
                return when  # "had reached £62,000 in the middle of January"
        # else the sentence's time; one right by the figure comes first: "Last year 310,000
        # visitors came, up from 258,000 in 2031" gives 258,000 for 2031
        for g, when in times:
            opening = g.start - (1 if g.start and self.words[g.start - 1].lower in ("in", "during") else 0)
            if opening == 0 and g.end < f.start:
                return when  # "Last year the council spent 36 million pounds": the sentence's time
            if g.end < f.start and self._set_off(opening, g.end):
                return when  # "The last outbreak, in 2019, infected 41 people": the sentence's time
        return None

    def _window(self, k: int) -> bool:
        """Whether a length at words[k] is the stretch something is counted over ("in each of the
        past four years", "over the last decade"), not how long anything lasted ("for the past 19
        years" is)."""
        if k < len(self.words) and self.words[k].lower == "past":
            k += 1  # "over the past decade": the value starts at "past"
        lower = [w.lower for w in self.words[max(0, k - 3) : k]]
        return (
            len(lower) >= 3
            and lower[-2] == "the"
            and lower[-1] in ("past", "last", "previous")
            and (lower[-3] in WINDOW_OPENERS)
        )

    def _held_on_the_day(self, after_date: int, figure: int) -> bool:
        """Whether a figure follows its day's "with" ("closed on May 3 with 508 staff", "opened on
        Monday with 40 beds and 12 staff"): what there was that day."""
        between = self.words[after_date:figure]
        return (
            bool(between)
            and between[0].lower == "with"
            and len(between) <= HELD_WITH_WORDS
            and not any(verb_form(w) or w.lower in CLAUSE_BREAK_WORDS for w in between)
        )


WINDOW_OPENERS = frozenset({"in", "over", "during", "within", "of", "across", "throughout"})
"""Words before "the past five years" that make it a stretch counted over."""
VERB_MARKERS = CLAUSE_AUXILIARIES | {"to", "be", "been", "being", "not"}
"""Words that make a stretch a predicate: "will finish", "has run", "to leave"."""
HELD_WITH_WORDS = 6
"""Words from a day's "with" to a figure it dates ("with 13 aircraft and 508 staff")."""
CLAUSE_BREAK_WORDS = frozenset({",", ";", "but", "while", "which", "who", "that"})

MONTH_PART_WORDS = frozenset({"in", "at", "by", "the", "of", *MONTH_PARTS})
"""Words between a figure and its month that only name a part of the month ("in the middle of")."""


OBJECT_OPENERS = DETERMINERS | {"our", "my", "your"}
"""Words that open a verb's object: a noun is not followed by one."""


def _the_month_may(word: Word) -> bool:
    """ "his last day on May 31": the month, not the verb of a wish."""
    return word.text == "May"


def _past_form(word: Word) -> bool:
    """A verb in its past form: "opened", and the irregular "paid", "won", "built"."""
    return verb_form(word) and word.lower not in NOT_PAST


def _ends_noun_run(word: Word) -> bool:
    """Adverbs and the like end a noun run: "144 beds instead of 120", "140 workers now"."""
    return word.lower in NOT_NOUNS or (word.lower.endswith("ly") and len(word.lower) > 4)


def _rounded(context: dict[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((k, round(v, 3)) for k, v in context.items()))


def _elapsed(value: When, said_on: date) -> Period | None:
    """The length from a year or month to the day of writing, in the year's or month's unit; None
    when the span is open or not yet begun."""
    if value.start is None or value.end is None:
        return None
    low, high = (said_on - value.end).days, (said_on - value.start).days
    return Period(float(max(low, 0)), float(high), value.granularity) if high > 0 else None


def _changing(word: Word) -> bool:
    """Whether a word makes a "by" after it introduce a change: "risen by", "pushed back by" (a
    particle as it is), not "backed by six members" (the verb "back" is a vote's)."""
    if word.lemma in CHANGE_PARTICLES:
        return word.lower == word.lemma
    return word.lemma in CHANGE_VERBS
