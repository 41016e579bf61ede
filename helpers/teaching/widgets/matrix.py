"""Matrix explorer: pick the two axes among a table's columns and the break rule → quadrant counts and scatter.

    >>> import pandas as pd
    >>> from helpers.teaching.widgets.matrix import MatrixExplorer
    >>> df = pd.DataFrame({"frequency": [10, 9, 1, 2], "monetary": [2000, 90, 500, 20]})
    >>> MatrixExplorer(df, chart=False).result.summary()["customers"].tolist()
    [0, 1, 2, 1]
"""
from __future__ import annotations

from html import escape

import pandas as pd

from helpers.display import column_label
from helpers.i18n import has, t
from helpers.matrices import HIGH_HIGH, HIGH_X, HIGH_Y, LOW_LOW, Axis, MatrixClassification, ValueMatrix
from helpers.validation import ParameterError
from helpers.teaching.widgets.base import Explorer, describe
from helpers.teaching.widgets.display import frame_html, message_html

__all__ = ["MatrixExplorer"]

_BREAK_RULES = ("mean", "median", "midpoint")
# quadrant ids of the explorer's 2×2 grid (labels in helpers/locale/widgets.yml), top row first
QUADRANTS = {HIGH_Y: "wd_mx_high_y", HIGH_HIGH: "wd_mx_high_high", LOW_LOW: "wd_mx_low_low", HIGH_X: "wd_mx_high_x"}


class MatrixExplorer(Explorer):
    """A 2×2 :class:`~helpers.matrices.ValueMatrix` over two chosen columns (docs/methods.md §2.1–2.3).

    ``customers``: one row per customer (or account, segment…); ``value_cols``: the columns offered
    for the axes (default: the numeric ones). Controls (also settable as keywords, ``**initial``):
    ``x``, ``y`` and ``breaks``: ``mean``, ``median`` or ``midpoint`` — the middle of ``scale``
    (e.g. ``(1, 5)`` for ratings) or, without a scale, of each column's observed range. A value on
    a split line counts as high. Rows are named by ``customer_col`` when the table has it.

    >>> df = pd.DataFrame({"value": [5, 1, 3], "fit": [2, 5, 3]})
    >>> MatrixExplorer(df, chart=False, scale=(1, 5), breaks="midpoint").result.thresholds
    {'value': [3.0], 'fit': [3.0]}
    """

    figsize = (7, 6)
    cache_size = 6           # a classified copy of the table per setting: ~10 MB at 100,000 customers

    def __init__(self, customers: pd.DataFrame, value_cols=None, chart: bool = True, *, scale=None,
                 customer_col: str = "customer_id", **initial):
        self.customers = customers
        self.value_cols = (list(value_cols) if value_cols is not None
                           else list(customers.select_dtypes("number").columns))
        if len(self.value_cols) < 2:
            raise ParameterError("value_cols", t("mat_param_two_columns"), self.value_cols)
        self.scale, self.customer_col = scale, customer_col
        super().__init__(chart=chart, **initial)

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        return {
            "x": w.Dropdown(options=self._column_options(), value=self.value_cols[0],
                            description=describe("wd_mx_x"), style=style),
            "y": w.Dropdown(options=self._column_options(), value=self.value_cols[1],
                            description=describe("wd_mx_y"), style=style),
            "breaks": w.Dropdown(options=[(describe(f"wd_mx_split_{s}"), s) for s in _BREAK_RULES], value="mean",
                                 description=describe("wd_mx_split"), style=style),
        }

    def _column_options(self) -> list:
        return [(column_label(column), column) for column in self.value_cols]

    def _axis(self, column: str, breaks: str) -> Axis:
        caption = f"col_{column}" if has(f"col_{column}") else None      # the column's label in charts
        if breaks != "midpoint":
            return Axis(column, breaks, name=column, label=caption)
        bounds = self.scale or (float(self.customers[column].min()), float(self.customers[column].max()))
        if bounds[0] == bounds[1]:        # one value only: its own midpoint
            bounds = (bounds[0] - 1, bounds[1] + 1)
        return Axis(column, "midpoint", scale=bounds, name=column, label=caption)

    def compute(self, x: str, y: str, breaks: str) -> MatrixClassification | str:
        if x == y:
            return describe("wd_mx_same_axes")
        matrix = ValueMatrix(self._axis(x, breaks), self._axis(y, breaks), QUADRANTS, title="wd_mx_title")
        return matrix.classify(self.customers, customer_col=self.customer_col)

    def summary_html(self, result) -> str:
        if isinstance(result, str):
            return message_html(result)
        cuts = ", ".join(f"{column_label(name)} = {values[0]:,.2f}" for name, values in result.thresholds.items())
        head = f"<p>{escape(describe('wd_mx_cuts'))}: {escape(cuts)}</p>"
        return head + frame_html(result.summary(), columns=("label", "customers", "share"), share_cols=("share",))

    def make_chart(self, figure):
        from helpers.plots.matrices import MatrixChart

        # heavy-tailed columns (spend, purchases) on log axes; above 5,000 rows a density of the points
        return MatrixChart(figure.add_subplot(), log="auto")

    def chart_data(self, result):
        return None if isinstance(result, str) else result
