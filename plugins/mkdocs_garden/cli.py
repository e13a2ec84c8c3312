"""The `garden` command: `garden new 目录` starts a site; `garden mermaid` fetches Mermaid's
browser script for a site with diagrams, without Node.js."""

from __future__ import annotations

from pathlib import Path

import click

from .mermaid_script import DEFAULT_TARGET, MERMAID_VERSION, MermaidError, install_mermaid
from .new_site import NewSite, NewSiteError, write_new_site


@click.group()
def main() -> None:
    """Garden: publish an Obsidian vault as a MkDocs + Material site."""


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--vault",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="An existing vault (an Obsidian vault's root, Quartz's content/) to publish in place.",
)
@click.option("--name", "site_name", default="", help="The site's name (default: the folder's).")
@click.option("--url", "site_url", default="", help="Where the site will live.")
@click.option(
    "--publish",
    type=click.Choice(["explicit", "exclude"]),
    default="explicit",
    show_default=True,
    help="explicit: only notes with `publish: true`; exclude: all but `publish: false`.",
)
@click.option("--requirement", default="", help="How requirements.txt names Garden.")
def new(
    folder: Path,
    vault: Path | None,
    site_name: str,
    site_url: str,
    publish: str,
    requirement: str,
) -> None:
    """Write a ready site into FOLDER; files that exist are left alone."""
    try:
        site = write_new_site(NewSite(folder, vault, site_name, site_url, publish, requirement))
    except NewSiteError as error:
        raise click.ClickException(str(error)) from error
    for path in site.written:
        click.echo(f"wrote      {path}")
    for path in site.left_alone:
        click.echo(f"left alone {path} (it exists)")
    if site.vault_outside:
        click.echo(
            "\nThe vault lies outside the site's folder, and a GitHub Pages build sees only "
            "the repository: keep the vault inside it (`garden new . --vault content`), or "
            "publish from this machine with `mkdocs gh-deploy`."
        )
    click.echo(f"\nNext: cd {folder} && read README.md (two commands: serve, build)")


@main.command()
@click.option("--version", default=MERMAID_VERSION, show_default=True, help="Mermaid's version.")
@click.option(
    "--to",
    "target",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_TARGET,
    show_default=True,
    help="Where the package goes (the default is where garden/obsidian looks).",
)
def mermaid(version: str, target: Path) -> None:
    """Fetch Mermaid's browser script from the npm registry, without Node.js: once, for a
    site whose notes draw diagrams. Run it beside mkdocs.yml."""
    try:
        script = install_mermaid(target, version)
    except MermaidError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"wrote {script} (mermaid {version}); the site serves it from now on")
