"""Language catalogues (zh / en) for labels, strategies and messages.

Tables keep stable ids (``champions``, ``tier_diamond``, ``q_focus``); display uses labels
from the YAML catalogues in ``helpers/locale/`` (one file per topic; a key lives in one file).
An entry holds ``zh`` and ``en`` texts and may nest fields such as ``strategy``::

    >>> from helpers.i18n import t, language
    >>> with language("en"):
    ...     t("lang_name")
    'English'
    >>> with language("zh"):
    ...     t("lang_name")
    '中文'
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

__all__ = ["set_language", "get_language", "language", "t", "has", "label", "LANGUAGES"]

LANGUAGES = ("zh", "en")
_LOCALE_DIR = Path(__file__).with_name("locale")
_state = {"lang": os.environ.get("CRMKIT_LANG", "zh")}


def set_language(lang: str) -> None:
    """Make ``lang`` ('zh' or 'en') the language of labels, messages and charts.

    >>> before = get_language()
    >>> set_language("en")
    >>> t("lang_name")
    'English'
    >>> set_language(before)
    """
    if lang not in LANGUAGES:
        from helpers.validation import Options, check_param    # helpers.validation imports this module

        check_param("lang", lang, Options(*LANGUAGES))
    _state["lang"] = lang


def get_language() -> str:
    """The active language code ('zh' or 'en'; the default comes from ``CRMKIT_LANG``, else 'zh').

    >>> get_language() in LANGUAGES
    True
    """
    return _state["lang"]


@contextmanager
def language(lang: str):
    """Temporarily switch the active language (``with language("en"): ...``).

    >>> with language("en"):
    ...     label("sat_satisfied")
    'Satisfied'
    >>> with language("zh"):
    ...     label("sat_satisfied")
    '满意'
    """
    before = get_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


@lru_cache(maxsize=1)
def catalogue() -> dict:
    """All entries of all ``locale/*.yml`` files; a key defined twice is an error.

    >>> catalogue()["lang_name"]["en"]
    'English'
    """
    import yaml

    merged: dict = {}
    for path in sorted(_LOCALE_DIR.glob("*.yml")):
        # the C loader (when libyaml is present) reads the catalogues ten times faster
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
        clash = merged.keys() & entries.keys()
        if clash:
            raise KeyError(f"{path.name} redefines catalogue keys: {sorted(clash)}")
        merged.update(entries)
    return merged


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def has(key: str) -> bool:
    """Whether ``key`` (optionally ``id.field``) is in the catalogue.

    >>> has("zone_affection"), has("zone_affection.strategy"), has("no_such_key")
    (True, True, False)
    """
    try:
        _entry(key)
        return True
    except KeyError:
        return False


def _entry(key: str) -> dict:
    node = catalogue()
    for part in key.split("."):
        node = node[part]
    return node


def t(key: str, lang: str | None = None, **values) -> str:
    """The text of ``key`` in the active language (or ``lang``), formatted with ``values``.

    ``key`` may name a field of an entry: ``t("champions.strategy")``. A placeholder without a
    value stays as it is.

    >>> t("sat_nps_title", lang="en", nps="+9.5", n=210)
    'NPS = +9.5 (n = 210)'
    >>> t("sat_nps_title", lang="zh", nps="+9.5")
    '净推荐值 NPS = +9.5（n = {n}）'
    """
    try:
        entry = _entry(key)
    except (KeyError, TypeError):
        raise KeyError(f"no catalogue entry {key!r} in helpers/locale/*.yml") from None
    text = entry[lang or get_language()]
    return text.format_map(_Keep(values)) if values else text


def label(ids, field: str | None = None):
    """Labels for one id or for each id of a list / Series (ids without an entry stay as they are).

    ``field`` picks a field of each entry instead of its label (``label(ids, "strategy")``).

    >>> with language("en"):
    ...     label("lang_name")
    'English'
    >>> with language("en"):
    ...     label(["zone_defection", "other"])
    ['Zone of defection', 'other']
    """
    def one(i):
        key = f"{i}.{field}" if field else str(i)
        return t(key) if has(key) else i

    if isinstance(ids, str):
        return one(ids)
    if hasattr(ids, "map"):
        return ids.map(one)
    return [one(i) for i in ids]
