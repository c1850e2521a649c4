"""The rate limit's response headers in the OpenAPI description. flask-limiter writes
X-RateLimit-Limit, -Remaining and -Reset on every answer of an /api/v1 operation, a 401
and a 429 included, and Retry-After on a 429 only (app/registration.py takes it off the
others), but the description named none of them as headers. This apispec plugin declares
them on every response of every operation, so that a client generated from the
description can read them. app/api/blueprint.py puts one shared limit on every API blueprint: one
count per user (all their tokens) over all operations."""

from __future__ import annotations

from apispec import BasePlugin

INTEGER = {"type": "integer", "minimum": 0}
HEADERS = {
    "X-RateLimit-Limit": {
        "description": "How many requests this token's user, all their tokens together "
                       "(without a usable token: this address), may send to the API in the "
                       "current window, all operations together.",
        "schema": INTEGER},
    "X-RateLimit-Remaining": {
        "description": "How many of them are left in the current window; 0 on a 429.",
        "schema": INTEGER},
    "X-RateLimit-Reset": {
        "description": "When the current window ends and the count starts again, in seconds "
                       "since 1970-01-01 UTC (Unix time).",
        "schema": INTEGER},
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "How many seconds to wait before the next request. Only on a 429.",
        "schema": INTEGER},
}


class RateLimitHeaders(BasePlugin):
    """Declares HEADERS (as components, by reference) on every response, and Retry-After
    on a 429 as well."""

    def init_spec(self, spec) -> None:
        """Register the headers as components of the spec."""
        for name, header in {**HEADERS, **RETRY_AFTER}.items():
            spec.components.header(name, header)

    def response_helper(self, response: dict, **_kwargs) -> dict:
        """A response component (flask-smorest's DEFAULT_ERROR, UNPROCESSABLE_ENTITY,
        NOT_MODIFIED …) that operations reference by name."""
        return {"headers": {**response.get("headers", {}), **{name: name for name in HEADERS}}}

    def operation_helper(self, path=None, operations=None, **_kwargs) -> None:
        """Each operation's own responses (a reference by name gets them from its
        component, see response_helper)."""
        for operation in (operations or {}).values():
            for status, response in operation.get("responses", {}).items():
                if not isinstance(response, dict) or "$ref" in response:
                    continue
                names = [*HEADERS, *(RETRY_AFTER if str(status) == "429" else ())]
                headers = response.setdefault("headers", {})
                for name in names:
                    headers.setdefault(name, name)
