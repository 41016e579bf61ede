"""RFM scores 1…n (n = best) with a named, reproducible tie policy.

    >>> import pandas as pd
    >>> from helpers.rfm.scores import rfm_score
    >>> rfm = pd.DataFrame({"recency_days": [1, 50, 300], "frequency": [9, 3, 1],
    ...                     "monetary": [900.0, 120.0, 15.0]}, index=["a", "b", "c"])
    >>> rfm_score(rfm, n_bins=3, method="rank_first").table["rfm_cell"].tolist()
    ['333', '222', '111']

Policies (docs/methods.md §1.1, tie policies):

* ``"r_rfm"`` — interior breaks ``Q(k/n) + 1`` (type-7 quantile); bin i is ``[lower_i, upper_i)``
  with ``lower = [min, breaks]``, ``upper = [breaks, max + 1]``; ties always share a score.
  Reproduces R ``rfm`` 0.3.0 (docs/methods.md §8.1).
* ``"rank_first"`` — equal-size bins of ``rank(method="first")`` after sorting by customer id,
  so tied customers are split deterministically (Kaggle / "Miuul" tutorials).
* ``"qcut_drop"`` — ``pd.qcut(x, n, duplicates="drop")`` relabelled 1…k (PyMC-Marketing).

Explicit ``breaks`` (interior boundaries, ``[lower, upper)``) override the policy per dimension.

An RFM table that lives in an engine (``rfm_table(..., collect=False)``: Polars, DuckDB, Spark) is
scored there: the quantile breaks are computed in the engine, equal to NumPy's to the last bit
(:mod:`helpers.rfm.quantiles`), and the scores are column expressions, so no customer passes
through pandas (docs/methods.md §1.1, "Scores in the engine").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import narwhals as nw
import numpy as np

from helpers.data.engines import as_lazy, collect, is_pandas, materialise, with_text, without_missing_customers
from helpers.errors import DataError, warn
from helpers.lazy import deferred
from helpers.result import Classification, LazyTables
from helpers.rfm.quantiles import lerp, linear_quantiles, percentile_levels, positions, quantiles
from helpers.validation import Instance, Interval, Options, validate_params

pd = deferred("pandas")

# RFMScores is the result rfm_score returns (users read it, never build it): importable, not listed.
__all__ = ["rfm_score", "METHODS"]

METHODS = ("r_rfm", "rank_first", "qcut_drop")
# dimension → (column of the RFM table, whether a larger value is better)
_DIMENSIONS = {"R": ("recency_days", False), "F": ("frequency", True), "M": ("monetary", True)}
_TIE_SHARE_WARNING = 0.5
_CELL_TEXTS = [str(code) for code in range(1000)]    # a cell code (one digit per score) as text


@dataclass(repr=False)      # the readable repr of Classification
class RFMScores(Classification):
    """Per-customer R, F, M scores; ``thresholds[dim]`` is a table of bin ``lower``/``upper``.

    What :func:`rfm_score` returns; ``n_bins`` is the number of score bins it was asked for.

    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency_days": [5, 40], "frequency": [3, 1],
    ...                     "monetary": [60.0, 20.0]}, index=["a", "b"])
    >>> scores = rfm_score(rfm, n_bins=2, method="rank_first")
    >>> scores.n_bins, scores.thresholds["R"]["upper"].tolist()
    (2, [40, 5])
    """

    class_col: str = "rfm_cell"

    @property
    def n_bins(self) -> int:
        """The number of score bins (the best score)."""
        return self.params["n_bins"]

    def summary(self) -> pd.DataFrame:
        """Customers per score cell with their share, largest first (counted in the engine for an
        engine table)."""
        return summary_of(self, super().summary)


def class_counts(table, class_col: str) -> pd.Series:
    """Customers per class of a result table, counted where the table lives (largest first).

    >>> import polars as pl
    >>> class_counts(pl.DataFrame({"segment": ["a", "b", "a"]}), "segment").to_dict()
    {'a': 2, 'b': 1}
    """
    if is_pandas(table):
        return table[class_col].value_counts()
    counts = collect(as_lazy(table).group_by(class_col).agg(nw.len().alias("customers"))).to_pandas()
    counts = counts.set_index(class_col)["customers"].astype("int64")
    return counts.sort_values(ascending=False, kind="stable")


def summary_of(result: Classification, pandas_summary) -> pd.DataFrame:
    """``Classification.summary`` of a result whose table may live in an engine."""
    if is_pandas(result.table):
        return pandas_summary()
    from helpers.i18n import label

    counts = class_counts(result.table, result.class_col)
    out = pd.DataFrame({"customers": counts, "share": counts / counts.sum()})
    out.index.name = result.class_col
    out = out.reset_index().sort_values(["customers", result.class_col], ascending=[False, True])
    labeller = getattr(result, "labels_of", None)
    out.insert(1, "label", labeller(out[result.class_col]) if labeller else label(out[result.class_col]))
    return out.reset_index(drop=True)


def _bins_from_breaks(values: pd.Series, breaks) -> tuple[pd.Series, pd.DataFrame]:
    """Bin number 1…len(breaks)+1 of each value under the ``[lower, upper)`` rule."""
    breaks = np.asarray(breaks, dtype=float)
    bins = np.searchsorted(breaks, values.to_numpy(dtype=float), side="right") + 1
    lower = np.concatenate([[values.min()], breaks])
    upper = np.concatenate([breaks, [values.max() + 1]])
    return pd.Series(bins, index=values.index), pd.DataFrame({"lower": lower, "upper": upper})


def _numbers(values: pd.Series) -> np.ndarray:
    """The values as NumPy numbers: whole numbers as they are (counted, not sorted), others as floats."""
    return values.to_numpy() if values.dtype.kind in "iu" else values.to_numpy(dtype=float)


def _r_rfm_breaks(values: pd.Series, n: int) -> np.ndarray:
    """R ``rfm``'s interior breaks: type-7 quantiles at k/n plus one (docs/methods.md §1.1)."""
    return linear_quantiles(_numbers(values), np.arange(1, n) / n) + 1


