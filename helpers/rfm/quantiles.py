"""Quantiles computed where the data lives, equal to NumPy's to the last bit.

Score breaks are quantiles with linear interpolation (Hyndman & Fan type 7): the value at the
"virtual index" ``(n − 1)·q`` of the sorted values, interpolated between its two neighbours. On
an engine (Polars, DuckDB, Spark) the kit finds those two neighbours exactly — the order
statistics ``x[i]`` and ``x[i + 1]`` — and interpolates them with NumPy's own formula, so a break
computed on 100 M customers in the engine is the break NumPy computes on the same values in
memory. Engines' own interpolations differ from NumPy's in the last bit, which moves a customer
whose value equals a break (cents often do).

In memory (Polars) the order statistics are found directly: whole numbers of a small range (days,
order counts) by counting them, other values by NumPy's selection. DuckDB counts whole numbers
too (a ``GROUP BY`` of each value), and its nearest-rank ``quantile_disc`` finds the others
exactly in one pass. Elsewhere (Spark) they are found with aggregates
only (no global sort, so it scales on Spark): the engine's linear quantile at ``(i + ½)/(n − 1)``
lies between ``x[i]`` and ``x[i + 1]`` (half a position from either, so rounding cannot move it
past them); one more pass counts the values below and at that guide and takes the largest value
below and the smallest above it, which identifies both neighbours.

    >>> import numpy as np, polars as pl
    >>> from helpers.data.engines import as_lazy
    >>> values = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.6])
    >>> frame = as_lazy(pl.DataFrame({"x": values}))
    >>> quantiles(frame, {"x": [0.2, 0.5]}, len(values))["x"] == list(np.quantile(values, [0.2, 0.5]))
    True
"""
from __future__ import annotations

import numpy as np
import narwhals as nw

from helpers.data.engines import collect, sql_name

__all__: list[str] = []


def positions(n: int, qs) -> list[tuple[int, int, float]]:
    """``(previous, next, gamma)`` of NumPy's linear quantile of ``n`` sorted values at each of ``qs``.

    The same floating-point steps as ``numpy.quantile(method="linear")``.

    >>> positions(5, [0.0, 0.3, 1.0])
    [(0, 1, 0.0), (1, 2, 0.19999999999999996), (4, 4, 0.0)]
    """
    virtual = (n - 1) * np.asarray(qs, dtype=float)
    out = []
    for v in virtual:
        if v >= n - 1:
            out.append((n - 1, n - 1, 0.0))
        elif v < 0:
            out.append((0, 0, 0.0))
        else:
            previous = int(np.floor(v))
            out.append((previous, previous + 1, float(v - np.floor(v))))
    return out


def lerp(a: float, b: float, gamma: float) -> float:
    """NumPy's interpolation between neighbours ``a`` ≤ ``b`` (exact at both ends).

    >>> lerp(1.0, 3.0, 0.25), lerp(1.0, 3.0, 0.75)
    (1.5, 2.5)
    """
    a, b, gamma = np.float64(a), np.float64(b), np.float64(gamma)
    diff = b - a
    return float(b - diff * (1 - gamma)) if gamma >= 0.5 else float(a + diff * gamma)


def percentile_levels(levels) -> np.ndarray:
    """The levels as ``pandas.Series.quantile`` hands them to NumPy (× 100, then ÷ 100).

    >>> bool(percentile_levels([1 / 3])[0] == 1 / 3)      # thirds (n_bins=3) move by one bit
    False
    """
    return np.true_divide(np.asarray(levels, dtype=float) * 100.0, 100)


def _as_float(value) -> float:
    return float("nan") if value is None else float(value)


