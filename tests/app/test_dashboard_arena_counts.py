"""The dashboard's arena figures, counted by the database: each rule of the definitions on a
small set of arenas whose numbers are known by hand."""

from __future__ import annotations

from app.extensions import db
from app.models import MeetingFeedback
from app.services import dashboard
from tests.factories import (
    make_done_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
)

ZERO = dict.fromkeys(dashboard.METRICS, 0)


def figures(invited, accepted, attended, held, worth_it, follow_ups) -> dict[str, int]:
    return dict(zip(dashboard.METRICS, (invited, accepted, attended, held, worth_it,
                                        follow_ups), strict=True))


def said(meeting, invitation, worth_it=None, will_follow_up=None) -> None:
    db.session.add(MeetingFeedback(meeting_id=meeting.id, user_id=invitation.user_id,
                                   worth_it=worth_it, will_follow_up=will_follow_up))
    db.session.commit()


def arenas():
    green = make_done_arena(title="A", theme="green")
    founder = make_done_arena(title="B", theme="founder")
    foreign = make_done_arena(title="C", theme="open", hosts=("baerum",))

    fa1 = make_participant(green, "founder", attended=True)
    fa2 = make_participant(green, "founder", association="drammen", attended=True)
    fa3 = make_participant(green, "founder")  # attendance never marked
    ia1 = make_participant(green, "investor", attended=True)
    ia2 = make_participant(green, "investor", association="baerum", attended=False)
    ia3 = make_participant(green, "investor", association="drammen", attended=True)
    make_invitation(green, make_user("founder"), state="invited")
    make_invitation(green, make_user("investor", association="modum"), state="declined")
    make_invitation(green, make_user("founder"), state="proposed")  # never sent
    make_invitation(green, make_user("founder", association="kongsberg"), state="waiting_list")

    m1 = make_meeting(green, fa1, ia1, slot=0)  # held, worth it to both, a follow-up
    said(m1, fa1, worth_it=True, will_follow_up=True)
    said(m1, ia1, worth_it=True, will_follow_up=False)
    m2 = make_meeting(green, fa2, ia3, slot=1)  # held; worth it to one only; two Drammen members
    said(m2, fa2, worth_it=True)
    said(m2, ia3, worth_it=False)
    m3 = make_meeting(green, fa2, ia2, slot=0, table=1)  # ia2 absent here: not held
    said(m3, fa2, worth_it=True)
    said(m3, ia2, worth_it=True, will_follow_up=True)
    m4 = make_meeting(green, fa3, ia1, slot=1, table=1)  # fa3's attendance unknown: not held
    said(m4, fa3, worth_it=True)  # the investor never answered: not worth it to both
    cancelled = make_meeting(green, fa1, ia3, slot=2, state="cancelled")
    said(cancelled, fa1, worth_it=True, will_follow_up=True)
    said(cancelled, ia3, worth_it=True, will_follow_up=True)

    fb1 = make_participant(founder, "founder", attended=True)
    ib2 = make_invitation(founder, ia2.user, state="accepted", attended=True)  # ia2 came here
    make_meeting(founder, fb1, ib2)  # held

    fc = make_participant(foreign, "founder", association="baerum", attended=True)
    ic = make_participant(foreign, "investor", attended=True)
    said(make_meeting(foreign, fc, ic), ic, worth_it=True, will_follow_up=True)
    return green, founder, foreign


def by_key(rows) -> dict[str, dict[str, int]]:
    return {row.key: row.numbers for row in rows}


