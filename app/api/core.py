"""What every /api/v1 blueprint shares: bearer-token authentication, scopes, rate limit
key, and the one JSON error shape ``{"error": {"code", "message", "fields"}}``.

Session cookies are ignored: the caller is the token's user (``caller()``), never
Flask-Login's ``current_user``. No cookies means no CSRF surface, so the API blueprints are
exempt from CSRF.
"""

from __future__ import annotations

import codecs
import json
from collections import Counter
from datetime import timedelta
from functools import wraps
from time import time

from flask import current_app, g, jsonify, request
from flask_babel import force_locale, format_timedelta, ngettext
from flask_babel import gettext as _
from flask_smorest import Blueprint as SmorestBlueprint
from flask_smorest.exceptions import NotModified
from webargs.core import parse_json
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge
from werkzeug.exceptions import NotFound as NoSuchPath

from app.api.schemas import ErrorOut
from app.errors import too_large_body_text
from app.extensions import csrf, db, limiter
from app.i18n import saved_locale
from app.services import api_tokens
from app.services.errors import Conflict, DomainError, Forbidden, NotFound

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
DEFAULT_RATE_LIMIT = "120 per minute"
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


def _anonymous_locale() -> str:
    """The language of an answer to a request without a usable token: the first of ours its
    Accept-Language names, else the site's default. Never a cookie or ?lang=: the API
    ignores them."""
    languages = current_app.config["LANGUAGES"]
    # Werkzeug's best_match prefers an exact tag to a regional one whatever their weights:
    # "en-GB,nb;q=0.5" got bokmål. The list is ordered by weight; a tag names its language
    # by its first part, and q=0 means "not this one".
    for tag, quality in request.accept_languages:
        language = tag.replace("_", "-").split("-")[0].lower()
        if quality > 0 and language in languages:
            return language
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def caller_locale() -> str:
    """The language to refuse this request in: the token user's saved one, as every answer
    after _authenticate speaks. A refusal before it (a path or method the API does not
    have, answered by the app; the rate limit, checked before the blueprint's hooks) reads
    the token itself; without a usable one, _anonymous_locale."""
    user = g.get("api_user")
    if user is None:
        scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            try:
                user = api_tokens.authenticate(value.strip()).user
            except api_tokens.TokenInvalid:
                user = None
    if user is None:
        return _anonymous_locale()
    return saved_locale(user)


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


def _domain_error(error: DomainError):
    db.session.rollback()
    if isinstance(error, NotFound):
        return error_response(404, error.message)
    if isinstance(error, Forbidden):
        return error_response(403, error.message)
    if isinstance(error, Conflict):
        return error_response(409, error.message)
    fields = {name: [error.message] for name in error.fields}
    return error_response(422, error.message, fields)


def _api_error(error: ApiError):
    return error_response(error.status, error.message, error.fields, error.code)


def _authenticate():
    """Every API request names a usable token; a write needs the read-write scope."""
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        with force_locale(_anonymous_locale()):
            raise ApiError(401, _("Send a personal API token: Authorization: Bearer <token>."))
    try:
        token = api_tokens.authenticate(value.strip())
    except api_tokens.TokenInvalid:
        with force_locale(_anonymous_locale()):
            raise ApiError(401, _("The token is invalid, expired or revoked.")) from None
    if request.method in WRITE_METHODS and not token.can_write:
        with force_locale(saved_locale(token.user)):
            raise ApiError(403, _("This token is read-only: it can read but not change "
                                  "anything. Make a read-write token under API tokens."),
                           code="insufficient_scope")
    g.api_token = token
    g.api_user = token.user
    api_tokens.touch(token)


def _no_store(response):
    if response.status_code == 204:
        # No content, so no type: a client that parses a body when Content-Type says JSON
        # failed on the empty 204 that said "application/json".
        response.headers.pop("Content-Type", None)
    response.headers.setdefault("Cache-Control", "private, no-cache")
    response.headers["Vary"] = "Authorization"
    return response


def untyped_options(response):
    """Flask's own answer to OPTIONS on an API path (200, no content, `Allow`) without the
    "text/html" it put on it: there is nothing to read, and an API that answers JSON
    should not announce HTML. Not 204: RFC 9110 (9.3.7) asks an OPTIONS answer without
    content for "Content-Length: 0", which a 204 must not carry. No CORS headers: the
    API does not offer CORS."""
    rule = request.url_rule
    if (request.method == "OPTIONS" and response.status_code == 200
            and getattr(rule, "provide_automatic_options", False)
            and rule.rule.startswith("/api/")):
        response.headers.pop("Content-Type", None)
    return response


