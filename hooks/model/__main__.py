"""Command line: `python -m model validate` (run with `hooks` on PYTHONPATH; `make validate` does)."""
from .cli import main

raise SystemExit(main())
