"""An investor who opens a recommended pitch reads on its page why it fits them: the score,
the sentence and the component bars of its recommendation card. The page said only the
pitch and the answer buttons, so the explanation was gone the moment they clicked through."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import MatchScore


def _stored(pitch, profile) -> MatchScore:
    return db.session.scalar(select(MatchScore).where(
        MatchScore.pitch_id == pitch.id, MatchScore.investor_profile_id == profile.id))


def test_an_investor_sees_why_the_pitch_fits_them(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    score = _stored(solar, investor)
    assert score is not None
    auth.login(investor.user.email)
    html = client.get(f"/pitches/{solar.id}").get_data(as_text=True)
    assert "Why this pitch fits you" in html
    fit = html[html.index("Why this pitch fits you"):html.index("Your answer")]
    assert f"{round(score.score * 100)}%" in fit
    assert 'role="progressbar"' in fit
    assert "Sectors" in fit
    # the investor's own activity is the same on every pitch: no bar for it here either
    assert "Investor activity" not in fit


def test_the_fit_is_in_bokmal_for_a_bokmal_reader(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    client.post("/language", data={"lang": "nb"})
    html = client.get(f"/pitches/{solar.id}").get_data(as_text=True)
    assert "Hvorfor pitchen passer deg" in html
    assert "Bransjer" in html[html.index("Hvorfor pitchen passer deg"):]


def test_a_pitch_without_a_score_for_the_investor_says_so(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    db.session.delete(_stored(solar, investor))
    db.session.commit()
    auth.login(investor.user.email)
    html = client.get(f"/pitches/{solar.id}").get_data(as_text=True)
    assert "not among those recommended for your profile" in html
    assert 'role="progressbar"' not in html


def test_the_founder_sees_no_investor_fit_on_their_pitch(client, auth, market):
    solar = market["solar"]
    auth.login(market["solar_founder"].email)
    assert "Why this pitch fits you" not in client.get(f"/pitches/{solar.id}").get_data(
        as_text=True)
