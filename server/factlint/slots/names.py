"""Names and titles in a sentence: who and where, read from capitals and the rules' titles.

A name is a run of capitalised words that is not a value ("Brackenford Town Hall",
"Lena Sorensen"). It is a place after a place preposition ("in Harlow") or when
the place rule knows it, a person when a title or an honorific goes with it or
it says something, else just a name that says whose a value is. A title is a
head word from the role rule with the words that make it one office ("the
hospital's director of nursing", "Finance director").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factlint.rulebook.lexicon import Lexicon
from factlint.slots.model import Title
from factlint.slots.origins import is_origin
from factlint.slots.words import DETERMINERS, IRREGULAR_PLURALS, QUOTES, Word, verb_form
from factlint.text.dates import MONTHS, WEEKDAYS
from factlint.text.lemmas import common_word
from factlint.text.names import fold
from factlint.text.spacy_import import STOP_WORDS

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev"})
NAME_STOPS = frozenset({w.capitalize() for w in STOP_WORDS}) | {"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame"}
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "explained", "warned", "argued",
                          "insisted", "announced", "wrote", "tweeted", "stated"})  # fmt: skip
TITLE_MODIFIERS = frozenset({"special", "senior", "deputy", "vice", "chief", "acting", "interim",
                             "assistant", "associate", "executive", "general", "top", "first", "prime",
                             "lead", "head", "managing"})  # fmt: skip
RANK_MODIFIERS = frozenset({"vice", "deputy", "assistant", "acting", "interim", "associate"})
STAND_INS = frozenset({"acting", "interim"})
"""Rank words that say who holds an office for now, not which office."""


@dataclass(frozen=True)
class NameRun:
    start: int
    end: int
    """words[start:end]"""
    key: tuple[str, ...]
    kind: str
    """"place", "person" or "name" (an organisation, a building, a thing)."""


@dataclass(frozen=True)
class RoleFound:
    title_start: int
    title_end: int
    person: NameRun
    title: Title
    taken_up: bool = False
    """Said by a verb ("became acting chief executive", "has been interim chief executive"): a
    change of office, after which the person's earlier titles are former ones."""


def name_runs(words: list[Word], taken: set[int], lexicon: Lexicon, known: frozenset[str]) -> list[NameRun]:
    """Runs of capitalised words not taken by values, split at title words."""
    runs: list[NameRun] = []
    i = 0
    while i < len(words):
        if not _capitalised(words[i], i in taken):
            i += 1
            continue
        j = i
        while j < len(words) and (
            _capitalised(words[j], j in taken)
            or (words[j].lower in ("of", "de", "la", "van", "von", "&") and j + 1 < len(words)
                and _capitalised(words[j + 1], j + 1 in taken) and j > i)
        ):  # fmt: skip
            j += 1
        members = [k for k in range(i, j) if words[k].text not in NAME_STOPS]
        first_in_sentence = i == 0 or words[i - 1].text in QUOTES or words[i - 1].text == "("
        if first_in_sentence and members and members[0] == i and j - i == 1:
            folded = fold(words[i].text)
            if folded not in lexicon.places and (folded not in known or _common_noun_before_noun(words, i)):
                members = []
        if members:
            for a, b in _split_at_titles(words, members[0], members[-1] + 1, lexicon):
                key = tuple(fold(w.text) for w in words[a:b] if fold(w.text))
                if key:
                    runs.append(NameRun(a, b, key, _classify(words, a, b, key, lexicon)))
        i = j
    return _listed_places(words, runs)


def _common_noun_before_noun(words: list[Word], i: int) -> bool:
    """ "Water use, however, would fall": a capitalised first word that is a common English word
    before a lower-case noun is that noun's modifier, even where a name ends in it ("Ferndale
    Water"); "Jones said" and "Hallberg shares" keep their names."""
    if i + 1 >= len(words):
        return False
    after = words[i + 1]
    return (
        after.content
        and not after.upper
        and not verb_form(after)
        and after.lower.isalpha()
        and common_word(words[i].lower)
    )


