"""The benchmark run: generate the inputs, measure every figure at every corpus size, judge.

Each measurement is its own process (`bench.probe`, `factlint lint`, `factlint
serve`), so memory and caches are its own. Sizes run smallest first; the figures
of the table are read at the reference size (the archive of 10,000 articles),
and every figure is also kept per size for the scaling table.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from bench import lsp_latency
from bench.figures import figure_row
from bench.generate import DRAFT_DATE, draft_text, labelled_draft, word_count, write_corpus


@dataclass(frozen=True)
class Plan:
    sizes: tuple[int, ...]
    """Corpus sizes, in articles, smallest first."""
    small: int
    large: int
    """Draft lengths in words."""
    reference: int
    """The corpus size the table's figures are read at."""
    places: int
    """Places typed into per draft (each gets `lsp_latency.TYPED`, one keystroke per character)."""
    repeat: int
    """Runs of each in-process timing (lookup) and of the server's start to first diagnostics."""
    corroborate_max: int
    """The largest corpus `corroborate` checks the small draft against: it rescans the whole
    corpus for every number of the draft, so its cost is numbers x corpus size."""
    corroborate_large_max: int
    """The same for the large draft (at 1,000 articles it would take about 5 minutes)."""
    everywhere: tuple[int, ...] = (5, 1_000, 10_000)
    """Sizes where every figure is measured; at the others build, lookup, quality and first
    diagnostics (and load, above the reference size)."""
    quality_words: int = 10_000
    """The labelled draft recall and precision are counted on (about 50 changed values)."""
    seed: int = 2024


DEFAULT = Plan(sizes=(5, 1_000, 10_000), small=2_000, large=20_000, reference=10_000, places=5, repeat=5,
               corroborate_max=1_000, corroborate_large_max=5)  # fmt: skip
FULL = Plan(sizes=(5, 1_000, 10_000, 100_000, 1_000_000), small=2_000, large=20_000, reference=10_000,
            places=5, repeat=5, corroborate_max=1_000, corroborate_large_max=5)  # fmt: skip
SMOKE = Plan(sizes=(5, 30), small=150, large=400, reference=30, places=1, repeat=1, corroborate_max=30,
             corroborate_large_max=0, everywhere=(30,), quality_words=300)  # fmt: skip

Log = Callable[[str], None]


def _probe(
    task: str, corpus: Path, cache: Path, draft: Path | None = None, repeat: int = 1
) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.probe", task, "--corpus", str(corpus), "--cache", str(cache)]
    if draft is not None:
        command += ["--draft", str(draft), "--repeat", str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=_root())
    if done.returncode != 0:
        raise RuntimeError(f"bench probe {task} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _root() -> Path:
    return Path(__file__).resolve().parent.parent


def lint(corpus: Path, cache: Path, drafts: list[Path], out: Path) -> dict[str, Any]:
    """`factlint lint` as a whole process: wall time, words per second and its peak RSS."""
    command = [sys.executable, "-m", "factlint", "lint", "--seeds", str(corpus), "--cache-dir", str(cache),
               "--date", DRAFT_DATE.isoformat(), "--format", "json", "-o", str(out), "--exit-zero",
               *map(str, drafts)]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"factlint lint failed ({process.returncode}):\n{stderr[-3000:]}")
    words = sum(word_count(d.read_text(encoding="utf-8")) for d in drafts)
    findings = json.loads(out.read_text(encoding="utf-8"))
    return {
        "seconds": seconds,
        "words": words,
        "words_per_s": words / seconds,
        "findings": len(findings) if isinstance(findings, list) else None,
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }


def server(corpus: Path, cache: Path, draft: Path, places: int, log: Log) -> dict[str, Any]:
    """The LSP figures; run again if the fact base was rebuilt (the package changed under us)."""
    return _from_cache(lambda: lsp_latency.measure(corpus, cache, draft, places), log)


def pulling_server(corpus: Path, cache: Path, draft: Path, log: Log) -> dict[str, Any]:
    """`server`'s start for an editor that pulls diagnostics (and takes refresh requests)."""
    return _from_cache(lambda: lsp_latency.measure_pull(corpus, cache, draft), log)


def _from_cache(measure: Callable[[], Coroutine[Any, Any, dict[str, Any]]], log: Log) -> dict[str, Any]:
    result = asyncio.run(measure())
    if not result["from_cache"]:
        log("    the server rebuilt the fact base (its code changed since the build): measuring again")
        result = asyncio.run(measure())
    return result


