"""The analyst's report: transactions → every customer classification of the kit → files to act on.

:func:`analyse` runs the whole chain on a clean transactions frame — RFM table, scores, segments,
customer pyramid, Marcus matrix, relationship states, at-risk / win-back / per-segment action
lists — with one analysis date ``as_of`` for all of them, and returns a :class:`CustomerReport`
(:mod:`helpers.report.analysis`). The report renders itself as one self-contained HTML page
(:func:`to_html`: CSS inline, charts as embedded PNG, every text from the data escaped;
:mod:`helpers.report.html`) and :func:`write_report` writes that page, an Excel workbook, and the
customer table as CSV and Parquet (:mod:`helpers.report.files`, :mod:`helpers.data.exports`).

    >>> import pandas as pd
    >>> from helpers.report import analyse
    >>> tx = pd.DataFrame({"customer_id": list("aabbc"), "amount": [50.0, 70.0, 20.0, 5.0, 900.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-03-01", "2024-02-01", "2024-02-20", "2023-06-01"])})
    >>> report = analyse(tx, as_of="2024-03-31")
    >>> report.customers.loc["a", ["segment", "tier", "state"]].tolist()
    ['cn8_general_value', 'tier_iron', 'repeat']

Command line: ``python -m helpers report FILE`` (see :mod:`helpers.__main__`). Sources: the
functions called, docs/methods.md §1–§3; revisit cadences from :func:`helpers.care.revisit_plan`.
"""
from helpers.report.analysis import DEMOS, N_ROWS, CustomerReport, analyse, load_for_report
from helpers.report.files import FILES, create_report, write_report
from helpers.report.html import to_html

__all__ = ["analyse", "create_report", "write_report", "to_html", "CustomerReport", "DEMOS", "FILES", "N_ROWS"]