LIST_JOINTS = frozenset({",", "and", "or"})
"""Words between the names of a list: "Dublin, Cork, Galway and Limerick"."""


def _listed_places(words: list[Word], runs: list[NameRun]) -> list[NameRun]:
    """ "in Dublin, Cork, Galway and Limerick": names listed after a place are places too. A list
    ends with "and" or "or"; "Based in Zurich, Hallberg already has" is none."""
    listed = list(runs)
    k = 0
    while k < len(listed):
        m = k
        joints: list[set[str]] = []
        while m + 1 < len(listed) and listed[m + 1].start > listed[m].end:
            between = {w.lower for w in words[listed[m].end : listed[m + 1].start]}
            if not between <= LIST_JOINTS:
                break
            joints.append(between)
            m += 1
        first = listed[k]
        # "from Antwerp, Tashi and Nima": what follows an origin may name what came from it
        by_preposition = first.kind == "place" and not is_origin(words, first.start, first.end)
        if by_preposition and joints and joints[-1] & {"and", "or"}:
            for n in range(k + 1, m + 1):
                if listed[n].kind == "name":
                    listed[n] = replace(listed[n], kind="place")
        k = m + 1
    return listed


def _capitalised(word: Word, taken: bool) -> bool:
    if taken or not word.upper or not any(ch.isalpha() for ch in word.text):
        return False
    lower = word.lower.rstrip(".")
    return lower not in MONTHS and lower not in WEEKDAYS and word.text not in ("I",)


def _split_at_titles(words: list[Word], a: int, b: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """ "Turkish Defence Minister Hulusi Akar" names "Turkish" and "Hulusi Akar", not one thing."""
    pieces: list[tuple[int, int]] = []
    start = a
    for k in range(a, b + 1):
        if k == b or words[k].lower in lexicon.titles or words[k].lower.rstrip(".") in HONORIFICS:
            while start < k and not words[start].upper:
                start += 1  # "Secretary of State Mike Pompeo": the piece starts at a capital
            if start < k:
                pieces.append((start, k))
            start = k + 1
    return [_after_portfolio(words, a, b, lexicon) for a, b in pieces]


def _after_portfolio(words: list[Word], a: int, b: int, lexicon: Lexicon) -> tuple[int, int]:
    """ "State Mike Pompeo" after "Secretary of": a leading portfolio word belongs to the title."""
    while b - a > 2 and words[a].lower in lexicon.portfolios:
        a += 1
    return a, b


def _classify(words: list[Word], a: int, b: int, key: tuple[str, ...], lexicon: Lexicon) -> str:
    joined = " ".join(key)
    before = a - 1
    if before >= 0 and words[before].lower == "the":
        before -= 1
    if before >= 0 and words[before].lower in lexicon.place_prepositions:
        if key[-1] in lexicon.organisation_words or _plural_event(words, a, b, joined, lexicon):
            return "name"
        return "place"
    if (
        len(key) >= 2
        and key[-1] in lexicon.street_words
        and before >= 0
        and words[before].lower in STREET_PREPOSITIONS
    ):
        return "place"  # "a garage on Mill Road", "a gas main under Kellow Road"
    if is_origin(words, a, b) and key[-1] not in lexicon.organisation_words:
        return "place"  # "a contractor from Sheffield", "the Oslo-based firm"
    if joined in lexicon.places:
        return "name"  # "the US invasion", "Germany has 500 troops": whose, not where
    if a > 0 and (words[a - 1].lower.rstrip(".") in HONORIFICS or words[a - 1].lower in lexicon.titles):
        return "person"
    if a > 0 and words[a - 1].lower == "by" and b - a >= 2:
        return "person"  # "was led by Lena Sorensen": who did it
    # "Okafor said", "said Lena Sorensen"; but "the Taliban said", "the State Department said"
    # speak for an organisation
    organisation = a > 0 and words[a - 1].lower == "the"
    if not organisation and (b < len(words) and words[b].lower in SPEECH_VERBS):
        return "person"
    if not organisation and a > 0 and words[a - 1].lower in SPEECH_VERBS and not _reported_subject(words, b):
        return "person"
    if not organisation and b - a == 2 and _acts(words, b) and not _names_a_body(words[b - 1], key, lexicon):
        return "person"  # "Justin Rose carded a 71": a full name that does something
    return "name"


REPORTED_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "are", "would", "will", "could",
                                  "should", "may", "might", "can", "did", "does", "must"})  # fmt: skip