def _median(values: pd.Series) -> float:
    """The median of the values present (NaN aside, as pandas)."""
    x = _numbers(values)
    x = x[~np.isnan(x)] if x.dtype.kind == "f" else x
    return float(linear_quantiles(x, [0.5])[0]) if len(x) else float("nan")


def _rank_first_bins(values: pd.Series, n: int) -> tuple[pd.Series, pd.DataFrame]:
    # sorting by customer id first makes the split of tied values independent of row order
    ordered = values.sort_index(kind="stable")
    ranks = ordered.rank(method="first")
    bins = pd.qcut(ranks, n, labels=False) + 1
    limits = ordered.groupby(bins).agg(["min", "max"]).reindex(range(1, n + 1))
    return bins.reindex(values.index).astype("int64"), limits.set_axis(["lower", "upper"], axis=1)


def _qcut_drop_bins(values: pd.Series, n: int) -> tuple[pd.Series, pd.DataFrame]:
    if values.nunique() < 2:  # qcut cannot cut a constant; everyone shares the single bin
        limits = pd.DataFrame({"lower": [values.min()], "upper": [values.max()]})
        return pd.Series(1, index=values.index, dtype="int64"), limits
    codes, edges = pd.qcut(values, n, labels=False, retbins=True, duplicates="drop")
    return (codes + 1).astype("int64"), pd.DataFrame({"lower": edges[:-1], "upper": edges[1:]})


def _bin(values: pd.Series, n: int, method: str, breaks=None) -> tuple[pd.Series, pd.DataFrame]:
    """Bin numbers (1 = smallest values) and the per-bin limits actually used."""
    if breaks is not None:
        return _bins_from_breaks(values, breaks)
    if method == "r_rfm":
        return _bins_from_breaks(values, _r_rfm_breaks(values, n))
    if method == "rank_first":
        return _rank_first_bins(values, n)
    return _qcut_drop_bins(values, n)


