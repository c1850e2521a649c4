"""The engine's proposed invitations, the staff's edits, and sending them by e-mail."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale, format_date
from markupsafe import escape

from app.extensions import db
from app.models import Arena, AuditEvent, InvestorProfile, Invitation, PageVersion, Pitch
from app.services import interest, invitation_proposal
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_investor,
    make_invitation,
    make_participant,
    make_pitch,
    make_user,
    outbox_of,
)


@pytest.fixture
def staff(auth):
    user = make_user("staff", association="asker")
    auth.login(user.email)
    return user


def _green_pitch(association="asker", **fields):
    owner = make_user("founder", association=association)
    return make_pitch(owner, sectors=["energy"], stage="growth",
                      green_objectives=["climate_mitigation", "circular_economy"], **fields)


def _plain_pitch(association="asker", **fields):
    owner = make_user("founder", association=association)
    return make_pitch(owner, title="Regnskapsapp", sectors=["ict_software"], stage="seed",
                      green_objectives=[], support_needs=["capital"], **fields)


def _investor(association="asker", **fields):
    values = {"sectors": ["energy", "ict_software"], "stages": ["seed", "growth"],
              "green_mandate": "required",
              "green_objectives": ["climate_mitigation", "circular_economy"]}
    values.update(fields)
    return make_investor(make_user("investor", association=association), **values)


def follow(client, response):
    """The page a POST redirected to (follow_redirects does not fit the isolated client)."""
    assert response.status_code == 302, response.status_code
    return client.get(response.headers["Location"])


def _rows(arena, side=None, state=None):
    query = db.session.query(Invitation).filter_by(arena_id=arena.id)
    if side:
        query = query.filter_by(side=side)
    if state:
        query = query.filter_by(state=state)
    return query.order_by(Invitation.rank).all()


def test_proposal_keeps_capacities_and_the_k_constraint(client, staff):
    for n in range(4):
        _green_pitch(association=("asker", "baerum")[n % 2])
        _plain_pitch()
    for n in range(6):
        _investor(association=("asker", "drammen", "baerum")[n % 3])
    arena = make_arena(founder_capacity=3, investor_capacity=4, status="draft")
    response = client.post(f"/staff/arenas/{arena.id}/invitations/propose")
    assert response.status_code == 302
    founders = _rows(arena, "founder", "proposed")
    investors = _rows(arena, "investor", "proposed")
    assert 0 < len(founders) <= 3 and 0 < len(investors) <= 4
    assert len(_rows(arena, "founder", "waiting_list")) >= 1
    # Every proposed founder has at least k good investors among the proposed investors.
    cands = invitation_proposal.gather("green")
    row_of = {p.id: r for r, p in enumerate(cands.pitches)}
    col_of = {i.user_id: c for c, i in enumerate(cands.investors)}
    for inv in founders:
        values = [cands.values[row_of[inv.pitch_id], col_of[i.user_id]] for i in investors]
        assert sum(v >= cands.good for v in values) >= arena.good_investors_k
        assert inv.reasons["good"] >= 3 and inv.reasons["top"]
    # One invitation per person; founders come through a published pitch.
    assert len({i.user_id for i in _rows(arena)}) == len(_rows(arena))
    assert all(i.pitch_id for i in _rows(arena, "founder"))
    assert db.session.query(AuditEvent).filter_by(action="invitations_proposed").count() == 1
    page = client.get(f"/staff/arenas/{arena.id}/invitations")
    assert page.status_code == 200 and b"good investors in the room" in page.data


def test_green_arena_favours_green_pitches(client, staff):
    green = [_green_pitch() for _ in range(3)]
    plain = [_plain_pitch() for _ in range(3)]
    for _ in range(4):
        # the plain pitches' stage: a closer facet match; "preferred", as a required green
        # mandate keeps the plain pitches out whatever the theme
        _investor(stages=["seed"], green_mandate="preferred")
    open_arena = make_arena(theme="open", founder_capacity=3, investor_capacity=4)
    green_arena = make_arena(theme="green", founder_capacity=3, investor_capacity=4)
    client.post(f"/staff/arenas/{open_arena.id}/invitations/propose")
    client.post(f"/staff/arenas/{green_arena.id}/invitations/propose")
    chosen_green = {i.pitch_id for i in _rows(green_arena, "founder", "proposed")}
    chosen_open = {i.pitch_id for i in _rows(open_arena, "founder", "proposed")}
    assert chosen_green == {p.id for p in green}
    assert chosen_open == {p.id for p in plain}  # without the theme, the closer facets win


def test_founder_theme_favours_early_stages(app):
    seed = make_pitch(stage="seed", support_needs=["mentoring", "network"])
    growth = make_pitch(stage="growth", support_needs=[])
    assert (invitation_proposal.founder_theme_bonus("founder", seed)
            > invitation_proposal.founder_theme_bonus("founder", growth))


def test_founder_theme_rewards_support_beyond_capital_not_capital(app):
    """Capital is what nearly every pitch asks for: in a founder-support arena it earns no
    bonus, as capital among an investor's offers earns none."""
    bonus = invitation_proposal.founder_theme_bonus
    assert bonus("founder", make_pitch(stage="growth", support_needs=["capital"])) == 0
    capital_only = make_pitch(stage="idea", support_needs=["capital"])
    mentoring = make_pitch(stage="idea", support_needs=["capital", "mentoring"])
    assert bonus("founder", mentoring) > bonus("founder", capital_only) > 0
    money = make_investor(stages=["growth"], support_offers=["capital"])
    assert invitation_proposal.investor_theme_bonus("founder", money) == 0


