"""Registration, login, logout and passwords as a user goes through them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import User
from tests.app.test_form_fields import _Page
from tests.app.test_i18n import _client_in
from tests.factories import DEFAULT_PASSWORD, make_user, outbox_of

GOOD = "fjord sol batteri 2026"


def _register(client, **overrides):
    data = {
        "role": "founder", "name": "Kari Nordmann", "email": "kari@example.no",
        "municipality": "drammen", "association": "", "password": GOOD, "confirm": GOOD,
    }
    data.update(overrides)
    return client.post("/auth/register", data=data)


def test_founder_registers_and_is_logged_in(client, app):
    response = _register(client)
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "kari@example.no"))
    assert user.role == "founder"
    assert user.association.slug == "drammen"
    assert user.password_hash != GOOD
    assert client.get("/auth/password").status_code == 200


@pytest.mark.parametrize("role, home", [("founder", "/matches/pitches"),
                                        ("investor", "/matches")])
def test_registration_lands_where_a_login_would(client, role, home):
    """A new founder landed on the public front page with only "Welcome to Koble!"; the
    role's page shows the next step (write a pitch, make a profile)."""
    response = _register(client, role=role)
    assert response.status_code == 302 and response.headers["Location"] == home
    assert client.get(home).status_code == 200
    assert client.get("/auth/register").headers["Location"] == home


def test_registration_records_the_login(client, app):
    """The admin read "Last login: never" for someone who registered and used the site."""
    _register(client)
    user = db.session.scalar(select(User).where(User.email == "kari@example.no"))
    assert user.last_login_at is not None


def test_changing_the_password_returns_to_the_account_page(client, auth):
    """It ended on the public front page; the confirmation now stands on the account page."""
    user = make_user("founder", locale="en")
    auth.login(user.email)
    response = client.post("/auth/password", data={
        "current_password": DEFAULT_PASSWORD, "new_password": GOOD, "confirm": GOOD})
    assert response.status_code == 303 and response.headers["Location"] == "/account/"
    page = client.get("/account/").get_data(as_text=True)
    assert "Your password is changed. Other sessions are logged out." in page


def test_registration_cannot_create_staff(client):
    response = _register(client, role="staff")
    assert response.status_code == 422
    assert db.session.scalar(select(User)) is None


def test_short_password_is_refused_and_typed_values_stay(client):
    response = _register(client, password="kort", confirm="kort")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Kari Nordmann" in page
    assert "12" in page
    assert db.session.scalar(select(User)) is None


def test_common_password_is_refused(client):
    response = _register(client, password="password1234", confirm="password1234")
    assert response.status_code == 422
    assert db.session.scalar(select(User)) is None


def test_long_password_is_kept_exactly(client, auth):
    long_password = "æ ø å " * 21  # 126 characters, with spaces kept
    assert _register(client, password=long_password, confirm=long_password).status_code == 302
    auth.logout()
    assert auth.login("kari@example.no", long_password).status_code == 302
    auth.logout()
    assert auth.login("kari@example.no", long_password.strip()).status_code == 422


def test_duplicate_email_is_refused(client):
    make_user("investor", email="kari@example.no")
    response = _register(client, email="KARI@example.no")
    assert response.status_code == 422
    assert "already" in response.get_data(as_text=True) or "allerede" in response.get_data(
        as_text=True
    )


def test_login_and_logout(client, auth):
    user = make_user("founder")
    assert auth.login(user.email).status_code == 302
    assert client.get("/auth/password").status_code == 200
    auth.logout()
    assert client.get("/auth/password").status_code == 302


def test_wrong_password_and_unknown_email_answer_alike(client, auth):
    user = make_user("founder")
    wrong = auth.login(user.email, "not the password at all")
    unknown = auth.login("nobody@example.no", "not the password at all")
    assert wrong.status_code == unknown.status_code == 422
    strip = lambda r: r.get_data(as_text=True).replace(user.email, "").replace(  # noqa: E731
        "nobody@example.no", "")
    assert strip(wrong).split("<main")[1].split("</main>")[0].replace(
        'value=""', "") == strip(unknown).split("<main")[1].split("</main>")[0].replace(
        'value=""', "")


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("email", ["founder", "nobody@example.no"], ids=["wrong-password",
                                                                       "unknown-email"])
def test_a_failed_login_says_plainly_that_e_mail_or_password_is_wrong(app, lang, email):
    """The alert said 'Correct the marked fields' above a password field marked with the
    message, as if the password were the one that is wrong; no field is marked now."""
    if email == "founder":
        email = make_user("founder").email
    client = _client_in(app, lang)

    response = client.post("/auth/login", data={"email": email, "password": "not it at all"})

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    page = _Page(html)
    wrong = {"nb": "Feil e-post eller passord.", "en": "Wrong e-mail or password."}[lang]
    marked = {"nb": "Rett opp feltene som er markert.",
              "en": "Please correct the marked fields."}[lang]
    alert = html.split('class="alert alert-danger" role="alert">')[1].split("</div>")[0]
    said = alert.split("</h2>")[1]  # below the summary's count
    assert said.replace('<p class="mb-0">', "").replace("</p>", "").strip() == wrong
    assert marked not in html
    for name in ("email", "password"):
        [control] = page.by_name[name]
        assert "aria-invalid" not in control and "is-invalid" not in control["class"]


