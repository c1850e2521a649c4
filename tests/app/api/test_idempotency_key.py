"""POST /api/v1/pitches with an Idempotency-Key: a client that sends its request again
after a timeout gets the first answer back and one pitch, not two."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import IdempotentRequest, Pitch
from app.models.user import utcnow
from app.services import erasure, idempotent_requests, pitches
from app.services.idempotent_requests import fingerprint
from tests.app.api.helpers import bearer
from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_user

BODY = {"title": "Solkraft", "summary": "Solceller på låvetak", "stage": "idea"}
KEY = "3f1c9a52-7d0e-4c8b-9b1a-2e6f5d4c3b21"
WORDS = {
    "nb": {"other_body": "Denne Idempotency-Key er allerede brukt med en annen forespørsel. "
                         "Ingenting ble gjort: send en ny nøkkel for en ny forespørsel.",
           "busy": "En forespørsel med denne Idempotency-Key blir fortsatt behandlet. Prøv "
                   "igjen om litt; fortsetter det, sjekk om den ble utført før du sender den "
                   "med en ny nøkkel.",
           "bad_key": "En Idempotency-Key er 1 til 255 synlige ASCII-tegn, for eksempel en "
                      "UUID."},
    "en": {"other_body": "This Idempotency-Key was already used with a different request. "
                         "Nothing was done: send a new key for a new request.",
           "busy": "A request with this Idempotency-Key is still being processed. Try again "
                   "in a moment; if this goes on, check whether it was done before sending it "
                   "with a new key.",
           "bad_key": "An Idempotency-Key is 1 to 255 visible ASCII characters, such as a "
                      "UUID."},
}


def _pitches(user) -> int:
    return db.session.scalar(select(func.count(Pitch.id)).where(Pitch.owner_id == user.id))


def _post(client, headers, key=KEY, body=BODY, **kwargs):
    return client.post("/api/v1/pitches", headers={**headers, "Idempotency-Key": key},
                       json=body, **kwargs)


def test_a_retry_with_the_same_key_gets_the_first_answer_and_makes_no_second_pitch(client):
    founder = make_user("founder")
    headers = bearer(founder)
    first = _post(client, headers)
    assert first.status_code == 201
    assert "Idempotent-Replayed" not in first.headers
    again = _post(client, headers)
    assert again.status_code == 201
    assert again.get_data() == first.get_data()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert _pitches(founder) == 1


def test_the_first_answer_is_replayed_as_it_was_even_after_the_pitch_changed(client):
    founder = make_user("founder")
    headers = bearer(founder)
    first = _post(client, headers)
    pitch = db.session.get(Pitch, first.get_json()["id"])
    pitch.title = "Endret siden"
    db.session.commit()
    again = _post(client, headers)
    assert again.get_json()["title"] == "Solkraft"
    assert _pitches(founder) == 1


def test_the_same_body_written_otherwise_is_the_same_request(client):
    founder = make_user("founder")
    headers = bearer(founder)
    assert _post(client, headers).status_code == 201
    reordered = '{ "stage": "idea",  "summary": "Solceller på låvetak", "title": "Solkraft" }'
    again = client.post("/api/v1/pitches", data=reordered.encode(),
                        headers={**headers, "Idempotency-Key": KEY,
                                 "Content-Type": "application/json"})
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert _pitches(founder) == 1


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_the_same_key_with_another_body_is_refused_in_the_users_language(client, locale):
    founder = make_user("founder", locale=locale)
    headers = bearer(founder)
    assert _post(client, headers).status_code == 201
    other = _post(client, headers, body={**BODY, "title": "Vindkraft"})
    assert other.status_code == 422
    error = other.get_json()["error"]
    assert error["message"] == WORDS[locale]["other_body"]
    assert error["fields"] == {"Idempotency-Key": [WORDS[locale]["other_body"]]}
    assert _pitches(founder) == 1


def test_keys_are_per_user(client):
    one, other = make_user("founder"), make_user("founder")
    mine = _post(client, bearer(one))
    theirs = _post(client, bearer(other), body={**BODY, "title": "Vindkraft"})
    assert theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs.headers
    assert theirs.get_json()["id"] != mine.get_json()["id"]
    assert theirs.get_json()["title"] == "Vindkraft"
    assert (_pitches(one), _pitches(other)) == (1, 1)


def test_another_token_of_the_same_user_shares_the_key(client):
    founder = make_user("founder")
    first = _post(client, bearer(founder))
    again = _post(client, bearer(founder))
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json() == first.get_json()
    assert _pitches(founder) == 1


def test_without_a_key_every_post_makes_a_pitch_as_before(client):
    founder = make_user("founder")
    headers = bearer(founder)
    for _ in range(2):
        assert client.post("/api/v1/pitches", headers=headers, json=BODY).status_code == 201
    assert _pitches(founder) == 2


def test_a_refused_request_does_not_use_up_its_key(client):
    founder = make_user("founder")
    headers = bearer(founder)
    refused = _post(client, headers, body={**BODY, "stage": "late"})
    assert refused.status_code == 422
    made = _post(client, headers)
    assert made.status_code == 201
    assert "Idempotent-Replayed" not in made.headers
    assert _pitches(founder) == 1


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_a_copy_sent_while_the_first_is_handled_is_told_to_wait(client, locale):
    """The key is reserved (committed) before the pitch is made: a copy racing the first
    request finds the reservation and makes nothing."""
    founder = make_user("founder", locale=locale)
    headers = bearer(founder)
    db.session.add(IdempotentRequest(user_id=founder.id, key=KEY, fingerprint=fingerprint(
        "POST", "/api/v1/pitches", json.dumps(BODY).encode())))
    db.session.commit()
    busy = _post(client, headers)
    assert busy.status_code == 409
    assert busy.get_json()["error"]["message"] == WORDS[locale]["busy"]
    assert _pitches(founder) == 0


@pytest.mark.parametrize("locale", ["nb", "en"])
@pytest.mark.parametrize("key", ["", "nøkkel", "a b", "x" * 256])
def test_an_unusable_key_is_refused_and_makes_nothing(client, locale, key):
    founder = make_user("founder", locale=locale)
    refused = client.post("/api/v1/pitches", json=BODY, headers={
        **bearer(founder), "Idempotency-Key": key.encode().decode("latin-1")})
    assert refused.status_code == 422
    assert refused.get_json()["error"]["fields"] == {"Idempotency-Key":
                                                     [WORDS[locale]["bad_key"]]}
    assert _pitches(founder) == 0


def test_a_body_with_half_a_surrogate_pair_is_refused_and_leaves_the_key_free(client):
    """The key's fingerprint is made before the body is read: '\\ud800' alone (no text,
    refused as JSON) failed there, a 500."""
    founder = make_user("founder")
    headers = {**bearer(founder), "Idempotency-Key": KEY, "Content-Type": "application/json"}
    refused = client.post("/api/v1/pitches", headers=headers,
                          data='{"title": "Sol\\ud800", "summary": "x", "stage": "idea"}')
    assert refused.status_code == 400
    assert db.session.get(IdempotentRequest, (founder.id, KEY)) is None
    assert _post(client, bearer(founder)).status_code == 201


def test_a_key_expires_after_24_hours_and_old_keys_are_pruned(client):
    founder, other = make_user("founder"), make_user("founder")
    headers = bearer(founder)
    _post(client, headers)
    _post(client, bearer(other), key="old-but-not-yet-expired")
    _post(client, bearer(other), key="long-gone")
    day_ago = utcnow() - timedelta(hours=24, seconds=1)
    for row in db.session.scalars(select(IdempotentRequest)):
        if row.key != "old-but-not-yet-expired":
            row.created_at = day_ago
    db.session.commit()
    again = _post(client, headers)
    assert again.status_code == 201
    assert "Idempotent-Replayed" not in again.headers
    assert _pitches(founder) == 2
    db.session.expire_all()
    assert {(r.user_id, r.key) for r in db.session.scalars(select(IdempotentRequest))} == {
        (founder.id, KEY), (other.id, "old-but-not-yet-expired")}


def test_a_deleted_account_leaves_no_stored_answers(client):
    """A stored answer holds the pitch as it was sent: it goes with the account's data."""
    founder = make_user("founder")
    _post(client, bearer(founder))
    erasure.delete_account(founder, DEFAULT_PASSWORD)
    assert db.session.scalar(select(func.count()).select_from(IdempotentRequest)) == 0


