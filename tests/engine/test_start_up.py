"""What starting factlint imports: not spaCy's command line, which it never runs."""

from __future__ import annotations

import subprocess
import sys

LEFT_OUT = ("spacy.cli", "typer", "weasel", "requests", "httpx")


def _imported_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_engine_and_its_pipeline_load_without_spacy_s_command_line() -> None:
    modules = _imported_after(
        "import factlint.engine\nfrom factlint.text.nlp import pipeline\n"
        "pipeline()('It opened in 2021.')\nimport factlint.cli.lint_command"
    )
    assert "spacy" in modules
    assert not [m for m in modules if m.split(".")[0] in LEFT_OUT or m.startswith("spacy.cli")]


def test_spacy_s_command_line_still_imports_when_asked_for() -> None:
    modules = _imported_after(
        "from factlint.text.spacy_import import load_spacy\nspacy = load_spacy()\n"
        "import spacy.cli\nassert callable(spacy.cli.info) and callable(spacy.cli.download)\n"
        "assert spacy.info is not None"
    )
    assert "spacy.cli.info" in modules
