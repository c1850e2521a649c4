"""Security headers on every response; no-store on pages behind login."""

from __future__ import annotations

import pytest

from tests.app.security.counts import count
from tests.app.security.principals import get_rules, log_in
from tests.factories import make_user


@pytest.fixture
def responses(app):
    """Pages, redirects, 404, 405, 500, static files, as anonymous and as a founder."""

    @app.route("/_test/boom")
    def _boom():
        raise RuntimeError("boom")

    anonymous = app.test_client()
    founder = app.test_client()
    log_in(founder, make_user("founder"))
    paths = [r.rule for r in get_rules(app, "GET") if not r.arguments]
    paths += ["/no-such-page", "/_test/boom", "/static/koble.css",
              "/bootstrap/static/css/bootstrap.min.css", "/api/no-such-thing"]
    collected = []
    for who, client in (("anonymous", anonymous), ("founder", founder)):
        for path in paths:
            collected.append((who, f"GET {path}", client.get(path)))
        collected.append((who, "POST / (405)", client.post("/")))
    return collected


def _csp(response) -> dict[str, list[str]]:
    directives = {}
    for part in response.headers.get("Content-Security-Policy", "").split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def test_every_response_carries_the_security_headers(responses):
    failures = []
    for who, what, response in responses:
        where = f"{who} {what} → {response.status_code}"
        csp = _csp(response)
        scripts = csp.get("script-src", csp.get("default-src"))
        if not scripts or "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts:
            failures.append(f"{where}: script-src {scripts}")
        if csp.get("frame-ancestors") != ["'none'"]:
            failures.append(f"{where}: frame-ancestors {csp.get('frame-ancestors')}")
        if csp.get("object-src") != ["'none'"]:
            failures.append(f"{where}: object-src {csp.get('object-src')}")
        if response.headers.get("X-Content-Type-Options") != "nosniff":
            failures.append(f"{where}: no nosniff")
        if response.headers.get("Referrer-Policy") not in (
                "strict-origin-when-cross-origin", "same-origin", "no-referrer", "strict-origin"):
            failures.append(f"{where}: Referrer-Policy {response.headers.get('Referrer-Policy')}")
        if response.headers.get("X-Frame-Options") != "DENY":
            failures.append(f"{where}: X-Frame-Options {response.headers.get('X-Frame-Options')}")
        if not response.headers.get("X-Request-Id"):
            failures.append(f"{where}: no X-Request-Id")
    count("responses checked for security headers", len(responses))
    assert not failures, "\n".join(failures)


def test_pages_behind_login_are_not_stored(responses):
    failures = []
    for who, what, response in responses:
        # The token API ignores cookies and sets its own (private) caching; pages are checked.
        if who != "founder" or "/static/" in what or " /api/" in what:
            continue
        if "no-store" not in response.headers.get("Cache-Control", ""):
            failures.append(f"{what} → {response.status_code}: Cache-Control "
                            f"{response.headers.get('Cache-Control')!r}")
    assert not failures, "\n".join(failures)


def test_error_pages_have_the_headers_and_no_traceback(responses):
    for _who, what, response in responses:
        if response.status_code >= 400:
            body = response.get_data(as_text=True)
            assert "Traceback" not in body and "RuntimeError" not in body, what
