"""Value matrices: one classifier (:class:`ValueMatrix`) for every 2×2 or n×m grid, and its presets.

Each axis is a column or a weighted composite score, split by a named rule; a value exactly on
a split line counts as *high* (the upper side). Sources: docs/methods.md §2.1–2.3, §2.8, §3.9, §4.8.

    >>> import pandas as pd
    >>> from helpers.matrices import marcus_matrix
    >>> rfm = pd.DataFrame({"customer_id": ["a", "b", "c", "d"],
    ...                     "frequency": [10, 9, 1, 2], "monetary": [2000, 90, 500, 20]})
    >>> marcus_matrix(rfm).classes.tolist()
    ['marcus_best', 'marcus_frequent', 'marcus_spenders', 'marcus_uncertain']
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.errors import DataError
from helpers.i18n import has, label, t
from helpers.result import Classification

SPLIT_RULES = ("mean", "median", "quantile", "midpoint", "value")
TIE_POLICY = "a value on a split line counts as high"


def _as_list(at) -> list[float]:
    return [float(a) for a in (at if isinstance(at, Sequence) and not isinstance(at, str) else [at])]


@dataclass(frozen=True)
class Axis:
    """One axis of a :class:`ValueMatrix`.

    ``source``: a column name, a list of columns (their mean) or ``{column: weight}`` (weighted
    mean — weights are normalised, so a score of 1–5 ratings stays on the 1–5 scale).
    ``split``: ``"mean"``, ``"median"``, ``"quantile"`` (``at`` = list of q), ``"midpoint"``
    (``at`` = scale bounds, e.g. ``(1, 5)`` → 3) or ``"value"`` (``at`` = absolute cut or cuts).
    ``name`` is the score's column in the result; ``label`` a catalogue key (or text) for charts.

    >>> Axis({"size": 2, "growth": 1}, split="midpoint", at=(1, 5), name="value").n_levels
    2
    """

    source: str | Sequence[str] | Mapping[str, float]
    split: str = "mean"
    at: float | Sequence[float] | None = None
    name: str | None = None
    label: str | None = None

    def __post_init__(self):
        if self.split not in SPLIT_RULES:
            raise ValueError(f"split must be one of {SPLIT_RULES}, got {self.split!r}")
        if self.split in ("quantile", "midpoint", "value") and self.at is None:
            raise ValueError(f"split={self.split!r} needs at= (quantiles, scale bounds or cut values)")
        if self.split == "midpoint" and len(_as_list(self.at)) != 2:
            raise ValueError(f"split='midpoint' needs at=(low, high) scale bounds, got {self.at!r}")

    @property
    def weights(self) -> dict[str, float]:
        """Column → weight (normalised to sum to 1)."""
        if isinstance(self.source, str):
            raw = {self.source: 1.0}
        elif isinstance(self.source, Mapping):
            raw = {str(k): float(v) for k, v in self.source.items()}
        else:
            raw = {str(c): 1.0 for c in self.source}
        total = sum(raw.values())
        if total <= 0:
            raise ValueError(f"axis weights must add up to a positive number, got {raw}")
        return {k: v / total for k, v in raw.items()}

    @property
    def column(self) -> str:
        """The name of this axis' score in the result table."""
        return self.name or (self.source if isinstance(self.source, str) else "score")

    @property
    def n_levels(self) -> int:
        """How many levels the split makes (two for one cut)."""
        return len(_as_list(self.at)) + 1 if self.split in ("quantile", "value") else 2

    def score(self, data: pd.DataFrame) -> pd.Series:
        """This axis' score for every row (a column or the weighted mean of columns)."""
        weights = self.weights
        _check_columns(data, list(weights))
        columns = data[list(weights)].apply(pd.to_numeric, errors="coerce").astype(float)
        for name in weights:
            _check_complete(columns[name], name)
        return (columns * pd.Series(weights)).sum(axis=1).rename(self.column)

    def cuts(self, score: pd.Series) -> list[float]:
        """The split line(s) on this axis for these scores, in increasing order."""
        if self.split == "mean":
            return [float(score.mean())]
        if self.split == "median":
            return [float(score.median())]
        if self.split == "quantile":
            return [float(score.quantile(q)) for q in _as_list(self.at)]
        if self.split == "midpoint":
            low, high = _as_list(self.at)
            return [(low + high) / 2]
        return sorted(_as_list(self.at))

    def describe(self) -> dict:
        """The settings of this axis, for the result's parameters."""
        return {"source": self.weights, "split": self.split, "at": self.at}


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


