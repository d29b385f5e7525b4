"""Values in a sentence: figures with their units, lengths of time, dates.

`find_values(words, said_on, lexicon)` scans a sentence once and returns each
value with the words it covers. Figures become `Amount`s in the base unit of
their dimension ("12 miles" is 19,312 metres), so unit changes compare; lengths
of time become `Period`s in days; "six years ago" becomes the `When` it points
to, so it compares with the date the sources give.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise

from factlint.model import Kind
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.model import Amount, Period, Value, When
from factlint.slots.names import SPEECH_VERBS
from factlint.slots.words import DETERMINERS, MODALS, SAME_FORM_PASTS, Word, plural, verb_form
from factlint.text.dates import HOLIDAYS, MONTHS, WEEKDAYS, DateValue, date_keys, read_date
from factlint.text.numbers import ORDINALS, SCALE_SUFFIXES, UNITS, read_number
from factlint.text.units import CURRENCIES, read_unit
from factlint.text.units import UNITS as MEASURES

DAYS_PER_UNIT = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "night": 1.0,
                 "week": 7.0, "fortnight": 14.0, "month": 30.44, "year": 365.25, "decade": 3652.5,
                 "century": 36525.0}  # fmt: skip
TIME_UNITS = {"second": "second", "seconds": "second", "sec": "second", "secs": "second",
              "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
              "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "day": "day", "days": "day",
              "night": "night", "nights": "night", "week": "week", "weeks": "week",
              "fortnight": "fortnight", "fortnights": "fortnight", "month": "month",
              "months": "month", "year": "year", "years": "year", "decade": "decade",
              "decades": "decade", "century": "century", "centuries": "century"}  # fmt: skip
WEIGHT_WORDS = frozenset({"weigh", "weighs", "weighed", "weighing", "weight", "weights", "heavy", "heavier",
                          "heaviest", "lighter"})  # fmt: skip
"""Words that make "pounds" in their sentence a weight: "It weighed about 60 pounds"."""
POUND_WEIGHT = MEASURES[("lbs",)]
MOVED_UP = frozenset({"go", "goes", "gone", "went", "going", "come", "comes", "came", "coming", "put",
                      "puts", "putting", "push", "pushed", "pushes", "pushing", "move", "moved",
                      "moves"})  # fmt: skip
"""Verbs whose "up"/"down" before "to" is a particle: "has gone up to £13.4m" is no hedge."""
RATE_WORDS = {"a", "an", "per", "each", "every"}
RATE_BEFORE_REACH = 10
"""Words before a figure searched for the period its clause opens with ("each day ... costs £400,000")."""
RATE_UNITS = {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour",
              "minute": "minute", "second": "second", "annum": "year", "night": "night"}  # fmt: skip
PERIOD_LEADS = {"for", "after", "about", "around", "nearly", "almost", "within", "than", "over", "took",
                "take", "takes", "taking", "lasted", "lasting", "last", "lasts", "spent", "spend",
                "to", "of", "some", "roughly", "approximately", "just", "only", "barely", "under",
                "least", "in", "by"}  # fmt: skip
"""Words before "a year", "an hour" that make it a length of time, not a rate ("60 places a year")."""
FRACTION_OF = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_VALUE_STARTS = (
    frozenset(UNITS)
    | frozenset(ORDINALS)
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(HOLIDAYS)
    | frozenset(k for k in CURRENCIES if not k.isalpha())
    | {"a", "an", "half", "past", "last", "next", "this", "earlier", "later", "yesterday", "today",
       "tomorrow", "mid", "early", "late", "spring", "summer", "autumn", "fall", "winter", "minus"}
)  # fmt: skip
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


@dataclass
class Found:
    """A value and the words it covers (words[start:end])."""

    kind: Kind
    start: int
    end: int
    value: Value
    bound_words: int = 0
    """How many words before `start` are its hedge ("more than")."""
    extra: dict[str, str] = field(default_factory=dict)


def find_values(words: list[Word], said_on: date | None, lexicon: Lexicon) -> list[Found]:
    keys = date_keys([w.text for w in words])
    texts = [w.text for w in words]
    lower = [w.lower for w in words]
    found: list[Found] = []
    i = 0
    while i < len(words):
        if not (keys[i][:1].isdigit() or keys[i] in _VALUE_STARTS):
            i += 1
            continue
        paired = _paired(texts, i)
        if paired:
            i += paired  # "a 3-1 win", "the 2026-27 season": a score or a season, not two figures
            continue
        value = _value_at(words, texts, lower, keys, i, said_on, lexicon)
        if value is None:
            i += 1
            continue
        found.append(value)
        i = value.end
    return _carry_units(found, lower)


LIST_LEADS = frozenset({"on", "to", "with"})
"""Words before a bare figure that lists it beside a measured one: "41 per cent, with Tasker on 30"."""


def _carry_units(found: list[Found], lower: list[str]) -> list[Found]:
    """A bare figure listed after a measured one takes its unit: "Mansour won 41 per cent, with
    Tasker on 30 and Lund on 24" gives 30 and 24 per cent, not 30 and 24 of nothing."""
    measured: Amount | None = None
    for f in found:
        value = f.value
        if not isinstance(value, Amount):
            continue
        if value.dimension != "count":
            measured = value
            continue
        listed = f.start > 0 and lower[f.start - 1] in LIST_LEADS
        bare = f.end >= len(lower) or not lower[f.end][:1].isalpha() or lower[f.end] == "and"
        if measured is not None and measured.dimension == "percent" and listed and bare and not value.ordinal:
            f.value = replace(value, dimension=measured.dimension, unit=measured.unit, step=measured.step)
    for f, g in pairwise(found):
        _measure_by_the_next(f, g, lower)
    return found


