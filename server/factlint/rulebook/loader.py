"""Load rule files strictly: YAML data in, typed `RuleSpec`s out, or located errors.

Parsing goes through `yaml.compose` so every key and value keeps its line and
column (see `nodes.py`); a problem becomes a `RuleFileError(path, line, column,
message)` that points at the offending key or value. Every key is checked even
after one fails, so a file with three mistakes gets three lines in one run: a
writer fixes them together instead of meeting them one `rules check` at a time.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import string
import typing
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import yaml

from factlint.config import Config
from factlint.config_position import locate
from factlint.errors import ConfigError, RuleFileError
from factlint.model import Kind, Severity
from factlint.resources import builtin_rules_dir, docs_dir
from factlint.rulebook.nodes import Items, NodeReader, compose_yaml, where
from factlint.rulebook.ruleset import RuleSet
from factlint.rulebook.schema import (
    COMMON_KEYS,
    ONE_WORD,
    PLACEHOLDERS,
    SPEC_FOR_KIND,
    Example,
    Examples,
    RuleSpec,
    yaml_key,
)
from factlint.rulebook.suppressions import UNKNOWN_SUPPRESSION

RULE_SUFFIXES = (".yaml", ".yml")
REQUIRED_KEYS = ("id", "kind", "message")
EXAMPLE_FIELDS = {yaml_key(f.name): f.name for f in dataclasses.fields(Examples)}
"""The keys under `examples:` -> the `Examples` field each sets."""
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")
"""A link that starts like this is a URL; any other is a path from the rule file."""
OTHER_TOOLS_KEYS = {"level": "severity", "extends": "kind", "name": "id"}
"""Keys users bring from Vale and friends, and what factlint calls them."""


def load_rules(config: Config) -> RuleSet:
    """Every rule of the configured folders, ready to use; all their problems raised as one."""
    specs: list[RuleSpec] = []
    problems: list[RuleFileError] = []
    seen: dict[str, RuleSpec] = {}
    for folder in config.effective_rule_dirs():
        for path in iter_rule_files(folder):
            file_specs, file_problems = read_rule_file(path)
            problems += file_problems
            for spec in file_specs:
                duplicate = _duplicate(spec, seen)
                if duplicate is not None:
                    problems.append(duplicate)
                specs.append(spec)
    if problems:
        raise RuleFileError.combine(problems)
    check_rule_ids(config, {spec.id for spec in specs})
    if config.docs_url:
        specs = [replace(spec, link=hosted_link(spec.link, config.docs_url)) for spec in specs]
    return RuleSet.build(specs, config)


def hosted_link(link: str | None, docs_url: str) -> str | None:
    """A link into the installed docs, moved to where the team hosts them (`docs-url`).

    Findings carry their rule's link into SARIF, JSON and the editor's hover; a
    `file:` URI of the installed page works on the machine that ran factlint, and a
    team that hosts the docs sets `docs-url` so the links work for everyone.
    """
    if not link or not link.startswith("file:"):
        return link
    parsed = urlparse(link)
    try:
        page = Path(url2pathname(parsed.path)).relative_to(docs_dir().resolve())
    except ValueError:
        return link
    return docs_url + page.as_posix() + (f"#{parsed.fragment}" if parsed.fragment else "")


def check_rule_ids(config: Config, loaded: set[str]) -> None:
    """Raise `ConfigError` for a `severity` or `disable` entry that names no rule.

    A misspelt id would otherwise change nothing, quietly: the rule it meant keeps
    its severity. The built-in ids count as known even with `builtin-rules = false`
    (switching off a rule that is not loaded is harmless), and so does the
    `unknown-suppression` check.
    """
    known = loaded | {UNKNOWN_SUPPRESSION}
    for key, ids in (("severity", list(config.severities)), ("disable", sorted(config.disabled_rules))):
        for rule_id in ids:
            if rule_id in known or rule_id in _builtin_ids():
                continue
            close = difflib.get_close_matches(rule_id, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(sorted(known))})"
            error = ConfigError(
                "settings", f"unknown rule id {rule_id!r} in {key!r}{hint}", key=key, item=rule_id
            )
            path = config.config_path
            raise (locate(error, path) if path else None) or error


@functools.cache
def _builtin_ids() -> frozenset[str]:
    return frozenset(
        spec.id for path in iter_rule_files(builtin_rules_dir()) for spec in read_rule_file(path)[0]
    )


def check_rule_paths(
    paths: Iterable[Path], known: Iterable[RuleSpec] = ()
) -> tuple[int, list[RuleFileError]]:
    """(files checked, problems): every problem of each file, and ids clashing across files.

    `known` are rules loaded alongside (the built-in ones): reusing their ids is a clash too.
    """
    seen: dict[str, RuleSpec] = {spec.id: spec for spec in known}
    problems: list[RuleFileError] = []
    checked = 0
    for folder in paths:
        try:
            files = list(iter_rule_files(folder))
        except RuleFileError as exc:
            problems.append(exc)
            continue
        for path in files:
            checked += 1
            specs, file_problems = read_rule_file(path)
            problems += file_problems
            for spec in specs:
                duplicate = _duplicate(spec, seen)
                if duplicate is not None:
                    problems.append(duplicate)
    return checked, problems


def _duplicate(spec: RuleSpec, seen: dict[str, RuleSpec]) -> RuleFileError | None:
    first = seen.setdefault(spec.id, spec)
    if first is spec:
        return None
    return RuleFileError(
        spec.path,
        spec.id_line,
        spec.id_column,
        f"duplicate rule id {spec.id!r} (first defined at {first.path}:{first.id_line})",
    )


def iter_rule_files(folder: Path) -> Iterator[Path]:
    """`folder` itself if it is a file, else its .yaml/.yml files in path order, hidden ones skipped."""
    if folder.is_file():
        yield folder
        return
    if not folder.is_dir():
        raise RuleFileError(str(folder), 1, 1, "no such rule file or folder")
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.suffix in RULE_SUFFIXES and path.is_file() and not hidden:
            yield path


def load_rule_file(path: Path) -> list[RuleSpec]:
    """The rules of one file; its problems, all of them, raised as one `RuleFileError`."""
    specs, problems = read_rule_file(path)
    if problems:
        raise RuleFileError.combine(problems)
    return specs


def read_rule_file(path: Path) -> tuple[list[RuleSpec], list[RuleFileError]]:
    """(the rules of one file that are sound, every problem found in it)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return [], [RuleFileError(str(path), 1, 1, f"cannot read rule file: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        line = text_line(exc.object[: exc.start])
        return [], [RuleFileError(str(path), line, 1, "rule files must be UTF-8 text")]
    return read_rules(text, str(path))


def text_line(data: bytes) -> int:
    return data.count(b"\n") + 1


def parse_rules(text: str, path: str) -> list[RuleSpec]:
    """The rules of one file: a single rule mapping, or a list of them; problems raised as one."""
    specs, problems = read_rules(text, path)
    if problems:
        raise RuleFileError.combine(problems)
    return specs


def read_rules(text: str, path: str) -> tuple[list[RuleSpec], list[RuleFileError]]:
    """(the sound rules of one file's text, every problem found in it, in file order)."""
    try:
        root = compose_yaml(text, path)
    except RuleFileError as exc:
        return [], [exc]
    if root is None:
        return [], [RuleFileError(path, 1, 1, "empty rule file: expected a rule (id, kind, message)")]
    reader = _RuleReader(path)
    nodes = root.value if isinstance(root, yaml.SequenceNode) else [root]
    if not nodes:
        return [], [reader.fail(root, "empty list: expected at least one rule")]
    specs = []
    for node in nodes:
        spec = reader.attempt(reader.rule, node)
        if spec is not None:
            specs.append(spec)
    return specs, sorted(reader.problems, key=lambda p: (p.line, p.column))


_T = typing.TypeVar("_T")


class _RuleReader(NodeReader):
    """Reads rules: the common keys, the keys of the rule's kind, its examples.

    Each key is read on its own (`attempt`): its problem is kept in `problems` and
    reading goes on with the next key, so one pass finds every problem of a file.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.problems: list[RuleFileError] = []

    def attempt(self, read: typing.Callable[..., _T], *args: Any) -> _T | None:
        """`read(*args)`, or None with its problem kept."""
        try:
            return read(*args)
        except RuleFileError as exc:
            self.problems.append(exc)
            return None

    def rule(self, node: yaml.Node) -> RuleSpec | None:
        """The rule of `node`, or None when any of its keys has a problem (all of them kept)."""
        items = self.mapping(node, "a rule")
        problems_before = len(self.problems)
        kind = self.attempt(self.kind, items["kind"][1]) if "kind" in items else None
        # Without a sound kind, a key of any kind may belong: only keys of none are reported.
        spec_types = [SPEC_FOR_KIND[kind]] if kind else list(SPEC_FOR_KIND.values())
        fields = {yaml_key(f.name): f for spec_type in spec_types for f in dataclasses.fields(spec_type)}
        unknown: list[str] = []
        values: dict[str, Any] = {}
        for key, (key_node, value_node) in items.items():
            if key in COMMON_KEYS:
                continue
            if key not in fields:
                unknown.append(key)
                self.problems.append(self.unknown_key(key, key_node, [*COMMON_KEYS, *fields], kind))
            elif kind is not None:
                values[fields[key].name] = self.attempt(self.kind_value, kind, fields[key], value_node, key)
        for required in REQUIRED_KEYS:
            # A misspelt required key (`mesage:`) is reported where it is, as an unknown key
            # with its did-you-mean, not as a missing key at the top of the rule.
            if required not in items and not difflib.get_close_matches(required, unknown, n=1):
                self.problems.append(self.fail(node, f"rule is missing the required key {required!r}"))
        rule_id = self.attempt(self.rule_id, items["id"][1]) if "id" in items else None
        message = self.attempt(self.message, items["message"][1]) if "message" in items else None
        severity = (
            self.attempt(self.severity, items["severity"][1]) if "severity" in items else Severity.ERROR
        )
        description = self.attempt(self.optional_text, items, "description")
        link = self.attempt(self.link, items["link"][1]) if "link" in items else None
        examples = self.attempt(self.examples, items["examples"][1]) if "examples" in items else Examples()
        if len(self.problems) > problems_before:
            return None
        assert rule_id is not None and kind is not None and message is not None
        assert severity is not None and examples is not None
        line, _ = where(node)
        id_line, id_column = where(items["id"][1])
        return RuleSpec(
            id=rule_id,
            kind=kind,
            message=message,
            severity=severity,
            spec=SPEC_FOR_KIND[kind](**values),
            description=description or "",
            link=link,
            examples=examples,
            path=self.path,
            line=line,
            id_line=id_line,
            id_column=id_column,
        )

    def link(self, node: yaml.Node) -> str:
        """The rule's documentation as a URL a client can open.

        A URL (`https://...`, `file:...`) is kept as written. Anything else is a file
        beside the rule file, as a Markdown link would be (`../docs/rules.md#quantity`):
        it must exist, and becomes its `file:` URI, so a rule folder can carry its own
        pages and every link works offline.
        """
        text: str = self.scalar(node, str, "link")
        if URL_SCHEME.match(text):
            return text
        target, _, fragment = text.partition("#")
        path = (Path(self.path).parent / target).resolve()
        if not path.is_file():
            raise self.fail(node, f"link {text!r} names no file (looked for {path})")
        return path.as_uri() + (f"#{fragment}" if fragment else "")

    def rule_id(self, node: yaml.Node) -> str:
        rule_id: str = self.scalar(node, str, "id")
        if not ID_PATTERN.match(rule_id):
            raise self.fail(
                node,
                f"id {rule_id!r} must be one word of letters, digits, '-', '_' or '.', "
                "like 'transit-stations'",
            )
        return rule_id

    def message(self, node: yaml.Node) -> str:
        message: str = self.scalar(node, str, "message")
        self.check_placeholders(message, node)
        return message

    def kind_value(self, kind: Kind, field: dataclasses.Field[Any], node: yaml.Node, key: str) -> Any:
        """The value of one kind-specific key, typed by its spec field."""
        value = self.convert(node, typing.get_type_hints(SPEC_FOR_KIND[kind])[field.name], key)
        if field.metadata.get(ONE_WORD):
            self.check_one_word(node, key)
        return value

    def kind(self, node: yaml.Node) -> Kind:
        text = self.scalar(node, str, "kind")
        known = [k.value for k in SPEC_FOR_KIND]
        if text in known:
            return Kind(text)
        close = difflib.get_close_matches(text, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (one of: {', '.join(known)})"
        raise self.fail(node, f"unknown kind {text!r}{hint}")

    def severity(self, node: yaml.Node) -> Severity:
        text = self.scalar(node, str, "severity")
        known = [s.value for s in Severity]
        if text in known:
            return Severity(text)
        close = difflib.get_close_matches(text, known, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise self.fail(node, f"severity must be error, warning, info or off, not {text!r}{hint}")

    def optional_text(self, items: Items, key: str) -> str | None:
        return self.scalar(items[key][1], str, key) if key in items else None

    def unknown_key(
        self, key: str, key_node: yaml.Node, known: list[str], kind: Kind | None, in_examples: bool = False
    ) -> RuleFileError:
        """A key no spec has here: named as Vale names it, another kind's, or a near miss."""
        if key in OTHER_TOOLS_KEYS:
            return self.fail(key_node, f"unknown key {key!r}; factlint calls it {OTHER_TOOLS_KEYS[key]!r}")
        owners = [
            k.value
            for k, spec_type in SPEC_FOR_KIND.items()
            if k is not kind and key in {yaml_key(f.name) for f in dataclasses.fields(spec_type)}
        ]
        if in_examples:
            section, plural = "examples", "examples"
        else:
            section = f"a {kind.value} rule" if kind else "a rule"
            plural = f"{kind.value} rules" if kind else "rules"
        if owners:
            return self.fail(key_node, f"key {key!r} belongs to {', '.join(owners)} rules, not {plural}")
        return self.unknown(key, key_node, known, section)

    def check_one_word(self, node: yaml.Node, key: str) -> None:
        """The extractor matches these lists word by word: a phrase would never match."""
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self.check_one_word(item, key)
        elif isinstance(node, yaml.ScalarNode) and len(node.value.split()) > 1:
            raise self.fail(node, f"{key!r} holds single words, and {node.value!r} is several")

    def check_placeholders(self, message: str, node: yaml.Node) -> None:
        """Only known placeholders, each bare: a format spec (`{claim:>300000000}`) or a
        conversion would let a rule file make every finding of its rule huge."""
        try:
            fields = [
                (n, spec, conv) for _, n, spec, conv in string.Formatter().parse(message) if n is not None
            ]
            names = [name for name, _, _ in fields]
            for name, spec, conversion in fields:
                if spec or conversion:
                    raise self.fail(
                        node, f"placeholder {{{name}}} takes no format (':' or '!'); write {{{name}}}"
                    )
        except ValueError as exc:
            raise self.fail(
                node, f"message has a broken placeholder ({exc}); write {{{{ and }}}} for braces"
            ) from None
        for name in names:
            if name not in PLACEHOLDERS:
                known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
                raise self.fail(node, f"unknown placeholder {{{name}}} in message (known: {known})")

    def examples(self, node: yaml.Node) -> Examples | None:
        """The examples of a rule, or None when they have problems (all of them kept)."""
        items = self.mapping(node, "examples")
        problems_before = len(self.problems)
        values: dict[str, Any] = {}
        for key, (key_node, value_node) in items.items():
            if key not in EXAMPLE_FIELDS:
                self.problems.append(self.unknown_key(key, key_node, list(EXAMPLE_FIELDS), None, True))
            else:
                values[EXAMPLE_FIELDS[key]] = self.attempt(self.example_value, key, value_node)
        if "corpus-date" in items and "corpus" not in items:
            self.problems.append(
                self.fail(items["corpus-date"][0], "'corpus-date' only applies to an inline 'corpus'")
            )
        if len(self.problems) > problems_before:
            return None
        examples = Examples(**values)
        if not examples.cases:
            self.problems.append(
                self.fail(node, "examples need at least one sentence under 'flag' or 'pass'")
            )
            return None
        return examples

    def example_value(self, key: str, node: yaml.Node) -> Any:
        if key in ("flag", "pass"):
            return self.sentences(node, key)
        if key in ("date", "corpus-date"):
            return self.date(node, f"examples.{key}")
        return self.scalar(node, str, f"examples.{key}")

    def sentences(self, node: yaml.Node, key: str) -> tuple[Example, ...]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"examples.{key} must be a list of sentences")
        self.check_tag(node)
        out = []
        for item in node.value:
            text = self.scalar(item, str, f"each sentence of examples.{key}")
            out.append(Example(text, key == "flag", where(item)[0]))
        return tuple(out)
