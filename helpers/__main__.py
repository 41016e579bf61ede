"""Command line: ``python -m helpers <command>``.

    python -m helpers student --out build/student      # the student edition
    python -m helpers build-notebooks [03 04 …]        # chapter sources → executed zh/en notebooks
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _student(args) -> int:
    from helpers.editions import build_student_edition

    written = build_student_edition(Path(args.notebooks), Path(args.out))
    print(f"student edition: {len(written)} notebooks → {args.out}")
    return 0


def _build_notebooks(args) -> int:
    from helpers.authoring import build

    written = build(Path(args.sources), Path(args.notebooks), args.chapters or None)
    print("\n".join(str(p) for p in written))
    return 0


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

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
