"""The fact base as Markdown, for the `factlint.facts` command ("show what factlint knows").

Grouped by article, each fact with a link that opens the corpus file at its line.
Long lists stop at a limit and say how many were left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from factlint.lsp.hover import escape
from factlint.lsp.sources import line_link
from factlint.wording import count

if TYPE_CHECKING:
    from factlint.corpus.factbase import FactRow

FACTS_SHOWN = 2_000


def facts_markdown(rows: Iterable[FactRow], limit: int = FACTS_SHOWN) -> str:
    facts = list(rows)
    lines = [f"# What factlint knows: {count(len(facts), 'fact')}"]
    article = None
    for row in facts[:limit]:
        if row.article.path != article:
            article = row.article.path
            title = row.article.title or row.article.path
            dated = f" ({row.article.date.isoformat()})" if row.article.date else ""
            url = f" · [original]({row.article.url})" if row.article.url else ""
            lines += ["", f"## {escape(title)}{dated}{url}", ""]
        where = line_link(row.location.path, row.location.line)
        about = f"{escape(row.slot)} = " if row.slot.strip() else ""
        lines.append(
            f"- {row.kind.value}: {about}**{escape(row.value)}** ([line {row.location.line}]({where}))"
        )
    if len(facts) > limit:
        lines += ["", f"*{len(facts) - limit:,} more not shown; `factlint facts` lists them all.*"]
    return "\n".join(lines) + "\n"
