"""Property-based fuzzing (hypothesis): random, unicode, huge and empty values in every form
and in the query strings of every GET route never answer 5xx; a refused form answers 422
with a per-field message."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.app.security.counts import count
from tests.app.security.principals import get_rules, log_in, url_for_rule
from tests.factories import make_investor, make_pitch, make_user

VALUES = st.one_of(st.text(max_size=40), st.text(min_size=300, max_size=3000),
                   st.just(""), st.integers(-2**70, 2**70).map(str),
                   st.sampled_from(["\x00", "‮", "NaN", "-1", "1e999", "9" * 40,
                                    "2026-02-30", "25:61", "' OR 1=1 --"]))
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
          "version", "q", "page", "sort", "phone", "locale", "past_investments"]


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

    check()


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

    check()
