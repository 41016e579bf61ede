"""Progress bars for the long steps (reading a large file, typing its columns, writing a workbook).

A bar appears only where someone watches — a terminal, or a Jupyter notebook — and only once a
step has taken longer than :data:`DELAY` seconds, so short steps, tests and logs stay quiet
(tqdm's ``delay``). Its text is in the active language.

    >>> with progress_bar(3, "read") as bar:      # no bar here: nobody watches a doctest
    ...     _ = bar.update(3)
    >>> bar.total, bar.disable
    (3, True)
"""
from __future__ import annotations

import sys
from contextlib import contextmanager

from helpers.i18n import t

__all__ = ["DELAY"]      # machinery of the loader, the exports and the command line

#: Seconds a step runs before its bar is shown.
DELAY = 1.0
_state = {"quiet": False}


@contextmanager
def quiet():
    """No bars inside the block (the bundled datasets: chapter notebooks keep clean outputs).

    >>> with quiet():
    ...     progress_bar(3, "read").disable
    True
    """
    before = _state["quiet"]
    _state["quiet"] = True
    try:
        yield
    finally:
        _state["quiet"] = before


def _watched() -> bool:
    """A person sees the output: stderr is a terminal, or the code runs in a Jupyter kernel."""
    if "IPython" in sys.modules:
        from IPython import get_ipython

        if type(get_ipython()).__name__ == "ZMQInteractiveShell":
            return True
    stream = sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


def progress_bar(total: int | None, step: str, *, unit: str = "rows"):
    """A tqdm bar for ``step`` (``"read"``, ``"types"``, ``"analyse"``, ``"write"``) over ``total`` items.

    ``unit`` names what is counted (``"rows"`` or ``"steps"``), in the active language.

    >>> progress_bar(10, "write").total
    10
    """
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=t(f"progress_{step}"), unit=t(f"progress_unit_{unit}"), delay=DELAY,
                disable=_state["quiet"] or not _watched(), leave=False, dynamic_ncols=True)