SIZE_JOINTS = frozenset({"by", "x", "×"})
"""Words between the sides of a size: "40 by 50 inches"."""


def _measure_by_the_next(f: Found, g: Found, lower: list[str]) -> None:
    """ "measures 40 by 50 inches": a bare figure before "by" and a length is a length in its unit."""
    ours, theirs = f.value, g.value
    if not isinstance(ours, Amount) or not isinstance(theirs, Amount) or theirs.dimension != "length":
        return
    if ours.dimension != "count" or ours.ordinal or g.start != f.end + 1 or lower[f.end] not in SIZE_JOINTS:
        return
    unit = MEASURES.get((theirs.unit,))
    if unit is None:
        return
    f.value = replace(
        ours,
        low=ours.low * unit.factor,
        high=ours.high * unit.factor,
        dimension=theirs.dimension,
        unit=theirs.unit,
        step=ours.step * unit.factor,
    )


_SINCE_NOT_EVENT = frozenset({"then", "last", "early", "late"})
"""Words after "since" that give a date, not an event, as month names do ("three years since
last May" is read as a length)."""
PAST_AUXILIARIES = frozenset({"was", "were", "had"})


def _future(words: list[Word], i: int, marker: int | None, lexicon: Lexicon) -> bool:
    """Whether the date at `i` is to come: a future marker earlier in its clause (`marker`, from
    `_plan_marker`: "will open ... on Thursday" means the next one), or one after a date that
    opens its clause."""
    if marker is None:
        return _plan_after(words, i, lexicon) or _until_ahead(words, i) or _scheduled(words, i)
    # "was due to start on Thursday": a plan as it stood, so the Thursday just gone; but "said 11
    # vessels were expected to berth by Thursday" reports a plan in the past tense
    return _reported(words, marker) or not _past_auxiliary(words, marker)


def _year_before_noun(words: list[Word], texts: list[str], i: int, length: int) -> bool:
    """ "The 2030 edition", "its 1998 report": a year naming which one, not a count of them."""
    text = texts[i]
    if length != 1 or len(text) != 4 or not text.isdigit() or not 1800 <= int(text) <= 2100:
        return False
    before = words[i - 1].lower if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else None
    owner = before in ("the", "its", "their", "his", "her", "this", "next", "last") or before.endswith("'s")
    return owner and after is not None and after.content and not after.punct


def _last_weekday_this_week(value: DateValue, said_on: date | None) -> bool:
    """Whether "last <weekday>" reads as a day of the week it is said in ("last Thursday" on a
    Friday), which writers also use for the week before's."""
    words = value.expression.split()
    if said_on is None or value.start is None or len(words) != 2 or words[0] != "last":
        return False
    return value.weekday is not None and value.start >= said_on - timedelta(days=said_on.weekday())


def _gone(when: When, said_on: date | None) -> bool:
    """Whether a date read without its year ended before the day it was written."""
    return said_on is not None and when.end is not None and when.end < said_on