def _to_scores(bins: pd.Series, limits: pd.DataFrame, higher_is_better: bool):
    """Scores with n = best: recency bins are reversed (smallest days → highest score)."""
    n = len(limits)
    limits = limits.assign(bin=range(1, n + 1))
    if higher_is_better:
        return bins, limits.assign(score=limits["bin"])
    return n + 1 - bins, limits.assign(score=n + 1 - limits["bin"])


def _check_bins(dim: str, values: pd.Series, scores: pd.Series, limits: pd.DataFrame) -> None:
    empty = sorted(set(limits["score"]) - set(scores.unique()))
    if empty:
        warn("warn_rfm_empty_bins", dim=dim, scores=", ".join(map(str, empty)))
    # a value held by more than half the customers is necessarily the median: no full count needed
    median = _median(values)
    top_share = (values == median).mean() if len(values) else 0.0
    if top_share > _TIE_SHARE_WARNING:
        _warn_ties(dim, top_share, median, values.name)


def _warn_ties(dim: str, share: float, value, column: str) -> None:
    from helpers.display import format_value     # the display layer (and pandas) only when there is a warning

    warn("warn_rfm_ties", dim=dim, share=f"{share:.0%}", value=format_value(value, column))


def _score_dimension(values, n, method, breaks, higher_is_better, dim, check=True):
    bins, limits = _bin(values, n, method, breaks)
    scores, limits = _to_scores(bins, limits, higher_is_better)
    if check:
        _check_bins(dim, values, scores, limits)
    return scores.astype("int64"), limits.set_index("score").sort_index()[["lower", "upper"]]


def _score_nested(values, groups, n, method, higher_is_better, dim):
    """Score within each group (F within R, M within R×F: the nested sort, docs/methods.md §1.1).

    The limits are keyed by the group's scores as text: ``"5"`` (R = 5) or ``"53"`` (R = 5, F = 3).
    """
    scores, limits = [], {}
    for key, part in values.groupby(groups, sort=True):
        s, lim = _score_dimension(part, n, method, None, higher_is_better, dim, check=False)
        scores.append(s)
        limits["".join(map(str, key))] = lim
    return pd.concat(scores).reindex(values.index), limits


def _as_text(values: pd.Series) -> pd.Series:
    """``values.astype(str)``, converting each distinct value once (scores have few of them)."""
    codes, distinct = pd.factorize(values)
    return pd.Series(distinct.astype(str)[codes], index=values.index)


def _breaks_for(breaks, dim: str, column: str):
    if not breaks:
        return None
    return breaks.get(dim, breaks.get(column))


@validate_params(n_bins=Interval(int, 2, 9), method=Options(*METHODS), breaks=[Instance(dict), None],
                 nested=Instance(bool))
