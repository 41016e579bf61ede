"""Setting up a class server's folder: the students' Python, the kit they import (without the model
answers), the editions, the JupyterLab settings, and one system account per student.

Layout of ``<classroom dir>`` (``/srv/crm-classroom`` by default)::

    hub/        root only (0700): settings, class code, JupyterHub's database, the progress store
    venv/       the students' Python (a venv of a Python every account can run)
    kit/        what students' kernels import: helpers (model answers removed), datasets, syllabus, cases
    editions/   root only: the student editions and the trainer edition, copied into homes
    lab/<lang>/settings/overrides.json   JupyterLab in the class language, no news pop-up
    home/<account>/                      each student's home (0700, their own system user)

Model answers leave the kit: they stay in the trainer's copy and the progress service hands one out
when the trainer releases it::

    >>> src = 'q1 = ValueProblem(var="x", expected=lambda: 2,\\n    model_answer={"zh": "x = 2 # 二", "en": "x = 2"})\\n'
    >>> print(strip_model_answers(src))
    q1 = ValueProblem(var="x", expected=lambda: 2,
        model_answer="")
    <BLANKLINE>
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import ast
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

REQUIREMENTS_STAMP = ".crm-classroom-requirements"
HOME_MARKER = ".crm-classroom"


# ---------------------------------------------------------------- the kit students import

def strip_model_answers(source: str) -> str:
    """``source`` with every ``model_answer=…`` argument replaced by ``model_answer=""``."""
    tree = ast.parse(source)
    spans = [(kw.value.lineno, kw.value.col_offset, kw.value.end_lineno, kw.value.end_col_offset)
             for node in ast.walk(tree) if isinstance(node, ast.Call)
             for kw in node.keywords if kw.arg == "model_answer"]
    lines = [line.encode("utf-8") for line in source.splitlines(keepends=True)]
    for start_line, start_col, end_line, end_col in sorted(spans, reverse=True):   # offsets are in bytes
        head = lines[start_line - 1][:start_col]
        tail = lines[end_line - 1][end_col:]
        lines[start_line - 1:end_line] = [head + b'""' + tail]
    return b"".join(lines).decode("utf-8")


def model_answers_left(source: str) -> int:
    """How many ``model_answer`` arguments are not empty (0 after :func:`strip_model_answers`)."""
    tree = ast.parse(source)
    return sum(1 for node in ast.walk(tree) if isinstance(node, ast.Call) for kw in node.keywords
               if kw.arg == "model_answer" and not (isinstance(kw.value, ast.Constant) and kw.value.value == ""))


def publish_kit(repo: Path, kit: Path) -> Path:
    """Copy what students' kernels import into ``kit`` (readable by all, writable by root only)."""
    repo, kit = Path(repo), Path(kit)
    staging = kit.with_name(kit.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(repo / "helpers", staging / "helpers", ignore=ignore)
    shutil.copytree(repo / "datasets", staging / "datasets", ignore=ignore)
    (staging / "course").mkdir()
    shutil.copy2(repo / "course" / "syllabus.yml", staging / "course" / "syllabus.yml")
    if (repo / "course" / "cases").is_dir():
        shutil.copytree(repo / "course" / "cases", staging / "course" / "cases")
    for module in sorted((staging / "helpers" / "teaching" / "exercises").glob("ch[0-9][0-9].py")):
        stripped = strip_model_answers(module.read_text(encoding="utf-8"))
        if model_answers_left(stripped):
            raise RuntimeError(f"{module.name}: a model answer could not be removed")
        module.write_text(stripped, encoding="utf-8")
    _open_for_reading(staging)
    old = kit.with_name(kit.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if kit.exists():
        kit.rename(old)
    staging.rename(kit)
    shutil.rmtree(old, ignore_errors=True)
    return kit


def _open_for_reading(top: Path) -> None:
    for path in [top, *top.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


# ---------------------------------------------------------------- editions

def build_editions(repo: Path, editions: Path) -> Path:
    """``editions/student/<lang>`` and ``editions/trainer/<lang>`` (+ ``course/``), root only."""
    from helpers.teaching.editions import build_student_edition

    repo, editions = Path(repo), Path(editions)
    shutil.rmtree(editions, ignore_errors=True)
    editions.mkdir(parents=True)
    os.chmod(editions, 0o700)
    build_student_edition(repo / "notebooks", editions / "student")
    for lang_dir in sorted((repo / "notebooks").iterdir()):
        if lang_dir.is_dir():
            target = editions / "trainer" / lang_dir.name
            target.mkdir(parents=True)
            for notebook in lang_dir.glob("*.ipynb"):
                shutil.copy2(notebook, target / notebook.name)
    shutil.copytree(repo / "course", editions / "trainer-course", ignore=shutil.ignore_patterns("chapters"))
    if (repo / "course" / "cases").is_dir():
        shutil.copytree(repo / "course" / "cases", editions / "student-course" / "cases")
    return editions


# ---------------------------------------------------------------- JupyterLab settings

def lab_overrides(lang: str) -> dict:
    """Settings every server of the class (and ``make lab``) starts with: the interface language, no news
    pop-up, no update check, a slide theme that needs no internet (user settings still win)."""
    return {
        "@jupyterlab/translation-extension:plugin": {"locale": "zh_CN" if lang == "zh" else "en"},
        "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
        "jupyterlab-rise:plugin": {"theme": "white"},     # RISE's default theme loads web fonts; white is offline
    }


def write_lab_settings(settings_dir: Path, lang: str) -> Path:
    settings_dir = Path(settings_dir)
    settings_dir.mkdir(parents=True, exist_ok=True)
    path = settings_dir / "overrides.json"
    path.write_text(json.dumps(lab_overrides(lang), indent=2), encoding="utf-8")
    for p in (settings_dir, settings_dir.parent, settings_dir.parent.parent):
        os.chmod(p, 0o755)
    os.chmod(path, 0o644)
    return path


# ---------------------------------------------------------------- the students' Python

def blocked_for_others(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that other accounts cannot pass (None: all can)."""
    path = Path(path).resolve()
    for folder in [*reversed(path.parents), path] if path.is_dir() else [*reversed(path.parents)]:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    if not path.is_dir() and not path.stat().st_mode & stat.S_IROTH:
        return path
    return None


def base_python() -> Path:
    """A Python ≥ 3.10 every account can run: this venv's base interpreter when others can reach it, else
    the system's (``/usr/bin/python3.X`` of the same version first, then ``python3``)."""
    base = Path(getattr(sys, "_base_executable", sys.executable)).resolve()
    if blocked_for_others(base) is None:
        return base
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (Path("/usr/bin") / version, Path("/usr/local/bin") / version,
                      Path("/usr/bin/python3"), Path("/usr/local/bin/python3")):
        if not candidate.exists() or blocked_for_others(candidate.resolve()) is not None:
            continue
        check = subprocess.run([str(candidate), "-c", "import sys, venv; print(sys.version_info >= (3, 10))"],
                               capture_output=True, text=True)
        if check.stdout.strip() == "True":
            return candidate
    raise RuntimeError(
        f"students' kernels run as their own accounts and cannot run {base} "
        f"({blocked_for_others(base)} is closed to them). Install the system Python "
        "(apt-get install python3 python3-venv, version 3.10 or later).")


def requirements(repo: Path) -> list[str]:
    """What the students' Python needs: the kit's dependencies and the classroom extra."""
    import tomllib

    project = tomllib.loads((Path(repo) / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"]) + list(project["optional-dependencies"]["classroom"])


def ensure_student_python(venv: Path, repo: Path, log=print) -> Path:
    """Create (once) and update (when the kit's requirements change) the students' venv; one process at a
    time (two class servers, or two test workers, may share it)."""
    import fcntl

    venv = Path(venv)
    venv.mkdir(parents=True, exist_ok=True)
    with open(venv.with_name(venv.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _ensure_student_python(venv, repo, log)


def _ensure_student_python(venv: Path, repo: Path, log) -> Path:
    blocked = blocked_for_others(venv)
    if blocked is not None:
        raise RuntimeError(f"the students' Python must be reachable by every account, but {blocked} is closed; "
                           "choose a classroom folder outside it (--dir, default /srv/crm-classroom)")
    reqs = requirements(repo)
    digest = hashlib.sha256("\n".join(reqs).encode()).hexdigest()
    stamp = venv / REQUIREMENTS_STAMP
    python = venv / "bin" / "python"
    if python.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return python
    if not python.exists():
        base = base_python()
        log(f"creating the students' Python in {venv} (from {base})")
        subprocess.run([str(base), "-m", "venv", str(venv)], check=True)
    log("installing the kit's packages for the students (first time: a few minutes, needs the internet)")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--root-user-action=ignore", *reqs], check=True)
    stamp.write_text(digest)
    return python


# ---------------------------------------------------------------- the answer key stays the trainer's

def close_repo(repo: Path, log=print) -> bool:
    """Make the kit's folder (trainer edition, guides, chapter sources, model answers, git history)
    unreadable to other accounts: ``chmod o-rwx``. Returns True when it changed something."""
    repo = Path(repo).resolve()
    mode = repo.stat().st_mode
    if not mode & (stat.S_IROTH | stat.S_IWOTH | stat.S_IXOTH):
        return False
    os.chmod(repo, mode & ~(stat.S_IROTH | stat.S_IWOTH | stat.S_IXOTH))
    log(f"closed {repo} to other accounts (chmod o-rwx): students cannot read the trainer edition")
    return True


# ---------------------------------------------------------------- accounts and homes

def ensure_account(account: str, home: Path) -> None:
    """A system user for ``account`` with its home ``home`` (mode 0700)."""
    import pwd

    try:
        pwd.getpwnam(account)
    except KeyError:
        home.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(home.parent, 0o711)          # pass through, no listing of who is in class
        subprocess.run(["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash",
                        "--user-group", "--comment", "CRM Value Kit class", account],
                       check=True, capture_output=True)
    entry = pwd.getpwnam(account)
    home = Path(entry.pw_dir)
    home.mkdir(parents=True, exist_ok=True)
    os.chown(home, entry.pw_uid, entry.pw_gid)
    os.chmod(home, 0o700)


def fill_home(account: str, settings, trainer: bool) -> list[Path]:
    """Copy the class's edition into the home once (never over a student's work); trust it."""
    import pwd

    entry = pwd.getpwnam(account)
    home = Path(entry.pw_dir)
    lang = settings.lang
    target = home / "notebooks" / lang
    written = []
    if not target.exists():
        source = settings.editions_dir / ("trainer" if trainer else "student") / lang
        shutil.copytree(source, target)
        course = settings.editions_dir / ("trainer-course" if trainer else "student-course")
        if course.is_dir() and not (home / "course").exists():
            shutil.copytree(course, home / "course")
        for path in [home / "notebooks", *(home / "notebooks").rglob("*"), *(home / "course").rglob("*"),
                     home / "course"]:
            if path.exists():
                os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
        written = sorted(target.glob("*.ipynb"))
        _trust(account, home, written, settings)
        if trainer:                         # the board is one click away in the trainer's file browser
            board = home / ("进度看板.md" if lang == "zh" else "progress-board.md")
            title = "课堂进度看板" if lang == "zh" else "Class progress board"
            board.write_text(f"# [{title}](/services/progress/board)\n\n{settings.student_url}services/progress/board\n",
                             encoding="utf-8")
            os.chown(board, entry.pw_uid, entry.pw_gid)
    (home / HOME_MARKER).touch()
    os.chown(home / HOME_MARKER, entry.pw_uid, entry.pw_gid)
    return written


def _trust(account: str, home: Path, notebooks: list[Path], settings) -> None:
    """Sign the copies as the account itself, so saved widget views render before re-running."""
    if not notebooks:
        return
    from jupyterhub.spawner import set_user_setuid

    jupyter = settings.student_venv / "bin" / "jupyter"
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    subprocess.run([str(jupyter), "trust", *map(str, notebooks)], env=env, cwd=str(home),
                   preexec_fn=set_user_setuid(account), capture_output=True, check=False, timeout=120)
