"""CSRF on every POST route, with CSRF enabled: only a valid token gets through.

For every rule accepting POST (walked from app.url_map, so new routes are covered) and several
principals, four bad variants — no token, a wrong token, another session's token, an expired
token — must answer 400 and leave the database checksum unchanged. Then a valid token passes
the CSRF layer everywhere, and on the routes whose valid form we know, changes the state.
"""

from __future__ import annotations

import logging
import re
import time

import pytest
from itsdangerous.timed import TimestampSigner

from app.extensions import csrf, db
from app.services.tokens import make_reset_token
from tests.app.security.checksum import checksum
from tests.app.security.counts import count
from tests.app.security.principals import get_rules, log_in, url_for_rule
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_meeting,
    make_participant,
    make_user,
)

NEW_PASSWORD = "fjord sol batteri 2026"
_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
BAD_VARIANTS = {
    "missing": "The CSRF token is missing.",
    "wrong": "The CSRF token is invalid.",
    "other_session": "The CSRF tokens do not match.",
    "expired": "The CSRF token has expired.",
}
ATTACKERS = ("anonymous", "founder_a", "staff")  # the CSRF layer runs before any role check


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


def csrf_token(client, age: int = 0) -> str:
    """A token from a real page, as a browser gets it; `age` seconds old if asked."""
    if age:
        real = TimestampSigner.get_timestamp
        TimestampSigner.get_timestamp = lambda self: int(time.time()) - age
        try:
            page = client.get("/").get_data(as_text=True)
        finally:
            TimestampSigner.get_timestamp = real
    else:
        page = client.get("/").get_data(as_text=True)
    match = _TOKEN.search(page)
    assert match, "no csrf_token on the front page"
    return match.group(1)


def generic_form(world) -> dict:
    """Plausible values for the fields Koble's forms use, so a missed check would bite."""
    return {
        "email": world["founder_a"].user.email, "password": DEFAULT_PASSWORD,
        "current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD, "name": "Mallory", "role": "founder",
        "municipality": "asker", "association": "", "lang": "en", "next": "/",
        "title": "Forged pitch", "summary": "Forged", "description": "Forged",
        "stage": "seed", "status": "published", "sectors": "energy", "ask_nok": "1000000",
        "funding_type": "equity", "reason": "forged", "version": "1", "organisation": "Forged AS",
        "investor_type": "angel", "thesis": "Forged", "confirm_delete": "y",
        "confirm_unpublish": "y",
    }