def test_greedy_proposal_respects_association_quotas():
    import numpy as np

    values = np.full((6, 4), 0.9)
    values[:4] += 0.05  # the asker founders are a little better
    groups = ["asker"] * 4 + ["baerum"] * 2
    result = invitation_proposal.greedy_propose(values, 3, 4, 3, 0.5, groups, ["a"] * 4)
    chosen = [groups[f] for f in result["founders"]]
    assert len(chosen) == 3 and chosen.count("baerum") >= 1


def test_staff_add_remove_and_reorder(client, staff):
    arena = make_arena(founder_capacity=2, investor_capacity=2, status="draft")
    pitches = [_green_pitch() for _ in range(3)]
    for pitch in pitches:
        found = client.get(f"/staff/arenas/{arena.id}/invitations",
                           query_string={"q": pitch.owner.email})
        assert pitch.owner.name.encode() in found.data
        client.post(f"/staff/arenas/{arena.id}/invitations/add",
                    data={"user_id": pitch.owner_id})
    rows = _rows(arena, "founder")
    assert [r.user_id for r in rows] == [p.owner_id for p in pitches]
    assert [r.state for r in rows] == ["proposed", "proposed", "waiting_list"]
    # Adding twice is refused with a message.
    again = follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/add",
                                       data={"user_id": pitches[0].owner_id}))
    assert b"already on the list" in again.data
    # A founder without a published pitch cannot be added.
    lonely = make_user("founder")
    client.post(f"/staff/arenas/{arena.id}/invitations/add", data={"user_id": lonely.id})
    assert len(_rows(arena, "founder")) == 3
    # Move the third up: it takes the second seat; the second goes to the waiting list.
    client.post(f"/staff/arenas/{arena.id}/invitations/{rows[2].id}/move",
                data={"direction": "up"})
    db.session.expire_all()
    rows = _rows(arena, "founder")
    assert [r.user_id for r in rows] == [pitches[0].owner_id, pitches[2].owner_id,
                                         pitches[1].owner_id]
    assert [r.state for r in rows] == ["proposed", "proposed", "waiting_list"]
    # Remove the first: the waiting one moves up into a seat.
    client.post(f"/staff/arenas/{arena.id}/invitations/{rows[0].id}/remove")
    db.session.expire_all()
    rows = _rows(arena, "founder")
    assert [r.user_id for r in rows] == [pitches[2].owner_id, pitches[1].owner_id]
    assert [r.state for r in rows] == ["proposed", "proposed"]
    assert db.session.query(AuditEvent).filter(AuditEvent.action.like("invitation_%")).count() >= 5


