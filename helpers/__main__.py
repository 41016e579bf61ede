"""Command line: ``python -m helpers <command>``.

    python -m helpers student --out build/student      # the student edition
    python -m helpers build-notebooks [03 04 …]        # chapter sources → executed zh/en notebooks
    python -m helpers report orders.xlsx --out build/report   # an analyst's report on own data
    python -m helpers lab --lang zh                    # JupyterLab on working copies (make lab)
    python -m helpers slides 03 --lang zh              # offline slides of a chapter (make slides)
    sudo python -m helpers classroom start             # the class server (make classroom)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _student(args) -> int:
    from helpers.teaching.editions import build_student_edition

    written = build_student_edition(Path(args.notebooks), Path(args.out))
    print(f"student edition: {len(written)} notebooks → {args.out}")
    return 0


def _build_notebooks(args) -> int:
    from helpers.teaching.authoring import build

    written = build(Path(args.sources), Path(args.notebooks), args.chapters or None)
    print("\n".join(str(p) for p in written))
    return 0


REPORT_EXAMPLES = """\
Writes into --out: report.html (self-contained page), report.xlsx (customers, at-risk, win-back,
segment actions, thresholds, data report), customers.csv and customers.parquet.
Exit status: 0 done, 1 failed, 2 the data (or a usage) is the problem; the message says how to fix it.

examples:
  python -m helpers report orders.csv
  python -m helpers report 订单.xlsx --columns customer_id=会员号 amount=实付金额 --lang zh
  python -m helpers report orders.csv --as-of 2024-07-01 --scheme r_rfm10 --out build/q2
  python -m helpers report --demo online_retail --out build/report
"""


def _column_mapping(text: str) -> tuple[str, str]:
    role, sep, header = text.partition("=")
    if not sep or not role.strip() or not header.strip():
        raise argparse.ArgumentTypeError(f"expected role=header (e.g. customer_id=会员号), got {text!r}")
    return role.strip(), header.strip()


def _day(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _report(args) -> int:
    from helpers.errors import DataError
    from helpers.i18n import get_language, language, t
    from helpers.report import create_report

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with language(args.lang or get_language()):
        try:
            create_report(args.file, args.out, columns=dict(args.columns or []), as_of=args.as_of,
                          scheme=args.scheme, demo=args.demo, top=args.top, progress=progress)
        except DataError as err:
            progress(t("report_err_data", message=err))
            return 2
        except Exception as err:  # any other failure: one readable line, not a traceback
            progress(t("report_err_failed", message=f"{type(err).__name__}: {err}"))
            return 1
    return 0


def _add_report(sub) -> None:
    from helpers.report import DEMOS, FILES, TOP_N
    from helpers.segments import SCHEMES

    p = sub.add_parser("report", help="classify the customers of a transactions file; HTML, Excel, CSV, Parquet",
                       description="Load transactions (CSV/TSV/TXT, .gz, Excel, Parquet; GBK or UTF-8; Chinese "
                                   "or English headers), report what was kept, then RFM scores, segments, "
                                   "customer pyramid, Marcus matrix, relationship states and action lists.",
                       epilog=REPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="the transactions file")
    source.add_argument("--demo", choices=DEMOS, help="a bundled dataset instead of a file")
    p.add_argument("--columns", nargs="+", type=_column_mapping, metavar="ROLE=HEADER",
                   help="your header for a role when it is not recognised (give FILE first); roles: customer_id, "
                        "order_date, amount, order_id, quantity, unit_price")
    p.add_argument("--as-of", type=_day, help="analysis date YYYY-MM-DD (default: the day after the last transaction; "
                                   "later transactions are left out)")
    p.add_argument("--lang", choices=("zh", "en"), help="language of the report (default: zh, or $CRMKIT_LANG)")
    p.add_argument("--scheme", choices=SCHEMES, default="cn8", help="segmentation scheme (default: cn8, RFM 八类)")
    p.add_argument("--top", type=int, default=TOP_N, help=f"customers shown per list in the HTML (default: {TOP_N})")
    p.add_argument("--out", default="build/report", help=f"output folder for {', '.join(FILES.values())} "
                                                          "(default: build/report)")
    p.set_defaults(run=_report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("student", help="write the student edition (no solutions, no trainer notes)")
    p.add_argument("--notebooks", default="notebooks", help="folder with zh/ and en/ (default: notebooks)")
    p.add_argument("--out", default="build/student", help="output folder (default: build/student)")
    p.set_defaults(run=_student)

    p = sub.add_parser("build-notebooks", help="execute chapter sources into both notebook editions")
    p.add_argument("chapters", nargs="*", help="chapter number prefixes (default: all)")
    p.add_argument("--sources", default="course/chapters")
    p.add_argument("--notebooks", default="notebooks")
    p.set_defaults(run=_build_notebooks)

    _add_report(sub)

    from helpers.teaching.classroom import lab, launcher, slides

    lab.add_parser(sub)
    slides.add_parser(sub)
    launcher.add_parser(sub)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
