"""The `garden` command: `garden new 目录` starts a site."""

from __future__ import annotations

from pathlib import Path

import click

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
    click.echo(f"\nNext: cd {folder} && read README.md (two commands: serve, build)")
