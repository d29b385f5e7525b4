"""`factlint lint --format html`: one self-contained page, checked in a real headless Chromium.

The draft (tests/report/ferry-draft.md, against tests/corpora/audit) has a contradicted
figure with a history (400 staff; the sources say 310, then 350), confirmed claims and an
unsourced one. The page must load nothing from anywhere, mark all three kinds, and show the
source sentence when the contradiction is hovered. The screenshot goes to
artifacts/report/html-report.png; docs/images/html-report.png is a copy of one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from factlint.cli.main import main

from .chromium import Browser, chromium_path

ROOT = Path(__file__).resolve().parents[2]
DRAFT = Path(__file__).parent / "ferry-draft.md"
CORPUS = ROOT / "tests" / "corpora" / "audit" / "articles"
SCREENSHOT = ROOT / "artifacts" / "report" / "html-report.png"
SOURCE_SENTENCE = "Marlow Ferries now employs 350 staff, after a recruitment drive over the winter."


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    cache = str(folder / "cache")
    code = main(
        [
            "lint",
            "--format",
            "html",
            "-o",
            str(page),
            "--seeds",
            str(CORPUS),
            "--cache-dir",
            cache,
            str(DRAFT),
        ]
    )
    assert code == 1  # the draft has a contradiction
    return page


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    executable = chromium_path()
    if executable is None:
        message = "the html report test needs chromium (apt); scripts/test installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    opened = Browser(executable, tmp_path / "profile")
    try:
        yield opened
    finally:
        opened.close()


def test_the_page_loads_nothing_from_anywhere(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page)
    assert "url(" not in page and "@import" not in page and "@font-face" not in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith("file://") for h in hrefs)  # links to the sources, never fetched


def test_every_kind_of_claim_is_marked_with_a_legend(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    for verdict in ("contradicted", "confirmed", "unsourced"):
        assert f'<li><mark class="claim {verdict}">value</mark> {verdict}' in page
    marked = dict(
        (text, verdict)
        for verdict, text in re.findall(
            r'<mark class="claim (\w+)" tabindex="0" aria-describedby="card-\d+">([^<]+)', page
        )
    )
    assert marked == {
        "400": "contradicted",
        "14": "confirmed",
        "15 March 2024": "contradicted",
        "40,000": "unsourced",
    }
    assert "4 claims: 1 confirmed by the sources, 2 contradicted, 1 unsourced" in page


def test_hovering_a_contradiction_shows_its_source_sentence_and_history(
    report: Path, browser: Browser
) -> None:
    browser.open(report.as_uri())
    mark = "document.querySelector('.draft mark.contradicted')"
    card = f"{mark}.querySelector('.card')"
    assert browser.evaluate(f"getComputedStyle({card}).display") == "none"
    box = json.loads(browser.evaluate(f"{mark}.scrollIntoView({{block: 'center'}}); "
                                      f"JSON.stringify({mark}.getBoundingClientRect())"))  # fmt: skip
    browser.hover(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert browser.evaluate(f"getComputedStyle({card}).display") == "block"
    shown = browser.evaluate(f"{card}.innerText")
    assert SOURCE_SENTENCE in shown
    assert "310 · 2023-01-10" in shown and "350 · 2024-03-04 ◀ compared" in shown
    # the card is on top: the point at its quote is the quote, not the text under it
    on_top = browser.evaluate(
        f"(() => {{ const q = {card}.querySelector('.quote').getBoundingClientRect();"
        " const hit = document.elementFromPoint(q.x + q.width / 2, q.y + q.height / 2);"
        " return hit.closest('.card') !== null; })()"
    )
    assert on_top is True
    browser.screenshot(SCREENSHOT)
    assert SCREENSHOT.stat().st_size > 10_000