STREET_PREPOSITIONS = frozenset({"on", "off", "along", "under", "into", "onto", "to", "from", "via", "past"})


def _reported_subject(words: list[Word], b: int) -> bool:
    """ "said Voltra had offered her £12,000": a name after "said" that a verb follows is what the
    speech is about, not who speaks ("said Lena Sorensen, the flight director")."""
    return b < len(words) and (words[b].lower in REPORTED_AUXILIARIES or _acts(words, b))


def _plural_event(words: list[Word], a: int, b: int, joined: str, lexicon: Lexicon) -> bool:
    """ "at the Masters", "at the Oscars": one plural word after "the" names an event, unless the
    rules know it as a place ("the Netherlands")."""
    last = words[b - 1]
    return (
        b - a == 1
        and a > 0
        and words[a - 1].lower == "the"
        and last.lower.endswith("s")
        and joined not in lexicon.places
    )


def _names_a_body(last: Word, key: tuple[str, ...], lexicon: Lexicon) -> bool:
    """ "Corquin Motors", "Marlow Ferries": an organisation's name ends in its kind, often plural."""
    return key[-1] in lexicon.organisation_words or (last.lower.endswith("s") and last.base != last.lower)


def _acts(words: list[Word], b: int) -> bool:
    """Whether the word after a name is a verb in the past or present tense ("carded", "wins")."""
    if b >= len(words):
        return False
    word = words[b]
    if word.upper or word.punct or word.lower in STOP_WORDS:
        return False
    return word.base != word.lower and not word.lower.endswith("ing") and word.lower not in IRREGULAR_PLURALS


def _ends_owner(word: Word) -> bool:
    """Whether `word` ends the name of whose office a title is: punctuation other than the
    apostrophes, ampersands and hyphens of names ("the Transport Workers' Union's", "Carrick &
    Venn's", "the co-operative's")."""
    return word.punct and word.text not in ("'", "’", "'s", "’s", "&", "-")


