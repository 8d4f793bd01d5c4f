"""The two ways to install (pip/pyproject and conda/environment.yml) must ask for the same packages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# conda-forge names that differ from PyPI names
CONDA_TO_PYPI = {"pytorch": "torch", "huggingface_hub": "huggingface-hub"}


def _split(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert match, requirement
    name, spec = match.group(1).lower(), match.group(2).replace(" ", "")
    return CONDA_TO_PYPI.get(name, name).replace("_", "-"), spec.lstrip("=") if spec.startswith("==") else spec


def _pyproject() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(_split(r) for r in data["project"]["dependencies"])


def _environment() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = [d for d in data["dependencies"] if isinstance(d, str) and _split(d)[0] not in {"python", "pip"}]
    # conda writes an exact pin with a single "="
    return dict(_split(d.replace("=", "==", 1) if re.match(r"^[\w\-.]+=[^=<>]", d) else d) for d in deps)


def test_environment_yml_lists_the_same_packages_as_pyproject() -> None:
    assert _environment() == _pyproject()


def test_torch_is_pinned_to_the_cpu_wheel_version() -> None:
    assert _pyproject()["torch"] == "2.13.0"


def test_environment_installs_the_package_itself() -> None:
    data = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in data["dependencies"] if isinstance(d, dict) and "pip" in d)
    assert "-e ." in pip_section


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S)
    assert block, "Quick start has no fenced code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_exactly_two_commands_that_ci_runs_verbatim() -> None:
    setup, test = _quick_start()
    assert "torch==2.13.0" in setup and "translator batch corpus/ --out out/" in setup
    assert "pytest" in test
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert setup in ci_lines and test in ci_lines
    assert ci_lines[-1] == test, "the test command must be the last thing CI runs (its exit code is CI's)"


@pytest.mark.slow
@pytest.mark.parametrize("ci", ["", "true"])
def test_browser_tests_skip_locally_without_chromium_and_fail_under_ci(tmp_path: Path, ci: str) -> None:
    """Without Chromium on PATH a local run skips the browser tests with the install line; CI=true fails."""
    env = {**os.environ, "PATH": str(tmp_path), "CI": ci}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                             "tests/corpus/test_report_browser.py"], cwd=ROOT, env=env, capture_output=True, text=True)
    if ci:
        assert result.returncode == 1 and "CI=true but Chromium is not installed" in result.stdout
    else:
        assert result.returncode == 0, result.stdout[-2000:]
        assert "skipped" in result.stdout and "apt-get install chromium" in result.stdout
