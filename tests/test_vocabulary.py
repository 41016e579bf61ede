"""One vocabulary: every public parameter name of ``helpers`` is one of ``docs/vocabulary.md``."""
import importlib
import inspect
import pkgutil
import re

import pytest

import helpers
from conftest import ROOT

VOCABULARY = ROOT / "docs" / "vocabulary.md"


def _documented_names() -> set[str]:
    """The names in backticks in the first column of every table of the vocabulary."""
    names = set()
    for line in VOCABULARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            first = line.split("|")[1]
            names.update(re.findall(r"`([A-Za-z_][A-Za-z_0-9]*)`", first))
    return names


def public_callables():
    """(qualified name, object) of every public function and class defined in ``helpers``.

    Public: listed in the module's ``__all__`` (or, without one, not starting with ``_``).
    """
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        if "._datasets" in info.name or info.name == "helpers.__main__":
            continue
        module = importlib.import_module(info.name)
        names = getattr(module, "__all__", [n for n in vars(module) if not n.startswith("_")])
        for name in names:
            obj = getattr(module, name)
            if getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                yield f"{module.__name__}.{name}", obj


def _parameters(obj):
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return []
    return [p for p in signature.parameters.values()
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name != "self"]


# Names every Python reader knows, and the fields of small value objects (they name what they hold).
GENERAL = {"key", "text", "name", "names", "value", "values", "kind", "fields", "tags", "args", "n", "k"}


def test_every_public_parameter_name_is_in_the_vocabulary():
    known = _documented_names() | GENERAL
    unknown = {}
    for qualname, obj in public_callables():
        for p in _parameters(obj):
            if p.name not in known:
                unknown.setdefault(p.name, []).append(qualname)
    assert not unknown, "names outside docs/vocabulary.md: " + "; ".join(
        f"{name} ({', '.join(sorted(where)[:3])})" for name, where in sorted(unknown.items()))


def test_no_parameter_mixes_column_suffixes():
    mixed = [f"{q}({p.name})" for q, obj in public_callables() for p in _parameters(obj)
             if p.name.endswith("_column") or p.name.endswith("_columns") or p.name in ("id_col", "col")]
    assert not mixed, mixed


TIME_BASED = re.compile(r"days|recency|as_of|state|cohort|activity|retention|growth|flow|migration")


def test_as_of_is_keyword_capable_wherever_it_appears():
    for qualname, obj in public_callables():
        for p in _parameters(obj):
            if p.name == "as_of":
                assert p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY), qualname


@pytest.mark.parametrize("banned", ["calibration_end", "observation_end", "freq", "horizon_periods", "t_ahead",
                                    "periods", "cutoffs", "cuts", "threshold", "thresholds", "split", "at",
                                    "top", "bins", "customer", "date", "amount", "order", "id_column",
                                    "pct", "mode", "rule", "within", "vital", "person_col"])
def test_retired_names_are_gone(banned):
    # result objects keep ``thresholds`` (the cut points they used); functions take ``breaks``
    users = [q for q, obj in public_callables() for p in _parameters(obj) if p.name == banned
             and not (banned == "thresholds" and inspect.isclass(obj))]
    assert not users, f"{banned!r} is retired (see docs/vocabulary.md); still used by {users}"


def test_nine_in_ten_public_functions_and_classes_show_a_running_example():
    """Every public function and class should carry a short ``>>>`` example (doctests run in make test)."""
    found = dict(public_callables())
    without = sorted(q for q, obj in found.items() if ">>>" not in (inspect.getdoc(obj) or ""))
    assert len(without) <= 0.1 * len(found), f"{len(without)} of {len(found)} have no example: {without}"
