"""Roles: the title a person holds ("Finance director Priya Nandakumar", "Rees, the director of nursing").

Two titles of one person agree when they name the same office: the same head
(after `title-groups`) and, where both say, a shared qualifier ("medical
director" is not "director of nursing"). A generic title (leader, head, chief)
contradicts a specific one only when the sources give the person one title.
Titles marked as past ("former") or to come ("incoming") are never compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factlint.rulebook.fields import ONE_WORD
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.model import Mention, Title


@dataclass(frozen=True)
class RoleSpec:
    titles: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Title head words (minister, spokesman)."""
    title_groups: tuple[tuple[str, ...], ...] = field(default=(), metadata={ONE_WORD: True})
    """Heads that name the same role: [[spokesman, spokeswoman, spokesperson]]."""
    generic_titles: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Heads that say little about the office (leader, head, chief, official): they agree with any
    title unless the sources give the person exactly one."""
    professions: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Generic heads that name a trade, not an office (engineer, economist): "chief engineer" or a
    qualified "economist" may still hold an office besides. Other generic heads with a qualifier
    or a second title word name one office ("chief executive", "director of procurement")."""
    memberships: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Titles that say a person sits in a body (councillor, MP, senator): held beside any office,
    so they never contradict another title ("Councillor Ruth Adebayo" chairs the committee)."""
    portfolios: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Qualifiers that tell offices of one head apart even when capitalised (foreign, defence)."""
    portfolio_groups: tuple[tuple[str, ...], ...] = field(default=(), metadata={ONE_WORD: True})
    """Spellings of one portfolio: [[defence, defense]]."""
    bodies: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words before a title that say whose office it is, not which (union, club): "Union officer
    Bethan Crowe" is the union's "regional officer"."""
    ranks: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that make a title another office under it (deputy, vice): "deputy leader" is not
    "leader" of the same body, as "interim" chief executive still is the chief executive."""
    past_markers: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that put a title in the past (former, ex, then): such titles are never compared."""
    coming_markers: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that make a title one still to come (incoming, designate): not held yet, so, like a
    past one, never compared."""
    title_verbs: tuple[tuple[str, ...], ...] = field(default=(), metadata={ONE_WORD: True})
    """Verbs that say a person holds an office, each with its title: [[chair, chairman], [lead,
    leader]]. "Alan Brisco, who chairs the appeal" is the appeal's chairman ("chaired" or "will
    chair": a title held before, or still to come). Such a title confirms one of its head and
    keeps the person from having one title only; it refutes none."""
    leading_titles: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Titles of whoever leads a body (chair, president): a bare generic head of the same owner
    says the same office loosely ("the traders' leader" for "the chair of the traders'
    association")."""
    window_days: int = 730
    """Titles change: sources further than this before the draft's date are not compared."""


def vocabulary(spec: RoleSpec, vocab: Lexicon) -> None:
    vocab.titles.update(t.lower() for t in spec.titles)
    for group in spec.title_groups:
        for word in group:
            vocab.title_group[word.lower()] = group[0].lower()
            vocab.titles.add(word.lower())
    vocab.generic_titles.update(t.lower() for t in spec.generic_titles)
    vocab.titles.update(t.lower() for t in spec.generic_titles)
    vocab.professions.update(t.lower() for t in spec.professions)
    vocab.memberships.update(t.lower() for t in spec.memberships)
    vocab.titles.update(t.lower() for t in spec.memberships)
    for portfolio in spec.portfolios:
        vocab.portfolios.setdefault(portfolio.lower(), portfolio.lower())
    for group in spec.portfolio_groups:
        for word in group:
            vocab.portfolios[word.lower()] = group[0].lower()
    vocab.past_markers.update(m.lower() for m in spec.past_markers)
    vocab.past_markers.update(m.lower() for m in spec.coming_markers)  # not held now, either way
    vocab.ranks.update(r.lower() for r in spec.ranks)
    vocab.bodies.update(b.lower() for b in spec.bodies)
    vocab.leading_titles.update(vocab.title_group.get(t.lower(), t.lower()) for t in spec.leading_titles)
    for verb, title, *_ in spec.title_verbs:
        vocab.title_verbs[verb.lower()] = title.lower()


