"""The ``>>>`` examples in the library's docstrings run, as documented (part of ``make test``)."""
import doctest
import importlib
import pkgutil

import pytest

import helpers
from helpers.i18n import language

MODULES = sorted(info.name for info in pkgutil.walk_packages(helpers.__path__, "helpers.")
                 if "._datasets" not in info.name and info.name != "helpers.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    with language("zh"):     # the kit's default language; examples that show English switch themselves
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                                 raise_on_error=False, verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (see above)"
