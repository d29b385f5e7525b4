"""Date expressions and what day (or week, month, year) they mean.

Absolute dates ("16 April", "March 25, 2021", "in 2001") are parsed with
dateparser; weekdays and relative phrases ("on Thursday", "last September",
"this week", "earlier this month") are resolved against the date the text was
written, the way newswires write them: a bare weekday is the most recent one,
and the writer's own weekday means that very day. Every value is an inclusive
interval, so "May" and "May 1" compare by overlap.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.easter import easter

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
SHIFTS = {"last": -1, "this": 0, "next": 1}
"""How many weeks, months or years a relative word moves from the text's: "last week"."""
_YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d)$")
_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_DECADE = re.compile(r"^(1[6-9]\d0|20\d0)s$")
_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{2,4}$")
YEAR_PREPOSITIONS = {"in", "since", "by", "from", "until", "till", "of", "to", "before", "after",
                     "during", "between", "and", "early", "late", "mid", "around"}  # fmt: skip
FUTURE_MARKERS = {"will", "would", "shall", "next", "upcoming", "due", "scheduled", "planned",
                  "expected", "coming", "later", "forthcoming"}  # fmt: skip


@dataclass(frozen=True)
class DateValue:
    """A span of days, or an expression that could not be resolved (no reference date)."""

    expression: str
    start: date | None = None
    end: date | None = None
    granularity: str = "day"
    weekday: int | None = None
    """The weekday the text names (0 = Monday), known even when the date is not."""
    month: int | None = None
    day: int | None = None

    def calendar_fields(self) -> dict[str, int]:
        """Weekday, month and day as far as the text or its resolution fixes them."""
        fields = {"weekday": self.weekday, "month": self.month, "day": self.day}
        if self.start is not None and self.start == self.end:
            fields.update(weekday=self.start.weekday(), month=self.start.month, day=self.start.day)
        elif self.start is not None and self.end is not None and self.granularity == "month":
            fields.update(month=self.start.month)
        return {k: v for k, v in fields.items() if v is not None}

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None

    def overlaps(self, other: DateValue) -> bool:
        assert self.start and self.end and other.start and other.end
        return self.start <= other.end and other.start <= self.end

    def describe(self) -> str:
        if not self.resolved:
            return self.expression
        assert self.start is not None
        if self.granularity == "day":
            return f"{self.start:%A} {self.start.day} {self.start:%B %Y}"
        if self.granularity == "month":
            return f"{self.start:%B %Y}"
        if self.granularity == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat() if self.end else ''}"


@dataclass(frozen=True)
class DateMatch:
    value: DateValue
    length: int


def read_date(
    words: list[str], i: int, said_on: date | None, future: bool = False, lower: list[str] | None = None
) -> DateMatch | None:
    """The date expression starting at words[i], if any.

    `lower` is `date_keys(words)`, passed in by callers that scan a sentence word
    by word so it is computed once. A day the calendar cannot hold ("tomorrow" in an
    article dated 9999-12-31, "last year" in one dated 0001-01-01, "year 0000") is
    no date: one odd article must not stop the reading of the others.
    """
    try:
        return _read_date(words, i, said_on, future, lower)
    except (OverflowError, ValueError):
        return None


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda year: date(year, 12, 25),
    "easter": easter,
}
"""Feasts a date is often given by ("gone by Christmas", "until Easter"), by year."""


