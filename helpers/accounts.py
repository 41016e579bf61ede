"""Key accounts (大客户): weighted criteria scoring, and buying-centre coverage (docs/methods.md §2.9).

    >>> import pandas as pd
    >>> from helpers.accounts import key_account_scores
    >>> accounts = pd.DataFrame({"account_id": ["A", "B", "C"], "revenue": [100, 50, 0],
    ...                          "cost_to_serve": [10, 30, 20]})
    >>> res = key_account_scores(accounts, {"revenue": 2, "cost_to_serve": 1},
    ...                          directions={"cost_to_serve": "lower"}, top=1)
    >>> res.table[["account_id", "score", "segment"]].round(1).values.tolist()
    [['A', 100.0, 'acc_key'], ['B', 33.3, 'acc_regular'], ['C', 16.7, 'acc_regular']]

Buying-centre roles: Webster & Wind (1972) user, influencer, buyer, decider, gatekeeper; Bonoma
(1982) adds initiator; approver as in the course. Stakeholders carry influence 1–5 and attitude
−2…+2; the support index is Σ influence × attitude over the people of an account.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.complaints import (check_columns, check_known, check_unique, parse_numbers, parse_timestamps,
                                resolve_as_of)
from helpers.errors import DataError, warn
from helpers.result import Classification

ROLES_ALL = ("initiator", "user", "influencer", "decider", "buyer", "gatekeeper", "approver")
ROLES = ("user", "influencer", "decider", "buyer", "gatekeeper")   # Webster & Wind's five
INFLUENCE = (1, 5)
ATTITUDE = (-2, 2)
ROLE_SEPARATORS = r"\s*[,;/、，；]\s*"


def key_account_scores(accounts: pd.DataFrame, criteria: dict, *, directions: dict | None = None,
                       top: float | None = None, threshold: float | None = None,
                       id_col: str = "account_id") -> Classification:
    """Weighted score 0–100 from min–max normalised criteria; rank; key-account flag.

    ``criteria`` maps column → weight (weights are rescaled to sum to 1); ``directions`` maps a
    column to ``"higher"`` (default) or ``"lower"`` (lower is better, e.g. cost to serve). A
    criterion with one value for all accounts scores 0.5 for everyone (with a warning).
    Key accounts: ``threshold`` (score ≥ threshold) or ``top`` (a count, or a share < 1; default
    0.2); accounts tied with the last one selected are key accounts too (tie rule of docs/methods.md §2.4).
    Rank 1 = best; ties share the best rank. Source: docs/methods.md §2.9 (design).

    >>> key_account_scores(accounts, {"revenue": 0.5, "growth": 0.3, "strategic_fit": 0.2}, top=10)   # doctest: +SKIP
    """
    directions = directions or {}
    weights = _weights(criteria)
    check_columns(accounts, [id_col, *weights])
    check_unique(accounts, id_col)
    bad_direction = {c: d for c, d in directions.items() if c not in weights or d not in ("higher", "lower")}
    if bad_direction:
        raise DataError("svc_err_bad_parameter", column="directions", got=bad_direction,
                        fix_key="svc_fix_parameter", expected='{criterion: "higher" | "lower"}')
    table = pd.DataFrame({"account_id": accounts[id_col].astype("string").to_numpy()})
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
    cutoff = _cutoff(table["score"], top, threshold)
    table["segment"] = np.where(table["score"] >= cutoff, "acc_key", "acc_regular")
    table = table.sort_values(["rank", "account_id"], ignore_index=True)
    params = {"weights": weights, "directions": {c: directions.get(c, "higher") for c in weights},
              "top": top if threshold is None else None, "threshold": threshold, "ranges": ranges}
    return Classification(table, {"key_score_min": cutoff}, params, class_col="segment")


ACCOUNT_TYPES = ("acc_type_monopoly", "acc_type_selective", "acc_type_intensive")


def account_types(accounts: pd.DataFrame, cuts=(0.3, 0.6), *, share_col: str = "share_of_wallet",
                  id_col: str = "account_id") -> Classification:
    """大客户类型 垄断型 / 选择型 / 密集型 read from our share of the client's wallet (a proxy).

    The course names the three types without a public definition (docs/methods.md §2.9);
    this reading uses our supplier position: share ≥ ``cuts[1]`` → ``acc_type_monopoly`` (we are
    the client's main supplier), ≥ ``cuts[0]`` → ``acc_type_selective`` (the client splits its
    budget among a few suppliers), else ``acc_type_intensive`` (one of many suppliers in a crowded
    field). A share exactly on a cut goes to the higher type. Source: design proxy.

    >>> acc = pd.DataFrame({"account_id": ["A", "B", "C"], "share_of_wallet": [0.7, 0.3, 0.1]})
    >>> account_types(acc).classes.tolist()
    ['acc_type_monopoly', 'acc_type_selective', 'acc_type_intensive']
    """
    low, high = cuts
    if not 0 < low < high <= 1:
        raise DataError("svc_err_bad_parameter", column="cuts", got=cuts, fix_key="svc_fix_parameter",
                        expected="(low, high) with 0 < low < high ≤ 1")
    check_columns(accounts, [id_col, share_col])
    check_unique(accounts, id_col)
    share = parse_numbers(accounts, share_col, 0, 1)
    level = np.searchsorted([low, high], share.to_numpy(), side="right")
    table = pd.DataFrame({"account_id": accounts[id_col].astype("string").to_numpy(),
                          "share_of_wallet": share.to_numpy(),
                          "account_type": np.asarray(ACCOUNT_TYPES[::-1])[level]})
    return Classification(table.sort_values("account_id", ignore_index=True),
                          {"selective_min": low, "monopoly_min": high}, {"share_col": share_col},
                          class_col="account_type")


def buying_centre_coverage(stakeholders: pd.DataFrame, as_of=None, roles=ROLES, within_days: int = 90, *,
                           account_col: str = "account_id", person_col: str = "person", role_col: str = "role",
                           influence_col: str = "influence", attitude_col: str = "attitude",
                           contact_col: str = "last_contact") -> Classification:
    """Per account: which buying-centre ``roles`` are covered, what is missing, support index, risks.

    A role is covered when a person holding it (a cell may list several roles: ``"decider, buyer"``)
    was contacted within ``within_days`` before ``as_of`` (default: the day after the last contact).
    Support index = Σ influence × attitude over the account's people (each person once); it lies
    within ±10 × people. ``missing_roles`` lists roles not covered, ``unstaffed_roles`` roles nobody
    holds. Risks: no decider contacted in time; a decider with negative attitude.
    Class: ``acc_at_risk`` (any risk), ``acc_fully_covered``, else ``acc_gaps``. Source: docs/methods.md §2.9.

    >>> cov = buying_centre_coverage(stakeholders, as_of="2024-06-30")   # doctest: +SKIP
    >>> cov.table[["account_id", "coverage", "missing_roles", "support_index"]]   # doctest: +SKIP
    """
    roles = tuple(roles)
    check_known(pd.Series(roles), ROLES_ALL, "roles", "acc_fix_role")
    check_columns(stakeholders, [account_col, person_col, role_col, influence_col, attitude_col, contact_col])
    people = pd.DataFrame({
        "account_id": stakeholders[account_col].astype("string").to_numpy(),
        "person": stakeholders[person_col].astype("string").to_numpy(),
        "influence": parse_numbers(stakeholders, influence_col, *INFLUENCE).to_numpy(),
        "attitude": parse_numbers(stakeholders, attitude_col, *ATTITUDE).to_numpy(),
        "last_contact": parse_timestamps(stakeholders, contact_col).to_numpy(),
    })
    check_unique(stakeholders, [account_col, person_col])
    as_of = resolve_as_of(as_of, people["last_contact"])
    people["contacted"] = people["last_contact"].between(as_of - pd.Timedelta(days=within_days), as_of)
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
    return table.reset_index()


def _holds(held: pd.DataFrame, accounts: pd.Index, roles: tuple) -> pd.DataFrame:
    """Account × role table: whether someone in ``held`` holds the role."""
    return pd.crosstab(held["account_id"], held["role"]).reindex(index=accounts, columns=list(roles), fill_value=0) > 0


def _listed(flags: pd.DataFrame) -> pd.Series:
    """Per row, the names of the true columns joined by ', '."""
    return flags.apply(lambda row: ", ".join(c for c in flags.columns if row[c]), axis=1)


def _roles_held(raw: pd.Series, people: pd.DataFrame) -> pd.DataFrame:
    """One row per person and role held (roles split at commas, semicolons, slashes, 、)."""
    parts = raw.astype("string").str.strip().str.lower().str.split(ROLE_SEPARATORS, regex=True)
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


def _cutoff(scores: pd.Series, top, threshold) -> float:
    """The lowest key-account score: ``threshold``, or the score of the last of the ``top`` accounts."""
    if threshold is not None and top is not None:
        raise DataError("svc_err_bad_parameter", column="top/threshold", got=(top, threshold),
                        fix_key="svc_fix_parameter", expected="top or threshold, not both")
    if threshold is not None:
        return float(threshold)
    top = 0.2 if top is None else top
    if not top > 0:
        raise DataError("svc_err_bad_parameter", column="top", got=top, fix_key="svc_fix_parameter",
                        expected="a count ≥ 1 or a share between 0 and 1")
    count = math.ceil(top * len(scores)) if top < 1 else int(top)
    ordered = scores.sort_values(ascending=False).to_numpy()
    return float(ordered[min(count, len(ordered)) - 1])
