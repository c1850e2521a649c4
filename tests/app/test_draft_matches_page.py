"""A founder who saves a first draft and follows "See matching investors" from its page
finds, on the matches page, what to do next and the button to do it: before, the page said
only that investors are matched once the pitch is published (and not hidden), with no way
on from there but back."""

from __future__ import annotations

from tests.factories import make_pitch, make_user

DRAFT = {"en": "This pitch is a draft: the investors that fit it are shown here once you "
               "publish it.",
         "nb": "Pitchen er et utkast: investorene som passer, vises her når du har publisert "
               "den."}


def test_a_drafts_matches_page_offers_to_publish_it(client, auth):
    for lang in ("en", "nb"):
        founder = make_user("founder", locale=lang)
        pitch = make_pitch(founder, status="draft")
        auth.login(founder.email)
        client.post("/language", data={"lang": lang})
        page = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
        assert DRAFT[lang] in page
        assert f'action="/pitches/{pitch.id}/publish"' in page
        auth.logout()
        # the button works from there: the draft is published
        auth.login(founder.email)
        client.post("/language", data={"lang": lang})
        assert client.post(f"/pitches/{pitch.id}/publish").status_code == 302
        assert DRAFT[lang] not in client.get(f"/pitches/{pitch.id}/matches").get_data(
            as_text=True)
        auth.logout()


def test_a_hidden_pitch_keeps_its_own_sentence_and_no_publish_button(client, auth):
    founder = make_user("founder")
    pitch = make_pitch(founder, hidden=True)
    auth.login(founder.email)
    page = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    assert "Investors are matched once the pitch is published (and not hidden)." in page
    assert "/publish" not in page
