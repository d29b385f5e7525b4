"""Seeded corpora and drafts for the benchmarks: transit, elections and companies.

Article `i` depends only on (seed, i), so the 1,000-article corpus is the first
1,000 articles of the 100,000-article one and a draft says the same things
against every size: only the archive around it grows. Each article reports one
story's facts (figures, dates, titles, places, people) among filler sentences
whose words are drawn from pools, with made-up place names so the vocabulary
grows with the corpus as a real archive's does. A draft restates stories'
facts, about a quarter of its paragraphs with one value changed, so checking it
finds contradictions as well as confirmations. Drafts paraphrase rather than copy
(passive, reordering, apposition, reported speech, a pronoun: the constructions of the
paraphrase-dev set), and carry labels from generation: every value they state, and
which ones were changed, so recall and precision can be counted at every corpus size.
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

DRAFT_DATE = date(2024, 7, 1)
"""Drafts are written on this day; articles fall in 2024, mostly within a figure's window."""
ARCHIVE_START = date(2024, 1, 1)
FOLLOW_UP_SHARE = 0.3
"""Share of articles that report an earlier story again, as archives do."""
WRONG_SHARE = 0.25
"""Share of draft paragraphs with one value changed from the story's."""
DRAFT_STORIES = 1000
"""Drafts speak about stories among the first this many articles ..."""
CORE_STORIES = 5
"""... and one paragraph in three about one of the first five, present in every corpus."""

