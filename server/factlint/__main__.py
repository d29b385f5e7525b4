"""`python -m factlint` runs the command line, as the `factlint` script does."""

from factlint.cli.main import main

raise SystemExit(main())
