"""The kit's plot theme and the bundled Chinese font (CRM Kit Sans SC, a Noto Sans CJK SC subset).

``helpers.setup()`` calls :func:`apply_theme`; nothing here runs at import of ``helpers``.

    >>> from helpers.plots.theme import apply_theme, CJK_FAMILY
    >>> apply_theme()
    >>> import matplotlib as mpl
    >>> CJK_FAMILY in mpl.rcParams["font.family"]
    True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["apply_theme"]

FONT_FILE = Path(__file__).resolve().parent.parent / "fonts" / "CRMKitSansSC-Regular.ttf"
CJK_FAMILY = "CRM Kit Sans SC"
STYLE_FILE = Path(__file__).resolve().parent / "kit.mplstyle"


@lru_cache(maxsize=1)
def register_font() -> str:
    """Add the bundled CJK font to matplotlib's font manager (once) and return its family name.

    >>> register_font()
    'CRM Kit Sans SC'
    """
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(FONT_FILE))
    return CJK_FAMILY


def quiet_known_library_warnings() -> None:
    """Silence one warning the kit's users cannot act on.

    seaborn 0.13's ``heatmap`` calls ``Colormap.set_bad``, which matplotlib ≥ 3.11 marks as
    pending deprecation; every heatmap would print it into the notebook.

    >>> quiet_known_library_warnings()
    """
    import warnings

    warnings.filterwarnings("ignore", message="The set_bad function", category=PendingDeprecationWarning,
                            module="seaborn")


def apply_theme() -> None:
    """seaborn's whitegrid theme with the kit palette, then the CJK-capable font families.

    The theme is the style sheet ``kit.mplstyle`` beside this module: what
    ``sns.set_theme(style="whitegrid", palette="Set2", context="notebook")`` sets, then the kit's
    fonts. Applying it does not import seaborn (and SciPy with it), so that a notebook or the
    report's second process that draws no seaborn plot starts half a second sooner.

    >>> import matplotlib as mpl
    >>> apply_theme()
    >>> mpl.rcParams["axes.unicode_minus"]
    False
    """
    from matplotlib import style

    register_font()
    quiet_known_library_warnings()
    style.use(STYLE_FILE)