def _read_date(
    words: list[str], i: int, said_on: date | None, future: bool, lower: list[str] | None
) -> DateMatch | None:
    lower = lower if lower is not None else date_keys(words)
    w = lower[i]
    previous = lower[i - 1] if i > 0 else ""
    following = lower[i + 1] if i + 1 < len(lower) else ""
    if w in ("last", "next", "this", "earlier", "later") and i + 1 < len(lower):
        if w == "this" and previous == "ago":
            return None  # "a year ago this week": the week a year back, which "a year ago" dates
        return _read_relative(lower, i, said_on)
    if w in HOLIDAYS and words[i][:1].isupper():
        return _read_holiday(w, said_on, future, previous)
    if w in ("yesterday", "today", "tomorrow"):
        if said_on is None:
            return DateMatch(DateValue(w), 1)
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[w]
        day = said_on + timedelta(days=shift)
        return DateMatch(DateValue(w, day, day), 1)
    if w in WEEKDAYS:
        if previous in ("every", "each"):
            return None  # "every Saturday day-ticket holder": no one day
        if _days_of_the_week(lower, i) or _of_every_week(lower, i):
            return None  # "open five days a week, Wednesday to Sunday": days of every week
        spelled = _spelled_after_weekday(words, lower, i, said_on)
        if spelled is not None:
            return spelled
        week = _week_after_weekday(lower, i, said_on)
        if week is not None:
            return week
        if said_on is not None and i >= 2 and previous in RANGE_WORDS and lower[i - 2] in WEEKDAYS:
            # "from Monday to Saturday": the first Saturday after that Monday, however each reads alone
            first = lower[i - 2]
            opening = _weekday(first, WEEKDAYS[first], said_on, future or (i > 2 and lower[i - 3] == "next"))
            if opening.start is not None:
                day = opening.start + timedelta(days=(WEEKDAYS[w] - WEEKDAYS[first]) % 7 or 7)
                return DateMatch(DateValue(w, day, day, weekday=WEEKDAYS[w]), 1)
        return DateMatch(_weekday(w, WEEKDAYS[w], said_on, future or previous == "next"), 1)
    if w in MONTHS and (w not in ("may", "march") or words[i][0].isupper()):
        if len(w) == 3 and w != "may" and not words[i].endswith(".") and not words[i].istitle():
            return None
        return _read_month_first(words, lower, i, said_on)
    if _DAY.match(w) and following in MONTHS and words[i + 1][0].isupper():
        return _read_day_first(words, lower, i, said_on)
    if _YEAR.match(w) and (
        previous in YEAR_PREPOSITIONS or following in (",", ".", "") or _among_years(lower, i)
    ):
        year = int(w)
        return DateMatch(DateValue(w, date(year, 1, 1), date(year, 12, 31), "year"), 1)
    if _NUMERIC_DATE.match(w):
        parsed = _parse_absolute(words[i])
        if parsed is not None:
            return DateMatch(DateValue(w, parsed, parsed, "day", month=parsed.month, day=parsed.day), 1)
    decade = _DECADE.match(w)
    if decade:
        start = int(decade.group(1))
        # "the 1700s" is the century more often than its first ten years: the wider reading refutes less
        last = start + (99 if start % 100 == 0 else 9)
        return DateMatch(DateValue(w, date(start, 1, 1), date(last, 12, 31), "decade"), 1)
    return None


RANGE_WORDS = frozenset({"to", "through", "-", "–"})
ANCHORS = frozenset({"on", "from", "last", "next", "this", "by", "until", "till", "since", "before", "after"})
"""Words before a weekday that make it one day: "from Friday to Monday" is one stretch."""


def _days_of_the_week(lower: list[str], i: int) -> bool:
    """Whether the weekday at `i` is an end of a span of weekdays with nothing making it one day:
    "Wednesday to Sunday" is the days of every week, "from Friday to Monday" one stretch."""
    if i + 2 < len(lower) and lower[i + 1] in RANGE_WORDS and lower[i + 2] in WEEKDAYS:
        return i == 0 or lower[i - 1] not in ANCHORS
    if i >= 2 and lower[i - 1] in RANGE_WORDS and lower[i - 2] in WEEKDAYS:
        return i == 2 or lower[i - 3] not in ANCHORS
    return False


PARTS_OF_DAYS = frozenset({"mornings", "afternoons", "evenings", "nights"})
"""Parts of many days: "on Saturday mornings" is every Saturday's."""
INDEFINITE_REACH = 2
"""Words back from a weekday searched for "a": "a Friday market", "a new Friday night disco"."""


EVERY_MONTH = (("of", "every"), ("of", "each"), ("of", "the", "month"))
"""Words after a weekday that make it one of every month: "the first Saturday of each month"."""


def _of_every_week(lower: list[str], i: int) -> bool:
    """Whether the weekday at `i` names a day of every week (or month) rather than one day: "trains
    on Saturday mornings", "a new Friday night disco", "on the first Saturday of every month" (what
    happens on any such day, not on one)."""
    if i + 1 < len(lower) and lower[i + 1] in PARTS_OF_DAYS:
        return True
    following = tuple(lower[i + 1 : i + 4])
    if any(following[: len(phrase)] == phrase for phrase in EVERY_MONTH):
        return True
    return any(w in ("a", "an") for w in lower[max(0, i - INDEFINITE_REACH) : i])


