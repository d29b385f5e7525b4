"""Nothing is dropped in silence: what factlint cannot use is an error or a named, counted warning.

Each case below used to end in "0 contradictions", exit 0, or in a finding quietly lost:
an empty or misspelt corpus, an article factlint could not read (or read wrongly as
Windows-1252), front matter it ignored, old Mac line endings, a draft that supported
itself because it sat in the corpus.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .running import SEEDS, Home, corpus, draft, factlint, no_traceback, write

TROOPS = "The US has 2,500 troops in Afghanistan.\n"


def test_an_empty_corpus_is_an_error(tmp_path: Path, home: Home) -> None:
    (tmp_path / "archive").mkdir()
    result = factlint("lint", "--seeds", tmp_path / "archive", draft(tmp_path), home=home)
    no_traceback(result)
    assert result.returncode == 2
    assert "no articles to check against" in result.stderr


def test_a_misspelt_corpus_folder_in_factlint_toml_is_an_error_naming_the_file(
    tmp_path: Path, home: Home
) -> None:
    corpus(tmp_path / "articles", {"troops.txt": f"date 2021-04-01\n{TROOPS}"})
    write(tmp_path / "factlint.toml", 'corpus = "artciles"\n')
    result = factlint("lint", draft(tmp_path), home=home)
    no_traceback(result)
    assert result.returncode == 2
    assert (
        f"{tmp_path / 'factlint.toml'}: corpus folder {tmp_path / 'artciles'} does not exist" in result.stderr
    )


def test_utf16_and_utf32_articles_with_a_byte_order_mark_are_read(tmp_path: Path, home: Home) -> None:
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        folder = tmp_path / encoding
        folder.mkdir()
        data = f"date 2021-04-01\n{TROOPS}".encode(encoding)
        bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
        (folder / "troops.txt").write_bytes(bom + data)
        result = factlint("lint", "--seeds", folder, draft(tmp_path), home=home)
        assert result.returncode == 1, (encoding, result.stderr)
        assert "troops.txt:2" in result.stdout, encoding


def test_every_article_that_cannot_be_read_is_named_and_counted(tmp_path: Path, home: Home) -> None:
    folder = corpus(tmp_path / "archive", {"troops.txt": f"date 2021-04-01\n{TROOPS}"})
    (folder / "latin1.txt").write_bytes("date 2021-04-01\nLe café a 3 tables.\n".encode("latin-1"))
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "utf16-no-bom.txt").write_bytes(TROOPS.encode("utf-16-le"))
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    expected = {
        "latin1.txt:2:7": "not UTF-8 text: byte 0xe9 cannot be decoded",
        "binary.txt": "binary file",
        "utf16-no-bom.txt": "binary file",
        "dangling.txt": "cannot read: No such file or directory",
    }
    if os.geteuid() != 0:  # root reads anything: there a permission cannot make a file unreadable
        locked = write(folder / "locked.txt", TROOPS)
        locked.chmod(0)
        expected["locked.txt"] = "cannot read: Permission denied"
    result = factlint("lint", "--seeds", folder, draft(tmp_path), home=home)
    no_traceback(result)
    assert result.returncode == 1, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("factlint: warning: ")]
    for where, why in expected.items():
        assert any(f"{where}: {why}" in line for line in warnings), (where, warnings)
    assert f"{len(expected)} source files were skipped" in result.stderr


def test_invalid_front_matter_in_a_draft_is_an_error_at_its_line_and_column(
    tmp_path: Path, home: Home
) -> None:
    broken = write(tmp_path / "draft.md", "---\ntitle: A draft\ndate: 2021-04-02\nurl: [\n---\n\n" + TROOPS)
    result = factlint("lint", broken, home=home)
    no_traceback(result)
    assert result.returncode == 2
    assert f"{broken}:4:7: front matter: not valid YAML" in result.stderr


def test_cr_crlf_and_lf_all_end_lines(tmp_path: Path, home: Home) -> None:
    body = "---\ndate: 2021-04-02\n---\n\nThe US has 3,000 troops in Afghanistan.\n"
    for name, ending in (("lf.md", "\n"), ("crlf.md", "\r\n"), ("cr.md", "\r")):
        (tmp_path / name).write_bytes(body.replace("\n", ending).encode())
    result = factlint("lint", tmp_path / "lf.md", tmp_path / "crlf.md", tmp_path / "cr.md", home=home)
    assert result.returncode == 1, result.stderr
    for name in ("lf.md", "crlf.md", "cr.md"):
        assert f"{name}:5:12: error[quantity-mismatch]" in result.stdout, result.stdout


def test_a_draft_inside_the_corpus_is_checked_without_its_own_article(tmp_path: Path, home: Home) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    outside = draft(tmp_path, name="my-draft.md")
    alone = factlint("lint", "--seeds", archive, outside, home=home)
    assert alone.returncode == 1, alone.stderr
    inside = draft(archive, name="my-draft.md")
    result = factlint("lint", "--seeds", archive, inside, home=home)
    assert result.returncode == 1, result.stderr
    assert result.stdout.replace(str(inside), "DRAFT") == alone.stdout.replace(str(outside), "DRAFT")
    notes = [line for line in result.stderr.splitlines() if "in the corpus too" in line]
    assert len(notes) == 1 and str(inside) in notes[0]
