"""Device cookies: a stranger's wrong passwords for an address do not lock its owner out
of the login on a browser they have logged in from before (OWASP's "Slow Down Online
Guessing Attacks with Device Cookies")."""

from __future__ import annotations

import time

import limits.storage.memory
import pytest
from itsdangerous import URLSafeTimedSerializer

from app.device_cookies import COOKIE
from app.extensions import limiter
from app.services.tokens import make_reset_token
from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_user

WRONG = "wrong password here"


@pytest.fixture
def app_overrides():
    return {"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"}


@pytest.fixture
def fast_hash(monkeypatch):
    """These tests count attempts; skip scrypt's cost."""
    monkeypatch.setattr("app.services.accounts.verify_password",
                        lambda h, p: h is not None and p == DEFAULT_PASSWORD)


def _attempt(client, email, password=WRONG, ip="203.0.113.1", lang=None):
    url = f"/auth/login?lang={lang}" if lang else "/auth/login"
    return client.post(url, data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": ip})


def _stranger_spends_the_accounts_tries(app, email):
    """Wrong passwords from ever new addresses until the account's tries run out."""
    stranger = app.test_client()
    for n in range(11):
        if _attempt(stranger, email, ip=f"198.51.100.{n + 1}").status_code == 429:
            return stranger
    raise AssertionError("the account's tries did not run out")


def _assert_too_many(response, message="Too many attempts"):
    assert response.status_code == 429
    assert message in response.get_data(as_text=True)
    assert response.headers.get("Retry-After")


def _device_of(app, user, ip="192.0.2.10"):
    """A browser the owner has logged in from, and logged out of again."""
    owner = app.test_client()
    assert _attempt(owner, user.email, DEFAULT_PASSWORD, ip=ip).status_code == 302
    assert owner.post("/auth/logout", environ_base={"REMOTE_ADDR": ip}).status_code == 302
    return owner


def _cookie(client):
    cookie = client.get_cookie(COOKIE, path="/auth/login")
    assert cookie is not None
    return cookie


def test_the_owner_logs_in_on_their_device_while_a_stranger_has_spent_the_accounts_tries(
        app, fast_hash):
    user = make_user("founder")
    owner = _device_of(app, user)
    stranger = _stranger_spends_the_accounts_tries(app, user.email)
    _assert_too_many(_attempt(stranger, user.email, ip="198.51.100.99"))

    # The owner's own wrong try does not count against the account's tries either.
    assert _attempt(owner, user.email, ip="192.0.2.10").status_code == 422
    response = _attempt(owner, user.email, DEFAULT_PASSWORD, ip="192.0.2.10")
    assert response.status_code == 302
    # Still only the stranger is held up.
    _assert_too_many(_attempt(stranger, user.email, DEFAULT_PASSWORD, ip="198.51.100.98"))


@pytest.mark.parametrize("secure", [False, True])
def test_the_device_cookie_is_kept_from_scripts_and_other_sites(app, fast_hash, secure):
    """HttpOnly, SameSite=Lax, only for the login, a year long, and over HTTPS only when
    the session cookie is."""
    app.config["SESSION_COOKIE_SECURE"] = secure
    response = _attempt(app.test_client(), make_user("founder").email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    header = next(value for value in response.headers.getlist("Set-Cookie")
                  if value.startswith(f"{COOKIE}="))
    attributes = {part.strip().split("=")[0].lower(): part.strip().partition("=")[2]
                  for part in header.split(";")[1:]}
    assert "httponly" in attributes and attributes["samesite"] == "Lax"
    assert attributes["path"] == "/auth/login"
    assert int(attributes["max-age"]) == 365 * 24 * 3600
    assert ("secure" in attributes) == secure


@pytest.mark.parametrize(("lang", "message"), [("en", "Too many attempts"),
                                               ("nb", "For mange forsøk")])
def test_without_a_device_cookie_the_accounts_tries_still_run_out(app, fast_hash, lang,
                                                                  message):
    user = make_user("founder")
    _device_of(app, user)  # the owner's cookie is theirs, not everyone's
    stranger = _stranger_spends_the_accounts_tries(app, user.email)
    _assert_too_many(_attempt(stranger, user.email, DEFAULT_PASSWORD, ip="198.51.100.99",
                              lang=lang), message)
    fresh = app.test_client()  # another browser of the owner's, never logged in there
    _assert_too_many(_attempt(fresh, user.email, DEFAULT_PASSWORD, ip="192.0.2.10",
                              lang=lang), message)


def _forged(app, user_id):
    return URLSafeTimedSerializer("not the app's secret key", salt="koble-device-cookie"
                                  ).dumps({"user": user_id, "nonce": "made-up"})


@pytest.mark.parametrize("how", ["tampered", "other key", "another account", "garbage"])
def test_a_forged_cookie_or_one_for_another_account_gives_no_way_round(app, fast_hash, how):
    victim, own = make_user("founder"), make_user("investor")
    stranger = app.test_client()
    # The stranger's cookie is genuine, but for their own account.
    assert _attempt(stranger, own.email, DEFAULT_PASSWORD, ip="198.51.100.1").status_code == 302
    stranger.post("/auth/logout", environ_base={"REMOTE_ADDR": "198.51.100.1"})
    genuine = _cookie(_device_of(app, victim)).value
    value = {
        # well before the end: the last base64 character carries unused bits
        "tampered": genuine[:-10] + ("a" if genuine[-10] != "a" else "b") + genuine[-9:],
        "other key": _forged(app, victim.id),
        "another account": _cookie(stranger).value,
        "garbage": "not a cookie at all",
    }[how]
    stranger.set_cookie(COOKIE, value, path="/auth/login")

    _stranger_spends_the_accounts_tries(app, victim.email)
    _assert_too_many(_attempt(stranger, victim.email, DEFAULT_PASSWORD, ip="198.51.100.99"))


@pytest.fixture
def clock(monkeypatch):
    """Move the in-memory limiter's clock on, as a minute passing would."""
    offset = [0.0]

    class _Time:
        @staticmethod
        def time():
            return time.time() + offset[0]

    monkeypatch.setattr(limits.storage.memory, "time", _Time)
    return offset


def test_a_devices_own_tries_run_out_and_it_is_trusted_no_more(app, fast_hash, clock):
    user = make_user("founder")
    owner = _device_of(app, user)
    _stranger_spends_the_accounts_tries(app, user.email)
    for n in range(10):
        assert _attempt(owner, user.email, ip=f"192.0.2.{n + 20}").status_code == 422
    _assert_too_many(_attempt(owner, user.email, DEFAULT_PASSWORD, ip="192.0.2.40"))

    # A minute on, every budget is whole again, but the cookie no longer vouches: its
    # tries count against the account's, which the stranger can spend again.
    clock[0] = 61
    _stranger_spends_the_accounts_tries(app, user.email)
    _assert_too_many(_attempt(owner, user.email, DEFAULT_PASSWORD, ip="192.0.2.13"))


def test_the_browser_an_account_was_registered_in_is_one_of_its_devices(app, fast_hash):
    owner, email = app.test_client(), "kari@example.no"
    assert owner.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": email, "municipality": "drammen",
        "association": "", "password": DEFAULT_PASSWORD, "confirm": DEFAULT_PASSWORD,
    }, environ_base={"REMOTE_ADDR": "192.0.2.10"}).status_code == 302
    owner.post("/auth/logout", environ_base={"REMOTE_ADDR": "192.0.2.10"})
    _stranger_spends_the_accounts_tries(app, email)
    assert _attempt(owner, email, DEFAULT_PASSWORD, ip="192.0.2.10").status_code == 302


