"""Where the kit's bundled datasets live: ``datasets/`` in a clone, or the copy a wheel carries.

    >>> (datasets_dir() / "README.md").is_file()
    True
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def datasets_dir() -> Path:
    """The folder holding the bundled datasets.

    In a clone (and the editable install that ``make`` sets up) it is ``datasets/`` at the top of
    the repository; an installed wheel carries the same files as ``helpers/_datasets``.
    """
    clone = Path(__file__).resolve().parent.parent / "datasets"
    return clone if clone.is_dir() else Path(str(files("helpers") / "_datasets"))
