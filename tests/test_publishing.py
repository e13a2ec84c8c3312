"""Publishing: the GitHub Pages workflow, the site under a sub-path and at a domain root, the
Chinese 404 page, CNAME and .nojekyll."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT
from sitebuild import Build, broken_links, build_site

WORKFLOW = ROOT / ".github/workflows/pages.yml"


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme[readme.index("## Set up") :]
    block = re.search(r"```sh\n(.*?)```", setup, re.DOTALL)
    assert block is not None, "README has no set-up commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def test_readme_gives_exactly_two_commands_and_ci_runs_them() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "mkdocs build" in commands[0] and "pytest" in commands[1]
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert commands[0] in ci and commands[1] in ci


def test_pages_workflow_builds_as_the_readme_says_and_deploys() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in steps(build)]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    python = next(s for s in steps(build) if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    runs = [step.get("run", "") for step in steps(build)]
    assert any("fonts-noto-cjk" in run for run in runs)
    # The README's build command, without the test extra and the browser code's lint tools.
    command = readme_commands()[0].replace('-e ".[test]"', '-e ".[figures]"')
    assert (
        command.replace("npm install --ignore-scripts", "npm install --ignore-scripts --omit=dev")
        in runs
    )
    assert not any("[test]" in run for run in runs)  # a build installs no test tools
    upload = next(s for s in steps(build) if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]


def _build(tmp_path: Path, name: str, site_url: str, cname: str = "") -> Build:
    extra = {"garden/publish": {"cname": cname}} if cname else None
    build = build_site(
        ROOT / "docs", tmp_path / name, strict=True, plugin_options=extra, site_url=site_url
    )
    assert build.returncode == 0, build.log
    return build


def test_no_link_escapes_a_project_sub_path_or_a_domain_root(tmp_path: Path) -> None:
    sub_path = _build(tmp_path, "sub", "https://someone.github.io/notes/")
    assert broken_links(sub_path.site, base_path="/notes/") == []
    root = _build(tmp_path, "root", "https://notes.example.org/", cname="notes.example.org")
    assert broken_links(root.site, base_path="/") == []
    assert (root.site / "CNAME").read_text(encoding="utf-8") == "notes.example.org\n"
    assert (root.site / ".nojekyll").is_file() and not (sub_path.site / "CNAME").exists()
    missing = (sub_path.site / "404.html").read_text(encoding="utf-8")
    assert "404 · 找不到这一页" in missing and 'href="/notes/.">回到首页' in missing
