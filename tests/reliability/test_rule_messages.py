"""A rule's message is text with placeholders, nothing more: no format spec, no conversion.

`{claim:>300000000}` would make every finding of the rule a 300 MB string; `rules check`
refuses it where it is written, as it refuses an unknown placeholder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.cli.main import main

RULE = "id: transit-stations\nkind: quantity\nmessage: {message}\n"


@pytest.mark.parametrize(
    "placeholder", ["{claim:>300000000}", "{claim!r}", "{expected:{claim}}", "{claim!s:^9}"]
)
def test_a_format_spec_or_conversion_in_a_message_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], placeholder: str
) -> None:
    path = tmp_path / "transit.yaml"
    path.write_text(RULE.format(message=f"'The sources say {placeholder}'"), encoding="utf-8")
    code = main(["rules", "check", str(path)])
    out = capsys.readouterr().out
    assert code == 2
    assert out.startswith(f"{path}:3:10: placeholder {{") and "takes no format" in out, out