def find_roles(words: list[Word], runs: list[NameRun], lexicon: Lexicon) -> list[RoleFound]:
    """Titles attached to a person: "Finance director Priya Nandakumar", "Rees, the hospital's
    director of nursing", "the mission director, Rafael Quiroga"."""
    roles: list[RoleFound] = []
    if not lexicon.titles:
        return roles
    run_at = {r.start: r for r in runs}
    run_ending = {r.end: r for r in runs}
    lower = [w.lower for w in words]
    for h, word in enumerate(words):
        if word.lower not in lexicon.titles:
            continue
        if h + 1 < len(words) and lower[h + 1] in lexicon.titles:
            continue  # the last head of "Vice President" is the head
        if h + 2 < len(words) and lower[h + 1] == "-" and lower[h + 2] in lexicon.titles:
            continue  # "director-general": the head is the last part
        start = _title_start(words, h, lexicon)
        after = _after_complements(words, h + 1, lexicon)
        person: NameRun | None = None
        taken_up = False
        owned = False
        opener = start  # where the title's phrase opens: its determiner, before whose office it is
        if after in run_at:
            person = run_at[after]
        elif after < len(words) and lower[after] == "," and after + 1 in run_at:
            person = run_at[after + 1]
        elif (
            after + 2 < len(words)
            and lower[after] == ","
            and _honorific(lower[after + 1], lexicon)
            and after + 2 in run_at
        ):
            person = run_at[after + 2]  # "the mayor, Councillor Jennifer Oduya": an honorific between
        else:
            k = start - 1
            if k >= 1 and (
                lower[k] in ("'s", "’s") or (lower[k] in ("'", "’") and lower[k - 1].endswith("s"))
            ):
                # "Rees, the hospital's medical director", "Oskar Lind, Helmforge Launch Systems'
                # chief engineer": walk over whose office it is
                k -= 1
                while (
                    k >= 0 and lower[k] not in DETERMINERS and lower[k] != "," and not _ends_owner(words[k])
                ):
                    k -= 1
                if k >= 0 and lower[k] == ",":
                    k += 1  # "Pryce, Dravon's lawyer": no determiner
            while k >= 0 and (lower[k] in DETERMINERS or lower[k] in ("'s", "’s") or words[k].upper):
                if lower[k] in DETERMINERS:
                    break
                k -= 1
            opener = k
            if (k >= 1 and lower[k] in DETERMINERS and lower[k - 1] == "," and (k - 1) in run_ending) or (
                k >= 1 and lower[k - 1] == "," and (k - 1) in run_ending
            ):
                person = run_ending[k - 1]
                # "came from Owen Ashby, the council's deputy leader": whose office, so a person
                owned = lower[start - 1] in ("'s", "’s")
            elif (
                k >= 2
                and lower[k] in DETERMINERS
                and lower[k - 1] in lexicon.past_markers
                and lower[k - 2] == ","
                and (k - 2) in run_ending
            ):
                person = run_ending[k - 2]  # "Morag Innes, previously the club secretary"
            elif k >= 1 and lower[k] == "," and k in run_ending:
                person = run_ending[k]  # "Sandrine Leclerc, Velocita's chief executive": no determiner
            elif k >= 1 and lower[k] in DETERMINERS and lower[k - 1] == ",":
                pass
            elif start >= 2 and lower[start - 1] == "," and (start - 1) in run_ending:
                person = run_ending[start - 1]  # "Pryce, general counsel of Dravon"
            else:
                person = _subject_of_predicate(words, start, run_ending)
                taken_up = person is not None
        if person is None or (person.kind == "place" and not owned):
            continue
        span = [words[k] for k in range(start, after) if lower[k] not in (",", "-")]
        past = any(
            m >= 1 and lower[m] in DETERMINERS and lower[m - 1] in lexicon.past_markers
            for m in (start - 1, opener)
        )
        title = title_value(span, lower[h], lexicon, past, opens_sentence=start == 0)
        title = replace(title, owner=_owner_before(words, start) or _owner_after(words, after))
        roles.append(RoleFound(start, after, person, title, taken_up))
    return _widest(roles) + verb_roles(words, run_ending, lexicon)