def _will(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """Whether the date's clause says plainly what will happen: "will" or "shall" before it, not
    reported ("said it would") and not a plan as it stood ("was due to")."""
    marker = _plan_marker(words, i, lexicon)
    return marker is not None and words[marker].lower in ("will", "shall") and not _reported(words, marker)


def set_in(words: list[Word], i: int) -> bool:
    """Whether the date follows a noun's participle and its preposition ("the September 15 date
    set in May", "the plan agreed in March"): when that was done, past whatever the clause's
    "will" says of its main verb."""
    if i < 3 or words[i - 1].lower not in ("in", "on"):
        return False
    participle, noun = words[i - 2], words[i - 3]
    past = verb_form(participle) or participle.lower in SAME_FORM_PASTS
    return past and noun.content and not verb_form(noun) and noun.lower not in MODALS


def _ahead(when: When, said_on: date | None) -> bool:
    """Whether a date read without its year begins after the day it was written."""
    return said_on is not None and when.start is not None and when.start > said_on


def _did(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """Whether the date follows a past verb and its preposition ("opened in August") in a clause
    with no future marker."""
    if i < 2 or words[i - 1].lower not in ("in", "on") or not verb_form(words[i - 2]):
        return False
    if i >= 3 and words[i - 3].lower in ("be", "being", "been", "to"):
        return False  # "the programme to be unveiled in February": a participle, not a past verb
    return _plan_marker(words, i, lexicon) is None


def _a_year_on(when: When, years: int) -> When:
    """The same calendar days `years` later (February 29 becomes February 28)."""
    assert when.start is not None and when.end is not None

    def moved(day: date) -> date:
        try:
            return day.replace(year=day.year + years)
        except ValueError:
            return day.replace(year=day.year + years, day=28)

    return replace(when, start=moved(when.start), end=moved(when.end))


def _until_ahead(words: list[Word], i: int) -> bool:
    """ "has issued a red heat warning for the city until Saturday": what lasts until a weekday
    lasts until the coming one, unless its clause is in the past ("was closed until Saturday")."""
    if i < 1 or words[i - 1].lower not in ("until", "till"):
        return False
    clause = words[i].clause
    return not any(w.lower in PAST_AUXILIARIES for w in words[:i] if w.clause == clause)


TIMETABLE_VERBS = frozenset({"start", "begin", "open", "close", "end", "finish", "resume", "reopen",
                             "launch", "expire", "return", "arrive", "leave", "depart"})  # fmt: skip
"""Verbs a timetable uses in the present tense: "the watch starts on Thursday"."""


def _scheduled(words: list[Word], i: int) -> bool:
    """ "The nest watch starts on Thursday", "finishes on Monday": a present-tense verb of its
    subject before "on" and a weekday tells of what is timetabled, so the coming one."""
    if i < 3 or words[i - 1].lower != "on":
        return False
    # the verb right before "on", or before its complement: "who leaves as project director on Monday"
    for k in range(i - 2, max(0, i - 2 - SCHEDULE_REACH), -1):
        verb, subject = words[k], words[k - 1]
        if verb.punct:
            return False
        if verb.base not in TIMETABLE_VERBS:
            continue
        if verb.lower == verb.base and not verb.upper:  # "Free tours of the building begin on Saturday"
            return _plural_subject(words, k)
        if verb.lower not in (verb.base + "s", verb.base + "es"):
            continue
        # "The nest watch, whose 22 volunteers have given 5,900 hours, finishes on Monday"
        after_subject = (
            subject.text == ","
            or subject.lower in ("who", "which", "that")
            or (subject.content and subject.lower not in DETERMINERS)
        )
        return after_subject and not verb.upper
    return False


def _plural_subject(words: list[Word], verb: int) -> bool:
    """Whether a verb in its bare form follows a plural subject ("tours of the building begin",
    "the gates open"), so it is in the present tense, not an infinitive or after a modal."""
    for k in range(verb - 1, max(-1, verb - 1 - SUBJECT_REACH), -1):
        word = words[k]
        if word.punct or word.lower in MODALS or word.lower in ("to", "not", "did", "do", "does"):
            return False
        if word.lower == "they" or (word.content and plural(word) and not verb_form(word)):
            return True
    return False


SCHEDULE_REACH = 4
"""Words between a timetable verb and its "on": "leaves as project director on Monday"."""
SUBJECT_REACH = 6
"""Words back from a bare verb to its plural subject: "tours of the restored mill begin"."""


def _relative(value: DateValue) -> bool:
    """A date that counts from the day it is said: "today", "on Monday", "last week"."""
    words = value.expression.split()
    return (value.weekday is not None and value.month is None) or bool(
        words and words[0] in ("today", "yesterday", "tomorrow", "last", "next", "this")
    )


def _quoted(words: list[Word], i: int) -> bool:
    """Whether words[i] stands inside a quotation (an odd number of double quotes before it)."""
    return sum(w.text in ('"', "“", "”") for w in words[:i]) % 2 == 1


def _plan_after(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """ "From Monday, part of the viewing area will be closed", "A consultation opens on Monday and
    will run for 12 weeks": a date before its clause's first past verb, followed by a future marker."""
    clause = words[i].clause
    before = [w for w in words[:i] if w.clause == clause]
    if any(verb_form(w) for w in before):
        return False  # "approved the plan on Monday and will vote again": the date is the approval's
    for word in words[i + 1 :]:
        if word.clause != clause:
            return False
        if word.lower in lexicon.future_markers:
            return True
        if verb_form(word):
            return False  # "On Monday, the council voted"
    return False


def _reported_plan(words: list[Word], marker: int | None) -> bool:
    """ "said 11 vessels were expected to berth by Thursday": a plan reported in the past tense
    (`marker` as for `_future`), whose weekday counts from a day of saying the text does not give."""
    return marker is not None and _reported(words, marker) and _past_auxiliary(words, marker)


def _plan_marker(words: list[Word], i: int, lexicon: Lexicon) -> int | None:
    """Where the future marker of the date at `i` is, earlier in its clause."""
    clause = words[i].clause
    k = i - 1
    while k >= 0 and words[k].clause == clause:
        if words[k].lower in lexicon.future_markers:
            return k
        if verb_form(words[k]) and not (k > 0 and words[k - 1].lower in ("be", "been", "being")):
            # "will pay under a deal announced on Tuesday", "will pay £16m, the department said on
            # Wednesday": the date goes with the past; "will be held on Monday" is a passive
            return None
        k -= 1
    return None


def _past_auxiliary(words: list[Word], k: int) -> bool:
    return k > 0 and words[k - 1].lower in PAST_AUXILIARIES


def _reported(words: list[Word], k: int) -> bool:
    return any(w.lower in SPEECH_VERBS for w in words[:k])


def _value_at(
    words: list[Word],
    texts: list[str],
    lower: list[str],
    keys: list[str],
    i: int,
    said_on: date | None,
    lexicon: Lexicon,
) -> Found | None:
    season = _season(lower, i, said_on)
    if season is not None:
        return season
    # only a weekday's or a feast's reading depends on a plan ("will open on Thursday"), so only
    # theirs looks for one: every figure of a sentence starts a date reading
    planned = keys[i] in WEEKDAYS or keys[i] in HOLIDAYS
    marker = _plan_marker(words, i, lexicon) if planned else None
    dated = read_date(texts, i, said_on, planned and _future(words, i, marker, lexicon), keys)
    if dated is not None:
        when = _when(dated.value)
        if not when.year_given and _gone(when, said_on) and _will(words, i, lexicon) and not set_in(words, i):
            when = _a_year_on(when, 1)  # "will start on May 12", written in June: next May
        elif not when.year_given and _ahead(when, said_on) and _did(words, i, lexicon):
            when = _a_year_on(when, -1)  # "opened in August", written in June: last August
        found = Found(Kind.EVENT_DATE, i, i + dated.length, _month_part(lower, i, when))
        bare_weekday = dated.value.weekday is not None and dated.value.month is None
        if bare_weekday and (_reported_plan(words, marker) or (i > 0 and lower[i - 1] == "the")):
            # "the Friday night's rain": the Friday of the story told, not the one before the text
            found.extra["unanchored"] = "1"
        elif _last_weekday_this_week(dated.value, said_on):
            # "last Thursday" said on a Friday: yesterday to some writers, the week before's
            # Thursday to others; either can agree, neither refutes
            found.extra["unanchored"] = "1"
        elif _relative(dated.value) and _quoted(words, i):
            # '"... all that matters today," said the organiser': the day of saying, which a draft
            # quoting it later does not give
            found.extra["unanchored"] = "1"
        return found
    if _year_before_noun(words, texts, i, 1) and keys[i] == texts[i] and not words[i + 1].upper:
        # "the 2019 election", "The 1998 flood": the year the named event happened in
        year = int(texts[i])
        return Found(Kind.EVENT_DATE, i, i + 1, When(texts[i], date(year, 1, 1), date(year, 12, 31), "year"))
    period = _period_at(lower, i, said_on)
    if period is not None:
        bound, hedge_words = _bound(lower, i, lexicon)
        if _span_over(lower, i - hedge_words, hedge_words):
            bound, hedge_words = "=", 0
        if isinstance(period.value, Period):  # "about six weeks", "up to 70 minutes"
            period.value = replace(period.value, bound=bound)
            period.bound_words = hedge_words
        elif isinstance(period.value, When) and said_on is not None and "state" not in period.extra:
            period.value = _hedged_ago(period.value, bound, said_on)
        return period
    return _amount_at(words, texts, lower, i, lexicon)


MONTH_PARTS = {"early": (1, 10), "start": (1, 10), "beginning": (1, 10), "mid": (11, 20), "middle": (11, 20),
               "late": (21, 31), "end": (21, 31)}  # fmt: skip
"""Days of a month that "early", "the middle of", "the end of" ... name: its thirds."""
PART_NOUNS = {k: MONTH_PARTS[k] for k in ("start", "beginning", "middle", "end")}
PART_ADJECTIVES = {k: MONTH_PARTS[k] for k in ("early", "mid", "late")}


def _month_part(lower: list[str], i: int, when: When) -> When:
    """ "the end of October", "in late July", "mid-March": the third of the month named."""
    if when.granularity != "month" or when.start is None or when.end is None or i < 1:
        return when
    before = lower[i - 1]
    if before in ("-", "of") and i >= 2:
        # "mid-March" (any part), "the end of October" (a part named by a noun)
        part, named = lower[i - 2], MONTH_PARTS if before == "-" else PART_NOUNS
    else:
        part, named = before, PART_ADJECTIVES  # "late July"
    days = named.get(part)
    if days is None:
        return when
    first, last = days
    start = when.start.replace(day=first)
    end = when.end if last == 31 else when.end.replace(day=last)
    return replace(when, start=start, end=end, granularity="part")


def _when(value: DateValue) -> When:
    guessed = (
        value.granularity in ("day", "month")
        and value.month is not None
        and not any(part.isdigit() and len(part) == 4 for part in value.expression.replace(",", " ").split())
    )
    return When(
        value.expression,
        value.start,
        value.end,
        value.granularity,
        value.weekday,
        value.month,
        value.day,
        year_given=not guessed,
    )


def _season(lower: list[str], i: int, said_on: date | None) -> Found | None:
    """ "the spring of 2027", "autumn 2026", "in late November" is read by the date reader."""
    j = i
    if lower[j] not in SEASONS:
        return None
    name = lower[j]
    j += 1
    if j < len(lower) and lower[j] == "of":
        j += 1
    if j >= len(lower) or not (lower[j].isdigit() and len(lower[j]) == 4):
        return None
    year = int(lower[j])
    first, last = SEASONS[name]
    end_year = year + 1 if last < first else year
    start = date(year, first, 1)
    end = date(end_year, last, 28)
    return Found(Kind.EVENT_DATE, i, j + 1, When(" ".join(lower[i : j + 1]), start, end, "season"))


def _period_at(lower: list[str], i: int, said_on: date | None) -> Found | None:
    """ "16 days", "a 17-year war", "an hour and a half", "half a century", "six years ago"."""
    amount: float | None = None
    j = i
    if lower[i] in ("a", "an"):
        if i + 1 < len(lower) and lower[i + 1] in TIME_UNITS:
            previous = lower[i - 1] if i > 0 else ""
            ago = i + 2 < len(lower) and lower[i + 2] in ("ago", "today", "tomorrow")  # "a week today"
            if previous not in PERIOD_LEADS and i > 0 and not ago:
                return None  # "60 places a year": a rate, read with its figure
            amount, j = 1.0, i + 1
        elif i + 1 < len(lower) and lower[i + 1] in FRACTION_OF and i + 3 < len(lower):
            # "a quarter of a century"
            if lower[i + 2] == "of" and lower[i + 3] in ("a", "an") and i + 4 < len(lower):
                if lower[i + 4] in TIME_UNITS:
                    unit = TIME_UNITS[lower[i + 4]]
                    days = FRACTION_OF[lower[i + 1]] * DAYS_PER_UNIT[unit]
                    return _period(
                        i, i + 5, days, days, "year" if unit == "century" else unit, lower, said_on
                    )
            return None
        else:
            return None
    elif lower[i] == "past":
        # "over the past decade", "in the past year": one of the unit, up to the text's date
        unit_word = lower[i + 1] if i + 1 < len(lower) else ""
        if not (i > 0 and lower[i - 1] == "the" and TIME_UNITS.get(unit_word) == unit_word):
            return None
        amount, high, j = 1.0, 1.0, i + 1
    elif (
        lower[i] == "half" and i + 2 < len(lower) and lower[i + 1] in ("a", "an") and lower[i + 2] != "dozen"
    ):
        if lower[i + 2] in TIME_UNITS:  # "half a century"
            unit = TIME_UNITS[lower[i + 2]]
            days = 0.5 * DAYS_PER_UNIT[unit]
            return _period(i, i + 3, days, days, "year" if unit == "century" else unit, lower, said_on)
        return None
    else:
        number = read_number(lower, i)
        if number is None or number.value.ordinal or number.value.fraction:
            return None
        amount, j = number.value.low, i + number.length
        high = number.value.high
    if amount is None:
        return None
    high = amount if lower[i] in ("a", "an") else high
    unit_at = j + 1 if j + 1 < len(lower) and lower[j] == "-" else j
    if unit_at >= len(lower) or lower[unit_at] not in TIME_UNITS:
        return None
    unit = TIME_UNITS[lower[unit_at]]
    end = unit_at + 1
    low_days, high_days = amount * DAYS_PER_UNIT[unit], high * DAYS_PER_UNIT[unit]
    # "an hour and a half", "two and a half years"
    if (
        end + 2 < len(lower)
        and lower[end] == "and"
        and lower[end + 1] in ("a", "an")
        and lower[end + 2] == "half"
    ):
        low_days += 0.5 * DAYS_PER_UNIT[unit]
        high_days += 0.5 * DAYS_PER_UNIT[unit]
        end += 3
    smaller = _smaller_part(lower, end, unit)
    if smaller is not None:  # "3 hours and 12 minutes", "2 hours 58 minutes": one length, to the minute
        days, end, unit = smaller
        low_days += days
        high_days += days
    if end + 1 < len(lower) and lower[end] == "-" and lower[end + 1] == "old":
        end += 2  # "a 50-year-old block": an age, which grows like an ongoing duration
    return _period(i, end, low_days, high_days, unit, lower, said_on)


def _smaller_part(lower: list[str], end: int, unit: str) -> tuple[float, int, str] | None:
    """The days of a smaller unit's count right after a length ("and 12 minutes"), where it ends
    and its unit; None when none follows."""
    j = end + (end < len(lower) and lower[end] == "and")
    number = read_number(lower, j) if j < len(lower) else None
    if (
        number is None
        or number.value.ordinal
        or number.value.fraction
        or number.value.low != number.value.high
    ):
        return None
    unit_at = j + number.length
    if unit_at >= len(lower) or lower[unit_at] not in TIME_UNITS:
        return None
    smaller = TIME_UNITS[lower[unit_at]]
    if DAYS_PER_UNIT[smaller] >= DAYS_PER_UNIT[unit] or number.value.low is None:
        return None
    return number.value.low * DAYS_PER_UNIT[smaller], unit_at + 1, smaller


AGO_OPEN_FACTOR = 10
"""How far back "more than N weeks ago" reaches, in Ns: far enough to hold any time it may mean."""


def _period(
    i: int, end: int, low: float, high: float, unit: str, lower: list[str], said_on: date | None
) -> Found:
    # "six years ago": the day it points to, give or take half a unit. "It is 18 months since the
    # consortium completed its takeover" is "18 months ago" too; the words after "since" say
    # which event
    ago = end < len(lower) and lower[end] == "ago"
    since = (
        end + 1 < len(lower)
        and lower[end] == "since"
        and lower[end + 1][:1].isalpha()
        and lower[end + 1] not in _SINCE_NOT_EVENT
        and lower[end + 1] not in MONTHS
    )
    state = _state_before(lower, i)
    if state is not None and not ago and not since:
        # "has now been open for two years": open since the day two years before
        expression = " ".join(lower[i:end])
        extra = {"state": str(state)}
        if said_on is None:
            return Found(Kind.EVENT_DATE, i, end, When(expression, granularity="ago"), extra=extra)
        half = DAYS_PER_UNIT[unit] / 2
        start, stop = _shift(said_on, -(high + half)), _shift(said_on, -(low - half))
        return Found(Kind.EVENT_DATE, i, end, When(expression, start, stop, "ago"), extra=extra)
    ahead = _days_ahead(lower, i, end, unit)
    if ahead is not None:
        # "Applications open a week today": the day a week from the day of saying
        expression = " ".join(lower[i : end + 1])
        if said_on is None:
            return Found(Kind.EVENT_DATE, i, end + 1, When(expression))
        day = said_on + timedelta(days=low + ahead)
        return Found(Kind.EVENT_DATE, i, end + 1, When(expression, day, day))
    if ago or since:
        stop_word = end + 1
        if ago and stop_word < len(lower) and lower[stop_word] == "today":
            stop_word += 1  # "a year ago today": one date, not a year ago and today
        expression = " ".join(lower[i:stop_word])
        extra = {"since": "1"} if since else {}
        if said_on is None:
            return Found(Kind.EVENT_DATE, i, stop_word, When(expression, granularity="ago"), extra=extra)
        half = DAYS_PER_UNIT[unit] / 2
        start = _shift(said_on, -(high + half))
        stop = _shift(said_on, -(low - half))
        return Found(Kind.EVENT_DATE, i, stop_word, When(expression, start, stop, "ago"), extra=extra)
    return Found(Kind.DURATION, i, end, Period(low, high, unit))


AHEAD_UNITS = frozenset({"day", "week", "fortnight"})
"""Units of "a week today", "a fortnight tomorrow": a day counted ahead from the day of saying."""


def _days_ahead(lower: list[str], i: int, end: int, unit: str) -> int | None:
    """Days from the day of saying to "today" or "tomorrow" after "a week" (0 or 1), None when
    no such day follows, or when "It is a week today since the crash" counts back instead."""
    if unit not in AHEAD_UNITS or end >= len(lower) or lower[end] not in ("today", "tomorrow"):
        return None
    if end + 1 < len(lower) and lower[end + 1] == "since":
        return None
    if i > 0 and (lower[i - 1] in ("is", "'s", "’s", "was", "been") or lower[i - 1][-1:].isdigit()):
        return None  # nor "costs £5 a week today": a rate
    return 1 if lower[end] == "tomorrow" else 0


STATES = frozenset({"open", "closed", "shut"})
"""States whose length says when they began: "has been closed for two years" dates the closure."""
STATE_HEDGES = frozenset({"almost", "nearly", "about", "around", "roughly", "some", "just", "barely"})


def _state_before(lower: list[str], i: int) -> int | None:
    """Where the state word of "has (now) been open for [almost] N" stands, if one does."""
    k = i - 1
    if k >= 0 and lower[k] in STATE_HEDGES:
        k -= 1
    if k < 2 or lower[k] != "for" or lower[k - 1] not in STATES:
        return None
    been = k - 2
    if lower[been] == "now":
        been -= 1
    return k - 1 if been >= 0 and lower[been] == "been" else None


def _hedged_ago(when: When, bound: str, said_on: date) -> When:
    """An "ago" date with its hedge: "more than five weeks ago" is any time before five weeks
    back, "less than a week ago" the stretch from a week back to the day written."""
    if when.start is None or when.end is None or bound not in (">=", "<="):
        return when
    back = ((said_on - when.start).days + (said_on - when.end).days) / 2  # the length said
    if bound == ">=":
        return replace(when, start=_shift(said_on, -(back * AGO_OPEN_FACTOR)))
    return replace(when, start=_shift(said_on, -back), end=said_on)


def _shift(day: date, days: float) -> date:
    try:
        return day + timedelta(days=round(days))
    except OverflowError:
        return date.min if days < 0 else date.max


def _amount_at(
    words: list[Word], texts: list[str], lower: list[str], i: int, lexicon: Lexicon
) -> Found | None:
    currency = CURRENCIES.get(lower[i]) if not lower[i].isalpha() else None
    negative = lower[i] == "minus"
    n_at = i + 1 if currency or negative else i
    if n_at >= len(lower):
        return None
    number = read_number(texts, n_at)
    if number is None or _is_pronoun_one(lower, n_at, number.length):
        return None
    low, high = number.value.low, number.value.high
    j = n_at + number.length
    if j < len(lower) and lower[j] in ("am", "pm", "a.m.", "p.m."):
        return None
    if j < len(lower) and lower[j].rstrip(".") in SCALE_SUFFIXES and (currency or texts[j - 1][:1].isdigit()):
        scale = SCALE_SUFFIXES[lower[j].rstrip(".")]
        low, high = low * scale, high * scale
        j += 1
    if negative:
        low, high = -high, -low
    if _year_range(texts, n_at, number.length) or _year_before_noun(words, texts, n_at, number.length):
        return None
    extra: dict[str, str] = {}
    unit_name = ""
    dimension = "count"
    factor = 1.0
    hyphen = j + 1 < len(lower) and lower[j] == "-"
    unit_at = j + 1 if hyphen else j
    after_digits = texts[n_at][:1].isdigit()
    if currency:
        dimension, unit_name = f"money:{currency}", currency
    elif unit_at < len(lower) and lower[unit_at] in ("pound", "pounds") and _weighed(words, n_at):
        # "It weighed about 60 pounds", "about 12 pounds heavier": a weight, not money
        unit_name, dimension, factor = POUND_WEIGHT.name, POUND_WEIGHT.dimension, POUND_WEIGHT.factor
        j = unit_at + 1
    elif unit_at < len(lower) and CURRENCIES.get(lower[unit_at], "").isalpha() and lower[unit_at].isalpha():
        dimension, unit_name = f"money:{CURRENCIES[lower[unit_at]]}", CURRENCIES[lower[unit_at]]
        j = unit_at + 1
    elif unit_at < len(lower) and lower[unit_at] in TIME_UNITS:
        return None  # a length of time, read by the period reader ("the 25-day cruise" from a figure)
    else:
        unit = read_unit(lower, unit_at, after_digits)
        if unit is not None:
            found_unit, length = unit
            unit_name, dimension, factor = found_unit.name, found_unit.dimension, found_unit.factor
            j = unit_at + length
    ratio = _one_in(texts, lower, j, low) if dimension == "count" and not currency else None
    if ratio is None and dimension == "count" and not currency and _noun_before_in(words, j):
        ratio = _one_in(texts, lower, j + 1, low)  # "one worker in eight"
        if ratio is not None and ratio[1] < len(words) and _noun_like(words[ratio[1]]):
            ratio = None  # "three people in ten days": a time, not a share
    if ratio is not None:
        # "one in three of the riders": a share, about 33 per cent
        share, j = ratio
        found = Amount(share, share, "percent", "percent", "~", False, 1.0)
        return Found(Kind.QUANTITY, n_at, j, found, n_at - i, extra)
    if dimension == "count" and number.value.ordinal:
        dimension = "ordinal"
    if number.value.fraction:
        dimension = "fraction"
        if j < len(lower) and lower[j] == "of":
            # "two-thirds of the shares", "about a quarter of capacity": a share, as a percentage
            share = 100 * low
            found = Amount(share, share, "percent", "percent", "~", False, 1.0)
            return Found(Kind.QUANTITY, n_at, j, found, n_at - i, extra)
    # a rate: "60 places a year", "four trains an hour", "850 metres per second" is a unit already
    rate = _rate_after(lower, j, dimension) or _rate_before(lower, i)
    if rate:
        extra["rate"] = rate
    bound, hedge_words = _bound(lower, i, lexicon)
    amount = Amount(
        low * factor,
        high * factor,
        dimension + (f"/{rate}" if rate else ""),
        unit_name,
        bound,
        number.value.ordinal,
        _step(texts[n_at], low / (float(texts[n_at].replace(",", "")) if _plain_number(texts[n_at]) else 1.0))
        * factor,
    )
    if hyphen and dimension != "count":
        extra["attributive"] = "1"  # "a 40-kilometre stretch": the noun after is what measures it
    # the figure's range leaves out a currency sign ("£600 million" reads "600 million"), as a
    # quick fix keeps it; a unit stays in, since another source may give another unit
    return Found(Kind.QUANTITY, n_at, j, amount, hedge_words + (n_at - i), extra)


def _noun_before_in(words: list[Word], j: int) -> bool:
    """Whether words[j] is a noun between a figure and "in": "one *worker* in eight"."""
    return j + 1 < len(words) and words[j + 1].lower == "in" and _noun_like(words[j])


def _noun_like(word: Word) -> bool:
    return word.content and not word.upper and not word.punct and not verb_form(word)


def _one_in(texts: list[str], lower: list[str], j: int, part: float) -> tuple[float, int] | None:
    """ "one in three", "two in five": the share as a percentage, and where it ends."""
    if j + 1 >= len(lower) or lower[j] != "in" or part != int(part) or part < 1:
        return None
    whole = read_number(texts, j + 1)
    if whole is None or whole.value.ordinal or whole.value.fraction or not part < whole.value.low <= 100:
        return None
    return 100 * part / whole.value.low, j + 1 + whole.length


def _plain_number(text: str) -> bool:
    try:
        return float(text.replace(",", "")) != 0
    except ValueError:
        return False


def _step(text: str, scale: float) -> float:
    """The size of the last digit written: "19" -> 1, "1.84" -> 0.01, "2,500" -> 100, "410" -> 10."""
    if not _plain_number(text):
        return _precision(scale)  # a number in words is as precise as in digits: "six" 1, "sixty" 10
    digits = text.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1]) * scale
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) * scale


