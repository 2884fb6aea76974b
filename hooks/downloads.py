"""Hook: the knowledge base as downloadable JSON and CSV, the JSON Schemas, and the downloads page."""
from __future__ import annotations

from mkdocs.structure.files import Files

import site_data
from model import export


# --- Hooks ---

def on_files(files: Files, config) -> Files:
    lib = site_data.library(config)
    schema_dir = site_data.repo_root(config) / "schema"
    schemas = sorted(schema_dir.glob("*.schema.json"))
    site_data.add_generated(files, config, "downloads/library.json", export.to_json(lib))
    site_data.add_generated(files, config, "downloads/library.csv", export.to_csv(lib))
    for path in schemas:
        site_data.add_generated(files, config, f"downloads/schema/{path.name}", path.read_bytes())
    page = site_data.render(config.theme.get_env(), "library/downloads.md.j2",
                            schemas=[p.name for p in schemas], entries=len(lib.entries))
    site_data.add_generated(files, config, "downloads.md", page, source="overrides/library/downloads.md.j2")
    return files

