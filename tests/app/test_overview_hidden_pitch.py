"""A founder's overview said of a published pitch that staff hid (moderation) "Not published:
no matches yet.": wrong, it is published, and the founder had nothing to go on. Its card now
says that the organisers hid it, that investors cannot see it, their reason (as the pitch's
own page tells its founder), and what to do: edit it and ask the organisers to show it again.
A draft's card keeps "Not published"."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from tests.factories import make_pitch, make_user

READS = {
    "nb": ("Skjult av arrangørene.", "Investorer kan ikke se denne pitchen.",
           "Begrunnelse: Inneholder kontaktinformasjon",
           "Rediger pitchen hvis begrunnelsen ber om en endring, og be arrangørene om å vise "
           "den igjen.", "Ikke publisert"),
    "en": ("Hidden by the organisers.", "Investors cannot see this pitch.",
           "Reason: Inneholder kontaktinformasjon",
           "Edit the pitch if the reason asks for a change, and ask the organisers to show it "
           "again.", "Not published"),
}


def _card(page: str, pitch_id: int) -> str:
    found = re.search(rf'<section class="card mb-3" aria-labelledby="p{pitch_id}">(.*?)</section>',
                      page, re.S)
    assert found, f"no card for pitch {pitch_id}"
    return html_lib.unescape(re.sub(r"\s+", " ", found.group(1)))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_hidden_pitch_says_it_is_hidden_with_the_reason_and_what_to_do(client, auth, lang):
    founder = make_user("founder", locale=lang)
    hidden = make_pitch(founder, title="Skjult", hidden=True,
                        hidden_reason="Inneholder kontaktinformasjon")
    draft = make_pitch(founder, title="Utkast", status="draft")
    auth.login(founder.email)
    page = client.get("/matches/pitches").get_data(as_text=True)
    card = _card(page, hidden.id)
    hidden_words, cannot_see, reason, what_to_do, not_published = READS[lang]
    for words in (hidden_words, cannot_see, reason, what_to_do):
        assert words in card, (words, card)
    assert not_published not in card
    assert f'href="/pitches/{hidden.id}/edit"' in card
    assert not_published in _card(page, draft.id)
    assert hidden_words not in _card(page, draft.id)
    assert client.get(f"/pitches/{hidden.id}/edit").status_code == 200  # the link leads on
