"""The datasets bundled with the kit: real ones through :func:`helpers.data.load_transactions`.

``load_demo(table)`` reads a table of the synthetic demo company (built by :mod:`helpers.demo`).

Each loader returns ``(frame, report)``; the counts below are tested (``tests/test_datasets.py``)
and documented with sources and licences in ``datasets/README.md``. The loaders do not repeat
the DataWarnings of these well-known quirks: the report states them.

    >>> from helpers.data.datasets import load_cdnow
    >>> orders, report = load_cdnow(sample=True)
    >>> report.customers
    2357
"""
from __future__ import annotations

import warnings
from functools import lru_cache
from dataclasses import replace
from pathlib import Path

from importlib.resources import files

import pandas as pd

from helpers.data.progress import quiet
from helpers.data.transactions import load_transactions
from helpers.errors import DataWarning
from helpers.i18n import has, t

__all__ = ["datasets_dir", "load_cdnow", "load_online_retail", "load_demo", "demo_label",
           "with_demo_labels"]


def datasets_dir() -> Path:
    """The folder holding the bundled datasets.

    In a clone (and the editable install that ``make`` sets up) it is ``datasets/`` at the top of
    the repository; an installed wheel carries the same files as ``helpers/_datasets``.

    >>> (datasets_dir() / "README.md").is_file()
    True
    """
    clone = Path(__file__).resolve().parents[2] / "datasets"
    return clone if clone.is_dir() else Path(str(files("helpers") / "_datasets"))


DEMO_DIR = datasets_dir() / "demo"
TABLES = ("customers", "orders", "stores", "survey", "brand_choices", "complaints", "contacts",
          "key_accounts", "stakeholders", "touchpoints", "experience_target")
DATE_COLUMNS = {
    "customers": ["birthday", "signup_date"], "orders": ["order_date"], "stores": ["opened"],
    "survey": ["survey_date"], "complaints": ["received_at", "first_response_at", "resolved_at"],
    "contacts": ["contacted_at"], "stakeholders": ["last_contact"],
}
SURVEY_ID_COLUMNS = ("respondent_id", "customer_id", "survey_date")


def load_cdnow(*, sample: bool = False):
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
    return _quietly(datasets_dir() / "cdnow" / name, currency="USD", duplicates="keep")


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
    return _quietly(datasets_dir() / "online_retail" / "online_retail.parquet", currency="GBP")


def _quietly(path: Path, currency: str, **kw):
    """Load a bundled file (once per session; callers get their own copy of the frame).

    The report names the file relative to the repository, so it reads the same on every machine;
    ``frame.attrs["currency"]`` names the currency of its amounts (tables show money with it).
    """
    frame, report = _load_bundled(path, tuple(sorted(kw.items())))
    frame = frame.copy()
    frame.attrs["currency"] = currency
    return frame, report


@lru_cache(maxsize=4)
def _load_bundled(path: Path, kw: tuple):
    with warnings.catch_warnings(), quiet():
        warnings.simplefilter("ignore", DataWarning)
        frame, report = load_transactions(path, **dict(kw))
    return frame, replace(report, source=path.relative_to(datasets_dir().parent).as_posix())


def load_demo(table: str, *, directory: str | Path = DEMO_DIR) -> pd.DataFrame:
    """One committed demo table with its dtypes (dates parsed, survey answers as ``Int64``).

    ``table`` is one of :data:`TABLES`; ``directory`` holds the CSV files (default: the bundled ones).
    The demo company's money is in yuan: ``attrs["currency"]`` is ``"CNY"``.

    >>> load_demo("customers")["signup_date"].dtype
    dtype('<M8[ns]')
    """
    if table not in TABLES:
        raise KeyError(f"no demo table {table!r}; choose one of {', '.join(TABLES)}")
    path = Path(directory) / f"{table}.csv"
    header = pd.read_csv(path, nrows=0, encoding="utf-8").columns
    frame = typed_demo_table(table, pd.read_csv(path, encoding="utf-8", dtype=_demo_dtypes(table, header)))
    frame.attrs["currency"] = "CNY"
    return frame


def demo_label(ids, column: str):
    """Display labels (active language) for the ids of a demo column such as ``city`` or ``channel``.

    ``ids``: one id, a list or a Series; ``column`` is the demo column they come from.

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     demo_label(["shanghai", "tmall"], "city")[0]
    'Shanghai'
    """
    if hasattr(ids, "map"):
        return ids.map(lambda i: demo_label(i, column))
    if isinstance(ids, (list, tuple)):
        return [demo_label(i, column) for i in ids]
    key = f"demo_{column}.{ids}"
    return t(key) if isinstance(ids, str) and has(key) else ids   # missing values stay missing


def with_demo_labels(table: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """A copy of ``table`` whose demo id columns show their labels (for charts and printed tables).

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     with_demo_labels(pd.DataFrame({"city": ["shanghai"]}), "city")["city"].tolist()
    ['Shanghai']
    """
    return table.assign(**{column: demo_label(table[column], column) for column in columns})


def _demo_dtypes(table: str, columns) -> dict:
    if table != "survey":
        return {}
    return {c: "Int64" for c in columns if c not in SURVEY_ID_COLUMNS}


def typed_demo_table(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The dtypes a demo table has both when generated and when read back from CSV.

    >>> typed_demo_table("orders", pd.DataFrame({"order_date": ["2024-01-01"]}))["order_date"].dtype
    dtype('<M8[ns]')
    """
    frame = frame.reset_index(drop=True)
    for column in DATE_COLUMNS.get(table, []):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return frame.astype(_demo_dtypes(table, frame.columns))


def load_retention_survival() -> pd.DataFrame:
    """Two cohorts of 1,000 contract customers over 7 years: customers still active per year (Fader & Hardie 2007).

    Index ``year`` 0–7; columns ``regular_alive`` (1,000 → 241) and ``highend_alive`` (1,000 → 491).
    Source, licence and citation in ``datasets/README.md``; fit it with
    ``helpers.btyd.ShiftedBetaGeoModel.fit(table["regular_alive"])``.

    >>> load_retention_survival().loc[7].tolist()
    [241, 491]
    """
    path = datasets_dir() / "churn_retention" / "sbg_fader_hardie_2007_survival.csv"
    return pd.read_csv(path, index_col="year")


__all__ += ["load_retention_survival"]
