"""The command line speaks the user's language, and a data problem's fix is a command-line option."""
import re
from pathlib import Path

import pytest

from helpers.__main__ import cli_language, main

CORPUS = Path(__file__).resolve().parent / "malformed"


def run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("env, argv, expected", [
    ({}, ["report", "x.csv", "--lang", "en"], "en"),
    ({"CRMKIT_LANG": "en"}, ["report", "x.csv", "--lang=zh"], "zh"),
    ({"CRMKIT_LANG": "en", "LANG": "zh_CN.UTF-8"}, [], "en"),
    ({"LANG": "zh_CN.UTF-8"}, [], "zh"),
    ({"LANG": "en_US.UTF-8"}, [], "en"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, [], "zh"),
])
def test_the_language_comes_from_the_option_the_kit_setting_or_the_locale(monkeypatch, env, argv, expected):
    for name in ("CRMKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli_language(argv) == expected


def test_help_is_in_chinese_with_lang_zh(capsys):
    code, out, _ = run(capsys, "report", "--help", "--lang", "zh")
    assert code == 0
    assert out.startswith("用法：") and "显示本帮助并退出" in out and "表头所在的行" in out
    assert "--header-row N" in out and "--sheet NAME|N" in out and "%d/%m/%Y" in out
    assert "show this help" not in out and "usage:" not in out


def test_help_follows_a_chinese_locale(capsys, monkeypatch):
    for name in ("CRMKIT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("用法：") and "对交易文件做客户分类" in out


@pytest.mark.parametrize("argv, words", [(["lab"], "课程版本和界面语言"), (["slides"], "离线的 reveal.js 幻灯片"),
                                         (["classroom"], "收取学员作业"), (["classroom", "start"], "学员登录时输入的班级码"),
                                         (["classroom", "export"], "把进度导出为 CSV 和 Excel")])
def test_the_course_commands_help_in_chinese_too(capsys, monkeypatch, argv, words):
    for name in ("CRMKIT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, *argv, "--help")
    assert code == 0 and out.startswith("用法：") and words in out
    assert not re.search(r"\b(the|default|folder)\b", out), out     # no English help text left


def test_help_in_english(capsys):
    code, out, _ = run(capsys, "report", "--help", "--lang", "en")
    assert code == 0 and out.startswith("usage: ") and "the row of the column headers" in out


def test_argparse_errors_follow_the_language(capsys):
    code, _, err = run(capsys, "report", "x.csv", "--bogus", "--lang", "zh")
    assert code == 2 and "错误：无法识别的参数：--bogus" in err
    code, _, err = run(capsys, "report", "x.csv", "--rows", "0", "--lang", "zh")
    assert code == 2 and "应为不小于 1 的整数" in err


@pytest.mark.parametrize("lang, expected", [("en", "--encoding cp1252"), ("zh", "用 --encoding cp1252 指定")])
def test_a_data_problem_names_the_command_line_option(capsys, tmp_path, lang, expected):
    code, _, err = run(capsys, "report", str(CORPUS / "latin1_names.csv"), "--lang", lang, "--out", str(tmp_path))
    assert code == 2 and expected in err and 'encoding="' not in err


@pytest.mark.parametrize("name, option", [
    ("jd_two_amounts.xlsx", "--columns amount=订单金额"),
    ("email_no_customer_column.xlsx", "--header-row N"),
    ("ragged_row.csv", "--sep"),
    ("ambiguous_day_month.csv", "--date-format"),
])
def test_every_fix_on_the_command_line_is_an_option(capsys, tmp_path, name, option):
    code, _, err = run(capsys, "report", str(CORPUS / name), "--lang", "en", "--out", str(tmp_path))
    assert code == 2 and option in err
    assert not any(f"{arg}=" in err for arg in ("columns", "header_row", "sheet", "date_format", "encoding", "sep"))


def test_reading_options_reach_the_loader(capsys, tmp_path, monkeypatch):
    import helpers.report

    seen = {}
    monkeypatch.setattr(helpers.report, "create_report", lambda *a, **kw: seen.update(kw))
    code, _, _ = run(capsys, "report", "orders.xlsx", "--sheet", "2", "--header-row", "3", "--encoding", "gbk",
                     "--sep", "tab", "--date-format", "%d/%m/%Y", "--out", str(tmp_path))
    assert code == 0
    assert (seen["sheet"], seen["header_row"], seen["encoding"], seen["sep"], seen["date_format"]) == \
        (1, 3, "gbk", "\t", "%d/%m/%Y")
    run(capsys, "report", "orders.xlsx", "--sheet", "明细", "--out", str(tmp_path))
    assert seen["sheet"] == "明细"


def test_a_file_the_detector_refuses_loads_with_the_option_it_names(capsys, tmp_path):
    code, _, err = run(capsys, "report", str(CORPUS / "latin1_names.csv"), "--encoding", "cp1252", "--lang", "en",
                       "--out", str(tmp_path))
    assert code == 0 and (tmp_path / "report.xlsx").is_file()


def test_a_missing_sheet_is_counted_from_one_on_the_command_line(capsys, tmp_path):
    code, _, err = run(capsys, "report", str(CORPUS / "email_two_year_sheets.xlsx"), "--sheet", "3", "--lang", "en",
                       "--out", str(tmp_path))
    assert code == 2 and "has no sheet 3; its sheets are: '2023', '2024'" in err and "--sheet 1" in err