def _spelled_after_weekday(
    words: list[str], lower: list[str], i: int, said_on: date | None
) -> DateMatch | None:
    """ "Tuesday, 5 March", "Monday, February 12": the calendar date says which Tuesday."""
    j = i + 2 if i + 1 < len(lower) and lower[i + 1] == "," else i + 1
    if j + 1 >= len(lower):
        return None
    if lower[j] in MONTHS and words[j][:1].isupper() and _DAY.match(lower[j + 1]):
        found = _read_month_first(words, lower, j, said_on)
    elif _DAY.match(lower[j]) and lower[j + 1] in MONTHS and words[j + 1][:1].isupper():
        found = _read_day_first(words, lower, j, said_on)
    else:
        return None
    return DateMatch(found.value, j - i + found.length)


def _read_holiday(name: str, said_on: date | None, future: bool, previous: str) -> DateMatch:
    """ "by Christmas", "until Easter": the feast nearest the text's date (the next one after a
    future marker, the one before after "last")."""
    if said_on is None:
        return DateMatch(DateValue(name), 1)
    days = [HOLIDAYS[name](year) for year in (said_on.year - 1, said_on.year, said_on.year + 1)]
    if previous == "last":
        day = max(d for d in days if d < said_on)
    elif future or previous == "next":
        day = min(d for d in days if d >= said_on)
    else:
        day = min(days, key=lambda d: abs((d - said_on).days))
    return DateMatch(DateValue(name, day, day), 1)


def _week_after_weekday(lower: list[str], i: int, said_on: date | None) -> DateMatch | None:
    """ "on Thursday last week", "Tuesday of next week": that weekday of the week named; and in
    "on Monday and Tuesday of last week" the week named after the second is the first's too."""
    length = _week_phrase(lower, i + 1)
    if length:
        shift, words = lower[i + length - 1], length + 1
    elif i + 2 < len(lower) and lower[i + 1] in ("and", "or") and lower[i + 2] in WEEKDAYS:
        shared = _week_phrase(lower, i + 3)
        if not shared:
            return None
        shift, words = lower[i + 1 + shared], 1  # only the weekday is this date's
    else:
        return None
    text = f"{lower[i]} {shift} week"
    if said_on is None:
        return DateMatch(DateValue(text, weekday=WEEKDAYS[lower[i]]), words)
    monday, _ = _period("week", said_on, SHIFTS[shift])
    day = monday + timedelta(days=WEEKDAYS[lower[i]])
    return DateMatch(DateValue(text, day, day, weekday=WEEKDAYS[lower[i]]), words)


def _week_phrase(lower: list[str], j: int) -> int:
    """How many words from `j` name a week relative to the text's ("last week", "of next week");
    0 if none."""
    start = j + 1 if j < len(lower) and lower[j] == "of" else j
    if start + 1 < len(lower) and lower[start] in SHIFTS and lower[start + 1] == "week":
        return start + 2 - j
    return 0


def date_keys(words: list[str]) -> list[str]:
    """Words as the date reader compares them: lower case, without a trailing full stop."""
    return [w.lower().rstrip(".") for w in words]


def _read_month_first(words: list[str], lower: list[str], i: int, said_on: date | None) -> DateMatch:
    month = MONTHS[lower[i]]
    j = i + 1
    day = None
    if j < len(lower) and (m := _DAY.match(lower[j])) and 1 <= int(m.group(1)) <= 31:
        day, j = int(m.group(1)), j + 1
    year = None
    k = j + 1 if j < len(lower) and lower[j] == "," else j
    if k < len(lower) and _YEAR.match(lower[k]):
        year, j = int(lower[k]), k + 1
    elif (named := _named_year(lower, j, said_on)) is not None:
        year, j = named, j + 2
    text = " ".join(words[i:j])
    return DateMatch(_month_value(text, month, day, year, said_on), j - i)


def _among_years(lower: list[str], i: int) -> bool:
    """Whether the year-shaped number at `i` is listed with another ("the 2027, 2028 and 2029 model
    years", "the 2027 and 2028 seasons"): one of a list of years is a year too."""
    before = i >= 2 and lower[i - 1] in LIST_JOINERS and bool(_YEAR.match(lower[i - 2]))
    after = i + 2 < len(lower) and lower[i + 1] in LIST_JOINERS and bool(_YEAR.match(lower[i + 2]))
    return before or after


LIST_JOINERS = frozenset({",", "and", "or"})


def _named_year(lower: list[str], j: int, said_on: date | None) -> int | None:
    """ "August 17 last year", "in March this year": the year named relative to the writing date."""
    if said_on is None or j + 1 >= len(lower) or lower[j + 1] != "year":
        return None
    shift = SHIFTS.get(lower[j])
    return None if shift is None else said_on.year + shift


