"""A corpus folder's `manifest.yaml`: metadata that articles do not carry themselves.

    articles:
      000_a0f80ff5c1b36328.txt:
        title: "US envoy meets Taliban"
        date: 2021-04-01
        date_inferred: true      # worked out from the text, not printed in it
        url: https://example.com/story

What a file says about itself (front matter, a date line) wins over the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml

from factlint.errors import RuleFileError
from factlint.model import ArticleMeta

MANIFEST_NAME = "manifest.yaml"


@dataclass(frozen=True)
class Manifest:
    folder: Path
    entries: dict[str, dict[str, object]]

    def complete(self, meta: ArticleMeta) -> ArticleMeta:
        name = Path(meta.path).resolve().relative_to(self.folder.resolve()).as_posix()
        entry = self.entries.get(name)
        if not entry:
            return meta
        listed_date = entry.get("date")
        if meta.date is None and isinstance(listed_date, date):
            meta = replace(meta, date=listed_date, date_inferred=bool(entry.get("date_inferred")))
        title, url = entry.get("title"), entry.get("url")
        return replace(
            meta,
            title=meta.title or (str(title) if title else None),
            url=meta.url or (str(url) if url else None),
        )


def read_manifest(folder: Path) -> Manifest | None:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise RuleFileError(str(path), line, column, f"not valid YAML: {exc}") from None
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        raise RuleFileError(str(path), 1, 1, "expected a mapping `articles:` of file name -> fields")
    entries = {str(k): v for k, v in articles.items() if isinstance(v, dict)}
    return Manifest(folder, entries)
