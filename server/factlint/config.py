"""Settings shared by the CLI and the language server.

One typed `Config` gathers what a user can set: in their own configuration
(`$XDG_CONFIG_HOME/factlint/config.toml`), then in `factlint.toml` (or the
`[tool.factlint]` table of `pyproject.toml`) found by walking up from the draft,
which comes with the repository and is read under the limits of `factlint.trust`,
then overridden by command-line flags or the editor's settings.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from factlint.config_position import decode_error, locate
from factlint.errors import ConfigError
from factlint.resources import builtin_corpus_dir, builtin_rules_dir
from factlint.trust import UNTRUSTED_KEYS, USER_ONLY_KEYS, confine, ignored_note, is_trusted, user_config_path

CONFIG_FILE = "factlint.toml"
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Config:
    """Everything that decides what the fact base holds and how drafts are checked."""

    corpus_dirs: tuple[Path, ...] = ()
    """Folders of source articles; empty means the bundled seed corpus."""
    rule_dirs: tuple[Path, ...] = ()
    """Extra rule folders, loaded after the built-in rules."""
    fact_files: tuple[Path, ...] = ()
    """YAML files of facts declared by hand (see docs/rules.md, "Facts by hand")."""
    draft_date: date | None = None
    """The date drafts are written on when they carry none; None means today."""
    severities: dict[str, str] = field(default_factory=dict)
    """Per-rule severity overrides: rule id -> error / warning / info / off."""
    disabled_rules: frozenset[str] = frozenset()
    """Rule ids that never run, as if their severity were off."""
    builtin_rules: bool = True
    """Whether the rules that ship with factlint are loaded before yours."""
    spacy_model: str | None = None
    """An installed spaCy pipeline to use instead of the blank English one."""
    cache_dir: Path | None = None
    """Where the built fact base is kept; None means the user cache folder."""
    store: str | None = None
    """A shared fact base (`postgresql://host/db`), else FACTLINT_STORE; None: the SQLite cache file."""
    debounce_ms: int = 250
    """The language server waits this long after a keystroke before checking."""
    docs_url: str | None = None
    """Where your team hosts factlint's docs/ folder (an https URL); None: link the installed pages."""
    show_unsourced: bool = False
    """Whether claims no source addresses are reported (`unsourced-claim`, info; a hint in an
    editor). Off by default, in the editor as in `factlint lint`: new information is no error."""
    max_file_bytes: int = MAX_FILE_BYTES
    """Source files larger than this (in bytes; default 20 MiB) are skipped with a warning, not read."""
    config_path: Path | None = None
    trusted_folders: tuple[Path, ...] = ()
    """Only in your own `~/.config/factlint/config.toml`: folders whose repositories' configuration
    may point outside the repository and choose the cache (see docs/security.md)."""
    notes: tuple[str, ...] = field(default=(), compare=False)
    """Settings that were ignored, and why: shown to the user, never a reason to rebuild."""

    def effective_corpus_dirs(self) -> tuple[Path, ...]:
        return self.corpus_dirs or (builtin_corpus_dir(),)

    def effective_rule_dirs(self) -> tuple[Path, ...]:
        base = (builtin_rules_dir(),) if self.builtin_rules else ()
        return base + self.rule_dirs

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with every non-None, non-empty override applied."""
        kept = {k: v for k, v in changes.items() if v not in (None, (), [], {})}
        return replace(self, **kept)


def find_config_file(start: Path) -> Path | None:
    """The nearest `factlint.toml`, or `pyproject.toml` with `[tool.factlint]`, above `start`."""
    here = start if start.is_dir() else start.parent
    for folder in (here.resolve(), *here.resolve().parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "factlint" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(start: Path | None = None, path: Path | None = None) -> Config:
    """The user's own configuration, under the file for `start` (or exactly `path`).

    The file found for `start`, or given as `path`, belongs to a repository: unless
    the user's `trust` list names its folder, it is read within `factlint.trust`'s limits.
    """
    user_path = user_config_path()
    values = _file_settings(user_path, None) if user_path.is_file() else {}
    path = path or (find_config_file(start) if start is not None else None)
    if path is None:
        return Config(**values)
    folder = path.absolute().parent.resolve()  # the file itself may be a link out: not followed
    workspace = None if is_trusted(folder, values.get("trusted_folders", ())) else folder
    found = _file_settings(path, workspace)
    found["notes"] = values.get("notes", ()) + found.get("notes", ())
    return Config(**{**values, **found})


def _file_settings(path: Path, workspace: Path | None) -> dict[str, Any]:
    """The settings of a configuration file; an error is placed at its line and column."""
    text = _read_text(path)
    table = _parse_toml(path, text)
    if path.name == "pyproject.toml":
        table = table.get("tool", {}).get("factlint", {})
    try:
        return _settings(table, path.absolute().parent.resolve(), str(path), workspace)
    except ConfigError as exc:
        raise (locate(exc, path, text) or exc) from None


CONFIG_KEYS = {
    "corpus": "corpus_dirs",
    "rules": "rule_dirs",
    "facts": "fact_files",
    "date": "draft_date",
    "severity": "severities",
    "disable": "disabled_rules",
    "builtin-rules": "builtin_rules",
    "spacy-model": "spacy_model",
    "cache-dir": "cache_dir",
    "debounce-ms": "debounce_ms",
    "docs-url": "docs_url",
    "show-unsourced": "show_unsourced",
    "store": "store",
    "max-file-bytes": "max_file_bytes",
    "trust": "trusted_folders",
}
"""Setting name in factlint.toml (or [tool.factlint]) -> the `Config` field it sets."""


def config_from_mapping(
    table: dict[str, Any], base_dir: Path, source: str, workspace: Path | None = None
) -> Config:
    """Turn a settings table (TOML file or editor settings) into a `Config`.

    Relative paths are taken from `base_dir`; a wrong key or type is a `ConfigError`
    naming `source`, never a silent default. With `workspace`, the table comes from a
    repository and is read within the limits of `factlint.trust`.
    """
    return Config(**_settings(table, base_dir, source, workspace))


def _settings(
    table: dict[str, Any], base_dir: Path, source: str, workspace: Path | None = None
) -> dict[str, Any]:
    values: dict[str, Any] = {"config_path": Path(source) if source.endswith(".toml") else None}
    notes: list[str] = []
    for key, raw in table.items():
        spelled = key if key in CONFIG_KEYS else key.replace("_", "-")
        name = CONFIG_KEYS.get(spelled)
        if name is None:
            close = difflib.get_close_matches(key, list(CONFIG_KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ConfigError(
                source,
                f"unknown setting {key!r}{hint} (known: {', '.join(sorted(CONFIG_KEYS))})",
                key=key,
            )
        if workspace is not None and spelled in USER_ONLY_KEYS:
            raise ConfigError(
                source, f"setting {key!r} belongs in your own configuration, {user_config_path()}", key=key
            )
        if workspace is not None and spelled in UNTRUSTED_KEYS:
            notes.append(ignored_note(source, spelled))
            continue
        values[name] = _convert(name, raw, base_dir, source, key)
        if workspace is not None and name in ("corpus_dirs", "rule_dirs", "fact_files"):
            confine(values[name], workspace, source, key)
    if notes:
        values["notes"] = tuple(notes)
    return values


def _convert(name: str, raw: Any, base_dir: Path, source: str, key: str) -> Any:
    def fail(expected: str) -> ConfigError:
        return ConfigError(source, f"setting {key!r} must be {expected}, not {raw!r}", key=key, at_value=True)

    if name in ("corpus_dirs", "rule_dirs", "fact_files", "trusted_folders"):
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise fail("a path or a list of paths")
        return tuple((base_dir / Path(i).expanduser()).resolve() for i in items)
    if name == "draft_date":
        if isinstance(raw, date):
            return raw
        try:
            return date.fromisoformat(str(raw))
        except ValueError:
            raise fail("a date YYYY-MM-DD") from None
    if name == "severities":
        allowed = {"error", "warning", "info", "off"}
        if not isinstance(raw, dict) or not all(v in allowed for v in raw.values()):
            raise fail("a table of rule id = error / warning / info / off")
        return dict(raw)
    if name == "disabled_rules":
        if not isinstance(raw, list) or not all(isinstance(i, str) for i in raw):
            raise fail("a list of rule ids")
        return frozenset(raw)
    if name in ("builtin_rules", "show_unsourced"):
        if not isinstance(raw, bool):
            raise fail("true or false")
        return raw
    if name == "debounce_ms":
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
            raise fail("a whole number of milliseconds")
        return raw
    if name == "store":
        if not isinstance(raw, str):
            raise fail("a database URL (postgresql://host/database)")
        if _has_password(raw):
            raise ConfigError(
                source,
                f"setting {key!r} must not carry a password: put it in PGPASSWORD or ~/.pgpass instead",
            )
        return raw
    if name == "max_file_bytes":
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
            raise fail("a whole number of bytes")
        return raw
    if name == "cache_dir":
        if not isinstance(raw, str):
            raise fail("a path")
        return (base_dir / raw).resolve()
    if name == "docs_url":
        if not isinstance(raw, str) or not raw.startswith(("https://", "http://", "file://")):
            raise fail("a URL (https://...) of the folder holding factlint's docs")
        return raw if raw.endswith("/") else raw + "/"
    if raw is not None and not isinstance(raw, str):
        raise fail("a string")
    return raw


def _has_password(url: str) -> bool:
    """A `user:password@` in a URL, or a password= parameter: credentials do not go in a file."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        return bool(parts.password) or "password=" in parts.query.lower()
    except ValueError:
        return "password=" in url.lower()


def _read_toml(path: Path) -> dict[str, Any]:
    return _parse_toml(path, _read_text(path))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read configuration: {exc}") from None


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise decode_error(path, text, exc) from None
