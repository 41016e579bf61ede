"""Chart of any :class:`helpers.matrices.ValueMatrix` result: points, split lines, labelled cells.

    >>> import pandas as pd
    >>> from helpers.matrices import ipa_matrix
    >>> from helpers.plots.matrices import plot_value_matrix
    >>> means = pd.DataFrame({"importance": [6, 6, 2, 2], "performance": [2, 6, 2, 6]}, index=list("abcd"))
    >>> ax = plot_value_matrix(ipa_matrix(means))
    >>> len(ax.lines)            # the two split lines
    2
"""
from __future__ import annotations

import numpy as np

from helpers.i18n import has, label, t
from helpers.display import column_label, is_money
from helpers.plots.base import VALUE_TEXT, currency_of, decorate, get_ax, readable_ticks, with_unit
from helpers.validation import Options, validate_params

__all__ = ["plot_value_matrix"]

# entity names are written beside the points only when there are few of them (attributes, styles…)
_MAX_POINT_LABELS = 20
_BUBBLE_AREA = (30, 600)
_PADDING = 0.15
_PADDING_LABELLED = 0.22  # more room when points carry names, so a name in a corner clears the cell's note
_HEAVY_TAIL = 50  # log="auto": largest value over the median beyond which an axis turns log


def _scale(values: np.ndarray, log: str | bool) -> tuple[str, dict]:
    """Matplotlib scale of one axis. ``log``: True, False or ``"auto"`` (log when the largest value
    is more than ``_HEAVY_TAIL`` times the median). A log axis that must also show zero or negative
    values is symmetric-log: linear below the smallest non-zero size, logarithmic beyond."""
    median = np.median(values)
    if log == "auto":
        log = median > 0 and values.max() > _HEAVY_TAIL * median
    if not log:
        return "linear", {}
    if (values > 0).all():
        return "log", {}
    sizes = np.abs(values[values != 0])
    return "symlog", {"linthresh": 10 ** np.floor(np.log10(sizes.min())) if sizes.size else 1.0}


class _Axis:
    """One axis of the chart: its scale, limits and note positions, worked out in the axis' own
    space (on a log axis the middle of a span is its geometric mean)."""

    def __init__(self, ax, which: str, values, cuts: list[float], log: str | bool, padding: float = _PADDING):
        values = np.asarray(values, dtype=float)
        scale, options = _scale(values, log)
        (ax.set_xscale if which == "x" else ax.set_yscale)(scale, **options)
        self.cuts = list(cuts)
        self._forward = (ax.xaxis if which == "x" else ax.yaxis).get_transform()
        low, high = self._to(min(values.min(), *cuts)), self._to(max(values.max(), *cuts))
        pad = (high - low) * padding or 1.0
        self.limits = (self._from(low - pad), self._from(high + pad))

    def _to(self, value: float) -> float:
        return float(self._forward.transform(np.array([value], dtype=float))[0])

    def _from(self, value: float) -> float:
        return float(self._forward.inverted().transform(np.array([value], dtype=float))[0])

    def note_position(self, level: int, levels: int):
        """Where a cell's note goes on this axis, and its alignment (see :func:`_anchor`)."""
        bounds = [self.limits[0], *self.cuts, self.limits[1]]
        low, high = self._to(bounds[level]), self._to(bounds[level + 1])
        pad = (self._to(self.limits[1]) - self._to(self.limits[0])) * 0.01
        position, align = _anchor((low, high), level, levels, pad)
        return self._from(position), align


def _anchor(span, level: int, levels: int, pad: float):
    """Where to write a cell's note on one axis: at the outer edge for outer cells (away from the
    crowded split lines), in the middle otherwise; returns the position and its alignment."""
    low, high = span
    if level == 0 and levels > 1:
        return low + pad, "left"
    if level == levels - 1 and levels > 1:
        return high - pad, "right"
    return (low + high) / 2, "center"


def _bubble_sizes(values):
    values = np.asarray(values, dtype=float)
    top = np.nanmax(np.abs(values)) or 1.0
    return _BUBBLE_AREA[0] + (_BUBBLE_AREA[1] - _BUBBLE_AREA[0]) * np.abs(values) / top


