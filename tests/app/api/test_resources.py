"""/api/v1 resources: the pages' role and ownership rules, one error shape, per-field
messages, ETag/304, and a script's round trip (token → recommendations → interest)."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import Interest, Pitch
from tests.app.api.world import build


@pytest.fixture
def world(app):
    return build()


# (caller, method, path template, expected status); {a}=A's published, {d}=A's draft,
# {b}=B's published pitch, {arena}=asker arena, {other}=ringerike arena.
MATRIX = [
    ("founder_a", "get", "/api/v1/pitches/{d}", 200),
    ("founder_b", "get", "/api/v1/pitches/{d}", 404),
    ("investor_a", "get", "/api/v1/pitches/{d}", 404),
    ("staff", "get", "/api/v1/pitches/{d}", 404),  # a draft is its founder's alone
    ("founder_b", "get", "/api/v1/pitches/{a}", 404),  # founders read no one else's pitch
    ("founder_a", "get", "/api/v1/pitches/{b}", 404),
    ("founder_a", "get", "/api/v1/pitches/{a}", 200),
    ("investor_a", "get", "/api/v1/pitches/{b}", 200),
    ("staff", "get", "/api/v1/pitches/{b}", 200),
    ("founder_a", "get", "/api/v1/pitches/{a}/recommendations", 200),
    ("founder_b", "get", "/api/v1/pitches/{a}/recommendations", 404),
    ("investor_a", "get", "/api/v1/pitches/{a}/recommendations", 403),
    ("staff", "get", "/api/v1/pitches/{a}/recommendations", 403),
    ("investor_a", "get", "/api/v1/recommendations", 200),
    ("founder_a", "get", "/api/v1/recommendations", 403),
    ("staff", "get", "/api/v1/interests", 403),
    ("staff", "get", "/api/v1/matches", 403),
    ("founder_a", "get", "/api/v1/arenas/{arena}", 200),
    ("founder_a", "get", "/api/v1/arenas/{other}", 404),
    ("founder_b", "get", "/api/v1/arenas/{arena}", 404),
    ("investor_b", "get", "/api/v1/arenas/{arena}", 404),
    ("staff", "get", "/api/v1/arenas/{arena}", 200),
    ("staff", "get", "/api/v1/arenas/{other}", 404),
    ("founder_a", "get", "/api/v1/arenas/{arena}/agenda", 200),
    ("founder_b", "get", "/api/v1/arenas/{arena}/agenda", 404),
    ("staff", "get", "/api/v1/arenas/{arena}/agenda", 403),
    ("staff", "get", "/api/v1/arenas/{arena}/invitations", 200),
    ("staff", "get", "/api/v1/arenas/{other}/invitations", 404),
    ("staff", "get", "/api/v1/arenas/{other}/schedule", 404),
    ("founder_a", "get", "/api/v1/arenas/{arena}/invitations", 403),
    ("investor_a", "get", "/api/v1/arenas/{arena}/schedule", 403),
    ("staff", "get", "/api/v1/invitations", 403),
    ("investor_a", "post", "/api/v1/pitches", 403),
    ("staff", "post", "/api/v1/pitches", 403),
    ("founder_b", "post", "/api/v1/pitches/{a}/unpublish", 404),
    ("founder_b", "post", "/api/v1/pitches/{d}/publish", 404),
    ("investor_a", "post", "/api/v1/pitches/{d}/publish", 403),
    ("founder_b", "put", "/api/v1/pitches/{a}", 404),
    ("staff", "put", "/api/v1/interests", 403),
    ("founder_a", "get", "/api/v1/pitches/999999", 404),
]


def _path(world, template):
    return template.format(a=world.a_pitch.id, d=world.a_draft.id, b=world.b_pitch.id,
                           arena=world.arena.id, other=world.other_arena.id)


def _body(method, path):
    if method == "put" and path.endswith("interests"):
        return {"pitch_id": 1, "kind": "interested"}
    if method in ("post", "put") and "publish" not in path:
        return {"title": "Overtatt", "summary": "Nei", "stage": "seed", "version": 1}
    return None


def test_role_and_ownership_rules(client, world):
    wrong = []
    for who, method, template, status in MATRIX:
        path = _path(world, template)
        body = _body(method, template)
        kwargs = {"json": body} if body is not None else {}
        response = getattr(client, method)(path, headers=world.tokens[who], **kwargs)
        if response.status_code != status:
            wrong.append(f"{who} {method.upper()} {path}: {response.status_code} != {status}")
        elif status >= 400:
            assert set(response.get_json()["error"]) >= {"code", "message", "fields"}
    assert not wrong, "\n".join(wrong)


def test_others_writes_change_nothing(client, world):
    before = (world.a_pitch.title, world.a_pitch.status, world.a_draft.status)
    client.put(f"/api/v1/pitches/{world.a_pitch.id}", headers=world.tokens["founder_b"],
               json={"title": "Overtatt", "summary": "x", "stage": "idea", "version": 1})
    client.post(f"/api/v1/pitches/{world.a_draft.id}/publish",
                headers=world.tokens["founder_b"])
    client.post(f"/api/v1/pitches/{world.a_pitch.id}/unpublish",
                headers=world.tokens["investor_a"])
    db.session.expire_all()
    a, d = db.session.get(Pitch, world.a_pitch.id), db.session.get(Pitch, world.a_draft.id)
    assert (a.title, a.status, d.status) == before


def test_lists_show_only_what_the_caller_may_see(client, world):
    founder_b = world.tokens["founder_b"]
    investor = client.get("/api/v1/pitches?per_page=100", headers=world.tokens["investor_a"])
    ids = {p["id"] for p in investor.get_json()["items"]}
    assert world.a_draft.id not in ids and {world.a_pitch.id, world.b_pitch.id} <= ids
    # A founder's list is their own pitches, drafts included, never another founder's.
    listed = client.get("/api/v1/pitches?per_page=100", headers=founder_b).get_json()
    assert [p["id"] for p in listed["items"]] == [world.b_pitch.id] and listed["total"] == 1
    own = client.get("/api/v1/pitches", headers=world.tokens["founder_a"]).get_json()
    assert {p["id"] for p in own["items"]} == {world.a_pitch.id, world.a_draft.id}
    searched = client.get("/api/v1/pitches?q=pitch&stage=seed", headers=founder_b).get_json()
    assert {p["id"] for p in searched["items"]} == {world.b_pitch.id}
    mine = client.get("/api/v1/pitches?mine=true", headers=world.tokens["founder_a"]).get_json()
    assert {p["id"] for p in mine["items"]} == {world.a_pitch.id, world.a_draft.id}
    mine_b = client.get("/api/v1/pitches?mine=true", headers=founder_b).get_json()
    assert {p["id"] for p in mine_b["items"]} == {world.b_pitch.id}
    assert client.get("/api/v1/interests", headers=founder_b).get_json()["items"] == []
    assert client.get("/api/v1/matches", headers=founder_b).get_json()["items"] == []
    arenas = client.get("/api/v1/arenas", headers=founder_b).get_json()["items"]
    assert [a["id"] for a in arenas] == [world.other_arena.id]
    staff = client.get("/api/v1/arenas", headers=world.tokens["staff"]).get_json()["items"]
    assert [a["id"] for a in staff] == [world.arena.id]


def test_filters_and_pagination_match_the_browse_page(client, world):
    headers = world.tokens["investor_b"]
    page = client.get("/api/v1/pitches?per_page=1&page=2&sort=title", headers=headers)
    body = page.get_json()
    assert body["total"] == 2 and body["pages"] == 2 and len(body["items"]) == 1
    assert body["items"][0]["title"] == "B sin pitch"
    found = client.get("/api/v1/pitches?q=solceller&stage=seed&municipality=asker"
                       "&ask_min=1000000&ask_max=5000000", headers=headers).get_json()
    assert found["total"] == 2
    none = client.get("/api/v1/pitches?stage=growth", headers=headers).get_json()
    assert none["total"] == 0


def test_validation_errors_name_each_field(client, world):
    response = client.post("/api/v1/pitches", headers=world.tokens["founder_a"], json={
        "title": "x" * 121, "stage": "unicorn", "ask_nok": -5, "website": "javascript:alert(1)",
        "sectors": ["energy", "space"], "colour": "green"})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    fields = error["fields"]
    assert set(fields) >= {"title", "stage", "ask_nok", "website", "sectors", "summary",
                           "colour"}
    assert "120" in fields["title"][0]
    bad_query = client.get("/api/v1/pitches?ask_min=10&ask_max=5&sort=random",
                           headers=world.tokens["investor_a"]).get_json()["error"]
    assert set(bad_query["fields"]) == {"sort"} or "ask_max" in bad_query["fields"]
    not_json = client.post("/api/v1/pitches", headers=world.tokens["founder_a"],
                           data="{not json", content_type="application/json")
    assert not_json.status_code in (400, 422)
    assert "error" in not_json.get_json()


def test_update_conflict_is_409_and_keeps_the_newer_version(client, world):
    headers = world.tokens["founder_a"]
    url = f"/api/v1/pitches/{world.a_pitch.id}"
    current = client.get(url, headers=headers).get_json()
    body = {k: current[k] for k in ("title", "summary", "description", "stage", "sectors",
                                    "ask_nok")}
    first = client.put(url, headers=headers, json=dict(body, title="Ny tittel",
                                                        version=current["version"]))
    assert first.status_code == 200 and first.get_json()["version"] == current["version"] + 1
    stale = client.put(url, headers=headers, json=dict(body, title="Gammel",
                                                        version=current["version"]))
    assert stale.status_code == 409
    assert stale.get_json()["error"]["code"] == "conflict"
    assert client.get(url, headers=headers).get_json()["title"] == "Ny tittel"


def test_service_rules_apply_through_the_api(client, world):
    response = client.post("/api/v1/pitches", headers=world.tokens["founder_a"], json={
        "title": "Fremtid", "summary": "Snart", "stage": "idea", "founded_year": 2999})
    assert response.status_code == 422
    assert "founded_year" in response.get_json()["error"]["fields"]


def test_founder_publishes_and_unpublishes_own_pitch(client, world):
    headers = world.tokens["founder_a"]
    published = client.post(f"/api/v1/pitches/{world.a_draft.id}/publish", headers=headers)
    assert published.status_code == 200 and published.get_json()["status"] == "published"
    back = client.post(f"/api/v1/pitches/{world.a_draft.id}/unpublish", headers=headers)
    assert back.get_json()["status"] == "draft"


def test_etag_gives_304_until_the_list_changes(client, world):
    headers = world.tokens["investor_b"]
    first = client.get("/api/v1/pitches", headers=headers)
    etag = first.headers["ETag"]
    again = client.get("/api/v1/pitches", headers={**headers, "If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    new = client.post("/api/v1/pitches", headers=world.tokens["founder_b"],
                      json={"title": "Ny", "summary": "Ny", "stage": "idea",
                            "description": "Noe nytt.", "sectors": ["energy"]}).get_json()
    client.post(f"/api/v1/pitches/{new['id']}/publish", headers=world.tokens["founder_b"])
    changed = client.get("/api/v1/pitches", headers={**headers, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    for path in ("/api/v1/recommendations", "/api/v1/interests", "/api/v1/matches",
                 "/api/v1/arenas", "/api/v1/invitations"):
        tag = client.get(path, headers=world.tokens["investor_a"]).headers["ETag"]
        assert client.get(path, headers={**world.tokens["investor_a"],
                                         "If-None-Match": tag}).status_code == 304, path


def test_unknown_path_and_wrong_method_answer_json(client, world):
    missing = client.get("/api/v1/nothing-here", headers=world.tokens["founder_a"])
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"
    wrong = client.delete("/api/v1/me", headers=world.tokens["founder_a"])
    assert wrong.status_code == 405
    assert wrong.get_json()["error"]["code"] == "method_not_allowed"


def test_script_reads_recommendations_and_marks_interest(client, world):
    """What an investor's deal-flow script does with nothing but a token."""
    headers = world.tokens["investor_b"]
    me = client.get("/api/v1/me", headers=headers).get_json()
    assert me["role"] == "investor"
    recs = client.get("/api/v1/recommendations?per_page=10", headers=headers).get_json()
    assert [r["pitch"]["id"] for r in recs["items"]] == sorted(
        [world.a_pitch.id, world.b_pitch.id])
    top = recs["items"][0]
    assert top["score"] == pytest.approx(0.6)
    assert set(top["components"]) == {"text", "sectors", "stage"}
    assert top["explanation"] and top["reasons"] and top["my_mark"] is None
    marked = client.put("/api/v1/interests", headers=headers,
                        json={"pitch_id": top["pitch"]["id"], "kind": "interested"})
    assert marked.status_code == 200
    assert marked.get_json() | {"updated_at": None} == {
        "pitch_id": top["pitch"]["id"], "investor_id": world.investor_b.id,
        "side": "investor", "kind": "interested", "mutual": False, "updated_at": None}
    stored = db.session.query(Interest).filter_by(side="investor",
                                                  investor_profile_id=world.investor_b.id)
    assert [i.kind for i in stored] == ["interested"]
    again = client.get("/api/v1/recommendations", headers=headers).get_json()
    assert again["items"][0]["my_mark"] == "interested"


