"""Look-alike targeting (相似客户): describe today's best customers and find others who resemble them.

Choosing target customers who look like today's loyal ones is a rule of Chinese CRM courseware
(按现有忠诚客户的特征寻找相似客户). The kit makes it computable, in the way marketing "index" reports
and look-alike audiences do:

1. :func:`lookalike_profile` compares the **seeds** (e.g. the loyal customers) with everyone in a base
   table, trait by trait: for every value of every feature (numbers are cut into quantile bins of the
   base), the share of seeds and the share of the base that have it, and their ratio as an index
   (100 = as common among seeds as among everyone; 200 = twice as common).
2. ``profile.score(customers)`` gives each customer the geometric mean of the indices of its traits —
   a naive-Bayes likelihood ratio with every feature weighted equally, rescaled so that 100 means "as
   alike as an average customer" — and ranks them.
3. ``profile.metrics["auc"]`` says whether the profile is worth using: the probability that a seed
   scores higher than a non-seed of the base (0.5 = the traits do not tell them apart).

Shares are smoothed by adding one customer to every value (Laplace), so a value no seed has gets a
small index rather than zero. docs/methods.md §2.10.

    >>> import pandas as pd
    >>> base = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "channel": ["store", "store", "app", "app"]})
    >>> profile = lookalike_profile(base, ["a", "b"], feature_cols=["channel"])
    >>> profile.score(pd.DataFrame({"customer_id": ["x"], "channel": ["store"]}))["lookalike_score"].round(1).tolist()
    [150.0]
"""
from __future__ import annotations

from dataclasses import dataclass, field

import narwhals as nw
import numpy as np
import pandas as pd

from helpers.complaints import check_columns, check_unique
from helpers.data.engines import collect, latest_date, resolve_as_of, to_customer_index
from helpers.errors import DataError
from helpers.lifecycle import _with_id_column, as_dates, orders_frame, transactions_frame
from helpers.validation import Interval, validate_params

__all__ = ["early_behaviour", "lookalike_profile", "LookalikeProfile"]

_MISSING = "look_missing"       # the trait of a customer whose feature value is missing (a catalogue id)


@validate_params(within_days=Interval(int, 1))
def early_behaviour(tx: pd.DataFrame, as_of=None, *, within_days: int = 90, customer_col: str = "customer_id",
                    date_col: str = "order_date", amount_col: str = "amount",
                    order_col: str = "order_id") -> pd.DataFrame:
    """Each customer's first ``within_days`` days as a customer: orders and average order value.

    The window starts on the day of the first purchase and includes it (day 0 … ``within_days`` − 1).
    ``complete`` is True when the window had ended by ``as_of`` (default: the day after the last
    purchase), so customers who are still in their first days are not compared unfairly with the
    others. Orders are ``order_col`` values when the column exists, else purchase days; returns
    (negative totals) count as they come. Indexed by ``customer_id``.

    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"], "amount": [50.0, 30.0, 90.0, 20.0],
    ...                    "order_date": pd.to_datetime(["2024-01-01", "2024-02-15", "2024-05-01", "2024-06-20"])})
    >>> early_behaviour(tx, as_of="2024-07-01")[["orders", "aov", "complete"]].to_dict("index")["a"]
    {'orders': 2, 'aov': 40.0, 'complete': True}
    """
    frame = transactions_frame(tx, customer_col, date_col, amount_col, order_col)   # where the data lives
    as_of = resolve_as_of(as_of, None if as_of is not None else latest_date(frame, date_col))
    orders = orders_frame(frame, as_of, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                          order_col=order_col)
    early = orders.filter(nw.col("day") < nw.col("day").min().over("customer_id") + within_days)
    table = to_customer_index(collect(early.group_by("customer_id").agg(
        nw.col("day").min().alias("first_purchase"), nw.len().alias("orders"), nw.col("amount").mean().alias("aov"))),
        "customer_id")
    table["first_purchase"] = as_dates(table["first_purchase"])
    table["orders"] = table["orders"].astype("int64")
    table["complete"] = table["first_purchase"] + pd.Timedelta(days=within_days) <= as_of
    return table


