"""The server's configuration: the workspace's `factlint.toml` under the editor's settings.

Editor settings arrive as `initializationOptions` and with
`workspace/didChangeConfiguration` (or on request through `workspace/configuration`),
either as a `factlint` section or as the bare table. Keys are those of
`factlint.toml`; camelCase spellings (`debounceMs`) are accepted as editors write
them. A wrong setting is reported once and the editor's settings are ignored,
never half applied.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from factlint.config import Config, config_from_mapping, load_config

SECTION = "factlint"
EDITOR_SOURCE = "editor settings (factlint)"

_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")


def editor_table(raw: Any) -> dict[str, Any]:
    """The factlint settings in what an editor sent, with keys in `factlint.toml` spelling."""
    if not isinstance(raw, dict):
        return {}
    section = raw.get(SECTION, raw)
    if not isinstance(section, dict):
        return {}
    return {_CAMEL.sub(r"-\1", str(key)).lower(): value for key, value in section.items()}


def layered_config(root: Path | None, editor: dict[str, Any]) -> Config:
    """The workspace file's configuration with every editor setting applied over it.

    Raises `ConfigError` for a broken file or a wrong editor setting.
    """
    base = load_config(start=root) if root is not None else Config()
    if not editor:
        return base
    own = config_from_mapping(editor, base_dir=root or Path.cwd(), source=EDITOR_SOURCE)
    defaults = Config()
    overrides = {
        f.name: getattr(own, f.name)
        for f in fields(Config)
        if f.name != "config_path" and getattr(own, f.name) != getattr(defaults, f.name)
    }
    return replace(base, **overrides)


def needs_rebuild(old: Config, new: Config) -> bool:
    """Whether going from `old` to `new` changes more than the debounce delay."""
    return replace(old, debounce_ms=new.debounce_ms) != new
