"""The versioned JSON API under /api/v1 (flask-smorest): the OpenAPI 3.1 description at
/api/v1/openapi.json is generated from the schemas that validate the requests, and
rendered as a readable page at /api/v1/docs."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from app.api.error_schemas import ErrorOut
from app.api.rate_limit_headers import RateLimitHeaders

API_VERSION = "1.0"
DESCRIPTION = (
    "Koble's JSON API. Authenticate every request with a personal API token from your "
    "account page (API tokens, `/account/tokens`): `Authorization: Bearer kbl_…`. Session "
    "cookies are ignored, so no CSRF token is needed. Read tokens "
    "may only read; writes need a read-write token. A token works until it expires or is "
    "revoked: on the account page, by a password reset (\"Forgot your password?\"), when an "
    "administrator deactivates the account (reactivating it brings no token back) or when "
    "the account is deleted. Changing the password or the e-mail address while logged in "
    "keeps the tokens. Errors always read "
    '`{"error": {"code", "message", "fields", "request_id"}}`, with one `code` per status '
    "(`not_found`, `method_not_allowed`, `payload_too_large`, `too_many_requests` …; 403 is "
    "`forbidden`, or `insufficient_scope` for a write with a read-only token, or "
    "`address_unconfirmed` for publishing a pitch or marking interest while your "
    "self-registered e-mail address is not confirmed yet, or `profile_missing` for an "
    "investor's interest before their profile is written), also for a path the "
    "API does not have (404) or a method a path does not take (405, with `Allow`). "
    "List endpoints answer `ETag`; send it back "
    "in `If-None-Match` to get 304 when nothing changed. `/pitches` and `/recommendations` "
    "are paginated (`page`, `per_page`; the answer says `total` and `pages`); the other lists "
    "answer whole (a pitch's recommendations: its 20 best investors). A query parameter an "
    "operation does not list is refused with 422 naming it, as an unknown body field is, and "
    "so is one sent twice, or a body field given twice (each takes one value). "
    "Requests are rate-limited per user, over all of the user's tokens and all operations: "
    "every answer of an operation (a 401 and a 429 included) says the limit "
    "(`X-RateLimit-Limit`), how many requests are left (`X-RateLimit-Remaining`) and when "
    "the count starts again (`X-RateLimit-Reset`, Unix time in seconds); a 429 says in "
    "`Retry-After` how many seconds to wait. A path the API does not have (404) or a method "
    "a path does not take (405) is not counted and carries none of these headers. "
    "`POST /pitches` takes an optional `Idempotency-Key` header: the same request sent again "
    "with the same key within 24 hours (after a timeout) gets the first answer back and "
    "makes nothing twice (unless the pitch it made was deleted meanwhile: then it makes a "
    "new one). The other writes make nothing twice when sent again: an "
    "investor has one profile (a second create is 409), a `PUT` with the `version` you read "
    "and a `DELETE` set a state, and publishing a published pitch changes nothing. "
    "Arena slots and tables are counted from 0 in every field named `slot`, `table`, "
    "`arrive_slot` or `leave_slot` (v1 has always answered so, and keeps it); "
    "`slot_number` and `table_number` count from 1, as the pages, the CSV exports and the "
    "table signs do: `slot` 1, `table` 0 is \"Slot 2, Table 1\". "
    "Refusals speak the language saved on your account (bokmål unless you chose English): "
    "a rule broken, a thing not found, a value of the wrong type or not among the allowed "
    "ones, a missing or unknown field, a path or method the API does not have, the rate "
    "limit; without a usable token (401), the first of `nb` and `en` that `Accept-Language` "
    "names, else bokmål."
)


class KobleApi(Api):
    """flask-smorest's Api, with Koble's error shape and without its app-wide error
    handler (the API blueprints answer their own errors; HTML pages keep theirs)."""

    ERROR_SCHEMA = ErrorOut

    def _register_error_handlers(self):
        return None


def init_api(app: Flask) -> KobleApi:
    """Configure and register the API on the app (one Api object per app)."""
    from app.api import arena_times, arenas, docs, matches, pitches, profile
    from app.api.blueprint import untyped_options

    app.config.setdefault("API_TITLE", "Koble API")
    app.config.setdefault("API_VERSION", API_VERSION)
    app.config.setdefault("OPENAPI_VERSION", "3.1.0")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/api/v1")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    app.config.setdefault("API_SPEC_OPTIONS", {
        "info": {"description": DESCRIPTION},
        "security": [{"bearerAuth": []}],
    })
    api = KobleApi(app, spec_kwargs={"extra_plugins": [RateLimitHeaders()]})
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer",
                       "description": "A personal API token (kbl_…)."})
    for module in (pitches, profile, matches, arenas, arena_times):
        api.register_blueprint(module.bp)
    app.register_blueprint(docs.bp)
    # A doubled slash ("/api/v1//me") is a path the API does not have: a JSON 404, rather
    # than Werkzeug's redirect to the merged path (an HTML 308 that no error handler sees).
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            rule.merge_slashes = False
    app.after_request(untyped_options)  # also for openapi.json and the docs page
    app.extensions["koble_api"] = api
    return api
