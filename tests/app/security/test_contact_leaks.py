"""Contact details (investor contact_email/contact_phone, user e-mail/phone) appear only where
the double opt-in allows: before mutual interest nowhere, after it in both sides' pages,
exports, API answers and e-mails until one side leaves Koble, for third parties never; an
arena meeting reveals them to the two who meet (agenda page and calendar file), not to
others in the room. Staff see those of their own association's members and of the invitees
of the arenas their association hosts, on every page, export and API answer, and nobody
else's; admins see everyone's."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import event

from app.extensions import db
from app.models import User
from app.services import account_access, api_tokens, erasure, interest
from app.services.contacts import can_see_contacts, contacts_visible_to
from app.services.deleted_accounts import DELETED_DOMAIN
from tests.app.security.counts import count
from tests.app.security.principals import get_rules, kind_of, log_in, url_for_rule
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_arena_over,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
    outbox_of,
)


def _person(role, tag):
    user = make_user(role, f"{tag}@person.no", name=f"Person {tag}", phone=f"+47 9{tag}")
    if role == "founder":
        return user, make_pitch(user, title=f"Pitch {tag}")
    return user, make_investor(user, contact_email=f"{tag}.kontakt@fond.no",
                               contact_phone=f"+47 4{tag}")


def _secrets(user, thing) -> list[str]:
    values = [user.email, user.phone]
    if hasattr(thing, "contact_email"):
        values += [thing.contact_email, thing.contact_phone]
    return values


def _text(response) -> str:
    data = response.get_data()
    if data[:2] == b"PK":  # .xlsx
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
    return data.decode("utf-8", "replace").replace("\r\n ", "")  # unfold .ics lines


def _sinks(app, user, pitch=None, profile=None, arena=None) -> dict[str, str]:
    """Every page, export, API answer and calendar file that could carry contact details."""
    client = app.test_client()
    log_in(client, user)
    token = api_tokens.create(user, "leak test", "read", 1).plain
    api = {"Authorization": f"Bearer {token}"}
    urls = ["/matches/mutual", "/exports/matches.csv", "/exports/matches.xlsx",
            "/notifications"]
    api_urls = ["/api/v1/matches", "/api/v1/interests"]
    if user.role == "founder":
        urls += ["/investors", "/exports/investors.csv", "/exports/investors.xlsx",
                 "/matches/pitches"]
        if profile is not None:
            urls.append(f"/investors/{profile.id}")
        if pitch is not None:
            urls.append(f"/pitches/{pitch.id}/matches")
            api_urls.append(f"/api/v1/pitches/{pitch.id}/recommendations")
    else:
        urls += ["/pitches", "/matches", "/matches/interested", "/exports/pitches.csv",
                 "/exports/pitches.xlsx"]
        api_urls += ["/api/v1/recommendations", "/api/v1/pitches"]
        if profile is not None:  # the investor's own page, as founders see it (a preview)
            urls.append(f"/investors/{profile.id}")
        if pitch is not None:
            urls.append(f"/pitches/{pitch.id}")
            api_urls.append(f"/api/v1/pitches/{pitch.id}")
    if arena is not None:
        urls += [f"/arenas/{arena.id}/agenda", f"/arenas/{arena.id}/agenda.ics",
                 f"/arenas/{arena.id}/participants"]
        api_urls.append(f"/api/v1/arenas/{arena.id}/agenda")
    found = {url: _text(client.get(url)) for url in urls}
    found.update({url: _text(client.get(url, headers=api)) for url in api_urls})
    return found


def _leaks(sinks: dict[str, str], secrets: list[str]) -> list[str]:
    count("contact-leak sink checks", len(sinks) * len(secrets))
    return [f"{s} in {url}" for url, text in sinks.items() for s in secrets if s and s in text]


def test_contacts_follow_mutual_interest(app):
    founder, pitch = _person("founder", "11111")
    investor, profile = _person("investor", "22222")
    third_f, third_pitch = _person("founder", "33333")
    third_i, third_profile = _person("investor", "44444")
    f_secrets, i_secrets = _secrets(founder, pitch), _secrets(investor, profile)
    # Before: nobody sees anything, also after a one-sided mark.
    for stage in ("none", "one-sided"):
        assert not _leaks(_sinks(app, founder, pitch, profile), i_secrets), stage
        assert not _leaks(_sinks(app, investor, pitch, profile), f_secrets), stage
        interest.mark(founder, pitch.id, profile.id, "interested")
    mails_before = len(outbox_of(app))
    interest.mark(investor, pitch.id, profile.id, "interested")
    db.session.commit()
    # After: each side sees the other's details on the mutual page and in the exports.
    founder_view = _sinks(app, founder, pitch, profile)
    investor_view = _sinks(app, investor, pitch, profile)
    for url in ("/matches/mutual", "/exports/matches.csv", "/api/v1/matches"):
        assert profile.contact_email in founder_view[url], url
        assert founder.email in investor_view[url], url
    assert founder.email in investor_view["/matches/interested"]  # the mutual card
    # Third parties never; another investor does not open the investor's page at all.
    for user, own_pitch, own_profile in ((third_f, third_pitch, profile),
                                         (third_i, pitch, third_profile)):
        view = _sinks(app, user, own_pitch, own_profile)
        assert not _leaks(view, f_secrets + i_secrets), user.email
    client = app.test_client()
    log_in(client, third_i)
    refused = client.get(f"/investors/{profile.id}")
    assert refused.status_code == 403
    assert not _leaks({"403": _text(refused)}, f_secrets + i_secrets)
    # The investor's own preview shows their own details and nobody else's.
    own_page = investor_view[f"/investors/{profile.id}"]
    assert profile.contact_email in own_page
    assert not _leaks({"preview": own_page}, f_secrets)
    # E-mails: only the two sides get the news, and no third party's address is in them.
    for mail in outbox_of(app)[mails_before:]:
        body = mail.body + "".join(str(a[0]) for a in getattr(mail, "alternatives", []))
        assert set(mail.to) <= {founder.email, investor.email}
        assert not _leaks({"mail": body}, _secrets(third_f, third_pitch)
                          + _secrets(third_i, third_profile))


def test_arena_meeting_reveals_contacts_to_the_two_who_meet_only(app):
    # A meeting that has taken place (yesterday's arena): one still to come reveals nothing
    # (tests/app/test_contacts_once_met.py).
    arena = make_arena_over()
    founder, pitch = _person("founder", "55555")
    investor, profile = _person("investor", "66666")
    other, other_pitch = _person("founder", "77777")
    f_inv = make_invitation(arena, founder, "accepted", pitch_id=pitch.id)
    i_inv = make_invitation(arena, investor, "accepted")
    make_invitation(arena, other, "accepted", pitch_id=other_pitch.id)
    make_meeting(arena, f_inv, i_inv)
    founder_view = _sinks(app, founder, pitch, profile, arena)
    # The agenda page shows them (the calendar file carries none: checked for others below).
    for url in (f"/arenas/{arena.id}/agenda",):
        assert profile.contact_email in founder_view[url], url
    investor_view = _sinks(app, investor, pitch, profile, arena)
    assert founder.email in investor_view[f"/arenas/{arena.id}/agenda"]
    # The third founder in the room sees neither.
    other_view = _sinks(app, other, other_pitch, profile, arena)
    assert not _leaks(other_view, _secrets(founder, pitch) + _secrets(investor, profile))


# --- staff ------------------------------------------------------------------------------------
def _staff_world():
    """An Asker founder and investor with mutual interest, both invited to an arena that
    Bærum hosts (one invited, one cancelled since: any state once invited counts; a row only
    proposed, never sent, does not: test_staff_contacts_only_invited); a Modum founder with
    mutual interest in the same investor, so Modum's match export names the pair; an arena of
    Bærum's and one of Modum's without them (their person searches find them); a staff member
    of each association and an admin."""
    founder, pitch = _person("founder", "81111")
    investor, profile = _person("investor", "82222")
    modum_founder = make_user("founder", "83333@person.no", name="Person 83333",
                              phone="+47 983333", association="modum")
    modum_pitch = make_pitch(modum_founder, title="Pitch 83333")
    for who, p in ((founder, pitch), (investor, pitch), (modum_founder, modum_pitch),
                   (investor, modum_pitch)):
        interest.mark(who, p.id, profile.id, "interested")
    db.session.commit()
    hosted = make_arena(hosts=("baerum",), title="Bærums arena")
    make_invitation(hosted, founder, "invited", pitch_id=pitch.id)
    make_invitation(hosted, investor, "cancelled")
    return {
        "founder": founder, "pitch": pitch, "investor": investor, "profile": profile,
        "modum_founder": modum_founder, "hosted": hosted,
        "baerum_other": make_arena(hosts=("baerum",), title="Bærums neste"),
        "modum_arena": make_arena(hosts=("modum",), title="Modums arena"),
        "asker": make_user("staff", "stab@asker.no", association="asker"),
        "baerum": make_user("staff", "stab@baerum.no", association="baerum"),
        "modum": make_user("staff", "stab@modum.no", association="modum"),
        "admin": make_user("admin", "admin@koble.no", association=None),
    }


def _every_get(app, user, ids: dict, search: str) -> dict[str, str]:
    """Every GET route (pages, exports in each kind and format, API answers) with the ids
    filled in, and each arena's person search for `search`: what the user gets back."""
    client = app.test_client()
    log_in(client, user)
    api = {"Authorization": f"Bearer {api_tokens.create(user, 'leak test', 'read', 1).plain}"}
    choices = {"kind": ("invitations", "answers", "meetings"), "fmt": ("csv", "xlsx")}
    urls = []
    for rule in get_rules(app):
        filled = [{}]
        for argument in sorted(set(rule.arguments) - set(rule.defaults or {})):
            values = ids.get(kind_of(argument)) or choices.get(argument)
            if not values:  # a token, a slug: nothing of the member's to name
                filled = []
                break
            filled = [{**f, argument: v} for f in filled for v in values]
        urls += [url_for_rule(rule, f) for f in filled]
    urls += [f"/staff/arenas/{a}/invitations?q={search}" for a in ids["arena"]]
    found = {}
    for url in urls:
        headers = api if url.startswith("/api/") else {}
        found[url] = _text(client.get(url, headers=headers))
    count("staff contact-leak urls", len(found))
    return found


