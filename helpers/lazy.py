"""Names and modules that load when first used.

A package that lists where each of its names lives gets a module ``__getattr__`` that imports
the home module on first use, and a ``__dir__`` that shows the names before that: importing the
package costs nothing until a name is used (``helpers.report``: its command line starts the
second process before pandas is imported; ``helpers.btyd``: summarising histories needs no SciPy).

    >>> getattr_, dir_ = lazy_names("json", {"JSONDecoder": "decoder"}, {})
    >>> getattr_("JSONDecoder").__module__, dir_()
    ('json.decoder', ['JSONDecoder'])

A module the kit uses only on some paths is :func:`deferred`: ``pd = deferred("pandas")`` reads
like an import, and pandas (with pyarrow, 67 MB and a quarter of a second) is imported when one
of its names is first read. A Polars or DuckDB pipeline through :mod:`helpers.rfm` and
:mod:`helpers.segments` never reads one, so it runs without pandas in the process.
"""
from __future__ import annotations

import importlib

# lazy_names serves the packages' __init__ modules (helpers.btyd, helpers.data, helpers.report);
# deferred the modules that reach pandas only on some paths.
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


class _Deferred:
    """A module that is imported when one of its attributes is first read.

    Not registered in ``sys.modules`` before that: libraries that look there to see whether pandas
    is in use (narwhals, Polars) keep seeing that it is not.
    """

    __slots__ = ("_name", "_module")

    def __init__(self, name: str):
        self._name = name
        self._module = None

    def __getattr__(self, attribute: str):
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, imported when first used>"


def deferred(name: str):
    """The module ``name``, imported when one of its attributes is first read.

    >>> json_ = deferred("json")
    >>> json_.dumps([1])
    '[1]'
    """
    return _Deferred(name)
