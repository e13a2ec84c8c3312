"""Bytes a reader downloads before the first search result: Material's search (its whole
index) against `garden/pagefind`, on the bench vault.

    .venv/bin/python bench/search_bytes.py [--sizes 1000 5000] [--query 注意力]

Each size is built twice (Garden with Material's search; the same with `garden/pagefind`),
served locally, and searched once in headless Chromium; every response the search needs is
counted (Material: the index and its worker; Pagefind: everything under `pagefind/`), as sent
and as gzip would send it.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generate_vault import write_vault
from run import ENV, MKDOCS, ROOT, configs


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _build(config: Path, site: Path) -> None:
    result = subprocess.run(
        [*MKDOCS, "build", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)


def _first_result_bytes(site: Path, query: str) -> tuple[int, int, float]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: dict[str, bytes] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"))
            page = browser.new_page()

            def record(response: object) -> None:
                url = response.url  # type: ignore[attr-defined]
                if "/pagefind/" in url or "search_index" in url or "/workers/search" in url:
                    sizes[url] = response.body()  # type: ignore[attr-defined]

            page.on("response", record)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            field = page.locator(".md-search__input")
            field.click()
            field.fill(query)
            field.press("End")
            page.wait_for_selector(".md-search-result__item", timeout=120_000)
            count = page.locator(".md-search-result__item").count()
            browser.close()
    finally:
        server.shutdown()
    raw = sum(len(body) for body in sizes.values())
    zipped = sum(len(gzip.compress(body, 6)) for body in sizes.values())
    return raw, zipped, count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--query", default="注意力")
    args = parser.parse_args()
    print("| notes | search | bytes before the first result | gzipped | results shown |")
    print("| --- | --- | --- | --- | --- |")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            wiki, plain = folder / "wiki", folder / "plain"
            write_vault(wiki, size, plain=False)
            plain.mkdir()
            garden, _ = configs(folder, wiki, plain)
            text = garden.read_text(encoding="utf-8")
            pagefind = folder / "pagefind.yml"
            pagefind.write_text(
                re.sub(r"(^plugins:\n)", r"\1  - garden/pagefind\n", text, flags=re.M), "utf-8"
            )
            for name, config in (("Material (lunr)", garden), ("garden/pagefind", pagefind)):
                site = folder / f"site-{config.stem}"
                _build(config, site)
                raw, zipped, count = _first_result_bytes(site, args.query)
                print(
                    f"| {size:,} | {name} | {raw / 1e6:.2f} MB | {zipped / 1e6:.2f} MB | {count} |",
                    flush=True,
                )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
