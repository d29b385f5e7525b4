"""`factlint rules explain RULE` tells a writer, in the terminal, what a rule checks."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from factlint.cli.main import main
from factlint.model import Kind
from factlint.resources import docs_dir
from factlint.rulebook.reference import field_docs
from factlint.rulebook.schema import SPEC_FOR_KIND, yaml_key


def explain(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["rules", "explain", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_quantity_mismatch_is_explained_with_description_keys_example_and_page(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = explain(capsys, "quantity-mismatch")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "quantity-mismatch: a quantity rule, severity error"
    assert "A number that counts something (troops, missiles, stations, core issues) differs" in out
    assert "message: The sources say {expected}, not {claim}" in lines
    # every key a quantity rule may have, with this rule's value and what it means
    keys = [yaml_key(f.name) for f in dataclasses.fields(SPEC_FOR_KIND[Kind.QUANTITY])]
    shown = [
        line.split(":")[0].strip() for line in lines if line.startswith("  ") and not line.startswith("   ")
    ]
    assert [k for k in shown if k in keys] == keys
    # each with what it means, from the spec's own field documentation
    docs = field_docs(SPEC_FOR_KIND[Kind.QUANTITY])
    text = " ".join(out.split())
    for name, doc in docs.items():
        assert doc in text, f"{name}: {doc}"
    # a value the rule file sets is shown, a default one says so
    assert any(line.endswith("(default)") for line in lines)
    assert any(line.startswith("  window-days: ") or line.startswith("  nouns: ") for line in lines)
    # an example sentence it flags, and one it leaves alone
    flagged = lines.index("  flagged (drafts written 2024-05-02):")
    assert lines[flagged + 1] == "      The new tram line has 12 stations."
    assert (
        "      The new tram line has 11 stations."
        in lines[lines.index("  left alone (drafts written 2024-05-02):") :]
    )
    assert lines[-1] == f"documentation: {(docs_dir() / 'rules.md').resolve().as_uri()}#quantity"


def test_a_rule_of_one_s_own_folder_is_explained_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "stations.yaml").write_text(
        "id: transit-stations\nkind: quantity\nmessage: '{expected}, not {claim}'\n"
        "description: Our desk counts stops as stations.\nnouns: [station, stop]\n",
        encoding="utf-8",
    )
    code, out, _ = explain(capsys, "transit-stations", "--rules", str(tmp_path))
    assert code == 0
    assert "Our desk counts stops as stations." in out
    assert "  nouns: [station, stop]" in out.splitlines()
    assert "documentation:" not in out


def test_an_unknown_id_gets_a_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    assert explain(capsys, "quantity-mismach") == (
        2,
        "",
        "factlint: quantity-mismach: no loaded rule has this id; did you mean 'quantity-mismatch'?\n",
    )


def test_the_unknown_suppression_check_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = explain(capsys, "unknown-suppression")
    assert code == 0 and out.startswith("unknown-suppression: a check, not a rule file")