@dataclass
class LookalikeProfile:
    """The traits of the seeds compared with the base, one row per (feature, value).

    ``table`` columns: ``customers`` and ``seeds`` (counts), ``customer_share`` and ``seed_share``
    (0–1 within each feature), ``lookalike_index`` (100 = as common among seeds as in the base);
    ``thresholds`` holds the bin edges of every numeric feature; ``metrics`` the AUC and counts.

    >>> base = pd.DataFrame({"customer_id": ["a", "b", "c"], "orders": [5, 4, 1]})
    >>> lookalike_profile(base, ["a"], feature_cols=["orders"]).metrics["auc"]
    1.0
    """

    table: pd.DataFrame
    thresholds: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)

    def traits(self, customers: pd.DataFrame) -> pd.DataFrame:
        """Each customer's trait per feature (its value, or the bin its number falls in); missing → a label.

        >>> base = pd.DataFrame({"customer_id": ["a", "b"], "city": ["x", None]})
        >>> lookalike_profile(base, ["a"], feature_cols=["city"]).traits(base)["city"].tolist()
        ['x', 'look_missing']
        """
        frame = _customers(customers, self.params["customer_col"], self.params["feature_cols"])
        return pd.DataFrame({col: _trait(frame[col], self.thresholds.get(col)) for col in self.params["feature_cols"]},
                            index=frame.index)

    def score(self, customers: pd.DataFrame) -> pd.DataFrame:
        """How much each customer resembles the seeds: ``lookalike_score`` (100 = like an average customer
        of the base) and ``rank`` (1 = most alike; equal scores share the best rank), most alike first
        (ties by id). A trait the base never showed counts as neutral (index 100) and is counted in
        ``unknown_traits``. Indexed by ``customer_id``.

        >>> base = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "tier": ["t1", "t1", "t2", "t3"]})
        >>> lookalike_profile(base, ["a", "b"], feature_cols=["tier"]).score(base)["rank"].tolist()
        [1, 1, 3, 3]
        """
        traits = self.traits(customers)
        index = self.table["lookalike_index"]
        logs, unknown = [], pd.Series(0, index=traits.index, dtype="int64")
        for col in traits.columns:
            known = index.loc[col]
            values = traits[col].map(known)
            unknown += values.isna().astype("int64")
            logs.append(np.log(values.fillna(100.0) / 100.0))
        score = 100.0 * np.exp(sum(logs) / len(logs))
        out = traits.assign(lookalike_score=score, unknown_traits=unknown)
        out["rank"] = out["lookalike_score"].rank(method="min", ascending=False).astype("int64")
        return out.sort_values(["rank"], kind="stable")


@validate_params(n_bins=Interval(int, 2, 20))
def lookalike_profile(customers: pd.DataFrame, seeds, *, feature_cols, n_bins: int = 4,
                      customer_col: str = "customer_id") -> LookalikeProfile:
    """Profile ``seeds`` (ids of the customers to resemble, e.g. today's loyal ones) against ``customers``.

    ``customers`` has one row per customer of the base (``customer_col`` as a column or the index),
    seeds included, and the ``feature_cols`` that describe them. A numeric feature with more than
    ``n_bins`` distinct values is cut into ``n_bins`` quantile bins of the base (fewer when values
    repeat); other features are used value by value; a missing value is a trait of its own.
    The index of a trait is 100 × (seeds with it + 1) / (seeds + k) ÷ (customers with it + 1) /
    (customers + k), k the number of values of the feature. ``metrics``: ``auc`` (how well the
    score separates seeds from the other customers of the base, measured on the same customers —
    optimistic when there are many traits and few customers), ``customers``, ``seeds``.
    The result does not depend on the order of the rows. docs/methods.md §2.10.

    >>> base = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "channel": ["store", "store", "app", "app"]})
    >>> profile = lookalike_profile(base, ["a"], feature_cols=["channel"])
    >>> profile.table["lookalike_index"].round(1).to_dict()
    {('channel', 'app'): 66.7, ('channel', 'store'): 133.3}
    """
    feature_cols = [feature_cols] if isinstance(feature_cols, str) else list(feature_cols)
    if not feature_cols:
        raise DataError("look_err_no_features", fix_key="look_fix_no_features")
    frame = _customers(customers, customer_col, feature_cols)
    check_unique(_with_id_column(customers, customer_col), customer_col)
    seed_ids = pd.Index(pd.Series(list(seeds), dtype="string").drop_duplicates())
    unknown = seed_ids.difference(frame.index)
    if len(unknown):
        raise DataError("look_err_unknown_seeds", fix_key="look_fix_unknown_seeds", n=len(unknown),
                        ids=", ".join(map(str, unknown[:5])))
    is_seed = frame.index.isin(seed_ids)
    if not is_seed.any() or is_seed.all():
        raise DataError("look_err_no_contrast", fix_key="look_fix_no_contrast", seeds=int(is_seed.sum()),
                        customers=len(frame))
    thresholds = {col: _edges(frame[col], n_bins) for col in feature_cols if _binned(frame[col], n_bins)}
    traits = pd.DataFrame({col: _trait(frame[col], thresholds.get(col)) for col in feature_cols}, index=frame.index)
    table = pd.concat({col: _trait_table(traits[col], is_seed, _labels(thresholds.get(col)))
                       for col in feature_cols}, names=["feature", "value"])
    params = {"customer_col": customer_col, "feature_cols": feature_cols, "n_bins": n_bins}
    profile = LookalikeProfile(table, thresholds, params)
    scores = profile.score(frame)["lookalike_score"].reindex(frame.index)
    profile.metrics = {"auc": _auc(scores[is_seed], scores[~is_seed]), "customers": len(frame),
                       "seeds": int(is_seed.sum())}
    return profile


