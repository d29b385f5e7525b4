"""One in-process measurement, run as its own process: `python -m bench.probe TASK ...`.

Each task starts in a fresh interpreter, so peak memory (ru_maxrss) and caches
belong to that task alone. It prints one JSON object on stdout.

Tasks:
- `build`: open the engine on an empty cache folder (a cold build) and cache it.
- `load`: open it again from the cache; also times the cache key (hashing the corpus).
- `rebuild`: change one article, open the engine, put the article back.
- `lookup`: the fact lookup per claim of a draft (candidates and their alignment).
- `check`: `engine.check` throughput on drafts, with an empty paragraph memo.
- `corroborate`: the `corroborate` package on the same drafts and corpus.
- `quality`: recall and precision on a labelled draft (`DRAFT.labels.json` beside it).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generate import DRAFT_DATE, word_count

WARM_UP = "On May 2, the 14 councillors of Ostvale met Mayor Ana Ruiz in Porto for 3 hours.\n"
"""Checked before timing, so lazy imports and first-call set-up are not counted as checking."""


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _config(corpus: Path, cache: Path) -> Any:
    from factlint.config import Config

    return Config(corpus_dirs=(corpus.resolve(),), cache_dir=cache.resolve(), draft_date=DRAFT_DATE)


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _timed_cpu(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds, worker processes included: on a shared machine the steadier figure."""
    cpu = _cpu_seconds()
    wall, result = _timed(action)
    return wall, _cpu_seconds() - cpu, result


def _cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _sentence_count(fact_base: Any) -> int | None:
    """Sentences in the fact base, whichever store holds them (in-memory lists or SQLite)."""
    count = getattr(fact_base, "sentence_count", None)
    if count is None and hasattr(fact_base, "sentences"):
        count = len(fact_base.sentences)
    return count if isinstance(count, int) else None


def _cache_mb(cache: Path) -> float:
    return sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6


def _key_function() -> Callable[[Any], str]:
    """What decides which cached base serves a configuration (its name changed with the store)."""
    from factlint.corpus import factbase

    found = getattr(factbase, "store_key", None) or getattr(factbase, "cache_key", None)
    if found is None:
        raise SystemExit("bench: factlint.corpus.factbase has neither store_key nor cache_key")
    return found  # type: ignore[no-any-return]


