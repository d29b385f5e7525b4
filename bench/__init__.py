"""factlint's benchmarks: generated corpora and drafts, measured against the targets of issue 6.

`python -m bench` runs everything and prints the table; see docs/benchmarks.md.
"""