def _customers(customers: pd.DataFrame, customer_col: str, feature_cols: list) -> pd.DataFrame:
    """The features indexed by customer id (as text), sorted by id."""
    frame = _with_id_column(customers, customer_col)
    check_columns(frame, [customer_col, *feature_cols])
    out = frame[feature_cols].set_axis(pd.Index(frame[customer_col].astype("string"), name="customer_id"))
    return out.sort_index(kind="stable")


def _binned(values: pd.Series, n_bins: int) -> bool:
    return (pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
            and values.nunique() > n_bins)


def _edges(values: pd.Series, n_bins: int) -> list[float]:
    """Inner cut points: the base's quantiles at 1/n … (n−1)/n, without repeats."""
    inner = np.quantile(values.dropna().to_numpy(dtype=float), np.arange(1, n_bins) / n_bins)
    return sorted({float(x) for x in inner})


def _labels(edges: list | None) -> list[str]:
    """The bin labels of a numeric feature, lowest first ("≤ 2", "(2, 5]", "> 5"); none for other features."""
    if edges is None:
        return []
    cuts = [_number(x) for x in edges]
    middle = ["(%s, %s]" % pair for pair in zip(cuts, cuts[1:])]
    return ["≤ " + cuts[0], *middle, "> " + cuts[-1]]


def _trait(values: pd.Series, edges: list | None) -> pd.Series:
    """The trait of every value: its bin label for binned numbers, else the value; missing → ``look_missing``."""
    if edges is None:
        return values.astype("string").fillna(_MISSING).astype(object)
    codes = np.searchsorted(np.asarray(edges), values.to_numpy(dtype=float), side="left")
    out = pd.Series(np.asarray(_labels(edges), dtype=object)[np.minimum(codes, len(edges))], index=values.index)
    return out.where(values.notna(), _MISSING)


def _number(x: float) -> str:
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.4g}"


def _trait_table(traits: pd.Series, is_seed: np.ndarray, bins: list[str]) -> pd.DataFrame:
    """Counts, shares and the smoothed index of every value of one feature: bins lowest first, other
    values alphabetically, the missing trait last."""
    counts = pd.DataFrame({"customers": traits.value_counts(), "seeds": traits[is_seed].value_counts()}).fillna(0)
    counts = counts.astype("int64")
    rest = sorted(v for v in counts.index if v not in bins and v != _MISSING)
    order = [v for v in bins if v in counts.index] + rest + ([_MISSING] if _MISSING in counts.index else [])
    counts = counts.loc[order]
    k = len(counts)
    n_all, n_seed = int(counts["customers"].sum()), int(counts["seeds"].sum())
    counts["customer_share"] = counts["customers"] / n_all
    counts["seed_share"] = counts["seeds"] / n_seed
    counts["lookalike_index"] = 100 * ((counts["seeds"] + 1) / (n_seed + k)) / ((counts["customers"] + 1) / (n_all + k))
    return counts


def _auc(positive: pd.Series, negative: pd.Series) -> float:
    """P(a positive scores higher than a negative), ties counted half (the Mann–Whitney U / n₁n₂)."""
    ranks = pd.concat([positive, negative]).rank(method="average").to_numpy()
    n1, n2 = len(positive), len(negative)
    return float((ranks[:n1].sum() - n1 * (n1 + 1) / 2) / (n1 * n2))