def verb_roles(words: list[Word], run_ending: dict[int, NameRun], lexicon: Lexicon) -> list[RoleFound]:
    """Titles said by a verb of office (`title-verbs`): "Alan Brisco, who chairs the appeal" is its
    chairman, as is "Tom Hargreaves heads the cooperative" (a name that acts: a person) and "who has
    led the team since 2019". A past verb ("who chaired it") or one to come ("will chair the appeal")
    gives a title not held now. The verb needs an object that opens with a determiner ("chairs the
    appeal", not "leads to"); the title's words are the verb alone, so the object's names stay
    names."""
    found: list[RoleFound] = []
    if not lexicon.title_verbs:
        return found
    for v, word in enumerate(words):
        title = lexicon.title_verbs.get(word.base)
        if title is None or v + 2 >= len(words) or words[v + 1].lower not in DETERMINERS:
            continue
        if word.upper or v == 0 or words[v - 1].lower in DETERMINERS or words[v - 1].lower in ("'s", "’s"):
            continue  # "the chair", "the council's head": a noun
        k = v - 1
        while k >= 0 and words[k].lower in OFFICE_ADVERBS:
            k -= 1
        auxiliaries: list[str] = []
        while k >= 0 and words[k].lower in OFFICE_AUXILIARIES:
            auxiliaries.append(words[k].lower)
            k -= 1
            while k >= 0 and words[k].lower in OFFICE_ADVERBS:
                k -= 1
        bare = word.lower == word.base
        present = word.lower.endswith("s") and not bare and not auxiliaries
        perfect = not bare and bool(auxiliaries) and auxiliaries[-1] in ("has", "have")
        if bare and not auxiliaries:
            continue  # "to chair", "they chair": no holder read here
        if not (present or perfect or (not bare and not auxiliaries) or (bare and set(auxiliaries) & FUTURE)):
            continue  # "is led by": a passive names the leader otherwise
        if k >= 1 and words[k].lower == "who" and words[k - 1].text == ",":
            person = run_ending.get(k - 1)
        else:
            person = run_ending.get(k + 1)
            if person is not None and person.kind != "person":
                person = None  # "Kestrels lead the league": a name that is not known to be a person
        if person is None or person.kind == "place":
            continue
        past = not (present or perfect)
        head = lexicon.title_group.get(title, title)
        end = _common_object_end(words, v + 1)
        # the object's words without its possessives ("chairs the council's planning committee")
        rest = [w for w in words[v + 2 :] if w.lower not in ("'s", "’s")]
        owner = _owner_words(rest, 0, len(rest))
        found.append(RoleFound(v, end, person, Title(head, (), (title,), past, by_verb=True, owner=owner)))
    return found


def _owner_before(words: list[Word], start: int) -> tuple[str, ...]:
    """Whose office a title is, named before it: "the traders' leader", "the council's chair"."""
    k = start - 1
    if k < 1 or words[k].lower not in ("'s", "’s", "'", "’"):
        return ()
    m = k - 1
    while m >= 0 and words[m].lower not in DETERMINERS and not _ends_owner(words[m]) and k - m <= OWNER_REACH:
        m -= 1
    return _owner_words(words, m + 1, k)


def _owner_after(words: list[Word], after: int) -> tuple[str, ...]:
    """Whose office a title is, named after it: "chair of the traders' association"."""
    if after + 1 >= len(words) or words[after].lower != "of":
        return ()
    k = after + 1
    if words[k].lower in DETERMINERS:
        k += 1
    return _owner_words(words, k, len(words))


def _owner_words(words: list[Word], a: int, b: int) -> tuple[str, ...]:
    """The dictionary forms of the words of an owner's name from words[a], up to its end."""
    owner: list[str] = []
    for word in words[a : min(b, a + OWNER_REACH)]:
        if (
            _ends_owner(word)
            or (word.lower in STOP_WORDS and word.lower != "of")
            or word.lower in DETERMINERS
        ):
            break
        if word.text.isalpha() or "-" in word.text:
            owner.append(word.base)
    return tuple(owner)


def _common_object_end(words: list[Word], k: int) -> int:
    """Where a verb of office's object ends ("chairs the trust"): the finding underlines the verb
    phrase (no quick fix replaces it: `Finding.replaceable`); the verb alone when the object holds
    a name ("heads the Vérignac wine cooperative"), which stays a name."""
    m = k + 1
    while m < len(words) and ((words[m].content and not words[m].punct) or words[m].lower in ("'s", "’s")):
        if words[m].upper:
            return k
        m += 1
    return m if m > k + 1 else k


OFFICE_ADVERBS = frozenset({"also", "now", "still", "currently", "jointly", "already", "then", "later"})
"""Words between a holder and a verb of office: "who also chairs the appeal"."""
OFFICE_AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "shall", "to", "is", "was", "be"})
"""Auxiliaries before a verb of office: "has led", "will chair" ("is to chair": a title to come)."""
FUTURE = frozenset({"will", "would", "shall", "to"})


