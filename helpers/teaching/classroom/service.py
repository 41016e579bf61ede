"""The progress service: a JupyterHub service (``/services/progress/``) that records events and serves
the trainer board.

Started by the hub (``python -m helpers.teaching.classroom.service``), it reads its settings from the
JSON file named by ``$CRMKIT_CLASSROOM_SETTINGS`` and JupyterHub's ``$JUPYTERHUB_*`` variables.
Who is asking is settled by the hub: kernels send their server's API token, the trainer's browser
signs in through the hub (OAuth).

========================================  ==========  ====================================================
path (under /services/progress/)          who         what
========================================  ==========  ====================================================
``api/events``  POST                      any user    record a batch of events (ids make resends harmless)
``api/me``                                any user    the caller's own annotated events
``api/solution/<chapter>/<exercise>``     any user    the model answer once released (the trainer: always)
``board``                                 trainer     the live board (HTML)
``api/board``                             trainer     what the board shows (JSON)
``api/release``  POST                     trainer     release or withdraw a solution
``api/export.csv``, ``api/export.xlsx``   trainer     the progress after class
``api/health``                            anyone      up, and how many events are stored
========================================  ==========  ====================================================
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import asyncio
import json
import logging
import os
import time
from datetime import datetime, timezone
from pathlib import Path

from tornado import web

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated

log = logging.getLogger("crmkit.progress")
TEMPLATES = Path(__file__).with_name("templates")


def load_settings() -> dict:
    path = os.environ.get("CRMKIT_CLASSROOM_SETTINGS")
    settings = json.loads(Path(path).read_text(encoding="utf-8")) if path else {}
    settings.setdefault("lang", "zh")
    settings.setdefault("trainer", "trainer")
    settings.setdefault("stuck_attempts", 3)
    settings.setdefault("stuck_minutes", 10)
    settings.setdefault("refresh_seconds", 5)
    return settings


def solution_text(chapter: str, exercise: str, lang: str) -> str | None:
    """The model answer of a course exercise in ``lang`` (the trainer's copy of the kit has them)."""
    from helpers.teaching.exercises import chapter_problems

    try:
        problem = chapter_problems(chapter).get(exercise)
    except ImportError:
        return None
    if problem is None:
        return None
    from helpers.i18n import language

    with language(lang):        # the code of the model answer, then why it is right
        return "\n".join(part for part in (problem.solution_code(), problem.solution_explanation()) if part)


def board_data(store, settings: dict, lang: str, now: datetime | None = None) -> dict:
    """Everything the board shows, as JSON-ready data, texts in ``lang``."""
    from helpers.i18n import t
    from helpers.teaching.classroom.mistakes import mistake_label
    from helpers.teaching.classroom.progress import cells, common_mistakes, exercise_catalogue, stuck

    started = time.perf_counter()
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    trainer = settings["trainer"]
    names = store.display_names()
    events = [e for e in store.events() if e["student"] != trainer]
    table = cells(events)
    stuck_now = stuck(events, now, settings["stuck_attempts"], settings["stuck_minutes"])
    catalogue = exercise_catalogue()
    accounts = sorted(set(names) | {e["student"] for e in events} - {trainer},
                      key=lambda a: (names.get(a, a)))
    last_seen: dict = {}
    for e in events:
        last_seen[e["student"]] = max(last_seen.get(e["student"], e["at"]), e["at"])
    latest_chapter = max(events, key=lambda e: e["at"])["chapter"] if events else catalogue[0]["chapter"]

    students = []
    grid: dict = {}
    for account in accounts:
        reason = stuck_now.get(account)
        if reason and reason["reason"] == "attempts":
            stuck_text = t("cr_stuck_attempts", lang=lang, chapter=reason["chapter"][2:], exercise=reason["exercise"],
                           n=reason["attempts"])
        elif reason:
            stuck_text = t("cr_stuck_idle", lang=lang, minutes=reason["minutes"])
        else:
            stuck_text = None
        solved = sum(1 for (a, _, _), c in table.items() if a == account and c["state"] == "correct")
        students.append({"account": account, "name": names.get(account, account), "solved": solved,
                         "last_seen": last_seen[account].isoformat() + "Z" if account in last_seen else None,
                         "stuck": stuck_text})
        grid[account] = {}
    for (account, chapter, exercise), cell in table.items():
        if account not in grid:
            continue
        grid[account][f"{chapter}.{exercise}"] = {
            "state": cell["state"], "attempts": cell["attempts"], "hints": cell["hints"],
            "label": t(f"cr_state_{cell['state']}", lang=lang),
            "mistake": mistake_label(chapter, exercise, cell["mistake"], lang) if cell["state"] == "mistake" else None,
            "solution_seen": cell["solution_seen"]}
    mistakes = {f"{chapter}.{exercise}": [{"mistake": m, "label": mistake_label(chapter, exercise, m, lang),
                                           "students": n} for m, n in items]
                for (chapter, exercise), items in common_mistakes(events).items()}
    released = sorted(f"{c}.{e}" for c, e in store.released())
    return {
        "lang": lang, "generated": now.isoformat() + "Z", "active_chapter": latest_chapter,
        "chapters": [{"chapter": c["chapter"], "id": c["id"], "title": c["title"][lang], "exercises": c["exercises"]}
                     for c in catalogue],
        "students": students, "grid": grid, "mistakes": mistakes, "released": released,
        "student_url": settings.get("student_url"), "refresh_seconds": settings["refresh_seconds"],
        "seconds": round(time.perf_counter() - started, 3),
    }


class Handler(HubOAuthenticated, web.RequestHandler):
    """Any identified hub user may call; trainer-only handlers check :attr:`is_trainer`."""

    def check_hub_user(self, model):      # identity comes from the hub; roles are checked per handler
        return model

    async def prepare(self):
        model = await self.hub_auth.get_user(self, sync=False)
        self._hub_auth_user_cache = model

    @property
    def store(self):
        return self.settings["store"]

    @property
    def conf(self) -> dict:
        return self.settings["classroom"]

    @property
    def is_trainer(self) -> bool:
        return bool(self.current_user) and self.current_user["name"] == self.conf["trainer"]

    def lang(self) -> str:
        lang = self.get_argument("lang", self.conf["lang"])
        return lang if lang in ("zh", "en") else self.conf["lang"]

    def require_user(self) -> str:
        if not self.current_user:
            raise web.HTTPError(403)
        return self.current_user["name"]

    def require_trainer(self) -> None:
        if not self.is_trainer:
            raise web.HTTPError(403, "the trainer only")

    def write_json(self, data, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(data, ensure_ascii=False, default=str))

    async def blocking(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(None, function, *args)


class EventsHandler(Handler):
    async def post(self):
        student = self.require_user()
        try:
            events = json.loads(self.request.body or b"[]")
        except ValueError:
            raise web.HTTPError(400, "expected a JSON list of events") from None
        if isinstance(events, dict):
            events = [events]
        if not isinstance(events, list) or len(events) > 1000:
            raise web.HTTPError(400, "expected a JSON list of at most 1000 events")
        recorded, skipped = await self.blocking(self.store.add_events, student, events)
        self.write_json({"recorded": recorded, "skipped": skipped})


class MeHandler(Handler):
    async def get(self):
        student = self.require_user()
        events = await self.blocking(self.store.events, student)
        for e in events:
            e["at"] = e["at"].isoformat()
            e["received"] = e["received"].isoformat()
        self.write_json({"student": student, "events": events})


class SolutionHandler(Handler):
    async def get(self, chapter: str, exercise: str):
        self.require_user()
        released = self.is_trainer or (chapter, exercise) in await self.blocking(self.store.released)
        text = solution_text(chapter, exercise, self.lang()) if released else None
        self.write_json({"released": released and text is not None, "text": text})


class BoardPageHandler(Handler):
    @web.authenticated
    def get(self):
        self.require_trainer()
        page = (TEMPLATES / "board.html").read_text(encoding="utf-8")
        from helpers.i18n import t

        lang = self.lang()
        texts = {key: t(key, lang=lang) for key in BOARD_TEXTS}
        page = (page.replace("{{lang}}", lang).replace("{{texts}}", json.dumps(texts, ensure_ascii=False))
                .replace("{{xsrf}}", self.xsrf_token.decode() if isinstance(self.xsrf_token, bytes) else self.xsrf_token)
                .replace("{{title}}", texts["cr_board_title"]))
        self.set_header("Cache-Control", "no-store")
        self.finish(page)


class BoardDataHandler(Handler):
    async def get(self):
        self.require_trainer()
        data = await self.blocking(board_data, self.store, self.conf, self.lang())
        self.write_json(data)


class ReleaseHandler(Handler):
    async def post(self):
        self.require_trainer()
        try:
            body = json.loads(self.request.body or b"{}")
            chapter, exercise, released = body["chapter"], body["exercise"], bool(body.get("released", True))
        except (ValueError, KeyError, TypeError):
            raise web.HTTPError(400, "expected {chapter, exercise, released}") from None
        if solution_text(chapter, exercise, "en") is None:
            raise web.HTTPError(404, "no such exercise")
        await self.blocking(self.store.release, chapter, exercise, released)
        self.write_json({"chapter": chapter, "exercise": exercise, "released": released})


class ExportHandler(Handler):
    async def get(self, kind: str):
        self.require_trainer()
        import tempfile

        from helpers.teaching.classroom.export import write_csv, write_excel

        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"progress-{stamp}.{kind}"
            writer = write_csv if kind == "csv" else write_excel
            await self.blocking(writer, self.store, path, self.lang(), self.conf["trainer"])
            data = path.read_bytes()
        kinds = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        self.set_header("Content-Type", kinds[kind])
        self.set_header("Content-Disposition", f'attachment; filename="{path.name}"')
        self.finish(data)


class HealthHandler(web.RequestHandler):
    async def get(self):
        count = await asyncio.get_running_loop().run_in_executor(None, self.settings["store"].count_events)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"ok": True, "events": count}))


