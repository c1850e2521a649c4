"""A hidden pitch its founder publishes again is news to someone even when the staff member
who hid it is not known any more. c36f8c5 tells the hider, found by the audit trail's
"pitch_hidden" event; `flask prune` deletes audit events after a year (audit.KEEP) while a
pitch stays hidden as long as nobody unhides it, and a hider may have left the staff. Then
nobody was told, and nobody saw the draft change (staff cannot see drafts). Now the
founder's association's active staff are told, in words that do not say they hid it, and
where the founder has no association, the administrators."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from sqlalchemy import update

from app.extensions import db
from app.models import AuditEvent
from app.models.user import utcnow
from app.services import account_access, moderation
from tests.app.notices_told import told
from tests.app.security.principals import log_in
from tests.factories import make_pitch, make_user, outbox_of

SAID = {
    "en": ("A hidden pitch is published again: “Ny vri”",
           "“Ny vri”, which a staff member hid, is published again by its founder. It stays "
           "hidden until a staff member unhides it: look at what it says now."),
    "nb": ("En skjult pitch er publisert igjen: «Ny vri»",
           "«Ny vri», som en ansatt skjulte, er publisert igjen av gründeren. Den forblir "
           "skjult til en ansatt viser den igjen: se hva den sier nå."),
}


def _hide(founder_association: str | None, hider):
    founder = make_user("founder", locale="en", association=founder_association)
    pitch = make_pitch(founder, title="Reklame for alt")
    moderation.hide(pitch, "Reklame", hider)
    return founder, pitch


def _republish(app, founder, pitch):
    """The founder makes the hidden pitch a draft, renames it and publishes it again."""
    client = app.test_client()
    log_in(client, founder)
    assert client.post(f"/pitches/{pitch.id}/unpublish",
                       data={"confirm_unpublish": "y"}).status_code == 302
    pitch.title = "Ny vri"
    db.session.commit()
    assert client.post(f"/pitches/{pitch.id}/publish").status_code == 302
    db.session.refresh(pitch)
    assert pitch.status == "published" and pitch.hidden


def _a_year_passes(app):
    """The hide was 400 days ago, and the hourly `flask prune` ran."""
    db.session.execute(update(AuditEvent).values(at=utcnow() - timedelta(days=400)))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["prune"])
    assert "Audit events older than a year deleted: " in result.output
    assert not db.session.scalars(db.select(AuditEvent).where(
        AuditEvent.action == "pitch_hidden")).all()


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_once_the_audit_event_is_pruned_the_associations_staff_are_told(app, lang):
    hider = make_user("staff", "stine@example.no", association="asker", locale=lang)
    colleague = make_user("staff", "per@example.no", association="asker", locale=lang)
    away = make_user("staff", "borte@example.no", association="asker")
    account_access.set_active(away, False)
    make_user("staff", "modum@example.no", association="modum")
    make_user("admin", "admin@example.no")
    founder, pitch = _hide("asker", hider)
    _a_year_passes(app)
    _republish(app, founder, pitch)
    subject, sentence = SAID[lang]

    notes = told("pitch_republished")
    assert set(notes) == {hider.id, colleague.id}  # Asker's active staff
    assert notes[colleague.id][0].link == f"/pitches/{pitch.id}"
    mailed = {m.to[0]: m for m in outbox_of(app) if m.subject == subject}
    assert set(mailed) == {hider.email, colleague.email}  # not away, elsewhere, admin
    assert sentence in " ".join(mailed[colleague.email].body.split())
    client = app.test_client()
    log_in(client, colleague)
    page = html.unescape(client.get("/notifications").get_data(as_text=True))
    assert sentence in " ".join(page.split())


def test_a_hider_who_left_the_staff_is_replaced_by_the_associations_staff(app):
    hider = make_user("staff", "stine@example.no", association="asker")
    colleague = make_user("staff", "per@example.no", association="asker")
    founder, pitch = _hide("asker", hider)
    account_access.set_active(hider, False)
    _republish(app, founder, pitch)
    assert set(told("pitch_republished")) == {colleague.id}


def test_a_founder_of_no_association_the_administrators_are_told(app):
    hider = make_user("staff", "stine@example.no", association="asker")
    admin = make_user("admin", "admin@example.no")
    make_user("staff", "per@example.no", association="asker")
    founder, pitch = _hide(None, hider)
    _a_year_passes(app)
    _republish(app, founder, pitch)
    assert set(told("pitch_republished")) == {admin.id}


def test_a_known_hider_alone_is_told_as_before(app):
    """A guard: c36f8c5's notice, to the hider only, in its words."""
    hider = make_user("staff", "stine@example.no", association="asker", locale="en")
    colleague = make_user("staff", "per@example.no", association="asker")
    founder, pitch = _hide("asker", hider)
    _republish(app, founder, pitch)
    notes = told("pitch_republished")
    assert set(notes) == {hider.id} and colleague.id not in notes
    (mail,) = [m for m in outbox_of(app) if m.to == [hider.email]]
    assert mail.subject == "A pitch you hid is published again: “Ny vri”"
