"""Golden files: every output format on the shared eval drafts, byte for byte.

`tests/golden/<case>/input.md` is a copy of `shared/eval/cases/<case>.md` (a
copy, so a change to the shared set never breaks this suite unannounced),
checked from the repository root against the bundled seeds; `expected.<format>`
is what `factlint lint --format <format>` prints. Absolute paths are replaced
by `<ROOT>` so the files hold on any clone.
A change in output is a test failure until the goldens are refreshed on purpose:

    FACTLINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from factlint.cli.main import main

GOLDEN = Path(__file__).resolve().parent
ROOT = GOLDEN.parents[1]
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "input.md").is_file())
EXTENSIONS = {"text": "txt", "json": "json", "github": "github", "sarif": "sarif", "junit": "xml"}
UPDATE = os.environ.get("FACTLINT_UPDATE_GOLDEN") == "1"


def normalise(output: str) -> str:
    """Machine-specific paths out: the checkout's absolute path and its file URI."""
    return output.replace(ROOT.as_uri(), "file://<ROOT>").replace(str(ROOT), "<ROOT>")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("golden-cache")


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
@pytest.mark.parametrize("case", CASES)
def test_output_matches_golden_file(
    case: str,
    fmt: str,
    cache_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    draft = Path("tests", "golden", case, "input.md")
    code = main(["lint", "--format", fmt, "--cache-dir", str(cache_dir), str(draft)])
    output = normalise(capsys.readouterr().out)
    expected_file = GOLDEN / case / f"expected.{EXTENSIONS[fmt]}"
    compare_with_golden(expected_file, output, update=UPDATE, ci=bool(os.environ.get("CI")))
    assert code == 1, "every shared eval draft holds contradictions"


def compare_with_golden(expected_file: Path, output: str, update: bool, ci: bool) -> None:
    """Pass only when `output` is what the golden file holds. In update mode a changed golden
    file is written and the test fails with the diff to review (it never compares the output
    with what it has just written); update mode is refused in CI."""
    if update and ci:
        pytest.fail("FACTLINT_UPDATE_GOLDEN is refused when CI is set: goldens are refreshed by people")
    before = expected_file.read_text(encoding="utf-8") if expected_file.is_file() else ""
    if update and output != before:
        expected_file.write_text(output, encoding="utf-8")
        diff = "".join(
            difflib.unified_diff(before.splitlines(True), output.splitlines(True), "before", "after")
        )
        pytest.fail(f"regenerated {expected_file.name}: review the diff\n{diff}")
    assert expected_file.is_file(), "no golden file; refresh with FACTLINT_UPDATE_GOLDEN=1"
    assert output == before, (
        f"{expected_file.name} differs from the output; if the change is meant, refresh with "
        "FACTLINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden and review the diff"
    )


def test_update_mode_writes_the_golden_file_and_fails_with_the_diff(tmp_path: Path) -> None:
    golden = tmp_path / "expected.txt"
    golden.write_text("old line\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="review the diff") as failed:
        compare_with_golden(golden, "new line\n", update=True, ci=False)
    assert "-old line" in str(failed.value) and "+new line" in str(failed.value)
    assert golden.read_text(encoding="utf-8") == "new line\n"
    compare_with_golden(golden, "new line\n", update=True, ci=False)  # unchanged: passes


def test_update_mode_is_refused_in_ci(tmp_path: Path) -> None:
    golden = tmp_path / "expected.txt"
    golden.write_text("old line\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="refused when CI is set"):
        compare_with_golden(golden, "new line\n", update=True, ci=True)
    assert golden.read_text(encoding="utf-8") == "old line\n"
