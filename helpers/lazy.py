"""Packages whose names load when first used (PEP 562).

A package that lists where each of its names lives gets a module ``__getattr__`` that imports
the home module on first use, and a ``__dir__`` that shows the names before that: importing the
package costs nothing until a name is used (``helpers.report``: its command line starts the
second process before pandas is imported; ``helpers.btyd``: summarising histories needs no SciPy).

    >>> getattr_, dir_ = lazy_names("json", {"JSONDecoder": "decoder"}, {})
    >>> getattr_("JSONDecoder").__module__, dir_()
    ('json.decoder', ['JSONDecoder'])
"""
from __future__ import annotations

import importlib

# lazy_names serves the packages' __init__ modules (helpers.btyd, helpers.report).
__all__: list = []


def lazy_names(package: str, homes: dict, namespace: dict):
    """``(__getattr__, __dir__)`` for ``package``: ``homes`` maps each name to its module (relative
    to the package), ``namespace`` is the package's ``globals()``."""

    def __getattr__(name: str):
        if name in homes:
            return getattr(importlib.import_module(f"{package}.{homes[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list:
        return sorted(set(namespace) | set(homes))

    return __getattr__, __dir__