def order_statistics(frame: nw.LazyFrame, wanted: dict[str, set[int]], n: int) -> dict[str, dict[int, float]]:
    """``x[i]`` (0-based, ascending) of each column for the positions wanted, on any engine.

    ``n`` is the number of (non-missing) values of every column. Three aggregate queries at
    most: the smallest and largest values, the guides, and the counts around the guides.

    >>> import polars as pl
    >>> from helpers.data.engines import as_lazy
    >>> frame = as_lazy(pl.DataFrame({"x": [5, 1, 3, 3, 2]}))
    >>> order_statistics(frame, {"x": {0, 2, 3, 4}}, 5)
    {'x': {0: 1.0, 2: 3.0, 3: 3.0, 4: 5.0}}
    """
    if frame.implementation is nw.Implementation.POLARS:
        return _polars_order_statistics(frame, wanted)
    if frame.implementation is nw.Implementation.DUCKDB:
        return _duckdb_order_statistics(frame, wanted, n)
    ends = collect(frame.select(*[e for c in wanted for e in (nw.col(c).min().alias(f"min_{c}"),
                                                               nw.col(c).max().alias(f"max_{c}"))])).rows()[0]
    found = {c: {} for c in wanted}
    for k, c in enumerate(wanted):
        found[c].update({0: _as_float(ends[2 * k]), n - 1: _as_float(ends[2 * k + 1])})
    # a guide just above x[i] resolves x[i] and x[i + 1]; the smallest and largest are known
    inner = sorted({(c, p) for c, ps in wanted.items() for p in ps if p not in found[c]})
    if not inner:
        return {c: {p: found[c][p] for p in ps} for c, ps in wanted.items()}
    guides = collect(frame.select(*[nw.col(c).quantile((i + 0.5) / (n - 1), "linear").alias(f"g{j}")
                                    for j, (c, i) in enumerate(inner)])).rows()[0]
    around = []
    for j, (c, i) in enumerate(inner):
        x, g = nw.col(c), float(guides[j])
        around += [(x < g).cast(nw.Int64).sum().alias(f"lt{j}"), (x <= g).cast(nw.Int64).sum().alias(f"le{j}"),
                   nw.when(x < g).then(x).max().alias(f"below{j}"), nw.when(x > g).then(x).min().alias(f"above{j}")]
    counts = collect(frame.select(*around)).rows()[0]
    for j, (c, i) in enumerate(inner):
        n_lt, n_le, below, above = counts[4 * j: 4 * j + 4]
        g, n_lt, n_le = float(guides[j]), int(n_lt), int(n_le)
        # sorted values: [0, n_lt) below the guide, [n_lt, n_le) equal to it, [n_le, n) above it
        if not (n_lt - 1 <= i < n_le and n_lt <= i + 1 <= n_le):
            raise ArithmeticError(f"quantile guide for position {i} of {c} is outside its neighbours")
        found[c].setdefault(i, _as_float(below) if i < n_lt else g)
        found[c].setdefault(i + 1, g if i + 1 < n_le else _as_float(above))
    return {c: {p: found[c][p] for p in ps} for c, ps in wanted.items()}


def selected(values: np.ndarray, positions: list[int]) -> np.ndarray:
    """``sorted(values)[positions]`` without sorting: whole numbers of a small range (days,
    order counts) are counted, one pass; other values go to NumPy's selection (``numpy.partition``).

    >>> selected(np.array([5, 1, 3, 3, 2]), [0, 2, 3, 4]).tolist()
    [1, 3, 3, 5]
    >>> selected(np.array([2.5, 0.5, 1.5]), [1]).tolist()
    [1.5]
    """
    if values.dtype.kind in "iu" and len(values):
        low, high = values.min(), values.max()
        if int(high) - int(low) <= len(values):     # the histogram is no longer than the values
            # offsets from the smallest value, in 64 bits for signed numbers (-100…100 does not fit int8)
            offsets = values - low if values.dtype.kind == "u" else values.astype(np.int64, copy=False) - int(low)
            counts = np.bincount(offsets.astype(np.intp, copy=False))
            return low + counted(counts, positions)
    return np.partition(values, positions)[positions]


def linear_quantiles(values: np.ndarray, levels) -> np.ndarray:
    """``numpy.quantile(values, levels)`` to the last bit, from the order statistics
    :func:`selected` finds (whole numbers counted, no sort); values with a NaN are NumPy's (NaN).

    >>> x = np.array([7, 1, 4, 4, 9])
    >>> linear_quantiles(x, [0.2, 0.5]).tolist(), np.quantile(x, [0.2, 0.5]).tolist()
    ([3.4000000000000004, 4.0], [3.4000000000000004, 4.0])
    """
    whole = values.dtype.kind in "iu"
    if not len(values) or not (whole or values.dtype.kind == "f" and not np.isnan(values).any()):
        return np.quantile(values.astype(float), levels)
    plan = positions(len(values), levels)
    order = sorted(_neighbours(plan))
    return np.array(_interpolated(plan, dict(zip(order, map(float, selected(values, order))))))


