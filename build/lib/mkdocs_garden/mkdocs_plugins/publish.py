"""`garden/publish`: the files GitHub Pages needs beside the site.

`.nojekyll` keeps Pages from running Jekyll, which would drop every folder whose name starts
with `_`; `CNAME` names the custom domain, when one is configured.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .publish_config import PublishConfig


class PublishPlugin(BasePlugin[PublishConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        domain = self.config.cname.strip()
        if domain and ("/" in domain or ":" in domain or " " in domain):
            raise PluginError(f"garden/publish: cname must be a bare domain name, not {domain!r}")
        return config

    def on_post_build(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        (site / ".nojekyll").write_text("", encoding="utf-8")
        domain = self.config.cname.strip()
        if domain:
            (site / "CNAME").write_text(domain + "\n", encoding="utf-8")
