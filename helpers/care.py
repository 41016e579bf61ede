"""Revisit (回访) plans by tier, event-driven revisits and the care calendar → one contact schedule.

Every function returns the same schedule table — ``customer_id, tier, due_date, channel, reason,
priority, reasons`` — one row per customer and day (several reasons on one day are merged into the
most urgent one; ``reasons`` lists them all), sorted by day, priority, customer and reason.
Cadences and channels are design defaults (docs/methods.md §5, revisit plans), overridable.

    >>> import pandas as pd
    >>> from helpers.care import revisit_plan
    >>> customers = pd.DataFrame({"customer_id": ["a", "b"], "tier": ["tier_silver", "tier_iron"]})
    >>> revisit_plan(customers, "2024-01-01", "2024-12-31")["reason"].value_counts().to_dict()
    {'revisit_routine': 6, 'revisit_automated': 2}

Customer tables may hold the ids in a column ``customer_col`` or as their index of that name.
"""
from __future__ import annotations

import calendar

import numpy as np
import pandas as pd

from helpers.complaints import id_as_column, check_columns, check_known, check_unique, parse_numbers, parse_timestamps
from helpers.errors import DataError
from helpers.i18n import has, label, t
from helpers.validation import Instance, Options, validate_params

__all__ = ["CARE_CHANNELS", "SCHEDULE_COLUMNS", "default_revisit_rules", "default_event_rules", "revisit_plan",
           "event_revisits", "care_calendar", "cn_holidays", "build_schedule", "call_list"]

SCHEDULE_COLUMNS = ["customer_id", "tier", "due_date", "channel", "reason", "priority", "reasons"]
RULE_COLUMNS = ["tier", "reason", "channel", "every_months", "priority"]
EVENT_RULE_COLUMNS = ["event", "delay_hours", "reason", "channel", "priority"]
CARE_CHANNELS = {"tier_diamond": "contact_gift", "tier_silver": "contact_phone",
                 "tier_copper": "contact_wechat", "tier_iron": "contact_sms"}
FIXED_HOLIDAYS = {"hol_new_year": (1, 1), "hol_womens_day": (3, 8), "hol_labour_day": (5, 1),
                  "hol_national_day": (10, 1)}
# Lunar festivals by their Chinese-calendar day (month, day): 正月初一, 正月十五, 五月初五, 八月十五.
LUNAR_HOLIDAYS = {"hol_spring_festival": (1, 1), "hol_lantern": (1, 15), "hol_dragon_boat": (5, 5),
                  "hol_mid_autumn": (8, 15)}


def default_revisit_rules() -> pd.DataFrame:
    """Cadence per tier: 金钻 monthly call + quarterly visit; 白银 2-monthly; 铜 quarterly; 铁 half-yearly.

    >>> default_revisit_rules().query("tier == 'tier_iron'")[["reason", "every_months"]].values.tolist()
    [['revisit_automated', 6]]
    """
    return pd.DataFrame([
        ("tier_diamond", "revisit_visit", "contact_visit", 3, 1),
        ("tier_diamond", "revisit_personal", "contact_phone", 1, 2),
        ("tier_silver", "revisit_routine", "contact_phone", 2, 3),
        ("tier_copper", "revisit_routine", "contact_wechat", 3, 4),
        ("tier_iron", "revisit_automated", "contact_sms", 6, 5),
    ], columns=RULE_COLUMNS)


def default_event_rules() -> pd.DataFrame:
    """Event revisits: 24 h after a complaint closes; 7 and 30 days after a purchase.

    >>> default_event_rules()[["event", "delay_hours"]].values.tolist()
    [['complaint_closed', 24], ['purchase', 168], ['purchase', 720]]
    """
    return pd.DataFrame([
        ("complaint_closed", 24, "revisit_after_complaint", "contact_phone", 1),
        ("purchase", 7 * 24, "revisit_purchase_7d", "contact_wechat", 3),
        ("purchase", 30 * 24, "revisit_purchase_30d", "contact_phone", 4),
    ], columns=EVENT_RULE_COLUMNS)


