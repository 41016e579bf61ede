"""The classroom: one class server for the room, progress where it happens, a live trainer board.

- ``make classroom`` / ``python -m helpers classroom`` — a JupyterHub for the room (:mod:`.launcher`,
  :mod:`.hub`): every student signs in with their name, the class code and a password of their own,
  and works in their own copy of the student edition, as their own system user.
- Every ``check()``, quiz check, ``hint()`` and ``solution()`` is recorded as an outcome
  (:mod:`.hooks` → :mod:`.service` → :mod:`.store`); never the answer.
- The trainer board (:mod:`.service`, admin only) shows students × exercises, who is stuck, the common
  mistakes, releases solutions and exports CSV / Excel.
- On a single laptop progress is recorded locally; :func:`my_progress` shows it.
"""
from __future__ import annotations

__all__ = ["my_progress"]


def my_progress(lang: str | None = None):
    """Your progress so far: every exercise you checked, with its state, attempts and hints.

    In a class server it asks the progress service; on a laptop it reads your local store
    (``~/.local/share/crm-value-kit/progress.sqlite``)::

        >>> import pathlib, tempfile
        >>> from helpers.teaching.classroom import hooks, my_progress
        >>> from helpers.teaching.exercises import ch00
        >>> hooks.use(hooks.LocalRecorder(pathlib.Path(tempfile.mkdtemp()) / "progress.sqlite", student="me"))
        >>> ch00.q4.check(450.0)
        √ 正确：...
        >>> my_progress("en").summary
        '1 solved (of 1 exercises tried)'
        >>> hooks.use(None)
    """
    from helpers.i18n import get_language
    from helpers.teaching.classroom import hooks
    from helpers.teaching.classroom.progress import ProgressPage

    rec = hooks.recorder()
    if rec is None:
        events = []
    else:
        rec.flush()
        events = rec.events()
    return ProgressPage(events, lang or get_language())
