"""The staff dashboard: numbers equal the rows, charts are accessible and CSP-safe."""

from __future__ import annotations

import re

from app.extensions import db
from app.models import MeetingFeedback
from tests.factories import make_arena, make_invitation, make_meeting, make_participant, make_user


def numbers(html: str, table_id: str, key: str) -> dict[str, int]:
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    row = re.search(rf'<tr data-key="{re.escape(key)}">(.*?)</tr>', table, re.S).group(1)
    return {m: int(v) for m, v in re.findall(r'data-metric="(\w+)">(\d+)<', row)}


def scenario():
    green = make_arena(title="Grønn arena", theme="green", status="scheduled")
    founder_support = make_arena(title="Gründerarena", theme="founder")
    foreign = make_arena(title="Bærum-arena", hosts=("baerum",))
    f1 = make_participant(green, "founder", attended=True)
    f2 = make_participant(green, "founder", association="drammen", attended=True)
    i1 = make_participant(green, "investor", attended=True)
    i2 = make_participant(green, "investor", association="baerum", attended=False)
    make_invitation(green, make_user("founder"), state="invited")
    make_invitation(green, make_user("investor"), state="declined")
    make_invitation(green, make_user("founder"), state="proposed")  # not sent: not invited
    held = make_meeting(green, f1, i1, slot=0, table=0)
    make_meeting(green, f2, i1, slot=1, table=0)  # held too
    no_show = make_meeting(green, f2, i2, slot=0, table=1)  # i2 absent: not held
    make_meeting(green, f1, i2, slot=1, table=1, state="cancelled")
    db.session.add_all([
        MeetingFeedback(meeting_id=held.id, user_id=f1.user_id, worth_it=True,
                        will_follow_up=True),
        MeetingFeedback(meeting_id=held.id, user_id=i1.user_id, worth_it=True,
                        will_follow_up=False),
        MeetingFeedback(meeting_id=no_show.id, user_id=f2.user_id, worth_it=False,
                        will_follow_up=True),
    ])
    db.session.commit()
    make_participant(founder_support, "founder")
    make_invitation(founder_support, make_user("investor"), state="invited")
    make_participant(foreign, "founder")
    return green, founder_support, foreign


def test_dashboard_numbers_equal_the_rows(client, auth):
    green, founder_support, foreign = scenario()
    auth.login(make_user("staff", association="asker").email)
    page = client.get("/staff/dashboard")
    assert page.status_code == 200
    html = page.data.decode()
    assert numbers(html, "table-arenas", str(green.id)) == {
        "invited": 6, "accepted": 4, "attended": 3, "meetings_held": 2,
        "mutual_interest": 1, "follow_ups": 2}
    assert numbers(html, "table-arenas", str(founder_support.id)) == {
        "invited": 2, "accepted": 1, "attended": 0, "meetings_held": 0,
        "mutual_interest": 0, "follow_ups": 0}
    assert f'data-key="{foreign.id}"' not in html.split('id="table-arenas"')[1]
    assert numbers(html, "table-themes", "green")["invited"] == 6
    assert numbers(html, "table-themes", "founder")["accepted"] == 1
    assert numbers(html, "table-total", "total")["invited"] == 8
    # Drammen: one founder (f2), in two scheduled meetings, one held, one follow-up
    assert numbers(html, "table-associations", "drammen") == {
        "invited": 1, "accepted": 1, "attended": 1, "meetings_held": 1,
        "mutual_interest": 0, "follow_ups": 1}
    assert numbers(html, "table-associations", "baerum")["meetings_held"] == 0


def test_charts_are_accessible_svg_without_inline_styles_or_scripts(client, auth):
    scenario()
    auth.login(make_user("staff", association="asker").email)
    html = client.get("/staff/dashboard").data.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert svgs
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert "style=" not in svg
    assert "<script" not in html.split("<main")[1].split("</main>")[0]
    assert "style=" not in html.split("<main")[1].split("</main>")[0]
    assert "cdn" not in html.split("<main")[1].lower().split("</main>")[0]


def test_admin_sees_every_arena(client, auth):
    _green, _fs, foreign = scenario()
    auth.login(make_user("admin", association=None).email)
    html = client.get("/staff/dashboard").data.decode()
    assert numbers(html, "table-arenas", str(foreign.id))["accepted"] == 1


def test_dashboard_wrong_role_403(client, auth):
    auth.login(make_user("investor").email)
    assert client.get("/staff/dashboard").status_code == 403
