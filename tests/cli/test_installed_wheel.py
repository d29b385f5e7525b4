"""The wheel is what a newsroom installs (`pip wheel .`, then `pipx install` it): it carries
the built-in rules, the seed corpus and the documentation, so the README's first command
works from it and a finding's rule link opens the installed page, with no network.

The wheel is built as the README says (`pip wheel`, setuptools from the package index)
and unpacked with `pip install --no-deps --target`, so the test runs the installed package
with the dependencies of this environment and nothing of the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

from .running import REPO


def pip(*args: str | Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip("wheel", "--quiet", "--no-deps", "-w", out, REPO)
    [built] = out.glob("factlint-*.whl")
    return built


@pytest.fixture(scope="module")
def site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel unpacked as an installed package, away from the checkout."""
    target = tmp_path_factory.mktemp("site")
    pip("install", "--quiet", "--no-deps", "--target", target, wheel)
    return target


def test_the_wheel_ships_the_rules_the_seeds_and_the_docs(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for page in sorted((REPO / "docs").glob("*.md")):
        assert f"factlint/docs/{page.name}" in names
    assert "factlint/_builtin_rules/quantity.yaml" in names
    assert any(n.startswith("factlint/_seeds/") and n.endswith(".txt") for n in names)


def test_an_installed_factlint_links_each_finding_to_its_installed_rule_page(
    site: Path, tmp_path: Path
) -> None:
    target = site
    draft = tmp_path / "draft.md"
    draft.write_bytes((REPO / "examples" / "draft.md").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(target), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "factlint", "lint", "--format", "json", draft.name],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert [f["rule"] for f in findings] == ["quantity-mismatch", "place-mismatch"]
    for finding in findings:
        link = urlparse(finding["rule_url"])
        page = Path(url2pathname(link.path))
        assert link.scheme == "file" and page.is_relative_to(target / "factlint" / "docs"), link
        assert f"### {link.fragment}\n" in page.read_text(encoding="utf-8")
        assert Path(finding["sources"][0]["path"]).is_relative_to(target / "factlint" / "_seeds")


def test_help_names_the_installed_documentation(site: Path) -> None:
    target = site
    env = {**os.environ, "PYTHONPATH": str(target), "COLUMNS": "400"}
    for command, page in ((["--help"], ""), (["lint", "--help"], "ci.md")):
        shown = subprocess.run(
            [sys.executable, "-m", "factlint", *command], env=env, capture_output=True, text=True, check=True
        ).stdout
        assert str(target / "factlint" / "docs" / page).rstrip("/") in shown, shown
