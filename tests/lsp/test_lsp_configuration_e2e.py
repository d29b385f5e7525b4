"""Settings, corpus and rule files change while the editor is open; the server follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_editor import DRAFT, PULL_WITH_REFRESH, SEEDS, Editor, text_at
from lsprotocol import types

TROOPS_LINE = 11


def troops_flagged(ds: object) -> bool:
    assert isinstance(ds, (list, tuple))
    return any(text_at(DRAFT, d.range) == "3,000" for d in ds)


async def test_disabling_a_rule_in_the_settings_rechecks_open_drafts(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    diagnostics = await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    [troops] = [d for d in diagnostics if d.range.start.line == TROOPS_LINE]
    editor.client.diagnostics.pop(uri, None)
    editor.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"factlint": {"disable": [troops.code]}})
    )
    after = await editor.diagnostics(uri, until=lambda ds: all(d.code != troops.code for d in ds))
    assert all(d.range.start.line != TROOPS_LINE for d in after)


@pytest.mark.settings(disable=["place-mismatch"])
async def test_settings_sent_again_replace_the_initial_ones_whole(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    initially = await editor.diagnostics(uri, until=lambda ds: len(ds) > 0)
    assert all(d.code != "place-mismatch" for d in initially)
    editor.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"factlint": {}})
    )
    after = await editor.diagnostics(uri, until=lambda ds: any(d.code == "place-mismatch" for d in ds))
    assert len(after) == 3


async def test_a_wrong_setting_is_shown_once_and_checking_goes_on(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    editor.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"factlint": {"debounceMs": "soon"}})
    )
    shown = await editor.notification(types.WINDOW_SHOW_MESSAGE)
    assert shown.type == types.MessageType.Error and "debounce-ms" in shown.message
    editor.edit(
        uri,
        types.Range(start=types.Position(line=19, character=0), end=types.Position(line=19, character=0)),
        "",
    )
    assert len(await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)) == 3


@pytest.mark.settings(severity={"quantity-mismach": "warning"})
async def test_a_misspelt_rule_id_in_the_settings_is_named_and_the_built_in_rules_check_on(
    editor: Editor,
) -> None:
    uri = editor.open("draft.md", DRAFT)
    shown = await editor.notification(types.WINDOW_SHOW_MESSAGE)
    assert shown.type == types.MessageType.Warning
    assert "unknown rule id 'quantity-mismach' in 'severity'; did you mean 'quantity-mismatch'?" in (
        shown.message
    )
    diagnostics = await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    assert {d.severity for d in diagnostics} == {types.DiagnosticSeverity.Error}


@pytest.fixture
def corpus(workspace: Path) -> Path:
    folder = workspace / "corpus"
    folder.mkdir()
    (folder / "troops.txt").write_text(
        "date 2021-04-01\n\nThe US has 3,000 troops in Afghanistan, officials said.\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.settings(corpus="corpus")
async def test_a_changed_corpus_article_is_rebuilt_and_drafts_rechecked(editor: Editor, corpus: Path) -> None:
    uri = editor.open("draft.md", DRAFT)
    before = await editor.diagnostics(uri)
    assert not troops_flagged(before)
    article = corpus / "troops.txt"
    article.write_text(article.read_text().replace("3,000", "2,500"), encoding="utf-8")
    builds = editor.builds_finished()
    editor.files_changed(article)
    await editor.build_finished(after=builds)
    after = await editor.diagnostics(uri, until=troops_flagged)
    [troops] = [d for d in after if text_at(DRAFT, d.range) == "3,000"]
    assert "2,500" in troops.message
    [source] = troops.related_information or []
    assert source.location.uri == article.resolve().as_uri()
    assert source.location.range.start == types.Position(line=2, character=0)


async def test_the_rebuild_command_reloads_and_reports_the_fact_base(editor: Editor) -> None:
    result = await editor.client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="factlint.rebuild", arguments=[])
    )
    assert result["loaded"] is True
    assert result["articles"] == 5 and result["facts"] > 0 and result["rules"] > 0


async def test_the_facts_command_lists_the_fact_base_with_links_to_each_line(
    editor: Editor,
) -> None:
    text = await editor.client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="factlint.facts", arguments=[])
    )
    assert isinstance(text, str) and text.startswith("# What factlint knows: ")
    seed = (SEEDS / "001_b29daaf1fc701ae9.txt").resolve().as_uri()
    [troops] = [line for line in text.splitlines() if "**2,500**" in line and seed in line]
    assert troops.startswith("- quantity: ") and troops.endswith(f"({seed}#L26))")


DESK_RULE = """\
id: missile-count
kind: quantity
severity: warning
message: "Our desk counts {expected}, not {claim}"
description: The desk's own rule for missile counts.
nouns: [missiles]
"""


@pytest.fixture
def rules(workspace: Path) -> Path:
    """A rule folder with one custom rule, which takes over the missile count."""
    folder = workspace / "rules"
    folder.mkdir()
    (folder / "missiles.yaml").write_text(DESK_RULE, encoding="utf-8")
    return folder


def desk_rule_fires(ds: object) -> bool:
    assert isinstance(ds, (list, tuple))
    return any(d.code == "missile-count" for d in ds)


@pytest.mark.settings(rules="rules")
async def test_a_broken_rule_file_is_marked_and_the_last_good_rules_keep_working(
    editor: Editor, rules: Path
) -> None:
    uri = editor.open("draft.md", DRAFT)
    before = await editor.diagnostics(uri, until=desk_rule_fires)
    assert {d.code for d in before} == {"quantity-mismatch", "place-mismatch", "missile-count"}
    rule_file = rules / "missiles.yaml"
    rule_file.write_text(DESK_RULE.replace("nouns: [missiles]", "nouns: [missiles"), encoding="utf-8")
    editor.files_changed(rule_file)
    marked = await editor.published_for(rule_file.resolve().as_uri(), until=lambda ds: len(ds) > 0)
    assert marked[0].severity == types.DiagnosticSeverity.Error and marked[0].source == "factlint"
    assert marked[0].range.start.line in (5, 6)
    end_of_draft = types.Position(line=len(DRAFT.splitlines()), character=0)
    editor.edit(uri, types.Range(start=end_of_draft, end=end_of_draft), "\nMore to come.\n")
    after = await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    assert desk_rule_fires(after), "the last good rules must keep working"
    rule_file.write_text(DESK_RULE, encoding="utf-8")
    editor.files_changed(rule_file)
    cleared = await editor.published_for(rule_file.resolve().as_uri(), until=lambda ds: len(ds) == 0)
    assert list(cleared) == []


@pytest.mark.settings(rules="rules")
async def test_every_problem_of_a_broken_rule_file_is_marked_at_its_line(editor: Editor, rules: Path) -> None:
    uri = editor.open("draft.md", DRAFT)
    await editor.diagnostics(uri, until=desk_rule_fires)
    rule_file = rules / "missiles.yaml"
    broken = DESK_RULE.replace("severity: warning", "severity: warn").replace("nouns:", "noun:")
    rule_file.write_text(broken, encoding="utf-8")
    editor.files_changed(rule_file)
    marked = await editor.published_for(rule_file.resolve().as_uri(), until=lambda ds: len(ds) == 2)
    assert [(d.range.start.line, d.range.start.character) for d in marked] == [(2, 10), (5, 0)]
    assert "did you mean 'warning'?" in marked[0].message
    assert "did you mean 'nouns'?" in marked[1].message


@pytest.mark.settings(corpus="corpus")
async def test_clients_that_can_watch_files_are_asked_to_watch_the_corpus(
    editor: Editor, corpus: Path
) -> None:
    uri = editor.open("draft.md", DRAFT)
    await editor.diagnostics(uri)
    caps = editor.client.capabilities
    dynamic = bool(
        caps
        and caps.workspace
        and caps.workspace.did_change_watched_files
        and caps.workspace.did_change_watched_files.dynamic_registration
    )
    watchers = [
        w
        for r in editor.registrations
        if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        for w in r.register_options["watchers"]
    ]
    if not dynamic:
        assert watchers == []
        return
    patterns = [str(w["globPattern"]) for w in watchers]
    assert any(str(corpus.resolve()) in p for p in patterns), patterns


@pytest.mark.parametrize("client", [PULL_WITH_REFRESH], indirect=True)
@pytest.mark.settings(corpus="corpus")
async def test_a_pulling_client_is_asked_to_pull_again_after_a_rebuild(editor: Editor, corpus: Path) -> None:
    uri = editor.open("draft.md", DRAFT)
    assert not troops_flagged(await editor.diagnostics(uri))
    article = corpus / "troops.txt"
    article.write_text(article.read_text().replace("3,000", "2,500"), encoding="utf-8")
    builds = editor.builds_finished()
    editor.files_changed(article)
    await editor.build_finished(after=builds)
    # The refresh request goes out before the server answers this pull.
    assert troops_flagged(await editor.diagnostics(uri))
    assert editor.client.diagnostic_refresh_count >= 1


@pytest.fixture
def big_corpus(workspace: Path) -> Path:
    """Enough articles that the engine extracts them in worker processes."""
    folder = workspace / "big-corpus"
    folder.mkdir()
    for n in range(60):
        (folder / f"brief-{n:02}.txt").write_text(
            f"date 2021-03-{n % 28 + 1:02}\n\nThe council met in room {n} to discuss the budget.\n",
            encoding="utf-8",
        )
    (folder / "troops.txt").write_text(
        "date 2021-04-01\n\nThe US has 2,500 troops in Afghanistan, officials said.\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.settings(corpus="big-corpus")
async def test_a_corpus_built_in_worker_processes_does_not_hang_the_server(
    editor: Editor, big_corpus: Path
) -> None:
    uri = editor.open("draft.md", DRAFT)
    found = await editor.diagnostics(uri, until=troops_flagged)
    [troops] = [d for d in found if text_at(DRAFT, d.range) == "3,000"]
    assert "2,500" in troops.message
