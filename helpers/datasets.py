"""The datasets bundled with the kit: real ones through :func:`helpers.data.load_transactions`.

``load_demo(table)`` (from :mod:`helpers.demo`) reads a table of the synthetic demo company.

Each loader returns ``(frame, report)``; the counts below are tested (``tests/test_datasets.py``)
and documented with sources and licences in ``datasets/README.md``. The loaders do not repeat
the DataWarnings of these well-known quirks: the report states them.

    >>> from helpers.datasets import load_cdnow
    >>> orders, report = load_cdnow(sample=True)
    >>> report.customers
    2357
"""
from __future__ import annotations

import warnings
from functools import lru_cache
from dataclasses import replace
from pathlib import Path

from helpers.bundle import datasets_dir
from helpers.data import load_transactions
from helpers.demo import load_demo
from helpers.errors import DataWarning

__all__ = ["datasets_dir", "load_cdnow", "load_online_retail", "load_demo"]


def load_cdnow(sample: bool = False):
    """CDNOW music CD purchases, Jan 1997 – Jun 1998 (Fader, Hardie & Lee 2005).

    Master (``sample=False``): 69,659 rows read and kept, 23,570 customers, 1997-01-01 … 1998-06-30,
    total $2,500,315.63, 80 rows of $0 (kept, noted). 255 rows repeat another row exactly; with no
    order id they are separate orders on the same day, so they are kept (``duplicates="keep"``).
    ``orders`` in the report counts rows (there is no order id).
    1/10 sample (``sample=True``): 6,919 rows read and kept, 2,357 customers (ids as in the master),
    21 exact repeats kept; extra column ``sample_id``.
    Columns: customer_id (5-digit text), order_date, amount (USD), quantity (number of CDs).

    >>> load_cdnow()[1].rows_kept
    69659
    """
    name = "cdnow_sample.csv.gz" if sample else "cdnow_master.csv.gz"
    return _quietly(datasets_dir() / "cdnow" / name, duplicates="keep")


def load_online_retail():
    """UCI Online Retail: a UK online gift shop, 2010-12-01 … 2011-12-09 (Chen, Sain & Guo 2012).

    541,909 rows read; 392,732 kept (4,339 customers, 18,536 invoices, 2010-12-01 08:26 …
    2011-12-09 12:50). Excluded: 135,080 without CustomerID, 8,905 cancellations ("C" invoices
    with a customer id; the other 383 lack one), 5,192 exact duplicates. The 3 "A" adjustments and
    every negative quantity outside "C" invoices lack a customer id. amount = Quantity × UnitPrice
    (40 kept rows of 0). The bundled Parquet holds CustomerID as text ("17850", not 17850.0).
    Extra columns kept: StockCode, Description, Country.

    >>> load_online_retail()[1].rows_read
    541909
    """
    return _quietly(datasets_dir() / "online_retail" / "online_retail.parquet")


def _quietly(path: Path, **kw):
    """Load a bundled file (once per session; callers get their own copy of the frame).

    The report names the file relative to the repository, so it reads the same on every machine.
    """
    frame, report = _load_bundled(path, tuple(sorted(kw.items())))
    return frame.copy(), report


@lru_cache(maxsize=4)
def _load_bundled(path: Path, kw: tuple):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        frame, report = load_transactions(path, **dict(kw))
    return frame, replace(report, source=path.relative_to(datasets_dir().parent).as_posix())