def _precision(value: float) -> float:
    """The size of the last digit of a whole number written in words: "six" -> 1, "a hundred" ->
    100; a fraction ("half") is its own precision."""
    if value <= 0 or value != int(value):
        return value
    whole, size = int(value), 1.0
    while whole % 10 == 0:
        whole //= 10
        size *= 10
    return size


def _weighed(words: list[Word], i: int) -> bool:
    """Whether the clause of the figure at `i` speaks of weight ("weighed", "heavier")."""
    clause = words[i].clause
    return any(w.clause == clause and w.lower in WEIGHT_WORDS for w in words)


def _rate_after(lower: list[str], j: int, dimension: str) -> str:
    """The period of a rate written after the figure and its noun: "60 places a year"."""
    for k in range(j, min(j + 5, len(lower) - 1)):
        if lower[k] in RATE_WORDS and lower[k + 1] in RATE_UNITS:
            return RATE_UNITS[lower[k + 1]]
        if lower[k] in (",", ".", ";", "and", "but", "which", "who"):
            break
    return ""


def _rate_before(lower: list[str], i: int) -> str:
    """The period of a rate its clause opens with: "each day without them costs it £400,000"."""
    for k in range(i - 2, max(-1, i - RATE_BEFORE_REACH), -1):
        if lower[k] in (",", ".", ";", ":", "and", "but", "which", "who"):
            break
        if lower[k] in ("each", "every", "per") and lower[k + 1] in RATE_UNITS:
            return RATE_UNITS[lower[k + 1]]
    return ""


