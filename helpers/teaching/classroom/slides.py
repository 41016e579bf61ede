"""Any chapter as reveal.js slides that need no internet: ``python -m helpers slides 03 --lang zh``.

The notebooks carry slide metadata (``#`` / ``##`` headings start slides, ``###`` sub-slides, trainer
notes are ``notes``); nbconvert turns a chapter into one HTML file whose scripts — reveal.js with its
speaker-notes plugin, RequireJS, jQuery, MathJax 2 and the widget renderer — come from
``build/slides/assets/``, copied from the npm packages ``make slides`` installs into ``.node/``. Press
**S** in the slides for the speaker view with the trainer notes. Chinese renders with the system's CJK
font or, failing that, the kit's bundled Noto Sans CJK subset. Solution cells are left out unless
``--with-solutions``. For presenting live inside JupyterLab, the kit installs jupyterlab-rise
(the ▶ "Render as slides" button in the notebook toolbar; reveal.js bundled).
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
NODE_MODULES = REPO / ".node" / "node_modules"

# (source under node_modules, target under assets/, what to leave out)
ASSETS = [
    ("reveal.js/dist", "reveal.js/dist", ()),
    ("reveal.js/plugin", "reveal.js/plugin", ()),
    ("requirejs/require.js", "require.js", ()),
    ("jquery/dist/jquery.min.js", "jquery.min.js", ()),
    ("@jupyter-widgets/html-manager/dist", "html-manager", ()),
    ("mathjax/MathJax.js", "mathjax/MathJax.js", ()),
    ("mathjax/config", "mathjax/config", ()),
    ("mathjax/extensions", "mathjax/extensions", ()),
    ("mathjax/localization", "mathjax/localization", ()),
    ("mathjax/jax/input", "mathjax/jax/input", ()),
    ("mathjax/jax/element", "mathjax/jax/element", ()),
    ("mathjax/jax/output/CommonHTML", "mathjax/jax/output/CommonHTML", ()),
    ("mathjax/fonts/HTML-CSS/TeX/woff", "mathjax/fonts/HTML-CSS/TeX/woff", ()),
]
# no diagrams in the course: a module that does nothing (a file:// module would be refused by the browser)
MERMAID_STUB = "data:text/javascript,export default {initialize() {}};"
FONT_CSS = """
<style>
@font-face { font-family: "CRMKit Sans SC"; src: url("{assets}/CRMKitSansSC-Regular.ttf") format("truetype"); }
.reveal, .reveal h1, .reveal h2, .reveal h3, .reveal h4, .reveal p, .reveal li, .reveal td, .reveal th, body {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "CRMKit Sans SC",
               "Helvetica Neue", Arial, sans-serif; }
.reveal .jp-InputArea, .reveal pre, .reveal code { font-family: "Noto Sans Mono CJK SC", Menlo, Consolas, monospace; }
</style>
<script type="text/x-mathjax-config">
  // one rendering per formula: no quick preview first, no copy for screen readers shown by MathML browsers
  MathJax.Hub.Config({"fast-preview": {disabled: true}, menuSettings: {assistiveMML: false},
                      "AssistiveMML": {disabled: true}, tex2jax: {preview: "none"}});