def test_mutual_match_shows_contacts_to_both_sides_only(client, world):
    founder = client.get("/api/v1/matches", headers=world.tokens["founder_a"]).get_json()
    assert len(founder["items"]) == 1
    contact = founder["items"][0]["contact"]
    assert contact["email"] == world.investor_a.contact_email
    investor = client.get("/api/v1/matches", headers=world.tokens["investor_a"]).get_json()
    assert investor["items"][0]["contact"]["email"] == world.founder_a.email
    recs = client.get(f"/api/v1/pitches/{world.a_pitch.id}/recommendations",
                      headers=world.tokens["founder_a"]).get_json()
    assert "contact_email" not in str(recs) and world.investor_b.contact_email not in str(recs)


def test_founder_marks_interest_needs_investor_id(client, world):
    headers = world.tokens["founder_b"]
    missing = client.put("/api/v1/interests", headers=headers,
                         json={"pitch_id": world.b_pitch.id, "kind": "interested"})
    assert missing.status_code == 422
    assert "investor_id" in missing.get_json()["error"]["fields"]
    foreign = client.put("/api/v1/interests", headers=headers, json={
        "pitch_id": world.a_pitch.id, "investor_id": world.investor_a.id, "kind": "saved"})
    assert foreign.status_code == 404
    ok = client.put("/api/v1/interests", headers=headers, json={
        "pitch_id": world.b_pitch.id, "investor_id": world.investor_a.id, "kind": "saved"})
    assert ok.status_code == 200 and ok.get_json()["side"] == "founder"


