"""Command line: ``python -m helpers <command>``, in the user's language.

    python -m helpers student --out build/student      # the student edition
    python -m helpers build-notebooks [03 04 …]        # chapter sources → executed zh/en notebooks
    python -m helpers report orders.xlsx --out build/report   # an analyst's report on own data
    python -m helpers lab --lang zh                    # JupyterLab on working copies (make lab)
    python -m helpers slides 03 --lang zh              # offline slides of a chapter (make slides)
    sudo python -m helpers classroom start             # the class server (make classroom)

The language is ``--lang``, else ``$CRMKIT_LANG``, else the system locale (``zh_*`` → Chinese,
another named locale → English), else the kit's default (Chinese): ``--help``, argparse's own
messages and every error follow it. A data problem is told with its fix written as command-line
options (``--encoding gbk``, not ``encoding="gbk"``).
"""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path

__all__ = ["main"]

#: argparse's messages (Python's own words) → catalogue keys of helpers/locale/cli.yml.
_ARGPARSE = {"usage: ": "cli_usage", "positional arguments": "cli_positionals", "options": "cli_options",
             "show this help message and exit": "cli_help", "%(prog)s: error: %(message)s\n": "cli_error",
             "the following arguments are required: %s": "cli_required",
             "one of the arguments %s is required": "cli_one_required",
             "invalid choice: %(value)r (choose from %(choices)s)": "cli_invalid_choice",
             "unrecognized arguments: %s": "cli_unrecognized", "expected one argument": "cli_expected_one",
             "expected at least one argument": "cli_expected_some",
             "argument %(argument_name)s: %(message)s": "cli_argument",
             "not allowed with argument %s": "cli_not_allowed",
             "invalid %(type)s value: %(value)r": "cli_invalid_value",
             "ambiguous option: %(option)s could match %(matches)s": "cli_ambiguous"}


def cli_language(argv) -> str:
    """``--lang`` from ``argv``, else ``$CRMKIT_LANG``, else the locale, else the kit's default.

    >>> cli_language(["report", "x.csv", "--lang", "en"]), cli_language(["report", "--lang=zh"])
    ('en', 'zh')
    """
    from helpers.i18n import LANGUAGES, get_language

    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:] if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    if os.environ.get("CRMKIT_LANG") in LANGUAGES:
        return os.environ["CRMKIT_LANG"]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value.split(".")[0] not in ("C", "POSIX"):
            return "zh" if value.lower().startswith("zh") else "en"
    return get_language()


