"""The two dependency lists agree, and the repository has the promised layout."""
import os
import re
import subprocess
import sys
import tomllib
import zipfile

import pandas as pd
import pytest
import yaml

from conftest import ROOT

# conda-forge names that differ from PyPI names
CONDA_TO_PYPI = {"python-duckdb": "duckdb"}


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_runtime_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    # the classroom extra is listed in environment.yml too (the conda route gets the class server's packages)
    pypi = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["classroom"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {CONDA_TO_PYPI.get(_name(d), _name(d)) for d in env["dependencies"] if isinstance(d, str)}
    pip = {_name(d) for d in next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
           if not d.startswith("-e")}
    conda = (conda | pip) - {"python", "pip"}
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


def _folders(top: str) -> set[str]:
    """Every folder holding files under ``top`` (caches left out)."""
    return {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / top).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_pyproject_lists_every_folder_of_helpers_and_datasets_as_a_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    mapped = {package: folder for package, folder in config["package-dir"].items()}

    def folder(package: str) -> str:
        for prefix, target in mapped.items():
            if package == prefix or package.startswith(prefix + "."):
                return target + package[len(prefix):].replace(".", "/")
        return package.replace(".", "/")

    assert {folder(p) for p in config["packages"]} == _folders("helpers") | _folders("datasets")


@pytest.mark.slow
def test_a_built_wheel_carries_the_datasets_and_loads_them_without_the_clone(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(site)
    shipped = {p.relative_to(ROOT / "datasets").as_posix() for p in (ROOT / "datasets").rglob("*") if p.is_file()}
    assert {f"helpers/_datasets/{name}" for name in shipped} <= names
    code = ("import helpers.data as d; frame, _ = d.load_cdnow(sample=True);"
            "print(d.datasets_dir().relative_to(d.datasets_dir().parents[1]).as_posix(), len(frame),"
            " len(d.load_demo('orders')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)})
    expected_orders = len(pd.read_csv(ROOT / "datasets" / "demo" / "orders.csv"))
    assert out.stdout.split() == ["helpers/_datasets", "6919", str(expected_orders)]