def _ids(world) -> dict:
    return {"pitch": [world["pitch"].id], "investor_profile": [world["profile"].id],
            "user": [world["founder"].id, world["investor"].id],
            "arena": [world[a].id for a in ("hosted", "baerum_other", "modum_arena")]}


def _seen(sinks: dict[str, str], url_part: str, secret: str) -> bool:
    return any(secret in text for url, text in sinks.items() if url_part in url)


def test_staff_of_another_association_see_no_members_contacts(app):
    world = _staff_world()
    founder, investor = world["founder"], world["investor"]
    secrets = _secrets(founder, world["pitch"]) + _secrets(investor, world["profile"])
    view = _every_get(app, world["modum"], _ids(world), "81111")
    assert not _leaks(view, secrets)
    # the pages did answer: the pitch page, the investor page, the person search and the
    # match export name them, just without their contact details
    modum_arena = world["modum_arena"].id
    assert "Pitch 81111" in view[f"/pitches/{world['pitch'].id}"]
    investor_page = view[f"/investors/{world['profile'].id}"]
    assert world["profile"].organisation in investor_page
    # and say why, in words that fit staff (not "when you are both interested")
    assert "Staff see the contact details of their own association's members" in investor_page
    assert "Person 81111" in view[f"/staff/arenas/{modum_arena}/invitations?q=81111"]
    matches = view["/exports/matches.csv"]
    assert "Pitch 83333" in matches and world["modum_founder"].email in matches


