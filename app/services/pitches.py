"""Writing, publishing and deleting pitches, and who may see one."""

from __future__ import annotations

from babel.lists import format_list
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app import vocabulary
from app.extensions import db
from app.models import Pitch
from app.models.user import utcnow
from app.services import (
    audit,
    deleted_texts,
    email_confirmation,
    erasure_ledger,
    events,
    form_once,
    moderation,
    notices,
)
from app.services.errors import Conflict, DomainError, NotFound
from app.services.pitch_access import readable_by
from app.web_addresses import WEB_ADDRESS_MESSAGE, web_address

FIELDS = (
    "title", "summary", "description", "sectors", "stage", "ask_nok", "funding_type",
    "municipality", "green_objectives", "support_needs", "team_size", "founded_year", "website",
)


def _conflict() -> Conflict:
    return Conflict(_("Someone changed this pitch after you opened it (perhaps in another tab). "
                      "Nothing was saved."))


def _commit_or_conflict() -> None:
    # version_id_col makes the UPDATE match no row when another request saved in between.
    try:
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise _conflict() from error


def _check(values: dict) -> None:
    """Refuse what no pitch may hold; the website is stored as web_address() reads it."""
    if "website" in values:
        try:
            values["website"] = web_address(values["website"])
        except ValueError:
            raise DomainError(str(WEB_ADDRESS_MESSAGE), "website") from None
    ask = values.get("ask_nok")
    if ask is not None and ask < 0:
        raise DomainError(_("The amount cannot be negative."), "ask_nok")


# What a pitch must say before investors see it; a draft may lack any of it. Matching reads
# the description as the pitch's text (title and summary alone say little), the stage and
# the sectors as facets every investor states; an unknown amount, place or funding type is
# neutral in the score, so those stay optional. The stage has no default: a pitch left at
# the select's first option was matched as an idea ("Fasen passer") without anyone saying so.
PUBLISH_NEEDS = (
    ("description", _l("a description")),
    ("stage", _l("the stage")),
    ("sectors", _l("at least one sector")),
)


def missing_to_publish(values) -> list[str]:
    """The fields of PUBLISH_NEEDS that `values` (a dict or a Pitch) leaves empty."""
    get = values.get if isinstance(values, dict) else lambda key: getattr(values, key, None)
    missing = []
    if not (get("description") or "").strip():
        missing.append("description")
    if get("stage") not in vocabulary.STAGES:
        missing.append("stage")
    if not get("sectors"):
        missing.append("sectors")
    return missing


def _listed(missing: list[str]) -> str:
    """ "a description, the stage and at least one sector" in the user's language."""
    labels = dict(PUBLISH_NEEDS)
    return format_list([str(labels[name]) for name in missing], locale=str(get_locale()))


def published_needs_text(missing: list[str]) -> str:
    """The refusal of an edit that would leave a published pitch without `missing`."""
    return _("A published pitch needs %(missing)s. Add it, or make the pitch a draft first.",
             missing=_listed(missing))


def publish_needs_text(pitch: Pitch) -> str | None:
    """What the draft lacks to be published, as the sentence publishing would answer."""
    missing = missing_to_publish(pitch)
    return _("To publish the pitch, add %(missing)s.", missing=_listed(missing)) if missing \
        else None


def my_pitches(owner) -> list[Pitch]:
    """The owner's pitches, newest first."""
    query = select(Pitch).where(Pitch.owner_id == owner.id).order_by(
        Pitch.created_at.desc(), Pitch.id.desc())
    return list(db.session.scalars(query))


def own_pitch(owner, pitch_id: int) -> Pitch:
    """The owner's pitch; NotFound for anyone else's, so its existence is not revealed."""
    pitch = db.session.get(Pitch, pitch_id)
    if pitch is None or pitch.owner_id != owner.id:
        raise NotFound(_("No such pitch."))
    return pitch