def rfm_score(rfm: pd.DataFrame, *, n_bins: int = 5, method: str = "r_rfm", breaks: dict | None = None,
              nested: bool = False, weights=(1, 1, 1)) -> RFMScores:
    """Score an RFM table (from :func:`helpers.rfm.rfm_table`): R, F, M in 1…``n_bins``, best = ``n_bins``.

    ``n_bins`` is 2–9 (one digit per score). Adds ``rfm_cell`` (``"543"``), ``rfm_score``
    (100R + 10F + M) and ``rfm_sum`` (weighted R + F + M). ``method`` is the tie policy (above).
    ``breaks`` maps ``"R"``/``"F"``/``"M"`` (or the column name) to interior boundaries.
    ``nested=True`` scores F within each R score and M within each R×F cell.
    Warns (DataWarning) on empty score bins and when more than half the customers tie on a value.
    ``rfm`` may also be a table that lives in an engine — ``rfm_table(..., collect=False)``: a
    Polars frame, a DuckDB relation or a Spark DataFrame with a ``customer_id`` column — which is
    scored there, with the same scores (docs/methods.md §1.1, "Scores in the engine"); the result's
    ``table`` is then a frame of that engine.

    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency_days": [5, 40], "frequency": [3, 1],
    ...                     "monetary": [60.0, 20.0]}, index=["a", "b"])
    >>> rfm_score(rfm, n_bins=2, method="rank_first").table["rfm_score"].tolist()
    [222, 111]

    Source: docs/methods.md §1.1; R ``rfm`` 0.3.0 ``rfm_table_order``.
    """
    if not is_pandas(rfm):
        return _score_in_engine(rfm, n_bins, method, breaks, nested, weights)
    table = rfm if rfm.index.is_monotonic_increasing else rfm.sort_index(kind="stable")
    out = table.copy(deep=False)
    thresholds = {}
    for dim, (column, higher_is_better) in _DIMENSIONS.items():
        values = table[column]
        dim_breaks = _breaks_for(breaks, dim, column)
        if nested and dim != "R" and dim_breaks is None:
            groups = [out["R"]] if dim == "F" else [out["R"], out["F"]]
            out[dim], thresholds[dim] = _score_nested(values, groups, n_bins, method, higher_is_better, dim)
        else:
            out[dim], thresholds[dim] = _score_dimension(values, n_bins, method, dim_breaks,
                                                         higher_is_better, dim)
    out["rfm_score"] = 100 * out["R"] + 10 * out["F"] + out["M"]
    out["rfm_cell"] = _as_text(out["rfm_score"])      # one digit per score: n_bins ≤ 9
    wr, wf, wm = weights
    out["rfm_sum"] = wr * out["R"] + wf * out["F"] + wm * out["M"]
    params = {"n_bins": n_bins, "method": method if breaks is None else f"{method}+breaks",
              "nested": nested, "weights": tuple(weights), **rfm.attrs}
    return RFMScores(out, thresholds, params)


# ---- scores in the engine (docs/methods.md §1.1, "Scores in the engine") --------------------------

def _breaks_in_engine(frame, columns: dict, n: int, n_bins: int, method: str, breaks) -> dict:
    """Per dimension: ("breaks", interior breaks) for ``[lower, upper)`` bins or ("edges", qcut edges)."""
    levels, plans = {}, {}
    for dim, column in columns.items():
        given = _breaks_for(breaks, dim, column)
        if given is not None:
            plans[dim] = ("breaks", [float(b) for b in given])
        elif method == "r_rfm":
            levels[column] = list(np.arange(1, n_bins) / n_bins)
            plans[dim] = ("breaks", None)
        elif method == "qcut_drop":
            levels[column] = list(percentile_levels(np.linspace(0, 1, n_bins + 1)))
            plans[dim] = ("edges", None)
        else:
            plans[dim] = ("ranks", None)
    # the median of every dimension too, for the warning about heavy ties
    median = {c: [0.5] for c in columns.values()}
    values = quantiles(frame, {c: levels.get(c, []) + median[c] for c in columns.values()}, n)
    out = {}
    for dim, (kind, given) in plans.items():
        found = values[columns[dim]][:-1]
        if kind == "breaks":
            out[dim] = ("breaks", given if given is not None else [b + 1 for b in found])
        elif kind == "edges":
            out[dim] = ("edges", sorted(set(found)))
        else:
            out[dim] = ("ranks", None)
    return out, {dim: values[columns[dim]][-1] for dim in columns}


def _indicator(condition) -> nw.Expr:
    return condition.cast(nw.Int64)


def _rank_edges(n: int, n_bins: int) -> list[float]:
    """``pandas.qcut`` edges of the ranks 1…n into ``n_bins`` equal-count bins."""
    plan = positions(n, percentile_levels(np.linspace(0, 1, n_bins + 1)))
    return [lerp(a + 1, b + 1, gamma) for a, b, gamma in plan]


def _bin_count(plan, n_bins: int) -> int:
    """How many bins a plan makes: one more than its breaks, one fewer than its edges (at least
    one), ``n_bins`` of ranks."""
    kind, cuts = plan
    if kind == "breaks":
        return len(cuts) + 1
    return max(len(cuts) - 1, 1) if kind == "edges" else n_bins