def _read_day_first(words: list[str], lower: list[str], i: int, said_on: date | None) -> DateMatch:
    m = _DAY.match(lower[i])
    assert m
    day, month, j = int(m.group(1)), MONTHS[lower[i + 1]], i + 2
    year = None
    if j < len(lower) and _YEAR.match(lower[j]):
        year, j = int(lower[j]), j + 1
    elif (named := _named_year(lower, j, said_on)) is not None:
        year, j = named, j + 2
    text = " ".join(words[i:j])
    return DateMatch(_month_value(text, month, day, year, said_on), j - i)


def _month_value(text: str, month: int, day: int | None, year: int | None, said_on: date | None) -> DateValue:
    text = text.lower()
    if year is None:
        if said_on is None:
            return DateValue(text, month=month, day=day)
        year = _nearest_year(month, said_on)
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return DateValue(text, date(year, month, 1), date(year, month, last), "month", month=month)
    try:
        parsed = date(year, month, day)
    except ValueError:  # "February 30"
        return DateValue(text, month=month, day=day)
    return DateValue(text, parsed, parsed, "day", month=month, day=day)


@lru_cache(maxsize=4096)
def _parse_absolute(text: str) -> date | None:
    """A numeric date ("25/03/2021"), through dateparser, which knows the forms and their orders.

    Imported on first use: it costs a second and a half to load, and news prose
    spells most dates with month names, which are read directly.
    """
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if isinstance(parsed, datetime) else None


def _nearest_year(month: int, said_on: date) -> int:
    """The year that puts `month` nearest the writing date (news looks back more than ahead)."""
    delta = month - said_on.month
    if delta > 4:
        return said_on.year - 1
    if delta < -7:
        return said_on.year + 1
    return said_on.year


def _weekday(text: str, weekday: int, said_on: date | None, future: bool) -> DateValue:
    if said_on is None:
        return DateValue(text, weekday=weekday)
    back = (said_on.weekday() - weekday) % 7
    if future and back:
        day = said_on + timedelta(days=7 - back)
    else:
        day = said_on - timedelta(days=back)
    return DateValue(text, day, day, weekday=weekday)


def _read_relative(lower: list[str], i: int, said_on: date | None) -> DateMatch | None:
    head, unit = lower[i], lower[i + 1]
    if head in ("earlier", "later"):
        if unit == "this" and i + 2 < len(lower) and lower[i + 2] in ("week", "month", "year"):
            text = f"{head} this {lower[i + 2]}"
            if said_on is None:
                return DateMatch(DateValue(text), 3)
            start, end = _period(lower[i + 2], said_on, 0)
            if head == "earlier":
                return DateMatch(DateValue(text, start, said_on, "day-range"), 3)
            return DateMatch(DateValue(text, said_on, end, "day-range"), 3)
        return None
    shift = SHIFTS[head]
    text = f"{head} {unit}"
    if unit in ("week", "month", "year"):
        if said_on is None:
            return DateMatch(DateValue(text), 2)
        start, end = _period(unit, said_on, shift)
        return DateMatch(DateValue(text, start, end, unit), 2)
    if unit in MONTHS and len(unit) > 3:
        if said_on is None:
            return DateMatch(DateValue(text), 2)
        month = MONTHS[unit]
        year = said_on.year
        if shift < 0 and month >= said_on.month:
            year -= 1
        elif shift > 0 and month <= said_on.month:
            year += 1
        last = calendar.monthrange(year, month)[1]
        return DateMatch(DateValue(text, date(year, month, 1), date(year, month, last), "month"), 2)
    if unit in WEEKDAYS:
        if said_on is None:
            return DateMatch(DateValue(text), 2)
        if shift == 0:
            # "this Wednesday" is the one of the week it is said in, ahead or behind
            monday, _ = _period("week", said_on, 0)
            day = monday + timedelta(days=WEEKDAYS[unit])
            return DateMatch(DateValue(text, day, day, weekday=WEEKDAYS[unit]), 2)
        value = _weekday(text, WEEKDAYS[unit], said_on, future=shift > 0)
        if shift and value.start == said_on:
            # "last Friday" and "next Friday" said on a Friday are a week away, not that day
            day = said_on + timedelta(days=7 * shift)
            value = DateValue(text, day, day, weekday=WEEKDAYS[unit])
        return DateMatch(value, 2)
    return None


def _period(unit: str, said_on: date, shift: int) -> tuple[date, date]:
    if unit == "week":
        monday = said_on - timedelta(days=said_on.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        month_index = said_on.year * 12 + said_on.month - 1 + shift
        year, month = divmod(month_index, 12)
        month += 1
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    year = said_on.year + shift
    return date(year, 1, 1), date(year, 12, 31)