@contextmanager
def _argparse_in(lang: str):
    """argparse speaks ``lang`` inside the block (its messages are looked up in the catalogue)."""
    from helpers.i18n import t

    before = argparse._, argparse.ngettext

    def translated(message: str) -> str:
        return t(_ARGPARSE[message], lang=lang) if message in _ARGPARSE else message

    argparse._ = translated
    argparse.ngettext = lambda one, many, n: translated(one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before


def _student(args) -> int:
    from helpers.i18n import t
    from helpers.teaching.editions import build_student_edition

    written = build_student_edition(Path(args.notebooks), Path(args.out))
    print(t("cli_student_done", n=len(written), out=args.out))
    return 0


def _build_notebooks(args) -> int:
    from helpers.teaching.authoring import build

    written = build(Path(args.sources), Path(args.notebooks), args.chapters or None)
    print("\n".join(str(p) for p in written))
    return 0


def _column_mapping(text: str) -> tuple[str, str]:
    from helpers.i18n import t

    role, sep, header = text.partition("=")
    if not sep or not role.strip() or not header.strip():
        raise argparse.ArgumentTypeError(t("cli_err_mapping", value=text))
    return role.strip(), header.strip()


def _day(text: str) -> str:
    from datetime import date

    from helpers.i18n import t

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli_err_day", value=text)) from None


def _positive(text: str) -> int:
    from helpers.i18n import t

    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(t("cli_err_positive", value=text))
    return number


def _sheet(text: str):
    """A sheet name, or its number counted from 1 (the loader counts positions from 0)."""
    return int(text) - 1 if text.isdigit() and int(text) >= 1 else text


def _sep(text: str) -> str:
    return "\t" if text.lower() in ("tab", "\\t") else text


def cli_error(err) -> str:
    """A DataError's message with its fix written as command-line options (the ``_cli`` twin).

    >>> from helpers.errors import DataError
    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     cli_error(DataError("err_data_header_row_empty", source="a.csv", row=2, fix_key="fix_data_header_row"))
    'Row 2 of a.csv is blank and cannot be the header. Fix: name the row of the column headers with --header-row N (counted from 1, as Excel numbers rows).'
    """
    from helpers.errors import DataError
    from helpers.i18n import has

    values = dict(err.values)
    if isinstance(values.get("sheet"), int):      # positions from 1 on the command line
        values["sheet"] = values["sheet"] + 1 if err.key == "err_data_no_sheet" else values["sheet"]
    fix_key = f"{err.fix_key}_cli" if err.fix_key and has(f"{err.fix_key}_cli") else err.fix_key
    return str(DataError(err.key, column=err.column, rows=err.rows, n_rows=err.n_rows, fix_key=fix_key, **values))


def _report(args) -> int:
    from helpers.data.progress import progress_bar
    from helpers.errors import DataError
    from helpers.i18n import t
    from helpers.report import create_report
    from helpers.report.files import value_options

    read = {"encoding": args.encoding, "sheet": args.sheet, "header_row": args.header_row, "sep": args.sep,
            "date_format": args.date_format}
    with progress_bar(None, "analyse", unit="steps") as bar:
        def progress(line: str) -> None:
            bar.write(line, file=sys.stderr)
            bar.update(1)

        try:
            create_report(args.file, args.out, columns=dict(args.columns or []), as_of=args.as_of,
                          scheme=args.scheme, demo=args.demo, n_rows=args.rows, progress=progress,
                          **value_options(args), **{k: v for k, v in read.items() if v is not None})
        except DataError as err:
            progress(t("report_err_data", message=cli_error(err)))
            return 2
        except PermissionError as err:
            progress(t("cli_err_write", path=err.filename or args.out))
            return 1
        except Exception as err:  # any other failure: what to do in the user's language, the detail for maintainers
            progress(t("cli_err_internal", detail=f"{type(err).__name__}: {err}"))
            return 1
    return 0


def _add_report(sub) -> None:
    from helpers.i18n import t
    from helpers.report import DEMOS, FILES, N_ROWS
    from helpers.report.files import add_value_options
    from helpers.segments import SCHEMES

    p = sub.add_parser("report", help=t("cli_report_help"), description=t("cli_report_description"),
                       epilog=t("cli_report_epilog"), formatter_class=argparse.RawDescriptionHelpFormatter)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help=t("cli_report_file"))
    source.add_argument("--demo", choices=DEMOS, help=t("cli_report_demo"))
    p.add_argument("--columns", nargs="+", type=_column_mapping, metavar="ROLE=HEADER", help=t("cli_report_columns"))
    p.add_argument("--sheet", type=_sheet, metavar="NAME|N", help=t("cli_report_sheet"))
    p.add_argument("--header-row", type=_positive, metavar="N", help=t("cli_report_header_row"))
    p.add_argument("--encoding", metavar="ENCODING", help=t("cli_report_encoding"))
    p.add_argument("--sep", type=_sep, metavar="SEP", help=t("cli_report_sep"))
    p.add_argument("--date-format", metavar="FORMAT", help=t("cli_report_date_format").replace("%", "%%"))
    p.add_argument("--as-of", type=_day, help=t("cli_report_as_of"))
    p.add_argument("--lang", choices=("zh", "en"), help=t("cli_report_lang"))
    p.add_argument("--scheme", choices=SCHEMES, default="cn8", help=t("cli_report_scheme"))
    p.add_argument("--rows", type=_positive, default=N_ROWS, metavar="N", help=t("cli_report_rows", n=N_ROWS))
    p.add_argument("--out", default="build/report", help=t("cli_report_out", files=", ".join(FILES.values())))
    add_value_options(p)
    p.set_defaults(run=_report)


def _parser() -> argparse.ArgumentParser:
    from helpers.i18n import t

    parser = argparse.ArgumentParser(prog="python -m helpers", description=t("cli_description"),
                                     epilog=t("cli_epilog"), formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, title=t("cli_commands"))

    p = sub.add_parser("student", help=t("cli_student_help"), description=t("cli_student_help"))
    p.add_argument("--notebooks", default="notebooks", help=t("cli_student_notebooks"))
    p.add_argument("--out", default="build/student", help=t("cli_student_out"))
    p.set_defaults(run=_student)

    p = sub.add_parser("build-notebooks", help=t("cli_build_help"), description=t("cli_build_help"))
    p.add_argument("chapters", nargs="*", help=t("cli_build_chapters"))
    p.add_argument("--sources", default="course/chapters", help=t("cli_build_sources"))
    p.add_argument("--notebooks", default="notebooks", help=t("cli_build_notebooks"))
    p.set_defaults(run=_build_notebooks)

    _add_report(sub)

    from helpers.teaching.classroom import lab, launcher, slides

    lab.add_parser(sub)
    slides.add_parser(sub)
    launcher.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: the process's arguments); the exit status.

    >>> main(["report", "--lang", "en", "no_such_file.csv", "--out", "/tmp/x"])
    2
    """
    from helpers.i18n import language

    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["report"]:
        from helpers.report.worker import Worker

        Worker.prestart()      # the report's worker imports its libraries while this process does
    lang = cli_language(argv)
    with language(lang), _argparse_in(lang):
        args = _parser().parse_args(argv)
        return args.run(args)


if __name__ == "__main__":
    code = main()
    if sys.argv[1:2] == ["report"]:    # done, every file closed: skip the teardown of its frames and
        sys.stdout.flush()             # thread pools (~0.2 s), which the analyst would wait for
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
