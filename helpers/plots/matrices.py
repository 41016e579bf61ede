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

from functools import cached_property

import numpy as np
import pandas as pd

from helpers.display import column_label, is_money
from helpers.i18n import has, label, t
from helpers.plots.base import VALUE_TEXT, currency_of, decorate, get_ax, readable_ticks, with_unit
from helpers.plots.live import ARTISTS, FULL, LiveChart
from helpers.validation import Options, ParameterError, validate_params

__all__ = ["plot_value_matrix", "MatrixChart"]

# entity names are written beside the points only when there are few of them (attributes, styles…)
_MAX_POINT_LABELS = 20
_BUBBLE_AREA = (30, 600)
_PADDING = 0.15
_PADDING_LABELLED = 0.22  # more room when points carry names, so a name in a corner clears the cell's note
_HEAVY_TAIL = 50  # log="auto": largest value over the median beyond which an axis turns log
# kind="auto": above this many entities the chart shows their density instead of every point
_MAX_POINTS = 5000
_DENSITY_BINS = 60        # bins of the density along each axis (plus one per cut line)


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
    """One axis of the chart: its scale (set once for its values), and for a set of cut lines its
    limits and note positions, worked out in the axis' own space (on a log axis the middle of a
    span is its geometric mean)."""

    def __init__(self, ax, which: str, values, log: str | bool, padding: float = _PADDING):
        from matplotlib.ticker import NullLocator

        values = np.asarray(values, dtype=float)
        scale, options = _scale(values, log)
        (ax.set_xscale if which == "x" else ax.set_yscale)(scale, **options)
        axis = ax.xaxis if which == "x" else ax.yaxis
        self._forward = axis.get_transform()
        self.values = values
        self.low, self.high = float(values.min()), float(values.max())
        self.whole = bool(np.all(values == np.round(values)))       # counts, scores, ratings
        if scale != "linear" and self._to(self.high) - self._to(self.low) > 1:
            # over more than a decade no minor tick is labelled (and the theme draws no tick
            # marks): without them the axis draws in half the time
            axis.set_minor_locator(NullLocator())
        self.cuts, self.limits, self.padding = [], (self.low, self.high), padding

    def fit(self, cuts: list[float]) -> tuple[float, float]:
        """Take these cut lines; the limits that show every value and every line, padded."""
        self.cuts = list(cuts)
        low, high = self._to(min(self.low, *cuts)), self._to(max(self.high, *cuts))
        pad = (high - low) * self.padding or 1.0
        self.limits = (self._from(low - pad), self._from(high + pad))
        return self.limits

    def _to(self, values):
        """Values in the axis' own space (an array for an array, a float for a number)."""
        out = self._forward.transform(np.atleast_1d(np.asarray(values, dtype=float)))
        return out if np.ndim(values) else float(out[0])

    def _from(self, values):
        out = self._forward.inverted().transform(np.atleast_1d(np.asarray(values, dtype=float)))
        return out if np.ndim(values) else float(out[0])

    def bin_edges(self, n_bins: int) -> np.ndarray:
        """Edges of about ``n_bins`` equal steps (in the axis' space) over the values, with every cut
        line among them: no bin straddles a line, so each bin lies in one cell. Whole numbers get
        edges halfway between them, so no bin falls between two of them and stays empty.

        >>> from helpers.plots.base import get_ax
        >>> axis = _Axis(get_ax(), "x", [1, 2, 3, 5], log=False)
        >>> _ = axis.fit([2.75])
        >>> axis.bin_edges(60).tolist()
        [0.5, 1.5, 2.5, 2.75, 3.5, 4.5, 5.5]
        """
        low, high = self._to(self.low), self._to(self.high)
        if low == high:
            low, high = low - 0.5, high + 0.5
        edges = self._from(np.linspace(low, high, n_bins + 1))
        if self.whole:
            edges = np.unique(np.concatenate([np.floor(edges) + 0.5, [self.low - 0.5, self.high + 0.5]]))
            edges = edges[(edges >= self.low - 0.5) & (edges <= self.high + 0.5)]
        elif self.low < self.high:
            edges[0], edges[-1] = self.low, self.high      # exactly: the round trip must not drop a value
        return np.union1d(edges, self.cuts)

    @cached_property
    def _sorted(self) -> tuple[np.ndarray, np.ndarray]:
        order = np.argsort(self.values, kind="stable")
        return order, self.values[order]

    def bin_of_each(self, edges: np.ndarray) -> np.ndarray:
        """The bin (0 … len(edges) − 2) of every value, as ``np.histogram`` counts them (the last bin
        includes its right edge). The values are sorted once per axis, so new edges (a new cut
        line) cost one search per edge instead of one per value.

        >>> from helpers.plots.base import get_ax
        >>> _Axis(get_ax(), "x", [5.0, 1, 3, 2], log=False).bin_of_each(np.array([1.0, 2.5, 5.0])).tolist()
        [1, 0, 1, 0]
        """
        order, ordered = self._sorted
        bounds = np.searchsorted(ordered, edges, side="left")
        bounds[0], bounds[-1] = 0, len(ordered)         # the edges cover every value
        bins = np.empty(len(ordered), dtype=np.intp)
        bins[order] = np.repeat(np.arange(len(edges) - 1), np.diff(bounds))
        return bins

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


