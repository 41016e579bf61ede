"""Value matrices: one classifier (:class:`ValueMatrix`) for every 2×2 or n×m grid, and its presets.

Each axis is a column or a weighted composite score, cut at its ``breaks`` — a rule (``"mean"``,
``"median"``, ``"midpoint"`` of a rating scale), absolute numbers, or :class:`Quantiles`; a value
exactly on a line counts as *high* (the upper side). Result tables are indexed by the entity id
when the input has one (a ``customer_col`` column or a named index). Sources: docs/methods.md
§2.1–2.3, §2.8, §3.9, §4.8.

    >>> import pandas as pd
    >>> from helpers.matrices import marcus_matrix
    >>> rfm = pd.DataFrame({"customer_id": ["a", "b", "c", "d"],
    ...                     "frequency": [10, 9, 1, 2], "monetary": [2000, 90, 500, 20]})
    >>> marcus_matrix(rfm).classes.to_dict()
    {'a': 'marcus_best', 'b': 'marcus_frequent', 'c': 'marcus_spenders', 'd': 'marcus_uncertain'}
"""
from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import KW_ONLY, dataclass, field

import numpy as np
import pandas as pd

from helpers.errors import DataError
from helpers.i18n import has, label, t
from helpers.result import Classification
from helpers.validation import Instance, Interval, Numbers, Options, ParameterError, check_param, validate_params

__all__ = ["Axis", "Quantiles", "ValueMatrix", "MatrixClassification", "customer_value_matrix",
           "target_selection_matrix", "marcus_matrix", "ipa_matrix", "social_style", "dick_basu_loyalty", "apostle_model"]

_BREAK_RULES = ("mean", "median", "midpoint")
_TIE_POLICY = "ties_line_is_high"      # a value on a split line counts as high (catalogue id)
_SCALE = Numbers(2, monotonic="increasing")


@dataclass(frozen=True)
class Quantiles:
    """Cut points at quantiles of an axis' scores: ``Quantiles(0.33, 0.67)`` makes three levels.

    >>> Quantiles(0.33, 0.67).levels
    (0.33, 0.67)
    """

    levels: tuple

    def __init__(self, *levels):
        check_param("levels", levels, Numbers(None, 0, 1, closed="neither", monotonic="increasing"))
        object.__setattr__(self, "levels", tuple(float(q) for q in levels))


# what an axis' breaks may be: a rule, one number, increasing numbers, or quantiles
_BREAKS = [Options(*_BREAK_RULES), Interval(float), Numbers(None, monotonic="increasing"), Instance(Quantiles)]
# a preset 2×2 matrix: one cut per axis; "midpoint" only where the preset has a scale
_TWO_BY_TWO = [Options("mean", "median"), Interval(float), Instance(Quantiles)]
_TWO_BY_TWO_SCALED = [Options(*_BREAK_RULES), Interval(float), Instance(Quantiles)]