def test_staff_see_their_own_associations_members(app):
    world = _staff_world()
    founder, profile = world["founder"], world["profile"]
    client = app.test_client()
    log_in(client, world["asker"])
    assert profile.contact_email in _text(client.get(f"/investors/{profile.id}"))
    assert profile.contact_phone in _text(client.get(f"/investors/{profile.id}"))
    for fmt in ("csv", "xlsx"):
        assert founder.email in _text(client.get(f"/exports/pitches.{fmt}"))
        assert profile.contact_email in _text(client.get(f"/exports/investors.{fmt}"))
        matches = _text(client.get(f"/exports/matches.{fmt}"))
        assert founder.email in matches and profile.contact_email in matches
        # Modum's founder is in Asker's export (the investor is Asker's), not their address
        assert "Pitch 83333" in matches and world["modum_founder"].email not in matches


def test_hosting_staff_see_the_invitees_of_their_arenas(app):
    world = _staff_world()
    founder, investor, profile = world["founder"], world["investor"], world["profile"]
    view = _every_get(app, world["baerum"], _ids(world), "81111")
    other = world["baerum_other"].id
    # the cancelled investor's profile page, the invited founder in the person search of
    # another arena of Bærum's, both in the arena's own exports
    assert profile.contact_email in view[f"/investors/{profile.id}"]
    assert founder.email in view[f"/staff/arenas/{other}/invitations?q=81111"]
    hosted = world["hosted"].id
    assert _seen(view, f"/arenas/{hosted}/export/invitations", founder.email)
    assert _seen(view, f"/arenas/{hosted}/invitations.xlsx", investor.email)
    # An invitation to another association's arena shows nothing to Bærum.
    modum_invitee, _pitch = _person("founder", "84444")
    make_invitation(world["modum_arena"], modum_invitee, "accepted")
    client = app.test_client()
    log_in(client, world["baerum"])
    page = _text(client.get(f"/staff/arenas/{other}/invitations?q=84444"))
    assert "Person 84444" in page and modum_invitee.email not in page


