"""Key-account charts: buying-centre coverage grid and score ranking. Axes-level, catalogue labels.

    >>> import pandas as pd
    >>> from helpers.accounts import key_account_scores
    >>> from helpers.plots.accounts import plot_key_account_scores
    >>> accounts = pd.DataFrame({"account_id": ["A", "B", "C"], "revenue": [900, 500, 100]})
    >>> ax = plot_key_account_scores(key_account_scores(accounts, {"revenue": 1}, n_top=1))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['A', 'B', 'C']
"""
from __future__ import annotations

import numpy as np

from helpers.i18n import label, t
from helpers.plots.base import decorate, get_ax

__all__ = ["plot_buying_centre", "plot_key_account_scores"]


def plot_buying_centre(coverage, *, ax=None, **kw):
    """Accounts × roles grid: contacted, known but not contacted recently, nobody in the role.

    The support index is shown next to each account.

    Parameters
    ----------
    coverage : Classification
        The result of :func:`helpers.accounts.buying_centre_coverage` (indexed by account id).
    {ax}
    {kw} ``ax.imshow`` (the grid).

    {returns}

    >>> import pandas as pd
    >>> from helpers.accounts import buying_centre_coverage
    >>> people = pd.DataFrame({"account_id": ["A", "B"], "person": ["Wang", "Chen"], "role": ["decider", "buyer"],
    ...                        "influence": [5, 3], "attitude": [1, 2], "last_contact": ["2024-06-01", "2024-06-20"]})
    >>> ax = plot_buying_centre(buying_centre_coverage(people, as_of="2024-06-30"), alpha=0.8)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['A  (支持度指数 +5)', 'B  (支持度指数 +6)']
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    ax = get_ax(ax)
    table, roles = coverage.table, coverage.params["roles"]
    covered = table[[f"covers_{r}" for r in roles]].to_numpy(dtype=bool)
    unstaffed = np.array([[r in str(names).split(", ") for r in roles] for names in table["unstaffed_roles"]])
    grid = np.where(covered, 2, np.where(unstaffed, 0, 1))   # contacted / known, not contacted / nobody
    colours = ["#d9d9d9", "#fdae61", "#1a9641"]
    ax.imshow(grid, **{"cmap": ListedColormap(colours), "vmin": 0, "vmax": 2, "aspect": "auto", **kw})
    ax.set_xticks(range(len(roles)), label([f"role_{r}" for r in roles]), rotation=30)
    names = [f"{a}  ({t('acc_support_index')} {s:+.0f})" for a, s in zip(table.index, table["support_index"])]
    ax.set_yticks(range(len(table)), names)
    ax.grid(False)
    keys = ["acc_missing", "acc_not_contacted", "acc_covered"]
    ax.legend(handles=[Patch(color=c, label=t(k)) for c, k in zip(colours, keys)],
              loc="upper left", bbox_to_anchor=(1.01, 1))
    return decorate(ax, title="acc_title_coverage", xlabel=t("acc_role"), ylabel=t("acc_account"))


def plot_key_account_scores(scores, *, ax=None, **kw):
    """Horizontal bars of key-account scores, best first, key accounts highlighted, cut-off line.

    A new figure grows with the number of accounts so every account name stays readable.

    Parameters
    ----------
    scores : Classification
        The result of :func:`helpers.accounts.key_account_scores` (indexed by account id).
    {ax}
    {kw} ``ax.barh`` (the bars).

    {returns}

    >>> import pandas as pd
    >>> from helpers.accounts import key_account_scores
    >>> accounts = pd.DataFrame({"account_id": ["A", "B"], "revenue": [900, 500]})
    >>> len(plot_key_account_scores(key_account_scores(accounts, {"revenue": 1}), height=0.5).patches)
    2
    """
    import seaborn as sns

    table = scores.table.sort_values(["rank", "account_id"])
    ax = get_ax(ax, figsize=(7, max(4.5, 0.2 * len(table) + 1)))
    palette = sns.color_palette()
    colours = [palette[1] if s == "acc_key" else palette[7] for s in table["segment"]]
    ax.barh(table.index.astype(str), table["score"], **{"color": colours, **kw})
    ax.invert_yaxis()
    ax.axvline(scores.thresholds["key_score_min"], color="grey", linestyle="--")
    return decorate(ax, title="acc_title_scores", xlabel=t("acc_score"), ylabel=t("acc_account"))
