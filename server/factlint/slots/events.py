"""Which event a date dates and what a person did: read from the words around them.

A date's slot is its event ("Monday's *debate*", "the *approval* of the stadium on April
16", "*touched down* on the Moon on Monday"); a person's slot is their act ("was *led* by
Quiroga"). Both are found from the construction that names them, with no parser: the
extractor hands over a sentence's words, their lexicon keys and the roles found in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from factlint.rulebook.lexicon import Lexicon
from factlint.slots.names import SPEECH_VERBS, NameRun, RoleFound
from factlint.slots.values import Found, set_in
from factlint.slots.words import DETERMINERS, MODALS, OWNERS, Word, verb_form

DATE_PREPOSITIONS = frozenset({"on", "in", "at", "by", "from", "until", "since", "for", "of", "the"})
MOVE_WORDS = frozenset({"move", "shift", "reschedule", "bring", "change", "postpone", "delay"})
"""Words that move a date: "from <date> to <date>" after one is one event's old and new date."""
SEQUENCE_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "final", "last", "latest", "-"})
"""Words between a possessive date and its event that say which one: "Tuesday's first dose"."""
ARTICLES = DETERMINERS | {"our"}
PERIOD_PARTS = frozenset({"end", "start", "beginning", "middle", "close", "turn", "half"})
"""Words that name a part of the period after them: "the end of July", "the first half of 2028"."""
DEADLINE_WORDS = frozenset({"by", "until", "till", "before", "to"})
"""Words that make "the end of" a date's a deadline: "by the end of October"."""
FROM_DATE_REACH = 5
"""Words a date of "from <date> to <date>" may take ("from Saturday, May 16 to")."""
EVENT_REACH = 6
"""Content words left of a date searched for the event it dates: a short noun phrase or a verb's
object (a name, a hyphened figure counts once; "the", "with" do not count)."""
SUBORDINATORS = frozenset({"that", "when", "while", "because", "if", "whether", "who", "which"})
CLOCK = re.compile(r"^\d{1,2}([.:]\d\d)?(am|pm|a\.m\.|p\.m\.)?$|^(am|pm|noon|midnight|a\.m\.|p\.m\.)$")
"""A time of day between an event and its date: "at 6.30pm on Tuesday", "at 10 am on May 6"."""
PLAN_WORDS = frozenset({"set", "slated", "pencilled", "penciled", "scheduled", "planned", "due"})
"""Words that say an event is planned for a date, not what the event is."""
SCHEDULE_WORDS = PLAN_WORDS | {"fixed", "expected", "timetabled"}
"""... and words that do so when their subject names an event: "The opening has been fixed for
November 13", "Completion is now expected in March" (but "The pump was fixed on Tuesday")."""
MOTION_VERBS = frozenset({"go", "come"})
"""Verbs that say little until their complement does: "went home" is not "went underground"."""
PREPOSITIONS_BEFORE_THAT = frozenset({"of", "in", "at", "on", "for", "with", "to", "from", "by", "under"})
"""Prepositions after which "that" is a demonstrative: "the expiry of that contract"."""
ARRIVING_VERBS = MOTION_VERBS | {"move", "return", "travel", "head", "gather", "turn"}
"""Verbs of getting somewhere to do something: the day they date is the doing's too ("moved on to
the farm on Tuesday to start work")."""
HAPPEN_VERBS = frozenset({"come", "happen", "occur", "follow", "arrive"})
"""Verbs that only say when their subject happened: "The approval came on March 6"."""
LIGHT_VERBS = frozenset({"give", "make", "hold", "take", "grant", "win", "reach", "receive", "complete",
                         "finish", "conclude"})  # fmt: skip
"""Verbs whose event is their noun: "gave preliminary approval", "held a vote", "completed its takeover"."""
LIGHT_REACH = 6
"""Words after a light verb searched for its noun: "completed its £38m takeover"."""
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
"""A subject between a date and its verb: "in July 1967 he escaped"."""
PRONOUN_REACH = 4
"""Words after that subject searched for its verb, past auxiliaries: "he had taken over"."""
ACT_REACH = 5
"""Words searched for the verb of a person's act: past a short object ("led the insertion team by")."""
AUXILIARIES = MODALS | frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been", "also",
                                  "then", "later", "now", "already", "to"})  # fmt: skip