def test_admin_sees_everyones_contacts(app):
    world = _staff_world()
    client = app.test_client()
    log_in(client, world["admin"])
    profile = world["profile"]
    assert profile.contact_email in _text(client.get(f"/investors/{profile.id}"))
    pitches = _text(client.get("/exports/pitches.csv"))
    assert world["founder"].email in pitches and world["modum_founder"].email in pitches
    page = _text(client.get(f"/staff/arenas/{world['modum_arena'].id}/invitations?q=81111"))
    assert world["founder"].email in page


def test_staff_rule_costs_one_query_for_a_whole_list(app):
    """Pages and exports ask once for all their rows: one query for everyone outside the
    staff member's association however many they are, none for their own members."""
    staff = make_user("staff", "stab@baerum.no", association="baerum")
    arena = make_arena(hosts=("baerum",))
    own = [make_user("founder", association="baerum") for _ in range(3)]
    outside = [make_user("investor", association="asker") for _ in range(30)]
    for person in outside[::3]:
        make_invitation(arena, person, "invited")
    people = db.session.scalars(db.select(User).where(User.role != "staff")).all()
    staff = db.session.get(User, staff.id)
    own_ids = {p.id for p in own}
    statements = []

    def counted(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        assert contacts_visible_to(staff, people) == own_ids | {p.id for p in outside[::3]}
        assert len(statements) == 1
        statements.clear()
        assert contacts_visible_to(staff, [p for p in people if p.id in own_ids]) == own_ids
        assert can_see_contacts(staff, next(p for p in people if p.id in own_ids))
        assert not statements
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)



@pytest.mark.parametrize("leave", ["delete", "deactivate"])
def test_someone_who_left_koble_leaves_no_contact_behind(app, leave):
    """A deleted account's placeholder address (deleted-…@deleted.invalid) is no contact,
    and a deactivated person is not to be reached: after mutual interest and a meeting at an
    upcoming arena, none of the other side's sinks carries either (services/contacts.py)."""
    arena = make_arena(status="scheduled")
    founder, pitch = _person("founder", "91111")
    investor, profile = _person("investor", "93333")
    interest.mark(founder, pitch.id, profile.id, "interested")
    interest.mark(investor, pitch.id, profile.id, "interested")
    db.session.commit()
    make_meeting(arena, make_invitation(arena, founder, "accepted", pitch_id=pitch.id),
                 make_invitation(arena, investor, "accepted"))
    secrets = _secrets(founder, pitch)
    assert founder.email in _sinks(app, investor, pitch, profile, arena)["/matches/mutual"]
    if leave == "delete":
        erasure.delete_account(founder, DEFAULT_PASSWORD)
    else:
        account_access.set_active(founder, False)
    view = _sinks(app, investor, pitch, profile, arena)
    assert not _leaks(view, [*secrets, founder.email, DELETED_DOMAIN])
