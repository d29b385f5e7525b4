"""Run `factlint` as a stranger's repository, a broken archive or a shared cache would meet it.

Each run gets its own home: `XDG_CACHE_HOME` and `XDG_CONFIG_HOME` under the test's
folder, so the cache a run uses, and the user configuration it reads, are the ones
the test set up and nothing on the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

CONTRADICTING = "The US has 3,000 troops in Afghanistan.\n"
"""Against the seeds (2,500 troops) this is one quantity-mismatch finding."""


@dataclass(frozen=True)
class Home:
    """A user's folders: where the cache goes and where their own configuration lives."""

    root: Path

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def config(self) -> Path:
        return self.root / "config"

    @property
    def store_folder(self) -> Path:
        return self.cache / "factlint"

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(XDG_CACHE_HOME=str(self.cache), XDG_CONFIG_HOME=str(self.config), **extra)
        env.pop("FACTLINT_DEBUG", None)
        return env

    def own_config(self, text: str) -> Path:
        """Write the user's own `config.toml`."""
        path = self.config / "factlint" / "config.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path


def factlint(
    *args: str | Path, home: Home, cwd: Path | None = None, timeout: float = 120, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """`factlint ARGS...` in a process of its own, with `home`'s cache and configuration."""
    done = subprocess.run(
        [sys.executable, "-m", "factlint", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=home.env(),
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def draft(folder: Path, body: str = CONTRADICTING, name: str = "draft.md", when: str = "2021-04-02") -> Path:
    """A Markdown draft dated `when` by its front matter."""
    return write(folder / name, f"---\ntitle: A draft\ndate: {when}\n---\n\n{body}")


def corpus(folder: Path, articles: dict[str, str]) -> Path:
    """A corpus folder holding `articles` (file name -> text)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        write(folder / name, text)
    return folder


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
