"""The demo company's service desk, key accounts and experience audit (story: :mod:`helpers.demo`).

* **Complaints** come from real demo orders (a few days after delivery), with a Pareto mix of
  categories. Most get a first response within hours; about one in ten waits more than 24 h.
  About half are solved at first contact; the rest take a day or two. Some recent complaints are
  still unanswered or unresolved on 2025-12-31 (NaT): the backlog.
* **Contacts** (回访 / care log): follow-ups after resolved complaints, revisits 7 or 30 days after
  orders of gold and platinum members, quarterly care calls, birthday greetings and holiday care
  (春节, 中秋).
* **Key accounts**: ~40 corporate-gifting clients; their **stakeholders** fill buying-centre roles
  (Webster & Wind 1972), but some accounts have no decider contact, or only a stale one.
* **Touchpoints**: an audit of eight journey steps on Schmitt's five modules (0–5) with a target
  profile; delivery and after-sales fall short.

    >>> from helpers.demo.service import chinese_names
    >>> import numpy as np
    >>> len(chinese_names(np.random.default_rng(1), 3))
    3
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = []   # the generators' parts are machinery; see helpers.demo

COMPLAINT_CATEGORIES = {"delivery": 0.34, "quality": 0.24, "returns": 0.14, "billing": 0.10,
                        "staff": 0.08, "stock": 0.06, "app": 0.04}
COMPLAINT_CHANNELS = {"hotline": 0.35, "online": 0.30, "store": 0.20, "social": 0.15}
N_COMPLAINTS, LATE_RESPONSE_SHARE, FIRST_CONTACT_SHARE = 300, 0.10, 0.55
MID_AUTUMN = ("2023-09-29", "2024-09-17", "2025-10-06")
SPRING_FESTIVAL_EVE = ("2023-01-21", "2024-02-09", "2025-01-28")

INDUSTRIES = ("manufacturing", "finance", "it", "healthcare", "education", "logistics", "hospitality")
ACCOUNT_WORDS = ("华东", "东方", "新华", "长城", "远航", "恒信", "明德", "天成", "鼎盛", "安泰")
INDUSTRY_WORDS = {"manufacturing": "精密机械", "finance": "银行", "it": "软件科技", "healthcare": "医疗",
                  "education": "教育", "logistics": "物流", "hospitality": "酒店"}
N_ACCOUNTS = 40
# role -> (chance an account has a contact in that role, possible titles, typical influence)
ROLES = {
    "initiator": (0.75, ("hr_manager", "admin_manager"), 3),
    "user": (1.00, ("employee_rep", "admin_staff"), 1),
    "influencer": (0.80, ("union_chair", "marketing_manager"), 3),
    "decider": (0.80, ("general_manager", "hr_director"), 5),
    "buyer": (1.00, ("procurement_manager",), 3),
    "gatekeeper": (0.70, ("assistant",), 2),
    "approver": (0.60, ("finance_director", "ceo"), 4),
}
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何林高罗"
GIVEN = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚华玲婷晨宇浩凯雪琳欣然佳斌峰蕾"

SEMS = ("sense", "feel", "think", "act", "relate")
# touchpoint in journey order -> audit scores (0–5) for sense, feel, think, act, relate
TOUCHPOINTS = {
    "ad": (4.2, 3.4, 2.6, 2.0, 2.8),
    "social_media": (3.8, 3.6, 2.9, 2.7, 3.9),
    "app": (3.5, 2.9, 3.6, 3.8, 2.6),
    "store_visit": (4.4, 4.0, 3.1, 3.3, 3.0),
    "checkout": (3.0, 2.7, 2.4, 3.6, 1.9),
    "delivery": (2.6, 2.2, 1.8, 2.4, 1.6),
    "after_sales": (2.4, 2.0, 2.3, 2.1, 1.8),
    "membership": (3.1, 3.3, 3.0, 3.2, 3.7),
}
EXPERIENCE_TARGET = (4.0, 4.0, 3.5, 3.5, 3.5)


def complaints_table(rng, customers, orders, stores, end) -> pd.DataFrame:
    """About 300 complaints about demo orders (timestamps to the minute; open ones have NaT)."""
    source = orders.iloc[np.sort(rng.choice(len(orders), N_COMPLAINTS, replace=False))]
    last = end + pd.Timedelta(hours=23, minutes=59)
    received = (source["order_date"].to_numpy() + pd.to_timedelta(rng.integers(1, 15, N_COMPLAINTS), unit="D")
                + pd.to_timedelta(rng.integers(8 * 60, 22 * 60, N_COMPLAINTS), unit="min"))
    keep = received <= last
    source, received = source[keep], pd.DatetimeIndex(received[keep])
    n = len(source)
    category = rng.choice(list(COMPLAINT_CATEGORIES), n, p=list(COMPLAINT_CATEGORIES.values()))
    channel = rng.choice(list(COMPLAINT_CHANNELS), n, p=list(COMPLAINT_CHANNELS.values()))
    channel[(category == "staff") & (rng.random(n) < 0.7)] = "store"
    frt_hours = np.where(rng.random(n) < LATE_RESPONSE_SHARE, rng.uniform(24, 120, n),
                         np.minimum(rng.lognormal(np.log(3), 1.1, n), 23.9))
    first_response = _minutes(received + pd.to_timedelta(frt_hours, unit="h"))
    fcr = rng.random(n) < FIRST_CONTACT_SHARE
    fix_hours = np.where(fcr, rng.uniform(0.1, 1.0, n), rng.lognormal(np.log(30), 0.9, n))
    resolved = _minutes(first_response + pd.to_timedelta(fix_hours, unit="h"))
    # a backlog at the end of the data: some recent complaints are not yet answered or resolved
    days_before_end = (last - received).days.to_numpy()
    unanswered = (days_before_end < 14) & (rng.random(n) < 0.3)
    stuck = (days_before_end < 60) & (rng.random(n) < 0.35)
    first_response = first_response.where((first_response <= last) & ~unanswered)
    resolved = resolved.where((resolved <= last) & ~stuck & first_response.notna())
    is_resolved = resolved.notna().to_numpy()
    reopened = is_resolved & (rng.random(n) < 0.07)
    late = frt_hours > 24
    escalated = rng.random(n) < np.where(np.isin(category, ["staff", "billing"]) | late, 0.2, 0.05)
    table = pd.DataFrame({
        "customer_id": source["customer_id"].to_numpy(), "order_id": source["order_id"].to_numpy(),
        "received_at": received, "first_response_at": first_response, "resolved_at": resolved,
        "category": category, "channel": channel,
        "store_id": _complaint_store(rng, source, channel, customers, stores),
        "first_contact_resolution": fcr & is_resolved & ~reopened,
        "reopened": reopened, "escalated": escalated,
    }).sort_values(["received_at", "customer_id"], kind="stable")
    table.insert(0, "complaint_id", [f"K{i:04d}" for i in range(1, n + 1)])
    return table


def _complaint_store(rng, source, channel, customers, stores) -> np.ndarray:
    """The store of the order; complaints made in a store about an online order name a home-city store."""
    city = customers.set_index("customer_id")["city"].reindex(source["customer_id"]).to_numpy()
    store_of_city = stores.groupby("city")["store_id"].agg(list)
    store = source["store_id"].to_numpy(dtype=object, na_value=None)
    walk_in = (channel == "store") & pd.isna(store)
    store[walk_in] = [rng.choice(store_of_city[c]) for c in city[walk_in]]
    return pd.array(store, dtype="str")


def _minutes(times) -> pd.Series:
    return pd.Series(pd.DatetimeIndex(times).floor("min"))


def contacts_table(rng, customers, orders, complaints, end) -> pd.DataFrame:
    """Care and revisit contact log: complaint follow-ups, order revisits, birthday and holiday care."""
    valued = customers[customers["member_level"].isin(["gold", "platinum"])]
    parts = [_complaint_followups(rng, complaints), _order_revisits(rng, orders, valued),
             _member_care(rng, valued), _birthday_greetings(rng, valued), _holiday_care(rng, customers)]
    log = pd.concat(parts, ignore_index=True)
    log = log[log["contacted_at"] <= end + pd.Timedelta(hours=23, minutes=59)]
    signup = customers.set_index("customer_id")["signup_date"]
    log = log[log["contacted_at"] >= signup.reindex(log["customer_id"]).to_numpy()]
    n = len(log)
    log = log.assign(outcome=rng.choice(["reached", "no_answer", "declined", "order_placed"], n,
                                        p=[0.62, 0.22, 0.06, 0.10]))
    log = log.sort_values(["contacted_at", "customer_id", "purpose"], kind="stable")
    log.insert(0, "contact_id", [f"T{i:05d}" for i in range(1, n + 1)])
    return log[["contact_id", "customer_id", "contacted_at", "channel", "purpose", "outcome"]]


def _contacts(rng, customer_ids, times, channels: dict, purpose: str) -> pd.DataFrame:
    n = len(customer_ids)
    at = pd.DatetimeIndex(times) + pd.to_timedelta(rng.integers(9 * 60, 20 * 60, n), unit="min")
    return pd.DataFrame({"customer_id": np.asarray(customer_ids), "contacted_at": _minutes(at).to_numpy(),
                         "channel": rng.choice(list(channels), n, p=list(channels.values())),
                         "purpose": purpose})


def _complaint_followups(rng, complaints):
    done = complaints[complaints["resolved_at"].notna() & (rng.random(len(complaints)) < 0.8)]
    days = done["resolved_at"].dt.normalize() + pd.to_timedelta(rng.integers(0, 3, len(done)), unit="D")
    return _contacts(rng, done["customer_id"], days, {"phone": 0.7, "wechat": 0.3}, "complaint_followup")


def _order_revisits(rng, orders, valued):
    theirs = orders[orders["customer_id"].isin(valued["customer_id"])]
    picked = theirs[rng.random(len(theirs)) < 0.12]
    lag = np.where(rng.random(len(picked)) < 0.6, 7, 30)
    days = picked["order_date"] + pd.to_timedelta(lag, unit="D")
    return _contacts(rng, picked["customer_id"], days,
                     {"phone": 0.45, "wechat": 0.35, "sms": 0.1, "visit": 0.1}, "revisit")


def _member_care(rng, valued):
    quarters = pd.date_range("2023-01-15", periods=12, freq="3MS") + pd.Timedelta(days=14)
    ids = np.repeat(valued["customer_id"].to_numpy(), len(quarters))
    days = np.tile(quarters, len(valued))
    called = rng.random(len(ids)) < 0.3
    return _contacts(rng, ids[called], days[called], {"phone": 0.5, "visit": 0.3, "email": 0.2}, "care")


def _birthday_greetings(rng, valued):
    rows = [(c, b.replace(year=y)) for c, b in zip(valued["customer_id"], valued["birthday"])
            for y in (2023, 2024, 2025) if not (b.month == 2 and b.day == 29)]
    ids, days = zip(*rows) if rows else ((), ())
    return _contacts(rng, list(ids), list(days), {"wechat": 0.5, "sms": 0.4, "email": 0.1}, "birthday")


def _holiday_care(rng, customers):
    top = customers.loc[customers["member_level"] == "platinum", "customer_id"].to_numpy()
    days = pd.to_datetime(SPRING_FESTIVAL_EVE + MID_AUTUMN) - pd.Timedelta(days=3)
    ids = np.repeat(top, len(days))
    return _contacts(rng, ids, np.tile(days, len(top)),
                     {"wechat": 0.6, "sms": 0.2, "visit": 0.1, "email": 0.1}, "holiday")


def chinese_names(rng, n: int) -> list[str]:
    """``n`` distinct two- or three-character person names from common characters."""
    names: list[str] = []
    while len(names) < n:
        given = "".join(rng.choice(list(GIVEN), size=int(rng.integers(1, 3))))
        name = rng.choice(list(SURNAMES)) + given
        if name not in names:
            names.append(name)
    return names


def key_accounts_table(rng) -> pd.DataFrame:
    """~40 corporate clients with the criteria a key-account scoring weighs."""
    industry = rng.choice(INDUSTRIES, N_ACCOUNTS)
    prefixes = rng.permutation(np.repeat(ACCOUNT_WORDS, -(-N_ACCOUNTS // len(ACCOUNT_WORDS))))[:N_ACCOUNTS]
    names = [f"{p}{INDUSTRY_WORDS[i]}有限公司" for p, i in zip(prefixes, industry)]
    names = [f"{name[:-4]}（{k}）有限公司" if names[:k].count(name) else name
             for k, name in enumerate(names)]
    return pd.DataFrame({
        "account_id": [f"KA{i:02d}" for i in range(1, N_ACCOUNTS + 1)],
        "name": names, "industry": industry,
        "annual_revenue": (rng.lognormal(np.log(1.2e6), 0.8, N_ACCOUNTS) / 1000).round() * 1000,
        "revenue_growth": rng.normal(0.08, 0.15, N_ACCOUNTS).clip(-0.3, 0.6).round(3),
        "gross_margin": rng.uniform(0.15, 0.40, N_ACCOUNTS).round(3),
        "share_of_wallet": rng.beta(2, 3, N_ACCOUNTS).round(2),
        "strategic_fit": rng.integers(1, 6, N_ACCOUNTS),
        "years_as_customer": rng.integers(1, 13, N_ACCOUNTS),
        "referral_value": rng.integers(1, 6, N_ACCOUNTS),
    })


def stakeholders_table(rng, accounts, end) -> pd.DataFrame:
    """Buying-centre contacts per account: role, influence 1–5, attitude −2..+2, last contact,
    and four assertiveness and four responsiveness ratings (1–5) for communication styles."""
    rows = []
    for account in accounts["account_id"]:
        for role, (chance, titles, influence) in ROLES.items():
            if rng.random() < chance:
                rows.append((account, role, rng.choice(titles), influence))
    n = len(rows)
    account, role, title, influence = (list(col) for col in zip(*rows))
    stale = rng.random(n) < 0.15
    age_days = np.where(stale, rng.integers(181, 540, n), rng.integers(1, 76, n))
    table = pd.DataFrame({
        "account_id": account, "person": chinese_names(rng, n), "title": title, "role": role,
        "influence": np.clip(np.array(influence) + rng.integers(-1, 2, n), 1, 5),
        "attitude": np.clip(np.round(rng.normal(0.4, 1.1, n)), -2, 2).astype(int),
        "last_contact": end - pd.to_timedelta(age_days, unit="D"),
    })
    return pd.concat([table, _style_items(rng, n)], axis=1)


def _style_items(rng, n) -> pd.DataFrame:
    """Social-style ratings (Merrill & Reid 1981): items share one level per person and axis."""
    items = {}
    for axis in ("assert", "respons"):
        level = rng.uniform(1.8, 4.2, n)
        for k in range(1, 5):
            items[f"{axis}_{k}"] = np.clip(np.round(level + rng.normal(0, 0.6, n)), 1, 5).astype(int)
    return pd.DataFrame(items)


def touchpoint_tables(rng) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Experience audit (touchpoint × five modules, 0–5, with mean satisfaction 1–5) and its target."""
    design = np.array(list(TOUCHPOINTS.values()))
    scores = np.clip(design + rng.normal(0, 0.15, design.shape), 0, 5).round(1)
    n_ratings = rng.integers(80, 400, len(TOUCHPOINTS))
    satisfaction = np.clip(1.6 + 0.75 * scores.mean(axis=1) + rng.normal(0, 0.08, len(TOUCHPOINTS)), 1, 5)
    journey = pd.DataFrame({"step": np.arange(1, len(TOUCHPOINTS) + 1), "touchpoint": list(TOUCHPOINTS)})
    audit = pd.concat([journey, pd.DataFrame(scores, columns=SEMS)], axis=1).assign(
        satisfaction=satisfaction.round(2), n_ratings=n_ratings)
    target = pd.concat([journey, pd.DataFrame([EXPERIENCE_TARGET] * len(TOUCHPOINTS), columns=SEMS)], axis=1)
    return audit, target
