"""factlint's benchmarks: generated corpora and drafts, measured against the performance targets.

`python -m bench` runs everything and prints the table; see docs/benchmarks.md.
"""
