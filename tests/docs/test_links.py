"""Every link a user can follow leads somewhere: the README, docs/, the editors' READMEs,
the rule files' `link:`, and every URL in what ships (code, manifests, hook definition).

- A relative link names a file of the repository, and its `#anchor` a heading there
  (GitHub's slugs: what the rendered page and the `file:` links of `rules explain` use).
- A URL names a host the project can stand behind: no such host exists for factlint
  itself (it has no public home), so the only ones allowed are a short list of
  third-party pages that are real (the SARIF schema, pre-commit's site), the reserved
  example domains (RFC 2606: `example.org` and friends, which read as placeholders)
  and the loopback address.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

THIRD_PARTY_HOSTS = {
    "json.schemastore.org": "the SARIF 2.1.0 schema, SARIF's own $schema",
    "pre-commit.com": "pre-commit's documentation",
    "no-color.org": "the NO_COLOR convention",
}
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net", "example")
LOOPBACK = {"127.0.0.1", "localhost"}

MARKDOWN = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").rglob("*.md")),
    *sorted((ROOT / "editors").glob("*/README.md")),
]
RULE_FILES = sorted((ROOT / "rules").glob("*.yaml"))

URL = re.compile(r"\bhttps?://[A-Za-z0-9][^\s\"'`<>)\]}]*")
FENCE = re.compile(r"^(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<target><[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\)")


def shipped_files() -> list[Path]:
    """Tracked files that reach users: docs, rules, the package, the editor clients, manifests."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    keep = re.compile(
        r"(README\.md|docs/.*\.md|rules/.*\.yaml|server/.*\.py|editors/nvim/.*\.lua|"
        r"editors/vscode/(src/.*\.ts|package\.json|README\.md)|\.pre-commit-hooks\.yaml|pyproject\.toml|"
        r"scripts/.*|editors/scripts/.*)\Z"
    )
    return [ROOT / name for name in listed if keep.match(name) and (ROOT / name).is_file()]


def prose(text: str) -> str:
    """The Markdown outside fenced code blocks and inline code: where links are links."""
    out, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line.lstrip()):
            fenced = not fenced
            out.append("")
            continue
        out.append("" if fenced else INLINE_CODE.sub("", line))
    return "\n".join(out)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link counts by its text
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: Counter[str] = Counter()
    found = set()
    for line in prose(path.read_text(encoding="utf-8")).splitlines():
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*\s*\Z", line)
        if heading:
            base = slug(heading.group(1))
            found.add(base if not seen[base] else f"{base}-{seen[base]}")
            seen[base] += 1
    return found


def broken_relative(source: Path, target: str) -> str | None:
    """Why `target`, linked from `source`, leads nowhere; None when it resolves."""
    file_part, _, fragment = unquote(target).partition("#")
    path = (source.parent / file_part).resolve() if file_part else source
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    if not path.exists():
        return f"no file {shown}"
    if fragment and path.suffix == ".md" and fragment not in anchors(path):
        return f"no heading #{fragment} in {shown}"
    return None


def host_allowed(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    if host in THIRD_PARTY_HOSTS or host in LOOPBACK:
        return True
    return any(host == d or host.endswith("." + d) for d in EXAMPLE_DOMAINS)


@pytest.mark.parametrize("page", MARKDOWN, ids=[str(p.relative_to(ROOT)) for p in MARKDOWN])
def test_every_relative_link_of_a_page_resolves_with_its_anchor(page: Path) -> None:
    broken = []
    for match in LINK.finditer(prose(page.read_text(encoding="utf-8"))):
        target = match.group("target").strip("<>")
        if not target or urlparse(target).scheme:
            continue
        why = broken_relative(page, target)
        if why:
            broken.append(f"{match.group(0)}: {why}")
    assert broken == []


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=[p.name for p in RULE_FILES])
def test_a_built_in_rule_links_to_a_heading_that_exists(rule_file: Path) -> None:
    link = yaml.safe_load(rule_file.read_text(encoding="utf-8"))["link"]
    assert not urlparse(link).scheme, f"{link}: the built-in rules link to the docs that ship with them"
    assert broken_relative(rule_file, link) is None, broken_relative(rule_file, link)


def test_no_shipped_file_names_a_host_the_project_cannot_stand_behind() -> None:
    files = shipped_files()
    assert len(files) > 50, "the walk found too few files to mean anything"
    bad = [
        f"{path.relative_to(ROOT)}:{number}: {url}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        for url in URL.findall(line)
        if not host_allowed(url)
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("What is not a key: regexes and token patterns", "what-is-not-a-key-regexes-and-token-patterns"),
        (
            "`factlint lint --format json`: the output contract",
            "factlint-lint---format-json-the-output-contract",
        ),
        ("Neovim with nvim-lspconfig", "neovim-with-nvim-lspconfig"),
        ("Try it, then test it", "try-it-then-test-it"),
    ],
)
def test_anchors_are_made_as_github_makes_them(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor


def test_the_walk_finds_links_and_broken_ones(tmp_path: Path) -> None:
    """The checker itself: a page with a good link, a missing file and a missing heading."""
    (tmp_path / "other.md").write_text("# Other page\n\n## A section\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n[ok](other.md#a-section) [gone](nowhere.md) [no heading](other.md#b-section)\n"
        "```\n[in code](ignored.md)\n```\n",
        encoding="utf-8",
    )
    targets = [m.group("target") for m in LINK.finditer(prose(page.read_text(encoding="utf-8")))]
    assert targets == ["other.md#a-section", "nowhere.md", "other.md#b-section"]
    assert [broken_relative(page, t) is None for t in targets] == [True, False, False]
    assert not host_allowed("https://github.com/newsroom/factlint")
    assert host_allowed("https://git.example.org/your-team/factlint")
