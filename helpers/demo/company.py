"""The demo company 悦家生活 (Yuejia Living): a seeded, synthetic Chinese retail chain.

The story
---------
悦家生活 sells home goods, beauty and snacks through 18 stores in 12 cities and three online
channels (Tmall, JD, a WeChat mini-program) from 2023-01-01 to 2025-12-31. Its CRM system holds
members who bought and leads who never did (``prospect``; ``target`` when marketing selected
them). The service desk logs complaints and care/revisit contacts; a survey of ~400 buyers
measures satisfaction (CSAT, NPS, CES, ACSI, SERVQUAL, Kano, importance–performance, loyalty);
a brand panel records which brand buyers chose in one category; the corporate-gifting team
manages ~40 key accounts and their buying-centre contacts; an experience audit scores eight
touchpoints on Schmitt's five modules. Everything is synthetic: no real person or company.

The mechanisms (what a trainer can point at)
--------------------------------------------
* **Acquisition over time** — sign-ups grow through the three years and jump around shopping
  festivals; customer ids follow sign-up order.
* **Buyer types** — one-off (a single order), occasional and regular buyers who stop after an
  exponential lifetime (churn), and loyal buyers who stay to the end. Orders arrive as a Poisson
  process whose rate is multiplied by a **season curve**: Spring-Festival shopping (three weeks
  before 春节, a lull during the holiday), 618 (1–18 June), Double 11 (1–11 November, the year's
  peak) and Double 12.
* **Win-backs** — a share of lapsed buyers return after a gap of 200–450 days (挽回/回流).
* **Heavy-tailed spend** — order values are gamma-distributed around a log-normal customer mean,
  so the top 20 % of buyers bring about 60–80 % of revenue.
* **Member level** follows cumulative spend (silver ≥ 1,000, gold ≥ 3,000, platinum ≥ 8,000 yuan).
* **Survey** answers come from one latent satisfaction per respondent (partly driven by how often
  the respondent buys), so multi-item blocks correlate and loyalty follows satisfaction.
* **Service** complaints follow a Pareto mix of categories; most get a first response within
  24 h, a tail does not; recent ones can still be open at the end of the data.

``generate_demo(seed)`` rebuilds the tables; :func:`helpers.data.load_demo` reads the committed
files (``datasets/demo/<table>.csv``) and :func:`helpers.data.demo_label` gives display labels.

    >>> from helpers.demo import generate_demo
    >>> generate_demo()["orders"].columns[:3].tolist()
    ['order_id', 'customer_id', 'order_date']
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from helpers.data.datasets import DEMO_DIR, TABLES, typed_demo_table
from helpers.demo.service import (complaints_table, contacts_table, key_accounts_table,
                                  stakeholders_table, touchpoint_tables)
from helpers.demo.survey import brand_choices_table, survey_table

__all__ = ["generate_demo", "write_demo", "START", "END"]   # the generators' parts are machinery; see helpers.demo

START, END = pd.Timestamp("2023-01-01"), pd.Timestamp("2025-12-31")
# city id -> (city tier, number of stores); customers live where the stores are.
CITIES = {
    "shanghai": ("tier_1", 3), "beijing": ("tier_1", 2), "guangzhou": ("tier_1", 2),
    "shenzhen": ("tier_1", 2), "hangzhou": ("new_tier_1", 2), "chengdu": ("new_tier_1", 1),
    "wuhan": ("new_tier_1", 1), "nanjing": ("new_tier_1", 1), "suzhou": ("new_tier_1", 1),
    "xian": ("new_tier_1", 1), "changsha": ("new_tier_1", 1), "hefei": ("tier_2", 1),
}
CHANNELS = {"store": 0.45, "tmall": 0.25, "jd": 0.12, "wechat": 0.18}
MEMBER_LEVELS = ((8000, "platinum"), (3000, "gold"), (1000, "silver"), (0, "regular"))
# buyer type -> (share, orders per year, mean active days, spend factor)
BUYER_TYPES = {
    "one_off": (0.30, 0.0, 0.0, 0.9),
    "occasional": (0.35, 3.0, 240.0, 1.0),
    "regular": (0.22, 6.0, 600.0, 1.1),
    "loyal": (0.13, 12.0, np.inf, 1.3),
}
N_CUSTOMERS, NON_BUYER_SHARE, WIN_BACK_SHARE = 3000, 0.14, 0.30
SPRING_FESTIVALS = ("2023-01-22", "2024-02-10", "2025-01-29")


def generate_demo(seed: int = 2024) -> dict[str, pd.DataFrame]:
    """All demo tables, built from one ``numpy.random.default_rng(seed)`` (same seed → same data).

    >>> tables = generate_demo()
    >>> sorted(tables) == sorted(TABLES)
    True
    """
    rng = np.random.default_rng(seed)
    stores = stores_table()
    customers, orders = customers_and_orders(rng, stores)
    survey = survey_table(rng, customers, orders)
    brands = brand_choices_table(rng, customers)
    complaints = complaints_table(rng, customers, orders, stores, END)
    contacts = contacts_table(rng, customers, orders, complaints, END)
    accounts = key_accounts_table(rng)
    stakeholders = stakeholders_table(rng, accounts, END)
    touchpoints, target = touchpoint_tables(rng)
    tables = {"customers": customers, "orders": orders, "stores": stores, "survey": survey,
              "brand_choices": brands, "complaints": complaints, "contacts": contacts,
              "key_accounts": accounts, "stakeholders": stakeholders, "touchpoints": touchpoints,
              "experience_target": target}
    return {name: typed_demo_table(name, tables[name]) for name in TABLES}


def write_demo(directory: str | Path = DEMO_DIR, seed: int = 2024) -> list[Path]:
    """Write every table as ``<directory>/<table>.csv`` (UTF-8) and return the paths.

    >>> import tempfile
    >>> len(write_demo(tempfile.mkdtemp()))
    11
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in generate_demo(seed).items():
        path = directory / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def season_curve(days: pd.DatetimeIndex) -> np.ndarray:
    """Relative order intensity per day (1 = ordinary day): festivals lift, the holiday week dips."""
    curve = np.ones(len(days))
    month, day = days.month.to_numpy(), days.day.to_numpy()
    curve[(month == 11) & (day <= 11)] = 3.5                # Double 11 pre-sales and the day itself
    curve[(month == 11) & (day > 11)] = 1.3
    curve[(month == 6) & (day <= 18)] = 2.0                 # 618
    curve[(month == 12) & (day == 12)] = 2.0                # Double 12
    for festival in pd.to_datetime(SPRING_FESTIVALS):
        offset = (days - festival).days.to_numpy()
        curve[(offset >= -21) & (offset < -2)] = 1.8        # new-year shopping
        curve[(offset >= 0) & (offset < 7)] = 0.5           # the holiday itself
    return curve