def first_diagnostics(corpus: Path, cache: Path, draft: Path, runs: int, log: Log) -> dict[str, Any]:
    """Process start -> the answer to `initialize`, -> first diagnostics (a long draft's first
    screen) and -> the whole draft's, `runs` servers in turn: median and spread; the same to
    the first answer to a pull and to the whole draft's, `runs` more servers, each started
    after a pushing one."""
    measured, pulled = [], []
    for _ in range(runs):
        measured.append(server(corpus, cache, draft, 0, log))
        pulled.append(pulling_server(corpus, cache, draft, log))
    seconds = [m["first_diagnostics_s"] for m in measured]
    cpu = [m["first_diagnostics_cpu_s"] for m in measured]
    initialize = [m["initialize_s"] for m in measured]
    whole = [m["whole_diagnostics_s"] for m in measured]
    whole_cpu = [m["whole_diagnostics_cpu_s"] for m in measured]
    return {
        **_spread("pull_", [p["first_pull_s"] for p in pulled]),
        **_spread("pull_cpu_", [p["first_pull_cpu_s"] for p in pulled]),
        **_spread("pull_whole_", [p["whole_pull_s"] for p in pulled]),
        **_spread("pull_whole_cpu_", [p["whole_pull_cpu_s"] for p in pulled]),
        "pull_count": pulled[0]["first_pull_count"],
        "pull_whole_count": pulled[0]["whole_pull_count"],
        "whole_median_s": statistics.median(whole),
        "whole_min_s": min(whole),
        "whole_max_s": max(whole),
        "whole_cpu_median_s": statistics.median(whole_cpu),
        "whole_cpu_min_s": min(whole_cpu),
        "whole_cpu_max_s": max(whole_cpu),
        "first_count": measured[0]["first_diagnostics_count"],
        "whole_count": measured[0]["whole_diagnostics_count"],
        "initialize_median_s": statistics.median(initialize),
        "initialize_min_s": min(initialize),
        "initialize_max_s": max(initialize),
        "cpu_median_s": statistics.median(cpu),
        "cpu_min_s": min(cpu),
        "cpu_max_s": max(cpu),
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "runs": len(seconds),
    }


def _spread(prefix: str, values: list[float]) -> dict[str, float]:
    """Median, min and max of `values` under `prefix` (as `report._spread` reads them)."""
    return {
        f"{prefix}median_s": statistics.median(values),
        f"{prefix}min_s": min(values),
        f"{prefix}max_s": max(values),
    }


def measure(plan: Plan, work: Path, log: Log, partial_json: Path | None = None) -> dict[str, Any]:
    """Run the plan under `work`; returns everything measured, keyed by corpus size."""
    drafts = {}
    for words in (plan.small, plan.large):
        path = work / "drafts" / f"draft-{words}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(draft_text(plan.seed, words), encoding="utf-8")
        drafts[words] = path
    labelled = work / "drafts" / "draft-quality.md"
    text, labels = labelled_draft(plan.seed, plan.quality_words, "quality")
    labelled.write_text(text, encoding="utf-8")
    labelled.with_suffix(".labels.json").write_text(json.dumps([vars(x) for x in labels]), encoding="utf-8")
    drafts[0] = labelled
    per_size: dict[int, dict[str, Any]] = {}
    for size in plan.sizes:
        log(f"corpus of {size:,} articles")
        corpus = write_corpus(work / f"corpus-{size}", size, plan.seed)
        cache = work / f"cache-{size}"
        shutil.rmtree(cache, ignore_errors=True)
        per_size[size] = _measure_size(plan, size, corpus, cache, drafts, work, log)
        if partial_json is not None:  # a long run stopped at a larger size keeps what it measured
            partial_json.write_text(json.dumps({str(n): row for n, row in per_size.items()}, indent=1))
    return {
        "drafts": {w: word_count(p.read_text(encoding="utf-8")) for w, p in drafts.items() if w},
        "sizes": per_size,
    }


def _measure_size(
    plan: Plan, size: int, corpus: Path, cache: Path, drafts: dict[int, Path], work: Path, log: Log
) -> dict[str, Any]:
    small, large = drafts[plan.small], drafts[plan.large]
    everything = size in plan.everywhere or size == plan.reference
    row: dict[str, Any] = {}
    row["build"] = _step(log, "build, cold", partial(_probe, "build", corpus, cache))
    if everything or size > plan.reference:
        row["load"] = _step(log, "load from cache", partial(_probe, "load", corpus, cache))
    if everything:
        row["rebuild"] = _step(log, "rebuild after one article", partial(_probe, "rebuild", corpus, cache))
    row["lookup"] = _step(log, "lookup", partial(_probe, "lookup", corpus, cache, small, plan.repeat))
    row["quality"] = _step(log, "recall and precision", partial(_probe, "quality", corpus, cache, drafts[0]))
    row["first_diagnostics"] = _step(
        log, "start -> first diagnostics", partial(first_diagnostics, corpus, cache, small, plan.repeat, log)
    )
    if not everything:
        return row
    chosen = [small, large] if size == plan.reference else [small]
    row["lint"] = _step(
        log, "factlint lint", partial(lint, corpus, cache, chosen, work / f"lint-{size}.json")
    )
    row["lsp_small"] = _step(
        log, "server, small draft", partial(server, corpus, cache, small, plan.places, log)
    )
    if size == plan.reference:
        row["lsp_large"] = _step(
            log, "server, large draft", partial(server, corpus, cache, large, plan.places, log)
        )
    limits = {plan.small: plan.corroborate_max, plan.large: plan.corroborate_large_max}
    for words, draft in drafts.items():
        if words in limits and size <= limits[words]:
            row[f"check_{words}"] = _step(
                log, f"engine.check, {words} words", partial(_probe, "check", corpus, cache, draft)
            )
            row[f"corroborate_{words}"] = _step(
                log, f"corroborate, {words} words", partial(_probe, "corroborate", corpus, cache, draft)
            )
    return row


