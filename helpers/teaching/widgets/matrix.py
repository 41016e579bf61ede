"""Matrix explorer: pick the two axes among a table's columns and the split rule → quadrant counts and scatter.

    >>> import pandas as pd
    >>> from helpers.teaching.widgets.matrix import MatrixExplorer
    >>> df = pd.DataFrame({"frequency": [10, 9, 1, 2], "monetary": [2000, 90, 500, 20]})
    >>> MatrixExplorer(df, chart=False).result.summary()["customers"].tolist()
    [0, 1, 2, 1]
"""
from __future__ import annotations

from html import escape

import pandas as pd

from helpers.matrices import HIGH_HIGH, HIGH_X, HIGH_Y, LOW_LOW, Axis, MatrixClassification, ValueMatrix
from helpers.teaching.widgets.base import Explorer, describe
from helpers.teaching.widgets.display import frame_html, message_html

SPLITS = ("mean", "median", "midpoint")
# quadrant ids of the explorer's 2×2 grid (labels in helpers/locale/widgets.yml), top row first
QUADRANTS = {HIGH_Y: "wd_mx_high_y", HIGH_HIGH: "wd_mx_high_high", LOW_LOW: "wd_mx_low_low", HIGH_X: "wd_mx_high_x"}


class MatrixExplorer(Explorer):
    """A 2×2 :class:`~helpers.matrices.ValueMatrix` over two chosen columns (docs/methods.md §2.1–2.3).

    ``columns``: the columns offered for the axes (default: the numeric ones). ``split``:
    ``mean``, ``median`` or ``midpoint`` — the middle of ``scale`` (e.g. ``(1, 5)`` for ratings)
    or, without a scale, of each column's observed range. A value on a split line counts as high.
    """

    figsize = (7, 6)

    def __init__(self, table: pd.DataFrame, columns=None, chart: bool = True, *, scale=None,
                 id_column: str = "customer_id", **initial):
        self.table = table
        self.columns = list(columns) if columns is not None else list(table.select_dtypes("number").columns)
        if len(self.columns) < 2:
            raise ValueError(f"a matrix needs two numeric columns to choose from, got {self.columns}")
        self.scale, self.id_column = scale, id_column
        super().__init__(chart=chart, **initial)

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        return {
            "x": w.Dropdown(options=self.columns, value=self.columns[0], description=describe("wd_mx_x"), style=style),
            "y": w.Dropdown(options=self.columns, value=self.columns[1], description=describe("wd_mx_y"), style=style),
            "split": w.Dropdown(options=[(describe(f"wd_mx_split_{s}"), s) for s in SPLITS], value="mean",
                                description=describe("wd_mx_split"), style=style),
        }

    def _axis(self, column: str, split: str) -> Axis:
        if split != "midpoint":
            return Axis(column, split, name=column)
        bounds = self.scale or (float(self.table[column].min()), float(self.table[column].max()))
        return Axis(column, "midpoint", bounds, name=column)

    def compute(self, x: str, y: str, split: str) -> MatrixClassification | str:
        if x == y:
            return describe("wd_mx_same_axes")
        matrix = ValueMatrix(self._axis(x, split), self._axis(y, split), QUADRANTS, title="wd_mx_title")
        return matrix.classify(self.table, id_column=self.id_column)

    def summary_html(self, result) -> str:
        if isinstance(result, str):
            return message_html(result)
        cuts = ", ".join(f"{name} = {values[0]:,.2f}" for name, values in result.thresholds.items())
        head = f"<p>{escape(describe('wd_mx_cuts'))}: {escape(cuts)}</p>"
        return head + frame_html(result.summary(), columns=("label", "customers", "share"), share_cols=("share",))

    def draw(self, result, ax) -> None:
        from helpers.plots.matrices import plot_value_matrix

        if isinstance(result, str):
            ax.set_axis_off()
            return
        plot_value_matrix(result, ax=ax)