</script>
"""


def copy_assets(assets: Path, node_modules: Path = NODE_MODULES) -> Path:
    """Copy the slide scripts and the CJK font into ``assets`` (once; kept when present)."""
    assets = Path(assets)
    stamp = assets / ".complete"
    if stamp.exists():
        return assets
    missing = [src for src, _, _ in ASSETS if not (node_modules / src).exists()]
    if missing:
        raise FileNotFoundError(f"{node_modules} lacks {', '.join(missing)}: run `make slides` "
                                "(it installs reveal.js, MathJax and friends with npm, once)")
    for src, target, _ in ASSETS:
        source, destination = node_modules / src, assets / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination, dirs_exist_ok=True)
        else:
            shutil.copy2(source, destination)
    shutil.copy2(REPO / "helpers" / "fonts" / "CRMKitSansSC-Regular.ttf", assets / "CRMKitSansSC-Regular.ttf")
    (assets / "empty.css").write_text("")
    for theme in (assets / "reveal.js" / "dist" / "theme").glob("*.css"):   # themes @import web fonts
        css = theme.read_text(encoding="utf-8")
        theme.write_text(re.sub(r"@import url\(\s*['\"]?https?://[^)]*\)\s*;?", "", css), encoding="utf-8")
    stamp.touch()
    return assets


def slides_notebook(nb, with_solutions: bool = False):
    """A copy of a chapter for presenting: solution cells left out (unless asked), outputs kept."""
    import nbformat

    out = nbformat.from_dict(nb)
    if not with_solutions:
        out.cells = [c for c in out.cells if "solution" not in c.metadata.get("tags", [])]
    if out.cells and out.cells[0].cell_type == "code" and "helpers.setup(" in out.cells[0].source:
        out.cells[0].metadata.setdefault("slideshow", {})["slide_type"] = "skip"     # the setup cell
    return out


def export_slides(notebook: Path, out_dir: Path, assets: Path, with_solutions: bool = False) -> Path:
    """``notebook`` as ``out_dir/<name>.slides.html`` using the scripts in ``assets``."""
    import os

    import nbformat
    from nbconvert import SlidesExporter

    notebook, out_dir = Path(notebook), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = Path(os.path.relpath(assets, out_dir)).as_posix()
    exporter = SlidesExporter()
    exporter.reveal_url_prefix = f"{prefix}/reveal.js"
    exporter.require_js_url = f"{prefix}/require.js"
    exporter.jquery_url = f"{prefix}/jquery.min.js"
    exporter.mathjax_url = f"{prefix}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
    exporter.mermaid_js_url = MERMAID_STUB
    exporter.widget_renderer_url = f"{prefix}/html-manager/embed-amd.js"
    exporter.font_awesome_url = f"{prefix}/empty.css"
    exporter.reveal_scroll = True
    nb = slides_notebook(nbformat.read(notebook, as_version=4), with_solutions)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook.stem,
                                                                      "path": str(notebook.parent)}})
    body = body.replace("</head>", FONT_CSS.replace("{assets}", prefix) + "</head>", 1)
    target = out_dir / f"{notebook.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    return target


def export_chapters(chapters: list[str], langs: list[str], out: Path, notebooks: Path = REPO / "notebooks",
                    with_solutions: bool = False, node_modules: Path = NODE_MODULES) -> list[Path]:
    """Slides of the chapters whose number starts with one of ``chapters`` (all when empty)."""
    assets = copy_assets(Path(out) / "assets", node_modules)
    written = []
    for lang in langs:
        for notebook in sorted((Path(notebooks) / lang).glob("[0-9][0-9]_*.ipynb")):
            if chapters and not any(notebook.name.startswith(c) for c in chapters):
                continue
            written.append(export_slides(notebook, Path(out) / lang, assets, with_solutions))
    return written


def main(args) -> int:
    written = export_chapters(args.chapters, [args.lang] if args.lang else ["zh", "en"], Path(args.out),
                              Path(args.notebooks), args.with_solutions)
    print("\n".join(str(p) for p in written))
    return 0


def add_parser(sub) -> None:
    from helpers.i18n import t

    p = sub.add_parser("slides", help=t("cli_slides_help"), description=t("cli_slides_help"))
    p.add_argument("chapters", nargs="*", help=t("cli_build_chapters"))
    p.add_argument("--lang", choices=("zh", "en"), help=t("cli_slides_lang"))
    p.add_argument("--out", default="build/slides", help=t("cli_slides_out"))
    p.add_argument("--notebooks", default=str(REPO / "notebooks"), help=t("cli_student_notebooks"))
    p.add_argument("--with-solutions", action="store_true", help=t("cli_slides_solutions"))
    p.set_defaults(run=main)
