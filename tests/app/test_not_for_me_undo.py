""""Not for me" takes the card off the list at once; its message now carries an Undo button,
so a stray click is taken back where the news of it is read. Before, the message only named
the list to open ("To undo it, open “Pitches you marked not for me”"): a second page to find
and the card to look for there."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Interest


def _flash_form(page: str) -> tuple[str, dict[str, str], str]:
    """The form inside the flashed message: its action, its fields and its button's name."""
    flashes = page[page.index('id="flashes"'):]
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', flashes, re.S)
    assert form, "no form in the message"
    fields = {name: html_lib.unescape(value) for name, value in
              re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(2))}
    label = re.search(r'<button[^>]*aria-label="([^"]+)"[^>]*>([^<]+)</button>', form.group(2))
    return html_lib.unescape(form.group(1)), fields, html_lib.unescape(label.group(1))


def _mark_of(side, pitch, profile):
    db.session.expire_all()
    return db.session.scalar(select(Interest.kind).where(
        Interest.side == side, Interest.pitch_id == pitch.id,
        Interest.investor_profile_id == profile.id))


@pytest.mark.parametrize(("lang", "word"), [("en", "Undo"), ("nb", "Angre")])
def test_an_investor_undoes_not_for_me_from_its_message(client, auth, market, lang, word):
    solar, investor = market["solar"], market["solar_investor"]
    investor.user.locale = lang
    db.session.commit()
    auth.login(investor.user.email)
    assert solar.title in client.get("/matches").get_data(as_text=True)
    response = client.post(f"/matches/{solar.id}/{investor.id}/mark/not_for_me?next=/matches",
                           data={"at": "r-1"})
    assert response.status_code == 303
    page = client.get(response.location).get_data(as_text=True)
    action, fields, label = _flash_form(page)
    assert action == f"/matches/{solar.id}/{investor.id}/clear"
    assert f">{word}</button>" in page[page.index('id="flashes"'):]
    assert label == f"{word}: {solar.title}"
    assert _mark_of("investor", solar, investor) == "not_for_me"
    undone = client.post(action, data=fields)
    assert undone.status_code == 303
    assert undone.location.startswith("/matches#")
    assert _mark_of("investor", solar, investor) is None
    assert solar.title in client.get("/matches").get_data(as_text=True)


