"""The site engines that build the compiled tree (build/docs) into HTML. The only module of the package that
talks to an engine: it imports MkDocs lazily, inside the builder, so that the rest of the package stays pure.

MkDocs runs in this process, so that a rebuild does not pay for starting Python and loading the theme
again; `dirty` rebuilds only the pages whose compiled file changed (MkDocs compares times).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path


class EngineError(Exception):
    """The engine could not build the site; the message says why."""


class MkDocs:
    name = "mkdocs"

    def __init__(self, root: Path, site_dir: Path, site_url: str):
        self.root, self.site_dir, self.site_url = Path(root), Path(site_dir), site_url
        self.compiled: dict = {}  # the theme's templates, compiled once for every rebuild (keyed by their text)
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the dev server says what matters

    def build(self, dirty: bool) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        try:
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir), site_url=self.site_url)
            self._reuse_compiled_templates(config.theme)
            if dirty:  # the 404 page and the sitemap were built by the last full build
                config.theme.static_templates.clear()
            config.plugins.on_startup(command="serve", dirty=dirty)
            try:
                build(config, dirty=dirty)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, OSError, ValueError) as exc:
            raise EngineError(f"MkDocs could not build the site: {exc}") from None

    def _reuse_compiled_templates(self, theme) -> None:
        """Give the theme's Jinja environment a bytecode cache kept in memory: a rebuild does not parse and
        compile the theme's templates again (a template whose text changed is compiled again)."""
        import jinja2

        cache = self.compiled

        class _Memory(jinja2.BytecodeCache):
            def load_bytecode(self, bucket):
                if bucket.key in cache:
                    bucket.bytecode_from_string(cache[bucket.key])

            def dump_bytecode(self, bucket):
                cache[bucket.key] = bucket.bytecode_to_string()

        get_env = theme.get_env

        def env_with_cache():
            env = get_env()
            env.bytecode_cache = _Memory()
            return env

        theme.get_env = env_with_cache