CITIES = (
    "Lisbon",
    "Porto",
    "Madrid",
    "Valencia",
    "Lyon",
    "Marseille",
    "Hamburg",
    "Munich",
    "Vienna",
    "Prague",
    "Krakow",
    "Warsaw",
    "Oslo",
    "Bergen",
    "Helsinki",
    "Tallinn",
    "Riga",
    "Vilnius",
    "Dublin",
    "Cork",
    "Glasgow",
    "Leeds",
    "Toronto",
    "Montreal",
    "Calgary",
    "Denver",
    "Austin",
    "Portland",
    "Seattle",
    "Chicago",
    "Boston",
    "Lima",
    "Quito",
    "Bogota",
    "Santiago",
    "Osaka",
    "Busan",
    "Manila",
    "Hanoi",
    "Jakarta",
    "Nairobi",
    "Accra",
    "Lagos",
    "Dakar",
    "Perth",
    "Adelaide",
    "Auckland",
    "Wellington",
    "Seville",
    "Turin",
    "Naples",
    "Zurich",
    "Geneva",
)
COUNTRIES = (
    "Portugal",
    "Spain",
    "France",
    "Germany",
    "Austria",
    "Poland",
    "Norway",
    "Finland",
    "Estonia",
    "Ireland",
    "Canada",
    "Mexico",
    "Peru",
    "Chile",
    "Japan",
    "Vietnam",
    "Kenya",
    "Ghana",
    "Senegal",
    "Australia",
    "Italy",
    "Switzerland",
    "Brazil",
    "Colombia",
)
FIRST = (
    "Maria",
    "Jonas",
    "Amara",
    "Lucas",
    "Ingrid",
    "Tomas",
    "Leila",
    "Noah",
    "Sofia",
    "Rafael",
    "Hana",
    "Oskar",
    "Elena",
    "Mateo",
    "Aiko",
    "Daniel",
    "Nadia",
    "Felix",
    "Chloe",
    "Viktor",
    "Priya",
    "Samuel",
    "Marta",
    "Kofi",
    "Irene",
    "Pavel",
    "Lucia",
    "Emil",
    "Greta",
    "Andres",
)
LAST = (
    "Lopez",
    "Berg",
    "Okafor",
    "Silva",
    "Novak",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Costa",
    "Haddad",
    "Fischer",
    "Romero",
    "Nakamura",
    "Brennan",
    "Varga",
    "Mensah",
    "Duarte",
    "Holm",
    "Petrov",
    "Sato",
    "Keller",
    "Rossi",
    "Alvarez",
    "Nilsen",
    "Quinn",
    "Abara",
    "Weiss",
    "Marin",
    "Dahl",
    "Ibarra",
    "Stone",
    "Cruz",
    "Laine",
    "Osei",
    "Bauer",
    "Vidal",
    "Ferreira",
)
TRADES = ("Foods", "Logistics", "Energy", "Textiles", "Software", "Motors", "Pharma", "Media")
PARTIES = ("Green", "Liberal", "Labour", "Civic", "Progressive", "Conservative", "Independent")
LINES = (
    "Harbour",
    "Riverside",
    "Northern",
    "Airport",
    "Orbital",
    "Crosstown",
    "Valley",
    "Coastal",
    "University",
    "Hillside",
    "Eastern",
    "Market",
    "Parkway",
    "Lakeshore",
    "Central",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SYLLABLES = (
    "ar",
    "bel",
    "cor",
    "dun",
    "el",
    "fen",
    "gar",
    "hol",
    "ist",
    "jor",
    "kel",
    "lin",
    "mor",
    "nor",
    "ost",
    "pel",
    "quin",
    "ros",
    "sal",
    "tor",
    "ul",
    "ven",
    "wick",
    "yar",
    "zen",
)
GROUPS = (
    "Residents",
    "Shop owners",
    "Commuters",
    "Parents",
    "Cyclists",
    "Teachers",
    "Farmers",
    "Pensioners",
    "Students",
    "Nurses",
    "Campaigners",
    "Landlords",
    "Tenants",
    "Drivers",
)
VERBS = (
    "criticised",
    "welcomed",
    "questioned",
    "debated",
    "praised",
    "challenged",
    "discussed",
    "opposed",
    "supported",
    "examined",
    "reviewed",
    "celebrated",
    "protested",
)
NOUNS = (
    "plan",
    "proposal",
    "budget",
    "timetable",
    "survey",
    "report",
    "design",
    "contract",
    "decision",
    "consultation",
    "petition",
    "audit",
    "forecast",
    "schedule",
    "strategy",
)
ADJECTIVES = (
    "crowded",
    "lively",
    "tense",
    "brief",
    "public",
    "late-night",
    "packed",
    "quiet",
    "rowdy",
    "heated",
    "long",
    "special",
    "regular",
    "televised",
)
PLACES_FILLER = (
    "town hall",
    "community centre",
    "library",
    "market square",
    "school gym",
    "civic hall",
    "station forecourt",
    "church hall",
    "youth club",
    "depot",
)
REMARKS = (
    "Officials said more details would be published in the coming weeks.",
    "Critics argued that the money could have been spent elsewhere.",
    "Supporters said the change was long overdue.",
    "Several questions about the cost remained unanswered.",
    "The announcement followed months of negotiation.",
    "Local newspapers had reported on the dispute for some time.",
    "A spokesperson declined to comment on the details.",
    "The plans will be reviewed again after the summer.",
)


def _count(low: int, high: int) -> Callable[[random.Random], str]:
    return lambda rng: f"{rng.randint(low, high):,}"


def _decimal(low: int, high: int) -> Callable[[random.Random], str]:
    return lambda rng: f"{rng.randint(low, high) / 10:.1f}"


def _day(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS[:6])} {rng.randint(1, 28)}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _pick(options: tuple[str, ...]) -> Callable[[random.Random], str]:
    return lambda rng: rng.choice(options)


