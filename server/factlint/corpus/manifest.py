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

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml

from factlint.model import ArticleMeta
from factlint.text import safe_yaml

MANIFEST_NAME = "manifest.yaml"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Manifest:
    """A folder's manifest; a broken entry (or a broken file) costs only the articles it covers."""

    folder: Path
    entries: dict[str, dict[str, object]]
    problems: dict[str, str] = field(default_factory=dict)
    """File name -> `manifest.yaml:line:col: why` for an entry that cannot be read."""
    broken: str | None = None
    """`manifest.yaml:line:col: why` when the file as a whole cannot be read."""
    digest: bytes = b""
    """SHA-256 of the bytes read: part of each listed article's digest."""

    def _name(self, meta_path: str) -> str:
        return Path(meta_path).resolve().relative_to(self.folder.resolve()).as_posix()

    def problem(self, path: str) -> str | None:
        """Why the article at `path` cannot be given its manifest entry, or None."""
        return self.broken or self.problems.get(self._name(path))

    def complete(self, meta: ArticleMeta) -> ArticleMeta:
        entry = self.entries.get(self._name(meta.path))
        if not entry:
            return meta
        listed_date = entry.get("date")
        if meta.date is None and isinstance(listed_date, date):
            meta = replace(meta, date=listed_date, date_inferred=bool(entry.get("date_inferred")))
        return replace(
            meta, title=meta.title or _text(entry.get("title")), url=meta.url or _text(entry.get("url"))
        )


def _text(value: object) -> str | None:
    """A scalar as text; a list or mapping (never walked: aliases could make it huge) is none."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def read_manifest(folder: Path) -> Manifest | None:
    """The folder's manifest, or None; never raises for what the file holds."""
    from factlint.corpus.reader import Unreadable, decode, read_regular

    path = folder / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        data = read_regular(path, MAX_MANIFEST_BYTES)
    except Unreadable as problem:
        return Manifest(folder, {}, broken=f"{path}:{problem.line or 1}: {problem.reason}")
    digest = hashlib.sha256(data).digest()
    try:
        root = safe_yaml.compose(decode(data))
    except Unreadable as problem:
        return Manifest(folder, {}, broken=f"{path}:{problem.line or 1}: {problem.reason}", digest=digest)
    except safe_yaml.YamlProblem as problem:
        broken = f"{path}:{problem.line}:{problem.column}: {problem.message}"
        return Manifest(folder, {}, broken=broken, digest=digest)
    articles = _articles_node(root)
    if articles is None:
        broken = f"{path}:1:1: expected a mapping `articles:` of file name -> fields"
        return Manifest(folder, {}, broken=broken, digest=digest)
    entries: dict[str, dict[str, object]] = {}
    problems: dict[str, str] = {}
    for key_node, value_node in articles.value:
        name = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
        try:
            value = safe_yaml.construct(value_node)
        except safe_yaml.YamlProblem as problem:
            problems[name] = f"{path}:{problem.line}:{problem.column}: {problem.message}"
            continue
        if isinstance(value, dict):
            entries[name] = value
    return Manifest(folder, entries, problems, digest=digest)


def _articles_node(root: yaml.Node | None) -> yaml.MappingNode | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == "articles":
            return value_node if isinstance(value_node, yaml.MappingNode) else None
    return None
