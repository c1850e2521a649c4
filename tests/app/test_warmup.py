"""Warming a server process before its first request (app/warmup.py, gunicorn.conf.py)."""

from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import func, select

from app.extensions import db
from app.models import Interest, MatchScore, User
from app.warmup import warm_up
from tests.factories import make_user


def test_warm_up_compiles_the_templates_and_reads_nothing_in(app):
    make_user("founder", email="kari@example.no")
    db.session.commit()
    before = [db.session.scalar(select(func.count()).select_from(m))
              for m in (User, Interest, MatchScore)]
    spent = warm_up(app)
    assert set(spent) == {"templates", "babel", "database"}
    cached = {key[1] for key, _template in app.jinja_env.cache.items()}
    assert {"base.html", "matches/investor.html", "matches/pitch.html",
            "auth/login.html"} <= cached
    assert [db.session.scalar(select(func.count()).select_from(m))
            for m in (User, Interest, MatchScore)] == before


def test_pages_work_after_warm_up(app, client, auth):
    warm_up(app)
    user = make_user("investor", email="ola@example.no")
    db.session.commit()
    auth.login(user.email)
    assert client.get("/matches").status_code == 200
    assert client.get("/health").status_code == 200


def test_a_failing_step_is_skipped_not_fatal(app, monkeypatch):
    from app import warmup

    def broken(_app):
        raise RuntimeError("database not up yet")

    monkeypatch.setattr(warmup, "database", broken)
    spent = warm_up(app)
    assert "database" not in spent and "templates" in spent


def test_gunicorn_hook_warms_the_worker_app_and_freezes_it(app, monkeypatch):
    import gc
    import runpy
    from pathlib import Path

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # not in the test process

    config = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))
    messages = []
    worker = SimpleNamespace(wsgi=app, pid=1, log=SimpleNamespace(
        info=lambda *args: messages.append(args)))
    config["post_worker_init"](worker)
    assert messages and "warmed up" in messages[0][0]
    assert frozen == [True]
