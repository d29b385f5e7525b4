"""The server's state and the work it does for each document: one `Session` per server.

The session holds what the editor told us (capabilities, settings), the engine
(through the `Rebuilder`), the latest analysis of each open draft and the
pending checks. Checks run on a worker thread; before anything is published the
document must still be open at the version that was checked.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from factlint.config import Config
from factlint.conflicts import CONFLICT_RULE, Conflict, citing
from factlint.errors import FactlintError, RuleFileError
from factlint.lsp.actions import actions_for
from factlint.lsp.conflicts import conflict_findings
from factlint.lsp.debounce import Debouncer
from factlint.lsp.diagnostics import (
    FRONT_MATTER_CODE,
    DiagnosticSupport,
    finding_to_diagnostic,
    problem_to_diagnostic,
    rule_error_to_diagnostic,
)
from factlint.lsp.facts import facts_markdown
from factlint.lsp.hover import hover_markdown
from factlint.lsp.positions import LineIndex
from factlint.lsp.pulled import PulledParts
from factlint.lsp.rebuild import BuildOutcome, ProgressSink, Rebuilder, open_engine_as_it_stands
from factlint.lsp.settings import SECTION, editor_table, layered_config, needs_rebuild
from factlint.lsp.sources import SourceFiles, file_uri
from factlint.model import Confirmation, Finding, Report
from factlint.text.document import FrontMatterError
from factlint.wording import count

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

    from factlint.engine import Engine, Progress

log = logging.getLogger(__name__)

FIRST_PART_CHARS = 2_000
"""When a draft is opened, its diagnostics are published as the first check goes down it: those
of the paragraphs before the 2,000th character (about 30 lines of prose) as soon as they are
checked, then before the 4,000th, the 8,000th and so on, then the whole draft's (`Progress`).
The first check of a long draft against a large archive takes seconds; the writer sees its top
first, where an editor opens a file. Later checks (edits, a new fact base) publish once: they
re-check only what changed, and the diagnostics shown stay until the new ones replace them."""
MAX_DRAFT_CHARS = 2_000_000
"""Drafts longer than this (a 300,000-word book) are not checked, only logged."""

DRAFT_LANGUAGES = frozenset({"markdown", "plaintext", "text", "txt", "mdx"})
DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".mdx"})
CONFIG_NAMES = frozenset({"factlint.toml", "pyproject.toml"})
WATCH_REGISTRATION = "factlint-watched-files"
MAX_LISTED_SKIPPED = 200
"""The status names at most this many skipped files (and counts them all); the log names all."""
STATUS = "factlint/status"


@dataclass(frozen=True)
class Analysis:
    """One checked version of one document, with everything derived from it."""

    uri: str
    version: int | None
    generation: int
    index: LineIndex
    report: Report
    diagnostics: tuple[tuple[Finding, types.Diagnostic], ...]
    problems: tuple[types.Diagnostic, ...] = ()
    """Why the draft could not be checked (front matter that cannot be read), where it is."""
    part: int = 0
    """0 for the whole draft; n for the paragraphs of the first n parts of a first check."""

    @property
    def items(self) -> list[types.Diagnostic]:
        return [*self.problems, *(d for _, d in self.diagnostics)]

    @property
    def result_id(self) -> str:
        whole = f"{self.version}:{self.generation}"
        return f"{whole}:part{self.part}" if self.part else whole


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def checkable(text: str) -> str:
    """The text with lone surrogates (undecodable bytes, cut emoji) as U+FFFD; offsets unchanged."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def unsuitable(text: str) -> str | None:
    """Why a document cannot be checked as a draft, or None."""
    if len(text) > MAX_DRAFT_CHARS:
        return f"it has {len(text):,} characters (the limit is {MAX_DRAFT_CHARS:,})"
    if "\x00" in text:
        return "it looks like a binary file (it contains NUL characters)"
    return None


