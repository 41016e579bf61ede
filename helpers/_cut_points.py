"""A constraint for settings that are several numbers — cut points, shares, a rating scale.

Used with :func:`helpers.validation.validate_params` like ``Interval`` and ``Options``::

    >>> from helpers.validation import check_param
    >>> check_param("breaks", (0.8, 0.95), Numbers(2, 0, 1, closed="right", order="increasing"))
    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     check_param("breaks", (0.95, 0.8), Numbers(2, 0, 1, closed="right", order="increasing"))
    Traceback (most recent call last):
    helpers.validation.ParameterError: Parameter breaks must be 2 numbers in increasing order, each a number between 0 and 1; got (0.95, 0.8).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from helpers.i18n import t
from helpers.validation import Interval

__all__: list[str] = []


@dataclass(frozen=True)
class Numbers:
    """``n`` numbers (any count ≥ 1 when ``n`` is None) in a tuple or list, each in ``low``…``high``.

    ``order``: ``"increasing"`` or ``"decreasing"``, or None; ``strict=False`` lets neighbours be
    equal (two equal cut points leave a class empty); ``total``: what they must add up to (shares
    of a whole), or None.

    >>> Numbers(3, order="decreasing").accepts((8000, 3000, 1000))
    True
    >>> Numbers(4, 0, 1, total=1).accepts([0.5, 0.5, 0.5, 0.5])
    False
    >>> Numbers(2, order="increasing", strict=False).accepts([0.8, 0.8])
    True
    """

    n: int | None = None
    low: float | None = None
    high: float | None = None
    closed: str = "both"
    order: str | None = None
    total: float | None = None
    strict: bool = True

    def _element(self) -> Interval:
        return Interval(float, self.low, self.high, self.closed)

    def accepts(self, value) -> bool:
        if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__len__") or not hasattr(value, "__iter__"):
            return False
        items = list(value)
        if not items or (self.n is not None and len(items) != self.n):
            return False
        if not all(self._element().accepts(v) for v in items):
            return False
        pairs = list(zip(items, items[1:]))
        if self.order == "decreasing":
            pairs = [(b, a) for a, b in pairs]
        if self.order and not all(a < b or (not self.strict and a == b) for a, b in pairs):
            return False
        return self.total is None or math.isclose(sum(items), self.total, abs_tol=1e-6)

    def describe(self) -> str:
        count = t("cut_numbers_n", n=self.n) if self.n is not None else t("cut_numbers_any")
        order = t(f"cut_numbers_{self.order}") if self.order else ""
        element = self._element()
        each = t("cut_numbers_each", each=element.describe()) if element != Interval(float) else ""
        total = t("cut_numbers_total", total=self.total) if self.total is not None else ""
        return t("cut_numbers", count=count, order=order, each=each, total=total)

    def invalid(self):
        return ("?",)
