"""Parameters checked in one place, with the message in the active language.

A public function declares what each setting may be; a wrong value raises a
:class:`ParameterError` naming the parameter, what it accepts and what it got::

    >>> from helpers.i18n import language
    >>> @validate_params(method=Options("mean", "median"), share=Interval(float, 0, 1))
    ... def cut(values, method="mean", share=0.5):
    ...     return method, share
    >>> cut([1], share=0.2)
    ('mean', 0.2)
    >>> with language("en"):
    ...     cut([1], method="mode")
    Traceback (most recent call last):
    helpers.validation.ParameterError: Parameter method must be one of 'mean', 'median'; got 'mode'.

The constraints stay on the function (``cut.constraints``), so one test can feed every
decorated function a value it must refuse.
"""
from __future__ import annotations

import functools
import inspect
import math
import numbers
from dataclasses import dataclass

from helpers.i18n import t


class ParameterError(ValueError):
    """A setting outside what the function accepts; ``str(err)`` says which, what is allowed, what came.

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     str(ParameterError("n_bins", "a whole number from 2 to 9", 12))
    'Parameter n_bins must be a whole number from 2 to 9; got 12.'
    """

    def __init__(self, name: str, expected: str, got):
        self.name, self.expected, self.got = name, expected, got
        super().__init__(t("err_param", name=name, expected=expected, got=_shown(got)))


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


@dataclass(frozen=True)
class Options:
    """One of a fixed set of values.

    >>> Options("orders", "days").accepts("days"), Options("orders", "days").accepts([1])
    (True, False)
    """

    values: tuple

    def __init__(self, *values):
        object.__setattr__(self, "values", tuple(values))

    def accepts(self, value) -> bool:
        try:
            return value in self.values
        except TypeError:       # unhashable values are never options
            return False

    def describe(self) -> str:
        return t("param_one_of", options=", ".join(map(repr, self.values)))

    def invalid(self):
        return "?" + "".join(str(v) for v in self.values)[:12]


@dataclass(frozen=True)
class Interval:
    """A number of ``kind`` (int or float; floats accept ints) between ``low`` and ``high`` (None = open).

    >>> share = Interval(float, 0, 1)
    >>> share.accepts(0.2), share.accepts(1.5), share.accepts(float("nan")), Interval(int, 2).accepts(2.5)
    (True, False, False, False)
    """

    kind: type
    low: float | None = None
    high: float | None = None
    closed: str = "both"        # which ends belong to the interval: both, left, right, neither

    def accepts(self, value) -> bool:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            return False
        if self.kind is int and not isinstance(value, numbers.Integral):
            return False
        if not math.isfinite(value):
            return False
        low_ok = self.low is None or (value >= self.low if self.closed in ("both", "left") else value > self.low)
        high_ok = self.high is None or (value <= self.high if self.closed in ("both", "right") else value < self.high)
        return low_ok and high_ok

    def describe(self) -> str:
        kind = t("param_integer" if self.kind is int else "param_number")
        if self.low is not None and self.high is not None:
            key = "param_between" if self.closed == "both" else "param_between_open"
            return t(key, kind=kind, low=self.low, high=self.high)
        if self.low is not None:
            return t("param_at_least" if self.closed in ("both", "left") else "param_above", kind=kind, low=self.low)
        if self.high is not None:
            return t("param_at_most" if self.closed in ("both", "right") else "param_below", kind=kind, high=self.high)
        return kind

    def invalid(self):
        if self.low is not None:
            return self.low - 1
        if self.high is not None:
            return self.high + 1
        return "not a number"


@dataclass(frozen=True)
class Instance:
    """A value of one of the given types.

    >>> Instance(dict).accepts({"R": [2, 4]}), Instance(dict).accepts("R")
    (True, False)
    """

    types: tuple

    def __init__(self, *types):
        object.__setattr__(self, "types", tuple(types))

    def accepts(self, value) -> bool:
        return isinstance(value, self.types)

    def describe(self) -> str:
        return t("param_instance", types=" / ".join(tp.__name__ for tp in self.types))

    def invalid(self):
        return object()


