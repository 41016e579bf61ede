"""Data in and out: files and frames in, validated transactions and a :class:`DataReport` out;
the bundled datasets; exports.

    >>> from helpers.data import load_cdnow
    >>> orders, report = load_cdnow(sample=True)
    >>> report.rows_read == report.rows_kept + sum(report.excluded.values())
    True

The names below are loaded when first used (PEP 562): the engines' machinery
(:mod:`helpers.data.engines`), which a Polars or DuckDB pipeline imports, does not import the
readers and pandas with it.
"""
from helpers.lazy import lazy_names

__all__ = ["load_transactions", "load_table", "DataReport", "load_cdnow", "load_online_retail",
           "load_demo", "demo_label", "with_demo_labels", "datasets_dir", "load_retention_survival"]

_HOMES = {"DataReport": "data_report", "load_transactions": "transactions", "load_table": "transactions",
          **{name: "datasets" for name in ("datasets_dir", "demo_label", "load_cdnow", "load_demo",
                                           "load_online_retail", "with_demo_labels", "load_retention_survival")}}

__getattr__, __dir__ = lazy_names(__name__, _HOMES, globals())
