"""Friendly error pages in the user's language, logged with a request id."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, current_app, g, jsonify, render_template, request, session, url_for
from flask_babel import force_locale, format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import Forbidden, HTTPException, MethodNotAllowed

from app import stale_forms
from app.auth.safe_next import safe_next
from app.extensions import db
from app.sessions import LOGGED_OUT


class Refused(Forbidden):
    """A 403 whose No access page says why (`reason`, in the user's language) instead of
    the bare "You do not have access to this page.", and, given `back` (the invitation's
    page), links there rather than to the front page."""

    def __init__(self, reason: str, back: str | None = None):
        super().__init__()
        self.reason = reason
        self.back = back


def _body_limit() -> str:
    """MAX_CONTENT_LENGTH as people read it: "5 MB" (5 × 1024 × 1024 bytes)."""
    megabytes = current_app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
    return f"{format_decimal(megabytes, format='#,##0.#')} MB"


def too_large_text() -> str:
    """The 413 page's sentence, in the user's language: Werkzeug's own ("The data value
    transmitted exceeds the capacity limit.") is English and says nothing of the limit."""
    return _("What you sent is too large: Koble takes at most %(size)s at a time. Make the "
             "file or text smaller and try again.", size=_body_limit())


def too_large_body_text() -> str:
    """The API's 413 message, in the token user's language."""
    return _("The body is too large: at most %(size)s.", size=_body_limit())


def _wants_json() -> bool:
    """An API path, /api itself included: a client that drops the trailing part gets the
    API's JSON 404, not the site's HTML page."""
    return request.path == "/api" or request.path.startswith("/api/")


def _json_error(code: str, message: str, status: int):
    body = {"error": {"code": code, "message": message, "fields": {},
                      "request_id": g.get("request_id", "")}}
    return jsonify(body), status


def _internal_error_text() -> str:
    """The API's 500, in the caller's language. The error may be the database's own, and
    choosing the language can read it (the token user's saved language, from a row the
    rollback expired): if that fails too, the answer must still go out, in English."""
    from app.api.language import caller_locale  # app.api.refusals imports this module

    try:
        with force_locale(caller_locale()):
            return _("Something went wrong on our side. Try again later; if it goes on, tell "
                     "us the request_id.")
    except Exception:  # noqa: BLE001
        db.session.rollback()
        return ("Something went wrong on our side. Try again later; if it goes on, tell us "
                "the request_id.")


def _page_sent_from() -> str | None:
    """The local page a form was sent from (its referrer on this site, else the address it
    was sent to when that has a page), to return to after logging in again."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path:
        page = referrer.path + (f"?{referrer.query}" if referrer.query else "")
    elif request.url_rule is not None and "GET" in (request.url_rule.methods or ()):
        page = request.path
    else:
        return None
    return safe_next(page, "") or None


def logged_out_page(status: int, back: str | None = None):
    """The answer to a form sent after its sender was logged out (in another tab, or timed
    out): nothing was saved, what they wrote is kept when the form has a page to take it
    back, and logging in again leads there (app/stale_forms.py). `back`: that page, when the
    form was kept already."""
    back = back or stale_forms.keep_for_later()
    return render_template("errors/logged_out.html", kept=back is not None,
                           login=url_for("auth.login", next=back or _page_sent_from())), status


def logged_out_post():
    """The logged-out page (a 401) for a form that needs a login, sent by a browser whose
    session ended (timed out during this very request, logged out in another tab or on
    another device); None for anything else, which gets the usual way to the login page."""
    if request.method != "POST" or _wants_json() or current_user.is_authenticated \
            or not (session.get(LOGGED_OUT) or stale_forms.writer() is not None):
        return None
    return logged_out_page(401)


def _kept_after_error() -> str | None:
    """The page of the form whose save failed, which gives back what was sent (kept for the
    person, app/stale_forms.py); None when there is none, or keeping failed too."""
    try:
        return stale_forms.keep_after_error()
    except Exception:  # noqa: BLE001 - the database may be what failed
        db.session.rollback()
        current_app.logger.exception("The form could not be kept [request %s]",
                                     g.get("request_id"))
        return None


def init_app(app: Flask) -> None:
    """Request ids, no-store on private pages, and error handlers."""

    def _request_id():
        g.request_id = secrets.token_hex(6)  # 12 random hex digits, as uuid4's first 12

    # First of all before_request hooks: those registered earlier by extensions (the CSRF
    # check, the rate limits) can end a request with an error page, which shows this id.
    app.before_request_funcs.setdefault(None, []).insert(0, _request_id)

    @app.after_request
    def _private_no_store(response):
        response.headers["X-Request-Id"] = g.get("request_id", "")
        # Cache-Control first: a static file has its own, and loading the user would read
        # the session for it (app/static_files.py)
        if "Cache-Control" not in response.headers and current_user.is_authenticated:
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        if error.code and error.code >= 500:
            app.logger.error("HTTP %s [request %s] %s %s", error.code, g.get("request_id"),
                             request.method, request.path)
        if _wants_json():
            # The API's own answer, codes and words: an /api/ path no API blueprint took (a
            # path or method it does not have) is refused as the API refuses. Imported here:
            # app.api.refusals imports this module.
            from app.api.refusals import http_error

            return http_error(error)
        reason = getattr(error, "reason", None)
        back, back_label = getattr(error, "back", None), None
        if error.code == 413:
            reason = too_large_text()
            if request.endpoint == "members.import_upload":
                # A member list over the site's 5 MB: the import's own 2 MB, as its form
                # says of a smaller file over it, and the way back to choose another file.
                from app.services.member_files import too_large_text as file_too_large

                reason = file_too_large()
                back, back_label = url_for("members.import_upload"), _("Back to the import")
        headers = {}
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            headers["Allow"] = ", ".join(sorted(error.valid_methods))  # RFC 9110 asks for it
        return render_template("errors/error.html", error=error, reason=reason,
                               back=back, back_label=back_label), error.code, headers

    app.before_request(stale_forms.give_back)
    app.after_request(stale_forms.not_taken)

    @app.errorhandler(CSRFError)
    def _stale_token(error: CSRFError):
        if not _wants_json():
            response = stale_forms.sent_again()
            if response is not None:
                return response
            if not current_user.is_authenticated and session.get(LOGGED_OUT):
                return logged_out_page(400)
            # no session at all: its cookie expired (a tab left open overnight)
            back = None if current_user.is_authenticated \
                else stale_forms.keep_for_later(anyone=True)
            if back is not None:
                return logged_out_page(400, back)
        return _http_error(error)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error [request %s] %s %s", g.get("request_id"),
                             request.method, request.path)
        if _wants_json():
            return _json_error("internal_error", _internal_error_text(), 500)
        return render_template("errors/error.html", error=None, kept=_kept_after_error()), 500