def _widest(roles: list[RoleFound]) -> list[RoleFound]:
    """Each title once, in full: "the chief fire officer" is not also "the chief"."""
    return [
        role
        for role in roles
        if not any(
            other.person == role.person
            and other.title_start <= role.title_start
            and role.title_end <= other.title_end
            and other.title_end - other.title_start > role.title_end - role.title_start
            for other in roles
        )
    ]


def _subject_of_predicate(words: list[Word], start: int, run_ending: dict[int, NameRun]) -> NameRun | None:
    """The person a title is said of by a verb: "Dr Ruth Adeyemi, who has been interim chief
    executive since April 14", "Alan Quigley became acting chief executive", "Tom Hargreaves is
    finance director"; None if no such predicate opens the title."""
    k = start - 1
    if k >= 1 and words[k].lower in ("'s", "’s"):
        # "is the club's chief executive": over whose office it is, to its determiner
        m = next((m for m in range(k - 1, max(-1, k - OWNER_REACH), -1) if words[m].lower == "the"), None)
        if m is None or any(_ends_owner(w) for w in words[m + 1 : k]):
            return None
        k = m
    while k >= 0 and words[k].lower in PREDICATE_DETERMINERS:
        k -= 1
    last = k
    if k >= 1 and words[k].lower == "as" and words[k - 1].lower in ACTING | CHOSEN:
        k -= 2
        if k >= 0 and words[k].lower in ("will", "would"):
            k -= 1  # "will act as operations director until a replacement is found": from now
        if k >= 0 and words[k].lower == "voted":
            k -= 1  # "was voted in as the trust's secretary"
    while k >= 0 and words[k].lower in PREDICATE_WORDS:
        k -= 1
    if not {w.lower for w in words[k + 1 : last + 1]} - HAVING:
        return None  # no predicate, or only having: "has the chief executive's backing"
    if k >= 1 and words[k].lower == "who" and words[k - 1].text == ",":
        k -= 2  # "Adeyemi, who has been"
    elif k >= 1 and words[k].text == ",":  # "Adeyemi, the director of operations, became"
        # "Adeyemi, the director of operations, became"; "Oduro, who has led the scheme as cabinet
        # member for housing, was made deputy leader"
        opening = next(
            (m for m in range(k - 1, max(0, k - RELATIVE_REACH), -1) if words[m].text == ","), None
        )
        if opening is None:
            return None
        opener = words[opening + 1].lower
        if opener not in PREDICATE_DETERMINERS and (opener != "who" or opening + 1 == k - 1):
            return None
        if opener in PREDICATE_DETERMINERS and k - opening > APPOSITION_REACH:
            return None
        k = opening - 1
    return run_ending.get(k + 1)


PREDICATE_DETERMINERS = DETERMINERS - {"his", "her"}
"""Words between a predicate and its title ("has been the chief executive"), and that open an
apposition between a name and its predicate ("Adeyemi, the director of operations, became")."""
HAVING = frozenset({"has", "have", "had", "also", "now", "still"})
"""Words of a predicate that say no more than having: "has the chief executive's backing"."""
PREDICATE_WORDS = frozenset(
    {"is", "was", "are", "were", "been", "has", "have", "had", "became", "appointed", "named", "made"}
    | {"remains", "remained", "also", "now", "still", "currently", "previously", "formerly", "elected"}
)
"""Words of a predicate that gives a person a title: "has been", "was named", "has been made its
honorary president". Not the future's
("would become", "takes over as"): a title to come is no title yet."""
APPOSITION_REACH = 9
"""Words an apposition between a name and its predicate may run to: ", the director of operations,"."""
RELATIVE_REACH = 16
"""... and a relative clause: ", who has led the scheme as cabinet member for housing,"."""
CHOSEN = frozenset({"in", "elected", "appointed", "named", "chosen"})
"""Words before "as" that give a title: "was elected as chairman", "was voted in as secretary"."""
OWNER_REACH = 6
"""Words back from a title's "'s" to the "the" of whose office it is: "the parish council's"."""
ACTING = frozenset({"act", "acts", "acted", "acting"})
"""Verbs that give a title with "as", from now even after "will": "will act as operations director
until a replacement is found" (a bare "as" gives none: "replace Henri Castagne as head")."""


