"""The home page, language choice and health check."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, session
from flask_login import current_user

from app.auth.safe_next import safe_next
from app.backup import KEEP as BACKUPS_KEPT
from app.extensions import db, talisman
from app.main import cookies
from app.services import home
from app.sessions import LANGUAGE_CHOSEN

bp = Blueprint("main", __name__)


@bp.route("/")
def index():
    """What Koble is, the two priorities, upcoming arenas, and the ways in."""
    return render_template("main/index.html", **home.home_context(current_user))


@bp.route("/language", methods=["POST"])
def set_language():
    """Remember the chosen language in the session and, for users, on the account; chosen
    before logging in, the login saves it on the account (app/auth/routes.py)."""
    lang = request.form.get("lang", "")
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
        if current_user.is_authenticated:
            current_user.locale = lang
            db.session.commit()
        else:
            session[LANGUAGE_CHOSEN] = True
    return redirect(safe_next(request.form.get("next"), "/"))


@bp.route("/health")
@talisman(force_https=False)
def health():
    """A static answer for load balancers and as the load test's floor. Plain HTTP too: a
    balancer in front of TLS checks the worker directly, and a redirect is no 200."""
    return jsonify(status="ok")


@bp.route("/privacy")
def privacy():
    """What Koble keeps about people, and why (`flask db-backup` keeps BACKUPS_KEPT), and
    the cookies it sets."""
    return render_template("main/privacy.html", backups_kept=BACKUPS_KEPT,
                           cookies=cookies.listed())
