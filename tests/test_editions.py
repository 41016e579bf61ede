"""Both language editions match, and the student edition hides solutions and trainer notes."""
import re

import nbformat
import pytest

from conftest import ROOT
from helpers.teaching.authoring import WIDGET_STATE, Chapter, _make_stable, problems_in_outputs
from helpers.teaching.editions import student_notebook

ZH, EN = ROOT / "notebooks" / "zh", ROOT / "notebooks" / "en"
NAMES = sorted(p.name for p in ZH.glob("*.ipynb"))


def _code(nb):
    return [re.sub(r'lang="(zh|en)"', 'lang=LANG', c.source) for c in nb.cells if c.cell_type == "code"]


def test_every_notebook_exists_in_both_editions():
    assert NAMES, "no notebooks"
    assert NAMES == sorted(p.name for p in EN.glob("*.ipynb"))


@pytest.mark.parametrize("name", NAMES)
def test_editions_have_identical_code_and_clean_outputs(name):
    zh, en = (nbformat.read(d / name, as_version=4) for d in (ZH, EN))
    assert _code(zh) == _code(en)
    for nb in (zh, en):
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1)), "executed top to bottom in one run"
        assert not problems_in_outputs(nb)
        assert any("nbval-check-output" in c.metadata.get("tags", []) for c in nb.cells)


def _widget_ids(nb):
    """The saved widget models, and the models the outputs display."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    shown = [out["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
             for cell in nb.cells for out in cell.get("outputs", [])
             if "application/vnd.jupyter.widget-view+json" in out.get("data", {})]
    return list(state), shown


@pytest.mark.parametrize("name", NAMES)
def test_saved_widgets_have_numbered_ids_that_the_outputs_point_to(name):
    for nb in (nbformat.read(d / name, as_version=4) for d in (ZH, EN)):
        models, shown = _widget_ids(nb)
        assert models == [f"{n:032x}" for n in range(len(models))]
        assert set(shown) <= set(models)


def test_making_a_notebook_stable_renumbers_widget_ids_everywhere_they_appear():
    first, second = "9f" * 16, "3c" * 16
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {WIDGET_STATE: {"state": {
        first: {"state": {"children": [f"IPY_MODEL_{second}"]}}, second: {"state": {}}}}}
    cell = nbformat.v4.new_code_cell("w", execution_count=1, id="random-id")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": first}, "text/plain": "标签"})]
    nb.cells = [cell]
    stable = _make_stable(nb)
    zero, one = f"{0:032x}", f"{1:032x}"
    assert _widget_ids(stable) == ([zero, one], [zero])
    assert stable.metadata["widgets"][WIDGET_STATE]["state"][zero]["state"]["children"] == [f"IPY_MODEL_{one}"]
    assert stable.cells[0].id == "cell-000" and stable.cells[0].outputs[0]["data"]["text/plain"] == "标签"


def _sample_chapter():
    ch = Chapter("99_sample")
    ch.md(zh="# 标题", en="# Title")
    ch.trainer(zh="十分钟", en="ten minutes")
    ch.checked("1 + 1")
    ch.exercise("ch00", "q1")
    return ch


def test_authoring_gives_identical_code_and_slide_metadata():
    ch = _sample_chapter()
    zh, en = ch.notebook("zh"), ch.notebook("en")
    assert _code(zh) == _code(en)
    assert zh.cells[0].source.endswith('helpers.setup(lang="zh")')
    kinds = [c.metadata["slideshow"]["slide_type"] for c in en.cells]
    assert kinds[1] == "slide" and kinds[2] == "notes"


def test_student_edition_drops_solutions_and_trainer_notes_and_keeps_placeholders():
    nb = _sample_chapter().notebook("en")
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output("stream", text="out")]
    student = student_notebook(nb)
    sources = [c.source for c in student.cells]
    assert "rows_read = ____" in sources and "rows_read = report.rows_read" not in sources
    assert not any("Trainer notes" in s for s in sources)
    checked = next(c for c in student.cells if c.source == "1 + 1")
    assert checked.outputs, "key-number cells keep their outputs for nbval"
    check = next(c for c in student.cells if "check()" in c.source)
    assert not check.outputs and "nbval-check-output" not in check.metadata["tags"]
    assert nb.cells[-1].outputs, "the source notebook is not modified"


def test_student_edition_runs_and_its_checks_say_not_attempted(tmp_path):
    from nbclient import NotebookClient

    nb = student_notebook(nbformat.read(ZH / "00_start_here.ipynb", as_version=4))
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ZH)}}).execute()
    checks = [c for c in nb.cells if "exercise-check" in c.metadata.get("tags", [])]
    shown = ["".join(o.get("data", {}).get("text/html", "")) for c in checks for o in c.outputs]
    assert checks and len(shown) == len(checks)
    assert all("尚未作答" in html for html in shown), shown
    assert not problems_in_outputs(nb)