def test_a_founder_undoes_not_for_me_from_its_message(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(market["solar_founder"].email)
    back = f"/pitches/{solar.id}/matches"
    response = client.post(f"/matches/{solar.id}/{investor.id}/mark/not_for_me?next={back}")
    page = client.get(response.location).get_data(as_text=True)
    action, fields, label = _flash_form(page)
    assert label == f"Undo: {investor.organisation}, for your pitch “{solar.title}”"
    assert fields["next"] == back
    undone = client.post(action, data=fields)
    assert undone.location.startswith(back)
    assert _mark_of("founder", solar, investor) is None


def test_interested_and_saved_have_no_undo_in_their_message(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    for kind in ("saved", "interested"):
        response = client.post(f"/matches/{solar.id}/{investor.id}/mark/{kind}?next=/matches")
        page = client.get(response.location).get_data(as_text=True)
        assert "Undo" not in page.split("data-flash-words>")[1].split("</div>")[0]


@pytest.mark.parametrize("before", ["saved", "interested"])
def test_undo_puts_back_the_answer_not_for_me_replaced_for_an_investor(
        client, auth, market, before):
    """Found on the investor walk: "Not for me" on a saved pitch, then Undo, left no answer
    at all; the pitch was gone from "Saved pitches"."""
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    client.post(f"/matches/{solar.id}/{investor.id}/mark/{before}?next=/matches/saved")
    response = client.post(
        f"/matches/{solar.id}/{investor.id}/mark/not_for_me?next=/matches/saved")
    action, fields, _label = _flash_form(client.get(response.location).get_data(as_text=True))
    assert _mark_of("investor", solar, investor) == "not_for_me"
    assert client.post(action, data=fields).status_code == 303
    assert _mark_of("investor", solar, investor) == before
    if before == "saved":
        assert solar.title in client.get("/matches/saved").get_data(as_text=True)


def test_undo_puts_back_a_founders_saved_answer(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(market["solar_founder"].email)
    back = f"/pitches/{solar.id}/matches"
    client.post(f"/matches/{solar.id}/{investor.id}/mark/saved?next={back}")
    response = client.post(f"/matches/{solar.id}/{investor.id}/mark/not_for_me?next={back}")
    action, fields, _label = _flash_form(client.get(response.location).get_data(as_text=True))
    client.post(action, data=fields)
    assert _mark_of("founder", solar, investor) == "saved"


def test_undo_leaves_an_answer_given_since_in_another_tab(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    client.post(f"/matches/{solar.id}/{investor.id}/mark/saved?next=/matches")
    response = client.post(f"/matches/{solar.id}/{investor.id}/mark/not_for_me?next=/matches")
    action, fields, _label = _flash_form(client.get(response.location).get_data(as_text=True))
    client.post(f"/matches/{solar.id}/{investor.id}/mark/interested?next=/matches")
    client.post(action, data=fields)
    assert _mark_of("investor", solar, investor) == "interested"


def _not_for_me_read(client, pitch, profile, back: str) -> None:
    """ "Not for me", and the page it lands on read, its message with it."""
    response = client.post(f"/matches/{pitch.id}/{profile.id}/mark/not_for_me?next={back}")
    client.get(response.location)


def _list_form(page: str, action: str) -> dict[str, str]:
    """The fields of the Undo form posting to `action` on a not-for-me list (not the one in
    the message of the "Not for me" just given, which the callers have already read)."""
    assert 'id="flashes"' not in page or "/clear" not in page[page.index('id="flashes"'):][:2000]
    form = re.search(rf'<form method="post" action="{re.escape(action)}[^"]*"[^>]*>(.*?)</form>',
                     page, re.S)
    assert form, f"no Undo form to {action}"
    return {name: html_lib.unescape(value) for name, value in
            re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(1))}


@pytest.mark.parametrize("before", ["saved", "interested"])
def test_undo_on_the_investors_not_for_me_list_puts_back_the_earlier_answer(
        client, auth, market, before):
    """Undo on "Pitches you marked not for me" undid the "Not for me" to no answer at all,
    where the same Undo in the message put the Saved or Interested back: a saved pitch was
    gone from "Saved pitches" if one undid it from the list instead."""
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    client.post(f"/matches/{solar.id}/{investor.id}/mark/{before}?next=/matches")
    _not_for_me_read(client, solar, investor, "/matches")
    action = f"/matches/{solar.id}/{investor.id}/clear"
    fields = _list_form(client.get("/matches/hidden").get_data(as_text=True), action)
    response = client.post(f"{action}?next=/matches/hidden", data=fields)
    assert response.status_code == 303
    assert _mark_of("investor", solar, investor) == before
    assert solar.title not in client.get("/matches/hidden").get_data(as_text=True)


def test_undo_on_the_founders_lists_puts_back_a_saved_investor(client, auth, market):
    """The founder's "Investors you marked not for me" and the pitch's own "Marked not for
    me" section alike."""
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(market["solar_founder"].email)
    back = f"/pitches/{solar.id}/matches"
    action = f"/matches/{solar.id}/{investor.id}/clear"
    for page in ("/matches/hidden", back):
        client.post(f"/matches/{solar.id}/{investor.id}/mark/saved?next={back}")
        _not_for_me_read(client, solar, investor, f"{back}")
        fields = _list_form(client.get(page).get_data(as_text=True), action)
        client.post(f"{action}?next={page}", data=fields)
        assert _mark_of("founder", solar, investor) == "saved", page


def test_undo_on_the_list_clears_a_not_for_me_with_nothing_before(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    client.post(f"/matches/{solar.id}/{investor.id}/mark/saved?next=/matches")
    client.post(f"/matches/{solar.id}/{investor.id}/mark/interested?next=/matches")
    client.post(f"/matches/{solar.id}/{investor.id}/clear?next=/matches")
    _not_for_me_read(client, solar, investor, "/matches")
    action = f"/matches/{solar.id}/{investor.id}/clear"
    fields = _list_form(client.get("/matches/hidden").get_data(as_text=True), action)
    client.post(f"{action}?next=/matches/hidden", data=fields)
    assert _mark_of("investor", solar, investor) is None


def test_undo_on_a_list_read_before_another_tabs_answer_leaves_that_answer(
        client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    _not_for_me_read(client, solar, investor, "/matches")
    action = f"/matches/{solar.id}/{investor.id}/clear"
    fields = _list_form(client.get("/matches/hidden").get_data(as_text=True), action)
    client.post(f"/matches/{solar.id}/{investor.id}/mark/saved?next=/matches")
    client.post(f"{action}?next=/matches/hidden", data=fields)
    assert _mark_of("investor", solar, investor) == "saved"
