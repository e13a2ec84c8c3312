"""The code stays ruff- and mypy-clean (the guide's bar), checked with the test suite."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

PYTHON_FOLDERS = ["plugins", "tests", "figures_src", "bench"]
CHECKS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", *PYTHON_FOLDERS],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", *PYTHON_FOLDERS],
    "mypy": [sys.executable, "-m", "mypy"],
    "mypy figures and bench": [sys.executable, "-m", "mypy", "figures_src", "bench"],
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_code_is_clean(name: str) -> None:
    result = subprocess.run(CHECKS[name], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


BROWSER_CODE = {
    "eslint and prettier": ["npm", "run", "--silent", "lint"],
    "node:test over the pure modules": ["npm", "test", "--silent"],
}


@pytest.mark.parametrize("name", sorted(BROWSER_CODE))
def test_browser_code_is_clean_and_its_unit_tests_pass(name: str) -> None:
    """The browser code's own checks (package.json's scripts), run with the test suite so that
    the README's one test command runs them too."""
    if not (ROOT / "node_modules" / ".bin" / "eslint").exists():
        pytest.fail("npm install has not been run (the README's first command runs it)")
    result = subprocess.run(
        BROWSER_CODE[name], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