@dataclass(frozen=True)
class Numbers:
    """Several numbers — cut points, shares, a rating scale: ``n`` numbers (any count ≥ 1 when
    ``n`` is None) in a tuple or list, each in ``low``…``high``.

    ``monotonic``: ``"increasing"`` or ``"decreasing"``, or None; ``strict=False`` lets neighbours be
    equal (two equal cut points leave a class empty); ``total``: what they must add up to (shares
    of a whole), or None.

    >>> Numbers(3, monotonic="decreasing").accepts((8000, 3000, 1000))
    True
    >>> Numbers(4, 0, 1, total=1).accepts([0.5, 0.5, 0.5, 0.5])
    False
    >>> Numbers(2, monotonic="increasing", strict=False).accepts([0.8, 0.8])
    True
    """

    n: int | None = None
    low: float | None = None
    high: float | None = None
    closed: str = "both"
    monotonic: str | None = None
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
        if self.monotonic == "decreasing":
            pairs = [(b, a) for a, b in pairs]
        if self.monotonic and not all(a < b or (not self.strict and a == b) for a, b in pairs):
            return False
        return self.total is None or math.isclose(sum(items), self.total, abs_tol=1e-6)

    def describe(self) -> str:
        count = t("cut_numbers_n", n=self.n) if self.n is not None else t("cut_numbers_any")
        order = t(f"cut_numbers_{self.monotonic}") if self.monotonic else ""
        element = self._element()
        each = t("cut_numbers_each", each=element.describe()) if element != Interval(float) else ""
        total = t("cut_numbers_total", total=self.total) if self.total is not None else ""
        return t("cut_numbers", count=count, order=order, each=each, total=total)

    def invalid(self):
        return ("?",)


def _constraints(spec) -> list:
    """A constraint, ``None`` (the value may be None) or a list of them, as a list."""
    return list(spec) if isinstance(spec, list) else [spec]


def check_param(name: str, value, spec) -> None:
    """Raise :class:`ParameterError` unless ``value`` meets one of the constraints in ``spec``.

    >>> check_param("n_bins", 5, Interval(int, 2, 9))
    >>> check_param("breaks", None, [Interval(float, 0, 1), None])
    """
    constraints = _constraints(spec)
    for constraint in constraints:
        if (value is None) if constraint is None else constraint.accepts(value):
            return
    expected = t("param_or").join(t("param_none") if c is None else c.describe() for c in constraints)
    raise ParameterError(name, expected, value)


def invalid_value(spec):
    """A value ``spec`` refuses (for the tests that feed every function a wrong setting).

    >>> invalid_value(Options("a", "b")) in ("a", "b")
    False
    """
    for constraint in _constraints(spec):
        if constraint is not None:
            candidate = constraint.invalid()
            try:
                check_param("x", candidate, spec)
            except ParameterError:
                return candidate
    raise ValueError(f"no value outside {spec!r}")


def validate_params(**specs):
    """Decorate a function so its named parameters are checked on every call.

    >>> @validate_params(n_bins=Interval(int, 2, 9))
    ... def score(values, n_bins=5):
    ...     return n_bins
    >>> score([1], n_bins=3)
    3
    """
    def decorate(func):
        signature = inspect.signature(func)
        unknown = set(specs) - set(signature.parameters)
        if unknown:
            raise TypeError(f"{func.__qualname__} has no parameter {sorted(unknown)}")

        @functools.wraps(func)
        def checked(*args, **kwargs):
            bound = signature.bind_partial(*args, **kwargs)
            for name, value in bound.arguments.items():
                if name in specs:
                    check_param(name, value, specs[name])
            return func(*args, **kwargs)

        checked.constraints = dict(specs)
        return checked

    return decorate
