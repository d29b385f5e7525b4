"""The cache is the user's alone: created private, and a store someone else owns is not opened.

Another local user who can put a file where factlint looks for its store could
otherwise hand it a fact base of their making (wrong facts at best).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from factlint.config import Config
from factlint.engine import Engine

from .running import SEEDS, Home, draft, factlint


def test_the_cache_folder_is_created_readable_by_its_owner_only(tmp_path: Path, home: Home) -> None:
    result = factlint("lint", draft(tmp_path), home=home)
    assert result.returncode == 1, result.stderr
    assert stat.S_IMODE(home.store_folder.stat().st_mode) == 0o700
    (store,) = home.store_folder.glob("facts-*.sqlite")
    assert stat.S_IMODE(store.stat().st_mode) & 0o077 == 0


def test_a_store_owned_by_another_user_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    config = Config(corpus_dirs=(SEEDS,), cache_dir=tmp_path / "cache")
    Engine.open(config).fact_base.close()
    (store,) = (tmp_path / "cache").glob("facts-*.sqlite")
    before = store.read_bytes(), store.stat().st_mtime_ns
    # The store (and its folder) now look like another user's: this process is someone else.
    monkeypatch.setattr(os, "getuid", lambda: store.stat().st_uid + 1)
    with caplog.at_level(logging.WARNING, logger="factlint"):
        engine = Engine.open(config)
    assert engine.fact_base.path == ":memory:"
    assert "belongs to another user" in caplog.text
    assert (store.read_bytes(), store.stat().st_mtime_ns) == before
    assert engine.check("---\ndate: 2021-04-02\n---\nThe US has 3,000 troops in Afghanistan.\n").findings


def test_a_store_that_is_a_link_is_not_followed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = Config(corpus_dirs=(SEEDS,), cache_dir=tmp_path / "cache")
    Engine.open(config).fact_base.close()
    (store,) = (tmp_path / "cache").glob("facts-*.sqlite")
    elsewhere = tmp_path / "elsewhere.sqlite"
    store.rename(elsewhere)
    store.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    with caplog.at_level(logging.WARNING, logger="factlint"):
        engine = Engine.open(config)
    assert engine.fact_base.path == ":memory:"
    assert "not a regular file" in caplog.text
    assert elsewhere.read_bytes() == before