def _paired(texts: list[str], i: int) -> int:
    """How many tokens "3-1" or "2026-27" takes when it starts at i (the second not above the
    first, so not a range); 0 otherwise."""
    if i + 2 < len(texts) and texts[i + 1] in ("-", "–") and texts[i].isdigit() and texts[i + 2].isdigit():
        if int(texts[i + 2]) <= int(texts[i]):
            return 3
    return 0


def _year_range(texts: list[str], i: int, length: int) -> bool:
    """ "2024-25" is a season of years, not the figures 2,024 and 25."""
    text = texts[i]
    return (
        length >= 3
        and len(text) == 4
        and text.isdigit()
        and 1600 < int(text) < 2200
        and texts[i + 1] in ("-", "–", "/")
    )


def _is_pronoun_one(lower: list[str], i: int, length: int) -> bool:
    """ "one of them", "the one": a pronoun, not a figure we can check."""
    if lower[i] == "one" and length == 1:
        following = lower[i + 1] if i + 1 < len(lower) else ""
        preceding = lower[i - 1] if i > 0 else ""
        if following == "in":
            return False  # "that one in three riders": a share
        return following in ("of", "another", ",", ".", "-", "way") or preceding in (
            "the", "no", "any", "every", "this", "that", "which", "each",
        )  # fmt: skip
    return False


