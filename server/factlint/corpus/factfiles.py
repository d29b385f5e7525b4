"""Facts declared by hand: YAML entries that join the fact base as one-sentence articles.

A fact file is a list of entries:

    - statement: The US has 2,500 troops in Afghanistan.
      date: 2021-04-01
      source: https://example.org/troops

Each entry becomes an in-memory `Article` (its date, its source as URL and
link) whose text is the statement and whose locations point into the fact file,
so the statement goes through the same extractor as any article, a finding
cites `facts.yaml:2:14`, and a hand fact that disagrees with an article is a
source conflict like any other: it wins over nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import yaml

from factlint.config import Config
from factlint.corpus.html import Link
from factlint.corpus.reader import Article
from factlint.errors import RuleFileError
from factlint.model import ArticleMeta
from factlint.rulebook.nodes import NodeReader, compose_yaml
from factlint.text.lines import LineIndex

FACT_KEYS = ("statement", "date", "source", "title")
FACT_KEY_DOCS = {
    "statement": "The fact, as one sentence a source could have written (required).",
    "date": "When the statement was true or said (YYYY-MM-DD): changing figures compare by it.",
    "source": "Where the fact comes from: a URL or a citation, shown with findings.",
    "title": "A name for the source, shown in messages; default: the fact file and line.",
}


def read_fact_files(config: Config) -> Iterator[Article]:
    """An article for every entry of every configured fact file, in file order."""
    for path in config.fact_files:
        yield from read_fact_file(path)


def fact_files_digest(config: Config) -> bytes:
    """What the fact base depends on in the fact files: their paths and contents."""
    digest = hashlib.sha256()
    for path in config.fact_files:
        digest.update(str(path).encode())
        digest.update(_read_bytes(path))
    return digest.digest()


def read_fact_file(path: Path) -> list[Article]:
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RuleFileError(str(path), line, 1, "fact files must be UTF-8 text") from None
    return parse_facts(text, str(path))


def parse_facts(text: str, path: str) -> list[Article]:
    root = compose_yaml(text, path)
    reader = NodeReader(path)
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise reader.fail(root, "a fact file must be a list of facts, each starting with '- statement:'")
    reader.check_tag(root)
    lines = LineIndex(text)
    return [_article(reader, node, text, lines) for node in root.value]


def _article(reader: NodeReader, node: yaml.Node, raw: str, lines: LineIndex) -> Article:
    items = reader.mapping(node, "a fact")
    for key, (key_node, _) in items.items():
        if key not in FACT_KEYS:
            raise reader.unknown(key, key_node, FACT_KEYS, "a fact")
    if "statement" not in items:
        raise reader.fail(node, "fact is missing the required key 'statement'")
    statement_node = items["statement"][1]
    statement = reader.scalar(statement_node, str, "statement")
    when = reader.date(items["date"][1], "date") if "date" in items else None
    source = reader.scalar(items["source"][1], str, "source") if "source" in items else None
    title = reader.scalar(items["title"][1], str, "title") if "title" in items else None
    line = statement_node.start_mark.line + 1
    meta = ArticleMeta(
        path=reader.path,
        title=title or f"{Path(reader.path).name}, line {line}",
        date=when,
        url=source,
    )
    links = [Link(0, len(statement), source)] if source else []
    origin = _origin(statement_node, statement, raw)
    return Article(meta, statement, 0, origin, lines, links)


def _origin(node: yaml.Node, value: str, raw: str) -> list[int]:
    """Statement offset -> fact file offset: exact for a plain or quoted one-line value.

    Escapes and folded lines break the one-to-one mapping; then every character
    points at the start of the value, which still names the right line.
    """
    start, end = node.start_mark.index, node.end_mark.index
    quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
    first = start + 1 if quoted else start
    if raw[first : first + len(value)] == value and "\n" not in raw[start:end]:
        return [first + i for i in range(len(value) + 1)]
    return [start] * (len(value) + 1)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RuleFileError(str(path), 1, 1, "no such fact file") from None
    except OSError as exc:
        raise RuleFileError(str(path), 1, 1, f"cannot read fact file: {exc.strerror or exc}") from None