@validate_params(spread=Options(True, False))
def revisit_plan(customers: pd.DataFrame, start, end, rules: pd.DataFrame | None = None, *,
                 tier_col: str = "tier", customer_col: str = "customer_id", spread: bool = True) -> pd.DataFrame:
    """Routine revisits from ``start`` to ``end`` (inclusive) following each tier's cadence.

    ``rules`` (default :func:`default_revisit_rules`) has one row per tier and reason. With
    ``spread`` the customers of a rule are spread evenly over its first cycle (in customer-id
    order) so contacts do not all fall on one day; repeats keep the same day of the month.

    >>> import pandas as pd
    >>> customers = pd.DataFrame({"tier": ["tier_copper", "tier_copper"]},
    ...                          index=pd.Index(["a", "b"], name="customer_id"))
    >>> plan = revisit_plan(customers, "2024-01-01", "2024-06-30")
    >>> plan.groupby("customer_id")["due_date"].min().dt.strftime("%m-%d").to_dict()
    {'a': '01-01', 'b': '02-15'}
    """
    rules = default_revisit_rules() if rules is None else _checked_rules(rules, RULE_COLUMNS)
    customers = id_as_column(customers, customer_col)
    check_columns(customers, [customer_col, tier_col])
    check_unique(customers, customer_col)
    check_known(customers[tier_col], sorted(rules["tier"].unique()), tier_col, "svc_fix_unknown_tier")
    start, end = _window(start, end)
    people = pd.DataFrame({"customer_id": customers[customer_col].astype("string").to_numpy(),
                           "tier": customers[tier_col].astype("string").to_numpy()})
    parts = [_cadence(people[people["tier"] == rule.tier].sort_values("customer_id"), rule, start, end, spread)
             for rule in rules.itertuples(index=False)]
    return build_schedule(*parts)