@dataclass(frozen=True)
class Axis:
    """One axis of a :class:`ValueMatrix`.

    ``source``: a column name, a list of columns (their mean) or ``{column: weight}`` (weighted
    mean — weights are normalised, so a score of 1–5 ratings stays on the 1–5 scale).
    ``breaks``: ``"mean"``, ``"median"``, ``"midpoint"`` (the middle of ``scale``, e.g. ``(1, 5)`` → 3),
    a number or increasing numbers (absolute cuts), or :class:`Quantiles` (cuts at quantiles).
    ``name`` is the score's column in the result; ``label`` a catalogue key (or text) for charts.

    >>> Axis({"size": 2, "growth": 1}, "midpoint", scale=(1, 5), name="value").n_levels
    2
    >>> Axis("spend", Quantiles(0.25, 0.5, 0.75)).n_levels
    4
    """

    source: str | Sequence[str] | Mapping[str, float]
    breaks: str | float | Sequence[float] | Quantiles = "mean"
    _: KW_ONLY
    scale: tuple | None = None
    name: str | None = None
    label: str | None = None

    def __post_init__(self):
        _ = self.weights                 # a source whose weights add up to 0 is refused here, not later
        check_param("breaks", self.breaks, _BREAKS)
        if self.scale is not None or (isinstance(self.breaks, str) and self.breaks == "midpoint"):
            check_param("scale", self.scale, _SCALE)

    @property
    def weights(self) -> dict[str, float]:
        """Column → weight (normalised to sum to 1).

        >>> Axis({"a": 3, "b": 1}).weights
        {'a': 0.75, 'b': 0.25}
        """
        if isinstance(self.source, str):
            raw = {self.source: 1.0}
        elif isinstance(self.source, Mapping):
            raw = {str(k): float(v) for k, v in self.source.items()}
        else:
            raw = {str(c): 1.0 for c in self.source}
        total = sum(raw.values())
        if total <= 0:
            raise ParameterError("source", t("mat_param_weights"), self.source)
        return {k: v / total for k, v in raw.items()}

    @property
    def column(self) -> str:
        """The name of this axis' score in the result table."""
        return self.name or (self.source if isinstance(self.source, str) else "score")

    @property
    def n_levels(self) -> int:
        """How many levels the breaks make (two for one cut)."""
        if isinstance(self.breaks, Quantiles):
            return len(self.breaks.levels) + 1
        if isinstance(self.breaks, (str, numbers.Real)):
            return 2
        return len(self.breaks) + 1

    def score(self, data: pd.DataFrame) -> pd.Series:
        """This axis' score for every row (a column or the weighted mean of columns)."""
        weights = self.weights
        _check_columns(data, list(weights))
        columns = data[list(weights)].apply(pd.to_numeric, errors="coerce").astype(float)
        for name in weights:
            _check_complete(columns[name], name)
        return (columns * pd.Series(weights)).sum(axis=1).rename(self.column)

    def cuts(self, score: pd.Series) -> list[float]:
        """The cut line(s) on this axis for these scores, in increasing order.

        >>> Axis("x", "midpoint", scale=(1, 7)).cuts(pd.Series([1.0, 2.0]))
        [4.0]
        """
        breaks = self.breaks
        if isinstance(breaks, Quantiles):
            return [float(score.quantile(q)) for q in breaks.levels]
        if isinstance(breaks, str):
            if breaks == "midpoint":
                low, high = self.scale
                return [(low + high) / 2]
            return [float(score.mean() if breaks == "mean" else score.median())]
        if isinstance(breaks, numbers.Real):
            return [float(breaks)]
        return [float(b) for b in breaks]

    def describe(self) -> dict:
        """The settings of this axis, for the result's parameters."""
        return {"source": self.weights, "breaks": self.breaks, "scale": self.scale}


