"""The results as a table on the terminal and as JSON, with the machine they were measured on."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any


def machine() -> dict[str, Any]:
    """What the figures depend on: CPUs, memory, Python, the commit, and the load right now."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    if hasattr(os, "sysconf"):
        memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gib": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return done.stdout.strip()


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit in ("articles/s", "words/s"):
        return f"{value:,.0f} {unit}"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:,.3g} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def table(rows: list[dict[str, Any]]) -> str:
    """The figures against their targets, as a Markdown table (readable as plain text too)."""
    lines = ["| figure | where | measured | target | met |", "|---|---|---|---|---|"]
    for row in rows:
        met = {True: "yes", False: "**no**", None: "-"}[row["met"]]
        lines.append(
            f"| {row['figure']} | {row['where']} | {_number(row['value'], row['unit'])} "
            f"| {row['target']} | {met} |"
        )
    return "\n".join(lines)


def scaling(sizes: dict[int, dict[str, Any]]) -> str:
    """How each figure moves with the corpus, one column per size."""
    columns = sorted(sizes)
    lines = [
        "| figure | " + " | ".join(f"{n:,} articles" for n in columns) + " |",
        "|---|" + "---|" * len(columns),
    ]

    def line(name: str, cell: Any) -> None:
        cells = []
        for n in columns:
            try:
                cells.append(cell(sizes[n]))
            except (KeyError, TypeError):
                cells.append("-")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")

    line("build, cold (articles/CPU-s)", lambda s: f"{s['build']['articles_per_cpu_s']:,.0f}")
    line("build, cold (s wall)", lambda s: f"{s['build']['seconds']:,.1f}")
    line("facts", lambda s: f"{s['build']['facts']:,}")
    line("store bytes per article", lambda s: f"{s['build']['store_bytes_per_article']:,.0f}")
    line("load from cache (s)", lambda s: f"{s['load']['seconds']:.2f}")
    line("cache file (MB)", lambda s: f"{s['load']['cache_mb']:,.1f}")
    line("rebuild after one change (s)", lambda s: f"{s['rebuild']['seconds']:,.1f}")
    line("lookup per claim (ms, median [min-max])", lambda s: _spread(s["lookup"], "seconds_per_claim", 1000))
    line(
        "lookup per claim, CPU (ms, median [min-max])",
        lambda s: _spread(s["lookup"], "cpu_seconds_per_claim", 1000),
    )
    line(
        "recall (changed values in corpus)",
        lambda s: _share(s["quality"], "hits", "changed_values_in_corpus"),
    )
    line(
        "precision (findings on changed values)", lambda s: _share(s["quality"], "true_findings", "findings")
    )
    line("lint, whole process (words/s)", lambda s: f"{s['lint']['words_per_s']:,.0f}")
    line("lint peak RSS (MB)", lambda s: f"{s['lint']['peak_rss_mb']:,.0f}")
    line(
        "build peak RSS (MB, parent / largest worker)",
        lambda s: f"{s['build']['peak_rss_mb']:,.0f} / {s['build']['worker_peak_rss_mb']:,.0f}",
    )
    line(
        "start -> first diagnostics (s, median [min-max])", lambda s: _spread(s["first_diagnostics"], "s", 1)
    )
    line("start -> first diagnostics, server CPU (s)", lambda s: _spread(s["first_diagnostics"], "cpu_s", 1))

    def whole(key: str) -> Callable[[dict[str, Any]], str]:
        """The whole draft's figure, "-" for a run from before the bench timed it."""
        return lambda s: (
            _spread(s["first_diagnostics"], key, 1) if "whole_median_s" in s["first_diagnostics"] else "-"
        )

    line("start -> the whole draft's diagnostics (s)", whole("whole_s"))
    line("the same, server CPU (s)", whole("whole_cpu_s"))

    def pulled(key: str) -> Callable[[dict[str, Any]], str]:
        """A pulling editor's figure, "-" for a run from before the bench timed it."""
        return lambda s: (
            _spread(s["first_diagnostics"], key, 1) if "pull_median_s" in s["first_diagnostics"] else "-"
        )

    line("start -> first pulled diagnostics (s)", pulled("pull_s"))
    line("the same, server CPU (s)", pulled("pull_cpu_s"))
    line("start -> the whole draft's, pulled (s)", pulled("pull_whole_s"))
    line("the same, server CPU (s)", pulled("pull_whole_cpu_s"))
    line("start -> answer to initialize (s)", lambda s: _spread(s["first_diagnostics"], "initialize_s", 1))
    line("keystroke, small draft (ms)", lambda s: f"{s['lsp_small']['keystroke_ms_median']:.0f}")
    return "\n".join(lines)


_SECONDS = ("s", "cpu_s", "initialize_s", "whole_s", "whole_cpu_s", "pull_s", "pull_cpu_s", "pull_whole_s",
            "pull_whole_cpu_s")  # fmt: skip
"""The `first_diagnostics` figures kept as `{prefix}median_s`, `{prefix}min_s`, `{prefix}max_s`."""


def _spread(row: dict[str, Any], name: str, scale: float) -> str:
    """A median with its range and the number of runs (`seconds_per_claim` or the `*_s` figures)."""
    if name in _SECONDS:
        prefix = name[:-1]  # "", "cpu_", "initialize_", "whole_", "pull_whole_cpu_", ...
        median, low, high = row[f"{prefix}median_s"], row[f"{prefix}min_s"], row[f"{prefix}max_s"]
    else:
        median, low, high = row[name], row[f"{name}_min"], row[f"{name}_max"]
    return f"{scale * median:.2f} [{scale * low:.2f}-{scale * high:.2f}] x{row['runs']}"


def _share(row: dict[str, Any], part: str, whole: str) -> str:
    if not row[whole]:
        return f"- (0/{row[whole]})"
    return f"{row[part] / row[whole]:.2f} ({row[part]}/{row[whole]})"


def comparison_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| articles | draft words | factlint words/s | corroborate words/s | factlint / corroborate |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['articles']:,} | {r['draft_words']:,} | {r['factlint_words_per_s']:,.0f} "
            f"| {r['corroborate_words_per_s']:,.0f} | {r['ratio']:.2f}x |"
        )
    return "\n".join(lines)