def test_staff_figures_per_arena_association_and_priority(app):
    green, founder, foreign = arenas()
    with app.test_request_context():
        data = dashboard.overview(make_user("staff", association="asker"))
    assert by_key(data["arenas"]) == {
        str(green.id): figures(8, 6, 4, 2, 2, 2),
        str(founder.id): figures(2, 2, 2, 1, 0, 0),
    }
    assert by_key(data["themes"]) == {"green": figures(8, 6, 4, 2, 2, 2),
                                      "founder": figures(2, 2, 2, 1, 0, 0), "open": ZERO}
    assert data["total"].numbers == figures(10, 8, 6, 3, 2, 2)
    assert by_key(data["associations"]) == {
        # fa1, fa3, ia1, fb1 and the unanswered founder; the proposal was never sent.
        # Meetings m1, m4 and B's (through fb1)
        "asker": figures(5, 4, 3, 2, 1, 1),
        # m2 is between two Drammen members and counts once
        "drammen": figures(2, 2, 2, 1, 1, 1),
        # ia2 in A (absent) and in B (present); m3 and B's meeting
        "baerum": figures(2, 2, 1, 1, 1, 1),
        "modum": figures(1, 0, 0, 0, 0, 0),
        "kongsberg": ZERO,
        "ringerike": ZERO,
    }


def test_admin_figures_include_every_arena(app):
    green, founder, foreign = arenas()
    with app.test_request_context():
        data = dashboard.overview(make_user("admin", association=None))
    assert by_key(data["arenas"])[str(foreign.id)] == figures(2, 2, 2, 1, 0, 1)
    assert by_key(data["themes"])["open"] == figures(2, 2, 2, 1, 0, 1)
    assert data["total"].numbers == figures(12, 10, 8, 4, 2, 3)
    assert by_key(data["associations"])["baerum"] == figures(3, 3, 2, 2, 1, 2)
    assert by_key(data["associations"])["asker"] == figures(6, 5, 4, 3, 1, 2)


def test_no_arenas_gives_zeros(app):
    with app.test_request_context():
        data = dashboard.overview(make_user("staff", association="ringerike"))
    assert data["arenas"] == []
    assert data["total"].numbers == ZERO
    assert all(row.numbers == ZERO for row in data["associations"] + data["themes"])


def test_a_draft_schedules_meetings_are_not_counted(app):
    """Staff built a schedule, never published it, and the arena was held: nobody was told
    of its meetings, so none was held, worth it or followed up; who came still counts."""
    draft = make_done_arena(title="D", theme="green")
    founder = make_participant(draft, "founder", attended=True)
    investor = make_participant(draft, "investor", attended=True)
    meeting = make_meeting(draft, founder, investor, published=False)
    said(meeting, founder, worth_it=True, will_follow_up=True)
    said(meeting, investor, worth_it=True, will_follow_up=True)
    with app.test_request_context():
        data = dashboard.overview(make_user("staff", association="asker"))
    assert by_key(data["arenas"]) == {str(draft.id): figures(2, 2, 2, 0, 0, 0)}
    assert by_key(data["themes"])["green"] == figures(2, 2, 2, 0, 0, 0)
    assert by_key(data["associations"])["asker"] == figures(2, 2, 2, 0, 0, 0)
    assert data["total"].numbers == figures(2, 2, 2, 0, 0, 0)


def test_the_statements_built_once_count_each_call_its_own_arenas(app):
    """Guard: the invitation and meeting statements are built once per process with the
    arena ids bound at each execution; a staff member's dashboard, an admin's, then each
    arena's own results, one after the other, each count only the arenas asked for."""
    green, founder, foreign = arenas()
    with app.test_request_context():
        staff = dashboard.overview(make_user("staff", association="asker"))
        admin = dashboard.overview(make_user("admin", association=None))
        alone = {arena.id: dashboard.arena_results(arena).numbers
                 for arena in (foreign, founder, green)}
        again = dashboard.overview(make_user("staff", association="baerum"))
    assert staff["total"].numbers == figures(10, 8, 6, 3, 2, 2)
    assert admin["total"].numbers == figures(12, 10, 8, 4, 2, 3)
    assert alone == {green.id: figures(8, 6, 4, 2, 2, 2), founder.id: figures(2, 2, 2, 1, 0, 0),
                     foreign.id: figures(2, 2, 2, 1, 0, 1)}
    assert by_key(again["arenas"]) == {str(foreign.id): figures(2, 2, 2, 1, 0, 1)}
    assert again["total"].numbers == figures(2, 2, 2, 1, 0, 1)
