"""The student edition: the course notebooks without solutions and trainer notes.

    >>> from pathlib import Path
    >>> from helpers.teaching.editions import build_student_edition
    >>> # build_student_edition(Path("notebooks"), Path("build/student"))

Cells tagged ``solution`` or ``trainer-only`` are removed; the ``____`` placeholders stay, so a
student's checks say "not attempted" until they answer. Outputs are cleared (they could give
answers away) except in cells tagged ``nbval-check-output``, whose key numbers nbval compares;
exercise check cells lose that tag, since a student's check rightly says "not attempted".
"""
from __future__ import annotations

from pathlib import Path

import nbformat

HIDDEN_TAGS = {"solution", "trainer-only"}
KEEP_OUTPUT_TAG = "nbval-check-output"
CHECK_TAG = "exercise-check"


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` as students receive it: no solution or trainer-only cells, outputs cleared
    except the key numbers, and exercise checks left to the student.

    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("answer = 42", metadata={"tags": ["solution"]})
    >>> len(student_notebook(nbformat.v4.new_notebook(cells=[cell])).cells)
    0
    """
    out = nbformat.from_dict(nb)
    out.cells = [c for c in out.cells if not HIDDEN_TAGS & set(c.metadata.get("tags", []))]
    for cell in out.cells:
        tags = cell.metadata.get("tags", [])
        if CHECK_TAG in tags:   # its stored output says "correct"; students will see "not attempted"
            cell.metadata["tags"] = [tag for tag in tags if tag != KEEP_OUTPUT_TAG]
        if cell.cell_type == "code" and KEEP_OUTPUT_TAG not in cell.metadata.get("tags", []):
            cell.outputs = []
            cell.execution_count = None
    return out


def build_student_edition(notebooks: Path, out: Path) -> list[Path]:
    """Write the student edition of ``notebooks/<lang>/*.ipynb`` to ``out/<lang>/``.

    >>> import tempfile, pathlib
    >>> build_student_edition(pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp()))
    []
    """
    written = []
    for src in sorted(notebooks.glob("*/*.ipynb")):
        target = out / src.parent.name / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(student_notebook(nbformat.read(src, as_version=4)), target)
        written.append(target)
    return written