@dataclass
class MatrixClassification(Classification):
    """Rows classified into the cells of a :class:`ValueMatrix`.

    ``table`` keeps the input columns and adds each axis' score, ``<axis>_level`` (0 = lowest),
    ``<axis>_distance`` (signed distance to the nearest split line; ≥ 0 = high side) and the cell.
    """

    matrix: ValueMatrix | None = None
    cell_order: tuple = field(default_factory=tuple)

    def summary(self) -> pd.DataFrame:
        """Rows, share and strategy per cell, every cell listed (empty ones with 0), in the matrix's order."""
        cells = list(self.cell_order)
        counts = self.classes.value_counts().reindex(cells, fill_value=0)
        return pd.DataFrame({self.class_col: cells, "label": label(cells), "customers": counts.to_numpy(),
                             "share": counts.to_numpy() / max(int(counts.sum()), 1),
                             "strategy": [t(f"{c}.strategy") if has(f"{c}.strategy") else "" for c in cells]})

    def grid(self) -> pd.DataFrame:
        """Counts per cell laid out like the chart: y levels from high (top) to low, x from low to high."""
        x, y = self.matrix.x.column, self.matrix.y.column
        counts = pd.crosstab(self.table[f"{y}_level"], self.table[f"{x}_level"])
        return counts.reindex(index=range(self.matrix.y.n_levels)[::-1], columns=range(self.matrix.x.n_levels),
                              fill_value=0)


@dataclass(frozen=True)
class ValueMatrix:
    """A grid classifier: two axes, each split into levels, and the id of every cell.

    ``cells`` maps ``(x_level, y_level)`` (0 = lowest) to a cell id; by default ids are
    ``x1_y1`` … Every preset of this module is a configured ValueMatrix.

    >>> vm = ValueMatrix(Axis("spend", split="value", at=100), Axis("visits", split="median"))
    >>> vm.classify(pd.DataFrame({"spend": [50, 100], "visits": [1, 3]})).classes.tolist()
    ['x1_y1', 'x2_y2']
    """

    x: Axis
    y: Axis
    cells: Mapping[tuple[int, int], str] | None = None
    title: str | None = None
    class_col: str = "cell"

    def cell_ids(self) -> dict[tuple[int, int], str]:
        """Every cell's id, keyed by (x_level, y_level)."""
        if self.cells is not None:
            return dict(self.cells)
        return {(i, j): f"x{i + 1}_y{j + 1}" for j in reversed(range(self.y.n_levels))
                for i in range(self.x.n_levels)}

    def classify(self, data: pd.DataFrame, id_column: str = "customer_id") -> MatrixClassification:
        """Score both axes, split them and put every row into its cell (the caller's frame is not changed)."""
        if self.x.column == self.y.column:
            raise ValueError(f"the two axes need different names, both are {self.x.column!r}")
        table = data.copy()
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
            raise ValueError(f"cells must name every (x_level, y_level) of a {grid.shape[0]}×{grid.shape[1]} grid")
        table[self.class_col] = grid[table[f"{self.x.column}_level"], table[f"{self.y.column}_level"]]
        params = {"x": {"name": self.x.column, **self.x.describe()},
                  "y": {"name": self.y.column, **self.y.describe()}, "ties": TIE_POLICY}
        if id_column in table.columns:
            params["id_column"] = id_column
        return MatrixClassification(table, thresholds, params, class_col=self.class_col,
                                    matrix=self, cell_order=tuple(ids.values()))


# (x_level, y_level) of the four cells of a 2×2 matrix
HIGH_HIGH, HIGH_X, HIGH_Y, LOW_LOW = (1, 1), (1, 0), (0, 1), (0, 0)


def _two_by_two(x: Axis, y: Axis, cells: dict, title: str) -> ValueMatrix:
    """A 2×2 matrix; ``cells`` maps HIGH_HIGH / HIGH_X / HIGH_Y / LOW_LOW to ids in display order."""
    if x.n_levels != 2 or y.n_levels != 2:
        raise ValueError("this preset is a 2×2 matrix: give one cut per axis (use ValueMatrix for n×m)")
    return ValueMatrix(x, y, cells, title=title)