def _flash(page) -> str:
    """The flashed alert of a page: its category and text."""
    found = re.search(r'<div class="alert alert-(\w+) alert-dismissible"[^>]*>(.*?)<button',
                      page.get_data(as_text=True), re.S)
    assert found, "no message"
    return f"{found.group(1)}: {re.sub(r'<[^>]+>', '', found.group(2)).strip()}"


def _add(client, arena, user_id):
    return _flash(follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/add",
                                             data={"user_id": user_id})))


@pytest.mark.parametrize("user_id", ["²", "٣", str(2**63)])
def test_adding_an_id_that_is_no_id_is_a_bad_request(client, staff, user_id):
    """'²'.isdigit() is true but int('²') raises: the add button's id was a 500."""
    arena = make_arena(status="draft")
    response = client.post(f"/staff/arenas/{arena.id}/invitations/add", data={"user_id": user_id})
    assert response.status_code == 400
    assert _rows(arena) == []


def test_adding_to_a_full_list_says_it_went_to_the_waiting_list(client, staff):
    arena = make_arena(founder_capacity=2, investor_capacity=2, status="inviting")
    first, second, third, fourth = (_green_pitch() for _ in range(4))
    assert _add(client, arena, first.owner_id) == "success: Added to the list."
    assert _add(client, arena, second.owner_id) == "success: Added to the list."
    assert _add(client, arena, third.owner_id) == (
        f"warning: {escape(third.owner.name)} was put on the waiting list: the list is full "
        "(2 of 2). Move them up to give them a seat.")
    assert [r.state for r in _rows(arena, "founder")] == ["proposed", "proposed", "waiting_list"]
    client.post("/language", data={"lang": "nb"})
    assert _add(client, arena, fourth.owner_id) == (
        f"warning: {escape(fourth.owner.name)} ble satt på ventelisten: listen er full "
        "(2 av 2). Flytt personen opp for å gi vedkommende en plass.")
    # Seats already taken by an accepted invitation count: one seat left, then full.
    make_participant(arena, "investor")
    investors = [_investor() for _ in range(2)]
    assert _add(client, arena, investors[0].user_id) == "success: Lagt til i listen."
    assert _add(client, arena, investors[1].user_id).startswith(
        f"warning: {escape(investors[1].user.name)} ble satt på ventelisten")
    assert [r.state for r in _rows(arena, "investor")] == [
        "accepted", "proposed", "waiting_list"]


def test_other_arenas_invitation_cannot_be_touched(client, staff):
    mine = make_arena()
    theirs = make_arena(hosts=("baerum",))
    pitch = _green_pitch()
    client.post(f"/staff/arenas/{theirs.id}/invitations/add", data={"user_id": pitch.owner_id})
    assert _rows(theirs) == []
    from tests.factories import make_invitation

    other = make_invitation(theirs, pitch.owner, state="proposed")
    assert client.post(f"/staff/arenas/{mine.id}/invitations/{other.id}/remove").status_code == 404
    assert db.session.get(Invitation, other.id) is not None


