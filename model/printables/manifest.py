"""What the printables command made, for the site: build/printables/manifest.json lists each PDF (what it
is, its pages and size) and the fingerprint of the sources it was made from. The site compiler offers
the PDFs on the Downloads page only when they are all there and match the sources as they are now, so
that a site never links to a missing file, nor to one made from older YAML.

No WeasyPrint here: the site compiler reads this while `make serve` runs, and never makes a PDF.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

OUT = Path("build") / "printables"
MANIFEST = "manifest.json"
FOLDER = "downloads/print"  # where the site offers them
SOURCES = ("mkdocs.yml", "practices", "assessment", "overrides/print")  # what the PDFs are made from
CODE = Path(__file__).parent  # and this package


def fingerprint(root: Path) -> str:
    """A digest of every file the printables are made from (the sources of `root`, and the code)."""
    root = Path(root)
    digest = hashlib.sha256()
    files = [(f"code/{f.name}", f) for f in sorted(CODE.glob("*.py"))]
    for name in SOURCES:
        path = root / name
        found = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        files += [(p.relative_to(root).as_posix(), p) for p in found]
    for name, file in files:
        digest.update(name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def read(root: Path, out: Path | None = None) -> dict | None:
    """The manifest of the printables made for `root`, or None when there is none, it does not match the
    sources any more, or one of its files is missing."""
    folder = Path(out) if out else Path(root) / OUT
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("fingerprint") != fingerprint(root):
        return None
    if not all((folder / f["file"]).is_file() and (folder / f["file"]).stat().st_size == f["bytes"] for f in data["files"]):
        return None
    return {**data, "folder": folder}


def write(folder: Path, fingerprint_: str, files: list[dict]) -> None:
    (folder / MANIFEST).write_text(json.dumps({"fingerprint": fingerprint_, "files": files}, indent=2) + "\n",
                                   encoding="utf-8")


def published(root: Path, sources) -> tuple[list[tuple[str, Path]], dict | None]:
    """(tree path, file) of each PDF to put in the site, and what the Downloads page says of them:
    {decks: [{title, cards, files: [{label, path, pages, size}]}], documents: [{name, path, description,
    pages, size}]}; ([], None) when they have not been made for these sources."""
    from ..compile.downloads import size_of

    data = read(root)
    if data is None:
        return [], None
    site, copies, decks, documents = sources.site, [], {}, []
    for f in data["files"]:
        path = f"{FOLDER}/{f['file']}"
        copies.append((path, data["folder"] / f["file"]))
        about = {"path": path, "pages": site.t("downloads.pages", count=f["pages"]), "size": size_of(f["bytes"])}
        if f["product"] == "cards":
            deck = decks.setdefault(f["deck"], {"title": f["title"], "cards": site.t("downloads.deck_cards", count=f["cards"]),
                                                "files": []})
            deck["files"].append({**about, "label": site.t(f"downloads.layout.{_LAYOUT_KEYS[f['layout']]}")})
        else:
            documents.append({**about, "name": f["file"], "description": site.t(f"downloads.{f['product']}")})
    return copies, {"decks": list(decks.values()), "documents": documents}


_LAYOUT_KEYS = {"a4": "four_up", "a5": "two_up", "a6": "one_up"}  # interface string of each layout

