"""Contact details (investor contact_email/contact_phone, user e-mail/phone) appear only where
the double opt-in allows: before mutual interest nowhere, after it in both sides' pages,
exports, API answers and e-mails, for third parties never; an arena meeting reveals them to
the two who meet (agenda page and calendar file), not to others in the room."""

from __future__ import annotations

import io
import zipfile

from app.extensions import db
from app.services import api_tokens, interest
from tests.app.security.counts import count
from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
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
        urls += ["/pitches", "/matches", "/exports/pitches.csv", "/exports/pitches.xlsx"]
        api_urls += ["/api/v1/recommendations", "/api/v1/pitches"]
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
    # Third parties never.
    for user, own_pitch, own_profile in ((third_f, third_pitch, profile),
                                         (third_i, pitch, third_profile)):
        view = _sinks(app, user, own_pitch, own_profile)
        assert not _leaks(view, f_secrets + i_secrets), user.email
    # E-mails: only the two sides get the news, and no third party's address is in them.
    for mail in outbox_of(app)[mails_before:]:
        body = mail.body + "".join(str(a[0]) for a in getattr(mail, "alternatives", []))
        assert set(mail.to) <= {founder.email, investor.email}
        assert not _leaks({"mail": body}, _secrets(third_f, third_pitch)
                          + _secrets(third_i, third_profile))


def test_arena_meeting_reveals_contacts_to_the_two_who_meet_only(app):
    arena = make_arena(status="scheduled")
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