class HomeHandler(web.RequestHandler):
    def get(self):
        self.redirect(self.settings["prefix"] + "board")


BOARD_TEXTS = [
    "cr_board_title", "cr_board_all", "cr_board_students", "cr_board_stuck", "cr_board_nobody_stuck",
    "cr_board_mistakes", "cr_board_no_mistakes", "cr_board_release", "cr_board_withdraw", "cr_board_released",
    "cr_board_export_csv", "cr_board_export_xlsx", "cr_board_updated", "cr_board_no_students",
    "cr_board_student_url", "cr_board_solved", "cr_board_people", "cr_board_error", "cr_col_student",
    "cr_state_correct", "cr_state_mistake", "cr_state_incorrect", "cr_state_open", "cr_state_unattempted",
    "cr_state_seen", "cr_board_legend", "cr_board_hints", "cr_board_attempts",
]


def make_app(store, settings: dict) -> web.Application:
    from jupyterhub.utils import url_path_join

    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/progress/")
    cookie_secret = settings.get("cookie_secret") or os.urandom(32).hex()
    routes = [
        (prefix, HomeHandler),
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
        (url_path_join(prefix, "board"), BoardPageHandler),
        (url_path_join(prefix, "api/board"), BoardDataHandler),
        (url_path_join(prefix, "api/events"), EventsHandler),
        (url_path_join(prefix, "api/me"), MeHandler),
        (url_path_join(prefix, r"api/solution/(ch\d\d)/(\w+)"), SolutionHandler),
        (url_path_join(prefix, "api/release"), ReleaseHandler),
        (url_path_join(prefix, r"api/export\.(csv|xlsx)"), ExportHandler),
        (url_path_join(prefix, "api/health"), HealthHandler),
    ]
    return web.Application(routes, store=store, classroom=settings, prefix=prefix,
                           cookie_secret=cookie_secret.encode())


