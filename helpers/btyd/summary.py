"""The BTYD sufficient statistics per customer (x, t_x, T, zbar and the holdout), from transactions.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["1"] * 3, "amount": [29.33, 29.73, 14.96],
    ...     "order_date": pd.to_datetime(["1997-01-01", "1997-01-18", "1997-08-02"])})
    >>> btyd_summary(tx, "1997-09-30").loc["1", ["x", "T"]].tolist()
    [2.0, 38.857142857142854]
"""
from __future__ import annotations

import narwhals as nw
import pandas as pd

from helpers.data.engines import as_day, as_lazy, collect, require_transactions

_DAY = "__purchase_day"
_PERIOD_DAYS = {"D": 1, "W": 7}


def _daily_spend(tx, customer: str, date: str, amount: str) -> pd.DataFrame:
    """Spend per customer and purchase day (several orders on one day are one purchase)."""
    frame = as_lazy(tx)
    require_transactions(frame, [customer, date, amount], date, amount)
    frame = frame.with_columns(nw.col(date).dt.truncate("1d").alias(_DAY))
    out = collect(frame.group_by(customer, _DAY).agg(nw.col(amount).sum().alias("spend"))).to_pandas()
    out = out.rename(columns={customer: "customer_id", _DAY: "day"})
    out["customer_id"] = out["customer_id"].astype("str")
    out["day"] = as_day(out["day"])
    return out.sort_values(["customer_id", "day"], ignore_index=True)


def btyd_summary(tx, calibration_end=None, observation_end=None, *, freq: str = "W",
                 customer: str = "customer_id", date: str = "order_date",
                 amount: str = "amount") -> pd.DataFrame:
    """The BTYD sufficient statistics per customer: ``x``, ``t_x``, ``T``, ``zbar`` (+ holdout).

    Purchases on the same day count once. ``x`` = repeat purchase days (distinct days − 1);
    ``t_x`` = last − first purchase day and ``T`` = ``calibration_end`` − first purchase day, in
    ``freq`` units (``"W"`` weeks = days / 7, ``"D"`` days); ``zbar`` = mean spend of the repeat
    purchase days (the first purchase excluded; 0 when ``x`` = 0). Only customers whose first
    purchase is on or before ``calibration_end`` (default: last purchase day) are kept. With
    ``observation_end``, ``x_star`` counts purchase days in (calibration_end, observation_end],
    ``holdout_spend`` their total and ``duration_holdout`` the holdout length.

    Day convention: day differences with no +1 reproduce Hardie's CDNOW calibration summary
    exactly (customer 1: first 1997-01-01, last 1997-08-02, end 1997-09-30 → t_x = 213 / 7 =
    30.43, T = 272 / 7 = 38.86 weeks).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["1"] * 3, "amount": [29.33, 29.73, 14.96],
    ...     "order_date": pd.to_datetime(["1997-01-01", "1997-01-18", "1997-08-02"])})
    >>> btyd_summary(tx, "1997-09-30").round(2).loc["1", ["x", "t_x", "T", "zbar"]].tolist()
    [2.0, 30.43, 38.86, 22.34]

    Source: docs/methods.md §3.7; Fader, Hardie & Lee (2005); lifetimes
    ``summary_data_from_transaction_data``.
    """
    if freq not in _PERIOD_DAYS:
        raise ValueError(f"freq must be one of {tuple(_PERIOD_DAYS)}, got {freq!r}")
    unit = _PERIOD_DAYS[freq]
    daily = _daily_spend(tx, customer, date, amount)
    cal_end = daily["day"].max() if calibration_end is None else pd.Timestamp(calibration_end).normalize()
    calibration = daily[daily["day"] <= cal_end]
    per = calibration.groupby("customer_id")
    first, last = per["day"].min(), per["day"].max()
    out = pd.DataFrame({"x": per.size() - 1})
    out["t_x"] = (last - first).dt.days / unit
    out["T"] = (cal_end - first).dt.days / unit
    repeat = calibration[calibration["day"] > calibration["customer_id"].map(first)]
    out["zbar"] = repeat.groupby("customer_id")["spend"].mean().reindex(out.index, fill_value=0.0)
    out.attrs.update(calibration_end=cal_end, freq=freq)
    if observation_end is not None:
        obs_end = pd.Timestamp(observation_end).normalize()
        holdout = daily[(daily["day"] > cal_end) & (daily["day"] <= obs_end)].groupby("customer_id")
        out["x_star"] = holdout.size().reindex(out.index, fill_value=0).astype("int64")
        out["holdout_spend"] = holdout["spend"].sum().reindex(out.index, fill_value=0.0)
        out["duration_holdout"] = (obs_end - cal_end).days / unit
        out.attrs["observation_end"] = obs_end
    out["x"] = out["x"].astype("int64")
    out.index.name = "customer_id"
    return out