def compare(claim: Title, fact: Title, vocab: Lexicon, only_title: bool) -> bool | None:
    """Whether two titles of one person name the same office; None: they cannot be compared."""
    if claim.past or fact.past:
        return None
    if claim.by_verb or fact.by_verb:
        if _same_head(claim, fact, vocab):
            return True  # "who chairs the appeal": the appeal's chairman
        if fact.by_verb or head_word(claim) in vocab.generic_titles or not _one_body(claim, fact):
            # a source's verb's object is not always an office ("leads the race"), nor is a
            # draft's "leads the walk"; "chairs the trust" is the trust's chair, but "has chaired
            # the sailing club" is no office of the co-operative's
            return None
    if head_word(claim) == head_word(fact) and _ranks(claim, vocab) != _ranks(fact, vocab):
        return False  # "deputy leader" and "leader": two offices of one body
    if claim.head == fact.head:
        ours, theirs = set(claim.qualifiers) - vocab.bodies, set(fact.qualifiers) - vocab.bodies
        return not (ours and theirs and not ours & theirs)
    if head_word(claim) in vocab.memberships or head_word(fact) in vocab.memberships:
        return None  # a councillor may chair the committee, an MP may be a minister
    if _leads_its_owner(claim, fact, vocab) or _leads_its_owner(fact, claim, vocab):
        return True  # "the traders' leader" is the chair of the traders' association
    if head_word(claim) in vocab.generic_titles or head_word(fact) in vocab.generic_titles:
        if _portfolio_before(claim, vocab) & set(fact.qualifiers) or _portfolio_before(fact, vocab) & set(
            claim.qualifiers
        ):
            return True  # "culture chief" for the "cabinet member for culture": one portfolio, loosely
        if _an_office(claim, vocab) and _an_office(fact, vocab):
            return False  # "chief executive" is not "director of procurement"
        if _bare_trade(claim, vocab) != _bare_trade(fact, vocab):
            return None  # "its leader, Professor Alison Threlfall": a trade is held beside any post
        # a profession beside an office (a nutritionist and a charity's spokeswoman): it
        # contradicts only when every source gives the person the one title
        return False if only_title else None
    return False


def _leads_its_owner(loose: Title, office: Title, vocab: Lexicon) -> bool:
    """Whether a bare generic leading head (leader, head, chief) says loosely the office a leading
    title of the same owner names outright: "the traders' leader" for "the chair of the traders'
    association". Not "the council leader" for "the chair of the planning committee": another
    owner, and "council leader" names an office of its own."""
    loose_head = head_word(loose)
    if (
        loose_head not in vocab.generic_titles
        or loose_head not in vocab.leading_titles
        or _an_office(loose, vocab)
    ):
        return False
    if head_word(office) not in vocab.leading_titles:
        return False
    shared = (set(loose.owner) & set(office.owner)) - vocab.bodies
    return bool(shared)


def _bare_trade(title: Title, vocab: Lexicon) -> bool:
    """A profession alone ("Professor", "an engineer"), not a post named by one ("principal
    highways engineer")."""
    return head_word(title) in vocab.professions and not title.qualifiers and " " not in title.head


def _one_body(claim: Title, fact: Title) -> bool:
    """Whether two titles are of one kind of body: the last word of their owners ("trust" of "the
    trust's manager" and of "chairs the trust")."""
    return bool(claim.owner and fact.owner and claim.owner[-1] == fact.owner[-1])


def _same_head(claim: Title, fact: Title, vocab: Lexicon) -> bool:
    """The same kind of office, ranks aside neither: "chair" and "chairman", "leader" and "leader"."""
    return claim.head == fact.head and _ranks(claim, vocab) == _ranks(fact, vocab)


def _an_office(title: Title, vocab: Lexicon) -> bool:
    """An office: a head that names one ("chairman", "mayor"), or a generic head made one by its
    other words ("chief executive", "managing director", "director of procurement", "deputy
    director"); a bare "director" is not, nor is a trade ("Australian nutritionist")."""
    head = head_word(title)
    if head in vocab.professions:
        return False
    return (
        head not in vocab.generic_titles
        or bool(title.qualifiers)
        or " " in title.head
        or any(w != head and w in vocab.titles for w in title.words)
    )


def _portfolio_before(title: Title, vocab: Lexicon) -> set[str]:
    """What a generic head is head of, named before it: "culture" in "culture chief"; none after
    it ("chief executive of Marrowgate Water" names a body, not a portfolio)."""
    head = head_word(title)
    if head not in vocab.generic_titles or head not in title.words:
        return set()
    before = title.words[: title.words.index(head)]
    return {w for w in before if w in title.qualifiers and not w.endswith("ly")}  # not "currently"


def _ranks(title: Title, vocab: Lexicon) -> set[str]:
    return {part for word in title.words for part in word.split("-")} & vocab.ranks


def head_word(title: Title) -> str:
    """The last word of a title's head ("executive" in "chief executive"): what kind of title it is."""
    return title.head.split()[-1]


def agrees(claim: Mention, fact: Mention, spec: RoleSpec, lexicon: Lexicon) -> bool | None:
    assert isinstance(claim.value, Title) and isinstance(fact.value, Title)
    return compare(claim.value, fact.value, lexicon, only_title=False)


ONE_TITLE_MENTIONS = 2
"""A person the sources title this many times, always with one head, holds that one office."""


def only_title(titles: list[Title]) -> bool:
    """Whether the sources agree on one office for the person (and say so more than once)."""
    current = [t for t in titles if not t.past]
    return len(current) >= ONE_TITLE_MENTIONS and len({t.head for t in current}) == 1
