"""`--format html`: one self-contained page to look at, the draft with every checked claim marked.

What a CI job attaches as an artifact and an editor opens from a pull request:
each draft in full, its claims marked contradicted, confirmed or unsourced, and
on hover or click (keyboard focus too) the sources' sentences with their links
and the slot's history. Nothing is fetched: no script, font, image or style
sheet from anywhere, so the page reads the same offline and leaks nothing.

The three marks differ in colour (the Okabe-Ito palette, distinguishable with
the common colour-vision deficiencies), in underline style and in a symbol, so
no reader depends on colour alone.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TextIO

from factlint.model import Confirmation, Finding, SourceRef, TimelinePoint
from factlint.output.results import DraftResult, LintRun, claims_line, summary_line
from factlint.unsourced import UNSOURCED

VERDICTS = {
    "contradicted": ("✗", "contradicted by the sources"),
    "confirmed": ("✓", "confirmed by the sources"),
    "unsourced": ("?", "unsourced: no source addresses it"),
}

STYLE = """
:root { font: 16px/1.6 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
body { max-width: 56rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 2rem 0 .25rem; }
.summary, .counts { color: #444; margin: 0 0 .75rem; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; list-style: none; padding: 0;
  margin: .5rem 0 1rem; }
.legend li { white-space: nowrap; }
.draft { white-space: pre-wrap; border: 1px solid #ccc; border-radius: 6px; padding: 1rem 1.25rem; }
.claim { position: relative; color: inherit; border-radius: 3px; padding: 0 .1em; cursor: help;
  text-decoration-thickness: 2px; text-underline-offset: 3px; text-decoration-line: underline; }
.claim::after { font-size: .7em; vertical-align: super; margin-left: .1em; font-weight: bold; }
.contradicted { background: #fbe1d2; text-decoration-color: #D55E00; text-decoration-style: solid; }
.contradicted::after { content: "✗"; color: #a64500; }
.confirmed { background: #d5efe6; text-decoration-color: #009E73; text-decoration-style: dotted; }
.confirmed::after { content: "✓"; color: #00684c; }
.unsourced { background: #dbe9f4; text-decoration-color: #0072B2; text-decoration-style: dashed; }
.unsourced::after { content: "?"; color: #005282; }
.card { display: none; position: absolute; z-index: 10; top: 1.7em; left: 0; width: 30rem;
  max-width: 80vw; white-space: normal; background: #fff; border: 1px solid #888; border-radius: 6px;
  box-shadow: 0 4px 14px rgba(0,0,0,.2); padding: .6rem .8rem; font-size: .9rem; cursor: auto; }
.claim:hover > .card, .claim:focus > .card, .claim:focus-within > .card { display: block; }
.card > span { display: block; margin: .2rem 0; }
.verdict { font-weight: bold; }
.quote { border-left: 3px solid #999; padding-left: .5rem; font-style: italic; }
.where, .history { color: #333; } .history ol { margin: .2rem 0 0; padding-left: 1.2rem; }
.history .compared { font-weight: bold; }
"""


def write_html(run: LintRun, stream: TextIO) -> None:
    stream.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    stream.write('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    stream.write("<title>factlint report</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n")
    stream.write("<header>\n<h1>factlint report</h1>\n")
    stream.write(f'<p class="summary">{escape(summary_line(run))}</p>\n<ul class="legend">\n')
    for name, (_, label) in VERDICTS.items():
        stream.write(f'<li><mark class="claim {name}">value</mark> {escape(label)}</li>\n')
    stream.write("</ul>\n</header>\n<main>\n")
    number = 0
    for result in run.results:
        stream.write(f"<section>\n<h2>{escape(run.display(result.path))}</h2>\n")
        stream.write(f'<p class="counts">{escape(claims_line(result.counts))}</p>\n')
        body, number = _marked(result, number)
        stream.write(f'<div class="draft">{body}</div>\n</section>\n')
    stream.write("</main>\n</body>\n</html>\n")


Item = Finding | Confirmation


def _marked(result: DraftResult, number: int) -> tuple[str, int]:
    """The draft's text with each claim wrapped in its mark and card; overlapping claims skipped."""
    items: list[tuple[int, str, Item]] = []
    for located in result.findings:
        if located.finding.rule != UNSOURCED:
            items.append((0, "contradicted", located.finding))
    items += [(1, "unsourced", f) for f in result.unsourced]
    items += [(2, "confirmed", c) for c in result.confirmations]
    text = result.text
    parts: list[str] = []
    at = 0
    for _, verdict, item in sorted(items, key=lambda i: (i[2].start, i[0])):
        if item.start < at:
            continue
        number += 1
        parts.append(escape(text[at : item.start]))
        parts.append(
            f'<mark class="claim {verdict}" tabindex="0" aria-describedby="card-{number}">'
            f"{escape(text[item.start : item.end])}{_card(verdict, item, number)}</mark>"
        )
        at = item.end
    parts.append(escape(text[at:]))
    return "".join(parts), number


def _card(verdict: str, item: Item, number: int) -> str:
    symbol, label = VERDICTS[verdict]
    lines = [f'<span class="verdict">{symbol} {escape(label.capitalize())}</span>']
    if isinstance(item, Finding):
        lines.append(f'<span class="message">{escape(item.message)}</span>')
    for source in item.sources:
        lines.append(f'<span class="quote">{escape(" ".join(source.sentence.split()))}</span>')
        lines.append(f'<span class="where">{_where(source)}</span>')
    if len(item.timeline) >= 2:
        lines.append(_history(item.timeline))
    return f'<span class="card" id="card-{number}" role="tooltip">{"".join(lines)}</span>'


def _where(source: SourceRef) -> str:
    location = source.sentence_location
    name = f"{Path(location.path).name}:{location.line}"
    links = [f'<a href="{escape(_file_link(location.path, location.line))}">{escape(name)}</a>']
    article = source.article
    described = escape(article.title or Path(article.path).name)
    if article.date:
        described += f" ({article.date.isoformat()})"
    links.append(described)
    if article.url:
        links.append(f'<a href="{escape(article.url)}">original article</a>')
    if source.link and source.link != article.url:
        links.append(f'<a href="{escape(source.link)}">linked in the article</a>')
    return " · ".join(links)


def _history(points: tuple[TimelinePoint, ...]) -> str:
    items = []
    for point in points:
        where = point.source.sentence_location
        name = escape(f"{Path(where.path).name}:{where.line}")
        mark = ' class="compared" title="compared with the draft"' if point.compared else ""
        label = escape(point.label()) + (" ◀ compared" if point.compared else "")
        items.append(f"<li{mark}>{label} ({name})</li>")
    return f'<span class="history">History, oldest first:<ol>{"".join(items)}</ol></span>'


def _file_link(path: str, line: int) -> str:
    return f"{Path(path).resolve().as_uri()}#L{line}"