def _step(log: Log, name: str, action: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    started = time.perf_counter()
    result = action()
    log(f"  {name}: {time.perf_counter() - started:.1f} s")
    return result


def judge(plan: Plan, measured: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of the table, read at the reference size (lookup: across all sizes)."""
    sizes = measured["sizes"]
    ref = sizes[plan.reference]
    at = f"{plan.reference:,} articles"
    small, large = f"{plan.small:,}-word draft", f"{plan.large:,}-word draft"
    lookups = [sizes[n]["lookup"]["seconds_per_claim"] for n in plan.sizes]
    growth = lookups[-1] / lookups[0] if lookups[0] > 0 else None
    build = ref["build"]
    return [
        figure_row("keystroke_2k", ref["lsp_small"]["keystroke_ms_median"], f"{at}, {small}",
                   p90=ref["lsp_small"]["keystroke_ms_p90"], cpu_ms=ref["lsp_small"]["keystroke_cpu_ms_mean"],
                   server_reported_ms=ref["lsp_small"]["server_work_ms_median"]),
        figure_row("keystroke_20k", ref["lsp_large"]["keystroke_ms_median"], f"{at}, {large}",
                   p90=ref["lsp_large"]["keystroke_ms_p90"], cpu_ms=ref["lsp_large"]["keystroke_cpu_ms_mean"],
                   server_reported_ms=ref["lsp_large"]["server_work_ms_median"]),
        figure_row("first_diagnostics", ref["lsp_small"]["first_diagnostics_s"], f"{at}, {small}",
                   large_draft_s=ref["lsp_large"]["first_diagnostics_s"],
                   whole_draft_s=ref["lsp_small"]["whole_diagnostics_s"],
                   pulled_median_s=ref["first_diagnostics"]["pull_median_s"]),
        figure_row("build_cold", build["articles_per_cpu_s"], f"{at}, one process",
                   wall_articles_per_s=build["articles_per_s"], seconds=build["seconds"]),
        figure_row("load_cache", ref["load"]["seconds"], at, cache_key_s=ref["load"]["cache_key_seconds"],
                   cache_mb=ref["load"]["cache_mb"]),
        figure_row("rebuild_one", ref["rebuild"]["seconds"], at),
        figure_row("lookup_growth", growth, f"{plan.sizes[0]:,} -> {plan.sizes[-1]:,} articles",
                   ms_per_claim={f"{n}": 1000 * v for n, v in zip(plan.sizes, lookups, strict=True)}),
        figure_row("lint_throughput", ref["lint"]["words_per_s"], f"{at}, both drafts, whole process",
                   seconds=ref["lint"]["seconds"]),
        figure_row("peak_rss", ref["lint"]["peak_rss_mb"], f"{at}, `factlint lint`",
                   build_peak_mb=build["peak_rss_mb"], load_peak_mb=ref["load"]["peak_rss_mb"]),
    ]  # fmt: skip


def comparisons(plan: Plan, measured: dict[str, Any]) -> list[dict[str, Any]]:
    """factlint's `engine.check` against `corroborate` on the same draft and corpus, in-process."""
    rows = []
    for size, row in measured["sizes"].items():
        for words in (plan.small, plan.large):
            ours, theirs = row.get(f"check_{words}"), row.get(f"corroborate_{words}")
            if ours is None or theirs is None:
                continue
            rows.append(
                {
                    "articles": size,
                    "draft_words": ours["words"],
                    "factlint_words_per_s": ours["words_per_s"],
                    "corroborate_words_per_s": theirs["words_per_s"],
                    "ratio": ours["words_per_s"] / theirs["words_per_s"],
                    "factlint_findings": ours["findings"],
                    "corroborate_flagged_spans": theirs["flagged_spans"],
                }
            )
    return rows