def _check_columns(data: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise DataError("err_mat_missing_column", column=missing[0], fix_key="fix_mat_name_column",
                        columns=", ".join(map(str, data.columns)))


def _check_complete(values: pd.Series, name: str) -> None:
    bad = np.flatnonzero(~np.isfinite(values.to_numpy(dtype=float, na_value=np.nan)))
    if bad.size:
        raise DataError("err_mat_missing_values", column=name, rows=bad + 1, fix_key="fix_mat_fill_or_drop")


def _levels_and_distances(score: pd.Series, cuts: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """Level of each score (0 = lowest; on a line → upper level) and signed distance to the nearest line."""
    values, lines = score.to_numpy(), np.asarray(cuts)
    levels = np.searchsorted(lines, values, side="right")
    nearest = lines[np.argmin(np.abs(values[:, None] - lines[None, :]), axis=1)]
    return levels, values - nearest


@dataclass(repr=False)      # the readable repr of Classification
class MatrixClassification(Classification):
    """Rows classified into the cells of a :class:`ValueMatrix`.

    ``table`` keeps the input columns and adds each axis' score, ``<axis>_level`` (0 = lowest),
    ``<axis>_distance`` (signed distance to the nearest split line; ≥ 0 = high side) and the cell.
    It is indexed by the entity id when the input had one (see :meth:`ValueMatrix.classify`).

    >>> res = customer_value_matrix(pd.DataFrame({"current_value": [900, 100], "potential_value": [50, 800]}))
    >>> res.summary()["customers"].tolist()
    [0, 1, 1, 0]
    """

    matrix: ValueMatrix | None = None
    cell_order: tuple = field(default_factory=tuple)

    def summary(self) -> pd.DataFrame:
        """Rows, share and strategy per cell, every cell listed (empty ones with 0), in the matrix's order.

        >>> df = pd.DataFrame({"frequency": [12, 1], "monetary": [1200, 40]})
        >>> marcus_matrix(df).summary()["cell"].tolist()[0]
        'marcus_best'
        """
        cells = list(self.cell_order)
        counts = self.classes.value_counts().reindex(cells, fill_value=0)
        return pd.DataFrame({self.class_col: cells, "label": label(cells), "customers": counts.to_numpy(),
                             "share": counts.to_numpy() / max(int(counts.sum()), 1),
                             "strategy": [t(f"{c}.strategy") if has(f"{c}.strategy") else "" for c in cells]})

    def _shown_params(self) -> dict:
        """Each axis by its label and breaks, and the tie rule (instead of the axes' full descriptions)."""
        if self.matrix is None:
            return self.params
        def axis(a):
            return t(a.label) if a.label and has(a.label) else a.label or a.column
        return {"x_axis": axis(self.matrix.x), "y_axis": axis(self.matrix.y), "x_breaks": self.matrix.x.breaks,
                "y_breaks": self.matrix.y.breaks, "ties": self.params.get("ties")}

    def grid(self) -> pd.DataFrame:
        """Counts per cell laid out like the chart: y levels from high (top) to low, x from low to high.

        >>> df = pd.DataFrame({"frequency": [12, 1], "monetary": [1200, 40]})
        >>> marcus_matrix(df).grid().to_numpy().tolist()
        [[0, 1], [1, 0]]
        """
        x, y = self.matrix.x.column, self.matrix.y.column
        counts = pd.crosstab(self.table[f"{y}_level"], self.table[f"{x}_level"])
        return counts.reindex(index=range(self.matrix.y.n_levels)[::-1], columns=range(self.matrix.x.n_levels),
                              fill_value=0)


@dataclass(frozen=True)
class ValueMatrix:
    """A grid classifier: two axes, each cut into levels, and the id of every cell.

    ``x`` and ``y`` are :class:`Axis` objects; ``cells`` maps ``(x_level, y_level)`` (0 = lowest)
    to a cell id; by default ids are ``x1_y1`` … ``title`` is a catalogue key (or text) for charts
    and ``class_col`` the result's cell column. Every preset of this module is a configured ValueMatrix.

    >>> vm = ValueMatrix(Axis("spend", 100), Axis("visits", "median"))
    >>> vm.classify(pd.DataFrame({"spend": [50, 100], "visits": [1, 3]})).classes.tolist()
    ['x1_y1', 'x2_y2']
    """

    x: Axis
    y: Axis
    cells: Mapping[tuple[int, int], str] | None = None
    title: str | None = None
    class_col: str = "cell"

    def cell_ids(self) -> dict[tuple[int, int], str]:
        """Every cell's id, keyed by (x_level, y_level).

        >>> ValueMatrix(Axis("a"), Axis("b")).cell_ids()[(1, 0)]
        'x2_y1'
        """
        if self.cells is not None:
            return dict(self.cells)
        return {(i, j): f"x{i + 1}_y{j + 1}" for j in reversed(range(self.y.n_levels))
                for i in range(self.x.n_levels)}

    def classify(self, data: pd.DataFrame, customer_col: str = "customer_id") -> MatrixClassification:
        """Score both axes, cut them and put every row into its cell (the caller's frame is not changed).

        The result table is indexed by ``customer_col`` when ``data`` has that column; otherwise
        it keeps ``data``'s index (e.g. customer ids, attributes, or row numbers).

        >>> vm = ValueMatrix(Axis("spend", 100), Axis("visits", 2))
        >>> vm.classify(pd.DataFrame({"customer_id": ["a", "b"], "spend": [50, 100], "visits": [1, 3]})).classes.to_dict()
        {'a': 'x1_y1', 'b': 'x2_y2'}
        """
        if self.x.column == self.y.column:
            raise ParameterError("y", t("mat_param_other_name", name=self.x.column), self.y.column)
        table = data.set_index(customer_col) if customer_col in data.columns else data.copy()
        thresholds = {}
        for axis in (self.x, self.y):
            score = axis.score(data)
            cuts = axis.cuts(score)
            levels, distances = _levels_and_distances(score, cuts)
            table[axis.column] = score.to_numpy()
            table[f"{axis.column}_level"] = levels
            table[f"{axis.column}_distance"] = distances
            thresholds[axis.column] = cuts
        ids = self.cell_ids()
        grid = np.empty((self.x.n_levels, self.y.n_levels), dtype=object)
        for (i, j), cell in ids.items():
            grid[i, j] = cell
        if any(cell is None for cell in grid.flat):
            raise ParameterError("cells", t("mat_param_cells", shape=f"{grid.shape[0]}×{grid.shape[1]}"), self.cells)
        table[self.class_col] = grid[table[f"{self.x.column}_level"], table[f"{self.y.column}_level"]]
        params = {"x": {"name": self.x.column, **self.x.describe()},
                  "y": {"name": self.y.column, **self.y.describe()}, "ties": _TIE_POLICY}
        return MatrixClassification(table, thresholds, params, class_col=self.class_col,
                                    matrix=self, cell_order=tuple(ids.values()))


# (x_level, y_level) of the four cells of a 2×2 matrix
HIGH_HIGH, HIGH_X, HIGH_Y, LOW_LOW = (1, 1), (1, 0), (0, 1), (0, 0)


def _two_by_two(x: Axis, y: Axis, cells: dict, title: str) -> ValueMatrix:
    """A 2×2 matrix; ``cells`` maps HIGH_HIGH / HIGH_X / HIGH_Y / LOW_LOW to ids in display order."""
    for axis in (x, y):
        if axis.n_levels != 2:
            raise ParameterError("breaks", t("mat_param_one_cut"), axis.breaks)
    return ValueMatrix(x, y, cells, title=title)


@validate_params(breaks=_TWO_BY_TWO)
def customer_value_matrix(data: pd.DataFrame, *, current_col: str = "current_value",
                          potential_col: str = "potential_value", breaks="mean") -> MatrixClassification:
    """Current value × potential value → types I–IV (docs/methods.md §2.1); cut at the mean by default.

    IV high/high (keep at all costs), III high current (maintain), II high potential (develop), I low/low.
    ``breaks``: ``"mean"``, ``"median"``, one number for both axes, or ``Quantiles(q)``.

    >>> df = pd.DataFrame({"current_value": [900, 100], "potential_value": [50, 800]})
    >>> customer_value_matrix(df).classes.tolist()
    ['value_type_iii', 'value_type_ii']
    >>> customer_value_matrix(df, breaks="median").thresholds
    {'current_value': [500.0], 'potential_value': [425.0]}
    """
    x = Axis(current_col, breaks, name="current_value", label="mat_axis_current_value")
    y = Axis(potential_col, breaks, name="potential_value", label="mat_axis_potential_value")
    return _two_by_two(x, y, {HIGH_HIGH: "value_type_iv", HIGH_X: "value_type_iii", HIGH_Y: "value_type_ii",
                           LOW_LOW: "value_type_i"}, "mat_title_customer_value").classify(data)


@validate_params(breaks=_TWO_BY_TWO_SCALED)
def target_selection_matrix(data: pd.DataFrame, value_col, capability_col, *, breaks="midpoint",
                            scale=(1, 5)) -> MatrixClassification:
    """客户综合价值 × 企业满足能力 → q_focus / q_opportunistic / q_passive / q_abandon (docs/methods.md §2.2).

    ``value_col`` and ``capability_col`` are a column, a list of columns (their mean) or a
    ``{column: weight}`` composite of analyst ratings; by default both are cut at the midpoint of
    the rating ``scale`` (1–5 → 3).

    >>> df = pd.DataFrame({"size": [5, 1], "growth": [4, 2], "fit": [2, 5]})
    >>> target_selection_matrix(df, {"size": 0.6, "growth": 0.4}, "fit").classes.tolist()
    ['q_opportunistic', 'q_passive']
    """
    x = Axis(capability_col, breaks, scale=scale, name="capability", label="mat_axis_capability")
    y = Axis(value_col, breaks, scale=scale, name="customer_value", label="mat_axis_customer_value")
    return _two_by_two(x, y, {HIGH_HIGH: "q_focus", HIGH_Y: "q_opportunistic", HIGH_X: "q_passive",
                           LOW_LOW: "q_abandon"}, "mat_title_target_selection").classify(data)


@validate_params(breaks=_TWO_BY_TWO)
def marcus_matrix(data: pd.DataFrame, *, frequency_col: str = "frequency", monetary_col: str = "monetary",
                  average_col: str | None = None, breaks="mean") -> MatrixClassification:
    """Marcus (1998) matrix: purchase frequency × average purchase (= monetary / frequency), docs/methods.md §2.3.

    ``average_col`` names a column that already holds the average purchase; otherwise it is computed.
    An RFM table (indexed by customer id) goes in as it is.

    >>> marcus_matrix(pd.DataFrame({"frequency": [12, 1], "monetary": [1200, 40]})).classes.tolist()
    ['marcus_best', 'marcus_uncertain']
    """
    table = data
    if average_col is None:
        _check_columns(data, [frequency_col, monetary_col])
        zero = np.flatnonzero(pd.to_numeric(data[frequency_col], errors="coerce").fillna(0).to_numpy() <= 0)
        if zero.size:
            raise DataError("err_mat_zero_frequency", column=frequency_col, rows=zero + 1,
                            fix_key="fix_mat_zero_frequency")
        average_col = "average_purchase"
        table = data.assign(**{average_col: pd.to_numeric(data[monetary_col]) / pd.to_numeric(data[frequency_col])})
    x = Axis(average_col, breaks, name="average_purchase", label="mat_axis_average_purchase")
    y = Axis(frequency_col, breaks, name="purchase_frequency", label="mat_axis_frequency")
    return _two_by_two(x, y, {HIGH_HIGH: "marcus_best", HIGH_Y: "marcus_frequent", HIGH_X: "marcus_spenders",
                           LOW_LOW: "marcus_uncertain"}, "mat_title_marcus").classify(table)


@validate_params(breaks=_TWO_BY_TWO_SCALED)
def ipa_matrix(data: pd.DataFrame, *, importance_col: str = "importance", performance_col: str = "performance",
               breaks="mean", scale=None) -> MatrixClassification:
    """Importance–performance analysis (Martilla & James 1977; docs/methods.md §4.8), one row per attribute.

    ``breaks="mean"`` puts the crosshair at the grand means (the data-centred IPA), ``"midpoint"``
    at the middle of the rating ``scale`` (e.g. ``(1, 7)`` → 4). Adds ``gap`` = performance −
    importance when missing.

    >>> means = pd.DataFrame({"importance": [6, 6, 2, 2], "performance": [2, 6, 2, 6]}, index=list("abcd"))
    >>> ipa_matrix(means).classes.tolist()
    ['ipa_concentrate', 'ipa_keep_up', 'ipa_low_priority', 'ipa_overkill']
    >>> ipa_matrix(means, breaks="midpoint", scale=(1, 7)).thresholds
    {'performance': [4.0], 'importance': [4.0]}
    """
    x = Axis(performance_col, breaks, scale=scale, name="performance", label="mat_axis_performance")
    y = Axis(importance_col, breaks, scale=scale, name="importance", label="mat_axis_importance")
    result = _two_by_two(x, y, {HIGH_Y: "ipa_concentrate", HIGH_HIGH: "ipa_keep_up", LOW_LOW: "ipa_low_priority",
                             HIGH_X: "ipa_overkill"}, "mat_title_ipa").classify(data)
    if "gap" not in result.table.columns:
        result.table["gap"] = result.table["performance"] - result.table["importance"]
    return result


@validate_params(scale=_SCALE)
def social_style(data: pd.DataFrame, assertiveness_col, responsiveness_col, *, scale=(1, 5)) -> MatrixClassification:
    """Social styles (Merrill & Reid 1981; docs/methods.md §2.8): item means vs the scale midpoint (≥ → high).

    ``assertiveness_col`` / ``responsiveness_col`` are item columns (their mean is the axis score)
    or one column each, answered on the rating ``scale``. A practitioner heuristic, not a validated
    psychometric test.

    >>> answers = pd.DataFrame({"a1": [5, 2], "a2": [4, 1], "r1": [2, 4], "r2": [1, 5]})
    >>> social_style(answers, ["a1", "a2"], ["r1", "r2"]).classes.tolist()
    ['style_driver', 'style_amiable']
    """
    x = Axis(assertiveness_col, "midpoint", scale=scale, name="assertiveness", label="mat_axis_assertiveness")
    y = Axis(responsiveness_col, "midpoint", scale=scale, name="responsiveness", label="mat_axis_responsiveness")
    return _two_by_two(x, y, {HIGH_X: "style_driver", HIGH_HIGH: "style_expressive", HIGH_Y: "style_amiable",
                           LOW_LOW: "style_analytical"}, "mat_title_social_style").classify(data)


@validate_params(breaks=_TWO_BY_TWO)
def dick_basu_loyalty(data: pd.DataFrame, *, attitude_col: str = "relative_attitude",
                      patronage_col: str = "repeat_patronage", breaks="mean") -> MatrixClassification:
    """Dick & Basu (1994): relative attitude × repeat patronage → loyalty types (docs/methods.md §3.9).

    忠诚型 ``loyalty_true`` (high, high), 潜伏忠诚型 ``loyalty_latent`` (high attitude, low repeat),
    伪忠诚型 ``loyalty_spurious`` (low attitude, high repeat), 不忠诚型 ``loyalty_none``.

    >>> df = pd.DataFrame({"relative_attitude": [5, 1], "repeat_patronage": [0.2, 0.9]})
    >>> dick_basu_loyalty(df).classes.tolist()
    ['loyalty_latent', 'loyalty_spurious']
    """
    x = Axis(patronage_col, breaks, name="repeat_patronage", label="mat_axis_repeat_patronage")
    y = Axis(attitude_col, breaks, name="relative_attitude", label="mat_axis_relative_attitude")
    return _two_by_two(x, y, {HIGH_HIGH: "loyalty_true", HIGH_Y: "loyalty_latent", HIGH_X: "loyalty_spurious",
                           LOW_LOW: "loyalty_none"}, "mat_title_dick_basu").classify(data)


@validate_params(breaks=_TWO_BY_TWO)
def apostle_model(data: pd.DataFrame, *, satisfaction_col="satisfaction", loyalty_col="loyalty",
                  breaks="mean") -> MatrixClassification:
    """Jones & Sasser (1995) apostle model: satisfaction × loyalty (docs/methods.md §3.9).

    ``apostle`` (high, high), ``mercenary`` (satisfied, not loyal), ``hostage`` (loyal, not
    satisfied), ``defector`` (low, low). Either axis may be a list of item columns (their mean);
    ``breaks=4`` cuts both at 4 on the answer scale.

    >>> df = pd.DataFrame({"satisfaction": [5, 2], "loyalty": [0.3, 0.9]})
    >>> apostle_model(df).classes.tolist()
    ['mercenary', 'hostage']
    """
    x = Axis(satisfaction_col, breaks, name="satisfaction", label="mat_axis_satisfaction")
    y = Axis(loyalty_col, breaks, name="loyalty", label="mat_axis_loyalty")
    return _two_by_two(x, y, {HIGH_HIGH: "apostle", HIGH_X: "mercenary", HIGH_Y: "hostage", LOW_LOW: "defector"},
                       "mat_title_apostle").classify(data)
