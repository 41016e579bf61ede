"""Parameter texts every chart shares, written once and formatted into each ``plot_*`` docstring.

The seaborn habit (its ``_core_docs``): a plot function's docstring names a shared entry in
braces on a line of its own — ``{ax}``, ``{kw}``, ``{returns}`` — and :func:`fill_docstring`
puts the text of :data:`PARAMS` there, indented like the placeholder. Text after a placeholder on
its line continues the entry (a ``{kw}`` line ends with the call ``**kw`` goes to). Other braces
in a docstring are left alone. ``helpers.plots`` fills the docstring of every ``plot_*`` function
it exports, so ``help(plot_nps)`` shows the full text.

    >>> def plot_demo(data, *, ax=None, **kw):
    ...     '''A demo chart.
    ...
    ...     {ax}
    ...     {kw} ``ax.bar``.
    ...     '''
    >>> print(fill_docstring(plot_demo).__doc__.strip())
    A demo chart.
    <BLANKLINE>
        ax : matplotlib Axes, optional
            The Axes to draw on; default: a new figure sized for the chart.
        **kw
            Passed unchanged to the one plotting call that draws the chart's main artist: ``ax.bar``.
"""
from __future__ import annotations

import re

__all__: list[str] = []     # machinery of helpers.plots

#: Shared entries, numpydoc style. Continuation lines are indented relative to the entry.
PARAMS = {
    "ax": ("ax : matplotlib Axes, optional\n"
           "    The Axes to draw on; default: a new figure sized for the chart."),
    "kw": ("**kw\n"
           "    Passed unchanged to the one plotting call that draws the chart's main artist:"),
    "returns": ("Returns\n"
                "-------\n"
                "matplotlib Axes\n"
                "    The Axes with the chart, its title and axis labels in the active language\n"
                "    (``helpers.set_language``; call ``helpers.setup()`` first for the Chinese font)."),
    "ratings": ("ratings : list, Series or one-column frame\n"
                "    One answer per respondent; incomplete answers are dropped and reported (a DataWarning)."),
}

_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)\{(?P<key>" + "|".join(PARAMS) + r")\}(?P<rest>.*)$")


def fill_docstring(func):
    """Replace the ``{key}`` placeholder lines of ``func.__doc__`` by the :data:`PARAMS` texts; return ``func``.

    A docstring already filled (or without placeholders) is left as it is.

    >>> def plot_x(data, *, ax=None):
    ...     '''{ax}'''
    >>> fill_docstring(plot_x).__doc__.splitlines()[0]
    'ax : matplotlib Axes, optional'
    """
    doc = func.__doc__
    if not doc or "{" not in doc:
        return func
    lines = []
    for line in doc.split("\n"):
        match = _PLACEHOLDER.match(line)
        if match is None:
            lines.append(line)
            continue
        indent = match["indent"]
        text = PARAMS[match["key"]].split("\n")
        lines += [indent + part for part in text[:-1]]
        lines.append(indent + text[-1] + match["rest"])
    func.__doc__ = "\n".join(lines)
    return func