def test_send_mails_invitees_with_a_working_rsvp_link(app, client, staff, auth):
    arena = make_arena(status="draft", founder_capacity=1, investor_capacity=1)
    pitch = _green_pitch()
    waiting = _green_pitch()
    investor = _investor()
    for user_id in (pitch.owner_id, waiting.owner_id, investor.user_id):
        client.post(f"/staff/arenas/{arena.id}/invitations/add", data={"user_id": user_id})
    response = follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/send"))
    assert b"Invitations sent: 2" in response.data
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "inviting"
    states = {i.user_id: i.state for i in _rows(arena)}
    assert states == {pitch.owner_id: "invited", waiting.owner_id: "waiting_list",
                      investor.user_id: "invited"}
    mails = outbox_of(app)
    assert sorted(m.to[0] for m in mails) == sorted([pitch.owner.email, investor.user.email])
    assert db.session.query(AuditEvent).filter_by(action="invitations_sent").count() == 1
    body = mails[0].body
    link = re.search(r"http://\S+/arenas/rsvp/\S+", body).group(0)
    assert arena.title in body
    # The link works without logging in.
    auth.logout()
    page = client.get(link)
    assert page.status_code == 200 and arena.title.encode() in page.data
    assert b'value="accept"' in page.data
    # Invitations also show on the invitee's page.
    auth.login(pitch.owner.email)
    assert arena.title.encode() in client.get("/arenas").data
    assert client.get(f"/arenas/{arena.id}").status_code == 200
    # The waiting founder was never invited and does not see the arena.
    auth.logout()
    auth.login(waiting.owner.email)
    assert arena.title.encode() not in client.get("/arenas").data
    assert client.get(f"/arenas/{arena.id}").status_code == 404


def test_send_with_nobody_proposed_says_so(client, staff):
    arena = make_arena(status="draft")
    response = follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/send"))
    assert b"nobody to invite" in response.data
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "draft"


def test_staff_cannot_read_the_outbox_of_everyone_s_mail(tmp_path):
    """The outbox holds other people's reset, e-mail-change and RSVP links: admins only."""
    from app import create_app
    from app.services.mailer import send_mail

    dev = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "MAIL_BACKEND": "file",
                      "MAIL_FILE_PATH": str(tmp_path / "outbox")})
    with dev.test_request_context():
        send_mail("a@example.no", "Nytt passord", "email/reset_password",
                  user=type("U", (), {"name": "Åse"})(), link="http://x/reset/secret")
    with dev.app_context():
        from app.services.reference import ensure_associations

        db.create_all()
        ensure_associations()
        pages = []
        for association in ("asker", "modum"):
            staff = make_user("staff", association=association)
            client = dev.test_client()
            client.post("/auth/login", data={"email": staff.email,
                                             "password": DEFAULT_PASSWORD})
            pages.append((client.get("/staff/outbox"), client.get("/staff/arenas")))
        db.session.remove()
    for outbox_page, arena_list in pages:
        assert outbox_page.status_code == 403
        assert b"/x/reset/secret" not in outbox_page.data
        assert b"/staff/outbox" not in arena_list.data  # no link to a page they cannot open


def test_outbox_is_missing_without_the_file_backend(client, auth):
    auth.login(make_user("admin").email)
    assert client.get("/staff/outbox").status_code == 404  # tests use the memory backend


def test_outbox_lists_mails_written_by_the_file_backend(tmp_path):
    from app import create_app
    from app.services import outbox
    from app.services.mailer import send_mail

    dev = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "MAIL_BACKEND": "file",
                      "MAIL_FILE_PATH": str(tmp_path / "outbox")})
    with dev.test_request_context():
        send_mail("a@example.no", "Invitation: Første", "email/reset_password",
                  user=type("U", (), {"name": "Åse"})(), link="http://x/1")
        send_mail("b@example.no", "Invitation: Andre", "email/reset_password",
                  user=type("U", (), {"name": "Per"})(), link="http://x/2")
        mails = outbox.latest()
    assert {m.subject for m in mails} == {"Invitation: Første", "Invitation: Andre"}
    assert any("Åse" in m.body and "http://x/1" in m.body for m in mails)
    with dev.app_context():
        from app.services.reference import ensure_associations

        db.create_all()
        ensure_associations()
        admin = make_user("admin")
        client = dev.test_client()
        client.post("/auth/login", data={"email": admin.email, "password": DEFAULT_PASSWORD})
        client.post("/language", data={"lang": "nb"})
        page = client.get("/staff/outbox")
        listed = client.get("/staff/arenas").get_data(as_text=True)
        db.session.remove()
    assert page.status_code == 200
    assert "/staff/outbox" in listed
    html = page.get_data(as_text=True)
    assert "Invitation: Første" in html
    # the date in the reader's (bokmål) format, not the e-mail header's English one
    sent = mails[0].date
    assert sent is not None
    with dev.test_request_context(), force_locale("nb"):
        assert format_date(sent, "medium") in html  # "5. des. 2026", not "Sat, 05 Dec"
    assert sent.strftime("%a, ") not in html


