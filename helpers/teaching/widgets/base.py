"""The explorer pattern: controls → a pure function → result table and chart.

An explorer declares its controls, a pure ``compute(**values)`` and how to show the result; the
base class wires them together. Its state is testable without a browser::

    >>> from helpers.teaching.widgets.clv import ClvCalculator
    >>> calc = ClvCalculator(chart=False)
    >>> calc.controls["retention"].value = 0.9
    >>> round(calc.result.clv, 2)
    450.0

Nothing is printed into the output area (nbval compares cell outputs). The chart lives on one
figure for the explorer's whole life: a control change updates its artists in place and the
figure is rendered to PNG bytes into an ``Image`` widget (:mod:`helpers.plots.live`), so the
picture a class sees always belongs to the current setting.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from helpers.i18n import get_language, has, t
from helpers.plots.live import FULL, LiveChart, LiveFigure

__all__ = ["Explorer"]


def describe(key: str) -> str:
    """Control caption from the catalogue (or the key itself).

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     describe("wd_survey_confidence"), describe("My slider")
    ('Confidence level', 'My slider')
    """
    return t(key) if has(key) else key


class Explorer:
    """Base class of the kit's interactive explorers.

    Subclasses implement ``make_controls() -> dict[name, widget]``, ``compute(**values)`` (pure,
    returns the result) and ``summary_html(result) -> str``; for a chart, either
    ``draw(result, ax)`` (the figure is cleared and drawn again after every change: for small
    charts) or ``make_chart(figure)`` returning a :class:`~helpers.plots.live.LiveChart` whose
    ``update(result)`` changes its artists in place (for charts of many customers).
    ``chart_data(result)`` picks what the chart draws (None: no chart for this result, e.g. a
    message instead). ``cache_size`` results of recent settings are kept (``compute`` is pure), so
    going back to a setting shows it at once; ``cache_key(values)`` says which settings give the
    same result. ``chart=False`` leaves the chart out (tests, quick checks); ``**initial`` sets
    controls by name. ``figure`` is the chart's matplotlib Figure and ``image`` the widget showing
    it (both None without a chart).

    >>> import ipywidgets as w
    >>> class Double(Explorer):
    ...     def make_controls(self):
    ...         return {"x": w.IntSlider(value=2)}
    ...     def compute(self, x):
    ...         return 2 * x
    ...     def summary_html(self, result):
    ...         return f"<b>{result}</b>"
    ...     def draw(self, result, ax):
    ...         ax.bar([0], [result])
    >>> explorer = Double(x=5)
    >>> explorer.result, explorer.summary.value
    (10, '<b>10</b>')
    >>> explorer.controls["x"].value = 7
    >>> explorer.result, float(explorer.figure.axes[0].patches[0].get_height()), bytes(explorer.image.value[:4])
    (14, 14.0, b'\x89PNG')
    """

    figsize = (7, 4)
    cache_size = 0

    def __init__(self, chart: bool = True, **initial: Any):
        import ipywidgets as w

        self._results: OrderedDict = OrderedDict()
        self.controls = self.make_controls()
        for name, value in initial.items():
            self.controls[name].value = value
        self.summary = w.HTML()
        self.figure = self.chart = self.image = None
        if chart and (hasattr(self, "draw") or type(self).make_chart is not Explorer.make_chart):
            self._new_chart()
            width = round(self.figure.get_figwidth() * self.figure.dpi)       # pixels, as a notebook shows a figure
            self.image = w.Image(format="png", layout=w.Layout(width=f"{width}px", max_width="100%"))
        parts = [w.HBox(list(self.controls.values()), layout=w.Layout(flex_flow="row wrap")), self.summary]
        self.view = w.VBox(parts + ([self.image] if self.image is not None else []))
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

    def make_chart(self, figure):
        """The chart of this explorer on ``figure``; by default one that calls ``draw`` anew."""
        return _Redrawn(figure, self.draw)

    def _update(self, change=None) -> None:
        self.result = self._result(self.values)
        self.summary.value = self.summary_html(self.result)
        if self.chart is not None:
            self._redraw()

    def cache_key(self, values: dict):
        """The key under which the result of these control values is kept (see ``cache_size``)."""
        return tuple(values.values())

    def clear_cache(self) -> None:
        """Forget the results kept so far (e.g. after changing the explorer's data)."""
        self._results.clear()

    def _result(self, values: dict):
        if not self.cache_size:
            return self.compute(**values)
        key = (get_language(), self.cache_key(values))     # labels and messages are in the active language
        if key in self._results:
            self._results.move_to_end(key)
        else:
            self._results[key] = self.compute(**values)
            if len(self._results) > self.cache_size:
                self._results.popitem(last=False)
        return self._results[key]

    def chart_data(self, result):
        """What the chart draws for ``result``; None when there is nothing to draw (then no chart shows)."""
        return result

    def _new_chart(self) -> None:
        self._live = LiveFigure(self.figsize)
        self.figure = self._live.figure
        self.chart = self.make_chart(self.figure)
        self._language = get_language()

    def _redraw(self) -> None:
        if self._language != get_language():      # a chart keeps its texts: another language, another chart
            self._new_chart()
        data = self.chart_data(self.result)
        self.image.layout.display = "none" if data is None else None     # no empty frame under a message
        if data is not None:
            change = self.chart.update(data)
            self.image.value = self._live.render(change, self.chart.dynamic, self.chart.key)

    def _ipython_display_(self):
        from IPython.display import display

        display(self.view)


class _Redrawn(LiveChart):
    """The chart of an explorer with a ``draw(result, ax)`` method: cleared and drawn anew each time."""

    def __init__(self, figure, draw):
        super().__init__(None)
        self.figure, self.draw = figure, draw

    def update(self, result) -> str:
        self.figure.clear()
        self.ax = self.figure.add_subplot()
        self.draw(result, self.ax)
        return FULL
