"""When someone took up their post: "Andrew Pryce, Northvale's chief executive for the past eight
years" (a source) against "Andrew Pryce, who took over as chief executive in 2016" (a draft).

Reporters give a tenure as a length and restate it as a start, or the other way round. A source's
length of service in a post, said on a known day, dates the start of it within a year either way;
a draft's "took over", "became", "was appointed" or "has led ... since" with a year dates the same
start. Both are a slot of their own (the "tenure" mark) pinned by the person, like an origin: the
one start of one person's post, whatever else the sentences say. No parser: the constructions are
few and short, and anything else is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from factlint.slots.model import Period, When
from factlint.slots.words import Word

if TYPE_CHECKING:
    from factlint.slots.names import NameRun, RoleFound
    from factlint.slots.values import Found

SERVICE_LEADS = frozenset({"for", "past", "last", "after"})
"""Words before a length of service: "for 14 years", "for the past eight years", "after 14 years as"."""
START_PHRASES = (("took", "over"), ("take", "over"), ("takes", "over"), ("became",), ("was", "appointed"),
                 ("were", "appointed"), ("succeeded",))  # fmt: skip
"""What a person did on taking up a post: "who took over as chief executive in 2016"."""
SINCE_VERBS = frozenset({"led", "run", "headed", "chaired", "been"})
"""Verbs of holding a post before "since": "has led the zoo since 2011"."""
OWNER_REACH = 12
"""Words between a person's name and the length or start of their service in one sentence."""
YEAR_DAYS = 365.25


@dataclass(frozen=True)
class Tenure:
    owner: NameRun
    when: When


def service_start(
    words: list[Word],
    f: Found,
    roles: list[RoleFound],
    runs: list[NameRun],
    titles: set[str],
    said_on: date | None,
) -> Tenure | None:
    """The start a length of service in a post dates, when the sentence names the holder with a
    title: "Dr Fiona Marsh, who has been the zoo's director for 14 years" (said in November 2027)
    started between November 2012 and November 2014."""
    if said_on is None or not isinstance(f.value, Period) or f.value.unit not in ("year", "month"):
        return None
    lead = f.start - f.bound_words - 1
    while lead >= 0 and words[lead].lower == "the":
        lead -= 1
    as_after = f.end < len(words) and words[f.end].lower == "as"  # "after 14 years as chief librarian"
    if not (as_after or (lead >= 0 and words[lead].lower in SERVICE_LEADS)):
        return None
    holders = {r.person.key: r.person for r in roles}  # "Colin Drummond, ..., after six years in charge"
    if len(holders) > 1:
        return None
    owner = next(iter(holders.values()), None) or _titled_person_before(words, f, runs, titles)
    if owner is None:
        return None
    low, high = f.value.low, f.value.high
    slack = YEAR_DAYS if f.value.unit == "year" else YEAR_DAYS / 12
    start = _days_before(said_on, high + slack)
    end = _days_before(said_on, max(0.0, low - slack))
    return Tenure(owner, When(f"{words[f.start].text} {f.value.unit}s of service", start, end, "tenure"))


def claimed_start(words: list[Word], f: Found, runs: list[NameRun]) -> NameRun | None:
    """The person a year dates the start of a post of: "Andrew Pryce, who took over as chief
    executive in 2016", "Gareth Trevaskis became chief executive in 2017", "has led the zoo since
    2011"; None when the year dates something else."""
    if not isinstance(f.value, When) or f.value.granularity != "year":
        return None
    begin = f.start - f.bound_words
    if begin < 1:
        return None
    lower = [w.lower for w in words[:begin]]
    if lower[-1] == "since":
        if not any(w in SINCE_VERBS for w in lower[-6:]):
            return None
    elif lower[-1] != "in" or not _start_phrase_before(lower):
        return None
    people = [
        r
        for r in runs
        if (r.kind == "person" or _who_follows(words, r)) and r.end <= begin and begin - r.end <= OWNER_REACH
    ]
    return people[-1] if people else None


def _who_follows(words: list[Word], run: NameRun) -> bool:
    """ "Andrew Pryce, who took over": "who" is said of people."""
    return run.end + 1 < len(words) and words[run.end].text == "," and words[run.end + 1].lower == "who"


def _start_phrase_before(lower: list[str]) -> bool:
    """Whether a start phrase stands in the words before "in <year>", within a short reach."""
    return any(
        tuple(lower[k : k + len(phrase)]) == phrase
        for k in range(max(0, len(lower) - 8), len(lower))
        for phrase in START_PHRASES
    )


def _titled_person_before(
    words: list[Word], f: Found, runs: list[NameRun], titles: set[str]
) -> NameRun | None:
    """The person named before a length of service whose post the words around it give: "Dr Fiona
    Marsh, who has been the zoo's director for 14 years", "Feeney ... after 14 years as chief
    librarian"."""
    near = [r for r in runs if r.end <= f.start and f.start - r.end <= OWNER_REACH]
    people = [r for r in near if r.kind == "person" or _who_follows(words, r)] or [
        r for r in near if len(r.key) >= 2
    ]
    if not people:
        return None
    owner = people[-1]
    around = words[owner.end : min(len(words), f.end + 4)]
    if any(w.lower in titles for w in around):
        return owner
    # "Ellery, who has run the tournament for the past 15 years": a post held, untitled
    held = any(
        w.lower in SINCE_VERBS - {"been"} and k > 0 and around[k - 1].lower in ("has", "have")
        for k, w in enumerate(around)
    )
    return owner if held else None


def _days_before(day: date, days: float) -> date:
    return date.fromordinal(max(1, day.toordinal() - round(days)))