"""Words between a subject and its verb: "Reid will take over", "Hale has also placed"."""
FIGURE_HEDGES = frozenset(
    {"another", "some", "about", "nearly", "almost", "around", "roughly", "over", "just", "only"}
)
FIGURE_DETERMINERS = DETERMINERS | FIGURE_HEDGES
"""Words between a figure and the verb before it: "employed about 508", "sold its 212,000"."""
FIGURE_NOUN_REACH = 3
"""Words of a figure's noun before the verb after it: "440 cabin crew members were made"."""
FIGURE_EMPTY_VERBS = frozenset(
    {"have", "be", "include", "total", "number", "reach", "become", "remain", "stand", "say", "see"}
)
"""Verbs that tell what a figure is, not what was done: "has 41 stations", "totalled 508"."""
STATE_VERBS = frozenset({"stand", "remain", "lie", "sit", "stay"})
"""Verbs of being in a state, which the word after names: "stood empty", "remain closed"."""
NOT_STATES = frozenset({"at", "in", "on", "by", "to", "for", "there", "here", "up", "down", "still", "out"})
"""Words after a verb of being in a state that name no state: "stood at 412", "stayed there"."""
PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being"})
SAME_PARTICIPLES = frozenset({"let", "put", "set", "cut", "hit", "shut", "cost", "hurt", "quit", "spread",
                              "split", "cast", "burst", "read", "shed", "upset"})  # fmt: skip
"""Past participles spelt as their verb: "79 of the 84 huts were let" (after a passive auxiliary)."""
ASPECT_VERBS = frozenset({"begin", "end", "resume", "continue", "open", "close"})
"""Verbs that say only that something began or ended: which event they date is their subject's
("the ballot would open on January 27" is not the university's opening)."""
APPOSITION_REACH = 10
"""Words of an apposition searched for its "who": "Pryce, an attorney with the firm Sterling Hale who"."""


PARTICLES = frozenset({"out", "up", "off", "down", "back", "away"})
"""Words that finish a phrasal verb ("hand out", "set up", "lay off") between it and its figure."""


MOVE_PARTICLES = frozenset({"forward", "back", "from", "to", "until", "again", "last", "by", ","})
"""Words right after a verb that moves a date when it has no object: "breakthrough has been brought
forward", "was put back from May to June"."""


def words_lower(words: list[Word], k: int) -> str:
    """The lower-case word at `k`, "" past either end."""
    return words[k].lower if 0 <= k < len(words) else ""


HEADLINE_JOINTS = frozenset({"as", "while", "whereas", "although", "though", "because"})
"""Conjunctions that open a clause of their own without a comma before them (`words.CLAUSE_OPENERS`
do so after one), as headlines run two clauses together without a
comma: "Norvane appeals against refusal as public inquiry is set for July"."""