def _bin_expression(dim: str, column: str, plan, n: int, n_bins: int) -> nw.Expr:
    """The bin (1 = smallest values) as an expression: 1 + the breaks at or below the value, the
    inner edges below it, or the inner rank edges below its rank."""
    kind, cuts = plan
    x = nw.col(column)
    expr = nw.lit(1)
    if kind == "breaks":
        for b in cuts:
            expr = expr + _indicator(x >= b)
    elif kind == "edges":
        for e in cuts[1:-1]:
            expr = expr + _indicator(x > e)
    else:
        for e in _rank_edges(n, n_bins)[1:-1]:
            expr = expr + _indicator(nw.col(f"__rank_{dim}") > e)
    return expr


def _engine_limits(plan, lowest: float, highest: float, per_bin, higher_is_better: bool):
    """The thresholds table of one dimension (score → ``lower``, ``upper``) from the numbers the
    engine found; ``per_bin`` (rank bins only): each bin's smallest and largest value."""
    kind, cuts = plan
    if kind == "breaks":
        limits = pd.DataFrame({"lower": np.concatenate([[lowest], cuts]), "upper": np.concatenate([cuts, [highest + 1]])})
    elif kind == "edges" and len(cuts) < 2:
        limits = pd.DataFrame({"lower": [lowest], "upper": [highest]})
    elif kind == "edges":
        limits = pd.DataFrame({"lower": cuts[:-1], "upper": cuts[1:]})
    else:
        limits = pd.DataFrame(per_bin, columns=["lower", "upper"])
    n = len(limits)
    scores = np.arange(1, n + 1) if higher_is_better else np.arange(n, 0, -1)   # recency's run backwards
    return limits.set_index(pd.Index(scores, name="score")).sort_index()


def _score_in_engine(rfm, n_bins: int, method: str, breaks, nested: bool, weights) -> RFMScores:
    """:func:`rfm_score` of an RFM table that lives in an engine; the result stays there."""
    if nested:
        raise DataError("err_rfm_nested_engine", fix_key="fix_rfm_nested_engine")
    columns = {dim: column for dim, (column, _) in _DIMENSIONS.items()}
    id_col = "customer_id"
    names = as_lazy(rfm).collect_schema().names()
    for column in (id_col, *columns.values()):
        if column not in names:
            raise DataError("err_rfm_missing_column", column=column, fix_key="fix_rfm_map_column")
    frame, n = materialise(as_lazy(rfm))
    # the purchases without a customer id: one row of an engine's group-by, counted by its orders
    frame, left_out = without_missing_customers(frame, id_col, *(("revenue", "orders")
                                                                if {"orders", "revenue"} <= set(names) else ()))
    n -= left_out
    if n == 0:
        raise DataError("err_rfm_no_customers", fix_key="fix_rfm_no_customers")
    plans, medians = _breaks_in_engine(frame, columns, n, n_bins, method, breaks)
    ranked = any(kind == "ranks" for kind, _ in plans.values())
    if ranked:
        # ranks 1…n by value, ties by customer id: a window over the whole table (one partition)
        frame = frame.with_columns(*[nw.col(columns[d]).cum_count().over(order_by=[columns[d], id_col])
                                     .alias(f"__rank_{d}") for d, (kind, _) in plans.items() if kind == "ranks"])
    found = {dim: _bin_count(plans[dim], n_bins) for dim in columns}
    bins = {dim: _bin_expression(dim, column, plans[dim], n, n_bins) for dim, column in columns.items()}
    scores = {dim: (bins[dim] if _DIMENSIONS[dim][1] else found[dim] + 1 - bins[dim]) for dim in columns}
    wr, wf, wm = weights
    r, f, m = nw.col("R"), nw.col("F"), nw.col("M")
    scored = frame.with_columns(*[scores[d].alias(d) for d in columns]).with_columns(
        (100 * r + 10 * f + m).alias("rfm_score"), (wr * r + wf * f + wm * m).alias("rfm_sum"))
    # one digit per score (n_bins ≤ 9): the cell code is the composite score written as text
    scored = with_text(scored, "rfm_score", _CELL_TEXTS, nw.col("rfm_score").cast(nw.String), "rfm_cell")
    if frame.implementation is nw.Implementation.POLARS and not ranked:
        data = collect(scored)              # in memory: scored once, the facts counted by NumPy
        scored, facts = data.lazy(), _facts_in_memory(data.to_native(), columns, medians, found)
    else:
        facts = _facts_in_engine(scored, columns, plans, medians, found)
    if facts.get("negative", 0):
        warn("warn_rfm_negative_revenue", n=int(facts["negative"]))
    thresholds = {}
    for dim, column in columns.items():
        k = found[dim]
        per_bin = None
        if plans[dim][0] == "ranks":
            per_bin = [(facts[f"lo_{dim}{s}"], facts[f"hi_{dim}{s}"]) for s in range(1, k + 1)]
        # scores 1…k either way (recency's run backwards): the ones no customer got are empty bins
        empty = [s for s in range(1, k + 1) if not facts[f"n_{dim}{s}"]]
        if empty:
            warn("warn_rfm_empty_bins", dim=dim, scores=", ".join(map(str, empty)))
        share = facts[f"ties_{dim}"] / n
        if share > _TIE_SHARE_WARNING:
            _warn_ties(dim, share, medians[dim], column)
        thresholds[dim] = partial(_engine_limits, plans[dim], facts[f"min_{dim}"], facts[f"max_{dim}"], per_bin,
                                  _DIMENSIONS[dim][1])
    out = scored.drop(*[c for c in scored.collect_schema().names() if c.startswith("__rank_")])
    params = {"n_bins": n_bins, "method": method if breaks is None else f"{method}+breaks",
              "nested": nested, "weights": tuple(weights)}
    return RFMScores(_native_like(out, rfm), LazyTables(thresholds), params)


