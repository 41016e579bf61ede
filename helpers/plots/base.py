"""Small pieces every chart uses: getting an Axes, titles and labels from the catalogue.

    >>> from helpers.i18n import language
    >>> ax = get_ax()
    >>> with language("en"):
    ...     decorate(ax, title="sat_nps_title_groups", xlabel="my own label").get_title()
    'NPS by group'
"""
from __future__ import annotations

from helpers.i18n import t

__all__ = ["get_ax", "decorate"]


def get_ax(ax=None, figsize=(7, 4.5)):
    """Return ``ax``, or a new Axes of ``figsize`` inches, with the kit font registered.

    >>> get_ax(figsize=(4, 3)).figure.get_size_inches().tolist()
    [4.0, 3.0]
    """
    from helpers.plots.theme import quiet_known_library_warnings, register_font

    register_font()
    quiet_known_library_warnings()
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def decorate(ax, *, title: str | None = None, xlabel: str | None = None, ylabel: str | None = None):
    """Set title and axis labels given as catalogue keys (or plain text when not a key); return ``ax``.

    >>> decorate(get_ax(), xlabel="Orders", ylabel="sat_count_axis").get_xlabel()
    'Orders'
    """
    from helpers.i18n import has

    def text(v):
        return t(v) if v and has(v) else v

    if title is not None:
        ax.set_title(text(title))
    if xlabel is not None:
        ax.set_xlabel(text(xlabel))
    if ylabel is not None:
        ax.set_ylabel(text(ylabel))
    return ax