def test_a_pair_that_said_not_for_me_adds_nothing_to_the_room(app):
    """Excluded pairs have no stored score; they must not fall back to a facet guess."""
    pitch = _green_pitch()
    turned_down, other = _investor(), _investor()
    before = invitation_proposal.gather("green")
    col = {i.id: c for c, i in enumerate(before.investors)}
    assert before.values[0, col[turned_down.id]] > 0
    interest.mark(turned_down.user, pitch.id, turned_down.id, "not_for_me")
    after = invitation_proposal.gather("green")
    assert after.values[0, col[turned_down.id]] == 0
    assert after.values[0, col[other.id]] == before.values[0, col[other.id]]


def _seed_pitch():
    return make_pitch(make_user("founder", association="asker"), sectors=["energy"],
                      stage="seed", ask_nok=3_000_000,
                      green_objectives=["climate_mitigation", "circular_economy"])


def test_a_pair_the_engines_filters_keep_out_adds_nothing_to_the_room(app):
    """The engine stores no score for a pair its hard filters keep out, and the schedule
    suggests meetings from stored scores only: a facet guess for such a pair proposed a
    growth-only fund for a room of seed pitches, and it got no meeting at the arena."""
    pitch = _seed_pitch()
    plain = _plain_pitch()  # no green objectives
    growth_only = _investor(stages=["growth"], stages_only=True)
    far_ticket = _investor(ticket_min=200_000_000, ticket_max=500_000_000, ticket_only=True)
    green_required = _investor(green_mandate="required")
    open_minded = _investor(stages=["growth"], ticket_min=200_000_000,
                            ticket_max=500_000_000, green_mandate="preferred")
    cands = invitation_proposal.gather("open")
    row = {p.id: r for r, p in enumerate(cands.pitches)}
    col = {i.id: c for c, i in enumerate(cands.investors)}
    value = lambda p, i: cands.values[row[p.id], col[i.id]]  # noqa: E731
    assert value(pitch, growth_only) == 0 and value(pitch, far_ticket) == 0
    assert value(plain, green_required) == 0 and value(pitch, green_required) > 0
    # the same facets without "only": a weaker fit, not none
    assert value(pitch, open_minded) > 0 and value(plain, open_minded) > 0


def test_proposal_leaves_out_an_investor_who_could_meet_nobody(client, staff):
    for _ in range(3):
        _seed_pitch()
    growth_only = _investor(stages=["growth"], stages_only=True, sectors=["energy"])
    other = _investor(stages=["series_a"], sectors=["ict_software"])
    arena = make_arena(founder_capacity=3, investor_capacity=1, status="draft")
    assert client.post(f"/staff/arenas/{arena.id}/invitations/propose").status_code == 302
    proposed = {i.user_id for i in _rows(arena, "investor", "proposed")}
    assert proposed == {other.user_id}
    assert growth_only.user_id not in {i.user_id for i in _rows(arena, "investor")
                                       if i.state == "proposed"}


