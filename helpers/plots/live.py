"""Charts drawn once and then updated in place: the fast path of the explorers.

A notebook chart (``plot_…``) is drawn once. An explorer redraws its chart after every control
change, so it keeps one :class:`LiveFigure` for its whole life and a :class:`LiveChart` on it
that changes its artists in place (``set_width``, ``set_xdata``, ``set_text``…) instead of building
a new figure. :meth:`LiveFigure.render` turns the figure into PNG bytes, the pixels a class sees.
When only some artists changed (:data:`ARTISTS`), the rest of the figure — axes, ticks, labels,
title, grid — is not drawn again: it is restored from a saved copy and the changed artists are
drawn over it (blitting, as in matplotlib's tutorial "Faster rendering by using blitting").

    >>> from helpers.plots.live import ARTISTS, FULL, LiveChart, LiveFigure
    >>> class Bar(LiveChart):
    ...     def update(self, height):
    ...         if not self.dynamic:
    ...             self.dynamic = list(self.ax.bar([0], [height]))
    ...             self.ax.set_ylim(0, 10)
    ...             return FULL
    ...         self.dynamic[0].set_height(height)
    ...         return ARTISTS
    >>> live = LiveFigure(figsize=(2, 2))
    >>> bar = Bar(live.figure.add_subplot())
    >>> first = live.render(bar.update(3), bar.dynamic)
    >>> second = live.render(bar.update(7), bar.dynamic)
    >>> first[:4], first != second, live.full_renders
    (b'\\x89PNG', True, 1)

The figure is not registered with pyplot, so it never appears on its own in a notebook and needs
no closing.
"""
from __future__ import annotations

import io
from collections import OrderedDict

__all__ = ["LiveChart", "LiveFigure", "FULL", "ARTISTS", "NOTHING"]

#: What an update changed: the Axes' limits, ticks or the texts around them (lay the figure out
#: and draw all of it), only the chart's ``dynamic`` artists (draw them over the saved rest), or
#: nothing (the last image holds). The picture of a setting never depends on the settings before.
FULL, ARTISTS, NOTHING = "full", "artists", "nothing"
_PNG_COMPRESSION = 1       # zlib level: 1 encodes several times faster than 6, images ~5 % larger
_KEPT = 8                  # full renders kept for reuse: 1.4 MB each for a 7 × 5 inch figure


class LiveChart:
    """A chart on one Axes that is drawn once and then updated in place.

    ``update(data)`` changes the artists and returns what changed: :data:`FULL`, :data:`ARTISTS`
    (only those in ``dynamic`` changed) or :data:`NOTHING`. ``dynamic`` lists the artists drawn
    again on every render, over the saved rest of the figure, bottom first; no other artist of
    the figure may cover them. ``key``, when not None, names everything else the figure shows
    (and so its layout): a full render under a key seen before reuses that render's picture of
    the rest instead of laying out and drawing it again.

    >>> from matplotlib.figure import Figure
    >>> chart = LiveChart(Figure().add_subplot())
    >>> chart.dynamic, chart.key
    ([], None)
    """

    def __init__(self, ax):
        self.ax = ax
        self.dynamic: list = []
        self.key = None

    def update(self, data) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


class LiveFigure:
    """A Figure with its own Agg canvas that renders to PNG bytes, redrawing only what changed.

    ``full_renders`` counts the renders that laid out and drew the whole figure (tests and
    benchmarks read it); the last :data:`_KEPT` such pictures are kept by their chart's ``key``.

    >>> live = LiveFigure(figsize=(3, 2))
    >>> live.figure.get_size_inches().tolist(), live.full_renders
    ([3.0, 2.0], 0)
    """

    def __init__(self, figsize=(7, 4)):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from helpers.plots.theme import register_font

        register_font()
        self.figure = Figure(figsize=figsize)
        self.canvas = FigureCanvasAgg(self.figure)
        params = self.figure.subplotpars
        self._margins = {side: getattr(params, side) for side in ("left", "bottom", "right", "top", "wspace", "hspace")}
        self.full_renders = 0
        self._background = None
        self._kept: OrderedDict = OrderedDict()      # key → (layout, picture of everything but the dynamic artists)
        self._png: bytes | None = None

    def render(self, change: str = FULL, dynamic=(), key=None) -> bytes:
        """The figure as PNG bytes after an update that changed ``change`` (see :data:`FULL`).

        ``dynamic`` artists are left out of the saved background and drawn over it, in the order
        listed; ``key`` names what the rest shows (see :class:`LiveChart`).
        """
        if change == NOTHING and self._png is not None:
            return self._png
        for artist in dynamic:
            artist.set_animated(True)           # a full draw leaves animated artists out
        if change == FULL or self._background is None:
            if key is not None and key in self._kept:
                self._kept.move_to_end(key)
                layout, self._background = self._kept[key]
                self.figure.subplots_adjust(**layout)
            else:
                self._draw_background(key)
        self.canvas.restore_region(self._background)
        for artist in dynamic:
            if artist.get_visible():
                self.figure.draw_artist(artist)
        self._png = self._encode()
        return self._png

    def _draw_background(self, key) -> None:
        # laid out from the same start every time, so the layout depends on what is shown only
        self.figure.subplots_adjust(**self._margins)
        self.figure.tight_layout()
        self.canvas.draw()
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self.full_renders += 1
        if key is not None:
            params = self.figure.subplotpars
            self._kept[key] = ({side: getattr(params, side) for side in self._margins}, self._background)
            if len(self._kept) > _KEPT:
                self._kept.popitem(last=False)

    def _encode(self) -> bytes:
        import matplotlib.image
        import numpy as np

        buffer = io.BytesIO()
        matplotlib.image.imsave(buffer, np.asarray(self.canvas.buffer_rgba()), format="png",
                                pil_kwargs={"compress_level": _PNG_COMPRESSION})
        return buffer.getvalue()
