"""The two ways to install (pip/pyproject and conda/environment.yml) must ask for the same packages."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

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
