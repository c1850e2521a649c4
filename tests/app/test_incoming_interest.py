"""One side's interest reaches the other: a notice (once, in the reader's language, never
after "not for me"), a section of interest on each side's page however the pair ranks, and
answer buttons on the pitch's and the investor's own pages."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Interest, Notification
from app.services import interest, mutual_interest
from tests.app.security.principals import log_in
from tests.factories import make_investor, make_pitch, make_user, outbox_of


def _mark(pitch, profile, kind: str) -> str:
    return f"/matches/{pitch.id}/{profile.id}/mark/{kind}"


def _notes(user) -> list[Notification]:
    return db.session.scalars(select(Notification).where(Notification.user_id == user.id)).all()


def _kinds(pitch, profile) -> dict[str, str]:
    return {i.side: i.kind for i in db.session.scalars(select(Interest).where(
        Interest.pitch_id == pitch.id, Interest.investor_profile_id == profile.id))}


@pytest.fixture
def outsider(market):
    """An investor the engine never scored for the solar pitch (no stored score at all)."""
    return make_investor(organisation="Fjellinvest", thesis="Hytter og reiseliv i fjellet.",
                         sectors=["tourism_culture"], contact_email="post@fjellinvest.no",
                         contact_phone="+47 455 55 555")


def test_founders_interest_tells_the_investor_in_english(app, client, market):
    founder, solar, investor = market["solar_founder"], market["solar"], market["solar_investor"]
    founder.locale, investor.user.locale = "nb", "en"  # the mail follows the reader
    db.session.commit()
    log_in(client, founder)
    assert client.post(_mark(solar, investor, "interested")).status_code == 303
    [note] = _notes(investor.user)
    assert note.kind == "interest_from_founder" and note.link == f"/pitches/{solar.id}"
    assert _notes(founder) == []
    reader = app.test_client()
    log_in(reader, investor.user)
    page = reader.get("/notifications").get_data(as_text=True)
    assert "The founder of “Solcelletak for landbruket” is interested in you." in page
    assert all(secret not in page for secret in (founder.name, founder.email, founder.phone))
    [mail] = outbox_of(app)
    assert mail.to == [investor.user.email]
    assert mail.subject == "A founder is interested in you: “Solcelletak for landbruket”"
    assert "The founder of “Solcelletak for landbruket” is interested in you." in mail.body
    assert f"/pitches/{solar.id}" in mail.body
    assert all(secret not in mail.body for secret in (founder.name, founder.email,
                                                      founder.phone))
    opened = reader.post(f"/notifications/{note.id}/open")
    assert opened.headers["Location"].endswith(f"/pitches/{solar.id}")


def test_investors_interest_tells_the_founder_in_norwegian(app, client, market, outsider):
    founder, solar = market["solar_founder"], market["solar"]
    founder.locale = "nb"  # the investor writes in English (the tests' default)
    db.session.commit()
    log_in(client, outsider.user)
    assert client.post(_mark(solar, outsider, "interested")).status_code == 303
    [note] = _notes(founder)
    assert note.kind == "interest_from_investor"
    assert note.link == f"/pitches/{solar.id}/matches#interested"
    reader = app.test_client()
    log_in(reader, founder)
    page = reader.get("/notifications").get_data(as_text=True)
    assert "Fjellinvest er interessert i pitchen din «Solcelletak for landbruket»." in page
    assert outsider.contact_email not in page and outsider.contact_phone not in page
    [mail] = outbox_of(app)
    assert mail.to == [founder.email]
    assert mail.subject == "En investor er interessert i «Solcelletak for landbruket»"
    assert "Svar her:" in mail.body and outsider.contact_email not in mail.body
    founders_page = reader.get(f"/pitches/{solar.id}/matches").get_data(as_text=True)
    assert "Interessert i denne pitchen" in founders_page and "Fjellinvest" in founders_page


def test_toggling_interest_tells_once(client, market, app):
    founder, solar, investor = market["solar_founder"], market["solar"], market["solar_investor"]
    log_in(client, investor.user)
    for kind in ("interested", "saved", "interested"):
        client.post(_mark(solar, investor, kind))
    client.post(f"/matches/{solar.id}/{investor.id}/clear")
    client.post(_mark(solar, investor, "interested"))
    assert [n.kind for n in _notes(founder)] == ["interest_from_investor"]
    assert len(outbox_of(app)) == 1
    # the other direction is a notice of its own
    interest.mark(founder, market["solar"].id, market["sea_investor"].id, "interested")
    assert [n.kind for n in _notes(market["sea_investor"].user)] == ["interest_from_founder"]


def test_no_notice_after_not_for_me(client, market, app):
    founder, solar, investor = market["solar_founder"], market["solar"], market["solar_investor"]
    interest.mark(founder, solar.id, investor.id, "not_for_me")
    log_in(client, investor.user)
    assert client.post(_mark(solar, investor, "interested")).status_code == 303
    assert _notes(founder) == [] and outbox_of(app) == []


def test_a_save_is_no_answer_the_saver_is_told(market):
    founder, solar, investor = market["solar_founder"], market["solar"], market["solar_investor"]
    interest.mark(investor.user, solar.id, investor.id, "saved")
    interest.mark(founder, solar.id, investor.id, "interested")
    assert [n.kind for n in _notes(investor.user)] == ["interest_from_founder"]


def test_no_notice_to_an_inactive_account(client, market):
    founder, solar, investor = market["solar_founder"], market["solar"], market["solar_investor"]
    investor.user.active = False
    db.session.commit()
    log_in(client, founder)
    # refused as an investor no longer shown (tests/app/test_answer_on_withdrawn_pitch.py)
    assert client.post(_mark(solar, investor, "interested")).status_code == 303
    assert db.session.scalars(select(Notification)).all() == []


def test_founder_answers_an_unranked_interested_investor_into_a_mutual_match(
        app, client, market, outsider):
    founder, solar = market["solar_founder"], market["solar"]
    page_url = f"/pitches/{solar.id}/matches"
    log_in(client, founder)
    first = client.get(page_url).get_data(as_text=True)
    assert "Fjellinvest" not in first and 'id="interested"' not in first
    investor_client = app.test_client()
    log_in(investor_client, outsider.user)
    investor_client.post(_mark(solar, outsider, "interested"))
    page = client.get(page_url).get_data(as_text=True)
    section = page.split('id="interested"')[1].split("</section>")[0]
    assert "Fjellinvest" in section and "This investor is interested in your pitch." in section
    assert f'formaction="{_mark(solar, outsider, "interested")}?next={page_url}"' in section
    assert outsider.contact_email not in page
    answered = client.post(f"{_mark(solar, outsider, 'interested')}?next={page_url}")
    assert answered.status_code == 303 and answered.headers["Location"].endswith(page_url)
    assert mutual_interest.is_mutual(solar.id, outsider.id)
    page = client.get(page_url).get_data(as_text=True)
    assert outsider.contact_email in page and outsider.contact_phone in page
    assert outsider.contact_email in client.get("/matches/mutual").get_data(as_text=True)
    # "not for me" takes the investor out of the section (into the undo list)
    client.post(_mark(solar, outsider, "not_for_me"))
    page = client.get(page_url).get_data(as_text=True)
    assert 'id="interested"' not in page and "Fjellinvest" in page


def test_investor_sees_founders_interested_in_them_whatever_the_filters(app, client, market):
    investor, health = market["solar_investor"], market["health"]
    interest.mark(health.owner, health.id, investor.id, "interested")
    log_in(client, investor.user)
    page = client.get("/matches?sector=energy").get_data(as_text=True)
    section = page.split('id="interested-in-you"')[1].split("</section>")[0]
    assert "Digital helsejournal" in section and "The founder is interested in you." in section
    assert health.owner.email not in page and health.owner.name not in page
    assert client.get("/matches?page=2").get_data(as_text=True).count(
        'id="interested-in-you"') == 0
    client.post(_mark(health, investor, "interested"))
    page = client.get("/matches").get_data(as_text=True)
    section = page.split('id="interested-in-you"')[1].split("</section>")[0]
    assert health.owner.email in section  # mutual: the founder's contacts
    client.post(_mark(health, investor, "not_for_me"))
    assert 'id="interested-in-you"' not in client.get("/matches").get_data(as_text=True)


def test_the_other_sides_kept_page_shows_a_new_mark(app, client, market, outsider):
    founder, solar = market["solar_founder"], market["solar"]
    log_in(client, founder)
    url = f"/pitches/{solar.id}/matches"
    client.get(url)
    assert client.get(url).headers["X-Cache"] == "hit"
    other = app.test_client()
    log_in(other, outsider.user)
    other.get("/matches")
    assert other.get("/matches").headers["X-Cache"] == "hit"
    other.post(_mark(solar, outsider, "interested"))
    after = client.get(url)
    assert after.headers["X-Cache"] == "miss" and "Fjellinvest" in after.get_data(as_text=True)
    # and back: the founder's answer reaches the investor's kept page
    client.post(_mark(solar, outsider, "interested"))
    other.get("/matches")  # shows the flashed message once, not kept
    page = other.get("/matches").get_data(as_text=True)
    assert founder.email in page.split('id="interested-in-you"')[1]


def test_investor_answers_on_the_pitch_page(client, market):
    solar, investor = market["solar"], market["solar_investor"]
    log_in(client, investor.user)
    url = f"/pitches/{solar.id}"
    page = client.get(url).get_data(as_text=True)
    assert f'formaction="{_mark(solar, investor, "saved")}?next={url}"' in page
    assert 'name="csrf_token"' in page
    response = client.post(f"{_mark(solar, investor, 'saved')}?next={url}")
    assert response.status_code == 303 and response.headers["Location"].endswith(url)
    assert _kinds(solar, investor) == {"investor": "saved"}
    page = client.get(url).get_data(as_text=True)
    assert '<span class="badge text-bg-secondary">Saved</span>' in page
    client.post(f"{_mark(solar, investor, 'interested')}?next={url}")
    assert _kinds(solar, investor) == {"investor": "interested"}


def test_investor_without_a_profile_is_told_to_write_one(client, market):
    newcomer = make_user("investor")
    log_in(client, newcomer)
    page = client.get(f"/pitches/{market['solar'].id}").get_data(as_text=True)
    assert "Fill in your investor profile to answer founders." in page
    assert "/mark/" not in page


def test_founder_answers_on_the_investor_page_for_the_chosen_pitch(client, market):
    founder, solar, investor = market["solar_founder"], market["solar"], market["sea_investor"]
    second = make_pitch(founder, title="Batterier for båthavner")
    make_pitch(founder, title="Utkast til noe nytt", status="draft")
    other = make_pitch(title="Noen andres pitch")
    log_in(client, founder)
    url = f"/investors/{investor.id}"
    page = client.get(url).get_data(as_text=True)
    assert "Solcelletak for landbruket" in page and "Batterier for båthavner" in page
    assert "Utkast til noe nytt" not in page and "Noen andres pitch" not in page
    assert f'formaction="{_mark(second, investor, "interested")}?next={url}"' in page
    assert client.post(f"{_mark(second, investor, 'not_for_me')}?next={url}").status_code == 303
    assert _kinds(second, investor) == {"founder": "not_for_me"}
    assert _kinds(solar, investor) == {}
    # someone else's pitch is not the founder's to answer for
    assert client.post(_mark(other, investor, "interested")).status_code == 404
    assert _kinds(other, investor) == {}


def test_founder_without_a_published_pitch_is_told_to_publish(client, market):
    drafter = make_user("founder")
    make_pitch(drafter, status="draft")
    log_in(client, drafter)
    page = client.get(f"/investors/{market['sea_investor'].id}").get_data(as_text=True)
    assert "Publish a pitch to answer investors." in page and "/mark/" not in page


def test_each_side_lists_only_the_others_it_can_answer_unanswered_first(market):
    from app.services.incoming_interest import investors_interested_in, pitches_interested_in

    solar, founder = market["solar"], market["solar_founder"]
    keen, answered = market["solar_investor"], make_investor(organisation="Besvart")
    off, gone = market["sea_investor"], market["health_investor"]
    refused = make_investor(organisation="Avvist")
    for profile in (keen, answered, off, gone, refused):
        interest.mark(profile.user, solar.id, profile.id, "interested")
    interest.mark(founder, solar.id, answered.id, "interested")
    interest.mark(founder, solar.id, refused.id, "not_for_me")
    off.active, gone.user.active = False, False
    db.session.commit()
    rows = investors_interested_in(solar)
    assert [(r.profile.id, r.mutual) for r in rows] == [(keen.id, False), (answered.id, True)]
    assert all(r.pitch is solar for r in rows)

    fish, health = market["fish"], market["health"]
    waiting, mine, draft, refusing = (make_pitch(title=t) for t in (
        "Venter", "Besvart", "Utkast", "Avvist"))
    for pitch in (waiting, fish, health, mine, draft, refusing):
        interest.mark(pitch.owner, pitch.id, keen.id, "interested")
    interest.mark(keen.user, mine.id, keen.id, "interested")
    interest.mark(keen.user, refusing.id, keen.id, "not_for_me")
    fish.hidden, draft.status, health.owner.active = True, "draft", False
    db.session.commit()
    rows = pitches_interested_in(keen)
    assert [(r.pitch.id, r.mutual) for r in rows] == [(waiting.id, False), (mine.id, True)]
    assert all(r.profile is keen for r in rows)
