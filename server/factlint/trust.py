"""What a repository's own configuration may do, and what only the user's may.

A `factlint.toml` (or `[tool.factlint]`) found by walking up from a draft comes
with the repository: whoever wrote it is a stranger to the person running
`factlint lint` in a fresh clone, in CI on a pull request, or in an editor that
starts `factlint serve` on opening the folder. So it is read as data under
limits:

- `cache-dir` is ignored (with a note): choosing where the cache lives would let a
  repository hand factlint a fact base it planted.
- `corpus`, `rules` and `facts` must resolve (symbolic links followed) inside the
  folder that holds the file, its workspace: a repository cannot make factlint
  read, and then quote, `~/.ssh` or `/etc/passwd`.
- `trust` (below) cannot be set there at all.

The user's own configuration, `$XDG_CONFIG_HOME/factlint/config.toml`, takes the
same keys without these limits, and its `trust` list names folders whose
repositories the user vouches for: their configuration is read as the user's own.
Command-line options and editor settings are the user's too.
"""

from __future__ import annotations

import os
from pathlib import Path

from factlint.errors import ConfigError

USER_CONFIG_NAME = "config.toml"
UNTRUSTED_KEYS = ("cache-dir", "store")
"""Settings a repository's configuration may not make: ignored there, with a note. A cache folder
or a shared store of its choosing would let a cloned repository choose what facts are read
and where they are written."""
USER_ONLY_KEYS = ("trust",)
"""Settings that only make sense in the user's own configuration: an error elsewhere."""


def user_config_path() -> Path:
    """The user's own configuration file (it need not exist)."""
    root = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(root) / "factlint" / USER_CONFIG_NAME


def is_trusted(folder: Path, trusted: tuple[Path, ...]) -> bool:
    """Whether a configuration file in `folder` is vouched for by the user's `trust` list."""
    here = folder.resolve()
    return any(here == root or here.is_relative_to(root) for root in trusted)


def ignored_note(source: str, key: str) -> str:
    return (
        f"{source}: {key!r} is ignored: a repository's configuration cannot set it "
        f"(set it in {user_config_path()} or on the command line)"
    )


def confine(paths: tuple[Path, ...], workspace: Path, source: str, key: str) -> tuple[Path, ...]:
    """`paths` (already resolved), each required to lie inside `workspace`.

    Raises `ConfigError` naming the setting and the path, never reading the file.
    """
    root = workspace.resolve()
    for path in paths:
        if path != root and not path.is_relative_to(root):
            raise ConfigError(
                source,
                f"setting {key!r} points outside the workspace {root}: {path}; a repository's "
                f"configuration may only name files inside it (your own configuration, "
                f"{user_config_path()}, or a command-line option can name any folder, and its "
                f"'trust' list can vouch for this repository)",
                key=key,
                at_value=True,
            )
    return paths