def rate_limit_key() -> str:
    """Per token (its public prefix, read without touching the database)."""
    header = request.headers.get("Authorization", "")
    prefix = api_tokens.split_prefix(header.partition(" ")[2].strip())
    return f"api-token:{prefix}" if prefix else f"api-anon:{request.remote_addr}"


def _rate_limit() -> str:
    return current_app.config.get("API_RATE_LIMIT", DEFAULT_RATE_LIMIT)


def _refuse_cut_off(req) -> None:
    """413 for a body sent without Content-Length (chunked) that reaches
    MAX_CONTENT_LENGTH. Werkzeug refuses a declared length over it before reading, but
    reads a chunked body only up to it and hands back the first 5 MB as if that were all:
    the JSON was cut off mid-way and refused as "not valid JSON" (400)."""
    limit = req.max_content_length
    if (req.content_length is None and limit is not None
            and len(req.get_data(cache=True)) >= limit):
        raise RequestEntityTooLarge()


def _names_once(pairs: list) -> dict:
    """json.loads' object hook: an object, unless a name is given twice in it."""
    counts = Counter(name for name, _value in pairs)
    repeated = sorted(name for name, n in counts.items() if n > 1)
    if repeated:
        raise ApiError(422, _("Invalid input."),
                       {name: [_("Send it once: it takes one value.")] for name in repeated})
    return dict(pairs)


def _refuse_repeated_names(body: bytes) -> None:
    """422 for a body that gives a field twice in one object ({"title": "a", "title": "b"}):
    json.loads keeps the last and drops the first unsaid, as a repeated query parameter's
    were; I-JSON (RFC 7493) refuses it. Read after the body parsed, so it is valid JSON."""
    json.loads(body, object_pairs_hook=_names_once)


class JsonParser(FlaskParser):
    """webargs' parser, with the body refusals said in words: a body that is not sent as
    JSON is 415 (webargs read it as no body at all, so a form-encoded body got "Missing data"
    for every field), and broken JSON is 400 saying so (webargs' abort left Werkzeug's "The
    browser (or proxy) sent a request that this server could not understand"). A body nested
    deeper than Python's recursion limit (a few KB of "[[[[…") is broken JSON too: json.loads
    raises RecursionError for it, not JSONDecodeError, and that was a 500. So is a string
    with half a surrogate pair ("\\ud800" alone): JSON's grammar lets it through, but it is
    no text (I-JSON, RFC 7493, refuses it), and saving or answering it failed to encode, a
    500 too."""

    def _raw_load_json(self, req):
        if not is_json_request(req):
            raise ApiError(415, _("Send the body as JSON, with the header Content-Type: "
                                  "application/json."))
        _refuse_cut_off(req)
        body = req.get_data(cache=True)
        try:
            # A UTF-8 byte order mark (Notepad's and PowerShell 5's "UTF8" files begin with
            # one) is not part of the text: RFC 8259 lets a parser ignore it, json.loads on
            # bytes does, webargs' decoding kept it and called the body not JSON.
            data = parse_json(body.removeprefix(codecs.BOM_UTF8))
            json.dumps(data, ensure_ascii=False).encode()
        except (RecursionError, UnicodeEncodeError) as error:
            self._handle_invalid_json_error(error, req)
        _refuse_repeated_names(body.removeprefix(codecs.BOM_UTF8))
        return data

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        raise ApiError(400, _("The body is not valid JSON."))


