"""Login throttling per account and per client address (ASVS V7), Redis storage."""

from __future__ import annotations

import socket
import uuid

import pytest

from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_user


@pytest.fixture
def app_overrides(request):
    overrides = {"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"}
    overrides.update(getattr(request, "param", {}))
    return overrides


@pytest.fixture
def fast_hash(monkeypatch):
    """Throttling is about counting attempts; skip scrypt's cost in these tests."""
    monkeypatch.setattr("app.services.accounts.verify_password",
                        lambda h, p: h is not None and p == DEFAULT_PASSWORD)


def _attempt(client, email, ip="203.0.113.1", xff=None, password="wrong password here"):  # noqa: S107
    headers = {"X-Forwarded-For": xff} if xff else {}
    return client.post("/auth/login", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": ip}, headers=headers)


def _assert_friendly_429(response):
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "<html" in page and "Traceback" not in page
    assert "Too many attempts" in page or "For mange" in page
    assert response.headers.get("Retry-After")


def test_eleventh_attempt_on_one_account_from_many_addresses_is_refused(client, fast_hash):
    user = make_user("founder")
    for n in range(10):
        assert _attempt(client, user.email, ip=f"198.51.100.{n + 1}").status_code == 422
    _assert_friendly_429(_attempt(client, user.email, ip="198.51.100.200"))
    # Even the right password waits: the account is throttled, not the guess.
    _assert_friendly_429(_attempt(client, user.email, ip="198.51.100.201",
                                  password=DEFAULT_PASSWORD))
    # Another account from a fresh address is not affected.
    other = make_user("founder")
    assert _attempt(client, other.email, ip="198.51.100.202").status_code == 422


def test_eleventh_attempt_from_one_address_across_accounts_is_refused(client, fast_hash):
    for n in range(10):
        assert _attempt(client, f"guess{n}@example.no").status_code == 422
    _assert_friendly_429(_attempt(client, "guess99@example.no"))
    assert _attempt(client, "guess99@example.no", ip="203.0.113.2").status_code == 422


def test_forged_x_forwarded_for_does_not_bypass_the_limit(client, fast_hash):
    """PROXY_FIX_HOPS=0 (default): X-Forwarded-For is ignored."""
    for n in range(10):
        response = _attempt(client, f"guess{n}@example.no", xff=f"192.0.2.{n + 1}")
        assert response.status_code == 422
    _assert_friendly_429(_attempt(client, "guess99@example.no", xff="192.0.2.99"))


@pytest.mark.parametrize("app_overrides", [{"PROXY_FIX_HOPS": 1}], indirect=True)
def test_behind_one_proxy_the_last_hop_is_the_client(client, fast_hash):
    # The attacker controls everything left of the proxy's own entry.
    for n in range(10):
        response = _attempt(client, f"guess{n}@example.no", ip="10.0.0.1",
                            xff=f"192.0.2.{n + 1}, 198.51.100.7")
        assert response.status_code == 422
    _assert_friendly_429(_attempt(client, "guess99@example.no", ip="10.0.0.1",
                                  xff="192.0.2.99, 198.51.100.7"))
    # A different real client behind the same proxy still gets in.
    assert _attempt(client, "guess99@example.no", ip="10.0.0.1",
                    xff="198.51.100.8").status_code == 422


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_STORAGE_URI": "redis://127.0.0.1:1/0"}],
                         indirect=True)
def test_unreachable_redis_falls_back_to_memory(client, fast_hash):
    for n in range(10):
        assert _attempt(client, f"guess{n}@example.no").status_code == 422
    _assert_friendly_429(_attempt(client, "guess99@example.no"))


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


REDIS_DB = "redis://127.0.0.1:6379/15"


@pytest.mark.skipif(not _redis_up(), reason="Redis is not running on 127.0.0.1:6379")
@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_STORAGE_URI": REDIS_DB}], indirect=True)
def test_throttling_works_with_redis_storage(client, fast_hash):
    import redis

    tag = uuid.uuid4().hex[:10]
    ip = f"10.{int(tag[:2], 16)}.{int(tag[2:4], 16)}.{int(tag[4:6], 16)}"
    email = f"redis-{tag}@example.no"
    server = redis.Redis.from_url(REDIS_DB)
    try:
        for n in range(10):
            assert _attempt(client, email, ip=f"{ip[:-1]}{n % 10}").status_code == 422
        _assert_friendly_429(_attempt(client, email, ip=ip))
        keys = [k for k in server.scan_iter("*") if tag.encode() in k]
        assert keys, "the account counter should live in Redis"
    finally:
        for key in server.scan_iter("*"):
            if tag.encode() in key or ip.encode() in key:
                server.delete(key)


def _ask_email_change(client, n, ip="203.0.113.1"):
    return client.post("/account/email", data={"email": f"someone{n}@example.no",
                                               "password": DEFAULT_PASSWORD},
                       environ_base={"REMOTE_ADDR": ip})


@pytest.fixture
def fast_password_check(monkeypatch):
    monkeypatch.setattr("app.services.account_security.verify_password",
                        lambda h, p: h is not None and p == DEFAULT_PASSWORD)


@pytest.mark.parametrize(("locale", "message"), [("en", "Too many attempts"),
                                                 ("nb", "For mange forsøk")])
def test_the_eleventh_e_mail_change_is_refused_and_mails_nobody(app, client, auth, fast_hash,
                                                               fast_password_check, locale,
                                                               message):
    """Each request mails the address typed: without a limit, a mail cannon."""
    from tests.factories import outbox_of

    user = make_user("founder", locale=locale)
    auth.login(user.email)
    for n in range(10):
        assert _ask_email_change(client, n).status_code == 303
    sent = len(outbox_of(app))
    response = _ask_email_change(client, 99)
    _assert_friendly_429(response)
    assert message in response.get_data(as_text=True)
    assert len(outbox_of(app)) == sent