def stores_table() -> pd.DataFrame:
    """Stores ``S01…`` per city (ids in city order), opened before the data starts."""
    rows = [(city, tier) for city, (tier, n) in CITIES.items() for _ in range(n)]
    return pd.DataFrame({
        "store_id": [f"S{i:02d}" for i in range(1, len(rows) + 1)],
        "city": [city for city, _ in rows], "city_tier": [tier for _, tier in rows],
        "opened": pd.date_range("2016-03-01", periods=len(rows), freq="97D"),
    })


def customers_and_orders(rng: np.random.Generator, stores: pd.DataFrame):
    """The CRM customer table and the order lines of the buyers (see the module story)."""
    people = _people(rng, stores)
    days = pd.date_range(START, END, freq="D")
    season = season_curve(days)
    buyers = people[people["kind"] != "none"]
    spells = [_orders_of(rng, person, season) for person in buyers.itertuples()]
    orders = pd.DataFrame({
        "customer_id": np.repeat(buyers["customer_id"].to_numpy(), [len(d) for d, _ in spells]),
        "day": np.concatenate([d for d, _ in spells]),
        "amount": np.concatenate([a for _, a in spells]),
    })
    orders = _order_details(rng, orders, people, stores, days)
    customers = _crm_fields(rng, people, orders)
    return customers, orders


def _people(rng, stores):
    """Latent customer traits: sign-up day, buyer type, rates, spend level, home city/channel."""
    n = N_CUSTOMERS
    days = pd.date_range(START, END - pd.Timedelta(days=20), freq="D")
    weight = (1 + 0.6 * np.arange(len(days)) / len(days)) * season_curve(days)
    signup = np.sort(rng.choice(len(days), size=n, p=weight / weight.sum()))
    types = np.array(list(BUYER_TYPES))
    shares = np.array([v[0] for v in BUYER_TYPES.values()])
    kind = rng.choice(types, size=n, p=shares)
    kind[rng.random(n) < NON_BUYER_SHARE] = "none"
    rate, life, spend = (np.array([BUYER_TYPES.get(k, (0, 0, 0, 0))[j] for k in kind]) for j in (1, 2, 3))
    city_weight = stores["city"].value_counts().reindex(list(CITIES)).to_numpy(float)
    return pd.DataFrame({
        "customer_id": [f"C{i:05d}" for i in range(1, n + 1)],
        "signup_day": signup, "kind": kind,
        "rate": rate * rng.gamma(6.0, 1 / 6, n),
        "life": rng.exponential(1.0, n) * life,
        "spend": spend * rng.lognormal(np.log(160), 0.5, n),
        "city": rng.choice(list(CITIES), size=n, p=city_weight / city_weight.sum()),
        "channel": rng.choice(list(CHANNELS), size=n, p=list(CHANNELS.values())),
    })