LASTING_VERBS = frozenset({"lasted", "lasts", "last", "lasting", "took", "take", "takes", "taking", "spent",
                           "spend", "spends", "waited", "wait", "ran", "run", "runs", "for", "been", "is",
                           "was", "be"})  # fmt: skip
"""Words after which "over three hours" is a length ("lasted over three hours"), not a span."""


def _span_over(lower: list[str], at: int, hedge_words: int) -> bool:
    """ "$7,000 per plaintiff over 10 years", "over the decade": "over" spans a time; after a verb
    of lasting ("took over three hours") it bounds the length."""
    return hedge_words == 1 and lower[at] == "over" and (at == 0 or lower[at - 1] not in LASTING_VERBS)


def _bound(lower: list[str], i: int, lexicon: Lexicon) -> tuple[str, int]:
    """How the words before a figure bound it ("more than" >=), from the rules' one hedge list."""
    for length in range(min(4, i), 0, -1):
        phrase = " ".join(lower[i - length : i])
        bound = lexicon.hedges.get(phrase)
        if bound and not _particle_of_a_move(lower, i - length, phrase):
            return bound, length
    return "=", 0


def _particle_of_a_move(lower: list[str], start: int, phrase: str) -> bool:
    """ "has gone up to £13.4m", "went down to 40": "up" is the verb's, and "to" says the level
    reached; not the hedge "up to" of "up to 40 people"."""
    return phrase.startswith(("up ", "down ")) and start >= 1 and lower[start - 1] in MOVED_UP