def customer_value_matrix(data: pd.DataFrame, current: str = "current_value", potential: str = "potential_value",
                          split: str = "mean", at=None) -> MatrixClassification:
    """Current value × potential value → types I–IV (docs/methods.md §2.1); split at the mean by default.

    IV high/high (keep at all costs), III high current (maintain), II high potential (develop), I low/low.

    >>> df = pd.DataFrame({"current_value": [900, 100], "potential_value": [50, 800]})
    >>> customer_value_matrix(df).classes.tolist()
    ['value_type_iii', 'value_type_ii']
    """
    x = Axis(current, split, at, name="current_value", label="mat_axis_current_value")
    y = Axis(potential, split, at, name="potential_value", label="mat_axis_potential_value")
    return _two_by_two(x, y, {HIGH_HIGH: "value_type_iv", HIGH_X: "value_type_iii", HIGH_Y: "value_type_ii",
                           LOW_LOW: "value_type_i"}, "mat_title_customer_value").classify(data)


def target_selection_matrix(data: pd.DataFrame, value, capability, split: str = "midpoint",
                            at=(1, 5)) -> MatrixClassification:
    """客户综合价值 × 企业满足能力 → q_focus / q_opportunistic / q_passive / q_abandon (docs/methods.md §2.2).

    ``value`` and ``capability`` are columns or ``{column: weight}`` composites of analyst ratings;
    by default split at the midpoint of a 1–5 rating scale.

    >>> df = pd.DataFrame({"size": [5, 1], "growth": [4, 2], "fit": [2, 5]})
    >>> target_selection_matrix(df, {"size": 0.6, "growth": 0.4}, "fit").classes.tolist()
    ['q_opportunistic', 'q_passive']
    """
    x = Axis(capability, split, at, name="capability", label="mat_axis_capability")
    y = Axis(value, split, at, name="customer_value", label="mat_axis_customer_value")
    return _two_by_two(x, y, {HIGH_HIGH: "q_focus", HIGH_Y: "q_opportunistic", HIGH_X: "q_passive",
                           LOW_LOW: "q_abandon"}, "mat_title_target_selection").classify(data)


def marcus_matrix(data: pd.DataFrame, frequency: str = "frequency", monetary: str = "monetary",
                  average: str | None = None, split: str = "mean", at=None) -> MatrixClassification:
    """Marcus (1998) matrix: purchase frequency × average purchase (= monetary / frequency), docs/methods.md §2.3.

    ``average`` names a column that already holds the average purchase; otherwise it is computed.

    >>> marcus_matrix(pd.DataFrame({"frequency": [12, 1], "monetary": [1200, 40]})).classes.tolist()
    ['marcus_best', 'marcus_uncertain']
    """
    table = data
    if average is None:
        _check_columns(data, [frequency, monetary])
        zero = np.flatnonzero(pd.to_numeric(data[frequency], errors="coerce").fillna(0).to_numpy() <= 0)
        if zero.size:
            raise DataError("err_mat_zero_frequency", column=frequency, rows=zero + 1, fix_key="fix_mat_zero_frequency")
        average = "average_purchase"
        table = data.assign(**{average: pd.to_numeric(data[monetary]) / pd.to_numeric(data[frequency])})
    x = Axis(average, split, at, name="average_purchase", label="mat_axis_average_purchase")
    y = Axis(frequency, split, at, name="purchase_frequency", label="mat_axis_frequency")
    return _two_by_two(x, y, {HIGH_HIGH: "marcus_best", HIGH_Y: "marcus_frequent", HIGH_X: "marcus_spenders",
                           LOW_LOW: "marcus_uncertain"}, "mat_title_marcus").classify(table)


