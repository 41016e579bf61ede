"""Segment rule tables (data) and the checks every rule table gets.

A rule table lists segments with an inclusive score range per dimension; a customer gets the
first rule whose three ranges all contain its scores, else ``others`` (R ``rfm``'s
``rfm_segment``). :func:`check_rules` reports overlapping rules, rules no score cell can reach
(earlier rules take all their cells) and score cells no rule covers.

    >>> from helpers.segment_rules import R_RFM10, check_rules
    >>> report = check_rules(R_RFM10, n_bins=5)
    >>> report.unreachable, len(report.uncovered) > 0
    ([], True)

Sources: docs/methods.md §1.3 (a)–(d); R ``rfm`` 0.3.0 ``?rfm_segment`` example; the Kaggle/"Miuul"
R×F regex map; PyMC-Marketing ``clv.utils.rfm_segments`` default config.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import NamedTuple

from helpers.data.engines import is_pandas
from helpers.errors import DataError
from helpers.lazy import deferred
from helpers.validation import Interval, validate_params

pd = deferred("pandas")

# RuleCheck is what check_rules returns (read, never built by users): importable, not listed.
__all__ = ["check_rules", "rule_cells", "score_cells", "R_RFM10", "RF_GRID", "RFM11", "PYMC", "CN8", "CN4",
           "OTHERS", "RULE_COLUMNS"]

OTHERS = "others"
RULE_COLUMNS = ["segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max"]


class _Rule(NamedTuple):
    """One row of a rule table: a segment and the inclusive score range of each dimension."""

    segment: str
    r_min: int
    r_max: int
    f_min: int
    f_max: int
    m_min: int
    m_max: int


# docs/methods.md §1.3 (a): order matters, first match wins. R_RFM10 is this table as a DataFrame.
_R_RFM10_RULES = [_Rule(*row) for row in [
    ("champions", 5, 5, 5, 5, 5, 5),
    ("potential_loyalist", 3, 5, 3, 5, 2, 5),
    ("loyal_customers", 2, 4, 2, 4, 2, 4),
    ("promising", 3, 4, 1, 3, 3, 5),
    ("new_customers", 4, 5, 1, 3, 1, 5),
    ("cant_lose_them", 1, 2, 3, 4, 4, 5),
    ("at_risk", 1, 2, 2, 5, 4, 5),
    ("need_attention", 1, 3, 3, 5, 3, 5),
    ("about_to_sleep", 2, 3, 1, 3, 1, 4),
    ("lost", 1, 1, 1, 5, 1, 5),
]]


def __getattr__(name: str):
    if name == "R_RFM10":       # a fresh table each time: the shared rules cannot be changed by accident
        return pd.DataFrame(_R_RFM10_RULES, columns=RULE_COLUMNS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# docs/methods.md §1.3 (b): regular expressions on the "RF" key, applied in this order.
RF_GRID = [
    (r"[1-2][1-2]", "hibernating"),
    (r"[1-2][3-4]", "at_risk"),
    (r"[1-2]5", "cant_lose_them"),
    (r"3[1-2]", "about_to_sleep"),
    (r"33", "need_attention"),
    (r"[3-4][4-5]", "loyal_customers"),
    (r"41", "promising"),
    (r"51", "new_customers"),
    (r"[4-5][2-3]", "potential_loyalist"),
    (r"5[4-5]", "champions"),
]

# docs/methods.md §1.3 (c): cells (R, FM) of the 11-segment grid; a partition of the 5×5 cells.
RFM11 = {
    "champions": [(5, 5), (5, 4), (4, 5)],
    "loyal_customers": [(5, 3), (4, 4), (3, 5), (3, 4)],
    "potential_loyalist": [(5, 2), (4, 2), (4, 3), (3, 3)],
    "new_customers": [(5, 1)],
    "promising": [(4, 1), (3, 1)],
    "need_attention": [(3, 2), (2, 3), (2, 2)],
    "about_to_sleep": [(2, 1)],
    "at_risk": [(2, 5), (2, 4), (1, 3)],
    "cant_lose_them": [(1, 5), (1, 4)],
    "hibernating": [(1, 2)],
    "lost": [(1, 1)],
}

# docs/methods.md §1.3 (d): PyMC-Marketing default segment config (quartile scores "RFM").
PYMC = {
    "pymc_premium": ["334", "443", "444", "344", "434", "433", "343", "333"],
    "pymc_repeat": ["244", "234", "232", "332", "143", "233", "243"],
    "pymc_top_spender": ["424", "414", "144", "314", "324", "124", "224", "423", "413", "133",
                         "323", "313", "134"],
    "pymc_at_risk": ["422", "223", "212", "122", "222", "132", "322", "312", "412", "123", "214"],
    "pymc_inactive": ["411", "111", "113", "114", "112", "211", "311"],
}
PYMC_OTHER = "pymc_other"

# docs/methods.md §1.2: flags "R F M" (1 = high; R high = recent) → 8 classes, and the R×F variant.
CN8 = {
    "111": "cn8_important_value", "101": "cn8_important_develop",
    "011": "cn8_important_keep", "001": "cn8_important_retain",
    "110": "cn8_general_value", "100": "cn8_general_develop",
    "010": "cn8_general_keep", "000": "cn8_general_retain",
}
CN4 = {"11": "cn4_important_value", "01": "cn4_important_winback",
       "10": "cn4_important_deepen", "00": "cn4_important_retain"}


@validate_params(n_bins=Interval(int, 2, 9))
def score_cells(n_bins: int = 5) -> list[tuple[int, int, int]]:
    """Every (R, F, M) score combination of scores 1…``n_bins``.

    >>> len(score_cells(5)), score_cells(2)[:3]
    (125, [(1, 1, 1), (1, 1, 2), (1, 2, 1)])
    """
    return list(itertools.product(range(1, n_bins + 1), repeat=3))


def _as_rules(rules) -> list[_Rule]:
    """The rules of a DataFrame with the columns :data:`RULE_COLUMNS` or of a list of
    ``(segment, r_min, r_max, f_min, …)`` rows."""
    if is_pandas(rules):
        missing = [c for c in RULE_COLUMNS if c not in rules.columns]
        if missing:
            raise DataError("err_seg_rule_columns", column=", ".join(missing), fix_key="fix_seg_rule_columns",
                            columns=", ".join(RULE_COLUMNS))
        return [_Rule(*row) for row in rules[RULE_COLUMNS].itertuples(index=False, name=None)]
    rows = [tuple(row) for row in rules]
    short = [i + 1 for i, row in enumerate(rows) if len(row) != len(RULE_COLUMNS)]
    if short:
        raise DataError("err_seg_rule_length", rows=short, needed=len(RULE_COLUMNS), fix_key="fix_seg_rule_columns",
                        columns=", ".join(RULE_COLUMNS))
    return [_Rule(*row) for row in rows]


def _matches(rule: _Rule, cell) -> bool:
    r, f, m = cell
    return (rule.r_min <= r <= rule.r_max and rule.f_min <= f <= rule.f_max
            and rule.m_min <= m <= rule.m_max)


def _first_rules(rules: list[_Rule], n_bins: int) -> dict[tuple, int | None]:
    """Position of the first rule matching each score cell (None when no rule does)."""
    return {cell: next((i for i, rule in enumerate(rules) if _matches(rule, cell)), None)
            for cell in score_cells(n_bins)}


@validate_params(n_bins=Interval(int, 2, 9))
def rule_cells(rules, n_bins: int = 5) -> dict[str, str]:
    """Segment of every score cell ``"RFM"`` under first-match-wins (unmatched → ``others``).

    >>> from helpers.segment_rules import R_RFM10
    >>> cells = rule_cells(R_RFM10)
    >>> cells["555"], cells["544"], cells["215"]
    ('champions', 'potential_loyalist', 'others')
    """
    rules = _as_rules(rules)
    return {"".join(map(str, cell)): OTHERS if i is None else rules[i].segment
            for cell, i in _first_rules(rules, n_bins).items()}


@dataclass
class RuleCheck:
    """What :func:`check_rules` found: overlapping rule pairs, unreachable rules, uncovered cells.

    >>> check = check_rules([("all", 1, 5, 1, 5, 1, 5)])
    >>> check.ok, check.overlaps, check.uncovered
    (True, [], [])
    """

    overlaps: list = field(default_factory=list)
    unreachable: list = field(default_factory=list)
    uncovered: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.overlaps or self.unreachable or self.uncovered)


@validate_params(n_bins=Interval(int, 2, 9))
def check_rules(rules, n_bins: int = 5) -> RuleCheck:
    """Overlaps ``(first, later, shared cells)``, rules that win no cell, cells no rule covers.

    ``rules``: a DataFrame with the columns :data:`RULE_COLUMNS` or a list of such rows;
    ``n_bins``: the scores run 1…``n_bins``.

    >>> check_rules([("all", 1, 5, 1, 5, 1, 5), ("never", 5, 5, 5, 5, 5, 5)]).unreachable
    ['never']
    """
    rules = _as_rules(rules)
    covers = [{c for c in score_cells(n_bins) if _matches(rule, c)} for rule in rules]
    names = [rule.segment for rule in rules]
    report = RuleCheck()
    for (i, a), (j, b) in itertools.combinations(enumerate(names), 2):
        shared = covers[i] & covers[j]
        if shared:
            report.overlaps.append((a, b, len(shared)))
    first = _first_rules(rules, n_bins)
    won = {i for i in first.values() if i is not None}
    report.unreachable = [name for i, name in enumerate(names) if i not in won]
    report.uncovered = ["".join(map(str, c)) for c, i in first.items() if i is None]
    return report
