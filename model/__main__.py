"""Command line: `python -m model validate` (run from the repository root; `make validate` does)."""
from .cli import main

raise SystemExit(main())
