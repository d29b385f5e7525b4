"""A team's shared store: configured without a password, built by `factlint build`, read by `lint`
with the same verdicts as each writer's own SQLite cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factlint.cli.main import main
from factlint.config import config_from_mapping
from factlint.corpus.backend import StoreError
from factlint.corpus.store import FactStore
from factlint.errors import ConfigError

from .stores import ROOT

CASES = sorted((ROOT / "tests" / "golden").glob("*/input.md"))


def test_a_store_url_with_a_password_is_refused_in_a_configuration_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="PGPASSWORD"):
        config_from_mapping({"store": "postgresql://ed:secret@db/facts"}, tmp_path, "factlint.toml")
    config = config_from_mapping({"store": "postgresql://ed@db/facts"}, tmp_path, "factlint.toml")
    assert config.store == "postgresql://ed@db/facts"


def test_an_unreachable_store_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://nobody@/facts?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="cannot reach the store"):
        FactStore(url)
    monkeypatch.setenv("FACTLINT_STORE", url)
    draft = tmp_path / "draft.md"
    draft.write_text("The bridge has 14 spans.\n")
    assert main(["lint", "--cache-dir", str(tmp_path / "cache"), str(draft)]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "cannot reach the store" in error[0] and "nobody" in error[0]


def _lint_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    """Every finding of the eval drafts, with its sources, as `factlint lint --format json` gives them."""
    capsys.readouterr()
    main(["lint", "--format", "json", *args, *map(str, CASES)])
    findings: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return findings


def test_the_shared_store_gives_the_verdicts_of_the_private_cache_on_the_eval_drafts(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    private = _lint_json(["--cache-dir", str(tmp_path / "cache")], capsys)
    assert main(["build", "--quiet", "--store", pg_url]) == 0
    assert "articles" in capsys.readouterr().out
    monkeypatch.setenv("FACTLINT_STORE", pg_url)
    shared = _lint_json(["--cache-dir", str(tmp_path / "unused")], capsys)
    assert shared == private and len(private) >= 2
    assert not (tmp_path / "unused").exists(), "a reader of the shared store built a cache of its own"


def test_a_reader_that_may_only_select_opens_the_shared_store(pg_url: str, tmp_path: Path) -> None:
    import psycopg

    from .stores import sync, write_articles

    built = FactStore(pg_url)
    sync(built, write_articles(tmp_path / "corpus", range(6)))
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS reader")
        admin.execute("CREATE ROLE reader LOGIN")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader = FactStore(pg_url.replace("postgres@", "reader@"))
    assert reader.article_count == built.article_count == 6
    assert [fact.mention for fact, _ in reader.iter_facts()] == [
        fact.mention for fact, _ in built.iter_facts()
    ]


def test_a_store_written_by_a_newer_factlint_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "facts.sqlite")
    store = FactStore(path)
    store.set_meta("schema", "99")
    store.close()
    with pytest.raises(StoreError, match="schema version 99"):
        FactStore(path)
