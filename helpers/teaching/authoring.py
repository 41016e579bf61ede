"""Write a chapter once, in both languages, and get two executed notebooks with identical code.

A chapter source in ``course/chapters/NN_slug.py`` declares its cells::

    from helpers.teaching.authoring import Chapter

    ch = Chapter("03_rfm_model")
    ch.md(zh="# 第 3 章 RFM 模型", en="# Chapter 3 · The RFM model")
    ch.code("rfm = rfm_table(tx)")
    ch.exercise("ch03", "q1")      # question, answer cell, solution and check, from ch03.q1
    ch.trainer(zh="约 10 分钟。", en="About 10 minutes.")

``python -m helpers build-notebooks`` turns every source into ``notebooks/zh/NN_slug.ipynb`` and
``notebooks/en/NN_slug.ipynb`` and executes them top to bottom. Prose sits side by side for
translation, and the code cells are the same in both editions by construction (only the
language passed to ``helpers.setup`` differs).

Cell tags: ``solution`` (removed in the student edition), ``trainer-only`` (trainer notes; slide
notes), ``nbval-check-output`` (key numbers compared by nbval), ``exercise-check`` (a check cell:
nbval confirms the solution passes in the full edition; the student edition clears it).
Answer variables must not feed later cells: the student edition has only the placeholder.
"""
from __future__ import annotations

import json
import runpy
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

LANGS = ("zh", "en")
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
SETUP_CODE = 'import helpers\nhelpers.setup(lang="{lang}")'


@dataclass
class Cell:
    """One cell of a chapter: its kind, its source per language and its tags.

    >>> Cell("code", {"zh": "1 + 1", "en": "1 + 1"}, ["nbval-check-output"]).kind
    'code'
    """

    kind: str                      # "markdown" or "code"
    text: dict                     # lang → source (code cells: same source for both)
    tags: list = field(default_factory=list)


class Chapter:
    """The cells of one chapter in both languages.

    >>> ch = Chapter("99_demo")
    >>> _ = ch.md(zh="# 标题", en="# Title").code("x = 1")
    >>> [c.cell_type for c in ch.notebook("en").cells], ch.notebook("zh").cells[1].source
    (['code', 'markdown', 'code'], '# 标题')
    """

    def __init__(self, name: str, setup_extra: str = ""):
        self.name = name
        self.cells: list[Cell] = []
        code = SETUP_CODE + ("\n" + setup_extra.strip() if setup_extra else "")
        self.cells.append(Cell("code", {lang: code.replace("{lang}", lang) for lang in LANGS}))

    def md(self, zh: str, en: str, tags=()) -> "Chapter":
        """A markdown cell."""
        self.cells.append(Cell("markdown", {"zh": _clean(zh), "en": _clean(en)}, list(tags)))
        return self

    def code(self, source: str, tags=()) -> "Chapter":
        """A code cell, identical in both editions. Tag key numbers with ``check=True`` via ``checked``."""
        src = _clean(source)
        self.cells.append(Cell("code", {lang: src for lang in LANGS}, list(tags)))
        return self

    def checked(self, source: str) -> "Chapter":
        """A code cell whose output nbval compares (a key number of the chapter)."""
        return self.code(source, tags=["nbval-check-output"])

    def trainer(self, zh: str, en: str) -> "Chapter":
        """Trainer notes: timing, where students stumble, answers to discussion prompts."""
        return self.md(zh="**培训师备注** · " + _clean(zh), en="**Trainer notes** · " + _clean(en),
                       tags=["trainer-only"])

    def exercise(self, chapter: str, problem: str) -> "Chapter":
        """An exercise of ``helpers.teaching.exercises.<chapter>``, asked right before its answer cell.

        Cells: the question (the problem's ``question`` with the precision it expects, both
        languages, tagged ``exercise-question``); for a classification problem its quiz; the answer
        cell ``var = ____``; the model answer (the problem's ``model_answer``, tagged ``solution``);
        the check cell. The question and the solution are written once, in the problem.

        >>> ch = Chapter("99_demo").exercise("ch00", "q1")
        >>> [c.text["en"].split("\\n")[0][:30] for c in ch.cells[1:]]
        ['**Exercise 1.** How many invoi', 'rows_read = ____', 'rows_read = report.rows_read', 'ch00.q1.check()']
        """
        from importlib import import_module

        from helpers.i18n import t
        from helpers.teaching.exercises.core import ClassificationProblem

        q = getattr(import_module(f"helpers.teaching.exercises.{chapter}"), problem)
        number = problem[1:] if problem[:1] == "q" and problem[1:].isdigit() else problem
        self.md(**{lang: t("ex_question", lang=lang, n=number, question=q.prompt(lang)) for lang in LANGS},
                tags=["exercise-question"])
        placeholder = f"{q.var} = ____"
        if isinstance(q, ClassificationProblem):
            self.code(f"{q.quiz_var} = {chapter}.{problem}.quiz()\n{q.quiz_var}")
            placeholder += f"   # {q.quiz_var}.answers"
        self.code(placeholder)
        self.code(q.solution_code(), tags=["solution"])
        return self.code(f"{chapter}.{problem}.check()\n# {chapter}.{problem}.hint()\n# {chapter}.{problem}.solution()",
                         tags=["nbval-check-output", "exercise-check"])

    def notebook(self, lang: str) -> nbformat.NotebookNode:
        """The unexecuted notebook of one edition, with slide metadata."""
        nb = nbformat.v4.new_notebook()
        nb.metadata.update({
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        })
        for i, cell in enumerate(self.cells):
            make = nbformat.v4.new_markdown_cell if cell.kind == "markdown" else nbformat.v4.new_code_cell
            nb_cell = make(cell.text[lang])
            nb_cell.metadata["tags"] = list(cell.tags)
            nb_cell.metadata["slideshow"] = {"slide_type": "skip" if i == 0 else _slide_type(cell)}  # 0: setup
            nb.cells.append(nb_cell)
        return nb


