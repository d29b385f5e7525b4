"""The vocabularies of every active rule, merged into the one lexicon the extractor reads with.

Each kind contributes its own words (see `factlint.kinds`): synonyms of nouns and
events, hedges and their bounds, titles, places. The extractor then reads every
text with all of them, whichever rule will judge a claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factlint.text.lemmas import lemma


def lemma_key(phrase: str) -> tuple[str, ...]:
    """A word or phrase as a tuple of lemmas: "operating theatres" -> ("operating", "theatre")."""
    return tuple(lemma(w) for w in phrase.lower().replace("-", " - ").split())


def _plural(noun: str) -> str:
    """A regular plural, enough to find the dictionary form the lemma table gives it."""
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@dataclass
class Lexicon:
    synonyms: dict[str, str] = field(default_factory=dict)
    """lemma -> the key of its synonym group (the group's first member)."""
    events: dict[str, str] = field(default_factory=dict)
    """lemma -> the key of its event group: words that name one event ("vote", "ballot"). They
    place a value like any word, but never say what a figure counts ("issue" is not "release")."""
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    """lemmas of a phrase -> the key of its synonym group ("touch down" -> "land")."""
    hypernym_of: dict[str, str] = field(default_factory=dict)
    """group key of a specific noun -> group key of the general noun covering it."""
    hedges: dict[str, str] = field(default_factory=dict)
    """hedge phrase (lower case) -> bound: "~", "<=" or ">="."""
    ongoing: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    title_group: dict[str, str] = field(default_factory=dict)
    generic_titles: set[str] = field(default_factory=set)
    professions: set[str] = field(default_factory=set)
    memberships: set[str] = field(default_factory=set)
    portfolios: dict[str, str] = field(default_factory=dict)
    past_markers: set[str] = field(default_factory=set)
    ranks: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)
    leading_titles: set[str] = field(default_factory=set)
    title_verbs: dict[str, str] = field(default_factory=dict)
    """verb lemma -> the title its holder has ("chair" -> "chairman", "lead" -> "leader")."""
    region_of: dict[str, frozenset[str]] = field(default_factory=dict)
    """place (folded) -> every region containing it."""
    places: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    """Places (folded) that hold others: continents, countries, the rules' `regions`."""
    place_prepositions: set[str] = field(default_factory=set)
    organisation_words: set[str] = field(default_factory=set)
    """Folded last words of organisations' names ("motors", "bank"): never a place."""
    street_words: set[str] = field(default_factory=set)
    """Folded last words of addresses ("road", "street"): a place after any preposition."""
    future_markers: set[str] = field(default_factory=set)
    longest: int = 0
    """Words in the longest phrase."""
    phrase_starts: set[str] = field(default_factory=set)
    """First lemmas of the phrases: most words start none, and need no lookup."""

    def add_synonyms(self, group: tuple[str, ...], events: bool = False) -> None:
        keys = [lemma_key(member) for member in group]
        first = keys[0]
        words = self.events if events else self.synonyms
        # the group is named by its first member (or that member's earlier group); a word that
        # already belongs to another group stays there, so groups never chain together
        name = (self.phrases.get(first) if len(first) > 1 else words.get(first[0])) or " ".join(first)
        for member, key in zip(group, keys, strict=True):
            if len(key) == 1:
                words.setdefault(key[0], name)
                if not events:
                    # "building" is "build" to the lemma table but "buildings" is "building": a
                    # counted noun is mostly plural, so its plural's lemma joins the group too
                    words.setdefault(lemma(_plural(member.lower())), name)
            else:
                self.phrases.setdefault(key, name)
                self.phrase_starts.add(key[0])
                self.longest = max(self.longest, len(key))

    def add_hypernym(self, general: str, covered: tuple[str, ...]) -> None:
        top = self.synonym(" ".join(lemma_key(general)))
        for word in covered:
            self.hypernym_of.setdefault(self.phrase_key(lemma_key(word)) or self.synonym(lemma(word)), top)

    def longest_phrase(self, lemmas: list[str], start: int) -> tuple[int, str]:
        """The longest known phrase starting at lemmas[start]: (its length, its group key)."""
        if lemmas[start] not in self.phrase_starts:
            return 0, ""
        for length in range(min(self.longest, len(lemmas) - start), 1, -1):
            key = self.phrases.get(tuple(lemmas[start : start + length]))
            if key:
                return length, key
        return 0, ""

    def synonym(self, word_lemma: str) -> str:
        """The word's group as context: an event's synonym group, else a noun's. A word in both
        ("death": [death, fatality] and [kill, death, die]) is the event's, so that "Tuesday's
        death" and "died on Tuesday" say the same; what a figure counts is `noun`'s."""
        return self.events.get(word_lemma) or self.synonyms.get(word_lemma, word_lemma)

    def noun(self, word_lemma: str) -> str:
        """The word's group as what a figure counts: noun synonyms only."""
        return self.synonyms.get(word_lemma, word_lemma)

    def phrase_key(self, lemmas: tuple[str, ...]) -> str:
        """The group key of the longest known phrase ending a noun run, else ""."""
        for start in range(len(lemmas)):
            key = self.phrases.get(lemmas[start:])
            if key:
                return key
        return ""