def _invented_place(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


Slots = dict[str, Callable[[random.Random], str]]


@dataclass(frozen=True)
class Topic:
    """A kind of story: how to draw its facts and the sentences that state them."""

    name: str
    slots: Slots
    title: str
    sentences: tuple[str, ...]
    paraphrases: tuple[tuple[str, str], ...] = ()
    """(construction, sentence): what a draft says instead of copying each source sentence, with
    the constructions of the paraphrase-dev set (passive, reordering, apposition, reported
    speech, a pronoun for the subject)."""


TOPICS = (
    Topic(
        "transit",
        {
            "city": _pick(CITIES),
            "line": _pick(LINES),
            "stations": _count(6, 40),
            "km": _count(5, 60),
            "cost": _decimal(3, 60),
            "riders": _count(5_000, 250_000),
            "when": _day,
            "headway": _count(3, 20),
            "stop_a": _invented_place,
            "stop_b": _invented_place,
            "years": _count(2, 15),
            "person": _person,
            "person2": _person,
            "staff": _count(80, 3_000),
            "hires": _count(10, 400),
            "title": _pick(("Transport Commissioner", "Transport Minister", "Transit Director")),
        },
        "{city} opens the {line} tram line",
        (
            "{city} opened its new {line} tram line on {when}, with {stations} stations"
            " along {km} kilometres of track.",
            "The {line} line cost {cost} billion euros to build, the city's transit authority said.",
            "{title} {person} said the {line} line would carry {riders} passengers a day"
            " by the end of the year.",
            "Trams on the {line} line run every {headway} minutes between {stop_a} and {stop_b}.",
            "Work on the {years}-year project began under the former mayor, {person2}.",
            "The transit authority employs {staff} drivers in {city} and plans to hire {hires} more.",
        ),
        (
            (
                "reorder",
                "The {line} tram line, which {city} opened on {when}, serves {stations} stations"
                " along {km} kilometres of track.",
            ),
            (
                "passive",
                "According to the transit authority, {cost} billion euros were spent building the"
                " {line} line.",
            ),
            (
                "reported-speech",
                "By the end of the year the {line} line should carry {riders} passengers a day,"
                " according to {title} {person}.",
            ),
            (
                "reorder",
                "Between {stop_a} and {stop_b}, a tram on the {line} line comes every {headway} minutes.",
            ),
            ("apposition", "The former mayor, {person2}, started work on the {years}-year project."),
            (
                "passive",
                "{staff} drivers are employed by the transit authority in {city}, which plans to hire"
                " {hires} more.",
            ),
        ),
    ),
    Topic(
        "election",
        {
            "city": _pick(CITIES),
            "person": _person,
            "person2": _person,
            "person3": _person,
            "when": _day,
            "votes": _count(5_000, 400_000),
            "votes2": _count(5_000, 400_000),
            "turnout": _count(30, 85),
            "seats": _count(21, 91),
            "held": _count(3, 20),
            "party": _pick(PARTIES),
            "polling": _count(50, 900),
            "district": _invented_place,
            "years": _count(2, 24),
            "title": _pick(("Election Commissioner", "Council Speaker", "Deputy Mayor")),
        },
        "{person} wins the mayoral race in {city}",
        (
            "{person} won the mayoral election in {city} on {when} with {votes} votes.",
            "Turnout reached {turnout} percent in {city}, the election commission said.",
            "The runner-up, {person2} of the {party} party, received {votes2} votes.",
            "The {city} council has {seats} seats, and the {party} party now holds {held} of them.",
            "{title} {person3} said {polling} polling stations opened across the {district} district.",
            "{person} has served on the {city} council for {years} years.",
        ),
        (
            (
                "passive",
                "The mayoral election in {city} was won on {when} by {person}, who received {votes} votes.",
            ),
            ("reorder", "In {city}, turnout was {turnout} percent, according to the election commission."),
            ("apposition", "{person2}, the {party} party's candidate, finished second with {votes2} votes."),
            (
                "reorder",
                "Of the {seats} seats on the {city} council, {held} are now held by the {party} party.",
            ),
            (
                "reported-speech",
                "Across the {district} district, {polling} polling stations opened, {title} {person3} said.",
            ),
            ("reorder", "For {years} years, {person} has served on the {city} council."),
        ),
    ),
    Topic(
        "company",
        {
            "company": lambda rng: f"{_invented_place(rng)} {rng.choice(TRADES)}",
            "city": _pick(CITIES),
            "city2": _pick(CITIES),
            "country": _pick(COUNTRIES),
            "person": _person,
            "person2": _person,
            "person3": _person,
            "staff": _count(200, 90_000),
            "offices": _count(2, 60),
            "when": _day,
            "revenue": _count(20, 9_000),
            "stores": _count(3, 300),
            "more": _count(2, 80),
            "years": _count(5, 120),
            "pct": _count(2, 19),
            "cuts": _count(50, 4_000),
            "title": _pick(("Chief Executive", "Finance Director", "Chairwoman")),
        },
        "{company} reports its results",
        (
            "{company}, based in {city}, employs {staff} people across {offices} offices.",
            "{title} {person} said on {when} that revenue at {company} rose to {revenue} million dollars.",
            "{company} opened {stores} stores in {country} and plans {more} more next year.",
            "{company} was founded {years} years ago in {city2} by {person2}.",
            "Shares in {company} rose {pct} percent after the results were published.",
            "{company} will cut {cuts} jobs in {country}, its managers said.",
        ),
        (
            (
                "passive",
                "{staff} people are employed by {company} in {offices} offices; the company is based"
                " in {city}.",
            ),
            (
                "reported-speech",
                "Revenue at {company} rose to {revenue} million dollars, {title} {person} said on {when}.",
            ),
            (
                "pronoun",
                "In {country}, {company} has opened {stores} stores, and it plans {more} more next year.",
            ),
            ("active", "{person2} founded {company} in {city2} {years} years ago."),
            ("reorder", "After the results were published, shares in {company} rose {pct} percent."),
            ("passive", "{cuts} jobs will be cut by {company} in {country}, its managers said."),
        ),
    ),
)


@dataclass(frozen=True)
class Story:
    """What article `index` reports: a topic and the value of each of its slots."""

    index: int
    topic: Topic
    facts: dict[str, str]
    day: date


def story(seed: int, index: int) -> Story:
    """The story of article `index`: a follow-up repeats an earlier story's facts on a later day."""
    rng = random.Random(f"{seed}:story:{index}")
    day = ARCHIVE_START + timedelta(days=rng.randrange(366))
    if index > 0 and rng.random() < FOLLOW_UP_SHARE:
        earlier = story(seed, rng.randrange(index))
        return Story(index, earlier.topic, earlier.facts, max(day, earlier.day))
    topic = rng.choice(TOPICS)
    return Story(index, topic, {slot: draw(rng) for slot, draw in topic.slots.items()}, day)


def filler(rng: random.Random) -> str:
    """A sentence with no checkable value, in words drawn from pools, in one of several shapes."""
    shape = rng.randrange(5)
    group, verb, noun = rng.choice(GROUPS), rng.choice(VERBS), rng.choice(NOUNS)
    adjective, hall, place = rng.choice(ADJECTIVES), rng.choice(PLACES_FILLER), _invented_place(rng)
    if shape == 0:
        return rng.choice(REMARKS)
    if shape == 1:
        return f"{group} in {place} {verb} the {noun} at a {adjective} meeting in the {hall}."
    if shape == 2:
        return f"At the {hall} in {place}, {group.lower()} {verb} a {noun} that few had expected."
    if shape == 3:
        return (
            f"The {noun} was {verb} again by {group.lower()} from {place},"
            f" who asked for a {adjective} debate."
        )
    return f"{place} {group.lower()} said the {noun} should be {verb} before the {adjective} season."


def article_text(seed: int, index: int) -> str:
    """Article `index` as a Markdown file with front matter: its facts among filler, in paragraphs."""
    told = story(seed, index)
    rng = random.Random(f"{seed}:article:{index}")
    sentences = [s.format(**told.facts) for s in told.topic.sentences]
    rng.shuffle(sentences)
    paragraphs = []
    for sentence in sentences:
        extra = [filler(rng) for _ in range(rng.randint(2, 5))]
        paragraphs.append(" ".join([sentence, *extra]))
    title = told.topic.title.format(**told.facts)
    head = f"---\ntitle: {title}\ndate: {told.day.isoformat()}\n---\n\n"
    return head + "\n\n".join(paragraphs) + "\n"


def article_name(index: int) -> str:
    return f"{index // 1000:03d}/{index:06d}.md"


def write_corpus(folder: Path, size: int, seed: int) -> Path:
    """Write the first `size` articles under `folder` (1,000 per subfolder); kept if already there."""
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text() == f"{seed}:{size}":
        return folder
    for index in range(size):
        path = folder / article_name(index)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(seed, index), encoding="utf-8")
    marker.write_text(f"{seed}:{size}")
    return folder


