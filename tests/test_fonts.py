"""Chinese titles render with the bundled font on a machine without system CJK fonts."""
import logging
import warnings

import matplotlib.pyplot as plt

import helpers
from helpers.plots.theme import CJK_FAMILY, FONT_FILE


def test_bundled_font_and_its_licence_ship_with_the_package():
    assert FONT_FILE.is_file() and FONT_FILE.stat().st_size > 1_000_000
    assert "SIL OPEN FONT LICENSE" in (FONT_FILE.parent / "OFL.txt").read_text()


def test_chinese_text_draws_without_missing_glyph_warnings(tmp_path, caplog):
    helpers.setup(lang="zh")
    fig, ax = plt.subplots()
    ax.set_title("客户价值分类：金钻·白银·铜·铁（重要价值客户）")
    ax.set_xlabel("最近一次消费距今天数")
    ax.bar(["潜在", "目标", "流失"], [1, -2, 3])
    with warnings.catch_warnings(), caplog.at_level(logging.WARNING, logger="matplotlib"):
        warnings.simplefilter("error")
        for ext in ("png", "pdf", "svg"):
            fig.savefig(tmp_path / f"zh.{ext}")
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    used = {t.get_fontname() for t in [ax.title]}
    assert used <= {CJK_FAMILY, "DejaVu Sans"}


def test_setup_sets_language_and_font_families():
    import matplotlib as mpl

    helpers.setup(lang="en")
    assert helpers.get_language() == "en"
    assert list(mpl.rcParams["font.family"]) == ["DejaVu Sans", CJK_FAMILY]


def test_the_kit_theme_is_seaborns_whitegrid_theme_without_importing_seaborn():
    """kit.mplstyle holds what ``sns.set_theme`` sets (apart from seaborn's own default colour map,
    which exists only once seaborn is imported), then the kit's fonts; applying it imports no seaborn."""
    import subprocess
    import sys

    import matplotlib as mpl
    import seaborn as sns

    from helpers.plots.theme import apply_theme

    with mpl.rc_context():
        mpl.rcdefaults()
        sns.set_theme(style="whitegrid", palette="Set2", context="notebook")
        seaborn_theme = dict(mpl.rcParams)
    with mpl.rc_context():
        mpl.rcdefaults()
        apply_theme()
        kit_theme = dict(mpl.rcParams)
    own = {"font.family": ["DejaVu Sans", CJK_FAMILY], "axes.unicode_minus": False, "figure.dpi": 100,
           "axes.titlesize": "large", "image.cmap": mpl.rcParamsDefault["image.cmap"]}
    colours = {name: [mpl.colors.to_rgba(c) for c in theme.pop("axes.prop_cycle").by_key()["color"]]
               for name, theme in (("seaborn", seaborn_theme), ("kit", kit_theme))}
    assert colours["seaborn"] == colours["kit"]
    different = {key for key in seaborn_theme if key not in own and seaborn_theme[key] != kit_theme[key]}
    assert not different, {key: (seaborn_theme[key], kit_theme[key]) for key in different}
    assert {key: kit_theme[key] for key in own} == own
    code = "import sys; from helpers.plots.theme import apply_theme; apply_theme(); print('seaborn' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
