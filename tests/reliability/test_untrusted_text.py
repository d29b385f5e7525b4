"""Text from articles and drafts reaches editors and CI tools as text, never as markup or commands.

An article's `url:` and `<a href>` are the writer's to choose: in hover Markdown
they must not become images (fetched by the editor) or `command:` links, and the
JUnit report must stay XML whatever control characters a draft or article holds.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from factlint.lsp.hover import hover_markdown
from factlint.model import ArticleMeta, Finding, Kind, Location, Severity, SourceRef

from .running import Home, corpus, draft, factlint

HOSTILE_URLS = (
    "command:workbench.action.terminal.new",
    "javascript:alert(1)",
    "https://news.example/a) ![pixel](https://tracker.example/p.png) [run](command:x.y",
    "https://news.example/<img src=x>",
)


def inline_tokens(markdown: str) -> list[Token]:
    """The inline tokens of a CommonMark parse that, unlike markdown-it's default, keeps every
    link whatever its scheme: what an editor trusting the server would render."""
    parser = MarkdownIt("commonmark")
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    tokens = []
    for block in parser.parse(markdown):
        tokens.extend(block.children or [])
    return tokens


def finding_citing(url: str, link: str, title: str) -> Finding:
    where = Location("/corpus/a.md", 3, 1, 3, 20)
    article = ArticleMeta(path="/corpus/a.md", title=title, date=date(2021, 4, 1), url=url)
    source = SourceRef(
        article=article,
        sentence="The US has 2,500 troops ![x](https://tracker.example/q.png) <b>now</b>.",
        sentence_location=where,
        value_text="2,500",
        value_location=where,
        link=link,
    )
    return Finding(
        rule="quantity-mismatch",
        kind=Kind.QUANTITY,
        severity=Severity.ERROR,
        message="The sources say “2,500”, not 3,000",
        start=0,
        end=5,
        claim_text="3,000",
        expected=("2,500",),
        sources=(source,),
    )


def test_hover_links_only_to_http_urls_and_the_source_file_and_shows_no_image() -> None:
    for url in HOSTILE_URLS:
        markdown = hover_markdown(finding_citing(url, url + "#href", "Title\n\n# [x](command:y)"))
        tokens = inline_tokens(markdown)
        assert not [t for t in tokens if t.type == "image"], (url, markdown)
        assert not [t for t in tokens if t.type == "html_inline"], (url, markdown)
        targets = [str(t.attrGet("href")) for t in tokens if t.type == "link_open"]
        assert targets, markdown
        assert all(t.startswith(("file://", "https://news.example/")) for t in targets), (url, targets)


def test_an_http_url_stays_one_link_to_where_it_pointed() -> None:
    url = "https://news.example/story?id=1)&part=2 b"
    markdown = hover_markdown(finding_citing(url, "", "Title"))
    targets = [str(t.attrGet("href")) for t in inline_tokens(markdown) if t.type == "link_open"]
    assert targets[1:] == ["https://news.example/story?id=1%29&part=2%20b"]


def test_the_junit_report_is_xml_whatever_control_characters_the_texts_hold(
    tmp_path: Path, home: Home
) -> None:
    sentence = "The US has 2,500 troops in Afghanistan, \x07officials\x1b[31m said."
    articles = corpus(tmp_path / "articles", {"troops.txt": f"date 2021-04-01\n{sentence}\n"})
    mine = draft(tmp_path, "The US has 3,000 troops in \x01Afghanistan.\n")
    result = factlint("lint", "--format", "junit", "--seeds", articles, mine, home=home)
    assert result.returncode == 1, result.stderr
    suites = ET.fromstring(result.stdout)
    failures = suites.findall(".//failure")
    assert len(failures) == 1
    assert "2,500" in (failures[0].text or "")