def _honorific(word: str, lexicon: Lexicon) -> bool:
    """A title or honorific that may stand before a name: "Councillor", "Dr"."""
    return word in lexicon.titles or word.rstrip(".") in HONORIFICS


def _title_start(words: list[Word], h: int, lexicon: Lexicon) -> int:
    """Walk left over qualifiers: "Turkish Foreign", "the hospital's medical", "State Department"."""
    k = h
    while k > 0:
        previous = words[k - 1]
        p = previous.lower
        if p in lexicon.past_markers or p in TITLE_MODIFIERS or p in lexicon.titles or p == "-":
            k -= 1  # "the acting fund manager", "the former chief executive"
            continue
        if previous.base != p and not p.endswith("s") and not (k == h and p.endswith("ing")):
            break  # "named Councillor Amira Haddad", "this week met Afghan President": a verb
        # (but "managing director", "presiding judge": a participle before the head names the office)
        if p in DETERMINERS or p in STOP_WORDS or previous.punct:
            break
        elif previous.upper or previous.content:
            k -= 1
        else:
            break
    return k


def _after_complements(words: list[Word], k: int, lexicon: Lexicon) -> int:
    """Skip "of nursing", "of State", "for Afghanistan" after a head; return where a name may start."""
    while k + 1 < len(words) and words[k].lower in ("of", "for") and words[k + 1].lower not in DETERMINERS:
        following = words[k + 1].lower
        if following in lexicon.portfolios or following in lexicon.places:
            k += 2
            continue
        if words[k + 1].content and not words[k + 1].upper:
            k += 2
            continue
        if words[k + 1].upper and k + 2 < len(words) and words[k + 2].text == ",":
            k += 2
            continue
        break
    return k


def title_value(
    span: list[Word], head: str, lexicon: Lexicon, past: bool = False, opens_sentence: bool = False
) -> Title:
    """The office a title names. Its qualifiers are the portfolio words the rules know and the
    other lower-case words ("medical", "flight"); capitalised names (whose office) are not. A
    sentence's first word is capitalised whatever it is ("Mission director Rafael Quiroga")."""
    title_words = tuple(w.lower for w in span)
    named = span[1:] if opens_sentence else span
    capitalised = {w.lower for w in named if w.upper and w.lower not in lexicon.portfolios}
    head_key = lexicon.title_group.get(head, head)
    # "acting fund manager" holds the fund manager's office for now; a deputy holds another
    ranks = sorted(w for w in title_words if w in RANK_MODIFIERS and w not in STAND_INS and w != head_key)
    if ranks:
        head_key = f"{'-'.join(ranks)} {head_key}"
    qualifiers = tuple(
        sorted(
            {
                lexicon.portfolios.get(w, w)
                for w in title_words
                if w != head
                and w not in lexicon.titles
                and w not in RANK_MODIFIERS
                and w not in lexicon.past_markers
                and w not in STOP_WORDS
                and w.isalpha()
                and w not in capitalised
                and w not in lexicon.places  # "Turkish", "US": whose office, not which
                and (w in lexicon.portfolios or not _is_owner(w, title_words))
            }
        )
    )
    past = past or any(w in lexicon.past_markers for w in title_words)
    return Title(head_key, qualifiers, title_words, past)


def _is_owner(word: str, title_words: tuple[str, ...]) -> bool:
    """ "the hospital's director": "hospital" says whose office it is, not which office."""
    k = title_words.index(word)
    return k + 1 < len(title_words) and title_words[k + 1] in ("'s", "’s")
