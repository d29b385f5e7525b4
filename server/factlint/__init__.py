"""factlint: flags statements in a draft that contradict a corpus of source articles."""

__version__ = "0.1.0"
