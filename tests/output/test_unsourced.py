"""Unsourced claims: new information, reported at `info` only when asked, and counted in the summary.

The seeds never mention how many delegations the Istanbul conference expects, so
"20 countries" is unsourced; "2,500 troops" is confirmed, "3,000 troops" contradicted
and "Afghanistan", the place, confirmed in each sentence that names it.
"""

from __future__ import annotations

from pathlib import Path

from .drafts import AGREEMENT, CONTRADICTION, Lint, draft

NEW = "The Istanbul conference is expected to bring together delegations from 20 countries.\n"
MIXED = draft(AGREEMENT + "\n" + CONTRADICTION + "\n" + NEW)


def test_unsourced_claims_are_left_out_unless_asked_for(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "a.md").write_text(MIXED, encoding="utf-8")
    outcome = lint(str(tmp_path / "a.md"))
    assert "unsourced-claim" not in outcome.out
    assert outcome.out.splitlines()[-1] == (
        "1 contradiction in 1 file, 1 checked; "
        "5 claims: 3 confirmed by the sources, 1 contradicted, 1 unsourced"
    )  # confirmed: 2,500 and Afghanistan twice


def test_show_unsourced_reports_each_at_info_without_failing(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "a.md").write_text(draft(NEW), encoding="utf-8")
    outcome = lint("--show-unsourced", str(tmp_path / "a.md"))
    [line, summary] = outcome.out.splitlines()
    assert line.endswith(
        "a.md:5:72: info[unsourced-claim] No source gives this figure: new information, not verified"
    )
    assert summary.startswith("0 contradictions in 0 files, 1 checked; ")
    assert outcome.code == 0


def test_the_configuration_can_ask_for_unsourced_claims(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "factlint.toml").write_text("show-unsourced = true\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(draft(NEW), encoding="utf-8")
    assert "info[unsourced-claim]" in lint(str(tmp_path / "a.md")).out


def test_a_comment_silences_an_unsourced_claim(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "a.md").write_text(draft("<!-- factlint-disable-next-line unsourced-claim -->\n" + NEW))
    outcome = lint("--show-unsourced", str(tmp_path / "a.md"))
    assert "unsourced-claim" not in outcome.out and "unknown-suppression" not in outcome.out