def _cadence(people: pd.DataFrame, rule, start: pd.Timestamp, end: pd.Timestamp, spread: bool) -> pd.DataFrame:
    cycle_days = (start + pd.DateOffset(months=int(rule.every_months)) - start).days
    n = len(people)
    offsets = np.arange(n) * cycle_days // max(n, 1) if spread else np.zeros(n, dtype=int)
    first = start + pd.to_timedelta(offsets, unit="D")
    span = (end.year - start.year) * 12 + end.month - start.month + 1
    due = np.concatenate([(first + pd.DateOffset(months=k)).to_numpy()
                          for k in range(0, span + 1, int(rule.every_months))])
    who = np.tile(np.arange(n), len(due) // max(n, 1))
    out = people.iloc[who].assign(due_date=due)[due <= end.to_datetime64()]
    return out.assign(channel=rule.channel, reason=rule.reason, priority=int(rule.priority))


def event_revisits(complaints: pd.DataFrame | None = None, orders: pd.DataFrame | None = None,
                   customers: pd.DataFrame | None = None, start=None, end=None, rules: pd.DataFrame | None = None,
                   *, customer_col: str = "customer_id", tier_col: str = "tier", resolved_col: str = "resolved_at",
                   date_col: str = "order_date") -> pd.DataFrame:
    """Revisits triggered by events: a complaint closing (``resolved_col``) or a purchase (``date_col``).

    Due day = event time + the rule's ``delay_hours`` (``rules``, default
    :func:`default_event_rules`); only days within ``start``–``end`` when given. The tier comes
    from ``customers`` (``customer_col``, ``tier_col``) when given, else it stays empty.

    >>> import pandas as pd
    >>> complaints = pd.DataFrame({"customer_id": ["a"], "resolved_at": ["2024-05-02 09:00"]})
    >>> orders = pd.DataFrame({"customer_id": ["b"], "order_date": ["2024-05-01"]})
    >>> plan = event_revisits(complaints, orders)
    >>> plan[["customer_id", "reason"]].values.tolist()
    [['a', 'revisit_after_complaint'], ['b', 'revisit_purchase_7d'], ['b', 'revisit_purchase_30d']]
    """
    rules = default_event_rules() if rules is None else _checked_rules(rules, EVENT_RULE_COLUMNS)
    sources = {"complaint_closed": (complaints, resolved_col), "purchase": (orders, date_col)}
    parts = []
    for rule in rules.itertuples(index=False):
        frame, when_col = sources.get(rule.event, (None, None))
        if frame is None:
            continue
        frame = id_as_column(frame, customer_col)
        check_columns(frame, [customer_col, when_col], allow_empty=True)
        when = parse_timestamps(frame, when_col)
        due = (when + pd.Timedelta(hours=float(rule.delay_hours))).dt.normalize()
        parts.append(pd.DataFrame({"customer_id": frame[customer_col].astype("string").to_numpy(), "due_date": due,
                                   "channel": rule.channel, "reason": rule.reason,
                                   "priority": int(rule.priority)}).dropna(subset=["due_date"]))
    schedule = pd.concat(parts, ignore_index=True) if parts else _empty()
    if start is not None or end is not None:
        lo, hi = _window(start if start is not None else schedule["due_date"].min(),
                         end if end is not None else schedule["due_date"].max())
        schedule = schedule[schedule["due_date"].between(lo, hi)]
    schedule["tier"] = _tiers_of(schedule["customer_id"], customers, customer_col, tier_col)
    return build_schedule(schedule)


# a table first: `"cn" in (…)` is ambiguous for a DataFrame
@validate_params(holidays=[Instance(pd.DataFrame), Options("cn"), None], channels=[Instance(dict), None])
def care_calendar(customers: pd.DataFrame, years, holidays="cn", *, birthday_col: str | None = "birthday",
                  tier_col: str = "tier", customer_col: str = "customer_id",
                  channels: dict | None = None) -> pd.DataFrame:
    """Birthday greetings and holiday care for every customer in ``years``, channel chosen by tier.

    ``holidays``: ``"cn"`` (see :func:`cn_holidays`), ``None``, or a table with ``holiday, date``.
    ``channels`` maps tier → channel (default :data:`CARE_CHANNELS`; ids given replace those).
    A 29 February birthday is greeted on 28 February in other years. Customers without a
    birthday get holiday care only (``birthday_col=None``: no birthdays at all).

    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": ["a"], "tier": ["tier_silver"], "birthday": ["1992-02-29"]})
    >>> care = care_calendar(customers, 2025, holidays=None)
    >>> care[["due_date", "channel", "reason"]].astype(str).values.tolist()
    [['2025-02-28', 'contact_phone', 'care_birthday']]
    """
    channels = {**CARE_CHANNELS, **(channels or {})}
    customers = id_as_column(customers, customer_col)
    check_columns(customers, [customer_col, tier_col] + ([birthday_col] if birthday_col else []))
    check_unique(customers, customer_col)
    check_known(customers[tier_col], sorted(channels), tier_col, "svc_fix_unknown_tier")
    years = [int(years)] if isinstance(years, (int, str)) else sorted(int(y) for y in years)
    people = pd.DataFrame({"customer_id": customers[customer_col].astype("string").to_numpy(),
                           "tier": customers[tier_col].astype("string").to_numpy()})
    parts = [_holiday_care(people, _holiday_table(holidays, years))]
    if birthday_col:
        parts += [_birthdays(people, parse_timestamps(customers, birthday_col), year) for year in years]
    out = pd.concat(parts, ignore_index=True)
    out["channel"] = out["tier"].map(channels)
    return build_schedule(out)


def cn_holidays(years) -> pd.DataFrame:
    """China's care days in ``years``: 元旦, 春节, 元宵, 妇女节, 劳动节, 端午, 中秋, 国庆.

    The lunar festivals are converted to Gregorian dates with ``lunar_python`` (any year).

    >>> cn_holidays([2025]).query("holiday == 'hol_spring_festival'")["date"].dt.strftime("%m-%d").tolist()
    ['01-29']
    """
    from lunar_python import Lunar

    years = [years] if isinstance(years, int) else list(years)
    rows = [(h, pd.Timestamp(year, m, d)) for year in years for h, (m, d) in FIXED_HOLIDAYS.items()]
    for year in years:
        for holiday, (month, day) in LUNAR_HOLIDAYS.items():
            solar = Lunar.fromYmd(year, month, day).getSolar()
            rows.append((holiday, pd.Timestamp(solar.getYear(), solar.getMonth(), solar.getDay())))
    return pd.DataFrame(rows, columns=["holiday", "date"]).sort_values(["date", "holiday"], ignore_index=True)


def build_schedule(*parts: pd.DataFrame) -> pd.DataFrame:
    """Concatenate schedules, merge rows of one customer on one day, and sort deterministically.

    The merged row keeps the most urgent reason (lowest priority number, then reason id) and its
    channel; ``reasons`` lists all reasons of that day joined by ``+`` in the same order.

    >>> import pandas as pd
    >>> routine = pd.DataFrame({"customer_id": ["a"], "due_date": ["2024-05-08"], "reason": ["revisit_routine"],
    ...                         "channel": ["contact_phone"], "priority": [3]})
    >>> events = event_revisits(orders=pd.DataFrame({"customer_id": ["a"], "order_date": ["2024-05-01"]}))
    >>> build_schedule(routine, events)["reasons"].tolist()
    ['revisit_purchase_7d+revisit_routine', 'revisit_purchase_30d']
    """
    frames = [p for p in parts if len(p)]
    if not frames:
        return _empty()
    rows = pd.concat([f.reindex(columns=SCHEDULE_COLUMNS) for f in frames], ignore_index=True)
    rows["due_date"] = pd.to_datetime(rows["due_date"]).dt.normalize().astype("datetime64[ns]")
    rows["reasons"] = rows["reasons"].astype("string").fillna(rows["reason"].astype("string"))
    rows = rows.sort_values(["customer_id", "due_date", "priority", "reason"], ignore_index=True)
    keys = ["customer_id", "due_date"]
    # only days with several rows (or merged reasons) need joining; most customer-days have one reason
    several = rows.duplicated(keys, keep=False) | rows["reasons"].str.contains("+", regex=False)
    reasons = pd.concat([rows[several].groupby(keys, sort=False)["reasons"].agg(_join_reasons),
                         rows.loc[~several].set_index(keys)["reasons"]])
    merged = rows.drop(columns="reasons").drop_duplicates(keys).join(reasons, on=keys)
    text = ["customer_id", "tier", "channel", "reason"]
    merged = merged.astype({**dict.fromkeys(text, "string"), "priority": "int64"})
    return merged.sort_values(["due_date", "priority", "customer_id", "reason"], ignore_index=True)[SCHEDULE_COLUMNS]


def call_list(schedule: pd.DataFrame, start, end, channels=None, details: pd.DataFrame | None = None, *,
              customer_col: str = "customer_id") -> pd.DataFrame:
    """The contacts due from ``start`` to ``end`` (inclusive) as a list the team can work through.

    Keeps the ``channels`` given (default: all), turns tier, channel and reason ids into labels of
    the active language, appends the columns of ``details`` (one row per customer, the id in
    ``customer_col`` or the index) and two empty columns for the caller to fill in, outcome and
    notes. Headers are in the active language; rows are in schedule order (day, priority, customer).

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> customers = pd.DataFrame({"customer_id": ["a", "b"], "tier": ["tier_silver", "tier_iron"]})
    >>> plan = revisit_plan(customers, "2024-01-01", "2024-03-31")
    >>> with language("en"):
    ...     calls = call_list(plan, "2024-01-01", "2024-01-07", channels=["contact_phone"])
    >>> calls.iloc[0, :4].tolist()
    ['2024-01-01', 'a', 'Gold (白银)', 'Phone call']
    """
    start, end = _window(start, end)
    check_columns(schedule, SCHEDULE_COLUMNS, allow_empty=True)
    rows = schedule[schedule["due_date"].between(start, end)]
    if channels is not None:
        rows = rows[rows["channel"].isin(list(channels))]
    out = pd.DataFrame({"due_date": rows["due_date"].dt.strftime("%Y-%m-%d").to_numpy(),
                        "customer_id": rows["customer_id"].to_numpy(),
                        "tier": label(rows["tier"].fillna("").astype(str)).to_numpy(),
                        "channel": label(rows["channel"].astype(str)).to_numpy(),
                        "reason": rows["reasons"].map(lambda r: " + ".join(label(r.split("+")))).to_numpy(),
                        "priority": rows["priority"].to_numpy()})
    if details is not None:
        details = id_as_column(details, customer_col)
        check_columns(details, [customer_col], allow_empty=True)
        check_unique(details, customer_col)
        extra = details.rename(columns={customer_col: "customer_id"}).astype({"customer_id": "string"})
        out = out.astype({"customer_id": "string"}).merge(extra, on="customer_id", how="left")
    out = out.assign(outcome="", notes="")
    return out.rename(columns=lambda c: t(f"care_col_{c}") if has(f"care_col_{c}") else c)


def _join_reasons(reasons: pd.Series) -> str:
    """All reasons of one day, each once, most urgent first (already merged ones are split again)."""
    return "+".join(dict.fromkeys(r for joined in reasons for r in joined.split("+")))


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "due_date" else "int64" if c == "priority"
                                      else "string") for c in SCHEDULE_COLUMNS})


