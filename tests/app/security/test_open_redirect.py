"""`next` after login (and after choosing a language) only ever lands on a local path."""

from __future__ import annotations

import pytest

from tests.app.security.counts import count
from tests.factories import DEFAULT_PASSWORD, make_user

PAYLOADS = [
    "//evil.com", "/\\evil.com", "\\\\\\evil.com", "\\/evil.com", "javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "java%0d%0ascript:alert(1)", "%2F%2Fevil.com", "/%2F/evil.com",
    "/%2f%2fevil.com", "/%252F%252Fevil.com", "/%25252F%25252Fevil.com", "\t//evil.com",
    "/\t/evil.com", "%09//evil.com", "/%09/evil.com", "/%0a/evil.com", "/%0d/evil.com",
    " //evil.com", "https:evil.com", "https://evil.com", "http:/evil.com", "///evil.com",
    "////evil.com", "/%5Cevil.com", "/%5C%5Cevil.com", "//evil.com@koble", "/.//evil.com",
    "/..//evil.com", "/%2e%2e//evil.com", "/x/../\\evil.com", "//evil%E3%80%82com",
    "/\u3000/evil.com", "/\uff0f/evil.com", "/\u200b/evil.com", "/\u202e/moc.live//",
    "data:text/html,<script>alert(1)</script>", "\x00//evil.com", "/\x00/evil.com",
    "https://koble.example@evil.com", "evil.com", "@evil.com", "?//evil.com",
]
LOCAL = ["/", "/pitches", "/auth/password?tab=1", "/pitches?q=%2F%2Fx", "/privacy#top"]


def _location(response) -> str:
    assert response.status_code in (301, 302, 303), response.status_code
    return response.headers["Location"]


@pytest.fixture
def quick_password(monkeypatch):
    """The redirect is under test, not scrypt."""
    monkeypatch.setattr("app.services.accounts.verify_password",
                        lambda h, p: h is not None and p == DEFAULT_PASSWORD)


def test_login_next_payloads_land_on_the_roles_own_page(app, quick_password):
    user = make_user("founder")
    home = "/matches/pitches"  # where a founder's login leads when no page asked
    failures = []
    tried = 0
    for payload in PAYLOADS:
        # As the view sees it (already decoded once), and raw in the URL.
        for how in ("value", "raw"):
            client = app.test_client()
            data = {"email": user.email, "password": DEFAULT_PASSWORD}
            if how == "value":
                response = client.post("/auth/login", query_string={"next": payload}, data=data)
            else:
                response = client.post("/auth/login?next=" + payload, data=data)
            tried += 1
            if _location(response) != home:
                failures.append(f"{how} {payload!r} → {response.headers['Location']!r}")
    count("open-redirect payloads tried (login)", tried)
    print(f"\nopen redirect: {len(PAYLOADS)} payloads, {tried} login attempts")
    assert not failures, "\n".join(failures)


def test_language_switch_next_payloads_land_on_the_front_page(client):
    failures = [p for p in PAYLOADS
                if _location(client.post("/language", data={"lang": "en", "next": p})) != "/"]
    count("open-redirect payloads tried (language)", len(PAYLOADS))
    assert not failures, failures


@pytest.mark.parametrize("target", LOCAL)
def test_local_next_is_kept(app, quick_password, target):
    user = make_user("founder")
    response = app.test_client().post("/auth/login", query_string={"next": target}, data={
        "email": user.email, "password": DEFAULT_PASSWORD})
    assert _location(response) == target


def test_at_least_fifteen_payloads():
    assert len(PAYLOADS) >= 15
