"""The API blueprint every /api/v1 module registers its operations on: token auth, one
rate limit per user, JSON errors, the refusals every operation documents.

No cookies means no CSRF surface, so the API blueprints are exempt from CSRF.
"""

from __future__ import annotations

from flask import current_app, g, request
from flask_babel import gettext as _
from flask_smorest import Blueprint as SmorestBlueprint
from flask_smorest.exceptions import NotModified
from werkzeug.exceptions import HTTPException

from app.api.auth import WRITE_METHODS, authenticate, bearer_token
from app.api.error_schemas import ErrorOut
from app.api.json_body import JsonParser
from app.api.refusals import ApiError, api_error, domain_error, http_error
from app.compression import tagged_variants
from app.extensions import csrf, limiter
from app.services.errors import DomainError

DEFAULT_RATE_LIMIT = "120 per minute"


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
    """Per user, all of their tokens together: counted per token, a user could raise their
    own limit by making more tokens. A request without a usable token counts against its
    address (not the prefix it names, or a stranger who knows a prefix could spend its
    owner's budget)."""
    token = bearer_token()
    return f"api-user:{token.user_id}" if token else f"api-anon:{request.remote_addr}"


def _rate_limit() -> str:
    return current_app.config.get("API_RATE_LIMIT", DEFAULT_RATE_LIMIT)


class Blueprint(SmorestBlueprint):
    """An API blueprint: token auth, CSRF-exempt, rate-limited per user, JSON errors."""

    ARGUMENTS_PARSER = JsonParser()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._query_names: dict[str, frozenset[str]] = {}
        self.before_request(authenticate)
        self.before_request(self._unknown_query)
        self.after_request(_no_store)
        self.register_error_handler(HTTPException, http_error)
        self.register_error_handler(DomainError, domain_error)
        self.register_error_handler(ApiError, api_error)
        csrf.exempt(self)
        # one budget per user over the whole API: a blueprint's plain limit is counted
        # per route, which gave a token 120 a minute for each of ~27 operations
        limiter.shared_limit(_rate_limit, scope="api", key_func=rate_limit_key)(self)

    def _check_not_modified(self, etag):
        """304 when If-None-Match names the list's ETag, compared weakly as RFC 9110
        (13.1.2) asks. flask-smorest compares strongly, so a tag a proxy weakened on the
        way (nginx's gzip passes `ETag: W/"…"` on) never matched: every request got the
        whole list again. A tag as the app's compression sent it ("…:gzip") names the
        same list, and the 304 carries it as sent."""
        if request.method not in self.METHODS_CHECKING_NOT_MODIFIED:
            return
        for tag in tagged_variants(current_app, etag):
            if request.if_none_match.contains_weak(tag):
                g.api_etag = tag
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
                "Too many requests from this account (all its tokens together); "
                "`Retry-After` says how many seconds to wait (code "
                "`too_many_requests`)."))(view_func)
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
