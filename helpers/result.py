"""The result object every classifier returns: table + thresholds + parameters, self-explaining.

    >>> import pandas as pd
    >>> from helpers.result import Classification
    >>> res = Classification(pd.DataFrame({"segment": ["a", "b", "a"]}), {"cut": 1.0}, {"basis": "raw"})
    >>> res.summary()["customers"].tolist()
    [2, 1]
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from helpers.i18n import label, t
from helpers.lazy import deferred

pd = deferred("pandas")

# The base of the classifiers' results: users read these objects, the kit's functions build them.
__all__: list[str] = []


class LazyTables(Mapping):
    """Tables by key, each built when first read and kept: the thresholds of a result computed in
    an engine are a few numbers per dimension, made a pandas table only when someone looks.

    >>> tables = LazyTables({"R": lambda: [1, 2]})
    >>> list(tables), tables["R"]
    (['R'], [1, 2])
    """

    def __init__(self, builders: dict[str, Callable]):
        self._builders = dict(builders)
        self._built = {}

    def __getitem__(self, key):
        if key not in self._built:
            self._built[key] = self._builders[key]()
        return self._built[key]

    def __iter__(self):
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)

    def __repr__(self) -> str:
        return repr(dict(self))


@dataclass
class Classification:
    """A classification of customers (or attributes, respondents…).

    ``table`` has one row per classified entity (indexed by its id) and the class id in
    ``class_col``; ``thresholds`` are the cut points actually used; ``params`` the settings that
    produced them.

    >>> import pandas as pd
    >>> res = Classification(pd.DataFrame({"segment": ["x", "y"]}, index=["a", "b"]), {"cut": 1.0})
    >>> res.classes.to_dict(), res.thresholds
    ({'a': 'x', 'b': 'y'}, {'cut': 1.0})
    """

    table: pd.DataFrame
    thresholds: Mapping = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    class_col: str = "segment"

    @property
    def classes(self) -> pd.Series:
        """The class id of every entity."""
        return self.table[self.class_col]

    def labels(self) -> pd.Series:
        """The class of every entity as a label in the active language."""
        return label(self.classes)

    def summary(self) -> pd.DataFrame:
        """Entities per class with their share, largest class first (ties by id)."""
        counts = self.classes.value_counts()
        out = pd.DataFrame({"customers": counts, "share": counts / counts.sum()})
        out.index.name = self.class_col
        out = out.reset_index().sort_values(["customers", self.class_col], ascending=[False, True])
        out.insert(1, "label", label(out[self.class_col]))
        return out.reset_index(drop=True)

    def view(self):
        """What the result shows a reader: its parameters, the thresholds used and the classes, labelled.

        >>> import pandas as pd
        >>> from helpers.i18n import language
        >>> res = Classification(pd.DataFrame({"segment": ["lost", "lost"]}), {"cut": 1.5})
        >>> with language("en"):
        ...     print(res.view())
        Thresholds used
        cut  1.50
        Customers per class
        Name  Customers  Share
        Lost          2 100.0%
        """
        from helpers.display import result_view, show

        currency = self.table.attrs.get("currency")
        summary = self.summary().drop(columns=[self.class_col])      # its label column names the class
        tables = {k: v for k, v in self.thresholds.items() if isinstance(v, pd.DataFrame)}   # bins per dimension
        cuts = {k: v for k, v in self.thresholds.items() if k not in tables}
        params = self._shown_params()
        return result_view(None, (t("result_params"), show(params, currency=currency) if params else None),
                           (t("result_thresholds"), show(cuts, currency=currency) if cuts else None),
                           *((f"{t('result_thresholds')} · {k}", show(v, currency=currency)) for k, v in tables.items()),
                           (t("result_summary"), show(summary, currency=currency)))

    def _shown_params(self) -> dict:
        """The settings as the view shows them (a subclass may say them more plainly)."""
        return self.params

    def __repr__(self) -> str:
        return repr(self.view())

    def _repr_html_(self) -> str:
        return self.view()._repr_html_()
