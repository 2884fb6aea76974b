"""Hook: the knowledge base as downloadable JSON and CSV, the JSON Schemas, and the downloads page."""
from __future__ import annotations

from mkdocs.structure.files import File, Files

import site_data
from model import export


# --- Hooks ---

def on_files(files: Files, config) -> Files:
    lib = site_data.library(config)
    schema_dir = site_data.repo_root(config) / "schema"
    schemas = sorted(schema_dir.glob("*.schema.json"))
    _add(files, config, "downloads/library.json", export.to_json(lib))
    _add(files, config, "downloads/library.csv", export.to_csv(lib))
    for path in schemas:
        _add(files, config, f"downloads/schema/{path.name}", path.read_bytes())
    page = site_data.render(config.theme.get_env(), "library/downloads.md.j2",
                            schemas=[p.name for p in schemas], entries=len(lib.entries))
    file = _add(files, config, "downloads.md", page)
    file.edit_uri = "../overrides/library/downloads.md.j2"
    return files


# --- Helpers ---

def _add(files: Files, config, uri: str, content) -> File:
    if existing := files.get_file_from_path(uri):
        files.remove(existing)
    file = File.generated(config, uri, content=content)
    files.append(file)
    return file