def test_e_mail_changes_are_counted_per_account_across_addresses(app, client, auth, fast_hash,
                                                                fast_password_check):
    user = make_user("founder")
    auth.login(user.email)
    for n in range(10):
        assert _ask_email_change(client, n, ip=f"198.51.100.{n + 1}").status_code == 303
    _assert_friendly_429(_ask_email_change(client, 99, ip="198.51.100.200"))
    # Another person, from an address of their own, is not held up.
    other = app.test_client()
    other.post("/auth/login", data={"email": make_user("investor").email,
                                    "password": DEFAULT_PASSWORD},
               environ_base={"REMOTE_ADDR": "192.0.2.50"})
    assert _ask_email_change(other, 1, ip="192.0.2.50").status_code == 303


@pytest.mark.parametrize(("locale", "message"), [("en", "Too many attempts"),
                                                 ("nb", "For mange forsøk")])
def test_a_fourth_link_to_one_address_in_an_hour_is_refused_whoever_asks(
        app, fast_hash, fast_password_check, locale, message):
    """Ten a minute per account and client still let a few accounts mail one inbox
    hundreds of times an hour."""
    from tests.factories import outbox_of

    target = "offer@example.no"
    for n in range(3):
        client = app.test_client()
        client.post("/auth/login", data={"email": make_user("founder").email,
                                         "password": DEFAULT_PASSWORD},
                    environ_base={"REMOTE_ADDR": f"198.51.100.{n + 1}"})
        # Written another way, it is the same inbox.
        typed = target if n != 1 else "Offer@Example.no"
        assert client.post("/account/email", data={"email": typed,
                                                   "password": DEFAULT_PASSWORD},
                           environ_base={"REMOTE_ADDR": f"198.51.100.{n + 1}"}
                           ).status_code == 303
    sent = len(outbox_of(app))
    client = app.test_client()
    client.post("/auth/login", data={"email": make_user("investor", locale=locale).email,
                                     "password": DEFAULT_PASSWORD},
                environ_base={"REMOTE_ADDR": "192.0.2.9"})

    response = client.post("/account/email", data={"email": target,
                                                   "password": DEFAULT_PASSWORD},
                           environ_base={"REMOTE_ADDR": "192.0.2.9"})

    _assert_friendly_429(response)
    assert message in response.get_data(as_text=True)
    assert len(outbox_of(app)) == sent
    # Another address is mailed as before.
    assert client.post("/account/email", data={"email": "mine@example.no",
                                               "password": DEFAULT_PASSWORD},
                       environ_base={"REMOTE_ADDR": "192.0.2.9"}).status_code == 303


def test_asking_with_a_wrong_password_does_not_use_up_an_address(
        app, client, auth, fast_hash, fast_password_check):
    """Else anyone could keep the owner of an address from moving their account to it."""
    auth.login(make_user("founder").email)
    for _ in range(5):
        assert client.post("/account/email", data={
            "email": "offer@example.no", "password": "not the password"}).status_code != 303
    assert client.post("/account/email", data={
        "email": "offer@example.no", "password": DEFAULT_PASSWORD}).status_code == 303


def _change_password(client, password="not the password"):  # noqa: S107
    return client.post("/auth/password", data={
        "current_password": password, "new_password": "a new long passphrase 2026",
        "confirm": "a new long passphrase 2026"})


def test_the_eleventh_password_change_try_is_refused_even_with_the_right_password(
        app, client, auth, fast_hash):
    """A session left open on someone else's computer is no way to guess the password."""
    user = make_user("founder")
    auth.login(user.email)
    for _ in range(10):
        assert _change_password(client).status_code == 422
    _assert_friendly_429(_change_password(client, password=DEFAULT_PASSWORD))
    other = app.test_client()  # the old password stands
    assert other.post("/auth/login", data={"email": user.email, "password": DEFAULT_PASSWORD},
                      environ_base={"REMOTE_ADDR": "192.0.2.77"}).status_code == 302


def test_the_pages_that_ask_for_the_password_share_one_budget(app, client, auth, fast_hash,
                                                              fast_password_check):
    """Four pages do not give four times the guesses: password change, account deletion,
    e-mail change and a new API token draw on one count per account."""
    user = make_user("investor")
    auth.login(user.email)
    for _ in range(3):
        assert _change_password(client).status_code == 422
        assert client.post("/account/delete", data={"password": "wrong"}).status_code == 422
    for _ in range(4):
        assert client.post("/account/tokens", data={
            "name": "ci", "password": "wrong"}).status_code == 422
    _assert_friendly_429(client.post("/account/delete", data={"password": DEFAULT_PASSWORD}))
    _assert_friendly_429(client.post("/account/email", data={
        "email": "new@example.no", "password": DEFAULT_PASSWORD}))
    from app.extensions import db
    from app.models import User
    assert db.session.get(User, user.id).active  # not deleted


def test_others_at_the_same_address_do_not_use_up_an_accounts_password_tries(
        app, client, fast_hash):
    """An office or the venue's wifi is one address: a colleague's wrong passwords, or a
    visitor posting while logged out, leave another account's tries whole."""
    colleague, visitor, user = make_user("founder"), app.test_client(), make_user("investor")
    log_in(client, colleague)
    for _ in range(10):
        assert _change_password(client).status_code == 422
        assert visitor.post("/account/delete", data={"password": "wrong"}).status_code == 302
    _assert_friendly_429(_change_password(client))  # the colleague's own tries are spent
    own = app.test_client()
    log_in(own, user)
    response = _change_password(own, password=DEFAULT_PASSWORD)
    assert response.status_code == 303, response.status_code
