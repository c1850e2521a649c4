"""Founders and investors read one word for the association staff who run arenas and
moderate pitches: in bokmål "arrangørene", as every notice to them says ("Arrangørene har
skjult pitchen din …"). The pitch pages said "Skjult av sekretariatet" beside that notice,
the staff's invitation list "Lagt til av sekretariatet", the agenda "Foreslått av
arrangøren" (one organiser)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from tests.factories import make_pitch, make_user

ROOT = Path(__file__).resolve().parents[2]


def _bokmal() -> list[str]:
    with (ROOT / "translations" / "nb" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        texts = []
        for message in read_po(handle, locale="nb"):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            texts += [s for s in strings if s]
        return texts


def test_the_bokmal_catalogue_calls_the_organisers_arrangorene_everywhere():
    texts = _bokmal()
    assert not [t for t in texts if "sekretariat" in t.lower()]
    assert not [t for t in texts if "arrangøren " in t or "arrangøren." in t]  # not one
    assert sum("arrangørene" in t.lower() for t in texts) > 10


def test_a_founder_reads_who_hid_their_pitch_in_the_words_of_the_notice(client, auth):
    founder = make_user("founder", locale="nb")
    pitch = make_pitch(founder, hidden=True, hidden_reason="Mangler kontaktinfo")
    auth.login(founder.email)
    client.post("/language", data={"lang": "nb"})
    assert "Skjult av arrangørene" in client.get("/pitches/mine").get_data(as_text=True)
    assert "Skjult av arrangørene." in client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    client.post("/language", data={"lang": "en"})
    assert "Hidden by the organisers." in client.get(
        f"/pitches/{pitch.id}").get_data(as_text=True)