def _facts_in_engine(scored, columns: dict, plans: dict, medians: dict, found: dict) -> dict:
    """What the result reports, in one pass of the engine: customers per score, each rank bin's
    smallest and largest value, ties with the median, extremes, customers with negative revenue."""
    report = []
    for dim, column in columns.items():
        x = nw.col(column)
        report += [x.min().alias(f"min_{dim}"), x.max().alias(f"max_{dim}"),
                   _indicator(x == medians[dim]).sum().alias(f"ties_{dim}")]
        for s in range(1, found[dim] + 1):
            report.append(_indicator(nw.col(dim) == s).sum().alias(f"n_{dim}{s}"))
            if plans[dim][0] == "ranks":
                in_bin = nw.col(dim) == (s if _DIMENSIONS[dim][1] else found[dim] + 1 - s)
                report += [nw.when(in_bin).then(x).min().alias(f"lo_{dim}{s}"),
                           nw.when(in_bin).then(x).max().alias(f"hi_{dim}{s}")]
    if "revenue" in scored.collect_schema():
        report.append(_indicator(nw.col("revenue") < 0).sum().alias("negative"))
    return collect(scored.select(*report)).rows(named=True)[0]


def _facts_in_memory(data, columns: dict, medians: dict, found: dict) -> dict:
    """The facts of :func:`_facts_in_engine` (rank bins aside) from a scored Polars DataFrame,
    counted by NumPy on its columns, which Polars hands over without a copy."""
    facts = {}
    for dim, column in columns.items():
        x = data.get_column(column).to_numpy()
        scores = data.get_column(dim).to_numpy()
        facts.update({f"n_{dim}{s}": int(np.count_nonzero(scores == s)) for s in range(1, found[dim] + 1)})
        facts.update({f"min_{dim}": np.nanmin(x).item(), f"max_{dim}": np.nanmax(x).item(),    # as Polars: NaN aside
                      f"ties_{dim}": int(np.count_nonzero(x == medians[dim]))})
    if "revenue" in data.columns:
        facts["negative"] = int(np.count_nonzero(data.get_column("revenue").to_numpy() < 0))
    return facts


def _native_like(frame: nw.LazyFrame, original):
    """``frame`` as the kind of object the caller gave: an eager Polars frame stays eager."""
    if isinstance(nw.from_native(original), nw.DataFrame):
        return collect(frame).to_native()
    return frame.to_native()
