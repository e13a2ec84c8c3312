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
