"""``python -m helpers classroom …`` (``make classroom``): start the class server, stop it, collect the
work, export the progress, reset a student's password.

    sudo python -m helpers classroom start --lang zh          # prints the URL, the class code, the trainer login
    sudo python -m helpers classroom stop                     # every student's server, then the hub
    sudo python -m helpers classroom collect                  # a folder and a zip per student
    sudo python -m helpers classroom export                   # progress.csv and progress.xlsx
    sudo python -m helpers classroom reset-password 张三       # their next sign-in sets a new password

Everything of one class lives in ``--dir`` (default ``/srv/crm-classroom``); its settings are kept, so a
restart keeps the class code, the trainer password and every student's work and progress.
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

from helpers.teaching.classroom.settings import DEFAULT_DIR, ClassroomSettings

REPO = Path(__file__).resolve().parents[3]


def _say(text: str = "") -> None:
    print(text, flush=True)


def _need_root() -> int | None:
    if os.geteuid() != 0:
        _say("The class server creates one system account per student and runs their servers as those\n"
             "accounts, so it runs as root: sudo make classroom  (or: sudo .venv/bin/python -m helpers classroom …)")
        return 2
    return None


def lan_addresses() -> list[str]:
    """The machine's IPv4 addresses other computers in the room can use (loopback left out)."""
    found: list[str] = []
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout
        found = [a for a in out.split() if "." in a]
    except (OSError, subprocess.SubprocessError):
        pass
    if not found:
        import socket

        try:
            found = [a for a in socket.gethostbyname_ex(socket.gethostname())[2]]
        except OSError:
            found = []
    return [a for a in dict.fromkeys(found) if not a.startswith("127.")]


def _settings(args, create: bool = False) -> ClassroomSettings:
    folder = Path(args.dir)
    path = folder / "hub" / "settings.json"
    if path.exists():
        return ClassroomSettings.load(path)
    if not create:
        raise SystemExit(f"no class server set up in {folder} (start one with: sudo make classroom)")
    return ClassroomSettings(dir=folder)


def _proxy_command(repo: Path) -> str:
    local = repo / ".node" / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return str(local)
    found = shutil.which("configurable-http-proxy")
    if found:
        return found
    raise SystemExit("configurable-http-proxy is missing: `make classroom` installs it with npm into .node/")


def prepare(settings: ClassroomSettings, log=_say) -> None:
    """Everything the hub needs before it starts (idempotent; the slow part runs once)."""
    from helpers.teaching.classroom import prepare as p

    folder = Path(settings.dir)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o755)
    settings.save()
    service = settings.hub_dir / "service.json"
    service.write_text(json.dumps(settings.service_settings(), ensure_ascii=False, indent=2), encoding="utf-8")
    os.chmod(service, 0o600)
    p.close_repo(settings.repo, log=log)
    p.ensure_student_python(settings.student_venv, settings.repo, log=log)
    p.publish_kit(settings.repo, settings.kit_dir)
    p.build_editions(settings.repo, settings.editions_dir)
    p.write_lab_settings(settings.lab_settings_dir, settings.lang)
    settings.home_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(settings.home_dir, 0o711)
    config = settings.hub_dir / "jupyterhub_config.py"
    config.write_text("# written by `python -m helpers classroom start`; edit the settings, not this file\n"
                      "from helpers.teaching.classroom.hub import configure\n"
                      f"configure(c, {str(settings.settings_file)!r})\n", encoding="utf-8")
    os.chmod(config, 0o600)


def sign_in_card(settings: ClassroomSettings) -> str:
    from helpers.i18n import t

    urls = [f"http://{a}:{settings.port}/" for a in lan_addresses()] or [f"http://<this machine>:{settings.port}/"]
    zh = settings.lang == "zh"
    lines = [
        "=" * 72,
        ("课堂服务器已就绪" if zh else "The class server is ready") + f"  ({settings.dir})",
        ("学员打开：" if zh else "Students open:   ") + "   ".join(urls),
        ("班级码：" if zh else "Class code:      ") + settings.class_code
        + ("   （学员：姓名 + 班级码 + 自设密码）" if zh else "   (students: name + class code + a password of their own)"),
        ("培训师登录：用户名 trainer，密码 " if zh else "Trainer:         user name trainer, password ") + settings.trainer_password,
        ("进度看板：" if zh else "Progress board:  ") + f"{urls[0]}services/progress/board",
        ("停止：Ctrl+C（学员的内核继续运行，再次 make classroom 即可恢复）；下课：sudo make classroom-stop"
         if zh else "Stop: Ctrl+C (students' kernels keep running; make classroom again resumes); "
                    "end of class: sudo make classroom-stop"),
        "=" * 72,
    ]
    del t
    return "\n".join(lines)