def counted(counts: np.ndarray, positions) -> np.ndarray:
    """Where each position falls among sorted values given as counts of each distinct value (in
    ascending order): the index of the value that ``sorted(values)[position]`` is.

    >>> counted(np.array([2, 0, 3]), [0, 1, 2, 4]).tolist()     # values 0, 0, 2, 2, 2
    [0, 0, 2, 2]
    """
    # at_most[k]: how many values are ≤ the k-th; position p holds the first k with at_most[k] > p
    return np.searchsorted(np.cumsum(counts), positions, side="right")


def _polars_order_statistics(frame: nw.LazyFrame, wanted: dict[str, set[int]]) -> dict[str, dict[int, float]]:
    """In memory, :func:`selected` on each column's values, which Polars hands over without a copy."""
    data = frame.to_native().select(list(wanted)).collect()
    found = {}
    for c, ps in wanted.items():
        order = sorted(ps)
        found[c] = dict(zip(order, map(float, selected(data.get_column(c).to_numpy(), order))))
    return found


_MOST_COUNTED = 100_000      # distinct whole numbers DuckDB hands over as counts


def _duckdb_order_statistics(frame: nw.LazyFrame, wanted: dict[str, set[int]], n: int) -> dict[str, dict[int, float]]:
    """Whole numbers (days, order counts: few distinct values) are counted, one small ``GROUP BY``
    per column in one query, and the positions found in the counts (:func:`counted`). Other
    columns go to DuckDB's ``quantile_disc``, the nearest-rank quantile ``x[⌈n·q⌉ − 1]``: at
    ``q = (i + ½)/n`` it is exactly ``x[i]`` (half a rank from either neighbour), all positions of a
    column in one pass (a sort: ten times the time of the counts at 3.6 M customers)."""
    order = {c: sorted(ps) for c, ps in wanted.items()}
    schema = frame.collect_schema()
    whole = [c for c in order if schema[c].is_integer()]
    relation = frame.to_native()
    found = {}
    if whole:
        # at most _MOST_COUNTED + 1 distinct values come back: a column that has more is sorted instead
        parts = [f"(SELECT {j} AS j, {sql_name(c)} AS v, count(*) AS k FROM _crm_kit_values WHERE {sql_name(c)} "
                 f"IS NOT NULL GROUP BY {sql_name(c)} LIMIT {_MOST_COUNTED + 1})" for j, c in enumerate(whole)]
        table = relation.query("_crm_kit_values", " UNION ALL ".join(parts) + " ORDER BY j, v").fetchnumpy()
        for j, c in enumerate(whole):
            mine = table["j"] == j
            values, counts = table["v"][mine], table["k"][mine]
            if len(values) <= _MOST_COUNTED:
                found[c] = dict(zip(order[c], map(float, values[counted(counts, order[c])])))
    other = [c for c in order if c not in found]
    if other:
        levels = {c: "[" + ", ".join(repr((p + 0.5) / n) for p in order[c]) + "]" for c in other}
        row = relation.aggregate(", ".join(f"quantile_disc({sql_name(c)}, {levels[c]})" for c in other)).fetchall()[0]
        found.update({c: dict(zip(order[c], map(float, values))) for c, values in zip(other, row)})
    return {c: found[c] for c in order}


def quantiles(frame: nw.LazyFrame, levels: dict[str, list[float]], n: int) -> dict[str, list[float]]:
    """NumPy's linear quantiles of each column at its ``levels``, computed in the engine.

    >>> import polars as pl
    >>> from helpers.data.engines import as_lazy
    >>> quantiles(as_lazy(pl.DataFrame({"x": [1, 2, 3, 4]})), {"x": [0.5]}, 4)
    {'x': [2.5]}
    """
    plans = {c: positions(n, qs) for c, qs in levels.items()}
    values = order_statistics(frame, {c: _neighbours(plan) for c, plan in plans.items()}, n)
    return {c: _interpolated(plan, values[c]) for c, plan in plans.items()}


def _neighbours(plan) -> set[int]:
    """The positions a plan of :func:`positions` interpolates between."""
    return {p for previous, following, _ in plan for p in (previous, following)}


def _interpolated(plan, found: dict) -> list[float]:
    """The quantiles of a plan from the order statistics ``found`` (position → value)."""
    return [lerp(found[a], found[b], gamma) for a, b, gamma in plan]
