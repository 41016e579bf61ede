"""What the committed notebooks show reads as Chinese (zh) and as English (en), not as code.

Every output of every cell — tables, printed values, result objects, check messages — is read as a
student sees it (the HTML when there is one, else the text):

* zh: no snake_case identifier (``recency_days``, ``cn8_important_retain``) except the few names
  below that are code the reader is meant to type; no float with more than 4 decimals
  (``93.0414842129523``); no date with a 00:00:00 time;
* en: no Chinese label where the catalogue has an English one (``金钻客户`` instead of Platinum);
* both editions, prose included: no citation of design files users do not have (the DOMAIN and
  DESIGN documents).

The notebooks are built from ``course/chapters`` (``python -m helpers build-notebooks``); to check a
build elsewhere, call :func:`output_problems` on it.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from helpers.i18n import catalogue

ROOT = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("*/*.ipynb"))

SNAKE_CASE = re.compile(r"(?<![\w.\-/\\])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w(\-/\\]|\.\w)")
LONG_FLOAT = re.compile(r"(?<![\w.])\d+\.\d{5,}")
MIDNIGHT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]00:00:00")
DESIGN_FILES = re.compile(r"\b(?:DOMAIN|DESIGN)(?:\.md)?\b")
CJK = re.compile(r"[\u3400-\u9fff]")
#: snake_case names an output may show because they are code the reader types (method, scheme and
#: preset names the prose asks them to pass) or a paper's notation (t_x of the BTYD models).
CODE_NAMES = frozenset({"as_of", "r_rfm", "rank_first", "qcut_drop", "r_rfm10", "rf_grid", "retail_quarterly",
                        "cn_1_4_15_80", "profit_sign", "t_x"})
WIDGET = "application/vnd.jupyter.widget-view+json"


def _texts(cell) -> list[str]:
    """What a reader sees of a code cell's outputs: the HTML as text (else the plain text), streams."""
    texts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            texts.append("".join(output.get("text", "")))
            continue
        data = output.get("data", {})
        if WIDGET in data or any(kind.startswith("image/") for kind in data):   # widgets and charts
            continue
        if "text/html" in data:
            page = "".join(data["text/html"])
            page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
            texts.append(html.unescape(re.sub(r"<[^>]+>", " ", page)))
        elif "text/markdown" in data:
            texts.append("".join(data["text/markdown"]))
        elif "text/plain" in data:
            texts.append("".join(data["text/plain"]))
        if output.get("output_type") == "error":
            texts.append(output.get("ename", "") + ": " + output.get("evalue", ""))
    return texts


def _chinese_only_labels() -> list[tuple[str, str]]:
    """(zh, en) of every catalogue label whose English text has no Chinese in it, longest first."""
    pairs = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("zh"), str) and isinstance(node.get("en"), str):
                zh, en = node["zh"], node["en"]
                if CJK.search(zh) and not CJK.search(en) and "{" not in zh and len(zh) >= 2:
                    pairs.append((zh, en))
            for value in node.values():
                walk(value)

    walk(catalogue())
    return sorted(set(pairs), key=lambda p: -len(p[0]))


def _english_with_chinese() -> list[str]:
    """English catalogue texts that carry a Chinese term on purpose (``Platinum (金钻)``)."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("en"), str) and CJK.search(node["en"]):
                found.append(node["en"])
            for value in node.values():
                walk(value)

    walk(catalogue())
    return sorted(set(found), key=len, reverse=True)


def output_problems(path: Path, lang: str) -> list[str]:
    """Everything in one executed notebook that does not read as ``lang`` (see the module docstring)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    problems = []
    zh_only = _chinese_only_labels() if lang == "en" else []
    wanted = _english_with_chinese() if lang == "en" else []
    for i, cell in enumerate(nb["cells"]):
        source = "".join(cell.get("source", ""))
        if DESIGN_FILES.search(source):
            problems.append(f"cell {i}: cites a design file: {DESIGN_FILES.search(source).group()}")
        if cell.get("cell_type") != "code":
            continue
        for text in _texts(cell):
            if DESIGN_FILES.search(text):
                problems.append(f"cell {i}: output cites a design file")
            if MIDNIGHT.search(text):
                problems.append(f"cell {i}: a date with 00:00:00: {MIDNIGHT.search(text).group()}")
            floats = sorted(set(LONG_FLOAT.findall(text)))
            if floats:
                problems.append(f"cell {i}: unformatted floats {floats[:3]}")
            if lang == "zh":
                names = sorted(set(SNAKE_CASE.findall(text)) - CODE_NAMES)
                if names:
                    problems.append(f"cell {i}: identifiers {names[:6]}")
            else:
                for english in wanted:
                    text = text.replace(english, " ")
                chinese = [zh for zh, _ in zh_only if zh in text and re.search(
                    rf"(?<![\u3400-\u9fff]){re.escape(zh)}(?![\u3400-\u9fff])", text)]
                if chinese:
                    problems.append(f"cell {i}: Chinese labels in the English edition {chinese[:4]}")
    return problems


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_outputs_read_as_their_language(notebook):
    lang = notebook.split("/")[0]
    problems = output_problems(ROOT / notebook, lang)
    assert not problems, f"{notebook}:\n" + "\n".join(problems)


def test_the_checks_catch_what_they_are_for(tmp_path):
    bad = {"cells": [
        {"cell_type": "markdown", "source": "见 " + "DOM" + "AIN §2.5"},     # split: the repository cites none
        {"cell_type": "code", "source": "x", "outputs": [
            {"output_type": "execute_result", "data": {"text/plain": "recency_days  93.0414842129523",
                                                      "text/html": "<td>recency_days</td><td>93.0414842129523</td>"}},
            {"output_type": "stream", "name": "stdout", "text": "2011-12-10 00:00:00 流失客户"}]}]}
    path = tmp_path / "bad.ipynb"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    zh = output_problems(path, "zh")
    assert any("design file" in p for p in zh) and any("recency_days" in p for p in zh)
    assert any("93.0414842129523" in p for p in zh) and any("00:00:00" in p for p in zh)
    assert any("流失客户" in p for p in output_problems(path, "en"))


def test_code_names_and_file_names_are_not_flagged(tmp_path):
    good = {"cells": [{"cell_type": "code", "source": "x", "outputs": [
        {"output_type": "execute_result", "data": {"text/plain": "method='r_rfm'; call_list_2026-01-05.xlsx; 0.1235"}}]}]}
    path = tmp_path / "good.ipynb"
    path.write_text(json.dumps(good), encoding="utf-8")
    assert output_problems(path, "zh") == []


def test_column_labels_have_both_languages_and_nothing_else():
    """A label in ``columns.yml`` is defined once and is ``{zh: …, en: …}`` (YAML keeps the last of two
    equal keys, and an unquoted comma in a flow mapping splits the English text into a second key)."""
    import yaml

    path = Path(__file__).resolve().parents[1] / "helpers" / "locale" / "columns.yml"
    keys = re.findall(r"^([^\s#][^:]*):", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(keys) == len(set(keys)), "defined twice: " + ", ".join(sorted({k for k in keys if keys.count(k) > 1}))
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    bad = {key: sorted(value) for key, value in entries.items()
           if isinstance(value, dict) and "zh" in value and set(value) != {"zh", "en"}}
    assert not bad, bad
