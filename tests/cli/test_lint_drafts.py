"""Which drafts `factlint lint` reads, and which date each is written on."""

from __future__ import annotations

import json
from pathlib import Path

from .running import factlint, write_draft

# Written in 2021 this is two years out of date; written in 2019 it is right.
WAR = "The US has entered into talks with the Taliban to end its 17-year war in Afghanistan.\n"


def flagged_paths(stdout: str) -> set[str]:
    return {Path(d["path"]).name for d in json.loads(stdout)}


def test_a_folder_is_searched_for_markdown_and_text_drafts(tmp_path: Path, cache: Path) -> None:
    wrong = "The US has 3,000 troops in Afghanistan.\n"
    write_draft(tmp_path, "top.md", wrong)
    (tmp_path / "desk").mkdir()
    write_draft(tmp_path / "desk", "nested.txt", wrong)
    write_draft(tmp_path / "desk", "notes.json", wrong)
    result = factlint("lint", "--format", "json", tmp_path, cache=cache)
    assert result.returncode == 1
    assert flagged_paths(result.stdout) == {"top.md", "nested.txt"}


def test_the_date_in_front_matter_wins_over_the_date_option(tmp_path: Path, cache: Path) -> None:
    draft = write_draft(tmp_path, "draft.md", WAR, date="2019-03-13")
    assert factlint("lint", "--date", "2021-04-02", draft, cache=cache).returncode == 0


def test_the_date_option_dates_a_draft_without_front_matter(tmp_path: Path, cache: Path) -> None:
    draft = write_draft(tmp_path, "draft.md", WAR, date=None)
    assert factlint("lint", "--date", "2019-03-13", draft, cache=cache).returncode == 0
    assert factlint("lint", "--date", "2021-04-02", draft, cache=cache).returncode == 1


def test_a_date_in_the_file_name_dates_a_draft_without_front_matter(tmp_path: Path, cache: Path) -> None:
    assert (
        factlint("lint", write_draft(tmp_path, "war-2019-03-13.md", WAR, date=None), cache=cache).returncode
        == 0
    )
    assert (
        factlint("lint", write_draft(tmp_path, "war-2021-04-02.md", WAR, date=None), cache=cache).returncode
        == 1
    )
    # the file's own date is more particular than one given for every draft
    draft = tmp_path / "war-2019-03-13.md"
    assert factlint("lint", "--date", "2021-04-02", draft, cache=cache).returncode == 0
