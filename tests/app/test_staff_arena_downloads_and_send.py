"""The staff arena pages offer a download only when it holds a row, in one "Download" menu
(six links on every page, a fresh draft's each an empty file, took three rows on a phone),
and the invitation list leads with a proposal while nobody is proposed (its main button was
"Send invitations to everyone proposed", which then only said there was nobody to invite)."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_arena, make_invitation, make_meeting, make_participant, make_user

PAGES = ("/staff/arenas/{id}", "/staff/arenas/{id}/invitations",
         "/staff/arenas/{id}/schedule", "/staff/arenas/{id}/attendance")


@pytest.fixture
def staff(auth):
    user = make_user("staff", association="asker")
    auth.login(user.email)
    return user


def _export_links(client, url: str) -> list[str]:
    html = client.get(url).get_data(as_text=True)
    return re.findall(r'href="(/[^"]*arenas/\d+/[^"]*(?:\.csv|\.xlsx))"', html)


def test_a_fresh_draft_offers_nothing_to_download(client, staff):
    arena = make_arena(status="draft")
    for page in PAGES:
        url = page.format(id=arena.id)
        html = client.get(url).get_data(as_text=True)
        assert client.get(url).status_code == 200
        assert _export_links(client, url) == [], url
        assert 'id="arena-downloads"' not in html


def test_only_the_tables_that_hold_rows_are_offered(client, staff):
    arena = make_arena(status="draft")
    make_invitation(arena, make_user("founder"), state="proposed")
    links = _export_links(client, f"/staff/arenas/{arena.id}")
    assert links and all("invitations" in link for link in links), links
    assert len(links) == 2  # CSV and Excel

    make_participant(arena, "founder")  # sent and answered: answers too
    links = _export_links(client, f"/staff/arenas/{arena.id}")
    assert {("invitations" in x, "answers" in x) for x in links} == {(True, False),
                                                                     (False, True)}
    assert not any("meetings" in link for link in links)


def test_the_downloads_are_one_menu_once_there_is_a_schedule(client, staff):
    arena = make_arena(status="scheduled")
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor)
    for page in PAGES:
        html = client.get(page.format(id=arena.id)).get_data(as_text=True)
        menu = html[html.index('id="arena-downloads"'):]
        menu = menu[:menu.index("</ul>")]
        assert 'data-bs-toggle="dropdown"' in menu and ">Download</button>" in menu
        for kind in ("invitations", "answers", "meetings"):
            assert f'/export/{kind}.csv"' in menu
        assert len(re.findall(r'class="dropdown-item"', menu)) == 6
        # no export link outside the menu
        rest = html.replace(menu, "")
        assert ".csv" not in rest and ".xlsx" not in rest


def test_with_nobody_proposed_the_list_leads_with_a_proposal(client, staff):
    arena = make_arena(status="draft")
    html = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    send = f"/staff/arenas/{arena.id}/invitations/send"
    assert f'href="{send}"' not in html
    assert "Send invitations to everyone proposed" not in html
    propose = html[html.index(f'action="/staff/arenas/{arena.id}/invitations/propose"'):]
    assert propose.index('class="btn btn-koble"') < propose.index("</form>")
    assert 'id="nothing-to-send"' in html
    assert "There is nobody to invite. Ask for a proposal or add people." in html
    # the send page still refuses, as before
    response = client.get(send)
    assert response.status_code == 302


def test_with_someone_proposed_sending_is_the_main_action(client, staff):
    arena = make_arena(status="draft")
    make_invitation(arena, make_user("founder"), state="proposed")
    html = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    send = f"/staff/arenas/{arena.id}/invitations/send"
    assert f'<a class="btn btn-koble" href="{send}">' in html
    assert 'id="nothing-to-send"' not in html
    propose = html[html.index(f'action="/staff/arenas/{arena.id}/invitations/propose"'):]
    assert propose.index('class="btn btn-outline-primary"') < propose.index("</form>")
