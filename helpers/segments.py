"""Customer segments from RFM scores: R ``rfm`` 10 segments, R×F grid, R×FM 11, PyMC, RFM 八类.

    >>> import pandas as pd
    >>> from helpers.rfm.scores import rfm_score
    >>> from helpers.segments import rfm_segment
    >>> rfm = pd.DataFrame({"recency_days": [3, 30, 90, 200, 400], "frequency": [9, 5, 3, 2, 1],
    ...     "monetary": [900.0, 500.0, 300.0, 200.0, 50.0]}, index=list("abcde"))
    >>> rfm_segment(rfm_score(rfm), "r_rfm10").table["segment"].tolist()
    ['champions', 'potential_loyalist', 'loyal_customers', 'about_to_sleep', 'lost']

Every scheme turns a score cell into a segment id (tables keep ids; labels and strategies are
in ``helpers/locale/segments.yml``). Scores that live in an engine (Polars, DuckDB, Spark) are
segmented there: the segment is one column expression, thresholds are computed by the engine.
Sources: docs/methods.md §1.2 and §1.3.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import narwhals as nw
import numpy as np

from helpers.data.engines import as_lazy, collect, is_pandas, materialise, with_text
from helpers.errors import DataError, warn
from helpers.i18n import has, label, t
from helpers.lazy import deferred
from helpers.result import Classification
from helpers.rfm.quantiles import order_statistics
from helpers.rfm.scores import RFMScores, _native_like, class_counts, rfm_score, summary_of
from helpers.segment_rules import (_R_RFM10_RULES, CN4, CN8, OTHERS, PYMC, PYMC_OTHER, RF_GRID, RFM11,
                                   check_rules, rule_cells)
from helpers.validation import Instance, Options, check_param, validate_params

pd = deferred("pandas")

# Segmentation is what the functions return (read, never built by users): importable, not listed.
__all__ = ["rfm_segment", "cn8_classify", "rule_segment", "segment_summary", "SCHEMES"]

SCHEMES = ("r_rfm10", "rf_grid", "rfm11", "pymc", "cn8")
_FM_RULES = {"ceil": lambda f, m: math.ceil((f + m) / 2),
             "floor": lambda f, m: (f + m) // 2,
             "round": lambda f, m: math.floor((f + m) / 2 + 0.5)}  # half up, not banker's rounding


@dataclass(repr=False)      # the readable repr of Classification
class Segmentation(Classification):
    """Customers with a segment id; ``label_field`` picks an alternative label set (``"alias"``).

    What :func:`rfm_segment`, :func:`cn8_classify` and :func:`rule_segment` return.

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> seg = Segmentation(pd.DataFrame({"segment": ["champions", "lost"]}, index=["a", "b"]))
    >>> with language("en"):
    ...     seg.labels().tolist()
    ['Champions', 'Lost']
    """

    label_field: str | None = None

    def labels_of(self, ids):
        """Labels of segment ids in the active language (the alternative label set if chosen)."""
        return label(ids, self.label_field)

    def labels(self):
        """The segment of every customer as a label in the active language (a table that lives
        in an engine gets a lazy frame of ``customer_id`` and ``label``)."""
        if is_pandas(self.table):
            return self.labels_of(self.classes)
        ids = sorted(class_counts(self.table, self.class_col).index)
        frame = as_lazy(self.table)
        return _native_like(frame.select(nw.col("customer_id"),
                                         _mapped(nw.col(self.class_col), dict(zip(ids, self.labels_of(ids))),
                                                 nw.col(self.class_col)).alias("label")), self.table)

    def summary(self) -> pd.DataFrame:
        return summary_of(self, lambda: super(Segmentation, self).summary().assign(
            label=lambda out: self.labels_of(out[self.class_col])))

    def strategies(self) -> pd.DataFrame:
        """One row per segment present: id, label and the recommended strategy."""
        ids = sorted(class_counts(self.table, self.class_col).index)
        return pd.DataFrame({"segment": ids, "label": self.labels_of(ids),
                             "strategy": label(ids, "strategy")})


def _mapped(key: nw.Expr, mapping: dict, default) -> nw.Expr:
    """``mapping[key]`` as one expression on every engine (a hash lookup in Polars, CASE in SQL),
    else ``default`` (a value or an expression)."""
    return key.replace_strict(mapping, default=default, return_dtype=nw.String)


def _rf_grid_cells(n_bins: int) -> dict[str, str]:
    def first(key):
        return next(seg for pattern, seg in RF_GRID if re.fullmatch(pattern, key))

    return {f"{r}{f}{m}": first(f"{r}{f}") for r in range(1, n_bins + 1)
            for f in range(1, n_bins + 1) for m in range(1, n_bins + 1)}


def _rfm11_cells(n_bins: int, fm: str) -> dict[str, str]:
    by_cell = {cell: seg for seg, cells in RFM11.items() for cell in cells}
    combine = _FM_RULES[fm]
    return {f"{r}{f}{m}": by_cell[(r, combine(f, m))] for r in range(1, n_bins + 1)
            for f in range(1, n_bins + 1) for m in range(1, n_bins + 1)}


def _pymc_cells(n_bins: int) -> dict[str, str]:
    by_code = {code: seg for seg, codes in PYMC.items() for code in codes}
    return {f"{r}{f}{m}": by_code.get(f"{r}{f}{m}", PYMC_OTHER) for r in range(1, n_bins + 1)
            for f in range(1, n_bins + 1) for m in range(1, n_bins + 1)}


def _require_bins(scored: RFMScores, n_bins: int, scheme: str) -> None:
    if scored.n_bins != n_bins:
        key = "err_rfm_pymc_bins" if scheme == "pymc" else "err_seg_bins"
        fix = "fix_rfm_pymc_bins" if scheme == "pymc" else "fix_seg_bins"
        raise DataError(key, column="rfm_cell", fix_key=fix, n_bins=scored.n_bins, scheme=scheme,
                        needed=n_bins)


def _require_pymc_input(frequency, monetary, method) -> None:
    """The ``pymc`` scheme is PyMC-Marketing's only on its own inputs (docs/methods.md §1.3 d):
    what a table or its scores state they counted must be purchase days, mean spend per day and
    quartiles cut with ``qcut`` (or cut points the caller gave). A table that states nothing (built
    by hand) is taken as it is."""
    quartile_rule = method is None or method == "qcut_drop" or method.endswith("+breaks")
    if frequency in (None, "days") and monetary in (None, "mean") and quartile_rule:
        return
    def said(key: str, value) -> str:            # in the reader's words where the catalogue has them
        return t(key) if value and has(key) else str(value or "?")

    method = method or "qcut_drop"
    raise DataError("err_rfm_pymc_input", column="frequency", fix_key="fix_rfm_pymc_input",
                    frequency=said(f"rfm_frequency_basis.{frequency}", frequency),
                    monetary=said(f"rfm_monetary_basis.{monetary}", monetary),
                    method=said(f"rfm_method.{method}", method))


def _stated_counting(table) -> tuple:
    """What an RFM table says it counted: (frequency, monetary) from ``attrs`` (pandas), or for a
    table in an engine, orders when it has ``orders`` but no ``purchase_days``."""
    if is_pandas(table):
        return table.attrs.get("frequency"), table.attrs.get("monetary")
    names = as_lazy(table).collect_schema().names()
    return ("orders" if "orders" in names and "purchase_days" not in names else None), None


def _scheme_cells(scored: RFMScores, scheme: str, fm: str) -> dict[str, str]:
    if scheme == "pymc":
        _require_bins(scored, 4, scheme)
        _require_pymc_input(scored.params.get("frequency"), scored.params.get("monetary"),
                            scored.params.get("method"))
    else:
        _require_bins(scored, 5, scheme)
    return _cells_of(scheme, fm)


@lru_cache(maxsize=None)
def _cells_of(scheme: str, fm: str) -> dict[str, str]:
    """Cell → segment of a named scheme: fixed tables, worked out once per process (read only)."""
    if scheme == "pymc":
        return _pymc_cells(4)
    if scheme == "r_rfm10":
        return rule_cells(_R_RFM10_RULES, 5)
    if scheme == "rf_grid":
        return _rf_grid_cells(5)
    return _rfm11_cells(5, fm)


def _segmented(scored: RFMScores, cells: dict[str, str], params: dict, default: str) -> Segmentation:
    by_score = {int(cell): seg for cell, seg in cells.items()}  # integer keys map faster
    if not is_pandas(scored.table):     # one column of the engine
        segment = _mapped(nw.col("rfm_score"), {k: v for k, v in by_score.items() if v != default}, default)
        texts = [by_score.get(code, default) for code in range(1000)]    # scores are 111…999
        table = _native_like(with_text(as_lazy(scored.table), "rfm_score", texts, segment, "segment"), scored.table)
        return Segmentation(table, scored.thresholds, {**scored.params, **params})
    segment = scored.table["rfm_score"].map(by_score).fillna(default).astype("str")
    table = scored.table.assign(segment=segment)
    return Segmentation(table, scored.thresholds, {**scored.params, **params})


@validate_params(scheme=Options(*SCHEMES), fm=Options(*_FM_RULES))
def rfm_segment(scored, scheme: str = "r_rfm10", *, fm: str = "ceil", **cn8_options) -> Segmentation:
    """Segment scored customers with a named scheme (docs/methods.md §1.3; ``"cn8"`` → §1.2).

    ``scored`` is an :class:`~helpers.rfm.scores.RFMScores` (an RFM table is scored with the
    defaults first). ``"r_rfm10"``: R ``rfm`` rules, first match wins, else ``others``;
    ``"rf_grid"``: R×F regex grid with hibernating; ``"rfm11"``: R×FM grid where
    FM = ``fm``((F+M)/2), ``fm`` in ``"ceil"`` / ``"round"`` (half up) / ``"floor"``;
    ``"pymc"``: PyMC-Marketing segments on quartile scores (``rfm_score(..., n_bins=4)``);
    ``"cn8"``: :func:`cn8_classify` with ``cn8_options``. ``r_rfm10``, ``rf_grid`` and
    ``rfm11`` need 5 score bins, ``pymc`` 4; other scores are a DataError saying how to rescore.

    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency_days": [5, 300], "frequency": [8, 1],
    ...                     "monetary": [800.0, 10.0]}, index=["a", "b"])
    >>> rfm_segment(rfm, "rfm11").table["segment"].tolist()
    ['champions', 'lost']
    """
    if scheme == "cn8":
        return cn8_classify(scored, **cn8_options)
    if not isinstance(scored, RFMScores):
        if scheme == "pymc":
            _require_pymc_input(*_stated_counting(scored), None)
        scored = rfm_score(scored, n_bins=4 if scheme == "pymc" else 5,
                           method="qcut_drop" if scheme == "pymc" else "r_rfm")
    default = PYMC_OTHER if scheme == "pymc" else OTHERS
    params = {"scheme": scheme, **({"fm": fm} if scheme == "rfm11" else {})}
    return _segmented(scored, _scheme_cells(scored, scheme, fm), params, default)


def rule_segment(scored: RFMScores, rules) -> Segmentation:
    """Segment with your own rule table (inclusive score ranges, first match wins, else ``others``).

    ``rules``: a DataFrame with columns ``segment, r_min, r_max, f_min, f_max, m_min, m_max`` or
    a list of such rows. The table is checked first; overlaps, unreachable rules and uncovered
    cells are warned about and reported in ``params["rule_check"]``.

    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency_days": [5, 300], "frequency": [8, 1],
    ...                     "monetary": [800.0, 10.0]}, index=["a", "b"])
    >>> rules = [("top", 4, 5, 1, 5, 1, 5), ("rest", 1, 3, 1, 5, 1, 5)]
    >>> rule_segment(rfm_score(rfm), rules).table["segment"].tolist()
    ['top', 'rest']
    """
    report = check_rules(rules, scored.n_bins)
    if not report.ok:
        warn("warn_seg_rules", overlaps=len(report.overlaps), unreachable=len(report.unreachable),
             uncovered=len(report.uncovered))
    return _segmented(scored, rule_cells(rules, scored.n_bins),
                      {"scheme": "custom", "rule_check": report}, OTHERS)


def _thresholds(values: pd.DataFrame, breaks) -> dict:
    """The value each dimension is compared with: the given one, or the column's mean or median."""
    if isinstance(breaks, dict):
        return {dim: float(breaks[dim]) for dim in values.columns}
    return {dim: float(getattr(values[dim], breaks)()) for dim in values.columns}