def _clean(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip("\n")


def _slide_type(cell: Cell) -> str:
    if "trainer-only" in cell.tags:
        return "notes"
    first = cell.text["en"].lstrip()
    if cell.kind == "markdown" and (first.startswith("# ") or first.startswith("## ")):
        return "slide"
    if cell.kind == "markdown" and first.startswith("### "):
        return "subslide"
    return "-"


def load_chapter(path: Path) -> Chapter:
    """Run a chapter source file and return the ``Chapter`` it defines (named ``ch``).

    >>> from helpers.data.datasets import datasets_dir
    >>> load_chapter(datasets_dir().parent / "course" / "chapters" / "00_start_here.py").name
    '00_start_here'
    """
    return runpy.run_path(str(path))["ch"]


def problems_in_outputs(nb) -> list[str]:
    """Error, warning and stderr outputs of an executed notebook (a clean notebook has none).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
    ...     nbformat.v4.new_output("stream", name="stderr", text="DataWarning: ...")])])
    >>> problems_in_outputs(nb)
    ['cell 0: DataWarning: ...']
    """
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" or (out.get("output_type") == "stream" and out.get("name") == "stderr"):
                found.append(f"cell {i}: {out.get('ename') or out.get('text', '')[:200]}")
    return found


def _make_stable(nb) -> nbformat.NotebookNode:
    """Drop what changes between identical runs (timings, random cell and widget ids), so that
    rebuilds diff cleanly. Widget models are numbered in the order they were created; their
    ids appear in the saved widget state, in references between models and in the outputs."""
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:03d}"
        cell.metadata.pop("execution", None)
    models = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    text = json.dumps(nb, ensure_ascii=False)
    for n, model_id in enumerate(list(models)):
        text = text.replace(model_id, f"{n:032x}")
    return nbformat.from_dict(json.loads(text))


def build(sources: Path, notebooks: Path, names: list[str] | None = None, timeout: int = 300) -> list[Path]:
    """Write and execute both editions of every chapter source (or those in ``names``).

    Used by ``python -m helpers build-notebooks [NN …]``; each notebook runs top to bottom and
    must finish without an error, a warning or stderr output. Notebooks run in a scratch folder, so
    the files a chapter exports (call lists, the capstone's report) never land next to the notebooks.

    >>> import tempfile, pathlib
    >>> build(pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp()))   # no sources: nothing
    []
    """
    from nbclient import NotebookClient

    written = []
    for path in sorted(sources.glob("[0-9][0-9]_*.py")):
        if names and not any(path.stem.startswith(n) for n in names):
            continue
        chapter = load_chapter(path)
        for lang in LANGS:
            out_dir = notebooks / lang
            out_dir.mkdir(parents=True, exist_ok=True)
            nb = chapter.notebook(lang)
            with tempfile.TemporaryDirectory() as scratch:   # files a chapter exports stay out of the tree
                NotebookClient(nb, timeout=timeout, kernel_name="python3",
                               resources={"metadata": {"path": scratch}}).execute()
            nb = _make_stable(nb)
            problems = problems_in_outputs(nb)
            if problems:
                raise RuntimeError(f"{path.name} ({lang}) has error/warning outputs: {problems}")
            target = out_dir / f"{chapter.name}.ipynb"
            nbformat.write(nb, target)
            written.append(target)
    return written