def test_each_device_of_the_owner_has_its_own_budget(app, fast_hash):
    """One device's tries running out (a thief's copy of its cookie, or the owner's own
    typos there) does not lock the owner out on another device."""
    user = make_user("founder")
    laptop, phone = _device_of(app, user, ip="192.0.2.10"), _device_of(app, user, ip="192.0.2.11")
    _stranger_spends_the_accounts_tries(app, user.email)
    for n in range(10):
        assert _attempt(laptop, user.email, ip=f"192.0.2.{n + 20}").status_code == 422
    _assert_too_many(_attempt(laptop, user.email, DEFAULT_PASSWORD, ip="192.0.2.40"))

    assert _attempt(phone, user.email, ip="192.0.2.11").status_code == 422
    assert _attempt(phone, user.email, DEFAULT_PASSWORD, ip="192.0.2.11").status_code == 302


NEW_PASSWORD = "fjord sol batteri 2026"


@pytest.fixture
def plain_hash(monkeypatch):
    """fast_hash, and a new password stored so that it, not the old one, logs in."""
    monkeypatch.setattr("app.services.accounts.hash_password", lambda p: f"plain:{p}")
    monkeypatch.setattr("app.services.accounts.verify_password",
                        lambda h, p: h == f"plain:{p}" if h.startswith("plain:")
                        else p == DEFAULT_PASSWORD)


def _new_password(app, user, how):
    if how == "change":  # logged in, in another browser
        browser = app.test_client()
        log_in(browser, user)
        assert browser.post("/auth/password", data={
            "current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD}).status_code == 303
        return browser
    assert app.test_client().post(f"/auth/reset/{make_reset_token(user)}", data={
        "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    return None


@pytest.mark.parametrize("how", ["change", "reset"])
def test_a_new_password_ends_the_trust_of_the_cookies_issued_before_it(app, plain_hash, how):
    """The owner who fears someone else got in changes the password, or resets it: a copy
    of their cookie in the thief's browser no longer has a budget of its own, and neither
    has the owner's browser until they log in there with the new password."""
    user = make_user("founder")
    owner = _device_of(app, user)
    thief = app.test_client()
    thief.set_cookie(COOKIE, _cookie(owner).value, path="/auth/login")
    _new_password(app, user, how)

    stranger = _stranger_spends_the_accounts_tries(app, user.email)
    _assert_too_many(_attempt(thief, user.email, ip="198.51.100.50"))
    _assert_too_many(_attempt(owner, user.email, NEW_PASSWORD, ip="192.0.2.10"))

    # A minute on (the budgets whole again), the owner's next good login gets a new cookie
    # that vouches for their browser again; the thief's copy still does not.
    limiter.reset()
    assert _attempt(owner, user.email, NEW_PASSWORD, ip="192.0.2.10").status_code == 302
    owner.post("/auth/logout", environ_base={"REMOTE_ADDR": "192.0.2.10"})
    _stranger_spends_the_accounts_tries(app, user.email)
    assert _attempt(owner, user.email, NEW_PASSWORD, ip="192.0.2.10").status_code == 302
    _assert_too_many(_attempt(thief, user.email, ip="198.51.100.51"))
    _assert_too_many(_attempt(stranger, user.email, NEW_PASSWORD, ip="198.51.100.52"))


def test_the_browser_that_changed_the_password_stays_a_device(app, plain_hash):
    user = make_user("founder")
    browser = _new_password(app, user, "change")
    browser.post("/auth/logout")
    _stranger_spends_the_accounts_tries(app, user.email)
    assert _attempt(browser, user.email, NEW_PASSWORD, ip="192.0.2.10").status_code == 302
