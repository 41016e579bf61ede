"""Customer value in the report: P(alive), expected purchases and CLV per customer, from BG/NBD and
Gamma-Gamma fitted on the file, with the quality of the fit.

:func:`customer_value` fits both models on the purchase history up to ``as_of`` (weeks as the time
unit, :func:`helpers.btyd.btyd_summary`) and combines them with :func:`helpers.btyd.customer_clv`
over ``horizon`` months (4.345 weeks each, as in chapter 06), at ``margin`` (a share of spend)
and ``discount`` (a rate per month). The quality of the fit is kept beside the numbers: the
parameters with 95 % intervals, and — when the history allows — a holdout check: the BG/NBD model
fitted on the first two thirds of the history predicts the repeat purchases of the last third,
which are then counted (:func:`helpers.btyd.holdout_comparison`).

When the models cannot be fitted (less than :data:`MIN_HISTORY_DAYS` of history, fewer than
:data:`MIN_REPEAT_BUYERS` repeat buyers, a fit that does not converge or whose parameters run off
to values that give no finite forecast, spend the Gamma-Gamma model cannot use) the result says
why (``reason``) and holds no numbers; the rest of the report is unaffected.

P(alive) is left blank for one-time buyers: BG/NBD lets a customer leave only right after a repeat
purchase, so it gives every one-time buyer P(alive) = 1 whatever their recency (docs/methods.md
§3.7). Their expected purchases and CLV still fall with the time since their purchase.

    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300, 600), unit="D")
    >>> who = rng.integers(0, 150, 600)       # customers who spend more and less (a finite Gamma-Gamma fit)
    >>> tx = pd.DataFrame({"customer_id": who.astype(str), "order_date": days,
    ...                    "amount": (rng.gamma(4, 1, 600) * rng.gamma(3, 10, 150)[who]).round(2)})
    >>> value = customer_value(tx, pd.Timestamp("2024-10-27"))
    >>> value.fitted, sorted(value.table.columns)
    (True, ['clv', 'expected_purchases', 'expected_spend', 'prob_alive'])

Sources: docs/methods.md §3.7–3.8 (BG/NBD, Gamma-Gamma, CLV); Fader, Hardie & Lee (2005), fig. 4
for the holdout comparison.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.i18n import t
from helpers.validation import Interval, validate_params

__all__ = ["customer_value", "CustomerValue", "purchase_histories", "value_from", "Histories", "MIN_HISTORY_DAYS",
           "MIN_REPEAT_BUYERS"]

HORIZON = 12                  # months ahead
MARGIN = 1.0                  # CLV as discounted expected spend unless a margin is given
DISCOUNT = 0.01               # per month (about 12.7 % a year), as in chapter 06
WEEKS_PER_MONTH = 4.345       # 365 / 12 / 7: one discount period in the summary's unit (weeks)
#: The least history (first purchase in the file → as_of) the models are fitted on.
MIN_HISTORY_DAYS = 56
#: The least number of customers with a repeat purchase the models are fitted on.
MIN_REPEAT_BUYERS = 20
_HOLDOUT_SHARE = 1 / 3        # the holdout check keeps the last third of the history
_MIN_HOLDOUT_DAYS = 28        # … when that is at least four weeks
_LOOSE = 100.0                # a 95 % interval wider than this factor: the data say little about it
_COLUMNS = ["prob_alive", "expected_purchases", "expected_spend", "clv"]
#: The papers' symbols of the parameters whose names are Greek letters (as readers see them).
SYMBOLS = {"alpha": "α", "beta": "β", "gamma": "γ"}


@dataclass
class CustomerValue:
    """What :func:`customer_value` found: per-customer numbers, the models, the holdout check, or why not.

    ``table`` (index ``customer_id``) has ``prob_alive`` (blank for one-time buyers),
    ``expected_purchases`` (over the horizon), ``expected_spend`` (per purchase) and ``clv``; it is
    empty when the models could not be fitted, and ``reason`` says why. ``holdout`` is the
    comparison table of :func:`helpers.btyd.holdout_comparison` (``None`` with ``holdout_reason``
    when the history is too short for one). ``params`` holds the settings; ``notes`` the kit's
    warnings raised while fitting.

    >>> CustomerValue(pd.DataFrame(columns=_COLUMNS), {"horizon": 12, "history_days": 30}, reason="…").fitted
    False
    """

    table: pd.DataFrame
    params: dict
    purchase_model: object = None
    spend_model: object = None
    holdout: pd.DataFrame | None = None
    reason: str | None = None
    holdout_reason: str | None = None
    notes: list = field(default_factory=list)

    @property
    def fitted(self) -> bool:
        """Whether both models were fitted (and ``table`` holds every customer's numbers)."""
        return self.reason is None

    def parameters(self) -> pd.DataFrame:
        """One row per parameter of both models: ``model``, ``parameter``, ``estimate``, ``se``,
        ``ci_lower``, ``ci_upper`` (the 95 % interval); empty when the models were not fitted."""
        columns = ["model", "parameter", "estimate", "se", "ci_lower", "ci_upper"]
        if not self.fitted:
            return pd.DataFrame(columns=columns)
        parts = []
        for model in (self.purchase_model, self.spend_model):
            part = model.summary().reset_index().rename(columns={"std_error": "se", "lower": "ci_lower",
                                                                  "upper": "ci_upper"})
            parts.append(part.assign(model=model._name))
        return pd.concat(parts, ignore_index=True)[columns]

    def loose_parameters(self) -> list:
        """Parameters whose 95 % interval spans more than a factor of 100 (or has no standard error)."""
        table = self.parameters()
        loose = ~(table["ci_upper"] / table["ci_lower"] <= _LOOSE)
        return [f"{m} {SYMBOLS.get(p, p)}" for m, p in zip(table.loc[loose, "model"], table.loc[loose, "parameter"])]

    def caveats(self) -> list:
        """What a reader should keep in mind about the forecast (texts in the active language):
        parameters the data say little about, a horizon longer than the history."""
        out = []
        loose = self.loose_parameters() if self.fitted else []
        if loose:
            out.append(t("report_model_loose", parameters=", ".join(loose)))
        months = self.params["history_days"] / 30.44
        if self.fitted and self.params["horizon"] > months:
            out.append(t("report_model_long_horizon", horizon=self.params["horizon"], months=f"{months:.0f}"))
        return out

    def holdout_totals(self) -> dict | None:
        """Repeat purchases in the holdout period, predicted and counted (``None`` without a holdout)."""
        if self.holdout is None:
            return None
        weights = self.holdout["customers"]
        return {"predicted": float((self.holdout["predicted"] * weights).sum()),
                "actual": float((self.holdout["actual"] * weights).sum())}

    def holdout_summary(self) -> str | None:
        """The holdout check in one sentence of the active language (``None`` without a holdout)."""
        from helpers.display import format_share

        totals = self.holdout_totals()
        if totals is None:
            return None
        error = totals["predicted"] / totals["actual"] - 1 if totals["actual"] else float("nan")
        gap = t("report_value_gap_low" if error < 0 else "report_value_gap_high", share=format_share(abs(error)))
        attrs = self.holdout.attrs
        return t("report_value_holdout_summary", end=attrs["calibration_end"].date(), weeks=attrs["weeks"],
                 predicted=f"{totals['predicted']:,.0f}", actual=f"{totals['actual']:,.0f}", gap=gap)


def _without_convergence_notes(notes) -> list:
    """``notes`` without the fitter's "did not converge" warnings: the reason says so in the
    report's words (the warning quotes the optimiser's own message)."""
    prefix = t("warn_btyd_not_converged").split("{message}")[0]
    return [n for n in notes if not n.startswith(prefix)]


def _history_days(summary: pd.DataFrame) -> int:
    """Days from the first purchase in the summary to its ``as_of``."""
    return int(round(float(summary["T"].max()) * 7)) if len(summary) else 0


def _unfit_reason(summary: pd.DataFrame) -> str | None:
    """Why the models cannot be fitted on ``summary`` (text in the active language), or None."""
    days = _history_days(summary)
    if days < MIN_HISTORY_DAYS:
        return t("report_value_short_history", days=f"{days:,}", needed=MIN_HISTORY_DAYS)
    repeaters = int((summary["x"] > 0).sum())
    if repeaters < MIN_REPEAT_BUYERS:
        return t("report_value_few_repeaters", n=f"{repeaters:,}", needed=MIN_REPEAT_BUYERS)
    return None


def _fit_purchases(summary: pd.DataFrame):
    """``(BG/NBD model, None)`` fitted on ``summary``, or ``(None, why not)``."""
    from helpers.btyd import BetaGeoModel

    reason = _unfit_reason(summary)
    if reason is not None:
        return None, reason
    model = BetaGeoModel.fit(summary)
    return (model, None) if model.converged else (None, t("report_value_not_converged", model=model._name))


def _fit_spend(summary: pd.DataFrame):
    """``(Gamma-Gamma model, None)`` fitted on ``summary``, or ``(None, why not)``.

    The spend column is named for people (its label) so that the fit's messages read in words.
    """
    from helpers.btyd import GammaGammaModel
    from helpers.display import column_label
    from helpers.errors import DataError

    spend = column_label("zbar")
    try:
        model = GammaGammaModel.fit(summary.rename(columns={"zbar": spend}), spend_col=spend)
    except DataError as err:        # too few repeat buyers with positive spend: the kit's message says so
        return None, str(err)
    return (model, None) if model.converged else (None, t("report_value_not_converged", model=model._name))


@dataclass
class Histories:
    """The purchase histories the value is forecast from: the BTYD summary of every customer at
    ``as_of`` and, when the history is long enough for a holdout check, the summary at the end of its
    first two thirds (``calibration``, with the purchases of the last ``holdout_days``); the kit's warnings
    raised while summarising. Computed where the transactions live (:func:`purchase_histories`);
    everything after it works on these per-customer tables only (:func:`value_from`).
    """

    as_of: pd.Timestamp
    summary: pd.DataFrame
    notes: list
    calibration: pd.DataFrame | None = None
    calibration_notes: list = field(default_factory=list)
    holdout_days: int = 0


def _holdout(history: Histories) -> tuple:
    """``(holdout_comparison table, None, notes)`` or ``(None, why not, notes)``: the BG/NBD model
    fitted on the first two thirds of the history, compared with the purchases of the last third.

    The notes are the fit's warnings, marked as the holdout check's; a warning that its standard
    errors are missing is left out, since the check shows none.
    """
    from helpers.btyd import holdout_comparison
    from helpers.errors import collect_warnings

    calibration = history.calibration
    if calibration is None:
        return None, t("report_value_no_holdout", days=f"{_history_days(history.summary):,}",
                       needed=int(_MIN_HOLDOUT_DAYS / _HOLDOUT_SHARE)), []
    with collect_warnings() as warned:
        purchases, reason = _fit_purchases(calibration)
    notes = [t("report_value_holdout_note", note=n)
             for n in _without_convergence_notes(history.calibration_notes + warned)
             if n != t("warn_btyd_no_standard_errors")]
    if purchases is None:
        return None, t("report_value_holdout_unfit", reason=reason), notes
    table = holdout_comparison(purchases, calibration)
    table.attrs.update(calibration_end=history.as_of - pd.Timedelta(days=history.holdout_days),
                       holdout_end=history.as_of, weeks=history.holdout_days // 7, customers=len(calibration))
    return table, None, notes


def purchase_histories(tx, as_of) -> Histories:
    """The :class:`Histories` of ``tx`` at ``as_of``: the steps of :func:`customer_value` that read transactions.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [10.0, 20.0],
    ...                    "order_date": pd.to_datetime(["2024-01-02", "2024-03-05"])})
    >>> history = purchase_histories(tx, pd.Timestamp("2024-06-30"))
    >>> history.summary[["x", "T"]].round(1).to_dict("records"), history.holdout_days
    ([{'x': 1, 'T': 25.7}], 63)
    """
    from helpers.btyd import btyd_summary
    from helpers.errors import collect_warnings

    with collect_warnings() as notes:
        summary = btyd_summary(tx, as_of, period="W")
    history = Histories(as_of, summary, list(notes))
    holdout_days = 7 * int(round(_history_days(summary) * _HOLDOUT_SHARE / 7))
    if holdout_days >= _MIN_HOLDOUT_DAYS:
        with collect_warnings() as calibration_notes:
            history.calibration = btyd_summary(tx, as_of - pd.Timedelta(days=holdout_days), as_of, period="W")
        history.calibration_notes, history.holdout_days = list(calibration_notes), holdout_days
    return history


_SETTINGS = {"horizon": Interval(int, 1, None), "margin": Interval(float, 0, 1, closed="right"),
             "discount": Interval(float, 0, 1, closed="left")}


@validate_params(**_SETTINGS)
def customer_value(tx, as_of, *, horizon: int = HORIZON, margin: float = MARGIN,
                   discount: float = DISCOUNT) -> CustomerValue:
    """P(alive), expected purchases and CLV of every customer of ``tx`` at ``as_of``, with the fit's quality.

    ``horizon`` months ahead (default 12), ``margin`` the share of spend that is profit (default 1:
    CLV is discounted expected spend), ``discount`` the rate per month (default 0.01). See the
    module for the models, the holdout check and when the models are not fitted. The same as
    ``value_from(purchase_histories(tx, as_of), …)``: the report fits the models in its second
    process while this one goes on.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [10.0, 20.0],
    ...                    "order_date": pd.to_datetime(["2024-01-02", "2024-01-05"])})
    >>> value = customer_value(tx, pd.Timestamp("2024-01-31"))
    >>> value.fitted, value.table.empty
    (False, True)
    """
    return value_from(purchase_histories(tx, as_of), horizon=horizon, margin=margin, discount=discount)


@validate_params(**_SETTINGS)
def value_from(history: Histories, *, horizon: int = HORIZON, margin: float = MARGIN,
               discount: float = DISCOUNT) -> CustomerValue:
    """:func:`customer_value` from the purchase histories: the models' steps, per customer.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a"], "amount": [10.0], "order_date": pd.to_datetime(["2024-01-02"])})
    >>> value = value_from(purchase_histories(tx, pd.Timestamp("2024-01-31")), horizon=6)
    >>> value.fitted, value.params["horizon"]
    (False, 6)
    """
    from threadpoolctl import threadpool_limits

    params = {"horizon": horizon, "margin": margin, "discount": discount, "period": "W",
              "step_length": WEEKS_PER_MONTH, "as_of": history.as_of}
    # The fits are small: a multithreaded BLAS (called inside SciPy's L-BFGS-B) would wake its threads
    # for every step, which makes them 10–20 times slower, far more so on a busy machine.
    with threadpool_limits(limits=1, user_api="blas"):
        return _value_from(history, params)


def _value_from(history: Histories, params: dict) -> CustomerValue:
    from helpers.btyd import customer_clv
    from helpers.errors import collect_warnings

    horizon, margin, discount = params["horizon"], params["margin"], params["discount"]
    summary = history.summary
    with collect_warnings() as notes:
        params["history_days"] = _history_days(summary)
        purchases, reason = _fit_purchases(summary)
        spend, reason = _fit_spend(summary) if purchases is not None else (None, reason)
        if reason is None:
            with np.errstate(all="ignore"):            # extreme parameters overflow: checked just below
                table = customer_clv(purchases, spend, summary, horizon=horizon, margin=margin,
                                     discount=discount, step_length=WEEKS_PER_MONTH)[_COLUMNS]
            table["prob_alive"] = table["prob_alive"].where(summary["x"] > 0, np.nan)
            if not np.isfinite(table[_COLUMNS[1:]].to_numpy()).all():     # parameters ran off to extremes
                reason = t("report_value_degenerate", model=purchases._name)
    notes = _without_convergence_notes(history.notes + notes)
    if reason is not None:
        return CustomerValue(pd.DataFrame(columns=_COLUMNS, index=summary.index[:0]), params, reason=reason,
                             notes=notes)
    holdout, holdout_reason, holdout_notes = _holdout(history)
    return CustomerValue(table, params, purchases, spend, holdout, None, holdout_reason, notes + holdout_notes)
