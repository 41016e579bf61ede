"""JupyterHub for the room: who may sign in (:class:`ClassroomAuthenticator`), what each person gets
(:class:`ClassroomSpawner`) and the rest of the hub's configuration (:func:`configure`).

The hub runs as root; every student is a system user created at their first start, whose server and
kernels run as that user in a home only they can read — what a kernel can ``open()`` is what the
student may see. The trainer is one more account, an admin of the hub, with the trainer edition.
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import asyncio
import hmac
import sys
from pathlib import Path

from jupyterhub.auth import Authenticator
from jupyterhub.spawner import LocalProcessSpawner
from tornado import web
from traitlets import Unicode

from helpers.teaching.classroom.settings import TRAINER_LOGINS, ClassroomSettings

TEMPLATES = Path(__file__).with_name("templates")


class ClassroomAuthenticator(Authenticator):
    """Name + class code + a password of one's own (set at the first sign-in); the trainer signs in
    as ``trainer`` (or ``培训师``) with the trainer password. Chinese names are fine: the account
    behind a name is ``crm001``, ``crm002`` … and the board shows the name."""

    settings_file = Unicode(help="the class settings (JSON)").tag(config=True)

    def _classroom(self):
        if not hasattr(self, "_settings"):
            from helpers.teaching.classroom.store import Store

            self._settings = ClassroomSettings.load(Path(self.settings_file))
            self._store = Store(self._settings.store)
        return self._settings, self._store

    async def authenticate(self, handler, data):
        from helpers.i18n import t
        from helpers.teaching.classroom.store import SignInError, name_key

        settings, store = self._classroom()
        name = (data.get("username") or "").strip()
        password = data.get("password") or ""
        code = (data.get("class_code") or "").strip()
        if name_key(name) in TRAINER_LOGINS:
            if hmac.compare_digest(password.encode(), settings.trainer_password.encode()):
                return {"name": settings.trainer_account, "admin": True}
            return None
        if not hmac.compare_digest(code.encode(), settings.class_code.encode()):
            raise web.HTTPError(403, t("cr_login_wrong_code", lang=settings.lang))
        try:
            account = await asyncio.get_running_loop().run_in_executor(
                None, store.sign_in, name, password, settings.prefix, settings.max_students)
        except SignInError as err:
            raise web.HTTPError(403, t(err.key, lang=settings.lang)) from None
        self.log.info("sign-in %s as %s%s", account["display_name"], account["account"],
                      " (new)" if account["new"] else "")
        return {"name": account["account"], "admin": False}


class ClassroomSpawner(LocalProcessSpawner):
    """A local server as the person's own system user (created on first start), in their home,
    with their copy of the edition; JupyterLab in the class language."""

    settings_file = Unicode(help="the class settings (JSON)").tag(config=True)

    def _classroom(self) -> ClassroomSettings:
        return ClassroomSettings.load(Path(self.settings_file))

    async def start(self):
        settings = self._classroom()
        await asyncio.get_running_loop().run_in_executor(None, self._prepare_home, settings)
        return await super().start()

    def _prepare_home(self, settings: ClassroomSettings) -> None:
        from helpers.teaching.classroom.prepare import ensure_account, fill_home

        account = self.user.name
        ensure_account(account, settings.home_of(account))
        fill_home(account, settings, trainer=account == settings.trainer_account)


def configure(c, settings_file: str | Path) -> ClassroomSettings:
    """Fill the JupyterHub config ``c`` for the class described in ``settings_file``."""
    settings = ClassroomSettings.load(Path(settings_file))
    hub = settings.hub_dir
    lang = settings.lang
    from helpers.i18n import t

    c.JupyterHub.ip = settings.ip
    c.JupyterHub.port = settings.port
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings.hub_port
    c.JupyterHub.db_url = f"sqlite:///{hub / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(hub / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(hub / "jupyterhub.pid")
    c.JupyterHub.cleanup_servers = False          # a hub restart mid-class leaves the students' kernels running
    c.JupyterHub.concurrent_spawn_limit = 50
    c.JupyterHub.active_server_limit = settings.max_students + 1
    c.JupyterHub.template_paths = [str(TEMPLATES)]
    c.JupyterHub.template_vars = {"classroom": {
        "title": t("cr_login_title", lang=lang), "intro": t("cr_login_intro", lang=lang),
        "name": t("cr_login_name", lang=lang), "code": t("cr_login_code", lang=lang),
        "password": t("cr_login_password", lang=lang), "button": t("cr_login_button", lang=lang), "lang": lang}}
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
    c.ConfigurableHTTPProxy.pid_file = str(hub / "proxy.pid")
    if settings.proxy_command:
        c.ConfigurableHTTPProxy.command = [settings.proxy_command]

    c.JupyterHub.authenticator_class = ClassroomAuthenticator
    c.ClassroomAuthenticator.settings_file = str(settings_file)
    c.Authenticator.allow_all = True
    c.Authenticator.admin_users = {settings.trainer_account}

    c.JupyterHub.spawner_class = ClassroomSpawner
    c.ClassroomSpawner.settings_file = str(settings_file)
    venv = settings.student_venv
    c.Spawner.cmd = [str(venv / "bin" / "jupyterhub-singleuser")]
    c.Spawner.default_url = f"/lab/tree/notebooks/{lang}/00_start_here.ipynb"
    c.Spawner.notebook_dir = "~"
    c.Spawner.args = [
        f"--LabApp.app_settings_dir={settings.lab_settings_dir}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
        "--LabApp.extension_manager=readonly",
    ]
    c.Spawner.environment = {
        "CRMKIT_CLASSROOM_URL": settings.service_url,
        "CRMKIT_LANG": lang,
        "PYTHONPATH": str(settings.kit_dir),
        "PATH": f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    c.Spawner.env_keep = ["LC_ALL", "TZ"]
    c.Spawner.start_timeout = 180                  # 40 laptops signing in at once on the trainer's machine
    c.Spawner.http_timeout = 180

    c.JupyterHub.services = [
        {"name": "progress", "url": f"http://127.0.0.1:{settings.service_port}",
         "command": [sys.executable, "-m", "helpers.teaching.classroom.service"],
         "environment": {"CRMKIT_CLASSROOM_SETTINGS": str(hub / "service.json"), "PYTHONPATH": str(settings.repo)},
         "oauth_no_confirm": True, "display": True, "info": {"board": "board"}},
        {"name": "classroom-admin", "api_token": settings.admin_token},
    ]
    c.JupyterHub.load_roles = [
        {"name": "classroom-admin", "services": ["classroom-admin"],
         "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users", "read:hub"]},
    ]
    return settings
