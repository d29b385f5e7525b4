"""A cloned repository's own configuration is a stranger's data: it runs nothing, reads only itself.

The attack of issue 12: a repository ships `factlint.toml` with `cache-dir` pointing
into itself and a crafted store at the (predictable) name factlint uses; running
`factlint lint` there, or opening the folder in an editor, unpickled it. Paths in the
file, the spaCy model it names and the errors about what it names are confined the
same way; the user's own configuration is not.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factlint.config import load_config
from factlint.corpus.factbase import store_key

from .rpc import Server
from .running import Home, draft, factlint, no_traceback, write


def plant_store(repo: Path) -> Path:
    """A store at the name factlint would use for this repository's configuration: if it were
    opened, SQLite would leave -wal/-shm files beside it and factlint a lock file."""
    config = load_config(start=repo / "draft.md")
    planted = repo / ".factlint-cache" / f"facts-{store_key(config)}.sqlite"
    planted.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(planted)
    db.executescript("CREATE TABLE sources (key TEXT PRIMARY KEY, size INTEGER, mtime INTEGER);")
    db.commit()
    db.close()
    return planted


def hostile_repository(tmp_path: Path) -> tuple[Path, Path, bytes]:
    repo = tmp_path / "cloned"
    write(repo / "factlint.toml", 'cache-dir = ".factlint-cache"\n')
    draft(repo)
    planted = plant_store(repo)
    return repo, planted, planted.read_bytes()


def assert_untouched(planted: Path, content: bytes) -> None:
    assert planted.read_bytes() == content
    assert sorted(p.name for p in planted.parent.iterdir()) == [planted.name], "the planted store was opened"


def test_lint_in_a_cloned_repository_never_opens_the_store_its_config_points_at(
    tmp_path: Path, home: Home
) -> None:
    repo, planted, content = hostile_repository(tmp_path)
    result = factlint("lint", "draft.md", home=home, cwd=repo)
    no_traceback(result)
    assert_untouched(planted, content)
    assert result.returncode == 1, result.stderr  # checked all the same, with the user's own cache
    assert "quantity-mismatch" in result.stdout
    assert "'cache-dir' is ignored" in result.stderr
    assert list(home.store_folder.glob("facts-*.sqlite")), "the fact base was built in the user's cache"


def test_a_server_started_in_a_cloned_repository_never_opens_the_planted_store(
    tmp_path: Path, home: Home
) -> None:
    repo, planted, content = hostile_repository(tmp_path)
    server = Server(home, cwd=repo)
    try:
        assert server.initialize(repo) is not None
        status = server.status()
        assert status is not None and status["params"]["state"] == "ready", server.log()
        said = server.wait_for(lambda m: m.get("method") == "window/showMessage", timeout=5)
        assert said is not None and "'cache-dir' is ignored" in said["params"]["message"]
    finally:
        server.stop()
    assert_untouched(planted, content)
    assert list(home.store_folder.glob("facts-*.sqlite"))


def test_paths_in_a_repositorys_config_must_stay_inside_it(tmp_path: Path, home: Home) -> None:
    outside = tmp_path / "elsewhere"
    write(outside / "secret.yaml", "token: not-for-strangers\n")
    repo = tmp_path / "cloned"
    draft(repo)
    (repo / "linked").symlink_to(outside, target_is_directory=True)
    cases = {
        'rules = ["/etc/passwd"]': "/etc/passwd",
        'corpus = "../elsewhere"': str(outside),
        'facts = ["linked/secret.yaml"]': str(outside / "secret.yaml"),
        'corpus = "~"': str(Path.home()),
    }
    for toml, named in cases.items():
        write(repo / "factlint.toml", toml + "\n")
        result = factlint("lint", "draft.md", home=home, cwd=repo)
        no_traceback(result)
        assert result.returncode == 2, (toml, result.stderr)
        assert "points outside the workspace" in result.stderr and named in result.stderr, toml
        assert "root:" not in result.stderr + result.stdout and "not-for-strangers" not in result.stderr


def test_the_users_own_configuration_may_point_anywhere_and_vouch_for_a_repository(
    tmp_path: Path, home: Home
) -> None:
    archive = tmp_path / "archive"
    write(archive / "troops.txt", "date 2021-04-01\nThe US has 2,500 troops in Afghanistan.\n")
    repo = tmp_path / "newsroom"
    draft(repo)
    home.own_config(f'corpus = ["{archive}"]\n')
    own = factlint("lint", "draft.md", home=home, cwd=repo)
    assert own.returncode == 1, own.stderr
    assert "troops.txt" in own.stdout

    write(repo / "factlint.toml", f'corpus = ["{archive}"]\n')
    refused = factlint("lint", "draft.md", home=home, cwd=repo)
    assert refused.returncode == 2 and "points outside the workspace" in refused.stderr

    home.own_config(f'trust = ["{tmp_path}"]\n')
    trusted = factlint("lint", "draft.md", home=home, cwd=repo)
    assert trusted.returncode == 1, trusted.stderr
    assert "troops.txt" in trusted.stdout


def test_a_repository_cannot_vouch_for_itself(tmp_path: Path, home: Home) -> None:
    repo = tmp_path / "cloned"
    draft(repo)
    write(repo / "factlint.toml", f'trust = ["{tmp_path}"]\n')
    result = factlint("lint", "draft.md", home=home, cwd=repo)
    assert result.returncode == 2
    assert "'trust' belongs in your own configuration" in result.stderr


def test_spacy_model_names_only_an_installed_spacy_pipeline_package(tmp_path: Path, home: Home) -> None:
    import spacy

    repo = tmp_path / "cloned"
    draft(repo)
    spacy.blank("en").to_disk(repo / "model")  # a pipeline folder inside the repository
    for name in ("model", "./model", "tqdm", "os.path", "../x"):
        write(repo / "factlint.toml", f'spacy-model = "{name}"\n')
        result = factlint("lint", "draft.md", home=home, cwd=repo)
        no_traceback(result)
        assert result.returncode == 2, (name, result.stderr)
        assert f"spacy-model {name!r} is not an installed spaCy pipeline package" in result.stderr


def test_errors_about_a_file_never_quote_its_content(tmp_path: Path, home: Home) -> None:
    secret = write(tmp_path / "token.txt", "ghp_s3cr3tT0k3nV4lu3\n")
    mine = draft(tmp_path)
    for option in ("--rules", "--facts"):
        result = factlint("lint", option, secret, mine, home=home)
        no_traceback(result)
        assert result.returncode == 2, result.stderr
        assert str(secret) in result.stderr
        assert "s3cr3t" not in result.stderr + result.stdout, option


def test_a_repository_cannot_send_the_fact_base_to_a_database_of_its_choosing(tmp_path: Path) -> None:
    repo = tmp_path / "cloned"
    write(repo / "factlint.toml", 'store = "postgresql://collector.invalid/facts"\n')
    draft(repo)
    config = load_config(start=repo / "draft.md")
    assert config.store is None
    assert any("'store' is ignored" in note for note in config.notes)