def test_person_search_finds_by_name_part_or_whole_address_only(client, staff):
    """Part of an address finds nobody: staff may not see other associations' addresses,
    and a search that matched fragments would let them test guesses."""
    arena = make_arena(status="draft")
    owner = make_user("founder", "kari.nordmann@example.no", name="Kari Solberg",
                      association="modum")
    make_pitch(owner)
    url = f"/staff/arenas/{arena.id}/invitations"

    def finds(q: str) -> bool:
        return "Kari Solberg" in client.get(url, query_string={"q": q}).get_data(as_text=True)

    assert finds("solberg") and finds("KARI.NORDMANN@example.no")
    assert not finds("nordmann@") and not finds("kari.nordmann")


def test_person_search_finds_investors_by_organisation(client, staff):
    """The results name each investor's organisation, but searching for it found nobody."""
    arena = make_arena(status="draft")
    make_investor(make_user("investor", name="Per Hansen", association="modum"),
                  organisation="Grønn Fjord Kapital AS")
    other = make_investor(make_user("investor", name="Lise Berg"), organisation="Sol AS")
    url = f"/staff/arenas/{arena.id}/invitations"
    page = client.get(url, query_string={"q": "GRØNN FJORD"}).get_data(as_text=True)
    assert "Add Per Hansen" in page and "Add Lise Berg" not in page
    # and one already on the list is said to be there, found the same way
    make_invitation(arena, other.user, state="proposed")
    page = client.get(url, query_string={"q": "sol as"}).get_data(as_text=True)
    assert "Lise Berg is already on the list." in page


