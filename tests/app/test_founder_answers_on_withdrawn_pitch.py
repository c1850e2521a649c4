"""A founder takes back their own answers on a pitch investors no longer see: made a draft
again, or hidden by staff. Only new interest waits until the pitch is shown again; "not for
me", a save and Undo are the founder's own, whatever the pitch's state. The pitch's page of
investors lists the answers it still holds, with Undo, and the saved and "not for me" lists
keep such pairs with Undo only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Interest
from app.services import interest, moderation, mutual_interest, pitches
from tests.factories import make_investor, make_pitch, make_user


def _mark(pitch, profile) -> str | None:
    db.session.expire_all()
    return db.session.scalar(select(Interest.kind).where(
        Interest.side == "founder", Interest.pitch_id == pitch.id,
        Interest.investor_profile_id == profile.id))


@pytest.fixture
def answered(client, auth):
    """A founder, logged in, interested in Fjordkapital (mutual) and Skog Invest (one-sided)
    and having saved Havkapital for a published pitch."""
    founder = make_user("founder")
    pitch = make_pitch(founder, title="Tidevannskraft")
    mutual, one_sided, saved = (make_investor(organisation=name)
                                for name in ("Fjordkapital", "Skog Invest", "Havkapital"))
    interest.mark(founder, pitch.id, mutual.id, "interested")
    interest.mark(mutual.user, pitch.id, mutual.id, "interested")
    interest.mark(founder, pitch.id, one_sided.id, "interested")
    interest.mark(founder, pitch.id, saved.id, "saved")
    auth.login(founder.email)
    return founder, pitch, mutual, one_sided, saved


@pytest.mark.parametrize("withdraw", ["unpublish", "hide"])
def test_a_founder_takes_back_interest_on_a_withdrawn_pitch(client, answered, withdraw):
    founder, pitch, mutual, one_sided, saved = answered
    if withdraw == "unpublish":
        pitches.unpublish(pitch)
    else:
        moderation.hide(pitch, "Uklart", make_user("staff"))
    page = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    section = page.split('id="answered"')[1].split("</section>")[0]
    for profile in (mutual, one_sided, saved):
        assert profile.organisation in section
        assert f'action="/matches/{pitch.id}/{profile.id}/clear' in section
    assert "You are interested" in section and "Saved" in section
    # Undo works (the old code refused: "Publish the pitch before you answer investors.")
    back = f"/pitches/{pitch.id}/matches"
    response = client.post(f"/matches/{pitch.id}/{one_sided.id}/clear?next={back}")
    assert response.status_code == 303 and response.location.endswith(back)
    assert _mark(pitch, one_sided) is None
    assert "Your answer was undone." in client.get(back).get_data(as_text=True)
    # taking back a mutual interest ends the match: shown again, no contacts are shared
    client.post(f"/matches/{pitch.id}/{mutual.id}/clear")
    assert _mark(pitch, mutual) is None and not mutual_interest.is_mutual(pitch.id, mutual.id)
    client.post(f"/matches/{pitch.id}/{saved.id}/clear")
    assert _mark(pitch, saved) is None
    assert 'id="answered"' not in client.get(back).get_data(as_text=True)


def test_interest_may_turn_into_not_for_me_on_a_draft(client, answered):
    founder, pitch, mutual, one_sided, saved = answered
    pitches.unpublish(pitch)
    response = client.post(f"/matches/{pitch.id}/{one_sided.id}/mark/not_for_me")
    assert response.status_code == 303 and _mark(pitch, one_sided) == "not_for_me"
    page = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    assert "Marked not for me" in page
    # and that is undone too
    client.post(f"/matches/{pitch.id}/{one_sided.id}/clear")
    assert _mark(pitch, one_sided) is None


def test_new_interest_still_waits_for_a_published_pitch(client, answered):
    founder, pitch, mutual, one_sided, saved = answered
    client.post(f"/matches/{pitch.id}/{one_sided.id}/clear")
    pitches.unpublish(pitch)
    response = client.post(f"/matches/{pitch.id}/{one_sided.id}/mark/interested")
    assert response.status_code == 303
    page = client.get(response.location).get_data(as_text=True)
    assert "Publish the pitch before you answer investors." in page
    assert _mark(pitch, one_sided) is None
    with pytest.raises(interest.DomainError):
        interest.mark(founder, pitch.id, saved.id, "interested")
    assert _mark(pitch, saved) == "saved"


def test_saved_and_not_for_me_lists_keep_a_draft_s_pairs_with_undo_only(client, answered):
    founder, pitch, mutual, one_sided, saved = answered
    interest.mark(founder, pitch.id, one_sided.id, "not_for_me")
    pitches.unpublish(pitch)
    html = client.get("/matches/saved").get_data(as_text=True)
    card = html.split(f">{saved.organisation}</a>")[1].split("</li>")[0]
    assert "This pitch is a draft." in card
    assert f"/matches/{pitch.id}/{saved.id}/clear?next=/matches/saved" in card
    assert "/mark/interested" not in card  # interest waits until it is published again
    html = client.get("/matches/hidden").get_data(as_text=True)
    row = html.split(f">{one_sided.organisation}</a>")[1].split("</li>")[0]
    assert "This pitch is a draft." in row and f"/matches/{pitch.id}/{one_sided.id}/clear" in row
    assert client.post(f"/matches/{pitch.id}/{saved.id}/clear?next=/matches/saved"
                       ).status_code == 303
    assert _mark(pitch, saved) is None


def test_another_founder_cannot_clear_or_probe(client, auth, answered):
    founder, pitch, mutual, one_sided, saved = answered
    pitches.unpublish(pitch)
    auth.logout()
    auth.login(make_user("founder").email)
    assert client.post(f"/matches/{pitch.id}/{one_sided.id}/clear").status_code == 404
    assert _mark(pitch, one_sided) == "interested"


def test_an_investor_takes_back_an_answer_on_a_withdrawn_pitch_but_cannot_probe(answered):
    founder, pitch, mutual, one_sided, saved = answered
    pitches.unpublish(pitch)
    interest.clear(mutual.user, pitch.id, mutual.id)
    assert not mutual_interest.is_mutual(pitch.id, mutual.id)
    draft = make_pitch(founder, status="draft", title="Aldri publisert")
    with pytest.raises(interest.NotFound):
        interest.clear(one_sided.user, draft.id, one_sided.id)


def test_the_answers_section_is_bokmal(app, answered):
    from tests.app.test_i18n import _untranslated

    founder, pitch, mutual, one_sided, saved = answered
    pitches.unpublish(pitch)
    data = {pitch.title, mutual.organisation, one_sided.organisation, saved.organisation}
    assert _untranslated(app, f"/pitches/{pitch.id}/matches", founder, data=data) == []
