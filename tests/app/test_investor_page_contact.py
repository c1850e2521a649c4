"""After mutual interest a founder opens the investor's page and finds who to contact there,
as the mutual-match page shows it: the person's name, the profile's contact e-mail and phone,
or, where the profile names none (both are optional), the person's own address and phone.
The page's "Contact" line was empty for a profile without them, and never named anyone."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.services import interest
from tests.factories import make_investor, make_pitch, make_user


def _contact(html: str) -> str | None:
    found = re.search(r"<dt[^>]*>(?:Contact|Kontakt)</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()) if found else None


def _mutual(founder, user, **profile):
    investor = make_investor(user, **profile)
    pitch = make_pitch(founder)
    interest.mark(founder, pitch.id, investor.id, "interested")
    interest.mark(user, pitch.id, investor.id, "interested")
    db.session.commit()
    return investor


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_profile_without_contact_details_shows_the_persons_own(client, auth, lang):
    founder = make_user("founder", locale=lang)
    user = make_user("investor", "ida@fjordkapital.no", name="Ida Solberg", phone="+47 911 22 333")
    investor = _mutual(founder, user, contact_email=None, contact_phone=None)
    auth.login(founder.email)
    html = client.get(f"/investors/{investor.id}").get_data(as_text=True)
    assert _contact(html) == "Ida Solberg · ida@fjordkapital.no · +47 911 22 333"
    assert 'href="mailto:ida@fjordkapital.no"' in html


def test_the_profiles_contact_details_come_first(client, auth):
    founder = make_user("founder", locale="en")
    user = make_user("investor", "ida@fjordkapital.no", name="Ida Solberg")
    investor = _mutual(founder, user, contact_email="deals@fjordkapital.no",
                       contact_phone="+47 400 00 000")
    auth.login(founder.email)
    html = client.get(f"/investors/{investor.id}").get_data(as_text=True)
    assert _contact(html) == "Ida Solberg · deals@fjordkapital.no · +47 400 00 000"
    assert "ida@fjordkapital.no" not in html


def test_without_mutual_interest_there_is_no_contact_line(client, auth):
    founder = make_user("founder", locale="en")
    user = make_user("investor", "ida@fjordkapital.no", name="Ida Solberg")
    investor = make_investor(user, contact_email=None)
    auth.login(founder.email)
    html = client.get(f"/investors/{investor.id}").get_data(as_text=True)
    assert _contact(html) is None and "ida@fjordkapital.no" not in html
