"""The language server (`factlint serve`): a thin LSP layer over the engine.

One job per module: `server` registers the handlers, `session` holds the state
and the per-document work, `positions` converts offsets to LSP positions,
`diagnostics`, `hover` and `actions` present findings, `settings` layers the
editor's settings over `factlint.toml`, `rebuild` loads the fact base in the
background and `debounce` coalesces keystrokes.
"""