class EventReader:
    """The events of one sentence's dates and the acts of its people."""

    def __init__(
        self,
        words: list[Word],
        keys: list[str],
        lexicon: Lexicon,
        roles: list[RoleFound],
        after_noun: Callable[[int], str],
    ) -> None:
        self.words = words
        self.keys = keys
        """Each word's lexicon key ("" for a stop word, a value, or the inside of a phrase)."""
        self.lexicon = lexicon
        self.roles = roles
        self.after_noun = after_noun
        """The noun run after a position ("the May 1 *deadline*"), as the extractor reads it."""

    def act_of(self, run: NameRun) -> str:
        """What a person did, as the sentence tells it: "was led by mission director Rafael
        Quiroga", "Lena Sorensen, the flight director who led the team", "Sorensen led". Two
        people doing different things are two statements, not one; saying something is the act
        only when the sentence gives no other ("said Sorensen")."""
        words = self.words
        start = min([r.title_start for r in self.roles if r.person.start == run.start] + [run.start])
        k = start - 1
        while k >= 0 and words[k].lower in ("the", "a", ","):
            k -= 1
        acts: list[str] = []
        if k >= 1 and words[k].lower == "by":  # an agent: the participle before "by"
            for m in range(k - 1, max(-1, k - ACT_REACH), -1):
                if words[m].punct:
                    break
                if self._verb_at(m):
                    acts.append(self.keys[m])
                    break
        j = run.end
        if j < len(words) and words[j].text == ",":  # "Sorensen, the flight director who led the team"
            if run.start > 0 and words[run.start - 1].text == ",":
                acts.append(self._predicate(j + 1))  # "Her deputy, Tomasz Reid, will take over"
            # "Tamsin Rowe, who chairs the trust": an office held, which the role judges, not a deed
            offices = {r.title_start for r in self.roles if r.title.by_verb and not r.title.past}
            for m in range(j + 1, min(j + APPOSITION_REACH, len(words) - 1)):
                if words[m].lower in ("who", "which") and self.keys[m + 1] and m + 1 not in offices:
                    acts.append(self.keys[m + 1])
                    break
                if words[m].punct:
                    if words[m].text == ",":  # "Martin Hale, the board's chief executive, placed"
                        acts.append(self._predicate(m + 1))
                    break
        if j < len(words) and self.keys[j] and verb_form(words[j]):
            acts.append(self.keys[j])  # "Sorensen led", "Sorensen said"
        if k >= 0 and words[k].lower in SPEECH_VERBS:
            acts.append(self.keys[k])  # "said Sorensen"
        acts = [a for a in acts if a]
        done = [a for a in acts if a != self.lexicon.synonym("say")]
        return (done or acts or [""])[0]

    def _predicate(self, m: int) -> str:
        """The key of the verb a predicate opens with at words[m], past its auxiliaries ("will
        take over", "has placed"); "" if words[m] opens none."""
        words = self.words
        helped = False
        while m < len(words) and words[m].lower in AUXILIARIES:
            m, helped = m + 1, True
        if m + 1 < len(words) and not self.keys[m] and self._phrase_end(m + 1):
            return self.keys[m + 1]  # "will take over": the phrase's key is on its last word
        if m < len(words) and self.keys[m] and (helped or verb_form(words[m])):
            return self.keys[m]
        return ""

    def date_event(self, f: Found) -> str:
        """The event a date dates, from the closest construction that names one: "Monday's
        debate", "the approval of the stadium on April 16", "The council on Monday approved",
        "until April 14 to register", "touched down on the Moon on Monday", "the May 1 deadline"."""
        start = f.start - f.bound_words
        i = self._past_period_part(start)
        moved_from = self._from_date(i)
        if moved_from is not None:
            # "postponed the launch from November 14 to January 23": the first date's event
            event = self.date_event(replace(f, start=moved_from, end=i - 1, bound_words=0, extra={}))
            # "breakthrough has been brought forward from May to April": the thing moved, not the move
            return self._moved_subject(moved_from, event) or event
        if f.extra.get("since"):
            return self._event_after_since(f.end)
        if "state" in f.extra:
            return self.keys[int(f.extra["state"])]  # "has been closed for two years": the closure
        if set_in(self.words, i) and self.keys[i - 2]:
            return self.keys[i - 2]  # "the September 15 date set in May": the setting, not the opening
        before, after = words_lower(self.words, i - 1), words_lower(self.words, f.end)
        if (before == "from" and after == "to") or (before == "to" and after != "to"):
            # "brought forward from May to April": May is the thing moved's date, as April is; and
            # "breakthrough brought forward to April": April is
            event = self._verb_before(i) or self._noun_before(i)
            moved = self._moved_subject(i, event)
            if moved:
                return moved
        return (
            self._possessive_noun(f.end)
            or self._planned_event(i)
            or self._event_noun_before(i)
            or self._event_after(f.end, i)
            or self._opening_date_predicate(f)
            or self._verb_before(i)
            or self._noun_before(i)
            # "expects the last six by the end of September": the end, when nothing else is named
            or (self._noun_before(start) if start != i else "")
        )

    def figure_act(self, start: int, end: int) -> str:
        """What is done to or with a figure's things: "sold 212,000 cars" (selling), "440 have been
        made redundant" (being made redundant); "" when no verb governs the figure right before it
        or right after its noun, or only having or being does ("has 41 stations")."""
        words = self.words
        k = start - 1
        while k >= 0 and words[k].lower in FIGURE_DETERMINERS:
            k -= 1
        if k >= 1 and words[k].lower in PARTICLES and verb_form(words[k - 1]):
            k -= 1  # "handed out 1,720 parcels": the verb before its particle
        if k >= 0 and not words[k].upper and self.keys[k] and self._governs(k):
            return self._act_at(k)
        j = end
        if j + 1 < len(words) and words[j].lower == "of":  # "Forty-one of the staff have worked"
            j += 1
            while j < len(words) and words[j].lower in FIGURE_DETERMINERS:
                j += 1
            if j + 1 < len(words) and self.keys[j] and words[j + 1].lower in ("'s", "’s"):
                j += 2  # "of the factory's staff": whose they are
            if j < len(words) and words[j].text[:1].isdigit():
                j += 1  # "79 of the 84 huts were let": the whole's figure
        for _ in range(FIGURE_NOUN_REACH):  # past the counted noun: "440 *people* have been made"
            if j < len(words) and self.keys[j] and not words[j].upper and not verb_form(words[j]):
                j += 1
        passive = False
        while j < len(words) and words[j].lower in AUXILIARIES:
            passive = passive or words[j].lower in PASSIVE_AUXILIARIES
            j += 1
        if (
            j < len(words)
            and not words[j].upper
            and (verb_form(words[j]) or (passive and words[j].lower in SAME_PARTICIPLES))
        ):
            if self.keys[j] or words[j].lemma in LIGHT_VERBS:
                return self._act_at(j) or self._state_after(j)
        return ""

    def _state_after(self, k: int) -> str:
        """ "five of the huts stood empty": after a verb of being in a state, the state is the act."""
        words = self.words
        if words[k].lemma not in STATE_VERBS or k + 1 >= len(words):
            return ""
        after = words[k + 1]
        ends = (
            k + 2 >= len(words) or words[k + 2].punct or words[k + 2].lower in ("and", "but", "or", "until")
        )
        if not ends or after.upper or not after.lower.isalpha() or after.lower in NOT_STATES:
            return ""
        return self.keys[k + 1] or self.lexicon.synonym(after.lemma)  # "empty" is a spaCy stop word

    def _governs(self, k: int) -> bool:
        """Whether words[k], right before a figure, is its verb: "employed 508", "employs 508", "is
        recalling 84,000" (a plural noun right before a figure is rare)."""
        word = self.words[k]
        if verb_form(word) or self._after_modal(k):
            return True
        if word.lower.endswith("ing"):
            return k > 0 and self.words[k - 1].lower in AUXILIARIES
        return word.lower.endswith("s") and word.base != word.lower

    def _act_at(self, k: int) -> str:
        """The act a verb names: a light verb by the word after it ("made redundant", "gave
        approval"); having and being name none."""
        lemma_ = self.words[k].lemma
        if lemma_ in FIGURE_EMPTY_VERBS:
            return ""
        if lemma_ in LIGHT_VERBS:
            m = k + 1
            while m < len(self.words) and self.words[m].lower in FIGURE_DETERMINERS:
                m += 1
            return self.keys[m] if m < len(self.words) and self.keys[m] else ""
        return self.keys[k]

    def relative_antecedent(self, f: Found) -> str:
        """The noun a relative clause holding the date is about: "The four-seat lift, which opened
        on February 19" dates the lift's opening, whatever else the sentence says; "" if the date
        is in no such clause."""
        words = self.words
        start = f.start - f.bound_words
        if start >= len(words):
            return ""
        clause = words[start].clause
        for k in range(start - 1, max(1, start - EVENT_REACH - 2), -1):
            if words[k].clause != clause:
                return ""
            if words[k].lower in ("which", "that") and words[k - 1].text == ",":
                noun = k - 2
                if noun >= 0 and self.keys[noun] and not words[noun].upper and not verb_form(words[noun]):
                    return self.keys[noun]
                return ""
        return ""

    def simultaneous_event(self, f: Found) -> str:
        """The event of a "when" clause right after a date, which happened at that date too: "The
        company moved to Mill Street in 1894, when the brewhouse was built" dates the building as
        well as the move; "" if no such clause follows."""
        words = self.words
        j = f.end + (1 if f.end < len(words) and words[f.end].text == "," else 0)
        if j >= len(words) or words[j].lower != "when":
            return ""
        for k in range(j + 1, min(j + 1 + EVENT_REACH, len(words))):
            if words[k].punct:
                break
            if words[k].lower in AUXILIARIES:
                return self._predicate(k)  # "when the brewhouse was built"
            if self.keys[k] and verb_form(words[k]):
                return self._light_verb_noun(k) or self.keys[k]  # "when the council replaced"
        return ""

    def _past_period_part(self, i: int) -> int:
        """Where a date starts with the part of it a phrase names: "announced at *the end of* July"
        dates an announcement, not an end."""
        words = self.words
        if i >= 3 and words[i - 1].lower == "of" and words[i - 2].lower in PERIOD_PARTS:
            k = i - 2
            while k > 0 and words[k - 1].lower in ("the", "very", "early", "late"):
                k -= 1
            if k > 0 and words[k - 1].lower in DEADLINE_WORDS:
                return i  # "fitted by the end of October": a deadline, an end
            return k
        return i

    def what_begins(self, f: Found, head: str) -> str:
        """ "Work would start in 2029": what an event of beginning or ending is of, its subject
        right before the verb; "" when the date's event is another or no subject stands there
        ("a consultation, starting on January 11")."""
        if head not in {self.lexicon.synonym(verb) for verb in ASPECT_VERBS}:
            return ""
        words = self.words
        for k in self._words_before(f.start - f.bound_words):
            if self.keys[k] != head or not self._verb_at(k):
                continue
            m = k - 1
            while m >= 0 and words[m].lower in AUXILIARIES:
                m -= 1
            # "The ballot for places closed": the subject is the ballot, not its places
            while (
                m >= 2 and words[m - 1].lower in ("of", "for") and self.keys[m - 2] and not words[m - 2].upper
            ):
                m -= 2
            noun = m >= 0 and self.keys[m] and not verb_form(words[m]) and not (words[m].upper and m > 0)
            return self.keys[m] if noun else ""
        return ""

    def _moved_subject(self, start: int, event: str) -> str:
        """The subject of the verb that moved a date, when that verb is the date's event: "breakthrough"
        in "breakthrough has been brought forward from May to April"; "" if none is named."""
        words, postpone = self.words, self.lexicon.synonym("postpone")
        moves = [
            k
            for k in range(start)
            if self.keys[k] == event and (event == postpone or words[k].lemma in MOVE_WORDS)
        ]
        if not moves or words_lower(words, moves[-1] + 1) not in MOVE_PARTICLES:
            return ""  # "moved the vote to April 3": the thing moved is its object, named as usual
        m = moves[-1] - 1
        while m >= 0 and words[m].lower in AUXILIARIES:
            m -= 1
        if m >= 1 and words[m].text == ",":
            # "Breakthrough at Wexley Bridge, brought forward last month": back past the place named
            m -= 1
            while m >= 1 and (words[m].upper or words[m].lower in ("at", "in", "of", "on")):
                m -= 1
        named = words[m].upper and m > 0
        return self.keys[m] if m >= 0 and self.keys[m] and not verb_form(words[m]) and not named else ""

    def _from_date(self, i: int) -> int | None:
        """Where the date of "from <date> to" starts, when the date at `i` follows that "to"."""
        words = self.words
        if i < 3 or words[i - 1].lower != "to":
            return None
        postpone = self.lexicon.synonym("postpone")
        if not any(self.keys[k] == postpone or words[k].lemma in MOVE_WORDS for k in range(i)):
            return None  # "the period from May 17 to June 13": a span, not a date moved
        for k in range(i - 2, max(-1, i - 2 - FROM_DATE_REACH), -1):
            if words[k].lower == "from":
                return k + 1 if k + 1 < i - 1 else None
            if words[k].punct and words[k].text != ",":
                return None
        return None

    def _words_before(self, i: int) -> Iterator[int]:
        """Positions leftwards from a date, past its preposition, within its clause and phrase."""
        words = self.words
        first = self._before_preposition(i)
        clause = words[min(i, len(words) - 1)].clause
        counted = 0
        for k in range(first, -1, -1):
            word = words[k]
            if word.clause != clause or (word.punct and word.text not in ("-", "'s", "’s", "'", "’")):
                return
            if word.lower in SUBORDINATORS and not self._demonstrative(k):
                return  # "He said that twenty years ago he had taken over": not the saying
            if word.lower in ("and", "but") and k + 1 < len(words) and self._opens_predicate(k + 1):
                return  # "arrived on Monday and will go on show in August": a predicate of its own
            # content words count, and a name or a hyphened figure is one however many words it
            # takes: "signed an eight-year contract with the French operator Velocita Mobility on
            # Monday" is six
            if word.content and not (k + 1 <= first and _same_step(words[k], words[k + 1])):
                counted += 1
            if counted > EVENT_REACH:
                return
            if word.lower in self.lexicon.future_markers or word.lower in PLAN_WORDS:
                continue  # "a landing attempt scheduled for December 1": the plan is not the event
            yield k

    def _demonstrative(self, k: int) -> bool:
        """Whether "that" at `k` points at a noun after a preposition ("the expiry of that
        contract"), not opens a clause."""
        words = self.words
        return words[k].lower == "that" and k >= 1 and words[k - 1].lower in PREPOSITIONS_BEFORE_THAT

    def _opens_predicate(self, k: int) -> bool:
        """Whether words[k] opens a predicate: a modal ("and will go") or a verb in the past ("was
        founded in 1861 and became a bank in 1997")."""
        word = self.words[k]
        return word.lower in MODALS or (verb_form(word) and not word.upper)

    def _event_after_since(self, j: int) -> str:
        """ "18 months since Brandvold's consortium completed its takeover": the clause's verb."""
        words = self.words
        for k in range(j, min(j + EVENT_REACH, len(words))):
            if words[k].punct and words[k].text not in ("'s", "’s"):
                break
            if self._verb_at(k) and not words[k].upper:
                return self._light_verb_noun(k) or self.keys[k]
        return ""

    def _light_verb_noun(self, k: int) -> str:
        """ "gave approval", "completed its takeover": the event is the verb's noun."""
        if self.words[k].lemma not in LIGHT_VERBS:
            return ""
        for m in range(k + 1, min(k + LIGHT_REACH, len(self.words))):
            if self.keys[m] and self._event_noun(m):
                return self.keys[m]
        return ""

    def _planned_event(self, i: int) -> str:
        """ "Halcyon's landing attempt, near Plato, is scheduled for December 1", "The council's
        approval came on March 6": what is planned for the date, or happened on it, is the event
        its clause opens with."""
        words = self.words
        k = self._before_preposition(i)
        if k < 0 or not (words[k].lower in SCHEDULE_WORDS or words[k].lemma in HAPPEN_VERBS):
            return ""
        return self._first_event_noun(k)

    def _first_event_noun(self, k: int) -> str:
        """The first noun naming an event in words[k]'s clause, before it: the clause's subject
        ("refusal as public inquiry is set for July": the inquiry's, after the conjunction)."""
        words = self.words
        opening = next((m + 1 for m in range(k - 1, -1, -1) if words[m].lower in HEADLINE_JOINTS), 0)
        for m in range(opening, k):
            if (
                words[m].clause == words[k].clause
                and self.keys[m]
                and (not words[m].upper or m == 0)  # "Completion is now expected in March"
                and self._event_noun(m)
            ):
                return self.keys[m]
        return ""

    def _event_noun_before(self, i: int) -> str:
        """ "Its arrival in lunar orbit on October 21", "His swearing-in on May 19": a noun naming
        an event, in the phrase the date closes."""
        for k in self._words_before(i):
            word = self.words[k]
            if verb_form(word) and not self._phrase_end(k) and not self._modifier(k):
                return ""
            if self.keys[k] and not word.upper and not self._modifier(k) and self._event_noun(k):
                if self._announced(k):
                    return ""  # "announced the closure on Monday": Monday is the announcement's
                if word.lower.endswith("ing") and k > 0 and self.keys[k - 1] and verb_form(self.words[k - 1]):
                    return self.keys[k - 1]  # "stopped running on Tuesday": the stopping
                return self.keys[k]
        return ""

    def _announced(self, k: int) -> bool:
        """Whether the event noun at `k` is the object of a verb right before it, which the date then
        dates: "announced its closure", "approved the restoration of the almshouses on Monday"
        (the approval); not a light verb's ("completed its takeover") or a beginning's."""
        m = k - 1
        while m >= 0 and self.words[m].lower in ARTICLES:
            m -= 1
        if m < 0 or m == k - 1 or not verb_form(self.words[m]):
            return False
        lemma = self.words[m].lemma
        return self.keys[m] == self.lexicon.synonym("say") or not (
            lemma in LIGHT_VERBS
            or lemma in ASPECT_VERBS
            or lemma in HAPPEN_VERBS
            or lemma in MOTION_VERBS
            or lemma in MOVE_WORDS  # "moved the vote to April 3": the vote's new date
        )

    def _event_noun(self, k: int) -> bool:
        word = self.words[k]
        if word.lemma in self.lexicon.events or word.lemma != word.base:
            return True  # a listed event, or a noun made from a verb ("approval" -> "approve")
        before = self.words[k - 1].lower if k else ""
        modifier = k + 1 < len(self.words) and bool(self.keys[k + 1])  # "the council's planning committee"
        after = self.words[k + 1].lower if k + 1 < len(self.words) else ""
        return word.lower.endswith("ing") and (
            ((before in OWNERS or before in ("a", "his", "her")) and not modifier)
            or after == "of"  # "the full reopening of the pier"
        )

    def _verb_before(self, i: int) -> str:
        """ "was approved by the planning committee on Tuesday": the nearest verb before the date."""
        for k in self._words_before(i):
            word = self.words[k]
            if self._verb_at(k) and not word.upper:
                return (
                    self._light_verb_noun(k) or self._passive_subject(k) or self._where_to(k) or self.keys[k]
                )
        return ""

    def _where_to(self, k: int) -> str:
        """ "went underground", "went home": going is named by where to ("go underground")."""
        if self.words[k].lemma not in MOTION_VERBS:
            return ""
        for m in range(k + 1, min(k + 3, len(self.words))):
            if self.keys[m] and not self.words[m].upper:
                return f"{self.keys[k]} {self.keys[m]}"
        return ""

    def _passive_subject(self, k: int) -> str:
        """ "The mayoral election in Jakarta was won on April 5": a light verb in the passive is
        its subject's event."""
        words = self.words
        if (
            self.words[k].lemma not in LIGHT_VERBS
            or k < 1
            or words[k - 1].lower not in ("was", "were", "is", "are")
        ):
            return ""
        return self._first_event_noun(k)

    def _verb_at(self, k: int) -> bool:
        """Whether words[k] is a verb with a key: inflected ("approved") or ending a phrase ("touched
        down")."""
        if not self.keys[k] or self._modifier(k):
            return False
        return verb_form(self.words[k]) or self._phrase_end(k) or self._after_modal(k)

    def _after_modal(self, k: int) -> bool:
        """ "will impose", "is to impose", "expected to berth": a bare verb after a modal, or after
        "to" after a form of "be" or a word of plan (not "taken to hospital": a noun after a
        preposition)."""
        words = self.words
        if k < 1 or words[k].upper:
            return False
        before = words[k - 1].lower
        if before in MODALS:
            return True
        if before != "to" or k < 2:
            return False
        planner = words[k - 2].lower
        return (
            planner in ("is", "are", "was", "were")
            or planner in self.lexicon.future_markers
            or planner in PLAN_WORDS
        )

    def _modifier(self, k: int) -> bool:
        """ "a revised plan", "the delayed launch": a participle between a determiner and its
        noun describes the noun; it is not what happened on the date."""
        words = self.words
        return (
            0 < k < len(words) - 1
            and verb_form(words[k])
            and words[k - 1].lower in ARTICLES
            and words[k + 1].content
            and not words[k + 1].upper
            and not verb_form(words[k + 1])
        )

    def _phrase_end(self, k: int) -> bool:
        """Whether words[k] ends a phrase of the lexicon ("touched down"): its key is the phrase's."""
        return (
            bool(self.keys[k])
            and k > 0
            and not self.keys[k - 1]
            and self.keys[k] != self.lexicon.synonym(self.words[k].lemma)
        )

    def _noun_before(self, i: int) -> str:
        """The word right before the date's preposition, when nothing better names the event."""
        words = self.words
        k = self._before_preposition(i)
        if k < 0 or words[k].upper or words[k].lower in PLAN_WORDS:
            return ""
        return self.keys[k]

    def _before_preposition(self, i: int) -> int:
        """The position before a date's preposition and time of day ("came at 6.30pm on Tuesday")."""
        words = self.words
        k = i - 1
        while k >= 0 and (words[k].lower in DATE_PREPOSITIONS or CLOCK.match(words[k].lower)):
            k -= 1
        if k >= 1 and words[k].text == "," and words[k + 1].lower == "from":
            k -= 1  # "The postponement of Ardent's launch, from November 14 to ...": set off, not cut off
        elif k >= 1 and words[k].text == ",":
            k = self._before_apposition(k)
        return k

    def _before_apposition(self, k: int) -> int:
        """Where the words before an apposition ending at the comma words[k] end: "took over from
        Dr Ruth Adeyemi, the interim chief executive, on July 1" is a taking over on July 1; k
        itself when no apposition (a determiner's phrase with no verb) ends there."""
        words = self.words
        for m in range(k - 1, max(0, k - APPOSITION_REACH), -1):
            if words[m].text == ",":
                opens = words[m + 1].lower in ARTICLES and m + 1 < k
                between = words[m + 1 : k]
                plain = not any(w.punct or verb_form(w) or w.lower in SUBORDINATORS for w in between)
                return m - 1 if opens and plain else k
            if words[m].punct:
                return k
        return k

    def _event_after(self, j: int, i: int) -> str:
        """The event a date dates, when a verb follows it: "The council on Monday approved",
        "until April 14 to register"; a light verb gives way to its noun ("gave approval"). Not
        an infinitive of purpose after a day a verb before it happened on: "launched an appeal on
        Wednesday to raise £1.2 million" (the launch), "voted on Tuesday to close the library"."""
        words = self.words
        if j + 1 < len(words) and words[j].lower == "to" and self.keys[j + 1]:
            if not (words_lower(words, i - 1) == "on" and self._done_before(i)):
                return self.keys[j + 1]
        if (
            j + 1 < len(words) and words[j].lower in PRONOUNS
        ):  # "in July 1967 he escaped", "he had taken over"
            for k in range(j + 1, min(j + 1 + PRONOUN_REACH, len(words))):
                if words[k].punct:
                    break
                if self._verb_at(k):
                    return self._light_verb_noun(k) or self.keys[k]
                if self.keys[k]:
                    break
            return ""
        if j < len(words) and self.keys[j] and verb_form(words[j]):
            return self._light_verb_noun(j) or self.keys[j]
        return ""

    def _done_before(self, i: int) -> bool:
        """Whether a verb in the past stands before the date at `i`, in its clause and phrase."""
        return any(
            self._verb_at(k)
            and not self.words[k].upper
            and self.words[k].lower.endswith("ed")
            and self.words[k].lemma not in ARRIVING_VERBS  # "moved on to the farm on Tuesday to start work"
            for k in self._words_before(i)
        )

    def _opening_date_predicate(self, f: Found) -> str:
        """ "On August 19, the case will first be heard": a date that opens its sentence, set off
        by a comma, dates the predicate of the clause after it."""
        words = self.words
        start = f.start - f.bound_words
        opening = start - 1 if start >= 1 and words[start - 1].lower in ("on", "in", "by") else start
        if opening != 0 or f.end >= len(words) or words[f.end].text != ",":
            return ""
        return self._predicate_after_subject(f.end + 1)

    def _predicate_after_subject(self, k: int) -> str:
        """The verb of a clause a date opens, past its subject: "On August 19, the case will first
        be heard" (the hearing); "" if none is near."""
        words = self.words
        for m in range(k, min(k + EVENT_REACH, len(words))):
            if words[m].punct:
                return ""
            if words[m].lower in AUXILIARIES:
                while m < len(words) and (words[m].lower in AUXILIARIES or words[m].lower == "first"):
                    m += 1
                return self.keys[m] if m < len(words) and self.keys[m] and not words[m].upper else ""
            if self.keys[m] and verb_form(words[m]) and not words[m].upper:
                return self._light_verb_noun(m) or self.keys[m]
        return ""

    def _possessive_noun(self, j: int) -> str:
        """ "Tuesday's vote", "Sunday night's landing", "the May 1 deadline"."""
        words = self.words
        k = j
        owned = after_possessive_date(words, j)
        if owned is not None:
            k = owned
            while k < len(words) and (words[k].text[:1].isdigit() or words[k].lower in SEQUENCE_WORDS):
                k += 1  # "Sunday's 3-1 win", "Tuesday's first dose": the score, the order are not the event
            if k < len(words) and words[k].content and not words[k].upper:
                # "Sunday's annual meeting", "Monday's phone call": the noun the words before it
                # describe; "Sunday night's landing": the event, -ing and all
                m = k
                while (
                    m + 1 < min(len(words), k + 3)
                    and self.keys[m + 1]
                    and not words[m + 1].upper
                    and not verb_form(words[m + 1])
                    and not (words[m + 1].lower.endswith("s") and not words[m + 1].lower.endswith("ss"))
                ):  # "Wednesday's announcement means": a word in -s may be the verb
                    m += 1
                return self.keys[m] or self.keys[k]
            return ""
        attributive = (j >= 2 and words[j - 2].lower == "the") or (j >= 3 and words[j - 3].lower == "the")
        return self.after_noun(k) if attributive and k < len(words) else ""  # "the May 1 deadline"


def after_possessive_date(words: list[Word], j: int) -> int | None:
    """Where the event a date ending at `j` owns starts ("Tuesday's vote", "Sunday night's
    landing"); None if the date owns nothing."""
    k = j
    if k < len(words) and words[k].lower in ("night", "morning", "evening", "afternoon"):
        k += 1
    return k + 1 if k < len(words) and words[k].lower in ("'s", "’s") else None


def _same_step(word: Word, after: Word) -> bool:
    """Whether `word` belongs with the word after it in one step of the event search: two words of
    one name, or the parts of "eight-year"."""
    if word.upper and after.upper and not word.punct and not after.punct:
        return True
    return word.text == "-" or after.text == "-"