class Session:
    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.stopped = False
        """The client asked the server to shut down: nothing more is asked of it."""
        self.config = Config()
        self.root: Path | None = None
        self.editor_settings: dict[str, Any] = {}
        self.pull = False
        self.refresh_support = False
        self.progress_support = False
        self.versioned_edits = False
        self.watch_support = False
        self.relative_patterns = False
        self.configuration_support = False
        self.support = DiagnosticSupport()
        self.encoding: types.PositionEncodingKind | str = types.PositionEncodingKind.Utf16
        self.sources = SourceFiles()
        self.debouncer = Debouncer()
        self.check_executor = ThreadPoolExecutor(1, thread_name_prefix="factlint-check")
        self.rebuilder = Rebuilder(
            ThreadPoolExecutor(1, thread_name_prefix="factlint-build"),
            on_done=self._build_done,
            begin_progress=self._begin_progress,
            end_progress=self._end_progress,
            first_opener=open_engine_as_it_stands,
            before_catch_up=self._first_checks,
            on_caught_up=self._caught_up,
        )
        self.analyses: dict[str, Analysis] = {}
        self._inflight: dict[tuple[str, int | None, int], asyncio.Future[Analysis]] = {}
        self._skipped: set[str] = set()
        """Documents not checked (too large, binary): logged once, until they can be checked."""
        self._rule_problems: set[str] = set()
        self._changed_at: dict[str, float] = {}
        self._published: dict[str, str] = {}
        """The result id last pushed per document, so a re-check that changes nothing stays quiet."""
        self._first_check: dict[str, float] = {}
        """Documents none of whose diagnostics is published yet, and when their check was asked for:
        their first check publishes them part by part (`FIRST_PART_CHARS`)."""
        self._parts_shown: set[str] = set()
        """Documents whose first parts are published and the whole draft not yet."""
        self.pulled: PulledParts[Analysis] = PulledParts(self._refresh)
        """The same for a client that pulls diagnostics and can be asked to pull again."""
        self._progress_token: str | None = None
        self._noted: set[str] = set()
        """Configuration notes (an ignored setting) already shown: each is said once."""
        self._watching: tuple[str, ...] | None = None

    # --- start-up -------------------------------------------------------------------------

    def initialize(self, params: types.InitializeParams) -> None:
        """Read the client's capabilities; cheap, so `initialize` is answered at once."""
        caps = params.capabilities
        self.pull = get_capability(caps, "text_document.diagnostic") is not None
        self.refresh_support = bool(get_capability(caps, "workspace.diagnostics.refresh_support", False))
        self.progress_support = bool(get_capability(caps, "window.work_done_progress", False))
        self.versioned_edits = bool(get_capability(caps, "workspace.workspace_edit.document_changes", False))
        self.watch_support = bool(
            get_capability(caps, "workspace.did_change_watched_files.dynamic_registration", False)
        )
        self.relative_patterns = bool(
            get_capability(caps, "workspace.did_change_watched_files.relative_pattern_support", False)
        )
        self.configuration_support = bool(get_capability(caps, "workspace.configuration", False))
        publish = get_capability(caps, "text_document.publish_diagnostics")
        self.support = DiagnosticSupport(
            related_information=bool(publish and publish.related_information) or self.pull,
            code_description=bool(publish and publish.code_description_support) or self.pull,
        )
        self.encoding = self.server.workspace.position_encoding or types.PositionEncodingKind.Utf16
        self.sources = SourceFiles(self.encoding)
        root = self.server.workspace.root_path
        self.root = Path(root) if root else None
        self.editor_settings = editor_table(params.initialization_options)
        if params.trace is not None:
            self.server.protocol.trace = params.trace

    async def initialized(self) -> None:
        """Read the configuration and start loading the fact base."""
        pulled = await self._pull_settings() if self.configuration_support else None
        if pulled:
            self.editor_settings = {**self.editor_settings, **pulled}
        self.config = self._resolve_config()
        self.rebuilder.request(self.config)

    # --- configuration ----------------------------------------------------------------------

    async def _pull_settings(self) -> dict[str, Any] | None:
        """The `factlint` section through `workspace/configuration`; None if the client fails."""
        try:
            result = await self.server.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
            )
        except Exception as error:
            self.log(types.MessageType.Log, f"workspace/configuration failed: {error}")
            return None
        return editor_table({SECTION: result[0]} if result else None)

    def _resolve_config(self) -> Config:
        config = self._layered_config()
        for note in config.notes:
            if note not in self._noted:
                self._noted.add(note)
                self.show(types.MessageType.Warning, f"factlint: {note}")
        return config

    def _layered_config(self) -> Config:
        try:
            return layered_config(self.root, self.editor_settings)
        except FactlintError as error:
            self.show(types.MessageType.Error, f"factlint: {error}; using the defaults instead")
        try:
            return layered_config(self.root, {})
        except FactlintError:
            return Config()

    async def settings_changed(self, settings: Any) -> None:
        """New editor settings replace the old ones whole; a bare "changed" signal re-reads them."""
        table: dict[str, Any] | None = editor_table(settings)
        explicit = isinstance(settings, dict) and isinstance(settings.get(SECTION), dict)
        if not table and not explicit:
            table = await self._pull_settings() if self.configuration_support else None
        if table is not None:
            self.editor_settings = table
        self.reconfigure()

    def reconfigure(self, force_rebuild: bool = False) -> None:
        """Re-read the configuration; rebuild when it changes what the engine knows."""
        new = self._resolve_config()
        old, self.config = self.config, new
        if force_rebuild or needs_rebuild(old, new):
            self.rebuilder.request(new)

    async def rebuild(self) -> dict[str, Any]:
        """Rebuild now (the `factlint.rebuild` command) and say what the engine holds."""
        self.config = self._resolve_config()
        await self.rebuilder.request(self.config)
        engine = self.rebuilder.engine
        if engine is None:
            return {"loaded": False}
        stats = engine.stats
        return {
            "loaded": True,
            "articles": stats.articles,
            "facts": stats.facts,
            "rules": stats.rules,
        }

    async def facts(self) -> str:
        """The fact base as Markdown (the `factlint.facts` command), read off the event loop."""
        await self.rebuilder.settled.wait()
        engine = self.rebuilder.engine
        if engine is None:
            return "# factlint has no fact base loaded\n"
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.check_executor, lambda: facts_markdown(engine.facts()))

    def watched_files_changed(self, changes: list[types.FileEvent]) -> None:
        paths = [Path(to_fs_path(change.uri) or change.uri) for change in changes]
        if any(self._is_input(path) for path in paths):
            self.reconfigure(force_rebuild=True)

    def _is_input(self, path: Path) -> bool:
        """Whether `path` is configuration, a corpus article, a rule or a fact file."""
        if path.name in CONFIG_NAMES:
            return True
        resolved = path.resolve()
        config = self.config
        folders = (*config.effective_corpus_dirs(), *config.effective_rule_dirs())
        return resolved in {p.resolve() for p in config.fact_files} or any(
            resolved.is_relative_to(folder.resolve()) for folder in folders
        )

    # --- building ----------------------------------------------------------------------------

    def status(self, state: str, message: str, **fields: Any) -> None:
        """The `factlint/status` notification that editor extensions show in a status bar."""
        self.server.protocol.notify(STATUS, {"state": state, "message": message, **fields})

    async def _begin_progress(self) -> ProgressSink:
        self.status("building", "loading the fact base")
        loop = asyncio.get_running_loop()
        token = None
        if self.progress_support:
            token = f"factlint-build-{uuid.uuid4().hex}"
            try:
                await self.server.work_done_progress.create_async(token)
                self.server.work_done_progress.begin(
                    token,
                    types.WorkDoneProgressBegin(
                        title="factlint", message="loading the fact base", percentage=0
                    ),
                )
            except Exception as error:
                self.log(types.MessageType.Log, f"progress reporting unavailable: {error}")
                token = None
        self._progress_token = token

        def report(message: str, fraction: float) -> None:
            if token is None:
                return
            value = types.WorkDoneProgressReport(
                message=message, percentage=max(0, min(100, int(fraction * 100)))
            )
            loop.call_soon_threadsafe(self.server.work_done_progress.report, token, value)

        return report

    def _end_progress(self, summary: str) -> None:
        if self._progress_token is not None:
            self.server.work_done_progress.end(
                self._progress_token, types.WorkDoneProgressEnd(message=summary)
            )
            self._progress_token = None

    async def _build_done(self, outcome: BuildOutcome) -> None:
        if outcome.engine is not None or outcome.rule_error is not None:
            self._publish_rule_problems(outcome.rule_error, outcome.fallback)
            if outcome.fallback and outcome.rule_error is None:
                self.show(
                    types.MessageType.Warning,
                    f"factlint: {outcome.error} (checking with built-in rules only)",
                )
        elif outcome.error is not None:
            kept = "keeping the previous fact base" if self.rebuilder.engine else "no fact base"
            self.show(types.MessageType.Error, f"factlint: {outcome.error} ({kept})")
        engine = self.rebuilder.engine
        if engine is None:
            self.status("error", outcome.summary)
        else:
            self._status_of(engine, "ready" if outcome.error is None else "error", outcome.summary)
        if outcome.engine is not None:
            self.sources = SourceFiles(self.encoding)
            self.log(types.MessageType.Info, outcome.summary)
            for item in outcome.engine.fact_base.skipped:
                self.log(types.MessageType.Warning, f"factlint: skipped {item.describe()}")
            self.recheck_all()
            await self._watch(outcome.config)

    def _status_of(self, engine: Engine, state: str, summary: str) -> None:
        stats = engine.stats
        skipped = [item.describe() for item in engine.fact_base.skipped]
        self.status(
            state,
            summary + (f", {len(skipped)} files skipped" if skipped else ""),
            facts=stats.facts,
            articles=stats.articles,
            skipped=len(skipped),
            skippedFiles=skipped[:MAX_LISTED_SKIPPED],
        )

    async def _first_checks(self) -> None:
        """Wait for the open documents' checks against the store as it stands, and their
        publishing: the sync after them would share the CPU with them."""
        uris = list(self.server.workspace.text_documents)
        await asyncio.gather(*(self.analyse(uri) for uri in uris), return_exceptions=True)
        for _ in range(2):
            await asyncio.sleep(0)  # the publishes waiting on those checks go first

    async def _caught_up(self, became: str) -> None:
        """The sync after the first checks: if the store changed, check the open drafts again."""
        engine = self.rebuilder.engine
        if became != "moved" or engine is None:
            return
        # the counts are the new state's: read on the check thread, between checks, in a snapshot
        # ended at once (an idle server holds none)
        await asyncio.get_running_loop().run_in_executor(self.check_executor, _read_latest, engine)
        stats = engine.stats
        summary = (
            f"factlint: {count(stats.facts, 'fact')} from {count(stats.articles, 'article')}, "
            "brought up to date with the corpus"
        )
        self.log(types.MessageType.Info, summary)
        self._status_of(engine, "ready", summary)
        self.recheck_all()

    def _publish_rule_problems(self, error: RuleFileError | None, fallback: bool) -> None:
        """Mark the broken rule or fact file, and clear the marks of files fixed since."""
        problems: dict[str, list[types.Diagnostic]] = {}
        if error is not None:
            indexes: dict[str, LineIndex | None] = {}
            for problem in error.problems:
                if problem.path not in indexes:
                    indexes[problem.path] = None
                    with contextlib.suppress(OSError):
                        text = Path(problem.path).read_text(encoding="utf-8", errors="replace")
                        indexes[problem.path] = LineIndex(text, self.encoding)
                diagnostic = rule_error_to_diagnostic(problem, indexes[problem.path])
                problems.setdefault(file_uri(Path(problem.path)), []).append(diagnostic)
            still = "built-in rules only" if fallback else "the last good rules"
            more = f" and {count(len(error.more), 'more problem')}" if error.more else ""
            first = error.problems[0].describe()
            self.show(types.MessageType.Warning, f"factlint: {first}{more} (checking with {still})")
        for uri in self._rule_problems - problems.keys():
            self._publish(uri, None, [])
        for uri, diagnostics in problems.items():
            self._publish(uri, None, diagnostics)
        self._rule_problems = set(problems)

    async def _watch(self, config: Config) -> None:
        """Ask the client to report changes to the corpus, rule and fact files."""
        if not self.watch_support:
            return
        folders = tuple(
            str(p.resolve())
            for p in (
                *config.effective_corpus_dirs(),
                *config.effective_rule_dirs(),
                *config.fact_files,
            )
        )
        if folders == self._watching:
            return
        watchers = [types.FileSystemWatcher(glob_pattern="**/{factlint,pyproject}.toml")]
        for folder in folders:
            pattern: types.GlobPattern = (
                types.RelativePattern(base_uri=file_uri(folder), pattern="**/*")
                if self.relative_patterns
                else f"{folder}/**/*"
            )
            watchers.append(types.FileSystemWatcher(glob_pattern=pattern))
        try:
            if self._watching is not None:
                await self.server.client_unregister_capability_async(
                    types.UnregistrationParams(
                        unregisterations=[
                            types.Unregistration(
                                id=WATCH_REGISTRATION,
                                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            )
                        ]
                    )
                )
            await self.server.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id=WATCH_REGISTRATION,
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )
            self._watching = folders
        except Exception as error:
            self.log(types.MessageType.Log, f"could not register file watchers: {error}")

    # --- checking ----------------------------------------------------------------------------

    def open_document(self, uri: str) -> TextDocument | None:
        if uri not in self.server.workspace.text_documents:
            return None
        return self.server.workspace.get_text_document(uri)

    @staticmethod
    def is_draft(document: TextDocument) -> bool:
        language = (document.language_id or "").lower()
        return language in DRAFT_LANGUAGES or Path(document.path).suffix.lower() in DRAFT_SUFFIXES

    def changed(self, uri: str) -> None:
        self._changed_at[uri] = time.perf_counter()
        self.schedule(uri, self.config.debounce_ms)

    def schedule(self, uri: str, delay_ms: int = 0) -> None:
        """Check `uri` after `delay_ms` and publish (push mode; a pulling client asks itself)."""
        if self.pull:
            return
        self.debouncer.schedule(uri, delay_ms, lambda: self.publish_check(uri))

    def recheck_all(self) -> None:
        if self.pull:
            self._refresh()
            return
        for uri in list(self.server.workspace.text_documents):
            self.schedule(uri)

    def saved(self, uri: str) -> None:
        """A saved rule, fact or corpus file rebuilds the fact base; a saved draft is re-checked."""
        if self._is_input(Path(to_fs_path(uri) or uri)):
            self.reconfigure(force_rebuild=True)
        else:
            self.schedule(uri)

    def closed(self, uri: str) -> None:
        self.debouncer.cancel(uri)
        self.analyses.pop(uri, None)
        self._changed_at.pop(uri, None)
        self._published.pop(uri, None)
        self._first_check.pop(uri, None)
        self._parts_shown.discard(uri)
        self.pulled.closed(uri)
        self._skipped.discard(uri)
        if not self.pull and uri not in self._rule_problems:
            self._publish(uri, None, [])

    async def publish_check(self, uri: str) -> None:
        started = time.perf_counter()
        if uri not in self._published:
            self._first_check.setdefault(uri, started)  # nothing shown yet: part by part
        analysis = await self.analyse(uri)
        document = self.open_document(uri)
        if analysis is None or document is None or document.version != analysis.version:
            return
        if self._published.get(uri) == analysis.result_id:
            return
        self._published[uri] = analysis.result_id
        asked = self._first_check.pop(uri, None)
        self._publish(uri, analysis.version, analysis.items)
        if uri in self._parts_shown:
            self._parts_shown.discard(uri)
            self._trace_whole(uri, analysis, asked or started)
        self._trace_timing(uri, analysis, started)

    def _trace_timing(self, uri: str, analysis: Analysis, started: float) -> None:
        changed = self._changed_at.pop(uri, None)
        if changed is None or self.server.protocol.trace == types.TraceValue.Off:
            return
        now = time.perf_counter()
        self.server.log_trace(
            types.LogTraceParams(
                message=(
                    f"published {uri} version {analysis.version}: "
                    f"work {1000 * (now - started):.2f} ms; "
                    f"since change {1000 * (now - changed):.2f} ms; "
                    f"debounce {self.config.debounce_ms} ms"
                )
            )
        )

    async def analyse(self, uri: str) -> Analysis | None:
        """The analysis of the document's current version, computed once per version."""
        await self.rebuilder.settled.wait()
        document = self.open_document(uri)
        if document is None or not (self.is_draft(document) or self.is_source(document)):
            return None
        cached = self._stored(uri)
        if cached is not None:
            return cached
        generation = self.rebuilder.generation
        key = (uri, document.version, generation)
        future = self._inflight.get(key)
        if future is None:
            future = asyncio.ensure_future(self._compute(uri, document.version, document.source, generation))
            self._inflight[key] = future
            future.add_done_callback(lambda _: self._inflight.pop(key, None))
        return await asyncio.shield(future)

    async def _compute(self, uri: str, version: int | None, text: str, generation: int) -> Analysis:
        """Check one version; a document that cannot be checked gets an empty analysis."""
        empty = Analysis(uri, version, generation, LineIndex("", self.encoding), Report(), ())
        engine = self.rebuilder.engine
        problem = unsuitable(text)
        if problem is not None:
            if uri not in self._skipped:
                self._skipped.add(uri)
                self.log(types.MessageType.Warning, f"factlint: not checking {uri}: {problem}")
            analysis = empty
        elif engine is None:
            analysis = empty
        else:
            self._skipped.discard(uri)
            loop = asyncio.get_running_loop()
            parts = self._parts(loop, uri)
            try:
                analysis = await loop.run_in_executor(
                    self.check_executor, self._check, engine, uri, version, text, generation, parts
                )
            except Exception as error:
                log.exception("checking %s failed", uri)
                self.log(types.MessageType.Error, f"factlint: checking {uri} failed: {error!r}")
                analysis = empty
        if self.open_document(uri) is not None:  # closed meanwhile: nothing to keep
            self.analyses[uri] = analysis
            self.pulled.finished(analysis)
        return analysis

    def _parts(self, loop: asyncio.AbstractEventLoop, uri: str) -> Callable[[Analysis], None] | None:
        """What publishes the first parts of a draft none of whose diagnostics is shown yet (or
        keeps them for a pull: `lsp.pulled`), called on the check thread (see `FIRST_PART_CHARS`);
        None for any other check."""
        on_loop: Callable[[Analysis], None]
        if self.pull:
            if not self._parts_pulled(uri):
                return None
            on_loop = self.pulled.add
        elif uri in self._first_check:
            on_loop = self._publish_part
        else:
            return None

        def hand_over(analysis: Analysis) -> None:
            loop.call_soon_threadsafe(on_loop, analysis)

        return hand_over

    def _publish_part(self, analysis: Analysis) -> None:
        """Publish a first check's diagnostics so far, if the whole draft's are not published yet
        and it is still open at the version checked."""
        uri = analysis.uri
        document = self.open_document(uri)
        asked = self._first_check.get(uri)
        if asked is None or document is None or document.version != analysis.version:
            return
        self._parts_shown.add(uri)
        # said before it is sent: a client timing the first publish knows the whole one follows
        self._trace(f"publishing {uri} version {analysis.version} (part)", asked)
        self._publish(uri, analysis.version, analysis.items)

    def _trace_whole(self, uri: str, analysis: Analysis, asked: float) -> None:
        """After its parts, say that the whole draft is published (the bench waits for it)."""
        self._trace(f"published {uri} version {analysis.version} (whole draft)", asked)

    def _trace(self, what: str, since: float) -> None:
        if self.server.protocol.trace != types.TraceValue.Off:
            elapsed = 1000 * (time.perf_counter() - since)
            self.server.log_trace(types.LogTraceParams(message=f"{what}: {elapsed:.2f} ms since asked"))

    def _shown(self, report: Report) -> list[Finding]:
        return report.findings + report.unsourced_claims if self.config.show_unsourced else report.findings

    def _check(
        self,
        engine: Engine,
        uri: str,
        version: int | None,
        text: str,
        generation: int,
        parts: Callable[[Analysis], None] | None = None,
    ) -> Analysis:
        """On the check thread: run the engine and convert its findings.

        A corpus article is not a draft: it shows where it disagrees with other sources.
        """
        index = LineIndex(text, self.encoding)
        path = to_fs_path(uri)
        if path is not None and self._in_corpus(Path(path)):
            resolved = str(Path(path).resolve())
            found = conflict_findings(engine.conflicts_in(resolved), resolved, text)
            return Analysis(uri, version, generation, index, Report(), self._diagnostics(found, index))
        try:
            # the hover asks for the audit's conflicts: keystrokes stay cheap
            where = str(Path(path).resolve()) if path else None
            progress = None
            if parts is not None:
                publish = parts
                count = 0

                def ready(report: Report) -> None:
                    nonlocal count
                    count += 1
                    shown = self._diagnostics(self._shown(report), index)
                    publish(Analysis(uri, version, generation, index, report, shown, part=count))

                progress = _progress(ready)
            report = engine.check(checkable(text), note_conflicts=False, path=where, progress=progress)
        except FrontMatterError as problem:
            marked = problem_to_diagnostic(
                problem.line, problem.column, problem.message, index, FRONT_MATTER_CODE
            )
            return Analysis(uri, version, generation, index, Report(), (), problems=(marked,))
        return Analysis(
            uri, version, generation, index, report, self._diagnostics(self._shown(report), index)
        )

    def _diagnostics(
        self, findings: list[Finding], index: LineIndex
    ) -> tuple[tuple[Finding, types.Diagnostic], ...]:
        pairs = []
        for finding in findings:
            diagnostic = finding_to_diagnostic(finding, index, self.sources, self.support)
            if diagnostic is not None:
                pairs.append((finding, diagnostic))
        return tuple(pairs)

    def is_source(self, document: TextDocument) -> bool:
        """Whether the document is an article of the corpus (it shows its conflicts)."""
        return self._in_corpus(Path(document.path))

    def _in_corpus(self, path: Path) -> bool:
        resolved = path.resolve()
        return any(resolved.is_relative_to(d.resolve()) for d in self.config.effective_corpus_dirs())

    # --- requests ----------------------------------------------------------------------------

    async def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        analysis = await self.analyse(uri)
        if analysis is None:
            return None
        offset = analysis.index.offset(position)
        item = _item_at(analysis, offset)
        if item is None:
            return None
        conflicts = await self._conflicts(item)
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=hover_markdown(item, conflicts)
            ),
            range=analysis.index.range(item.start, item.end),
        )

    async def code_actions(self, uri: str, where: types.Range) -> list[types.CodeAction] | None:
        analysis = await self.analyse(uri)
        if analysis is None:
            return None
        start, end = analysis.index.offset(where.start), analysis.index.offset(where.end)
        actions: list[types.CodeAction] = []
        for finding, diagnostic in analysis.diagnostics:
            if finding.rule == CONFLICT_RULE:
                continue  # which source is right is the reader's call, not a fix
            if finding.start <= end and start <= finding.end:
                actions += actions_for(
                    finding, diagnostic, uri, analysis.version, analysis.index, self.versioned_edits
                )
        return actions

    async def pull_diagnostics(
        self, uri: str, previous_result_id: str | None
    ) -> types.DocumentDiagnosticReport:
        """The report of the document as it is when answered: a part of its first check if the
        client can be asked to pull again (`lsp.pulled`), else the whole draft's."""
        asked = time.perf_counter()
        while True:
            document = self.open_document(uri)
            if document is None:
                return types.RelatedFullDocumentDiagnosticReport(items=[])
            if self._parts_pulled(uri):
                analysis = await self.pulled.first_known(
                    uri, document.version, previous_result_id, self.analyse(uri), lambda: self._stored(uri)
                )
            else:
                analysis = await self.analyse(uri)
            if analysis is None:
                return types.RelatedFullDocumentDiagnosticReport(items=[])
            now = self.open_document(uri)
            if now is not None and now.version == analysis.version:
                break  # else edited meanwhile: that report is stale
        after_parts = self.pulled.answered(uri, partial=analysis.part > 0)
        if analysis.part:
            self._trace(f"answering pull of {uri} version {analysis.version} (part)", asked)
        elif after_parts:
            self._trace(f"answering pull of {uri} version {analysis.version} (whole draft)", asked)
        if previous_result_id == analysis.result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=analysis.result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=analysis.items, result_id=analysis.result_id)

    def _parts_pulled(self, uri: str) -> bool:
        """Whether a pull of `uri` may be answered with a part of its first check (`lsp.pulled`)."""
        return self.refresh_support and self.pulled.wanted(uri)

    def _stored(self, uri: str) -> Analysis | None:
        """The stored analysis of the document's current version, if it is checked already."""
        document = self.open_document(uri)
        cached = self.analyses.get(uri)
        if document is None or cached is None:
            return None
        if cached.version != document.version or cached.generation != self.rebuilder.generation:
            return None
        return cached

    # --- talking to the client ---------------------------------------------------------------

    def _refresh(self) -> None:
        """Ask a pulling client to pull every open document again, if it takes that request and
        has not asked the server to shut down: a check that ends later (they are not stopped)
        would ask it after `exit` has closed the pipe, where pygls's error report about that
        write fails in turn, without end."""
        if self.refresh_support and not self.stopped:
            self.server.workspace_diagnostic_refresh(None)

    def _publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def log(self, kind: types.MessageType, message: str) -> None:
        self.server.window_log_message(types.LogMessageParams(type=kind, message=message))

    def show(self, kind: types.MessageType, message: str) -> None:
        self.log(kind, message)
        self.server.window_show_message(types.ShowMessageParams(type=kind, message=message))

    async def _conflicts(self, item: Finding | Confirmation) -> tuple[Conflict, ...]:
        """The audit's conflicts among the facts a finding cites: computed when hovered, on the
        check thread, not for every finding of every keystroke."""
        engine = self.rebuilder.engine
        if engine is None or not isinstance(item, Finding) or not item.sources:
            return ()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self.check_executor, lambda: citing(engine.conflicts_of(item.sources), item)
        )

    def shutdown(self) -> None:
        self.stopped = True
        self.debouncer.cancel_all()
        self.check_executor.shutdown(wait=False, cancel_futures=True)


def _progress(ready: Callable[[Report], None]) -> Progress:
    """The engine's `Progress` for a draft's first check (the engine is imported by now)."""
    from factlint.engine import Progress

    return Progress(FIRST_PART_CHARS, ready)


def _read_latest(engine: Engine) -> None:
    """Move a following engine's store to the latest committed state (its counters with it)."""
    with engine.fact_base.reading():
        pass


def _item_at(analysis: Analysis, offset: int) -> Finding | Confirmation | None:
    """The shown finding (else the confirmation) whose span holds `offset`, its end included."""
    items: list[Finding | Confirmation] = [f for f, _ in analysis.diagnostics]
    items += analysis.report.confirmations
    return next((i for i in items if i.start <= offset <= i.end), None)
