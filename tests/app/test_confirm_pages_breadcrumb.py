"""The staff pages that ask before acting on a schedule lead back to it by the same
breadcrumb ("Schedule: <arena>", nb "Møteplan: <arena>"): the publish and re-run pages had
it, the cancel-meeting page had none (only its No button led back). The remove page leads
back to the invitation list it came from."""

from __future__ import annotations

import html
import re

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Meeting
from tests.app.test_staff_change_notices import founder_meeting_two


@pytest.fixture(params=("nb", "en"))
def staff_lang(request):
    return request.param


def _crumb(page: str) -> tuple[str, str]:
    found = re.search(r'<nav aria-label="[^"]+"><a href="([^"]+)">([^<]+)</a></nav>', page)
    assert found, "no breadcrumb"
    return html.unescape(found[1]), html.unescape(found[2])


def test_the_cancel_meeting_page_has_the_schedule_breadcrumb(client, staff, staff_lang):
    arena, founder, *_rest = founder_meeting_two(bokmaal="early")
    meeting = db.session.scalar(select(Meeting).where(
        Meeting.arena_id == arena.id, Meeting.founder_user_id == founder.user_id,
        Meeting.slot == 0))
    schedule = f"/staff/arenas/{arena.id}/schedule"
    with force_locale(staff_lang):
        label = f"{_('Schedule')}: {arena.title}"
        breadcrumb = _("Breadcrumb")
    page = client.get(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/cancel"
                      ).get_data(as_text=True)
    assert f'<nav aria-label="{breadcrumb}">' in page
    href, text = _crumb(page)
    assert href.split("?")[0] == schedule and text == label
    rerun = client.get(f"{schedule}/build").get_data(as_text=True)
    assert _crumb(rerun) == (schedule, label)
    remove = client.get(f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove"
                        ).get_data(as_text=True)
    with force_locale(staff_lang):
        assert _crumb(remove) == (f"/staff/arenas/{arena.id}/invitations",
                                  f"{_('Invitations')}: {arena.title}")
