"""The result object every classifier returns: table + thresholds + parameters, self-explaining.

    >>> import pandas as pd
    >>> from helpers.result import Classification
    >>> res = Classification(pd.DataFrame({"segment": ["a", "b", "a"]}), {"cut": 1.0}, {"basis": "raw"})
    >>> res.summary()["customers"].tolist()
    [2, 1]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import pandas as pd

from helpers.i18n import label, t

# The base of the classifiers' results: users read these objects, the kit's functions build them.
__all__: list[str] = []


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
    thresholds: dict = field(default_factory=dict)
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

    def _repr_html_(self) -> str:
        def rows(d):
            return "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(str(v))}</td></tr>" for k, v in d.items())

        return (
            f"<div><b>{escape(t('result_params'))}</b><table>{rows(self.params)}</table>"
            f"<b>{escape(t('result_thresholds'))}</b><table>{rows(self.thresholds)}</table>"
            f"<b>{escape(t('result_summary'))}</b>{self.summary().to_html(index=False)}</div>"
        )