def start(args) -> int:
    if (code := _need_root()) is not None:
        return code
    settings = _settings(args, create=True)
    for key in ("lang", "class_code", "trainer_password", "port", "ip", "max_students", "prefix",
                "service_port", "hub_port", "proxy_api_port", "stuck_minutes", "stuck_attempts"):
        value = getattr(args, key, None)
        if value is not None:
            setattr(settings, key, value)
    if args.db:
        settings.store_url = args.db
    if args.venv:
        settings.venv = Path(args.venv)
    settings.repo = Path(args.repo).resolve() if args.repo else REPO
    settings.proxy_command = args.proxy or _proxy_command(settings.repo)
    addresses = lan_addresses()
    settings.student_url = f"http://{addresses[0] if addresses else '127.0.0.1'}:{settings.port}/"
    prepare(settings)
    _say(sign_in_card(settings))
    if args.setup_only:
        return 0
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(settings.repo), env.get("PYTHONPATH", "")) if p)
    os.chdir(settings.hub_dir)
    command = [sys.executable, "-m", "jupyterhub", "-f", str(settings.hub_dir / "jupyterhub_config.py")]
    os.execve(sys.executable, command, env)
    return 0  # pragma: no cover


def _api(settings: ClassroomSettings, method: str, path: str, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{settings.hub_port}/hub/api/{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {settings.admin_token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode() or "null"
    return json.loads(text)


def _hub_pid(settings: ClassroomSettings) -> int | None:
    try:
        pid = int((settings.hub_dir / "jupyterhub.pid").read_text().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def _accounts(settings: ClassroomSettings) -> dict[str, int]:
    import pwd

    out = {}
    for home in settings.home_dir.glob("*"):
        try:
            out[home.name] = pwd.getpwnam(home.name).pw_uid
        except KeyError:
            continue
    return out


def stop(args) -> int:
    """Stop every student's server (through the hub when it runs), then the hub itself."""
    if (code := _need_root()) is not None:
        return code
    settings = _settings(args)
    pid = _hub_pid(settings)
    if pid:
        try:
            for user in _api(settings, "GET", "users"):
                if user.get("server") or user.get("servers", {}).get(""):
                    _api(settings, "DELETE", f"users/{user['name']}/server")
        except OSError as err:
            _say(f"the hub did not answer ({err}); stopping the servers directly")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _running_class_processes(settings):
            time.sleep(1)
        os.kill(pid, signal.SIGTERM)
        for _ in range(30):
            if _hub_pid(settings) is None:
                break
            time.sleep(1)
    for proc in _running_class_processes(settings):        # anything left of the class accounts
        try:
            os.kill(proc, signal.SIGTERM)
        except ProcessLookupError:
            pass
    _say("stopped" if settings.lang == "en" else "已停止")
    return 0


def _running_class_processes(settings: ClassroomSettings) -> list[int]:
    uids = set(_accounts(settings).values())
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid in uids:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _give_to_caller(path: Path) -> None:
    """Files written under sudo belong to the trainer who ran sudo."""
    uid, gid = os.environ.get("SUDO_UID"), os.environ.get("SUDO_GID")
    if uid and gid:
        for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
            os.chown(p, int(uid), int(gid), follow_symlinks=False)


def collect(args) -> int:
    """Each student's work (their notebooks and own files; no hidden folders) as a folder and a zip,
    named by the student's name, plus the progress as CSV and Excel."""
    if (code := _need_root()) is not None:
        return code
    from helpers.teaching.classroom.export import write_csv, write_excel
    from helpers.teaching.classroom.store import Store

    settings = _settings(args)
    store = Store(settings.store)
    names = store.display_names()
    out = Path(args.out or settings.repo / "build" / "classroom" / f"collected-{datetime.now():%Y%m%d-%H%M}")
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for account, name in sorted(names.items(), key=lambda kv: kv[1]):
        home = settings.home_of(account)
        if not home.is_dir():
            continue
        target = out / _safe(f"{name}_{account}")
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        for item in home.iterdir():
            if item.name.startswith(".") or item.name == "course":
                continue
            if item.is_dir():
                shutil.copytree(item, target / item.name, symlinks=True,
                                ignore=shutil.ignore_patterns(".*", "__pycache__"))
            elif item.is_file():
                shutil.copy2(item, target / item.name)
        shutil.make_archive(str(target), "zip", root_dir=target)
        count += 1
    write_csv(store, out / "progress.csv", settings.lang, settings.trainer_account)
    write_excel(store, out / "progress.xlsx", settings.lang, settings.trainer_account)
    _give_to_caller(out)
    _say(f"{count} students → {out}")
    return 0


def _safe(name: str) -> str:
    return "".join("_" if ch in '/\\:*?"<>|' else ch for ch in name).strip() or "student"


def export(args) -> int:
    from helpers.teaching.classroom.export import write_csv, write_excel
    from helpers.teaching.classroom.store import Store

    settings = _settings(args)
    store = Store(settings.store)
    lang = args.lang or settings.lang
    out = Path(args.out or settings.repo / "build" / "classroom")
    stamp = f"{datetime.now():%Y%m%d-%H%M}"
    paths = [write_csv(store, out / f"progress-{stamp}.csv", lang, settings.trainer_account),
             write_excel(store, out / f"progress-{stamp}.xlsx", lang, settings.trainer_account)]
    for path in paths:
        _give_to_caller(path)
        _say(str(path))
    return 0


def reset_password(args) -> int:
    from helpers.teaching.classroom.store import Store

    settings = _settings(args)
    account = Store(settings.store).reset_password(args.name)
    if account is None:
        _say(f"nobody called {args.name!r} has signed in" if settings.lang == "en" else f"没有名为 {args.name} 的学员")
        return 1
    _say(f"{args.name} ({account}): the next sign-in sets a new password" if settings.lang == "en"
         else f"{args.name}（{account}）：下次登录时自设新密码")
    return 0


def add(args) -> int:
    from helpers.teaching.classroom.store import Store

    settings = _settings(args)
    store = Store(settings.store)
    for name in args.names:
        account = store.add_student(name, settings.prefix)
        _say(f"{account['display_name']}\t{account['account']}")
    return 0


def status(args) -> int:
    from helpers.teaching.classroom.store import Store

    settings = _settings(args)
    store = Store(settings.store)
    running = _hub_pid(settings) is not None
    _say(sign_in_card(settings) if running else f"{settings.dir}: the hub is not running")
    counts: dict = {}
    for event in store.events():
        counts[event["student"]] = counts.get(event["student"], 0) + 1
    for student in store.students():
        _say(f"{student['account']}\t{student['display_name']}\t{counts.get(student['account'], 0)} events")
    return 0


def add_parser(sub) -> None:
    from helpers.i18n import t

    p = sub.add_parser("classroom", help=t("cli_class_help"), description=t("cli_class_description"),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = p.add_subparsers(dest="action")

    def action(name: str, key: str, run):
        q = actions.add_parser(name, help=t(key), description=t(key))
        q.add_argument("--dir", default=str(DEFAULT_DIR), help=t("cli_class_dir", dir=DEFAULT_DIR))
        q.set_defaults(run=run)
        return q

    s = action("start", "cli_class_start", start)
    s.add_argument("--lang", choices=("zh", "en"), help=t("cli_edition_lang"))
    s.add_argument("--code", dest="class_code", help=t("cli_class_code"))
    s.add_argument("--trainer-password", help=t("cli_class_trainer_password"))
    s.add_argument("--port", type=int, help=t("cli_class_port"))
    s.add_argument("--ip", help=t("cli_class_ip"))
    s.add_argument("--db", help=t("cli_class_db"))
    s.add_argument("--max-students", type=int, help=t("cli_class_max_students"))
    s.add_argument("--prefix", help=t("cli_class_prefix"))
    s.add_argument("--stuck-minutes", type=int, help=t("cli_class_stuck_minutes"))
    s.add_argument("--stuck-attempts", type=int, help=t("cli_class_stuck_attempts"))
    s.add_argument("--service-port", type=int, help=t("cli_class_service_port"))
    s.add_argument("--hub-port", type=int, help=t("cli_class_hub_port"))
    s.add_argument("--proxy-api-port", type=int, help=t("cli_class_proxy_api_port"))
    s.add_argument("--repo", help=t("cli_repo"))
    s.add_argument("--proxy", help=t("cli_class_proxy"))
    s.add_argument("--venv", help=t("cli_class_venv"))
    s.add_argument("--setup-only", action="store_true", help=t("cli_class_setup_only"))
    action("stop", "cli_class_stop", stop)
    action("collect", "cli_class_collect", collect).add_argument("--out", help=t("cli_class_collect_out"))
    s = action("export", "cli_class_export", export)
    s.add_argument("--out", help=t("cli_class_export_out"))
    s.add_argument("--lang", choices=("zh", "en"), help=t("cli_class_export_lang"))
    action("reset-password", "cli_class_reset", reset_password).add_argument("name", help=t("cli_class_reset_name"))
    action("add", "cli_class_add", add).add_argument("names", nargs="+", help=t("cli_class_add_names"))
    action("status", "cli_class_status", status)

    def default(args):
        if args.action is None:
            return start(p.parse_args(["start"], namespace=args))
        return args.run(args)

    p.set_defaults(run=default)
