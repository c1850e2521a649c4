"""Norwegian bokmål by default, English one click away, and the choice remembered."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import create_app
from app.config import Config
from app.extensions import db
from app.models import User
from tests.factories import make_user


def test_bokmal_is_the_configured_default():
    assert Config.BABEL_DEFAULT_LOCALE == "nb"
    assert set(Config.LANGUAGES) == {"nb", "en"}


@pytest.fixture
def nb_client(app):
    """A client of an app with the production default language."""
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    return app.test_client()


def test_home_page_speaks_bokmal_by_default(nb_client):
    page = nb_client.get("/").get_data(as_text=True)
    assert 'lang="nb"' in page
    assert "Logg inn" in page


def test_switch_to_english_is_remembered(nb_client):
    response = nb_client.post("/language", data={"lang": "en", "next": "/auth/login"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    page = nb_client.get("/").get_data(as_text=True)
    assert 'lang="en"' in page
    assert "Log in" in page


def test_logged_in_users_choice_is_saved_on_the_account(app, nb_client, auth):
    user = make_user("founder")
    nb_client.post("/auth/login", data={"email": user.email,
                                        "password": "grønne idéer møter kapital"})
    nb_client.post("/language", data={"lang": "en"})
    saved = db.session.scalar(select(User.locale).where(User.id == user.id))
    assert saved == "en"


def test_unknown_language_changes_nothing(nb_client):
    nb_client.post("/language", data={"lang": "xx"})
    assert 'lang="nb"' in nb_client.get("/").get_data(as_text=True)


def test_form_errors_come_in_the_users_language(nb_client):
    response = nb_client.post("/auth/login", data={"email": "", "password": ""})
    assert response.status_code == 422
    assert "Dette feltet er påkrevd" in response.get_data(as_text=True) or "påkrevd" in (
        response.get_data(as_text=True))


def test_app_factory_default_language_outside_tests(monkeypatch, tmp_path):
    monkeypatch.setenv("KOBLE_INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    application = create_app()
    assert application.config["BABEL_DEFAULT_LOCALE"] == "nb"
