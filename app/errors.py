"""Friendly error pages in the user's language, logged with a request id."""

from __future__ import annotations

import uuid

from flask import Flask, g, jsonify, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app import stale_forms
from app.extensions import db


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _json_error(code: str, message: str, status: int):
    body = {"error": {"code": code, "message": message, "fields": {},
                      "request_id": g.get("request_id", "")}}
    return jsonify(body), status


def init_app(app: Flask) -> None:
    """Request ids, no-store on private pages, and error handlers."""

    @app.before_request
    def _request_id():
        g.request_id = uuid.uuid4().hex[:12]

    @app.after_request
    def _private_no_store(response):
        response.headers["X-Request-Id"] = g.get("request_id", "")
        if current_user.is_authenticated and "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        if error.code and error.code >= 500:
            app.logger.error("HTTP %s [request %s] %s %s", error.code, g.get("request_id"),
                             request.method, request.path)
        if _wants_json():
            return _json_error(error.name.lower().replace(" ", "_"), error.description or "",
                               error.code or 500)
        return render_template("errors/error.html", error=error), error.code

    @app.errorhandler(CSRFError)
    def _stale_token(error: CSRFError):
        if not _wants_json():
            response = stale_forms.sent_again()
            if response is not None:
                return response
        return _http_error(error)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error [request %s] %s %s", g.get("request_id"),
                             request.method, request.path)
        if _wants_json():
            return _json_error("internal_error", "Internal error", 500)
        return render_template("errors/error.html", error=None), 500