class Blueprint(SmorestBlueprint):
    """An API blueprint: token auth, CSRF-exempt, rate-limited per token, JSON errors."""

    ARGUMENTS_PARSER = JsonParser()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._query_names: dict[str, frozenset[str]] = {}
        self.before_request(_authenticate)
        self.before_request(self._unknown_query)
        self.after_request(_no_store)
        self.register_error_handler(HTTPException, http_error)
        self.register_error_handler(DomainError, _domain_error)
        self.register_error_handler(ApiError, _api_error)
        csrf.exempt(self)
        # one budget per token over the whole API: a blueprint's plain limit is counted
        # per route, which gave a token 120 a minute for each of ~27 operations
        limiter.shared_limit(_rate_limit, scope="api", key_func=rate_limit_key)(self)

    def _check_not_modified(self, etag):
        """304 when If-None-Match names the list's ETag, compared weakly as RFC 9110
        (13.1.2) asks. flask-smorest compares strongly, so a tag a proxy weakened on the
        way (nginx's gzip passes `ETag: W/"…"` on) never matched: every request got the
        whole list again."""
        if (request.method in self.METHODS_CHECKING_NOT_MODIFIED
                and request.if_none_match.contains_weak(etag)):
            g.api_etag = etag
            raise NotModified

    def _unknown_query(self):
        """One rule for every operation: a query parameter it does not take is refused
        (422, each named), as an unknown body field is, rather than silently ignored (a
        `page` sent to a list that is not paginated read as if it were); so is one sent
        more than once, as none takes a list."""
        unknown = sorted(set(request.args) - self._query_names.get(request.endpoint,
                                                                   frozenset()))
        if unknown:
            raise ApiError(422, _("Unknown query parameter: %(names)s.",
                                  names=", ".join(unknown)),
                           {name: [_("Unknown field.")] for name in unknown})
        # Each query parameter takes one value; a repeated one was read as its first and the
        # rest dropped unsaid (?sector=energy&sector=maritime listed energy only).
        repeated = sorted(name for name in request.args if len(request.args.getlist(name)) > 1)
        if repeated:
            raise ApiError(422, _("A query parameter was sent more than once: %(names)s. "
                                  "Each takes one value.", names=", ".join(repeated)),
                           {name: [_("Send it once: it takes one value.")]
                            for name in repeated})

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        """Register the view, note the query parameters it takes (any other is refused,
        see _unknown_query) and document the refusals every operation can give."""
        endpoint = endpoint or view_func.__name__
        doc = getattr(view_func, "_apidoc", {})
        names: set[str] = set()
        for parameter in doc.get("arguments", {}).get("parameters", []):
            if parameter["in"] == "query":
                schema = parameter["schema"]
                schema = schema() if isinstance(schema, type) else schema
                names.update(f.data_key or name for name, f in schema.fields.items())
        self._query_names[f"{self.name}.{endpoint}"] = frozenset(names)
        documented = set(doc.get("response", {}).get("responses", {}))
        methods = options.get("methods", ("GET",))
        if 403 not in documented and (getattr(view_func, "_roles", None)
                                      or any(m in WRITE_METHODS for m in methods)):
            view_func = self.alt_response(403, schema=ErrorOut, description=(
                "Your role may not use this endpoint, or the token is read-only."))(view_func)
        if 401 not in documented:
            view_func = self.alt_response(401, schema=ErrorOut, description=(
                "No token, or one that is invalid, expired or revoked (code "
                "`unauthorized`)."))(view_func)
        if 429 not in documented:
            view_func = self.alt_response(429, schema=ErrorOut, description=(
                "Too many requests with this token; `Retry-After` says how many seconds to "
                "wait (code `too_many_requests`)."))(view_func)
        if "arguments" not in doc and 422 not in documented:
            view_func = self.alt_response(422, schema=ErrorOut, description=(
                "A query parameter this operation does not take."))(view_func)
        super().add_url_rule(rule, endpoint, view_func, **options)

    def arguments(self, schema, *, location="json", **kwargs):
        """flask-smorest's arguments; a JSON body also documents its two refusals."""
        parse = super().arguments(schema, location=location, **kwargs)
        if location != "json":
            return parse

        def decorator(func):
            func = parse(func)
            func = self.alt_response(400, schema=ErrorOut,
                                     description="The body is not valid JSON.")(func)
            return self.alt_response(415, schema=ErrorOut, description=(
                "The body was not sent as JSON (Content-Type: application/json)."))(func)

        return decorator


def caller():
    """The user the request's token belongs to."""
    return g.api_user


def roles(*allowed: str):
    """Only these roles (admin counts as staff); others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = caller()
            ok = user.role in allowed or (user.role == "admin" and "staff" in allowed)
            if not ok:
                raise ApiError(403, _("Your role may not use this endpoint."))
            return view(*args, **kwargs)

        wrapped._roles = allowed
        return wrapped

    return decorator


def page_of(pagination, items) -> dict:
    return {"items": items, "page": pagination.page, "per_page": pagination.per_page,
            "total": pagination.total or 0, "pages": pagination.pages or 0}
