"""Key accounts (大客户): weighted criteria scoring, and buying-centre coverage (docs/methods.md §2.9).

    >>> import pandas as pd
    >>> from helpers.accounts import key_account_scores
    >>> accounts = pd.DataFrame({"account_id": ["A", "B", "C"], "revenue": [100, 50, 0],
    ...                          "cost_to_serve": [10, 30, 20]})
    >>> res = key_account_scores(accounts, {"revenue": 2, "cost_to_serve": 1},
    ...                          directions={"cost_to_serve": "lower"}, n_top=1)
    >>> res.table[["score", "segment"]].round(1).to_dict("index")["A"]
    {'score': 100.0, 'segment': 'acc_key'}

Buying-centre roles: Webster & Wind (1972) user, influencer, buyer, decider, gatekeeper; Bonoma
(1982) adds initiator; approver as in the course. Stakeholders carry influence 1–5 and attitude
−2…+2; the support index is Σ influence × attitude over the people of an account.
Result tables are indexed by ``account_id``.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.complaints import check_columns, check_known, check_unique, parse_numbers, parse_timestamps
from helpers.data.engines import resolve_as_of
from helpers.errors import DataError, warn
from helpers.i18n import t
from helpers.result import Classification
from helpers.validation import Interval, Numbers, ParameterError, validate_params

__all__ = ["key_account_scores", "account_types", "buying_centre_coverage"]

ROLES_ALL = ("initiator", "user", "influencer", "decider", "buyer", "gatekeeper", "approver")
ROLES = ("user", "influencer", "decider", "buyer", "gatekeeper")   # Webster & Wind's five
_INFLUENCE = (1, 5)
_ATTITUDE = (-2, 2)
_ROLE_SEPARATORS = r"\s*[,;/、，；]\s*"


@validate_params(top_share=[None, Interval(float, 0, 1, closed="right")], n_top=[None, Interval(int, 1)],
                 breaks=[None, Interval(float, 0, 100)])
def key_account_scores(accounts: pd.DataFrame, criteria: dict, *, directions: dict | None = None,
                       top_share: float | None = None, n_top: int | None = None, breaks: float | None = None,
                       account_col: str = "account_id") -> Classification:
    """Weighted score 0–100 from min–max normalised criteria; rank; key-account flag.

    ``criteria`` maps column → weight (weights are rescaled to sum to 1); ``directions`` maps a
    column to ``"higher"`` (default) or ``"lower"`` (lower is better, e.g. cost to serve). A
    criterion with one value for all accounts scores 0.5 for everyone (with a warning).
    Key accounts — give at most one of: ``top_share`` (the best share of accounts, default 0.2),
    ``n_top`` (the best ``n_top`` accounts) or ``breaks`` (a score cut: score ≥ breaks); accounts
    tied with the last one selected are key accounts too (tie rule of docs/methods.md §2.4).
    Rank 1 = best; ties share the best rank. The table is indexed by ``account_id``, best first.
    Source: docs/methods.md §2.9 (design).

    >>> accounts = pd.DataFrame({"account_id": ["A", "B", "C", "D"], "revenue": [900, 500, 100, 300]})
    >>> scores = key_account_scores(accounts, {"revenue": 1}, breaks=50)
    >>> scores.table.index[scores.classes == "acc_key"].tolist(), scores.thresholds
    (['A', 'B'], {'key_score_min': 50.0})
    """
    chosen = {name: value for name, value in (("top_share", top_share), ("n_top", n_top), ("breaks", breaks))
              if value is not None}
    if len(chosen) > 1:
        name, *others = chosen
        raise ParameterError(name, t("acc_param_one_selection", others=", ".join(others)), chosen[name])
    directions = directions or {}
    weights = _weights(criteria)
    check_columns(accounts, [account_col, *weights])
    check_unique(accounts, account_col)
    bad_direction = {c: d for c, d in directions.items() if c not in weights or d not in ("higher", "lower")}
    if bad_direction:
        raise DataError("svc_err_bad_parameter", column="directions", got=bad_direction,
                        fix_key="svc_fix_parameter", expected='{criterion: "higher" | "lower"}')
    table = pd.DataFrame({"account_id": accounts[account_col].astype("string").to_numpy()})
    ranges = {}
    for col, weight in weights.items():
        values = parse_numbers(accounts, col)
        low, high = float(values.min()), float(values.max())
        ranges[col] = (low, high)
        if high == low:
            warn("acc_warn_constant_criterion", column=col)
            norm = pd.Series(0.5, index=values.index)
        else:
            norm = (values - low) / (high - low)
        if directions.get(col) == "lower":
            norm = 1 - norm
        table[col] = values.to_numpy()
        table[f"{col}_norm"] = norm.to_numpy()
    table["score"] = 100 * sum(w * table[f"{c}_norm"] for c, w in weights.items())
    table["rank"] = table["score"].rank(method="min", ascending=False).astype("int64")
    if not chosen:
        top_share = 0.2
    cutoff = _score_cut(table["score"], top_share, n_top, breaks)
    table["segment"] = np.where(table["score"] >= cutoff, "acc_key", "acc_regular")
    table = table.sort_values(["rank", "account_id"]).set_index("account_id")
    table.attrs = {k: v for k, v in accounts.attrs.items() if k == "currency"}     # for display
    params = {"weights": weights, "directions": {c: directions.get(c, "higher") for c in weights},
              "top_share": top_share, "n_top": n_top, "breaks": breaks, "ranges": ranges}
    return Classification(table, {"key_score_min": cutoff}, params, class_col="segment")


ACCOUNT_TYPES = ("acc_type_monopoly", "acc_type_selective", "acc_type_intensive")
#: How a supplier distributes through an account in its market, and the account type it defines.
DISTRIBUTION_TYPES = {"dist_exclusive": "acc_type_monopoly", "dist_selective": "acc_type_selective",
                      "dist_intensive": "acc_type_intensive"}


@validate_params(breaks=Numbers(2, 0, 1, closed="right", monotonic="increasing"))
def account_types(accounts: pd.DataFrame, *, breaks=(0.3, 0.6), share_col: str = "share_of_wallet",
                  distribution_col: str | None = None, account_col: str = "account_id") -> Classification:
    """大客户类型 垄断型 / 选择型 / 密集型: by distribution arrangement, with share of wallet as the indicator.

    The courseware defines the types by how the supplier distributes through the account in its
    market (docs/methods.md §2.9): exclusive dealing, the account is our only distributor there
    (``dist_exclusive`` → ``acc_type_monopoly``); a few selected key distributors, the account is
    one of them (``dist_selective`` → ``acc_type_selective``); wide channel coverage, the account
    is one outlet among many (``dist_intensive`` → ``acc_type_intensive``). Give the arrangement
    of each account in ``distribution_col``.

    Our share of the account's purchases in our category is the computed indicator, ``wallet_type``:
    share ≥ ``breaks[1]`` → monopoly (it buys mainly from us), ≥ ``breaks[0]`` → selective, else
    intensive; a share exactly on a cut goes to the higher type. ``agrees`` says whether the
    account behaves like its arrangement (an exclusive dealer that also buys from rivals does not).
    Without ``distribution_col`` (accounts that are end users, not distributors) the type is the
    indicator. Indexed by ``account_id``. Source: the definition is the courseware's; the indicator
    and its cuts are the kit's.

    >>> acc = pd.DataFrame({"account_id": ["A", "B", "C"], "share_of_wallet": [0.7, 0.3, 0.1]})
    >>> account_types(acc).classes.to_dict()
    {'A': 'acc_type_monopoly', 'B': 'acc_type_selective', 'C': 'acc_type_intensive'}
    >>> dealers = acc.assign(distribution=["dist_exclusive", "dist_exclusive", "dist_intensive"])
    >>> account_types(dealers, distribution_col="distribution").table[["account_type", "agrees"]].to_dict("index")["B"]
    {'account_type': 'acc_type_monopoly', 'agrees': False}
    """
    low, high = breaks
    check_columns(accounts, [account_col, share_col] + ([distribution_col] if distribution_col else []))
    check_unique(accounts, account_col)
    share = parse_numbers(accounts, share_col, 0, 1)
    level = np.searchsorted([low, high], share.to_numpy(), side="right")
    table = pd.DataFrame({"share_of_wallet": share.to_numpy(), "wallet_type": np.asarray(ACCOUNT_TYPES[::-1])[level]},
                         index=pd.Index(accounts[account_col].astype("string").to_numpy(), name="account_id"))
    if distribution_col:
        arrangement = accounts[distribution_col].astype("string").str.strip()
        check_known(arrangement, DISTRIBUTION_TYPES, distribution_col, "acc_fix_distribution")
        table.insert(0, "distribution", arrangement.to_numpy())
        table.insert(1, "account_type", arrangement.map(DISTRIBUTION_TYPES).to_numpy())
        table["agrees"] = table["account_type"] == table["wallet_type"]
    else:
        table.insert(1, "account_type", table["wallet_type"])
    params = {"share_col": share_col, "distribution_col": distribution_col,
              "basis": "distribution" if distribution_col else "share_of_wallet"}
    return Classification(table.sort_index(), {"selective_min": low, "monopoly_min": high}, params,
                          class_col="account_type")


@validate_params(within_days=Interval(int, 0))
def buying_centre_coverage(stakeholders: pd.DataFrame, as_of=None, *, roles=ROLES, within_days: int = 90,
                           account_col: str = "account_id", stakeholder_col: str = "person", role_col: str = "role",
                           influence_col: str = "influence", attitude_col: str = "attitude",
                           contact_col: str = "last_contact") -> Classification:
    """Per account: which buying-centre ``roles`` are covered, what is missing, support index, risks.

    ``stakeholders`` has one row per person (``stakeholder_col``) of an account. A role is covered
    when a person holding it (a cell may list several roles: ``"decider, buyer"``) was contacted
    within ``within_days`` days before ``as_of`` — contacts on that day count (default: the day
    after the last contact).
    Support index = Σ influence × attitude over the account's people (each person once); it lies
    within ±10 × people. ``missing_roles`` lists roles not covered, ``unstaffed_roles`` roles nobody
    holds. Risks: no decider contacted in time; a decider with negative attitude.
    Class: ``acc_at_risk`` (any risk), ``acc_fully_covered``, else ``acc_gaps``. Indexed by
    ``account_id``. Source: docs/methods.md §2.9.

    >>> people = pd.DataFrame({"account_id": ["A", "A", "B"], "person": ["Wang", "Li", "Chen"],
    ...                        "role": ["decider, buyer", "user", "decider"], "influence": [5, 2, 4],
    ...                        "attitude": [1, 2, -1], "last_contact": ["2024-06-01", "2023-01-05", "2024-06-20"]})
    >>> cov = buying_centre_coverage(people, as_of="2024-06-30")
    >>> a = cov.table.loc["A"]
    >>> int(a["roles_covered"]), a["missing_roles"], float(a["support_index"])
    (2, 'user, influencer, gatekeeper', 9.0)
    >>> cov.classes.to_dict()
    {'A': 'acc_gaps', 'B': 'acc_at_risk'}
    """
    roles = tuple(roles)
    check_known(pd.Series(roles), ROLES_ALL, "roles", "acc_fix_role")
    check_columns(stakeholders, [account_col, stakeholder_col, role_col, influence_col, attitude_col, contact_col])
    people = pd.DataFrame({
        "account_id": stakeholders[account_col].astype("string").to_numpy(),
        "person": stakeholders[stakeholder_col].astype("string").to_numpy(),
        "influence": parse_numbers(stakeholders, influence_col, *_INFLUENCE).to_numpy(),
        "attitude": parse_numbers(stakeholders, attitude_col, *_ATTITUDE).to_numpy(),
        "last_contact": parse_timestamps(stakeholders, contact_col).to_numpy(),
    })
    check_unique(stakeholders, [account_col, stakeholder_col])
    as_of = resolve_as_of(as_of, people["last_contact"])
    contact_day = people["last_contact"].dt.normalize()
    people["contacted"] = contact_day.between(as_of - pd.Timedelta(days=within_days), as_of)
    people["support"] = people["influence"] * people["attitude"]
    held = _roles_held(stakeholders[role_col], people)
    table = _coverage_table(people, held, roles)
    params = {"as_of": as_of, "roles": roles, "within_days": within_days}
    return Classification(table, {"within_days": within_days}, params, class_col="status")


def _coverage_table(people: pd.DataFrame, held: pd.DataFrame, roles: tuple) -> pd.DataFrame:
    by_account = people.groupby("account_id", sort=True)
    table = pd.DataFrame({"people": by_account.size(), "support_index": by_account["support"].sum()})
    covered = _holds(held[held["contacted"]], table.index, roles)
    staffed = _holds(held, table.index, roles)
    for role in roles:
        table[f"covers_{role}"] = covered[role]
    table["roles_covered"] = covered.sum(axis=1)
    table["coverage"] = table["roles_covered"] / len(roles)
    table["missing_roles"] = _listed(~covered)
    table["unstaffed_roles"] = _listed(~staffed)
    deciders = held[held["role"] == "decider"].groupby("account_id")
    table["risk_no_decider_contact"] = ~deciders["contacted"].any().reindex(table.index, fill_value=False)
    table["risk_negative_decider"] = (deciders["attitude"].min() < 0).reindex(table.index, fill_value=False)
    risk = table["risk_no_decider_contact"] | table["risk_negative_decider"]
    table["status"] = np.select([risk, table["coverage"] >= 1], ["acc_at_risk", "acc_fully_covered"], "acc_gaps")
    table.index.name = "account_id"
    return table


def _holds(held: pd.DataFrame, accounts: pd.Index, roles: tuple) -> pd.DataFrame:
    """Account × role table: whether someone in ``held`` holds the role."""
    return pd.crosstab(held["account_id"], held["role"]).reindex(index=accounts, columns=list(roles), fill_value=0) > 0


def _listed(flags: pd.DataFrame) -> pd.Series:
    """Per row, the names of the true columns joined by ', '."""
    return flags.apply(lambda row: ", ".join(c for c in flags.columns if row[c]), axis=1)


def _roles_held(raw: pd.Series, people: pd.DataFrame) -> pd.DataFrame:
    """One row per person and role held (roles split at commas, semicolons, slashes, 、)."""
    parts = raw.astype("string").str.strip().str.lower().str.split(_ROLE_SEPARATORS, regex=True)
    held = people.assign(role=parts.to_numpy()).explode("role")
    unknown = ~held["role"].isin(ROLES_ALL)
    if unknown.any():
        rows = sorted(set(np.flatnonzero(unknown.groupby(level=0).any().to_numpy()) + 1))
        raise DataError("svc_err_unknown_value", column=str(raw.name), rows=rows, fix_key="acc_fix_role",
                        allowed=", ".join(ROLES_ALL))
    return held.reset_index(drop=True)


def _weights(criteria: dict) -> dict:
    if not isinstance(criteria, dict) or not criteria:
        raise DataError("svc_err_bad_parameter", column="criteria", got=criteria, fix_key="svc_fix_parameter",
                        expected="{column: weight > 0, ...}")
    bad = {c: w for c, w in criteria.items() if not isinstance(w, (int, float)) or not w > 0 or math.isinf(w)}
    if bad:
        raise DataError("svc_err_bad_parameter", column="criteria", got=bad, fix_key="svc_fix_parameter",
                        expected="{column: weight > 0, ...}")
    total = sum(criteria.values())
    return {c: w / total for c, w in criteria.items()}


def _score_cut(scores: pd.Series, top_share, n_top, breaks) -> float:
    """The lowest key-account score: ``breaks``, or the score of the last of the top accounts.

    >>> _score_cut(pd.Series([90.0, 50.0, 40.0, 10.0]), 0.5, None, None)
    50.0
    """
    if breaks is not None:
        return float(breaks)
    count = n_top if n_top is not None else math.ceil(top_share * len(scores) - 1e-9)
    ordered = scores.sort_values(ascending=False).to_numpy()
    return float(ordered[max(min(count, len(ordered)), 1) - 1])