def test_a_proposal_with_nobody_in_it_says_so_instead_of_ready(client, staff):
    # Every seat is invited already: "The engine's proposal is ready. Check it, then send."
    # was followed by "There is nobody to invite" on Send.
    arena = make_arena(founder_capacity=1, investor_capacity=1)
    make_invitation(arena, _green_pitch().owner)
    make_invitation(arena, _investor().user)
    _green_pitch()
    _investor()
    full = _flash(follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/propose")))
    assert full.startswith("warning:") and "Every seat" in full
    assert _rows(arena, state="proposed") == []
    # Free seats, but no candidate at all: nobody published a pitch or keeps a profile here.
    empty = make_arena(founder_capacity=3, investor_capacity=3, theme="green")
    for pitch in db.session.query(Pitch).all():
        pitch.hidden = True
    db.session.commit()
    none = _flash(follow(client, client.post(f"/staff/arenas/{empty.id}/invitations/propose")))
    assert none.startswith("warning:") and "nobody" in none and "ready" not in none


def test_a_proposal_says_how_many_it_proposes(client, staff):
    for _ in range(3):
        _green_pitch()
    for _ in range(4):
        _investor()
    arena = make_arena(founder_capacity=2, investor_capacity=3)
    said = _flash(follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/propose")))
    founders = len(_rows(arena, "founder", "proposed"))
    investors = len(_rows(arena, "investor", "proposed"))
    assert said.startswith("success:")
    assert f"{founders} founders, {investors} investors" in said or (
        f"{founders} founder" in said and f"{investors} investor" in said)


def _unsent(arena) -> list[tuple]:
    db.session.expire_all()
    return [(i.id, i.user_id, i.state, i.rank, i.reasons) for i in _rows(arena)
            if i.state in ("proposed", "waiting_list")]


def _page_version() -> int:
    db.session.expire_all()
    return db.session.get(PageVersion, 1).version


UNCHANGED = {"nb": "Listen over dem som ikke er invitert ennå, er som før.",
             "en": "The list of people not yet invited is as it was."}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_proposal_that_finds_nobody_keeps_the_waiting_list_added_by_hand(client, staff,
                                                                           lang):
    # Every seat is taken, so the staff member put a founder on the waiting list by hand;
    # "Propose" then found nobody for the full room and deleted that waiting list.
    arena = make_arena(founder_capacity=1, investor_capacity=1)
    make_invitation(arena, _green_pitch().owner)
    make_invitation(arena, _investor().user)
    _add(client, arena, _green_pitch().owner_id)
    client.post("/language", data={"lang": lang})
    before, version = _unsent(arena), _page_version()
    assert [state for _i, _u, state, _r, _why in before] == ["waiting_list"]

    said = _flash(follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/propose")))

    assert _unsent(arena) == before
    assert _page_version() == version
    assert said.startswith("warning:") and UNCHANGED[lang] in said


def test_a_proposal_that_finds_nobody_for_free_seats_keeps_the_unsent_proposal(client, staff):
    # The proposal was made; since then every candidate's pitch went down and the investors
    # paused their profiles: a new "Propose" wiped the proposal and found nothing to put back.
    for _ in range(3):
        _green_pitch()
    for _ in range(4):
        _investor()
    arena = make_arena(founder_capacity=2, investor_capacity=3)
    follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/propose"))
    before = _unsent(arena)
    assert "proposed" in {state for _i, _u, state, _r, _why in before}
    for pitch in db.session.query(Pitch).all():
        pitch.hidden = True
    for profile in db.session.query(InvestorProfile).all():
        profile.active = False
    db.session.commit()
    version = _page_version()
    audits = db.session.query(AuditEvent).count()

    said = _flash(follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/propose")))

    assert _unsent(arena) == before
    assert _page_version() == version
    assert db.session.query(AuditEvent).count() == audits
    assert said.startswith("warning:") and "nobody" in said and UNCHANGED["en"] in said


def test_send_asks_first_saying_who_gets_an_e_mail_and_that_the_draft_starts_inviting(
        app, client, staff):
    """'Send invitations to everyone proposed' mailed everyone at once and silently moved a
    draft arena to 'inviting': it now opens a page that says how many people get an e-mail
    and that the arena changes status, and changes nothing until its form is posted."""
    arena = make_arena(status="draft", founder_capacity=2, investor_capacity=1)
    founders = [_green_pitch() for _ in range(3)]  # the third waits
    investor = _investor()
    for user_id in [p.owner_id for p in founders] + [investor.user_id]:
        client.post(f"/staff/arenas/{arena.id}/invitations/add", data={"user_id": user_id})
    listing = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    url = f"/staff/arenas/{arena.id}/invitations/send"
    assert f'<a class="btn btn-koble" href="{url}">' in listing  # a link, no one-click form
    assert f'action="{url}"' not in listing

    client.post("/language", data={"lang": "nb"})
    before = db.session.get(PageVersion, 1).version
    page = client.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert ("Sende invitasjonene nå? 3 personer får en e-post med en lenke for å svare: "
            "2 gründere og 1 investor.") in html
    assert "Arenaen endres da fra «Utkast» til «Inviterer»." in html
    assert f'<form method="post" action="{url}">' in html and 'name="csrf_token"' in html
    assert "Ja, send 3 invitasjoner" in html
    db.session.expire_all()  # the question changed nothing and mailed nobody
    assert db.session.get(Arena, arena.id).status == "draft"
    assert {i.state for i in _rows(arena)} == {"proposed", "waiting_list"}
    assert not outbox_of(app) and db.session.get(PageVersion, 1).version == before

    assert client.post(url).status_code == 302  # "Yes, send"
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "inviting"
    assert len(outbox_of(app)) == 3
    client.post("/language", data={"lang": "en"})
    again = client.get(url)  # every seat taken: no question, the list says why
    assert again.status_code == 302
    assert b"nobody on the waiting list can be invited now" in follow(client, again).data


def test_the_send_question_of_an_inviting_arena_says_nothing_of_a_status_change(client,
                                                                               staff):
    arena = make_arena(status="inviting")
    client.post(f"/staff/arenas/{arena.id}/invitations/add",
                data={"user_id": _green_pitch().owner_id})
    html = client.get(f"/staff/arenas/{arena.id}/invitations/send").get_data(as_text=True)
    assert "Send the invitation now? 1 person gets an e-mail" in html
    assert "1 founder and 0 investors." in html
    assert "changes from" not in html
