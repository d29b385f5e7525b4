"""The one extractor: text in, `Frame`s with their `Mention`s out.

Applied to an article it yields facts; applied to a draft, the claims to check.
It needs only tokens and sentences (a blank spaCy pipeline); vocabularies such
as title words, hedges and places come from the rule files via the `Lexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from factlint.extract.mentions import DurationValue, Frame, Mention, NameValue
from factlint.extract.roles import find_roles
from factlint.model import Kind
from factlint.rulebook.ruleset import Lexicon
from factlint.text.dates import MONTHS, WEEKDAYS, date_keys, read_date
from factlint.text.names import fold
from factlint.text.numbers import ORDINALS, SCALE_SUFFIXES, UNITS, read_number
from factlint.text.stem import stem

TIME_UNITS = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "fortnight": "fortnight", "month": "month", "year": "year", "decade": "decade",
    "century": "century", "centuries": "century",
}  # fmt: skip
FRAME_PREPOSITIONS = {"in", "at", "of", "after", "before", "since", "for", "from", "behind", "inside",
                      "on", "by", "over", "under", "until"}  # fmt: skip
CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
PERCENT_WORDS = {"%", "percent", "per"}
MULTIWORD_HEDGES = {("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"),
                    ("at", "most"), ("up", "to"), ("as", "many", "as"), ("as", "much", "as")}  # fmt: skip
NAME_STOPS = {w.capitalize() for w in STOP_WORDS} | {"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame"}
_PLACEHOLDER = "§"
ACRONYM_PLACES = {"US", "U.S.", "USA", "UK", "U.K.", "UAE", "EU"}


@dataclass
class _Token:
    text: str
    idx: int
    is_punct: bool
    is_space: bool


def extract_frames(
    text: str,
    said_on: date | None,
    lexicon: Lexicon,
    nlp: Any,
    base: int = 0,
    date_known: bool = True,
    known_names: frozenset[str] = frozenset(),
) -> list[Frame]:
    """Every sentence of `text` as a frame; offsets are shifted by `base`.

    When `date_known` is false, `said_on` is only assumed (a draft with no date is
    taken as written today): relative dates such as "on Thursday" stay unresolved
    rather than being pinned to a guess. `known_names` (folded) are names the
    corpus uses: a sentence's first word counts as a name when it is one of them.
    """
    doc = nlp(text)
    every: list[_Token] = []
    capitalised_inside: set[str] = set()
    for t in doc:  # one pass: spaCy token objects are costly to create
        word = t.text
        every.append(_Token(word, t.idx, t.is_punct, t.is_space))
        if word[:1].isupper() and (
            (not t.is_sent_start and t.is_alpha) or fold(word) in known_names or fold(word) in lexicon.places
        ):
            capitalised_inside.add(word)
    frames = []
    for sentence in doc.sents:
        tokens = every[sentence.start : sentence.end]
        while tokens and not tokens[0].text.strip():
            tokens = tokens[1:]  # a line break before the sentence is not part of it
        while tokens and not tokens[-1].text.strip():
            tokens = tokens[:-1]
        if not tokens:
            continue
        frame = _frame(text, tokens, said_on if date_known else None, lexicon, capitalised_inside, base)
        frames.append(frame if date_known else replace(frame, said_on=said_on))
    return frames


def _frame(
    text: str,
    tokens: list[_Token],
    said_on: date | None,
    lexicon: Lexicon,
    capitalised_inside: set[str],
    base: int,
) -> Frame:
    words = [t.text for t in tokens]
    lower = [w.lower() for w in words]
    keys = date_keys(words)
    future_at = [k for k, w in enumerate(lower) if w in lexicon.future_markers]
    claimed = [False] * len(tokens)
    value_mentions: list[tuple[int, int, Mention]] = []

    def span(i: int, j: int) -> tuple[int, int, str]:
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        return start + base, end + base, text[start:end]

    i = 0
    while i < len(tokens):
        if not _may_start_value(keys[i]):
            i += 1
            continue
        future = any(i - 5 <= k < i for k in future_at)
        found = _value_at(words, lower, keys, i, said_on, future, lexicon, span)
        if found is None:
            i += 1
            continue
        j, mention = found
        value_mentions.append((i, j, mention))
        for k in range(i, j):
            claimed[k] = True
        i = j

    name_runs = _name_runs(words, claimed, capitalised_inside, lexicon)
    roles = find_roles(words, lower, name_runs, lexicon, span)

    out_tokens: list[str] = []
    weights: list[float] = []
    name_positions: set[int] = set()
    capital_positions: set[int] = set()
    names: set[str] = set()
    mentions: list[Mention] = []
    starts = {i: (j, m) for i, j, m in value_mentions}
    in_name = {k for a, b in name_runs for k in range(a, b)}
    run_starts = {a: b for a, b in name_runs}
    i = 0
    while i < len(tokens):
        if i in starts:
            j, mention = starts[i]
            position = len(out_tokens)
            out_tokens.append(_placeholder(mention))
            weights.append(0.0)
            mentions.append(_with_position(mention, position))
            i = j
            continue
        if i in run_starts:
            j = run_starts[i]
            start, end, run_text = span(i, j)
            key = tuple(fold(w) for w in words[i:j] if fold(w))
            locative = _after_place_preposition(lower, i, lexicon)
            kind = Kind.PLACE if locative or " ".join(key) in lexicon.places else Kind.PERSON
            mentions.append(
                Mention(kind, start, end, run_text, NameValue(key), "", len(out_tokens), locative=locative)
            )
            for w in key:
                out_tokens.append(w)
                weights.append(1.5)
                name_positions.add(len(out_tokens) - 1)
                capital_positions.add(len(out_tokens) - 1)
                names.add(w)
            i = j
            continue
        word = lower[i]
        token = tokens[i]
        if token.is_punct or token.is_space or not any(ch.isalnum() for ch in word):
            i += 1
            continue
        if word in FRAME_PREPOSITIONS:
            out_tokens.append(word)
            weights.append(0.5)
        elif word not in STOP_WORDS and i not in in_name:
            if words[i][:1].isupper():
                capital_positions.add(len(out_tokens))
            out_tokens.append(stem(fold(word) or word))
            weights.append(1.0)
        i += 1
    mentions.extend(roles)
    first, last = tokens[0], tokens[-1]
    start, end = first.idx, last.idx + len(last.text)
    return Frame(
        start=start + base,
        end=end + base,
        text=text[start:end],
        tokens=tuple(out_tokens),
        weights=tuple(weights),
        name_positions=frozenset(name_positions),
        capital_positions=frozenset(capital_positions),
        names=frozenset(names),
        mentions=tuple(mentions),
        said_on=said_on,
    )


_VALUE_STARTS = (
    frozenset(UNITS)
    | frozenset(ORDINALS)
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(CURRENCIES)
    | {"a", "an", "last", "next", "this", "earlier", "later", "yesterday", "today", "tomorrow"}
)


def _may_start_value(key: str) -> bool:
    """A cheap test before the readers: a figure, date or duration starts with a digit or one of these."""
    return key[:1].isdigit() or key in _VALUE_STARTS


def _with_position(mention: Mention, position: int) -> Mention:
    return replace(mention, position=position)


def _placeholder(mention: Mention) -> str:
    if mention.kind is Kind.DURATION:
        assert isinstance(mention.value, DurationValue)
        return f"{_PLACEHOLDER}d:{mention.value.unit}"
    if mention.kind is Kind.EVENT_DATE:
        return f"{_PLACEHOLDER}t"
    return f"{_PLACEHOLDER}q"


def is_placeholder(token: str) -> bool:
    return token.startswith(_PLACEHOLDER)


def _value_at(
    words: list[str],
    lower: list[str],
    keys: list[str],
    i: int,
    said_on: date | None,
    future: bool,
    lexicon: Lexicon,
    span: Any,
) -> tuple[int, Mention] | None:
    """A date, duration or figure starting at token i: (end index, mention)."""
    dated = read_date(words, i, said_on, future, keys)
    if dated is not None:
        j = i + dated.length
        start, end, text = span(i, j)
        return j, Mention(Kind.EVENT_DATE, start, end, text, dated.value, "")
    prefix_unit = CURRENCIES.get(words[i])
    n_at = i + 1 if prefix_unit else i
    if n_at >= len(words):
        return None
    number = read_number(words, n_at)
    if number is None or _is_article(words, n_at, number.length):
        return None
    j = n_at + number.length
    if j < len(words) and lower[j] in ("am", "pm", "a.m.", "p.m."):
        return None
    if prefix_unit and j < len(words) and lower[j] in SCALE_SUFFIXES:
        scale = SCALE_SUFFIXES[lower[j]]
        number = replace(
            number, value=replace(number.value, low=number.value.low * scale, high=number.value.high * scale)
        )
        j += 1
    hedge = _hedge(lower, i, lexicon)
    tense = _tense(lower, i)
    # durations: "17 - year war", "16 days of negotiations", "for 19 years"
    unit_at = j + 1 if j + 1 < len(words) and words[j] == "-" else j
    if unit_at < len(words) and stem(lower[unit_at]) in TIME_UNITS and not prefix_unit:
        unit = TIME_UNITS[stem(lower[unit_at])]
        k = unit_at + 1
        if k + 1 < len(words) and words[k] == "-" and lower[k + 1] == "old":
            k += 2
            subject = "old"
        else:
            subject = _duration_subject(lower, k)
        start, end, text = span(i if hedge and hedge in ("about",) else n_at, unit_at + 1)
        start, end, text = span(n_at, unit_at + 1)
        value = DurationValue(number.value, unit)
        if not subject:
            subject = _ongoing_before(lower, n_at, lexicon)
        return k, Mention(Kind.DURATION, start, end, text, value, subject, hedge=hedge, tense=tense)
    start, end, text = span(n_at, j)
    if prefix_unit:
        noun = prefix_unit
    elif j < len(words) and lower[j] in PERCENT_WORDS:
        noun = "percent"
    else:
        noun = _counted_noun(words, lower, j, number.value.ordinal)
    slot = lexicon.noun_key(noun) if noun else ""
    return j, Mention(Kind.QUANTITY, start, end, text, number.value, slot, hedge=hedge, tense=tense)


def _is_article(words: list[str], i: int, length: int) -> bool:
    """ "one" as a pronoun ("one of them", "the one") is not a figure we can check."""
    word = words[i].lower()
    if word == "one" and length == 1:
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        preceding = words[i - 1].lower() if i > 0 else ""
        return following in ("of", "another", ",", ".", "-") or preceding in (
            "the",
            "no",
            "any",
            "every",
        )
    return False


def _hedge(lower: list[str], i: int, lexicon: Lexicon) -> str | None:
    if i > 0 and lower[i - 1] in lexicon.hedges:
        return lower[i - 1]
    for phrase in MULTIWORD_HEDGES:
        n = len(phrase)
        if i >= n and tuple(lower[i - n : i]) == phrase:
            return " ".join(phrase)
    return None


PRESENT = {"has", "have", "is", "are", "remain", "remains", "now"}
PAST = {"had", "was", "were", "then"}


def _tense(lower: list[str], i: int) -> str | None:
    """ "has 2,500" or "had 12,000": the same slot at another time is not a contradiction."""
    for word in reversed(lower[max(0, i - 4) : i]):
        if word in PRESENT:
            return "present"
        if word in PAST:
            return "past"
    return None


def _ongoing_before(lower: list[str], i: int, lexicon: Lexicon) -> str:
    """ "a military presence for 19 years": what lasts may stand before the duration."""
    for word in reversed(lower[max(0, i - 4) : i]):
        if stem(word) in lexicon.ongoing:
            return stem(word)
    return ""


def _counted_noun(words: list[str], lower: list[str], j: int, ordinal: bool) -> str:
    """The noun a figure counts: the last of up to three words after it ("2,500 US troops")."""
    noun = ""
    for k in range(j, min(j + 3, len(lower))):
        word = lower[k]
        if words[k][:1].isupper() and words[k].replace(".", "").isalpha():
            continue  # a name qualifying the noun: "US troops", "Premier League titles"
        if not word.isalpha() or word in STOP_WORDS or word in MONTHS or word in WEEKDAYS:
            break
        if word in UNITS or word in ORDINALS:
            break
        noun = word
        if ordinal:
            break
    return noun


def _duration_subject(lower: list[str], k: int) -> str:
    """What lasts: "war" in "17-year war", "negotiations" in "16 days of negotiations"."""
    if k < len(lower) and lower[k] == "of" and k + 1 < len(lower):
        k += 1
        while k < len(lower) and lower[k] in ("the", "a", "an", "their", "his", "her", "its"):
            k += 1
    if k < len(lower) and lower[k].isalpha() and lower[k] not in STOP_WORDS:
        return stem(lower[k])
    return ""


def _name_runs(
    words: list[str], claimed: list[bool], capitalised_inside: set[str], lexicon: Lexicon
) -> list[tuple[int, int]]:
    """Runs of capitalised words that name someone or something: "Ashraf Ghani", "Khost"."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not _capitalised(words[i], claimed[i]):
            i += 1
            continue
        j = i
        while j < len(words) and _capitalised(words[j], claimed[j]):
            j += 1
        run = [k for k in range(i, j) if words[k] not in NAME_STOPS and not _acronym(words[k])]
        # a sentence's first word is a name only if it is capitalised elsewhere too
        first_in_sentence = i == 0 or (i > 0 and words[i - 1] in ('"', "“", "'", "‘", "("))
        if first_in_sentence and run and run[0] == i and j - i == 1:
            if words[i] not in capitalised_inside:
                run = []
        if run:
            runs.extend(_split_at_titles(words, run[0], run[-1] + 1, lexicon))
        i = j
    return runs


def _split_at_titles(words: list[str], a: int, b: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """ "Turkish Defence Minister Hulusi Akar" names "Turkish" and "Hulusi Akar", not one thing."""
    pieces: list[tuple[int, int]] = []
    start = a
    for k in range(a, b + 1):
        boundary = k == b or words[k].lower() in lexicon.titles or words[k].lower() in lexicon.portfolios
        if boundary:
            if start < k:
                pieces.append((start, k))
            start = k + 1
    return pieces


def _acronym(word: str) -> bool:
    """ "RUSI", "NATO": organisations more often than people or places; left out of name swaps."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and word not in ACRONYM_PLACES


def _capitalised(word: str, claimed: bool) -> bool:
    if claimed or not word[:1].isupper() or not any(ch.isalpha() for ch in word):
        return False
    lower = word.lower().rstrip(".")
    return lower not in MONTHS and lower not in WEEKDAYS


def _after_place_preposition(lower: list[str], i: int, lexicon: Lexicon) -> bool:
    before = i - 1
    if before > 0 and lower[before] == "the":
        before -= 1  # "in the South China Sea"
    return before >= 0 and lower[before] in lexicon.place_prepositions
