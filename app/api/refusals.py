"""The API's one JSON error shape, ``{"error": {"code", "message", "fields", "request_id"}}``,
and the handlers that answer every refusal in it: ours (ApiError), the services' (DomainError)
and Werkzeug's or flask-limiter's (HTTPException), said in the caller's language."""

from __future__ import annotations

from datetime import timedelta
from time import time

from flask import current_app, g, jsonify, request
from flask_babel import force_locale, format_timedelta, ngettext
from flask_babel import gettext as _
from flask_smorest.exceptions import NotModified
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.exceptions import NotFound as NoSuchPath

from app.api.language import caller_locale
from app.errors import too_large_body_text
from app.extensions import db, limiter
from app.services.errors import (
    AddressUnconfirmed,
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    Problems,
)

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
         415: "unsupported_media_type", 422: "validation_error", 428: "precondition_required",
         429: "too_many_requests", 500: "internal_error"}


class ApiError(Exception):
    """An error answered in the API's JSON shape."""

    def __init__(self, status: int, message: str, fields: dict | None = None,
                 code: str | None = None):
        super().__init__(message)
        self.status, self.message, self.fields = status, message, fields or {}
        self.code = code or CODES.get(status, "error")


def error_response(status: int, message: str, fields: dict | None = None,
                   code: str | None = None, headers: dict | None = None):
    body = {"error": {"code": code or CODES.get(status, "error"), "message": message,
                      "fields": fields or {}, "request_id": g.get("request_id", "")}}
    response = jsonify(body)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="koble"'
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _fields_of(messages) -> dict:
    """webargs' {location: {field: [msgs]}} → {field: [msgs]}."""
    if not isinstance(messages, dict):
        return {}
    if set(messages) <= {"json", "query", "path", "headers", "form", "files", "cookies"}:
        merged: dict = {}
        for part in messages.values():
            if isinstance(part, dict):
                merged.update(part)
        return merged
    return messages


def _too_many_requests(error: HTTPException) -> str:
    """The rate limit's refusal: flask-limiter's description is English ("120 per 1
    minute"); say the limit and, when known, the wait (the Retry-After header's)."""
    limit = getattr(getattr(error, "limit", None), "limit", None)
    if limit is None:
        return _("Too many requests. Wait a moment and try again.")
    period = format_timedelta(timedelta(seconds=limit.get_expiry()), threshold=1)
    message = ngettext("Too many requests: at most %(num)d request in %(period)s.",
                       "Too many requests: at most %(num)d requests in %(period)s.",
                       limit.amount, period=period)
    current = limiter.current_limit
    if current is not None and current.reset_at:
        wait = timedelta(seconds=max(1, int(current.reset_at - time())))
        message += " " + _("Try again in %(wait)s.", wait=format_timedelta(wait, threshold=1))
    return message


def _werkzeug_words(error: HTTPException) -> str | None:
    """Our own words for a refusal Werkzeug or flask-limiter make, in the caller's language
    (theirs are English whatever the caller reads); None to keep the error's message."""
    if isinstance(error, NoSuchPath) and error.description == NoSuchPath.description:
        return _("The API has no such path. Its paths are listed at /api/v1/docs.")
    if isinstance(error, MethodNotAllowed):
        return _("%(path)s does not take %(method)s, only: %(allowed)s.", path=request.path,
                 method=request.method, allowed=", ".join(_allowed(error)))
    if error.code == 413:
        return too_large_body_text()
    if error.code == 429:
        return _too_many_requests(error)
    return None


def _allowed(error: MethodNotAllowed) -> list[str]:
    return sorted(set(error.valid_methods or ()) - {"HEAD", "OPTIONS"})


def http_error(error: HTTPException):
    """An HTTP error in the API's shape: the blueprints' handler, and the app's for an /api/
    path no blueprint took (a path or a method the API does not have)."""
    if isinstance(error, NotModified):
        response = current_app.response_class(status=304)
        if g.get("api_etag"):
            response.set_etag(g.api_etag)  # the tag a 200 would carry, as RFC 9110 asks
        return response
    data = getattr(error, "data", None) or {}
    fields = _fields_of(data.get("messages") or data.get("errors") or {})
    status = error.code or 500
    message = data.get("message")
    headers = dict(data.get("headers") or {})
    if not message:
        with force_locale(caller_locale()):
            message = (_("Invalid input.") if status == 422 and fields
                       else _werkzeug_words(error) or error.description or error.name)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        headers["Allow"] = ", ".join(sorted(error.valid_methods))  # RFC 9110 asks for it
    return error_response(status, str(message), fields, headers=headers)


def domain_error(error: DomainError):
    db.session.rollback()
    if isinstance(error, NotFound):
        return error_response(404, error.message)
    if isinstance(error, Forbidden):
        return error_response(403, error.message)
    if isinstance(error, Conflict):
        return error_response(409, error.message)
    message = _words(error)
    if isinstance(error, AddressUnconfirmed):
        # like a read-only token's insufficient_scope: the request is fine, the account may
        # not do it yet; a code of its own tells the client what to ask its user for
        return error_response(403, message, code="address_unconfirmed")
    problems = error.problems if isinstance(error, Problems) else [error]
    return error_response(422, _said(problems), _fields_said(problems))


def _words(error: DomainError) -> str:
    return error.api_message or error.message  # the pages' words may point at a page


def _said(problems: list[DomainError]) -> str:
    """The message of a domain refusal: each problem's words once, in the domain's order (one
    problem: its own words), as the arena times' 422 says each of its refusals."""
    return " ".join(dict.fromkeys(_words(problem) for problem in problems))


def _fields_said(problems: list[DomainError]) -> dict[str, list[str]]:
    """Each field a domain refusal names, with the words of every problem about it: all of
    Problems' (several broken rules found at once), not only the first, as a body's own
    refusals name every problem at once. A problem about no field is in the message only."""
    fields: dict[str, list[str]] = {}
    for problem in problems:
        for name in problem.fields:
            said = fields.setdefault(name, [])
            if _words(problem) not in said:
                said.append(_words(problem))
    return fields


def api_error(error: ApiError):
    return error_response(error.status, error.message, error.fields, error.code)
