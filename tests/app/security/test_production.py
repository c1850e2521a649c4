"""Production refuses to start unsafe, and its cookies and headers are strict."""

from __future__ import annotations

import pytest

from app.config import InsecureConfiguration
from app.extensions import db
from app.services.passwords import dummy_hash, hash_password, unusable_hash
from app.services.reference import ensure_associations
from tests.app.security.production import production_app
from tests.factories import DEFAULT_PASSWORD, make_user

HTTPS = "https://koble.example"


@pytest.mark.parametrize(("settings", "complaint"), [
    ({"DEBUG": True}, "DEBUG"),
    ({"SECRET_KEY": None}, "SECRET_KEY"),
    ({"SECRET_KEY": ""}, "SECRET_KEY"),
    ({"SECRET_KEY": "changeme"}, "SECRET_KEY"),
    ({"SECRET_KEY": "short-but-random-9f3a"}, "SECRET_KEY"),
    ({"SECRET_KEY": "a" * 64}, "SECRET_KEY"),
    ({"SESSION_COOKIE_SECURE": False}, "SESSION_COOKIE_SECURE"),
    ({"REMEMBER_COOKIE_SECURE": False}, "REMEMBER_COOKIE_SECURE"),
    ({"SESSION_COOKIE_HTTPONLY": False}, "SESSION_COOKIE_HTTPONLY"),
    ({"SESSION_COOKIE_SAMESITE": None}, "SESSION_COOKIE_SAMESITE"),
    ({"REMEMBER_COOKIE_SAMESITE": "None"}, "REMEMBER_COOKIE_SAMESITE"),
    ({"PASSWORD_HASH_METHOD": "scrypt:1024:8:1"}, "PASSWORD_HASH_METHOD"),
])
def test_production_refuses_to_start_unsafe(monkeypatch, tmp_path, settings, complaint):
    with pytest.raises(InsecureConfiguration, match=complaint):
        production_app(monkeypatch, tmp_path, **settings)


def test_flask_debug_in_the_environment_is_refused(monkeypatch, tmp_path):
    """`flask run --debug` would start the Werkzeug debugger whatever the config says."""
    with pytest.raises(InsecureConfiguration, match="DEBUG"):
        production_app(monkeypatch, tmp_path, environ={"FLASK_DEBUG": "1"})


def test_test_config_still_builds_the_testing_app(app):
    assert app.config["TESTING"] and not app.debug


def test_production_hashes_passwords_with_scrypt_at_full_cost(monkeypatch, tmp_path):
    """The tests hash cheaply (TestConfig.PASSWORD_HASH_METHOD); production must not."""
    application = production_app(monkeypatch, tmp_path)
    with application.app_context():
        assert hash_password("what ever it is, it is long").startswith("scrypt:32768:8:1$")
        assert dummy_hash().startswith("scrypt:32768:8:1$")
        assert unusable_hash().startswith("scrypt:32768:8:1$")
    assert hash_password("outside any app").startswith("scrypt:32768:8:1$")


def test_production_starts_with_cookies_secure_and_hsts(monkeypatch, tmp_path):
    application = production_app(monkeypatch, tmp_path)
    assert not application.debug
    with application.app_context():
        db.create_all()
        ensure_associations()
        user = make_user("founder")
        client = application.test_client()
        # Plain HTTP is sent to HTTPS.
        plain = client.get("/auth/login", base_url="http://koble.example")
        assert plain.status_code in (301, 302) and plain.headers["Location"].startswith("https:")
        page = client.get("/auth/login", base_url=HTTPS)
        assert page.status_code == 200
        hsts = page.headers["Strict-Transport-Security"]
        assert int(hsts.split("max-age=")[1].split(";")[0]) >= 31536000
        token = page.get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
        response = client.post("/auth/login", base_url=HTTPS, headers={"Referer": HTTPS + "/"},
                               data={"email": user.email, "password": DEFAULT_PASSWORD,
                                     "remember": "y", "csrf_token": token})
        assert response.status_code == 302
        cookies = {c.split("=", 1)[0]: c.lower() for c in response.headers.getlist("Set-Cookie")}
        for name in ("session", "remember_token"):
            assert "; secure" in cookies[name], name
            assert "; httponly" in cookies[name], name
            assert "samesite=lax" in cookies[name], name
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def test_health_answers_plain_http_in_production(monkeypatch, tmp_path):
    """A load balancer checks the worker over plain HTTP; a redirect to HTTPS is not 'ok'."""
    application = production_app(monkeypatch, tmp_path)
    client = application.test_client()
    plain = client.get("/health", base_url="http://10.0.0.5:8000")
    assert plain.status_code == 200 and plain.get_json() == {"status": "ok"}
    # every page stays HTTPS-only
    assert client.get("/", base_url="http://10.0.0.5:8000").status_code in (301, 302)
