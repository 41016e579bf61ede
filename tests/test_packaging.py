"""The two dependency lists agree, and the repository has the promised layout."""
import re
import subprocess
import sys
import tomllib

import yaml

from conftest import ROOT

# conda-forge names that differ from PyPI names
CONDA_TO_PYPI = {"python-duckdb": "duckdb"}


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_runtime_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pypi = {_name(r) for r in project["dependencies"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {CONDA_TO_PYPI.get(_name(d), _name(d)) for d in env["dependencies"] if isinstance(d, str)}
    conda -= {"python", "pip"}
    assert pypi == conda, f"only in pyproject: {pypi - conda}; only in environment.yml: {conda - pypi}"


def test_environment_yml_installs_the_kit_with_its_test_extras():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e .[test]" in pip


def test_layout_of_the_design_card():
    for name in ("notebooks", "course", "datasets", "helpers", "tests", "benchmarks", "environment.yml",
                 "README.md", "Makefile", "pyproject.toml", "LICENSE", ".ci/run"):
        assert (ROOT / name).exists(), name


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:1500]
    assert "make lab" in head and "make test" in head


def test_importing_helpers_is_light():
    code = ("import sys, helpers, helpers.errors, helpers.i18n;"
            "heavy = [m for m in ('matplotlib', 'seaborn', 'scipy', 'ipywidgets') if m in sys.modules];"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
