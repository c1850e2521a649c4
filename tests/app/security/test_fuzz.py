"""Property-based fuzzing (hypothesis): random, unicode, huge and empty values in every form
and in the query strings of every GET route never answer 5xx; a refused form answers 422
with a per-field message. Every run also sends each hostile value below in every form field
at once, the huge numbers in every query key and path value, and hostile JSON bodies to
every API operation that takes a body. A NUL that reaches a query fails as on PostgreSQL
(nul_guard: SQLite would bind and compare it)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.extensions import db
from app.models import Invitation
from tests.app.api.world import build as build_api_world
from tests.app.security.counts import count
from tests.app.security.nul_guard import refusing_nul
from tests.app.security.principals import get_rules, log_in, url_for_rule
from tests.factories import make_investor, make_pitch, make_user

# Numbers past any column: int() reads 400 digits that the database cannot bind (3b18a03),
# float() reads "1e400" as inf.
HUGE_NUMBERS = ["9" * 400, "1e400"]
# Values a field or query parser may choke on.
HOSTILE = ["\x00", "‮", "NaN", "-1", "1e999", "9" * 40, *HUGE_NUMBERS, "2026-02-30", "25:61",
           "' OR 1=1 --"]
VALUES = st.one_of(st.text(max_size=40), st.text(min_size=300, max_size=3000),
                   st.just(""), st.integers(-2**70, 2**70).map(str), st.sampled_from(HOSTILE))
# JSON the API must refuse or read without a 500: nested deeper than json.loads
# follows (02518f6, 200 KB, under the upload limit), and numbers past any column.
DEEP = "[" * 100_000 + "]" * 100_000
JSON_NUMBERS = ["9" * 400, "-" + "9" * 400, "1e400", "-1e400", "NaN", "Infinity"]
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))
FORMS = {
    "founder": ["/pitches/new", "/account/", "/account/tokens", "/auth/password",
                "/account/delete"],
    "investor": ["/profile"],
    "staff": ["/staff/arenas/new"],
}
FIELDS = ["title", "summary", "description", "stage", "ask_nok", "team_size", "founded_year",
          "website", "sectors", "organisation", "investor_type", "ticket_min", "ticket_max",
          "thesis", "contact_email", "contact_phone", "name", "scope", "days", "date",
          "start_time", "end_time", "venue", "founder_capacity", "slot_count", "breaks",
          "rsvp_deadline", "current_password", "new_password", "confirm", "password",
          "version", "q", "page", "sort", "phone", "locale", "past_investments", "hosts",
          "association", "municipality"]


@pytest.fixture(autouse=True)
def _nul_fails_as_on_postgresql(app):
    with refusing_nul():
        yield


def test_forms_never_5xx_and_explain_refusals(app):
    users = {role: make_user(role) for role in FORMS}
    make_investor(users["investor"])
    clients = {}
    for role, user in users.items():
        clients[role] = app.test_client()
        log_in(clients[role], user)
    anonymous = app.test_client()

    @SETTINGS
    @given(data=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=12))
    def check(data):
        for role, urls in FORMS.items():
            for url in urls:
                response = clients[role].post(url, data=data)
                count("fuzz cases run")
                assert response.status_code < 500, (url, data)
                if response.status_code == 422:
                    assert "invalid-feedback" in response.get_data(as_text=True), (url, data)
        for url in ("/auth/register", "/auth/login", "/auth/reset"):
            response = anonymous.post(url, data=data)
            count("fuzz cases run")
            assert response.status_code < 500, (url, data)

    _with_examples(check, HOSTILE, lambda value: {"data": dict.fromkeys(FIELDS, value)})()


def _with_examples(check, values, arguments):
    """The hypothesis test with one explicit example per value: random draws from a list
    this long miss most of it in a few examples."""
    for value in values:
        check = example(**arguments(value))(check)
    return check


def test_query_strings_and_path_values_never_5xx(app):
    founder, investor, staff = make_user("founder"), make_user("investor"), make_user("staff")
    pitch = make_pitch(founder)
    make_investor(investor)
    clients = []
    for user in (founder, investor, staff):
        client = app.test_client()
        log_in(client, user)
        clients.append(client)
    rules = [r for r in get_rules(app, "GET") if not r.rule.startswith("/api/")]

    @settings(max_examples=5, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(query=st.dictionaries(st.sampled_from(FIELDS + ["sector", "municipality",
                                                           "objective", "ask_min", "region"]),
                                 VALUES, max_size=5),
           path_value=VALUES)
    def check(query, path_value):
        for rule in rules:
            ids = {a: (pitch.id if a.endswith("_id") and not path_value else path_value)
                   for a in rule.arguments}
            url = url_for_rule(rule, ids)
            for client in clients:
                response = client.get(url, query_string=query)
                count("fuzz cases run")
                assert response.status_code < 500, (url, query)

    # every route costs an example ~0.5 s: the huge numbers (a page number, an id) and a NUL
    # (a search), which PostgreSQL cannot compare
    keys = [*FIELDS, "sector", "municipality", "objective", "ask_min", "region"]
    _with_examples(check, [*HUGE_NUMBERS, "a\x00"],
                   lambda value: {"query": dict.fromkeys(keys, value), "path_value": value})()


def _hostile_bodies(fields: list[str]) -> list[str]:
    """Raw JSON bodies: too deep, too deep in a field, every field a hostile number, every
    field a hostile string."""
    bodies = [DEEP, json.dumps({fields[0]: None}).replace("null", DEEP)]
    bodies += ["{" + ", ".join(f'"{f}": {n}' for f in fields) + "}" for n in JSON_NUMBERS]
    bodies += [json.dumps(dict.fromkeys(fields, value)) for value in HOSTILE]
    return bodies


@pytest.mark.filterwarnings("ignore")
def test_hostile_json_bodies_never_5xx(app):
    world = build_api_world()
    client = app.test_client()
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    invitation = db.session.scalar(db.select(Invitation.id).where(
        Invitation.arena_id == world.arena.id))
    ids = {"pitch_id": world.a_draft.id, "arena_id": world.arena.id,
           "invitation_id": invitation}
    # whoever may call it, so the body is read, not refused unread
    callers = {"/api/v1/profile": "investor_a", "/api/v1/interests": "investor_a",
               "/api/v1/arenas/{arena_id}/invitations/{invitation_id}/times": "staff"}
    operations = 0
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            body = isinstance(operation, dict) and operation.get("requestBody")
            if not body:
                continue
            operations += 1
            ref = body["content"]["application/json"]["schema"]["$ref"]
            fields = sorted(schemas[ref.rsplit("/", 1)[-1]]["properties"])
            url = path.format(**ids)
            headers = world.tokens[callers.get(path, "founder_a")]
            for raw in _hostile_bodies(fields):
                response = client.open(url, method=method.upper(), data=raw, headers=headers,
                                       content_type="application/json")
                count("fuzz cases run")
                assert response.status_code < 500, (method, url, raw[:80])
                assert response.status_code in (400, 409, 422), (method, url, raw[:80])
                assert response.get_json()["error"]["message"], (method, url, raw[:80])
    assert operations >= 6
