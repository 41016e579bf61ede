"""Quantiles computed where the data lives, equal to NumPy's to the last bit.

Score breaks are quantiles with linear interpolation (Hyndman & Fan type 7): the value at the
"virtual index" ``(n − 1)·q`` of the sorted values, interpolated between its two neighbours. On
an engine (Polars, DuckDB, Spark) the kit finds those two neighbours exactly — the order
statistics ``x[i]`` and ``x[i + 1]`` — and interpolates them with NumPy's own formula, so a break
computed on 100 M customers in the engine is the break NumPy computes on the same values in
memory. Engines' own interpolations differ from NumPy's in the last bit, which moves a customer
whose value equals a break (cents often do).

In memory (Polars) the order statistics are found directly: whole numbers of a small range (days,
order counts) by counting them, other values by NumPy's selection; DuckDB's nearest-rank
``quantile_disc`` finds them exactly in one pass. Elsewhere (Spark) they are found with aggregates
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
            # at_most[v]: how many values are ≤ low + v; position p holds the first v with at_most[v] > p
            at_most = np.cumsum(np.bincount((values - low).astype(np.intp, copy=False)))
            return low + np.searchsorted(at_most, positions, side="right")
    return np.partition(values, positions)[positions]


def _polars_order_statistics(frame: nw.LazyFrame, wanted: dict[str, set[int]]) -> dict[str, dict[int, float]]:
    """In memory, :func:`selected` on each column's values, which Polars hands over without a copy."""
    data = frame.to_native().select(list(wanted)).collect()
    found = {}
    for c, ps in wanted.items():
        order = sorted(ps)
        found[c] = dict(zip(order, map(float, selected(data.get_column(c).to_numpy(), order))))
    return found


def _duckdb_order_statistics(frame: nw.LazyFrame, wanted: dict[str, set[int]], n: int) -> dict[str, dict[int, float]]:
    """DuckDB's ``quantile_disc`` is the nearest-rank quantile ``x[⌈n·q⌉ − 1]``: at ``q = (i + ½)/n`` it
    is exactly ``x[i]`` (half a rank from either neighbour), all positions of a column in one pass."""
    order = {c: sorted(ps) for c, ps in wanted.items()}
    columns = list(order)
    quoted = [sql_name(c) for c in columns]
    levels = {c: "[" + ", ".join(repr((p + 0.5) / n) for p in order[c]) + "]" for c in columns}
    query = ", ".join(f"quantile_disc({q}, {levels[c]})" for c, q in zip(columns, quoted))
    row = frame.to_native().aggregate(query).fetchall()[0]
    return {c: {p: float(v) for p, v in zip(order[c], values)} for c, values in zip(columns, row)}


def quantiles(frame: nw.LazyFrame, levels: dict[str, list[float]], n: int) -> dict[str, list[float]]:
    """NumPy's linear quantiles of each column at its ``levels``, computed in the engine.

    >>> import polars as pl
    >>> from helpers.data.engines import as_lazy
    >>> quantiles(as_lazy(pl.DataFrame({"x": [1, 2, 3, 4]})), {"x": [0.5]}, 4)
    {'x': [2.5]}
    """
    plans = {c: positions(n, qs) for c, qs in levels.items()}
    wanted = {c: {p for previous, following, _ in plan for p in (previous, following)} for c, plan in plans.items()}
    values = order_statistics(frame, wanted, n)
    return {c: [lerp(values[c][a], values[c][b], gamma) for a, b, gamma in plan] for c, plan in plans.items()}
