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
FONT_FAMILIES = ["DejaVu Sans", CJK_FAMILY]   # Latin glyphs from DejaVu, Chinese from the kit font
PALETTE = "Set2"


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

    The font is set after ``sns.set_theme`` because the theme resets ``font.family``.

    >>> import matplotlib as mpl
    >>> apply_theme()
    >>> mpl.rcParams["axes.unicode_minus"]
    False
    """
    import matplotlib as mpl
    import seaborn as sns

    register_font()
    quiet_known_library_warnings()
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook")
    mpl.rcParams["font.family"] = FONT_FAMILIES
    mpl.rcParams["axes.unicode_minus"] = False      # the ASCII minus renders in every font
    mpl.rcParams["figure.dpi"] = 100
    mpl.rcParams["axes.titlesize"] = "large"         # the kit font has one (regular) weight