@validate_params(log=Options("", "x", "y", "xy", "yx", "auto"))
def plot_value_matrix(result, *, ax=None, size_col: str | None = None, point_labels: bool | None = None,
                      log: str = "", **kw):
    """Scatter of a value-matrix result with its split lines and each cell's label, count and share.

    Parameters
    ----------
    result : MatrixClassification
        What :class:`helpers.matrices.ValueMatrix` or one of its presets returned.
    size_col : str, optional
        A column of the result table that sizes the bubbles (e.g. ``"monetary"``).
    point_labels : bool, optional
        Write each entity's id (the table's index) beside its point; default: when there are at
        most 20 entities.
    log : {"", "x", "y", "xy", "auto"}
        The axes drawn on a log scale, which spreads out heavy-tailed values such as spend and
        purchase counts; ``"auto"``: every axis whose largest value is over 50 times its median.
        Zero and negative values stay on the chart: such an axis is linear below the smallest
        non-zero size and logarithmic beyond (matplotlib's ``symlog``).
    {ax}
    {kw} ``ax.scatter`` (the points).

    {returns}

    >>> import pandas as pd
    >>> from helpers.matrices import marcus_matrix
    >>> rfm = pd.DataFrame({"frequency": [10, 10, 2, 2], "monetary": [2000, 200, 800, 40]}, index=list("abcd"))
    >>> ax = plot_value_matrix(marcus_matrix(rfm), size_col="monetary", marker="s")
    >>> len(ax.lines), sorted(t.get_text() for t in ax.texts)[:2]
    (2, ['a', 'b'])
    """
    from matplotlib import colormaps

    matrix, table = result.matrix, result.table
    x, y = matrix.x.column, matrix.y.column
    ax = get_ax(ax, figsize=(7, 6))
    ids = list(result.cell_order)
    colours = colormaps["Set2"].resampled(max(len(ids), 2))
    sizes = _bubble_sizes(table[size_col]) if size_col else 40
    cell_colour = {cell: colours(i) for i, cell in enumerate(ids)}
    style = {"s": sizes, "alpha": 0.75, "edgecolors": "white", "zorder": 3, **kw}
    if "color" not in kw and "c" not in kw:          # one colour per cell unless the caller colours the points
        style["c"] = [cell_colour[c] for c in result.classes]
    ax.scatter(table[x], table[y], **style)
    named = point_labels if point_labels is not None else len(table) <= _MAX_POINT_LABELS
    padding = _PADDING_LABELLED if named else _PADDING
    x_axis = _Axis(ax, "x", table[x], result.thresholds[x], "auto" if log == "auto" else "x" in log, padding)
    y_axis = _Axis(ax, "y", table[y], result.thresholds[y], "auto" if log == "auto" else "y" in log, padding)
    for cut in result.thresholds[x]:
        ax.axvline(cut, color="grey", linestyle="--", linewidth=1)
    for cut in result.thresholds[y]:
        ax.axhline(cut, color="grey", linestyle="--", linewidth=1)
    summary = result.summary().set_index(result.class_col)
    for (i, j), cell in matrix.cell_ids().items():
        tx, ha = x_axis.note_position(i, matrix.x.n_levels)
        ty, va = y_axis.note_position(j, matrix.y.n_levels)
        va = {"left": "bottom", "right": "top"}.get(va, va)
        note = t("mat_note_cell", label=label(cell), n=f"{int(summary.loc[cell, 'customers']):,}",
                 share=f"{summary.loc[cell, 'share']:.0%}")
        ax.text(tx, ty, note, ha=ha, va=va, fontsize="small", alpha=0.9, zorder=1,
                bbox={"boxstyle": "round", "facecolor": cell_colour[cell], "alpha": 0.35, "edgecolor": "none"})
    if named:
        for name, px, py in zip(table.index, table[x], table[y]):
            ax.annotate(str(name), (px, py), xytext=(4, 4), textcoords="offset points", fontsize="x-small",
                        **VALUE_TEXT)
    ax.set_xlim(*x_axis.limits)
    ax.set_ylim(*y_axis.limits)
    readable_ticks(ax.xaxis)
    readable_ticks(ax.yaxis)
    currency = currency_of(table)
    return decorate(ax, title=matrix.title or "mat_title_value_matrix",
                    xlabel=_axis_label(matrix.x.label, x, currency), ylabel=_axis_label(matrix.y.label, y, currency))


def _axis_label(key, column: str, currency) -> str:
    """An axis' label (catalogue key, text or the column's label), with the currency when it holds money."""
    text = (t(key) if has(key) else key) if key else column_label(column)
    return with_unit(text, currency if is_money(column) else None)
