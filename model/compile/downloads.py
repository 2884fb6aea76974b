"""The downloads: the library as JSON and CSV, every JSON Schema (the hand-written ones and those made
for each kind), and the page that lists them with their sizes, after the PDFs to print when they are made."""
from __future__ import annotations

import json

from .. import export
from .shape import Page


def schema_files(sources) -> dict[str, str]:
    """File name -> text of every schema a contributor's editor or program may use."""
    out = {f.name: f.read_text(encoding="utf-8") for f in sorted((sources.root / "schema").glob("*.schema.json"))}
    for kind, schema in sources.library.schemas.items():
        out[f"{kind}.schema.json"] = json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema},
                                                indent=2, ensure_ascii=False) + "\n"
    return out


def build(sources, renderer, tree, printables: dict | None = None) -> None:
    """The data files, the schemas and the Downloads page; `printables` is what the page says of the PDFs to
    print (model.printables.manifest.published), None when they have not been made (the page says how to)."""
    lib, site = sources.library, sources.site
    data = {"downloads/library.json": (export.to_json(lib), site.t("downloads.json")),
            "downloads/library.csv": (export.to_csv(lib), site.t("downloads.csv"))}
    for path, (content, _) in data.items():
        tree.put(path, content)
    schemas = schema_files(sources)
    for name, text in schemas.items():
        tree.put(f"downloads/schema/{name}", text)
    context = {
        "entry_count": len(lib.entries),
        "data_files": [{"name": p.rsplit("/", 1)[1], "path": p, "description": d, "size": size(c)} for p, (c, d) in data.items()],
        "schemas": [{"name": n, "path": f"downloads/schema/{n}", "size": size(t)} for n, t in schemas.items()],
        "printables": printables,
    }
    page = Page("downloads.md", "library/downloads.jinja.md", context,
                {"title": site.t("downloads.title"), "source": "practices/interface.yml", "search": {"exclude": True}})
    tree.put(page.path, renderer.render(page))


def size(content: str | bytes) -> str:
    """'12 KB' (or '1.2 MB'), as a reader sees file sizes."""
    return size_of(len(content.encode("utf-8") if isinstance(content, str) else content))


def size_of(n: int) -> str:
    """A size in bytes as a reader sees it: '12 KB', '1.2 MB'."""
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1000))} KB"