def known_valid(world, app) -> dict:
    """For the routes we own: (client, ids, form) that must change the state with a token."""

    def fresh_user_client():
        user = make_user("founder")
        client = app.test_client()
        log_in(client, user)
        return user, client

    cases = {}
    _u, c = fresh_user_client()
    cases["auth.logout"] = (c, {}, {})
    _u, c = fresh_user_client()
    cases["auth.change_password"] = (c, {}, {
        "current_password": DEFAULT_PASSWORD, "new_password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD})
    _u, c = fresh_user_client()
    cases["main.set_language"] = (c, {}, {"lang": "en", "next": "/"})
    _u, c = fresh_user_client()
    cases["account.email_notifications"] = (c, {}, {"groups": "interest"})
    _u, c = fresh_user_client()  # moves from Asker (make_user's) to Drammen
    cases["account.change_place"] = (c, {}, {"municipality": "drammen", "association": ""})
    cases["auth.register"] = (app.test_client(), {}, {
        "role": "founder", "name": "Kari Nordmann", "email": "kari.csrf@example.no",
        "municipality": "asker", "association": "", "password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD})
    cases["auth.login"] = (app.test_client(), {}, {
        "email": world["founder_b"].user.email, "password": DEFAULT_PASSWORD})
    cases["auth.reset_request"] = (app.test_client(), {},
                                   {"email": world["founder_b"].user.email})
    # Staff cancel a meeting of their arena (an arena of its own: founder A may withdraw
    # from arena A first); a form with nothing but the token.
    arena = make_arena(("asker",), status="scheduled")
    meeting = make_meeting(arena, make_participant(arena, "founder"),
                           make_participant(arena, "investor"))
    staff_client = app.test_client()
    log_in(staff_client, make_user("staff", association="asker"))
    cases["meetings_staff.cancel"] = (staff_client,
                                      {"arena_id": arena.id, "meeting_id": meeting.id}, {})
    target = make_user("founder")
    cases["auth.reset_password"] = (app.test_client(), {"token": make_reset_token(target)},
                                    {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    return cases


def _ids(world, name, rule):
    for variant in ("own", "other_published", "other"):
        ids = world.ids(name, variant, rule)
        if ids is not None:
            return ids
    return {argument: 1 for argument in rule.arguments}


def csrf_exempt(app, rule) -> bool:
    """Whether Flask-WTF skips this route (the token API does: it ignores cookies)."""
    path = url_for_rule(rule, {argument: 1 for argument in rule.arguments})
    with app.test_request_context(path, method="POST"):
        return csrf._is_exempt()


def _csrf_reasons(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "flask_wtf.csrf"]


def test_only_a_valid_csrf_token_changes_state(app, principals, caplog):
    caplog.set_level(logging.INFO, logger="flask_wtf.csrf")
    world = principals
    rules = get_rules(app, "POST")
    assert any(r.endpoint == "auth.logout" for r in rules)
    valid_cases = known_valid(world, app)
    limit = app.config["WTF_CSRF_TIME_LIMIT"]
    anonymous_token = csrf_token(world["anonymous"].client)
    bad_tokens = {}
    for name in ATTACKERS:
        own = csrf_token(world[name].client)
        bad_tokens[name] = {
            "missing": None,
            # well before the end: the last base64 character carries unused bits
            "wrong": own[:-10] + ("A" if own[-10] != "A" else "B") + own[-9:],
            "other_session": (anonymous_token if name != "anonymous"
                              else csrf_token(world["founder_a"].client)),
            "expired": csrf_token(world[name].client, age=limit + 60),
        }
    failures: list[str] = []
    tried = exempt_tried = 0
    exempt = {rule.endpoint for rule in rules if csrf_exempt(app, rule)}
    # Only the bearer-token API may skip CSRF; an exempt web page would be a hole.
    failures += [f"{r.rule} is CSRF-exempt outside /api/" for r in rules
                 if r.endpoint in exempt and not r.rule.startswith("/api/")]
    before = checksum()
    for rule in rules:
        for name in ATTACKERS:
            client = world[name].client
            if rule.endpoint in valid_cases:
                ids = valid_cases[rule.endpoint][1] or _ids(world, name, rule)
            else:
                ids = _ids(world, name, rule)
            url = url_for_rule(rule, ids)
            tokens = bad_tokens[name]
            form = generic_form(world)
            if rule.endpoint in valid_cases:
                form.update(valid_cases[rule.endpoint][2])
            for variant, token in tokens.items():
                data = dict(form)
                if token is not None:
                    data["csrf_token"] = token
                caplog.clear()
                response = client.post(url, data=data)
                tried += 1
                reasons = _csrf_reasons(caplog)
                where = f"{name} POST {url} [{variant}]"
                after = checksum()
                if after != before:
                    failures.append(f"{where} changed the database: {after.diff(before)}")
                    before = after
                if rule.endpoint in exempt:
                    # No CSRF layer: the session cookie alone must get nowhere.
                    exempt_tried += 1
                    if response.status_code not in (401, 403):
                        failures.append(f"{where} → {response.status_code} with a cookie only")
                    continue
                if response.status_code != 400:
                    failures.append(f"{where} → {response.status_code}, expected 400")
                if reasons != [BAD_VARIANTS[variant]]:
                    failures.append(f"{where}: CSRF said {reasons}, expected "
                                    f"{BAD_VARIANTS[variant]!r}")

    # A valid token passes the CSRF layer on every route, and changes state where we know how.
    valid = 0
    for rule in rules:
        if rule.endpoint in exempt:
            continue
        if rule.endpoint in valid_cases:
            client, ids, form = valid_cases[rule.endpoint]
        else:
            client, ids, form = (world["founder_a"].client, _ids(world, "founder_a", rule),
                                 generic_form(world))
        data = dict(form, csrf_token=csrf_token(client))
        start = checksum()
        caplog.clear()
        response = client.post(url_for_rule(rule, ids), data=data)
        valid += 1
        where = f"POST {rule.rule} [valid]"
        if _csrf_reasons(caplog):
            failures.append(f"{where}: refused by CSRF: {_csrf_reasons(caplog)}")
        if response.status_code >= 500:
            failures.append(f"{where} → {response.status_code}")
        if rule.endpoint in valid_cases and checksum() == start:
            failures.append(f"{where} → {response.status_code} but changed nothing")
        db.session.expire_all()

    count("CSRF bad variants tried", tried - exempt_tried)
    count("cookie-only POSTs to the CSRF-exempt token API (refused)", exempt_tried)
    count("CSRF valid-token requests", valid)
    print(f"\nCSRF: {len(rules)} POST routes ({len(exempt)} token-API, CSRF-exempt), "
          f"{tried - exempt_tried} bad variants, {exempt_tried} cookie-only API posts, "
          f"{valid} valid-token requests")
    assert not failures, "\n".join(failures)
