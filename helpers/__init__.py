"""CRM Value Kit helpers — customer value classification for the course notebooks.

The first cell of every notebook::

    import helpers
    helpers.setup(lang="zh")     # theme, Chinese font, language

Importing ``helpers`` is light: pandas is imported by the modules that need it,
matplotlib and seaborn only when a chart is drawn.
"""
from helpers.i18n import get_language, set_language, t

__version__ = "0.1.0"
__all__ = ["setup", "set_language", "get_language", "t", "__version__"]


def setup(lang: str = "zh", *, theme: bool = True) -> None:
    """Prepare a notebook: set the language and apply the kit's plot theme with a CJK font.

    >>> import helpers
    >>> helpers.setup(lang="en")
    >>> helpers.get_language()
    'en'
    """
    set_language(lang)
    if theme:
        from helpers.plots.theme import apply_theme

        apply_theme()