@dataclass(frozen=True)
class Label:
    """A value the draft states, where it stands, and whether generation made it wrong."""

    start: int
    end: int
    """Character offsets in the draft's text."""
    text: str
    slot: str
    story: int
    """The article whose story it restates: the label counts against corpora that hold it."""
    construction: str
    wrong: bool


def draft_paragraphs(seed: int, name: str) -> Iterator[tuple[str, list[Label]]]:
    """An endless draft: each paragraph paraphrases three facts of a story, sometimes one wrongly.

    Labels are relative to the paragraph: every value placed, and which one was changed.
    """
    rng = random.Random(f"{seed}:draft:{name}")
    formatter = string.Formatter()
    while True:
        index = rng.randrange(CORE_STORIES) if rng.random() < 1 / 3 else rng.randrange(DRAFT_STORIES)
        told = story(seed, index)
        facts = dict(told.facts)
        chosen = rng.sample(told.topic.paraphrases, 3)
        changed = None
        if rng.random() < WRONG_SHARE:  # one value the paragraph states, changed
            stated = sorted({f for _, t in chosen for _, f, _, _ in formatter.parse(t) if f is not None})
            slot = rng.choice(stated)
            for _ in range(10):
                other = told.topic.slots[slot](rng)
                if other != facts[slot]:
                    facts[slot], changed = other, slot
                    break
        text, labels = "", []
        for construction, template in chosen:
            for literal, field, _, _ in formatter.parse(template):
                text += literal
                if field is not None:
                    value = facts[field]
                    labels.append(
                        Label(len(text), len(text) + len(value), value, field, told.index, construction,
                              field == changed)
                    )  # fmt: skip
                    text += value
            text += " "
        yield text + filler(rng), labels


def draft_text(seed: int, words: int, name: str | None = None) -> str:
    """A Markdown draft of at least `words` words (body only), dated `DRAFT_DATE`."""
    return labelled_draft(seed, words, name)[0]


def labelled_draft(seed: int, words: int, name: str | None = None) -> tuple[str, list[Label]]:
    """The draft and the labels of every value it states, with offsets into the whole text."""
    paragraphs: list[tuple[str, list[Label]]] = []
    count = 0
    for made in draft_paragraphs(seed, name or f"{words}"):
        if count >= words:
            break
        paragraphs.append(made)
        count += len(made[0].split())
    title = f"Around the region: {len(paragraphs)} stories"
    text = f"---\ntitle: {json.dumps(title)}\ndate: {DRAFT_DATE.isoformat()}\n---\n\n"
    labels: list[Label] = []
    for k, (body, own) in enumerate(paragraphs):
        if k:
            text += "\n\n"
        labels.extend(
            replace(label, start=label.start + len(text), end=label.end + len(text)) for label in own
        )
        text += body
    return text + "\n", labels


def word_count(text: str) -> int:
    """Words of a draft's body, front matter excluded."""
    body = text.split("\n---\n", 1)[-1]
    return len(body.split())
