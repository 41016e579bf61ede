"""The explorer pattern: controls → a pure function → result table and chart.

An explorer declares its controls, a pure ``compute(**values)`` and how to show the result; the
base class wires them together. Its state is testable without a browser::

    >>> from helpers.teaching.widgets.clv import ClvCalculator
    >>> calc = ClvCalculator(chart=False)
    >>> calc.controls["retention"].value = 0.9
    >>> round(calc.result.clv, 2)
    450.0

Nothing is printed into the output area (nbval compares cell outputs); the chart is redrawn in
an ``Output`` widget.
"""
from __future__ import annotations

from typing import Any

from helpers.i18n import has, t


def describe(key: str) -> str:
    """Control caption from the catalogue (or the key itself)."""
    return t(key) if has(key) else key


class Explorer:
    """Base class of the kit's interactive explorers.

    Subclasses implement ``make_controls() -> dict[name, widget]``, ``compute(**values)`` (pure,
    returns the result) and ``summary_html(result) -> str``; optionally ``draw(result, ax)``.
    """

    figsize = (7, 4)

    def __init__(self, chart: bool = True, **initial: Any):
        import ipywidgets as w

        self.controls = self.make_controls()
        for name, value in initial.items():
            self.controls[name].value = value
        self.summary = w.HTML()
        self.output = w.Output() if chart and hasattr(self, "draw") else None
        parts = [w.HBox(list(self.controls.values()), layout=w.Layout(flex_flow="row wrap")), self.summary]
        self.view = w.VBox(parts + ([self.output] if self.output is not None else []))
        for control in self.controls.values():
            control.observe(self._update, names="value")
        self.result = None
        self._update()

    @property
    def values(self) -> dict:
        """The current value of every control."""
        return {name: control.value for name, control in self.controls.items()}

    def make_controls(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def compute(self, **values):  # pragma: no cover - abstract
        raise NotImplementedError

    def summary_html(self, result) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _update(self, change=None) -> None:
        self.result = self.compute(**self.values)
        self.summary.value = self.summary_html(self.result)
        if self.output is not None:
            self._redraw()

    def _redraw(self) -> None:
        import matplotlib.pyplot as plt
        from IPython import get_ipython

        fig, ax = plt.subplots(figsize=self.figsize)
        self.draw(self.result, ax)
        fig.tight_layout()
        self.output.outputs = ()
        with self.output:
            if get_ipython() is not None:     # during Run All the kernel still sees no outputs, so the line above
                self.output.clear_output(wait=True)   # sends nothing: clear the old chart within the capture
            plt.show()
        plt.close(fig)

    def _ipython_display_(self):
        from IPython.display import display

        display(self.view)