def _spell(rng, first, last_possible, rate, life, season):
    """Order days of one active spell: a first order, then a seasonal Poisson process (thinning)."""
    end = min(first + life, last_possible)
    span = end - first
    n = rng.poisson(rate * season.max() * span / 365) if span > 0 else 0
    candidates = first + rng.random(n) * span
    keep = rng.random(n) < season[candidates.astype(int)] / season.max()
    return np.concatenate([[first], np.sort(candidates[keep]).astype(int)])


def _orders_of(rng, person, season):
    """Order days and amounts of one buyer."""
    last_day = len(season) - 1
    first = min(person.signup_day + int(rng.geometric(0.3)) - 1, last_day)
    days = _spell(rng, first, last_day, person.rate, person.life, season)
    lapsed_early = person.kind != "one_off" and days[-1] < last_day - 450
    if lapsed_early and rng.random() < WIN_BACK_SHARE:
        comeback = int(days[-1] + rng.integers(200, 451))
        back = _spell(rng, comeback, last_day, person.rate, rng.exponential(200.0), season)
        days = np.concatenate([days, back])
    amounts = rng.gamma(4.0, person.spend / 4.0, len(days))
    return days, np.maximum(amounts, 9.9).round(2)


def _order_details(rng, orders, people, stores, days):
    """Dates, channel (mostly the customer's own), store (store orders only), quantity, ids."""
    home = people.set_index("customer_id").loc[orders["customer_id"]]
    n = len(orders)
    channel = np.where(rng.random(n) < 0.8, home["channel"].to_numpy(),
                       rng.choice(list(CHANNELS), size=n, p=list(CHANNELS.values())))
    store_of_city = stores.groupby("city")["store_id"].agg(list)
    store = [rng.choice(store_of_city[c]) if ch == "store" else None
             for c, ch in zip(home["city"], channel)]
    orders = orders.assign(order_date=days[orders["day"].to_numpy()], channel=channel,
                           store_id=pd.array(store, dtype="str"),
                           quantity=1 + rng.poisson(orders["amount"].to_numpy() / 120))
    orders = orders.sort_values(["order_date", "customer_id", "amount"], kind="stable")
    orders.insert(0, "order_id", [f"O{i:06d}" for i in range(1, n + 1)])
    return orders[["order_id", "customer_id", "order_date", "amount", "quantity", "channel",
                   "store_id"]]


def _crm_fields(rng, people, orders):
    """The CRM view: demographics, sign-up, member level by spend, lead status and target flag."""
    n = len(people)
    signup = pd.date_range(START, END, freq="D")[people["signup_day"].to_numpy()]
    age = np.clip(rng.normal(36, 10, n).round(), 18, 70).astype(int)
    birth_year = END.year - age
    birthday = pd.to_datetime({"year": birth_year, "month": 1, "day": 1}) + pd.to_timedelta(
        rng.integers(0, 365, n), unit="D")
    spend = orders.groupby("customer_id")["amount"].sum().reindex(people["customer_id"]).fillna(0)
    level = np.select([spend.to_numpy() >= cut for cut, _ in MEMBER_LEVELS],
                      [name for _, name in MEMBER_LEVELS], default="regular")
    buyer = people["kind"].to_numpy() != "none"
    lead = np.where(buyer, "customer", np.where(rng.random(n) < 0.45, "target", "prospect"))
    is_target = (lead == "target") | (buyer & (rng.random(n) < 0.35))
    return pd.DataFrame({
        "customer_id": people["customer_id"],
        "gender": np.where(rng.random(n) < 0.62, "female", "male"),
        "age": age, "city": people["city"],
        "city_tier": people["city"].map(lambda c: CITIES[c][0]),
        "channel": people["channel"], "member_level": level,
        "birthday": birthday, "signup_date": signup,
        "lead_status": lead, "is_target": is_target,
    })