def test_staff_see_answers_and_schedule_of_their_arena(client, world):
    headers = world.tokens["staff"]
    invitations = client.get(f"/api/v1/arenas/{world.arena.id}/invitations",
                             headers=headers).get_json()["items"]
    assert {(i["side"], i["state"]) for i in invitations} == {("founder", "accepted"),
                                                              ("investor", "accepted")}
    schedule = client.get(f"/api/v1/arenas/{world.arena.id}/schedule",
                          headers=headers).get_json()["items"]
    assert len(schedule) == 1 and schedule[0]["table"] == 1
    agenda = client.get(f"/api/v1/arenas/{world.arena.id}/agenda",
                        headers=world.tokens["investor_a"]).get_json()["items"]
    assert [m["id"] for m in agenda] == [schedule[0]["id"]]


def test_docs_page_renders_the_spec_without_scripts(client):
    page = client.get("/api/v1/docs")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "/api/v1/pitches/{pitch_id}/recommendations" in html and "bearerAuth" in html
    assert "PitchIn" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    # random CSRF tokens (the language form's) left out: one can hold the letters "cdn"
    tokenless = re.sub(r'name="csrf_token"[^>]*value="[^"]*"', "", html)
    assert "cdn" not in tokenless.lower()


def test_docs_page_shows_code_in_a_summary_as_code_in_the_list_too(client):
    """The list of operations printed a summary's Markdown as it was written: "Send an
    `Idempotency-Key` to make retrying safe." with its backticks; the operation below
    showed it as code."""
    html = client.get("/api/v1/docs").get_data(as_text=True)
    operations = html.split('<ul class="list-unstyled small">')[1].split("</ul>")[0]
    assert "`" not in operations
    assert html.count("Send an <code>Idempotency-Key</code> to make retrying safe.") == 2


def test_a_weakened_etag_gives_304_too(client, world):
    """If-None-Match compares weakly (RFC 9110, 13.1.2): a proxy that compresses the answer
    (nginx's gzip) hands the client `W/"…"`, and that tag sent back got the whole list (200)
    every time. The 304 carries the list's own ETag."""
    headers = world.tokens["investor_b"]
    etag = client.get("/api/v1/pitches", headers=headers).headers["ETag"]
    for sent in (f"W/{etag}", f'"other", W/{etag}'):
        again = client.get("/api/v1/pitches", headers={**headers, "If-None-Match": sent})
        assert again.status_code == 304, sent
        assert again.headers["ETag"] == etag and again.data == b""
    other = client.get("/api/v1/pitches", headers={**headers, "If-None-Match": 'W/"other"'})
    assert other.status_code == 200
