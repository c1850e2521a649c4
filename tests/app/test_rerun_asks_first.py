"""Re-running a published schedule e-mails everyone whose meetings change, and sent e-mails
cannot be taken back: like publishing and cancelling a meeting, it asks first. The schedule
page's button was a form that re-ran at one click (the exploratory test of 7 Dec: five
people e-mailed at once, with no question and no count); now it is a link to a page that
says what happens, with Yes (the re-run) and No (back to the schedule). A draft is still
built again at once: that tells nobody."""

from __future__ import annotations

import html

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import escape

from app.extensions import db
from app.models import Arena
from tests.factories import outbox_of

LANGS = ("nb", "en")


@pytest.fixture(params=LANGS)
def staff_lang(request):
    return request.param


def _said(lang: str, msgid: str) -> str:
    with force_locale(lang):
        return html.escape(_(msgid), quote=False)


def _published(client, arena) -> None:
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert client.post(f"/staff/arenas/{arena.id}/schedule/publish").status_code == 302
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).schedule_published


def test_a_published_schedule_is_re_run_after_a_page_that_asks(app, client, staff, staff_lang,
                                                               fitting_room):
    arena, _founders, _investors = fitting_room
    _published(client, arena)
    mails = len(outbox_of(app))
    build = f"/staff/arenas/{arena.id}/schedule/build"

    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert f'action="{build}"' not in page  # no form that re-runs at one click
    assert f'href="{build}"' in page
    assert _said(staff_lang, "Re-run the schedule and tell those whose meetings change "
                             "(locked meetings stay)…") in page

    response = client.get(build)
    assert response.status_code == 200
    asking = response.get_data(as_text=True)
    assert _said(staff_lang, "Re-run the published schedule now? Locked meetings and meetings "
                             "that have begun stay where they are; the others may be moved, "
                             "and new ones added. Everyone whose meetings change is told in "
                             "the app and by e-mail.") in asking
    assert _said(staff_lang, "Sent e-mails cannot be taken back.") in asking
    assert f'action="{build}"' in asking
    assert _said(staff_lang, "Yes, re-run and tell those whose meetings change") in asking
    assert _said(staff_lang, "No, back to the schedule") in asking
    assert f'href="/staff/arenas/{arena.id}/schedule"' in asking
    assert len(outbox_of(app)) == mails  # asking tells nobody

    response = client.post(build)  # Yes: the re-run, as before
    assert response.status_code == 302
    done = client.get(response.location).get_data(as_text=True)
    with force_locale(staff_lang):
        said = _("The schedule is run again: %(made)s Nobody's meetings changed, so nobody "
                 "is told.", made="\0").split("\0")[0]
    assert html.escape(said, quote=False) in done


def test_a_re_run_that_changes_nothing_says_nobody_is_told(app, client, staff, staff_lang,
                                                           fitting_room):
    """The re-run's message says how many were told; "Those whose meetings changed are
    told" read the same when nobody was."""
    arena, _founders, _investors = fitting_room
    _published(client, arena)
    mails = len(outbox_of(app))
    response = client.post(f"/staff/arenas/{arena.id}/schedule/build")
    done = client.get(response.location).get_data(as_text=True)
    assert len(outbox_of(app)) == mails
    with force_locale(staff_lang):
        said = _("The schedule is run again: %(made)s Nobody's meetings changed, so nobody "
                 "is told.", made="\0").split("\0")[1]
    assert str(escape(said)) in done


def test_a_draft_is_built_again_at_once_and_its_address_asks_nothing(client, staff, staff_lang,
                                                                    fitting_room):
    arena, _founders, _investors = fitting_room
    build = f"/staff/arenas/{arena.id}/schedule/build"
    assert client.post(build).status_code == 302
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert f'action="{build}"' in page
    assert _said(staff_lang, "Build the draft again (locked meetings stay)") in page
    response = client.get(build)  # nothing to ask: back to the schedule
    assert response.status_code == 302
    assert response.location.endswith(f"/staff/arenas/{arena.id}/schedule")
