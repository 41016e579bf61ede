"""``make lab`` (``python -m helpers lab``): JupyterLab on working copies, in the edition's language.

- The committed notebooks stay clean: you work on copies in ``work/<lang>/`` (git-ignored), made when
  missing and refreshed when the committed notebook changed and you have not edited your copy
  (``work/.copies.json`` remembers both fingerprints). Opening and autosaving touch only the copies.
- The copies are trusted (signed for this user at every start), so saved widget views render before
  re-running.
- JupyterLab starts in the edition's language (Chinese for zh: the language pack is installed, a
  settings override picks it) and without the "Jupyter news" question, from
  ``build/lab/<lang>/settings/overrides.json``; your own settings still win.
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def working_copies(repo: Path, lang: str, work: Path | None = None) -> list[Path]:
    """Copy ``notebooks/<lang>/*.ipynb`` to ``work/<lang>/`` where missing or stale (never over edits);
    returns the copies written."""
    repo = Path(repo)
    work = Path(work) if work else repo / "work"
    target = work / lang
    target.mkdir(parents=True, exist_ok=True)
    manifest_path = work / ".copies.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    written = []
    for source in sorted((repo / "notebooks" / lang).glob("*.ipynb")):
        copy = target / source.name
        key = f"{lang}/{source.name}"
        known = manifest.get(key, {})
        fresh = not copy.exists()
        stale = (copy.exists() and known.get("source") != _digest(source)
                 and known.get("copy") == _digest(copy))          # unchanged by you, changed upstream
        if fresh or stale:
            shutil.copy2(source, copy)
            manifest[key] = {"source": _digest(source), "copy": _digest(copy)}
            written.append(copy)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True))
    trust(sorted(target.glob("*.ipynb")))      # every copy: yours or ours (signing leaves the file as it is)
    return written


def trust(notebooks: list[Path]) -> None:
    """Sign notebooks for this user (what ``jupyter trust`` does)."""
    if not notebooks:
        return
    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary()
    for path in notebooks:
        notary.sign(nbformat.read(path, as_version=4))


def lab_settings(repo: Path, lang: str) -> Path:
    """``build/lab/<lang>/settings`` with the overrides for this edition."""
    from helpers.teaching.classroom.prepare import lab_overrides

    folder = Path(repo) / "build" / "lab" / lang / "settings"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "overrides.json").write_text(json.dumps(lab_overrides(lang), indent=2), encoding="utf-8")
    return folder


def lab_command(repo: Path, lang: str, extra: list[str] = ()) -> list[str]:
    repo = Path(repo)
    start = f"work/{lang}/00_start_here.ipynb"
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={repo}",
               f"--LabApp.default_url=/lab/tree/{start}", f"--LabApp.app_settings_dir={lab_settings(repo, lang)}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.news_url=None"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    return command + list(extra)


def main(args) -> int:
    repo = Path(args.repo).resolve() if args.repo else REPO
    written = working_copies(repo, args.lang)
    if written:
        print(f"working copies: {len(written)} notebooks → work/{args.lang}/ (the committed ones stay untouched)")
    extra = args.lab_args[1:] if args.lab_args[:1] == ["--"] else args.lab_args
    command = lab_command(repo, args.lang, extra)
    if args.prepare_only:
        print(" ".join(command))
        return 0
    os.execv(sys.executable, command)
    return 0  # pragma: no cover


def add_parser(sub) -> None:
    from helpers.i18n import t

    p = sub.add_parser("lab", help=t("cli_lab_help"), description=t("cli_lab_help"))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=t("cli_edition_lang"))
    p.add_argument("--repo", help=t("cli_repo"))
    p.add_argument("--prepare-only", action="store_true", help=t("cli_lab_prepare_only"))
    p.add_argument("lab_args", nargs=argparse_remainder(), help=t("cli_lab_args"))
    p.set_defaults(run=main)


def argparse_remainder():
    import argparse

    return argparse.REMAINDER
