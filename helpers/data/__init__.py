"""Data in and out: files and frames in, validated transactions and a :class:`DataReport` out;
the bundled datasets; exports.

    >>> from helpers.data import load_cdnow
    >>> orders, report = load_cdnow(sample=True)
    >>> report.rows_read == report.rows_kept + sum(report.excluded.values())
    True
"""
from helpers.data.data_report import DataReport
from helpers.data.datasets import (datasets_dir, demo_label, load_cdnow, load_demo,
                                   load_online_retail, with_demo_labels)
from helpers.data.transactions import load_table, load_transactions

__all__ = ["load_transactions", "load_table", "DataReport", "load_cdnow", "load_online_retail",
           "load_demo", "demo_label", "with_demo_labels", "datasets_dir"]

from helpers.data.datasets import load_retention_survival  # noqa: E402  (contract-customer survival, sBG)

__all__ += ["load_retention_survival"]