def pitch_for_viewer(viewer, pitch_id: int) -> Pitch:
    """A pitch the viewer may read: their own (drafts too), a published one for staff
    (hidden ones too: no draft), a published and not hidden one for investors. Founders read
    no one else's: those are competitors' plans, and no founder's page links to another
    founder's pitch. NotFound for everything else, so ids cannot be probed."""
    pitch = db.session.get(Pitch, pitch_id)
    if readable_by(viewer, pitch):
        return pitch
    raise NotFound(_("No such pitch."))


def create_pitch(owner, values: dict, form_token: str | None = None) -> Pitch:
    """A new draft pitch; with the form's one-time token (services/form_once), the pitch an
    earlier send of the same form made, if one just did."""
    _check(values)
    pitch = Pitch(owner_id=owner.id, status="draft",
                  **{key: values.get(key) for key in FIELDS})
    db.session.add(pitch)
    pitch, new = form_once.commit_once(owner, "pitch", form_token, pitch)
    if new:
        events.pitch_changed(pitch)
    return pitch


def update_pitch(pitch: Pitch, values: dict, expected_version: int | None) -> Pitch:
    """Save an edit, unless the pitch changed since the editor loaded version expected_version.
    A pitch that holds exactly what was sent is no conflict: the same edit sent twice (Save
    clicked twice, the second arriving as or after the first is saved) is saved once and
    both are told so, not the second "someone changed this pitch"."""
    _check(values)
    if expected_version is None or expected_version != pitch.version:
        if expected_version is not None and _holds(pitch, values):
            return pitch
        raise _conflict()
    missing = missing_to_publish(values) if pitch.status == "published" else []
    if missing:
        raise DomainError(published_needs_text(missing), fields=missing)
    for key in FIELDS:
        setattr(pitch, key, values.get(key))
    try:
        _commit_or_conflict()
    except Conflict:
        if _holds(pitch, values):  # reloaded: the other save was this same edit
            return pitch
        raise
    events.pitch_changed(pitch)
    return pitch


def _holds(pitch: Pitch, values: dict) -> bool:
    """Whether the saved pitch already holds every field as in `values`."""
    return all(getattr(pitch, key) == values.get(key) for key in FIELDS)


def publish(pitch: Pitch) -> Pitch:
    """Make a draft visible to investors (unless staff hid it: then the staff member who hid
    it is told, to look at it again); DomainError naming what is missing (PUBLISH_NEEDS) if
    the pitch is not complete enough to be matched."""
    if pitch.status != "published":
        email_confirmation.require_confirmed(pitch.owner)
        needs = publish_needs_text(pitch)
        if needs:
            raise DomainError(needs, fields=missing_to_publish(pitch))
        pitch.status = "published"
        pitch.published_at = utcnow()
        told = moderation.tell_hider_republished(pitch)  # still hidden: staff look again
        _commit_or_conflict()
        notices.send(told)
        events.pitch_changed(pitch)
    return pitch


def unpublish(pitch: Pitch) -> Pitch:
    """Turn a published pitch back into a draft."""
    if pitch.status != "draft":
        pitch.status = "draft"
        _commit_or_conflict()
        events.pitch_changed(pitch)
    return pitch


def delete(pitch: Pitch, *, again: bool = False) -> None:
    """Delete a pitch for good; noted outside the database (`erasure_ledger`), so that a
    restored backup loses it again (`again`: that second time, audited by nobody as
    "pitch_deleted_again_after_restore", as an account deleted again is, so the admin
    reading the log learns why a pitch the backup held is gone)."""
    pitch_id, created_at = pitch.id, pitch.created_at
    db.session.delete(pitch)
    if again:
        audit.record("pitch_deleted_again_after_restore", target=f"pitch:{pitch_id}",
                     commit=False)
    deleted_texts.note_texts_deleted()  # the hourly prune takes it out of the saved indexes
    _commit_or_conflict()
    if not again:
        erasure_ledger.note(erasure_ledger.PITCH, pitch_id, created_at)
    events.pitch_deleted(pitch_id)
