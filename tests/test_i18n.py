"""Language catalogues: complete in both languages, consistent placeholders, switchable."""
import re
import string

import pytest

from helpers import i18n
from helpers.errors import DataError


def _texts(node, path=""):
    """Yield (key path, {lang: text}) for every leaf entry of the catalogue."""
    if isinstance(node, dict) and set(i18n.LANGUAGES) <= node.keys():
        yield path, {lang: node[lang] for lang in i18n.LANGUAGES}
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in i18n.LANGUAGES:
                yield from _texts(v, f"{path}.{k}" if path else k)


def _fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_entry_has_both_languages_with_the_same_placeholders():
    for key, texts in _texts(i18n.catalogue()):
        assert all(isinstance(v, str) and v.strip() for v in texts.values()), key
        assert _fields(texts["zh"]) == _fields(texts["en"]), key


def test_every_mapping_in_the_catalogue_is_an_entry_or_a_group_of_fields():
    def walk(node, path):
        assert isinstance(node, dict), path
        langs = set(i18n.LANGUAGES) & node.keys()
        assert langs in (set(), set(i18n.LANGUAGES)), f"{path} has only {langs}"
        for k, v in node.items():
            if k not in i18n.LANGUAGES:
                walk(v, f"{path}.{k}")
    for key, node in i18n.catalogue().items():
        walk(node, key)


def test_language_switch_changes_labels_and_messages():
    with i18n.language("zh"):
        assert i18n.t("lang_name") == "中文"
    with i18n.language("en"):
        assert i18n.t("lang_name") == "English"
    with pytest.raises(ValueError, match="lang must be one of"):
        i18n.set_language("fr")


def test_an_unknown_language_is_a_parameter_error_in_the_active_language():
    from helpers.validation import ParameterError

    with i18n.language("zh"), pytest.raises(ParameterError, match="^参数 lang 应为以下之一：'zh', 'en'"):
        i18n.set_language("fr")
    with pytest.raises(ParameterError, match="^Parameter lang must be one of 'zh', 'en'; got 'fr'"):
        i18n.set_language("fr")
    assert i18n.get_language() == "en"


def test_missing_key_names_the_key():
    with pytest.raises(KeyError, match="no_such_key"):
        i18n.t("no_such_key")


def test_label_maps_ids_and_keeps_unknown_ones():
    import pandas as pd

    s = pd.Series(["lang_name", "unknown_id"])
    assert i18n.label(s).tolist() == ["English", "unknown_id"]


def test_data_error_message_has_rows_and_fix_in_the_active_language():
    with i18n.language("zh"):
        err = DataError("msg_fix", rows=range(1, 9), fix="x")
        assert "1, 2, 3, 4, 5" in str(err) and "另有 3 行" in str(err)
    err = DataError("msg_fix", rows=[4, 7], fix="x")
    assert re.search(r"rows.*4, 7", str(err))
