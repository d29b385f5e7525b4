"""Offsets from the library become LSP positions in the client's encoding, and back."""

from __future__ import annotations

import pytest
from lsprotocol.types import Position, PositionEncodingKind

from factlint.lsp.positions import LineIndex

UTF8, UTF16, UTF32 = (
    PositionEncodingKind.Utf8,
    PositionEncodingKind.Utf16,
    PositionEncodingKind.Utf32,
)
TEXT = "Intro\n🇺🇸 Çavuşoğlu said 3,000.\r\nlast\rline"


def at(text: str, needle: str) -> int:
    return text.index(needle)


@pytest.mark.parametrize(
    ("encoding", "character"),
    [(UTF16, 20), (UTF8, 27), (UTF32, 18)],
)
def test_a_value_after_astral_and_accented_characters_is_counted_in_the_negotiated_units(
    encoding: PositionEncodingKind, character: int
) -> None:
    index = LineIndex(TEXT, encoding)
    assert index.position(at(TEXT, "3,000")) == Position(line=1, character=character)


@pytest.mark.parametrize("encoding", [UTF8, UTF16, UTF32])
def test_offset_is_the_inverse_of_position(encoding: PositionEncodingKind) -> None:
    index = LineIndex(TEXT, encoding)
    for offset in range(len(TEXT) + 1):
        # Offsets inside a line break are not addressable; skip the "\n" of "\r\n".
        if TEXT[offset - 1 : offset + 1] == "\r\n":
            continue
        assert index.offset(index.position(offset)) == offset


def test_crlf_and_lone_cr_end_lines_as_in_the_lsp_specification() -> None:
    index = LineIndex(TEXT)
    assert index.line_count == 4
    assert index.position(at(TEXT, "last")) == Position(line=2, character=0)
    assert index.position(at(TEXT, "line")) == Position(line=3, character=0)
    assert TEXT[index.line_start(1) : index.line_end(1)] == "🇺🇸 Çavuşoğlu said 3,000."


def test_positions_past_the_end_of_a_line_or_text_are_clamped() -> None:
    index = LineIndex(TEXT)
    assert index.offset(Position(line=0, character=99)) == len("Intro")
    assert index.offset(Position(line=40, character=0)) == len(TEXT)
    assert index.position(len(TEXT) + 10) == index.position(len(TEXT))


def test_an_empty_text_has_one_empty_line() -> None:
    index = LineIndex("")
    assert index.position(0) == Position(line=0, character=0)
    assert index.offset(Position(line=0, character=5)) == 0