@validate_params(log=Options("", "x", "y", "xy", "yx", "auto"), kind=Options("auto", "scatter", "density"))
def plot_value_matrix(result, *, ax=None, size_col: str | None = None, point_labels: bool | None = None,
                      log: str = "", kind: str = "auto", **kw):
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
    kind : {"auto", "scatter", "density"}
        ``"scatter"`` draws every entity as a point; ``"density"`` a grid of small cells shaded
        by how many entities fall in each (in the colour of its matrix cell; no bin straddles a
        split line), which stays readable and fast for many thousands of customers. ``"auto"``:
        the density above 5,000 entities unless ``size_col`` or ``point_labels=True`` asks for
        bubbles or names. The counts and shares written in the cells are exact either way.
    {ax}
    {kw} ``ax.scatter`` (the points), or ``ax.pcolormesh`` (the density).

    {returns}

    >>> import pandas as pd
    >>> from helpers.matrices import marcus_matrix
    >>> rfm = pd.DataFrame({"frequency": [10, 10, 2, 2], "monetary": [2000, 200, 800, 40]}, index=list("abcd"))
    >>> ax = plot_value_matrix(marcus_matrix(rfm), size_col="monetary", marker="s")
    >>> len(ax.lines), sorted(t.get_text() for t in ax.texts)[:2]
    (2, ['a', 'b'])
    """
    if kind == "density" and (size_col is not None or point_labels):
        raise ParameterError("kind", t("mat_param_density_size"), kind)
    ax = get_ax(ax, figsize=(7, 6))
    MatrixChart(ax, size_col=size_col, point_labels=point_labels, log=log, kind=kind, **kw).update(result)
    return ax


class MatrixChart(LiveChart):
    """The chart of :func:`plot_value_matrix`, updated in place by the matrix explorer.

    ``update(result)`` takes a :class:`~helpers.matrices.MatrixClassification`. Scales, labels and
    the points (or their density) change when an axis' column or values change; new cut lines only
    move the split lines, recolour the points by cell and rewrite the cell notes. Options as for
    :func:`plot_value_matrix`.

    >>> import pandas as pd
    >>> from helpers.matrices import Axis, ValueMatrix
    >>> df = pd.DataFrame({"x": [1.0, 2, 3, 10], "y": [4.0, 1, 3, 2]})
    >>> chart = MatrixChart(get_ax())
    >>> matrix = lambda breaks: ValueMatrix(Axis("x", breaks), Axis("y", breaks)).classify(df)
    >>> chart.update(matrix("mean")), chart.update(matrix("median"))
    ('full', 'artists')
    >>> chart.ax.lines[0].get_xdata()[0]       # the split line moved to the median of x
    2.5
    """

    def __init__(self, ax, *, size_col: str | None = None, point_labels: bool | None = None, log: str = "",
                 kind: str = "auto", **kw):
        super().__init__(ax)
        self.size_col, self.point_labels, self.log, self.kind, self.kw = size_col, point_labels, log, kind, kw
        self.density = False       # whether the chart shows a density instead of the points
        self._entities = None      # (number of entities, cells) the frame was drawn for
        self._axes = None          # (what names the axes, x values, y values) drawn
        self._points = self._x = self._y = None
        self._lines: list = []
        self._notes: dict = {}
        self._annotations: list = []

    def update(self, result) -> str:
        matrix, table = result.matrix, result.table
        xs, ys = table[matrix.x.column].to_numpy(dtype=float), table[matrix.y.column].to_numpy(dtype=float)
        change = ARTISTS
        if self._entities != (len(table), tuple(result.cell_order)):
            self._draw_frame(result)
            change = FULL
        names = (matrix.x.column, matrix.y.column, matrix.title, matrix.x.label, matrix.y.label)
        if (self._axes is None or self._axes[0] != names or not np.array_equal(self._axes[1], xs)
                or not np.array_equal(self._axes[2], ys)):
            self._set_axes(result, xs, ys)
            self._axes = (names, xs, ys)
            change = FULL
        limits = (self._x.fit(result.thresholds[matrix.x.column]), self._y.fit(result.thresholds[matrix.y.column]))
        if limits != (self.ax.get_xlim(), self.ax.get_ylim()):
            self.ax.set_xlim(*limits[0])
            self.ax.set_ylim(*limits[1])
            change = FULL
        # what the rest of the figure shows: entities (the density's note), axes and their limits
        self.key = (self._entities, names, self.ax.get_xscale(), self.ax.get_yscale(), limits)
        self._draw_lines()
        self._draw_points(result)
        self._draw_notes(result)
        # redrawn bottom first, as a full draw stacks them
        self.dynamic = sorted([self._points, *self._lines, *self._notes.values(), *self._annotations],
                              key=lambda artist: artist.get_zorder())
        return change

    def _draw_frame(self, result) -> None:
        """What stays for these entities and cells: the cells' colours, the points or the density's note."""
        from matplotlib import colormaps

        ax, n = self.ax, len(result.table)
        if self._entities is not None:   # drawn before: start again (a first drawing keeps what the caller drew)
            ax.clear()
        self._lines, self._notes, self._annotations, self._points, self._axes = [], {}, [], None, None
        ids = list(result.cell_order)
        colours = colormaps["Set2"].resampled(max(len(ids), 2))
        self._cell_colour = {cell: colours(i) for i, cell in enumerate(ids)}
        self._palette = np.array([self._cell_colour[cell] for cell in ids])
        self.density = self.kind == "density" or (self.kind == "auto" and n > _MAX_POINTS and self.size_col is None
                                                  and not self.point_labels)
        if self.density:
            ax.annotate(t("mat_density_note", n=f"{n:,}"), xy=(0.5, 1), xycoords="axes fraction", xytext=(0, 5),
                        textcoords="offset points", ha="center", va="bottom", fontsize="small", color="dimgrey")
        else:
            sizes = _bubble_sizes(result.table[self.size_col]) if self.size_col else 40
            self._points = ax.scatter(np.zeros(n), np.zeros(n),
                                      **{"s": sizes, "alpha": 0.75, "edgecolors": "white", "zorder": 3, **self.kw})
        ax.set_autoscale_on(False)
        self._entities = (n, tuple(ids))

    def _set_axes(self, result, xs, ys) -> None:
        """Scales, titles and the points' places for these columns."""
        ax, matrix = self.ax, result.matrix
        named = not self.density and (self.point_labels if self.point_labels is not None
                                      else len(xs) <= _MAX_POINT_LABELS)
        padding = _PADDING_LABELLED if named else _PADDING
        self._x = _Axis(ax, "x", xs, "auto" if self.log == "auto" else "x" in self.log, padding)
        self._y = _Axis(ax, "y", ys, "auto" if self.log == "auto" else "y" in self.log, padding)
        readable_ticks(ax.xaxis)
        readable_ticks(ax.yaxis)
        currency = currency_of(result.table)
        decorate(ax, title=matrix.title or "mat_title_value_matrix",
                 xlabel=_axis_label(matrix.x.label, matrix.x.column, currency),
                 ylabel=_axis_label(matrix.y.label, matrix.y.column, currency))
        if self.density:
            ax.set_title(ax.get_title(), pad=22)        # room for the note under the title
            return
        self._points.set_offsets(np.column_stack([xs, ys]))
        for annotation in self._annotations:
            annotation.remove()
        self._annotations = []
        if named:
            self._annotations = [ax.annotate(str(name), (px, py), xytext=(4, 4), textcoords="offset points",
                                             fontsize="x-small", **VALUE_TEXT)
                                 for name, px, py in zip(result.table.index, xs, ys)]

    def _draw_lines(self) -> None:
        cuts = [("x", c) for c in self._x.cuts] + [("y", c) for c in self._y.cuts]
        if len(cuts) != len(self._lines):
            for line in self._lines:
                line.remove()
            self._lines = [(self.ax.axvline if which == "x" else self.ax.axhline)(cut, color="grey", linestyle="--",
                                                                                 linewidth=1)
                           for which, cut in cuts]
        for line, (which, cut) in zip(self._lines, cuts):
            (line.set_xdata if which == "x" else line.set_ydata)([cut, cut])

    def _draw_points(self, result) -> None:
        if not self.density:
            if "color" not in self.kw and "c" not in self.kw:   # one colour per cell unless the caller colours them
                codes = pd.Categorical(result.classes, categories=list(result.cell_order)).codes
                self._points.set_facecolor(self._palette[codes])
            return
        if self._points is not None:
            self._points.remove()
        xe, ye = self._x.bin_edges(_DENSITY_BINS), self._y.bin_edges(_DENSITY_BINS)
        cells = self._x.bin_of_each(xe) * (len(ye) - 1) + self._y.bin_of_each(ye)
        counts = np.bincount(cells, minlength=(len(xe) - 1) * (len(ye) - 1)).reshape(len(xe) - 1, len(ye) - 1)
        # every bin lies in one cell: its lower edges tell on which side of each line it is
        x_level = np.searchsorted(self._x.cuts, xe[:-1], side="right")
        y_level = np.searchsorted(self._y.cuts, ye[:-1], side="right")
        position = {cell: i for i, cell in enumerate(result.cell_order)}
        cell_of_level = np.zeros((result.matrix.x.n_levels, result.matrix.y.n_levels), dtype=int)
        for (i, j), cell in result.matrix.cell_ids().items():
            cell_of_level[i, j] = position[cell]
        colours = self._palette[cell_of_level[x_level[:, None], y_level[None, :]]]
        shade = np.log1p(counts) / np.log1p(counts.max() or 1.0)
        colours[..., 3] = np.where(counts > 0, 0.2 + 0.8 * shade, 0.0)
        style = {"shading": "flat", "edgecolors": "none", "antialiased": False, "zorder": 0.9, **self.kw}
        self._points = self.ax.pcolormesh(xe, ye, counts.T, **style)
        self._points.set_array(None)
        self._points.set_facecolor(colours.transpose(1, 0, 2).reshape(-1, 4))

    def _draw_notes(self, result) -> None:
        matrix = result.matrix
        summary = result.summary().set_index(result.class_col)
        for (i, j), cell in matrix.cell_ids().items():
            tx, ha = self._x.note_position(i, matrix.x.n_levels)
            ty, va = self._y.note_position(j, matrix.y.n_levels)
            note = t("mat_note_cell", label=label(cell), n=f"{int(summary.loc[cell, 'customers']):,}",
                     share=f"{summary.loc[cell, 'share']:.0%}")
            if cell not in self._notes:
                box = {"boxstyle": "round", "facecolor": self._cell_colour[cell], "alpha": 0.35, "edgecolor": "none"}
                self._notes[cell] = self.ax.text(tx, ty, note, fontsize="small", alpha=0.9, zorder=1, bbox=box)
            text = self._notes[cell]
            text.set_text(note)
            text.set_position((tx, ty))
            text.set_horizontalalignment(ha)
            text.set_verticalalignment({"left": "bottom", "right": "top"}.get(va, va))


def _axis_label(key, column: str, currency) -> str:
    """An axis' label (catalogue key, text or the column's label), with the currency when it holds money."""
    text = (t(key) if has(key) else key) if key else column_label(column)
    return with_unit(text, currency if is_money(column) else None)