def ipa_matrix(table: pd.DataFrame, importance: str = "importance", performance: str = "performance",
               centre: str = "data", scale=None) -> MatrixClassification:
    """Importance–performance analysis (Martilla & James 1977; docs/methods.md §4.8), one row per attribute.

    ``centre="data"`` puts the crosshair at the grand means, ``"scale"`` at the midpoint of
    ``scale`` (e.g. ``(1, 7)``). Adds ``gap`` = performance − importance when missing.

    >>> means = pd.DataFrame({"importance": [6, 6, 2, 2], "performance": [2, 6, 2, 6]}, index=list("abcd"))
    >>> ipa_matrix(means).classes.tolist()
    ['ipa_concentrate', 'ipa_keep_up', 'ipa_low_priority', 'ipa_overkill']
    """
    if centre not in ("data", "scale") or (centre == "scale" and scale is None):
        raise ValueError(f"centre must be 'data' or 'scale' (with scale=(low, high)), got {centre!r}, {scale!r}")
    split, at = ("mean", None) if centre == "data" else ("midpoint", scale)
    x = Axis(performance, split, at, name="performance", label="mat_axis_performance")
    y = Axis(importance, split, at, name="importance", label="mat_axis_importance")
    result = _two_by_two(x, y, {HIGH_Y: "ipa_concentrate", HIGH_HIGH: "ipa_keep_up", LOW_LOW: "ipa_low_priority",
                             HIGH_X: "ipa_overkill"}, "mat_title_ipa").classify(table)
    if "gap" not in result.table.columns:
        result.table["gap"] = result.table["performance"] - result.table["importance"]
    return result


def social_style(data: pd.DataFrame, assertiveness, responsiveness, scale=(1, 5)) -> MatrixClassification:
    """Social styles (Merrill & Reid 1981; docs/methods.md §2.8): item means vs the scale midpoint (≥ → high).

    ``assertiveness`` / ``responsiveness`` are item columns (their mean is the axis score) or one column.
    A practitioner heuristic, not a validated psychometric test.

    >>> answers = pd.DataFrame({"a1": [5, 2], "a2": [4, 1], "r1": [2, 4], "r2": [1, 5]})
    >>> social_style(answers, ["a1", "a2"], ["r1", "r2"]).classes.tolist()
    ['style_driver', 'style_amiable']
    """
    x = Axis(assertiveness, "midpoint", scale, name="assertiveness", label="mat_axis_assertiveness")
    y = Axis(responsiveness, "midpoint", scale, name="responsiveness", label="mat_axis_responsiveness")
    return _two_by_two(x, y, {HIGH_X: "style_driver", HIGH_HIGH: "style_expressive", HIGH_Y: "style_amiable",
                           LOW_LOW: "style_analytical"}, "mat_title_social_style").classify(data)


def dick_basu_loyalty(data: pd.DataFrame, attitude: str = "relative_attitude", patronage: str = "repeat_patronage",
                      split: str = "mean", at=None) -> MatrixClassification:
    """Dick & Basu (1994): relative attitude × repeat patronage → loyalty types (docs/methods.md §3.9).

    忠诚型 ``loyalty_true`` (high, high), 潜伏忠诚型 ``loyalty_latent`` (high attitude, low repeat),
    伪忠诚型 ``loyalty_spurious`` (low attitude, high repeat), 不忠诚型 ``loyalty_none``.

    >>> df = pd.DataFrame({"relative_attitude": [5, 1], "repeat_patronage": [0.2, 0.9]})
    >>> dick_basu_loyalty(df).classes.tolist()
    ['loyalty_latent', 'loyalty_spurious']
    """
    x = Axis(patronage, split, at, name="repeat_patronage", label="mat_axis_repeat_patronage")
    y = Axis(attitude, split, at, name="relative_attitude", label="mat_axis_relative_attitude")
    return _two_by_two(x, y, {HIGH_HIGH: "loyalty_true", HIGH_Y: "loyalty_latent", HIGH_X: "loyalty_spurious",
                           LOW_LOW: "loyalty_none"}, "mat_title_dick_basu").classify(data)


def apostle_model(data: pd.DataFrame, satisfaction: str = "satisfaction", loyalty: str = "loyalty",
                  split: str = "mean", at=None) -> MatrixClassification:
    """Jones & Sasser (1995) apostle model: satisfaction × loyalty (docs/methods.md §3.9).

    ``apostle`` (high, high), ``mercenary`` (satisfied, not loyal), ``hostage`` (loyal, not
    satisfied), ``defector`` (low, low).

    >>> df = pd.DataFrame({"satisfaction": [5, 2], "loyalty": [0.3, 0.9]})
    >>> apostle_model(df).classes.tolist()
    ['mercenary', 'hostage']
    """
    x = Axis(satisfaction, split, at, name="satisfaction", label="mat_axis_satisfaction")
    y = Axis(loyalty, split, at, name="loyalty", label="mat_axis_loyalty")
    return _two_by_two(x, y, {HIGH_HIGH: "apostle", HIGH_X: "mercenary", HIGH_Y: "hostage", LOW_LOW: "defector"},
                       "mat_title_apostle").classify(data)