def _holiday_table(holidays, years) -> pd.DataFrame:
    if holidays is None:
        return pd.DataFrame({"holiday": pd.Series(dtype="string"), "date": pd.Series(dtype="datetime64[ns]")})
    if isinstance(holidays, str):           # "cn", the only name (checked by care_calendar)
        return cn_holidays(years)
    check_columns(holidays, ["holiday", "date"], allow_empty=True)
    return pd.DataFrame({"holiday": holidays["holiday"].astype("string").to_numpy(),
                         "date": parse_timestamps(holidays, "date")})


def _holiday_care(people: pd.DataFrame, holidays: pd.DataFrame) -> pd.DataFrame:
    care = people.merge(holidays.rename(columns={"holiday": "reason", "date": "due_date"}), how="cross")
    return care.assign(priority=3)


def _birthdays(people: pd.DataFrame, birthdays: pd.Series, year: int) -> pd.DataFrame:
    known = birthdays.notna().to_numpy()
    born = birthdays[known]
    leap = calendar.isleap(year)
    day = born.dt.day.where(~((born.dt.month == 2) & (born.dt.day == 29)) | leap, 28)
    due = pd.to_datetime(pd.DataFrame({"year": year, "month": born.dt.month, "day": day}))
    return people[known].assign(due_date=due.to_numpy(), reason="care_birthday", priority=2)


def _tiers_of(ids: pd.Series, customers, customer_col: str, tier_col: str) -> pd.Series:
    if customers is None:
        return pd.Series(pd.NA, index=ids.index, dtype="string")
    customers = id_as_column(customers, customer_col)
    check_columns(customers, [customer_col, tier_col], allow_empty=True)
    lookup = pd.Series(customers[tier_col].astype("string").to_numpy(),
                       index=customers[customer_col].astype("string").to_numpy())
    return ids.map(lookup[~lookup.index.duplicated()]).astype("string")


def _window(start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if end < start:
        raise DataError("svc_err_bad_parameter", column="end", got=end.date(), fix_key="svc_fix_parameter",
                        expected=f">= start ({start.date()})")
    return start, end


def _checked_rules(rules: pd.DataFrame, columns) -> pd.DataFrame:
    check_columns(rules, columns)
    delay = "every_months" if "every_months" in columns else "delay_hours"
    low = 1 if delay == "every_months" else 0
    return rules.assign(**{delay: parse_numbers(rules, delay, low=low).to_numpy(),
                           "priority": parse_numbers(rules, "priority").to_numpy()})
