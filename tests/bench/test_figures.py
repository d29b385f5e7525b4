"""Judging a measured figure against issue 6's target: lower-is-better and higher-is-better."""

from __future__ import annotations

from bench.figures import BY_KEY, figure_row


def test_a_time_meets_its_target_at_or_below_the_limit() -> None:
    assert BY_KEY["keystroke_2k"].met(15.0) is True
    assert BY_KEY["keystroke_2k"].met(15.1) is False


def test_a_rate_meets_its_target_at_or_above_the_limit() -> None:
    assert BY_KEY["build_cold"].met(250.0) is True
    assert BY_KEY["build_cold"].met(199.0) is False


def test_lookup_is_flat_when_the_largest_corpus_costs_at_most_twice_the_smallest() -> None:
    assert BY_KEY["lookup_growth"].met(1.8) is True
    assert BY_KEY["lookup_growth"].met(25.6) is False


def test_a_figure_not_measured_is_neither_met_nor_missed() -> None:
    row = figure_row("peak_rss", None, "10,000 articles")
    assert row["met"] is None
    assert row["target"] == "<= 500 MB"