def build(args: argparse.Namespace) -> dict[str, Any]:
    from factlint.engine import Engine
    from factlint.text.nlp import pipeline

    pipeline()  # spaCy's import and the blank pipeline are start-up, not building
    seconds, cpu, engine = _timed_cpu(lambda: Engine.open(_config(args.corpus, args.cache)))
    stats = engine.stats
    if stats.from_cache:
        raise SystemExit("bench: the cache folder was not empty; a cold build needs an empty one")
    store_bytes = engine.fact_base.size_bytes() if hasattr(engine.fact_base, "size_bytes") else None
    return {
        "seconds": seconds,
        "articles": stats.articles,
        "facts": stats.facts,
        "store_bytes": store_bytes,
        "store_bytes_per_article": store_bytes / stats.articles if store_bytes else None,
        "sentences": _sentence_count(engine.fact_base),
        "cpu_seconds": cpu,
        "articles_per_s": stats.articles / seconds,
        "articles_per_cpu_s": stats.articles / cpu,
        "peak_rss_mb": peak_rss_mb(),
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def load(args: argparse.Namespace) -> dict[str, Any]:
    from factlint.engine import Engine
    from factlint.text.nlp import pipeline

    pipeline()
    config = _config(args.corpus, args.cache)
    key = _key_function()
    key_seconds, _ = _timed(lambda: key(config))
    seconds, engine = _timed(lambda: Engine.open(config))
    rebuilt = not engine.stats.from_cache
    if rebuilt:  # the rules changed since `build` (someone edited them): now it is cached
        seconds, engine = _timed(lambda: Engine.open(config))
    return {
        "seconds": seconds,
        "cache_key_seconds": key_seconds,
        "rebuilt_first": rebuilt,
        "articles": engine.stats.articles,
        "cache_mb": _cache_mb(args.cache),
        "peak_rss_mb": peak_rss_mb(),
    }


def rebuild(args: argparse.Namespace) -> dict[str, Any]:
    from factlint.engine import Engine
    from factlint.text.nlp import pipeline

    pipeline()
    config = _config(args.corpus, args.cache)
    article = sorted(args.corpus.rglob("*.md"))[len(list(args.corpus.rglob("*.md"))) // 2]
    original = article.read_text(encoding="utf-8")
    try:
        article.write_text(original + "\nThe Quarnex depot employs 412 cleaners.\n", encoding="utf-8")
        seconds, cpu, engine = _timed_cpu(lambda: Engine.open(config))
        # the added sentence must now be a source: a claim about it finds the changed article's fact
        facts = engine.fact_base
        reread = any(
            facts.source_ref(fact).article.path == str(article.resolve()) and fact.mention.text == "412"
            for claim in engine._checker.claims("The Quarnex depot employs 413 cleaners.", DRAFT_DATE)
            for fact in facts.candidates(claim)
        )
    finally:
        article.write_text(original, encoding="utf-8")
    if not reread:
        raise SystemExit("bench: the rebuild did not read the changed article again")
    return {
        "seconds": seconds,
        "reread_verified": reread,
        "cpu_seconds": cpu,
        "articles": engine.stats.articles,
        "from_cache": engine.stats.from_cache,
        "peak_rss_mb": peak_rss_mb(),
    }


def lookup(args: argparse.Namespace) -> dict[str, Any]:
    """Seconds per claim spent finding and judging source facts, draft analysis excluded.

    Mirrors `Checker.check_paragraph`: the claims are extracted first (their cost
    does not depend on the corpus), then only the lookup and verdict are timed, per claim.
    """
    from factlint.engine import Engine
    from factlint.text.document import split_paragraphs

    engine = Engine.open(_config(args.corpus, args.cache))
    engine.check(WARM_UP)
    checker = engine._checker
    text = args.draft.read_text(encoding="utf-8")
    claims = [
        claim
        for paragraph in split_paragraphs(text, 0)
        for claim in checker.claims(paragraph.text, DRAFT_DATE)
    ]
    runs, cpu_runs = [], []
    judged = evidence = 0
    for _ in range(args.repeat):
        judged = evidence = 0
        reset = getattr(engine.fact_base, "_load_memory", None)
        if reset is not None:  # every run reads the store afresh: no run is served by the last one's caches
            reset()
        started, cpu = time.perf_counter(), time.process_time()
        for claim in claims:
            outcome = checker.judge_claim(claim)
            if outcome is None:
                continue
            judged += 1
            evidence += outcome.result is not None
        runs.append((time.perf_counter() - started) / max(judged, 1))
        cpu_runs.append((time.process_time() - cpu) / max(judged, 1))
    return {
        "seconds_per_claim": statistics.median(runs),
        "seconds_per_claim_min": min(runs),
        "seconds_per_claim_max": max(runs),
        "cpu_seconds_per_claim": statistics.median(cpu_runs),
        "cpu_seconds_per_claim_min": min(cpu_runs),
        "cpu_seconds_per_claim_max": max(cpu_runs),
        "runs": len(runs),
        "claims": judged,
        "evidence": evidence,
        "articles": engine.stats.articles,
        "peak_rss_mb": peak_rss_mb(),
    }


def check(args: argparse.Namespace) -> dict[str, Any]:
    from factlint.engine import Engine

    opened = Engine.open(_config(args.corpus, args.cache))
    opened.check(WARM_UP)
    text = args.draft.read_text(encoding="utf-8")
    runs = []
    report = None
    for _ in range(args.repeat):
        engine = Engine(opened.config, opened.rules, opened.fact_base)  # an empty paragraph memo
        seconds, report = _timed(lambda: engine.check(text))  # noqa: B023 (called at once)
        runs.append(seconds)
    words = word_count(text)
    assert report is not None
    return {
        "seconds": statistics.median(runs),
        "words": words,
        "words_per_s": words / statistics.median(runs),
        "findings": len(report.findings),
        "confirmations": len(report.confirmations),
        "peak_rss_mb": peak_rss_mb(),
    }


def corroborate(args: argparse.Namespace) -> dict[str, Any]:
    """`corroborate.check_answer` with every article as a retrieved chunk and the draft as the answer."""
    import corroborate as grounding  # type: ignore[import-untyped]

    chunks = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.rglob("*.md"))]
    text = args.draft.read_text(encoding="utf-8")
    runs = []
    report = None
    for _ in range(args.repeat):
        seconds, report = _timed(lambda: grounding.check_answer("", chunks, text))
        runs.append(seconds)
    words = word_count(text)
    assert report is not None
    return {
        "seconds": statistics.median(runs),
        "words": words,
        "words_per_s": words / statistics.median(runs),
        "flagged_spans": sum(len(f.spans) for f in report.findings),
        "peak_rss_mb": peak_rss_mb(),
    }


def quality(args: argparse.Namespace) -> dict[str, Any]:
    """Recall and precision on a draft whose changed values generation labelled.

    A finding that overlaps a changed value is a hit; any other finding is a false alarm.
    Recall counts only changed values whose story is in this corpus (article index < size):
    against five articles most stories are simply not there to contradict.
    """
    from factlint.engine import Engine

    engine = Engine.open(_config(args.corpus, args.cache))
    text = args.draft.read_text(encoding="utf-8")
    labels = json.loads(args.draft.with_suffix(".labels.json").read_text(encoding="utf-8"))
    size = engine.stats.articles
    seconds, report = _timed(lambda: engine.check(text))
    wrong = [label for label in labels if label["wrong"]]
    present = [label for label in wrong if label["story"] < size]

    def overlaps(finding: Any, label: dict[str, Any]) -> bool:
        return bool(finding.start < label["end"] and label["start"] < finding.end)

    hits = [label for label in present if any(overlaps(f, label) for f in report.findings)]
    true = [f for f in report.findings if any(overlaps(f, label) for label in wrong)]
    on_right_values = [
        f for f in report.findings if f not in true and any(overlaps(f, label) for label in labels)
    ]
    by_construction: dict[str, list[int]] = {}
    for label in present:
        counts = by_construction.setdefault(label["construction"], [0, 0])
        counts[0] += label in hits
        counts[1] += 1
    return {
        "seconds": seconds,
        "words": word_count(text),
        "changed_values": len(wrong),
        "changed_values_in_corpus": len(present),
        "hits": len(hits),
        "findings": len(report.findings),
        "true_findings": len(true),
        "false_alarms_on_right_values": len(on_right_values),
        "recall": len(hits) / len(present) if present else None,
        "precision": len(true) / len(report.findings) if report.findings else None,
        "recall_by_construction": by_construction,
        "peak_rss_mb": peak_rss_mb(),
    }


TASKS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "build": build,
    "load": load,
    "rebuild": rebuild,
    "lookup": lookup,
    "check": check,
    "corroborate": corroborate,
    "quality": quality,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.probe")
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--draft", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    json.dump(TASKS[args.task](args), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
