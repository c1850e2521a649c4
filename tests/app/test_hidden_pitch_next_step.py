"""A founder whose pitch staff hid is told what to do about it where they read it: the pitch's
page (where the notice's Open leads) and My pitches said "Hidden by the organisers.
Investors cannot see this pitch. Reason: …" and stopped; only the matches overview said to
edit the pitch and ask the organisers to show it again. Staff, who read the same notice on
the pitch's page, are not told so."""

from __future__ import annotations

import pytest

from tests.app.test_i18n import _client_in
from tests.factories import make_pitch, make_user

NEXT = {"nb": "Rediger pitchen hvis begrunnelsen ber om en endring, og be arrangørene om å "
              "vise den igjen.",
        "en": "Edit the pitch if the reason asks for a change, and ask the organisers to show "
              "it again."}


def _hidden_pitch():
    founder = make_user("founder")
    pitch = make_pitch(founder, title="Regelbrudd")
    return founder, pitch.id, make_user("staff")


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("path", ["/pitches/{id}", "/pitches/mine"])
def test_the_founder_is_told_the_next_step(app, lang, path):
    founder, pitch_id, staff = _hidden_pitch()
    assert _client_in(app, "en", staff).post(
        f"/staff/pitches/{pitch_id}/hide", data={"reason": "Reklame"}).status_code == 302

    page = _client_in(app, lang, founder).get(path.format(id=pitch_id)).get_data(as_text=True)

    assert "Reklame" in page
    assert NEXT[lang] in page


def test_staff_reading_the_pitch_are_not_told_to_ask_the_organisers(app):
    _founder, pitch_id, staff = _hidden_pitch()
    client = _client_in(app, "en", staff)
    client.post(f"/staff/pitches/{pitch_id}/hide", data={"reason": "Reklame"})

    page = client.get(f"/pitches/{pitch_id}").get_data(as_text=True)

    assert "Reklame" in page
    assert NEXT["en"] not in page