def _cn8_values(rfm, basis: str, dims) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The compared values per dimension and the table to attach the result to."""
    if basis == "score":
        scored = rfm if isinstance(rfm, RFMScores) else rfm_score(rfm)
        return scored.table[list(dims)], scored.table
    table = (rfm.table if isinstance(rfm, Classification) else rfm).sort_index(kind="stable")
    columns = {"R": "recency_days", "F": "frequency", "M": "monetary"}
    return table[[columns[d] for d in dims]].set_axis(list(dims), axis=1), table


@validate_params(basis=Options("raw", "score"), breaks=[Options("mean", "median"), Instance(dict)],
                 labels=Options("standard", "alias"))
def cn8_classify(rfm, *, basis: str = "raw", breaks="mean", dims=("R", "F", "M"),
                 labels: str = "standard") -> Segmentation:
    """RFM 八类客户: a high/low flag per dimension against its mean, median or a given value.

    ``breaks`` is the rule that finds each dimension's cut point (``"mean"``, ``"median"``) or
    the cut points themselves (``{"R": 90, "F": 3, "M": 500}``); the values used are the result's
    ``thresholds``. ``R_high`` (近) means FEW days since the last purchase: ``recency_days ≤ thr``
    with ``basis="raw"``, ``R score ≥ thr`` with ``basis="score"`` (scores are already reversed).
    ``F_high`` ⇔ F ≥ thr, ``M_high`` ⇔ M ≥ thr. ``dims=("R", "F")`` gives the 4-class R×F
    variant. ``labels="alias"`` shows platform names (火山引擎 / 阿里云) instead.

    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency_days": [2, 200], "frequency": [9, 1],
    ...                     "monetary": [900.0, 10.0]}, index=["a", "b"])
    >>> cn8_classify(rfm).table["segment"].tolist()
    ['cn8_important_value', 'cn8_general_retain']

    Source: docs/methods.md §1.2 (mapping table and the swapped-direction pitfall).
    """
    dims = tuple(dims) if isinstance(dims, (list, tuple)) else dims
    check_param("dims", dims, Options(("R", "F", "M"), ("R", "F")))
    source = rfm.table if isinstance(rfm, Classification) else rfm
    if not is_pandas(source):
        return _cn8_in_engine(rfm, basis, breaks, dims, labels)
    values, table = _cn8_values(rfm, basis, dims)
    thresholds = _thresholds(values, breaks)
    flags = pd.DataFrame(index=values.index)
    for dim in dims:
        low_is_high = dim == "R" and basis == "raw"
        high = values[dim] <= thresholds[dim] if low_is_high else values[dim] >= thresholds[dim]
        flags[f"{dim}_high"] = high
    digits = flags.astype(int).astype(str)
    code = digits.iloc[:, 0].str.cat([digits[c] for c in digits.columns[1:]])   # vectorised "101"
    out = table.drop(columns=flags.columns, errors="ignore").join(flags)
    out["cn8_code"] = code
    out["segment"] = code.map(CN8 if len(dims) == 3 else CN4).astype("str")
    if "currency" in table.attrs:                 # the currency of the amounts, for display
        out.attrs["currency"] = table.attrs["currency"]
    params = {"scheme": "cn8", "basis": basis, "breaks": breaks if isinstance(breaks, str) else "custom",
              "dims": "".join(dims), "labels": labels}
    return Segmentation(out, thresholds, params, label_field="alias" if labels == "alias" else None)


_CN8_COLUMNS = {"R": "recency_days", "F": "frequency", "M": "monetary"}


def _engine_thresholds(frame: nw.LazyFrame, columns: dict, breaks) -> dict:
    """The mean or median of each column, computed in the engine as pandas computes them."""
    if isinstance(breaks, dict):
        return {dim: float(breaks[dim]) for dim in columns}
    if breaks == "mean":
        row = collect(frame.select(*[nw.col(c).mean().alias(d) for d, c in columns.items()])).rows()[0]
        return {dim: float(v) for dim, v in zip(columns, row)}
    n = int(collect(frame.select(nw.len())).item())
    middle = ((n - 1) // 2, n // 2)           # NumPy's median: the mean of the middle value(s)
    found = order_statistics(frame, {c: set(middle) for c in columns.values()}, n)
    return {dim: float(np.mean([found[c][middle[0]], found[c][middle[1]]])) for dim, c in columns.items()}


def _cn8_in_engine(rfm, basis: str, breaks, dims, labels: str) -> Segmentation:
    """:func:`cn8_classify` of a table that lives in an engine; the result stays there."""
    if basis == "score":
        scored = rfm if isinstance(rfm, RFMScores) else rfm_score(rfm)
        source, columns = scored.table, {d: d for d in dims}
    else:
        source = rfm.table if isinstance(rfm, Classification) else rfm
        columns = {d: _CN8_COLUMNS[d] for d in dims}
    frame, _ = materialise(as_lazy(source))
    thresholds = _engine_thresholds(frame, columns, breaks)
    flags = {}
    for dim, column in columns.items():
        low_is_high = dim == "R" and basis == "raw"
        x = nw.col(column)
        flags[f"{dim}_high"] = x <= thresholds[dim] if low_is_high else x >= thresholds[dim]
    code = nw.concat_str([flag.cast(nw.Int64).cast(nw.String) for flag in flags.values()])
    out = frame.drop(*[c for c in flags if c in frame.collect_schema()]).with_columns(
        *[flag.alias(name) for name, flag in flags.items()], code.alias("cn8_code"))
    mapping = CN8 if len(dims) == 3 else CN4
    out = out.with_columns(_mapped(nw.col("cn8_code"), mapping, nw.col("cn8_code")).alias("segment"))
    params = {"scheme": "cn8", "basis": basis, "breaks": breaks if isinstance(breaks, str) else "custom",
              "dims": "".join(dims), "labels": labels}
    return Segmentation(_native_like(out, source), thresholds, params,
                        label_field="alias" if labels == "alias" else None)


def segment_summary(segmented: Segmentation, data=None, **rfm_options) -> pd.DataFrame:
    """Customers, orders, revenue, average order value and shares per segment.

    ``data`` defaults to the segmented table itself (it carries ``orders`` and ``revenue`` when
    it came from :func:`helpers.rfm.rfm_table`); pass the transactions or an RFM table otherwise.

    >>> import pandas as pd
    >>> seg = Segmentation(pd.DataFrame({"segment": ["x", "y"], "orders": [3, 1],
    ...     "revenue": [90.0, 10.0]}, index=["a", "b"]))
    >>> segment_summary(seg)[["segment", "aov", "revenue_share"]].to_dict("list")
    {'segment': ['x', 'y'], 'aov': [30.0, 10.0], 'revenue_share': [0.9, 0.1]}

    Source: R ``rfm`` ``rfm_segment_summary`` (customers, orders, revenue, aov).
    """
    from helpers.rfm.table import rfm_table

    source = segmented.table if data is None else data
    if not is_pandas(segmented.table):
        out = _engine_segment_totals(segmented, data, rfm_options)
    else:
        if not {"orders", "revenue"} <= set(source.columns):
            source = rfm_table(source, **rfm_options)
        per_customer = source[["orders", "revenue"]].join(segmented.classes, how="inner")
        out = per_customer.groupby("segment", observed=True).agg(
            customers=("orders", "size"), orders=("orders", "sum"), revenue=("revenue", "sum"))
    out["aov"] = out["revenue"] / out["orders"]
    out["customer_share"] = out["customers"] / out["customers"].sum()
    out["revenue_share"] = out["revenue"] / out["revenue"].sum()
    out = out.reset_index().sort_values(["revenue", "segment"], ascending=[False, True])
    out.insert(1, "label", label(out["segment"], segmented.label_field))
    stated = getattr(source, "attrs", {})        # an engine frame states nothing
    out.attrs = {"currency": stated["currency"]} if "currency" in stated else {}
    return out.reset_index(drop=True)


def _engine_segment_totals(segmented: Segmentation, data, rfm_options) -> pd.DataFrame:
    """Customers, orders and revenue per segment of a table that lives in an engine."""
    from helpers.rfm.table import rfm_table

    frame = as_lazy(segmented.table)
    if data is not None or not {"orders", "revenue"} <= set(frame.collect_schema().names()):
        totals = as_lazy(rfm_table(segmented.table if data is None else data, collect=False, **rfm_options))
        frame = frame.select("customer_id", "segment").join(
            totals.select("customer_id", "orders", "revenue"), on="customer_id", how="inner")
    out = collect(frame.group_by("segment").agg(nw.len().alias("customers"), nw.col("orders").sum(),
                                                  nw.col("revenue").sum())).to_pandas()
    out = out.astype({"customers": "int64", "orders": "int64", "revenue": "float64"})
    return out.set_index("segment")
