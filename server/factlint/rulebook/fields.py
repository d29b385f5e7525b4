"""Metadata on rule spec fields that the loader acts on."""

ONE_WORD = "one_word"
"""A list the extractor matches word by word, so each entry must be one word."""