def test_an_empty_login_field_is_still_marked(app):
    response = _client_in(app, "en").post("/auth/login", data={"email": "", "password": "x"})

    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "Please correct the marked fields." in html
    assert 'id="email-error"' in html and "Wrong e-mail or password." not in html


def test_deactivated_user_cannot_log_in(client, auth):
    user = make_user("founder", active=False)
    assert auth.login(user.email).status_code == 422


def test_cookie_captured_before_logout_is_refused_after(app, client, auth):
    user = make_user("founder")
    auth.login(user.email)
    cookie = client.get_cookie("session").value
    auth.logout()
    other = app.test_client()
    other.set_cookie("session", cookie)
    assert other.get("/auth/password").status_code == 302


def test_change_password_needs_current_and_ends_other_sessions(app, client, auth):
    user = make_user("founder")
    auth.login(user.email)
    second = app.test_client()
    AuthLike = type(auth)
    AuthLike(second).login(user.email)
    bad = client.post("/auth/password", data={
        "current_password": "wrong password here", "new_password": GOOD, "confirm": GOOD})
    assert bad.status_code == 422
    ok = client.post("/auth/password", data={
        "current_password": DEFAULT_PASSWORD, "new_password": GOOD, "confirm": GOOD})
    assert ok.status_code == 303
    assert client.get("/auth/password").status_code == 200
    assert second.get("/auth/password").status_code == 302


def test_password_reset_link_works_once(app, client, auth):
    user = make_user("founder")
    client.post("/auth/reset", data={"email": user.email})
    client.post("/auth/reset", data={"email": "unknown@example.no"})
    outbox = outbox_of(app)
    assert [m.to for m in outbox] == [[user.email]]
    link = next(w for w in outbox[0].body.split() if "/auth/reset/" in w)
    path = link.split("localhost", 1)[1]
    assert client.post(path, data={"password": GOOD, "confirm": GOOD}).status_code == 302
    assert auth.login(user.email, GOOD).status_code == 302
    auth.logout()
    again = client.post(path, data={"password": "another good phrase 9", "confirm":
                                    "another good phrase 9"})
    assert again.status_code == 302 and "/auth/reset" in again.headers["Location"]
    assert auth.login(user.email, GOOD).status_code == 302


def test_next_after_login_only_accepts_local_paths(client, auth):
    user = make_user("founder")
    response = client.post("/auth/login?next=//evil.com", data={
        "email": user.email, "password": DEFAULT_PASSWORD})
    assert response.headers["Location"] == "/matches/pitches"  # the founder's own home


@pytest.mark.parametrize("role, home", [("founder", "/matches/pitches"),
                                        ("investor", "/matches"),
                                        ("staff", "/staff/dashboard"),
                                        ("admin", "/staff/dashboard")])
def test_login_leads_to_the_roles_own_page_unless_a_page_asked(client, auth, role, home):
    """Every role landed on the public front page and had to find its work in the menu."""
    user = make_user(role, association=None if role == "admin" else "asker")
    response = auth.login(user.email)
    assert response.status_code == 302 and response.headers["Location"] == home
    assert client.get(home).status_code == 200
    # logged in already: the login page leads there too
    assert client.get("/auth/login").headers["Location"] == home
    auth.logout()
    asked = client.post("/auth/login?next=/account/", data={
        "email": user.email, "password": DEFAULT_PASSWORD})
    assert asked.headers["Location"] == "/account/"


def test_short_password_is_named_with_the_other_mistakes_at_once(client):
    response = _register(client, email="kari@", password="kort", confirm="kort")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="email-error"' in page
    assert 'id="password-error"' in page and "12" in page
    assert db.session.scalar(select(User)) is None


def test_password_like_the_typed_name_is_refused_on_the_form(client):
    response = _register(client, email="kari@", name="Kari Nordmann",
                         password="kari nordmann", confirm="kari nordmann")
    assert 'id="password-error"' in response.get_data(as_text=True)


def test_change_password_says_the_rule_before_and_names_a_short_one(client, auth):
    user = make_user("founder")
    auth.login(user.email)
    assert 'id="new_password-hint"' in client.get("/auth/password").get_data(as_text=True)
    short = client.post("/auth/password", data={
        "current_password": DEFAULT_PASSWORD, "new_password": "kort", "confirm": "kort"})
    assert short.status_code == 422
    assert 'id="new_password-error"' in short.get_data(as_text=True)