def end_with_hub(hub: int) -> None:
    """Stop the service once the hub that started it (process ``hub``) is gone. A hub killed
    outright cannot stop its services, and the orphan would hold the port and answer the next class
    with this one's settings."""
    from tornado.ioloop import IOLoop

    if os.getppid() != hub:
        log.info("the hub has gone: the progress service stops")
        IOLoop.current().stop()


def main() -> None:
    from functools import partial
    from urllib.parse import urlparse

    from tornado.httpserver import HTTPServer
    from tornado.ioloop import IOLoop, PeriodicCallback

    from helpers.teaching.classroom.store import Store

    logging.basicConfig(level=logging.INFO, format="[progress %(asctime)s] %(message)s")
    settings = load_settings()
    store = Store(settings["store_url"])
    from helpers.teaching.classroom.progress import exercise_catalogue

    exercise_catalogue()            # import the chapters' exercises now, not at the board's first refresh
    app = make_app(store, settings)
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    server = HTTPServer(app, xheaders=True)
    server.listen(url.port, url.hostname)
    log.info("progress service on %s, store %s", url.geturl(), store.engine.url.render_as_string(hide_password=True))
    PeriodicCallback(partial(end_with_hub, os.getppid()), 2000).start()
    IOLoop.current().start()


if __name__ == "__main__":
    main()
