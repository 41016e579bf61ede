"""The analyst's report: transactions → every customer classification of the kit and each
customer's value → files to act on.

:func:`analyse` runs the whole chain on a clean transactions frame — RFM table, scores, segments,
customer pyramid, Marcus matrix, relationship states, at-risk / win-back / per-segment action
lists, and P(alive), expected purchases and CLV from BG/NBD + Gamma-Gamma fitted on the file
(:mod:`helpers.report.value`) — with one analysis date ``as_of`` for all of them, and returns a
:class:`CustomerReport` (:mod:`helpers.report.analysis`). The report renders itself as one
self-contained HTML page (:func:`to_html`: CSS inline, charts as embedded PNG, every text from the
data escaped; :mod:`helpers.report.html`, :mod:`helpers.report.charts`) and :func:`write_report`
writes that page and an Excel workbook for people (in the active language,
:mod:`helpers.report.tables`), and the customer table as CSV and Parquet for machines
(:mod:`helpers.report.files`, :mod:`helpers.data.exports`).

    >>> import pandas as pd
    >>> from helpers.report import analyse
    >>> tx = pd.DataFrame({"customer_id": list("aabbc"), "amount": [50.0, 70.0, 20.0, 5.0, 900.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-03-01", "2024-02-01", "2024-02-20", "2023-06-01"])})
    >>> report = analyse(tx, as_of="2024-03-31")
    >>> report.customers.loc["a", ["segment", "tier", "state"]].tolist()
    ['cn8_general_value', 'tier_iron', 'repeat']

Command line: ``python -m helpers report FILE`` (see :mod:`helpers.__main__`). Sources: the
functions called, docs/methods.md §1–§3; revisit cadences from :func:`helpers.care.revisit_plan`.

The names below are loaded when first used (PEP 562), so that importing
:mod:`helpers.report.worker` stays light: the command line starts the report's second process before pandas
is imported.
"""
from helpers.lazy import lazy_names

__all__ = ["analyse", "create_report", "write_report", "to_html", "CustomerReport", "DEMOS", "FILES", "N_ROWS"]

_HOMES = {"analyse": "analysis", "CustomerReport": "analysis", "DEMOS": "analysis", "N_ROWS": "analysis",
          "load_for_report": "analysis", "create_report": "files", "write_report": "files", "FILES": "files",
          "to_html": "html"}

__getattr__, __dir__ = lazy_names(__name__, _HOMES, globals())
