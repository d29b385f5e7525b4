"""The one entry point the CLI and the language server share.

`Engine.open(config)` loads the rules and the fact base (from the cache when the
corpus and rules are unchanged); `engine.check(text)` returns a `Report` of
findings and confirmations with plain character offsets into `text`.
Checking is per paragraph and memoised by paragraph content, so re-checking a
draft after one keystroke re-analyses only the paragraph that changed.

Each check reads one snapshot of the fact base. An engine that `follow`s the
store (the language server's) moves to the latest state another process wrote
at each check, and drops its memos when it moved; a cache file whose data turns
out unreadable is rebuilt once and the check run again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TypeVar

from factlint.audit import Auditor
from factlint.config import Config
from factlint.conflicts import Conflict, citing, noted
from factlint.corpus import store_file
from factlint.corpus.factbase import FactBase, FactRow, fact_rows, load_fact_base, sync_cache
from factlint.corpus.store_file import StoreDamaged
from factlint.errors import ConfigError, InputError
from factlint.history import History, slot_histories
from factlint.model import Confirmation, Finding, Location, Report, SourceRef
from factlint.notices import NOT_COMPARED, not_compared
from factlint.rulebook.loader import load_rules
from factlint.rulebook.ruleset import RuleSet
from factlint.rulebook.suppressions import apply_suppressions
from factlint.slots.checker import Checker
from factlint.slots.extract import with_leads
from factlint.slots.grouping import SlotGroup, group_facts
from factlint.text.document import date_in_name, is_heading, read_draft, split_paragraphs

ProgressCallback = Callable[[str, float], None]
"""Called with a message and a fraction done (0..1) while the fact base is built."""
T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    """Reports of a draft's first parts, before the whole (`Engine.check(progress=...)`).

    Paragraphs are checked in the draft's order, as always. The first part ends at `first`
    characters, and each next part at twice the end of the one before (2,000, 4,000, 8,000...):
    the top of a draft comes first, and a long draft has few parts, so handing them over costs
    at most about as much as the whole report once more. When the next paragraph starts at or
    past a part's end, `ready` gets the report of the paragraphs checked so far (suppressions
    applied; the date notice, which counts the whole draft's claims, only in the whole report),
    before that paragraph is checked. Each paragraph is checked once and its results are the
    ones in the whole report: only when they are known changes. `ready` is never called with
    the whole draft: the report `check` returns is that."""

    first: int
    ready: Callable[[Report], None]


def _so_far(report: Report, date_known: bool) -> Report:
    """A copy of `report`, the paragraphs checked so far, for `Progress.ready`."""
    return Report(
        findings=list(report.findings),
        confirmations=list(report.confirmations),
        unsourced=report.unsourced,
        out_of_time=report.out_of_time,
        unsourced_claims=list(report.unsourced_claims),
        date_known=date_known,
    )


@dataclass(frozen=True)
class EngineStats:
    articles: int
    facts: int
    rules: int
    from_cache: bool


class Engine:
    """A loaded fact base and rule set, ready to check drafts. Safe to share read-only."""

    def __init__(self, config: Config, rules: RuleSet, fact_base: FactBase) -> None:
        self.config = config
        self.rules = rules
        self.fact_base = fact_base
        self._reset()

    def _reset(self) -> None:
        """Memos and the checker's view for the fact base as it is now."""
        self._generation = self.fact_base.generation
        self._checker = Checker(self.fact_base, self.rules, self.config.spacy_model)
        self._check_paragraph = lru_cache(maxsize=4096)(self._check_paragraph_uncached)
        self._conflicts: list[Conflict] | None = None
        self._conflicts_by_path: dict[str, list[Conflict]] = {}
        self._conflicts_by_sources: dict[tuple[Location, ...], list[Conflict]] = {}
        self._audit_lock = threading.Lock()
        self._auditor = Auditor(self._checker)
        """For drafts' findings and single articles, under `_audit_lock`: it keeps what it learnt."""

    @property
    def behind(self) -> bool:
        """Opened on the store as it stood, without a look at the corpus since."""
        return self.fact_base.behind

    def catch_up(self) -> str:
        """Sync the store with the corpus now, while this engine goes on checking against the
        state it opened (see `factbase.sync_cache`): "unchanged", "moved", "replaced" or
        "emptied"."""
        return sync_cache(self.config, self.rules, self.fact_base)

    def follow(self) -> None:
        """From now on, each check reads the latest state of the store (a long-lived server)."""
        self.fact_base.follow = True

    @classmethod
    def open(cls, config: Config, progress: ProgressCallback | None = None, sync: bool = True) -> Engine:
        """Load rules (raising `RuleFileError` for a broken one) and the fact base.

        A corpus folder that does not exist, or a corpus with no article to check
        against, is an error: checking against nothing would pass every draft.
        `sync=False`: a cache file a sync has completed is taken as it stands, without a
        look at the corpus (`behind` is then True, until `catch_up`).
        """
        source = str(config.config_path) if config.config_path else "corpus"
        for folder in config.effective_corpus_dirs():
            if not folder.is_dir():
                raise ConfigError(source, f"corpus folder {folder} does not exist")
        rules = load_rules(config)
        fact_base = load_fact_base(config, rules, progress=progress, sync=sync)
        if fact_base.article_count == 0:
            skipped = fact_base.skipped
            why = "it holds no .txt, .md or .html file"
            if skipped:
                more = f"; and {len(skipped) - 1} more" if len(skipped) > 1 else ""
                why = f"all {len(skipped)} of its files were skipped ({skipped[0].describe()}{more})"
            folders = ", ".join(str(f) for f in config.effective_corpus_dirs())
            fact_base.close()
            raise InputError(folders, f"no articles to check against: {why}")
        return cls(config, rules, fact_base)

    @property
    def stats(self) -> EngineStats:
        return EngineStats(
            articles=self.fact_base.article_count,
            facts=self.fact_base.fact_count,
            rules=len(self.rules.rules),
            from_cache=self.fact_base.from_cache,
        )

    def check(
        self,
        text: str,
        draft_date: date | None = None,
        note_conflicts: bool = True,
        path: str | None = None,
        progress: Progress | None = None,
    ) -> Report:
        """Check a whole draft; `draft_date` overrides the configured default, not front matter. A
        draft whose front matter gives no date, at a `path` whose file name does, is of that date.

        `note_conflicts`: say in each finding's message where the audit finds its sources
        disagreeing. It costs an audit of the cited facts the first time they are cited, so the
        language server leaves it to the hover and keeps keystrokes cheap. A draft at `path`
        (absolute) that is also in the corpus is checked without its own article.

        `progress`: hand the report of the draft's first parts to a callback as they are checked,
        before the rest (see `Progress`); the report returned is the whole draft's, as without it.
        """
        named = date_in_name(path) if path and draft_date is None else None
        return self._reading(
            lambda: self._check_hiding(text, draft_date or named, note_conflicts, path, progress)
        )

    def _check_hiding(
        self,
        text: str,
        draft_date: date | None,
        note_conflicts: bool,
        path: str | None,
        progress: Progress | None = None,
    ) -> Report:
        with self.fact_base.hiding(path) as hidden:
            return self._check(text, draft_date, note_conflicts and not hidden, hidden, progress)

    def in_corpus(self, path: str) -> bool:
        """Whether the file at `path` (absolute) is one of the fact base's own sources."""
        return self._reading(lambda: self.fact_base.holds(path))

    def _reading(self, work: Callable[[], T]) -> T:
        """`work` on one snapshot of the fact base; a damaged cache file is rebuilt, once."""
        try:
            return self._in_snapshot(work)
        except StoreDamaged as damage:
            if self.fact_base.opened is None:
                raise  # not the user's cache file (a team's store): theirs to repair
            store_file.discard(self.fact_base.path, damage, self.fact_base.opened)
            follow = self.fact_base.follow
            self.fact_base.close()
            self.fact_base = load_fact_base(self.config, self.rules)
            self.fact_base.follow = follow
            self._reset()
            return self._in_snapshot(work)

    def _in_snapshot(self, work: Callable[[], T]) -> T:
        with self.fact_base.reading() as generation:
            if generation != self._generation:
                self._reset()
            return work()

    def _check(
        self,
        text: str,
        draft_date: date | None,
        note_conflicts: bool,
        hidden: bool,
        progress: Progress | None = None,
    ) -> Report:
        draft = read_draft(text)
        stated = draft.date or draft_date or self.config.draft_date
        when = stated or date.today()
        report = Report()
        end = max(progress.first, 1) if progress is not None else 0
        for paragraph, lead in with_leads(split_paragraphs(text, draft.body_start)):
            if progress is not None and paragraph.start >= end:
                # the paragraphs before are checked: their report now, the rest after
                progress.ready(self._finished(text, _so_far(report, stated is not None), note_conflicts))
                while end <= paragraph.start:
                    end *= 2
            if is_heading(paragraph.text):
                continue  # a headline, like the title: its few words cannot say which statement it is
            # without its own article, a draft's results are not the memo's
            check = self._check_paragraph_uncached if hidden else self._check_paragraph
            findings, confirmations, unsourced, out_of_time, unsourced_claims = check(
                paragraph.text, when, stated is not None, lead
            )
            report.findings.extend(f.shifted(paragraph.start) for f in findings)
            report.confirmations.extend(c.shifted(paragraph.start) for c in confirmations)
            report.unsourced += unsourced
            report.out_of_time += out_of_time
            report.unsourced_claims.extend(u.shifted(paragraph.start) for u in unsourced_claims)
        report.date_known = stated is not None
        if report.out_of_time and not report.date_known and NOT_COMPARED not in self.config.disabled_rules:
            notice = not_compared(report.out_of_time, when, draft.body_start)
            report.findings.append(notice)
        return self._finished(text, report, note_conflicts)

    def _finished(self, text: str, report: Report, note_conflicts: bool) -> Report:
        """`report` with the draft's suppressions applied and, if asked, its conflicts noted."""
        report.findings = self.rules.apply_suppressions(text, report.findings)
        # the audit's memo counts every source: a draft that is one would be cited against itself
        if note_conflicts:
            report.findings = [self._noted(f) for f in report.findings]
        # silenced like any rule; an unknown id in a comment is already reported above
        report.unsourced_claims = apply_suppressions(
            text, report.unsourced_claims, self.rules.known_ids, None
        )
        return report

    def _noted(self, finding: Finding) -> Finding:
        """A finding whose sources the audit finds disagreeing says so (see `conflicts.noted`)."""
        if not finding.sources:
            return finding
        return noted(finding, citing(self.conflicts_of(finding.sources), finding))

    def facts(self) -> list[FactRow]:
        return self._reading(lambda: list(fact_rows(self.fact_base)))

    def slots(self) -> list[SlotGroup]:
        """The fact base as slots, each with its values oldest first (`factlint facts`)."""
        return self._reading(
            lambda: group_facts(self.fact_base.iter_facts(), self.fact_base, self.rules.lexicon)
        )

    def audit(self) -> list[Conflict]:
        """Where the sources disagree among themselves (see `factlint.audit`); computed once."""
        if self._conflicts is None:
            facts = (fact for fact, _ in self.fact_base.iter_facts())
            self._conflicts = Auditor(self._checker).conflicts(facts)
        return self._conflicts

    def slot_histories(self, words: str, when: date) -> list[History]:
        """The slots `words` name and each one's values, oldest first (see `factlint.history`)."""
        return slot_histories(self._checker, self.slots(), words, when)

    def conflicts_of(self, sources: tuple[SourceRef, ...]) -> list[Conflict]:
        """The conflicts the facts behind `sources` take part in: a finding's share of the audit,
        at the cost of its few facts (a whole article's share takes far longer)."""
        key = tuple(s.value_location for s in sources)
        with self._audit_lock:
            found = self._conflicts_by_sources.get(key)
            if found is None:
                facts = [f for where in key for f in self.fact_base.facts_at(where)]
                found = self._auditor.conflicts(facts)
                self._conflicts_by_sources[key] = found
        return found

    def conflicts_in(self, path: str) -> list[Conflict]:
        """The conflicts one source file takes part in: its share of the audit, at its cost only."""
        if self._conflicts is not None:
            return [c for c in self._conflicts if any(v.source.article.path == path for v in c.values)]
        with self._audit_lock:
            found = self._conflicts_by_path.get(path)
            if found is None:
                found = self._auditor.conflicts(self.fact_base.facts_in(path))
                self._conflicts_by_path[path] = found
        return found

    def _check_paragraph_uncached(
        self, text: str, when: date, date_known: bool, lead: str = ""
    ) -> tuple[tuple[Finding, ...], tuple[Confirmation, ...], int, int, tuple[Finding, ...]]:
        result = self._checker.check_paragraph(text, when, date_known, lead)
        return (
            tuple(result.findings),
            tuple(result.confirmations),
            result.unsourced,
            result.out_of_time,
            tuple(result.unsourced_claims),
        )
