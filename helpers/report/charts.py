"""The report's charts: PNG images drawn with the kit's plots, in this process or in a second one.

:func:`helpers.report.create_report` hands the charts to its second process
(:mod:`helpers.report.worker`): the four classification charts as soon as the classes are known,
the holdout chart once the value is forecast; :func:`draw` draws them there, or here when there is
no second process. The page is the same either way.

    >>> import pandas as pd
    >>> from helpers.report.analysis import analyse
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "amount": [50.0, 20.0, 30.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01", "2024-03-01"])})
    >>> sorted(chart_jobs(analyse(tx)))
    ['matrix', 'segments', 'states', 'tiers']
"""
from __future__ import annotations

import base64
import io
from html import escape

# draw and classification_jobs serve helpers.report.html and helpers.report.files.
__all__ = ["chart_jobs"]


def classification_jobs(summary, pyramid, matrix, states) -> dict:
    """The charts of the classifications: ``{name: (plot function name in helpers.plots, keywords,
    data, figsize)}``. Functions are named, not imported: preparing jobs never imports matplotlib."""
    return {"segments": ("plot_segment_sizes", {}, summary, (8, 5)),
            "tiers": ("plot_pyramid", {}, pyramid, (8, 5)),
            "matrix": ("plot_value_matrix", {"log": "auto"}, matrix, (7, 6)),
            "states": ("plot_state_distribution", {}, states, (8, 5))}


def chart_jobs(report) -> dict:
    """Every chart of the report's page: the classifications' and, when there is one, the holdout check's."""
    jobs = classification_jobs(report.segment_summary(), report.pyramid, report.matrix, report.states)
    if report.value.holdout is not None:
        jobs["holdout"] = ("plot_holdout_comparison", {}, report.value.holdout, (7, 4))
    return jobs


def _png(plot, data, figsize) -> str:
    """``plot(data, ax=…)`` drawn with the kit theme as an ``<img>`` holding a base64 PNG."""
    import matplotlib as mpl
    from matplotlib.figure import Figure

    from helpers.plots.theme import apply_theme

    with mpl.rc_context():
        apply_theme()
        figure = Figure(figsize=figsize)
        ax = figure.subplots()
        plot(data, ax=ax)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=90)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{escape(ax.get_title())}" src="data:image/png;base64,{encoded}">'


def draw(jobs: dict) -> dict:
    """Each job as an ``<img>`` (``{name: html}``), in the active language."""
    from functools import partial

    import helpers.plots

    return {name: _png(partial(getattr(helpers.plots, plot), **keywords), data, figsize)
            for name, (plot, keywords, data, figsize) in jobs.items()}
