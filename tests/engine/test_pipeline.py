"""spaCy: a blank English pipeline by default, a trained model only when configured and installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.config import Config
from factlint.engine import Engine
from factlint.errors import ConfigError
from factlint.text.nlp import pipeline


def test_the_default_pipeline_is_blank_english_with_a_sentencizer() -> None:
    nlp = pipeline()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["sentencizer"]


def test_a_configured_model_that_is_not_installed_is_a_configuration_error(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("date 2024-05-01\nThe bridge has 14 spans.\n", encoding="utf-8")
    config = Config(corpus_dirs=(articles,), cache_dir=tmp_path / "cache", spacy_model="xx_no_such_model")
    with pytest.raises(ConfigError, match="xx_no_such_model"):
        Engine.open(config).check("The bridge has 16 spans.")


TRICKY = (
    "The U.S. didn't pay £37.4m.  It said: \"We won't\"—not now…\n\nMs O’Neill (71) left at 5:30pm; "
    "the 540-space car park 🚗 closed.\t Émile's co-op, e.g. the St. John's unit, had 1,200 members."
)


def test_words_read_through_the_docs_arrays_are_the_tokens_themselves() -> None:
    from factlint.slots.words import _reading, words_of

    doc = pipeline()(TRICKY)
    for sentence in [*doc.sents, doc[:]]:
        expected = [(t.text, t.idx, *_reading(t.text, t.is_punct)) for t in sentence if t.text.strip()]
        words = words_of(sentence)
        assert [
            (w.text, w.start, w.lower, w.lemma, w.base, w.punct, w.upper, w.content) for w in words
        ] == expected
    whole = words_of(doc)
    assert [w.start for w in whole] == [t.idx for t in doc if t.text.strip()]


SPLITS = (
    TRICKY,
    "",
    "   ",
    "Hello",
    "...",
    "Mr. Smith went. He said: 'no!' Then? Yes!! ok",
    "A. B. C. d",
    "“Quote.” He left. (Really.) And then.",
    "Wait ... what?! 3.5 million. ok.\n\nNext paragraph; no stop",
)


@pytest.mark.parametrize("text", SPLITS)
def test_sentences_split_as_the_sentencizer_splits(text: str) -> None:
    """`sentences` reads the tokenizer's output with the sentencizer's rule, never running it."""
    from factlint.text.sentences import sentences

    nlp = pipeline()
    assert [(s.start, s.end) for s in sentences(nlp, text)] == [(s.start, s.end) for s in nlp(text).sents]


def test_sentences_use_the_pipeline_s_own_punctuation_marks() -> None:
    import spacy

    from factlint.text.sentences import sentences

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [";"]})
    text = "One; two. Three; four"
    assert [(s.start, s.end) for s in sentences(nlp, text)] == [(s.start, s.end) for s in nlp(text).sents]
    assert len(sentences(nlp, text)) == 3


def test_another_pipeline_s_sentences_are_its_own() -> None:
    """A pipeline with more than the sentencizer (a model's parser, say) is run as it is."""
    import spacy

    from factlint.text.sentences import sentences

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    @spacy.Language.component("factlint_test_one_sentence")
    def one_sentence(doc: object) -> object:
        for token in doc[1:]:  # type: ignore[index]
            token.is_sent_start = False
        return doc

    nlp.add_pipe("factlint_test_one_sentence")
    spans = sentences(nlp, "One. Two. Three.")
    assert [(s.start, s.end) for s in spans] == [(0, 6)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The temperature on Monday was minus 9C. At the drill site it is colder.", 2),
        ("It cost £37.4m. Then it rose.", 2),
        ("Mr J. Smith came at 10 a.m. to see it.", 1),
    ],
    ids=["a figure and its unit", "a unit after a figure", "initials and abbreviations"],
)
def test_a_unit_that_keeps_the_full_stop_still_ends_its_sentence(text: str, count: int) -> None:
    # spaCy's tokenizer keeps "9C." and "m." whole, as it keeps initials: its sentencizer then
    # runs the two sentences together, and a date of one is read with the tense of the other
    from factlint.text.sentences import sentences

    assert len(sentences(pipeline(), text)) == count