def test_the_data_export_holds_the_stored_answers(app, client):
    """Download your data is everything Koble holds: a stored answer is the pitch as it was
    sent, and an expired one is held until the next new key prunes it."""
    founder = make_user("founder")
    _post(client, bearer(founder))
    db.session.get(IdempotentRequest, (founder.id, KEY)).created_at = utcnow() - timedelta(
        days=2)
    db.session.commit()
    browser = app.test_client()
    log_in(browser, founder)
    data = browser.get("/account/export").get_json()
    [kept] = data["api_idempotency_keys"]
    assert kept["key"] == KEY and kept["status"] == 201
    assert kept["body"]["title"] == "Solkraft" and kept["location"].endswith(
        f"/pitches/{kept['body']['id']}")
    assert "fingerprint" not in kept


def test_the_description_documents_the_header(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    create = spec["paths"]["/api/v1/pitches"]["post"]
    header = [p for p in create["parameters"] if p["name"] == "Idempotency-Key"]
    assert header and header[0]["in"] == "header" and not header[0]["required"]
    assert "24 hours" in header[0]["description"]
    assert "409" in create["responses"]
    assert "Idempotent-Replayed" in create["responses"]["201"]["headers"]
    assert "Idempotency-Key" in spec["info"]["description"]


def test_the_copy_that_loses_the_race_to_store_the_key_gets_the_first_answer(client,
                                                                              monkeypatch):
    """Two copies both find no key, both try to reserve it: the primary key lets one in,
    and the other reads what that one stored instead of making a second pitch."""
    founder = make_user("founder")
    headers = bearer(founder)
    first = _post(client, headers)
    looked = []
    real = idempotent_requests._live

    def first_look_misses(user_id, key):
        looked.append(key)
        return None if len(looked) == 1 else real(user_id, key)

    monkeypatch.setattr(idempotent_requests, "_live", first_look_misses)
    again = _post(client, headers)
    assert len(looked) == 2
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.get_data() == first.get_data()
    assert _pitches(founder) == 1


def test_a_copy_whose_rival_was_refused_meanwhile_is_told_to_try_again(client, monkeypatch):
    """Both copies found no key; the other reserved it first, was refused and freed it
    before this one read what it stored: nothing to replay, so this one is told to send
    again (and then gets the same refusal), not a 500."""
    founder = make_user("founder", locale="nb")
    db.session.add(IdempotentRequest(user_id=founder.id, key=KEY, fingerprint="rival"))
    db.session.commit()
    real = idempotent_requests._live
    looked = []

    def rival_freed_the_key_after_the_first_look(user_id, key):
        looked.append(key)
        if len(looked) == 1:
            return None
        idempotent_requests.release(founder, key)
        return real(user_id, key)

    monkeypatch.setattr(idempotent_requests, "_live", rival_freed_the_key_after_the_first_look)
    busy = _post(client, bearer(founder))
    assert busy.status_code == 409, busy.get_data(as_text=True)
    assert busy.get_json()["error"]["message"] == WORDS["nb"]["busy"]
    assert _pitches(founder) == 0
    monkeypatch.undo()
    assert _post(client, bearer(founder)).status_code == 201


def _stored() -> set[str]:
    db.session.expire_all()
    return {row.key for row in db.session.scalars(select(IdempotentRequest))}


def test_a_pitch_deleted_for_good_takes_its_stored_answer_with_it(app, client):
    """The stored answer is the pitch as it was sent: deleting the pitch for good on the
    web deletes it at once, not at the next prune. The key is then new again: the request
    sent again makes the pitch anew, once, rather than answer with one that is gone."""
    founder = make_user("founder")
    headers = bearer(founder)
    first = _post(client, headers)
    other = _post(client, headers, key="another-key", body={**BODY, "title": "Vindkraft"})
    browser = app.test_client()
    log_in(browser, founder)
    gone = first.get_json()["id"]
    assert browser.post(f"/pitches/{gone}/delete").status_code == 302

    assert _stored() == {"another-key"}
    again = _post(client, headers)
    assert again.status_code == 201
    assert "Idempotent-Replayed" not in again.headers
    assert again.get_json()["id"] != gone and again.get_json()["title"] == "Solkraft"
    assert _pitches(founder) == 2
    # once made anew, the key answers with the new pitch as before
    replayed = _post(client, headers)
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert replayed.get_data() == again.get_data()
    # the other pitch's answer was not touched
    kept = _post(client, headers, key="another-key", body={**BODY, "title": "Vindkraft"})
    assert kept.headers["Idempotent-Replayed"] == "true"
    assert kept.get_data() == other.get_data()
    assert _pitches(founder) == 2


def test_a_pitch_deleted_before_its_answer_is_stored_leaves_no_answer(client):
    """Deleted in the moment between its making and its answer's storing: the answer is
    not stored, as if it had been and gone with the pitch."""
    founder = make_user("founder")
    assert idempotent_requests.begin(founder, KEY, "f" * 64) is None
    pitch = pitches.create_pitch(founder, dict(BODY))
    pitch_id = pitch.id
    pitches.delete(pitch)
    idempotent_requests.finish(founder, KEY, 201, json.dumps({"id": pitch_id}),
                               f"/api/v1/pitches/{pitch_id}", pitch_id=pitch_id)
    assert _stored() == set()
