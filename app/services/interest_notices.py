"""What the other side hears of an interest mark: the notices in the app and the e-mails.

A mutual match is told to both sides; interest from one side alone to the other side once
per pair and direction, without contact details (`app.services.interest` says why). The
e-mails go after the commit, each in its recipient's language, when mail is configured; a
failed one is logged, never raised: the mark stands.
"""

from __future__ import annotations

from flask import current_app, has_request_context, url_for
from flask_babel import gettext as _
from sqlalchemy import bindparam, select

from app.extensions import db
from app.models import Interest, InvestorProfile, Notification, Pitch, User
from app.services import mail_preferences, notifications


def _links(endpoint: str = "matches.mutual", fallback: str = "/matches/mutual",
           **values) -> tuple[str, str]:
    """The link of a notification (a path) and of its e-mail (absolute, when a request
    tells the host)."""
    if has_request_context():
        return url_for(endpoint, **values), url_for(endpoint, _external=True, **values)
    return fallback, fallback


def _already_notified(user_id: int, pitch_id: int, investor_id: int,
                      kind: str = "mutual_match") -> bool:
    notes = db.session.scalars(_NOTICE_PARAMS, {"user_id": user_id, "kind": kind}).all()
    return any((params or {}).get("pitch_id") == pitch_id
               and (params or {}).get("investor_id") == investor_id for params in notes)


# Only the params of the person's notices of that kind (not each whole notice as an object),
# the select built once with the values bound at execution: every interest mark asks it.
_NOTICE_PARAMS = select(Notification.params).where(Notification.user_id == bindparam("user_id"),
                                                   Notification.kind == bindparam("kind"))


def notify_mutual(pitch: Pitch, profile: InvestorProfile) -> None:
    """Tell both sides in the app, once per pair, that their interest is mutual."""
    link, _external = _links()
    pairs = ((pitch.owner, profile.organisation), (profile.user, pitch.owner.name))
    for user, other in pairs:
        if user is None or _already_notified(user.id, pitch.id, profile.id):
            continue
        notifications.notify(user, "mutual_match", link, other=other, pitch=pitch.title,
                             pitch_id=pitch.id, investor_id=profile.id)


def _mail_enabled() -> bool:
    return bool(current_app.config.get("MAIL_BACKEND")
                and current_app.config.get("MATCH_MAIL_ENABLED", True))


def mail_mutual(pitch: Pitch, profile: InvestorProfile) -> None:
    """E-mail both sides when mail is configured; a failure is logged, never raised."""
    if not _mail_enabled():
        return
    from flask_babel import force_locale

    from app.services.deleted_accounts import shown
    from app.services.mailer import send_mail

    _link, external = _links()
    pairs = ((pitch.owner, profile.organisation), (profile.user, pitch.owner.name))
    for user, other in pairs:
        if user is None or not user.active:
            continue
        if not mail_preferences.wants_mail(user, "mutual_match"):
            continue  # the notice stays; they turned these e-mails off
        locale = user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
        try:
            with force_locale(locale):
                subject = _("Mutual interest on Koble: %(pitch)s", pitch=shown(pitch.title))
            send_mail(user.email, subject, "email/mutual_match", locale=locale,
                      user=user, other=other, pitch_title=pitch.title, link=external,
                      settings_link=mail_preferences.settings_link())
        except Exception:  # noqa: BLE001 - the match stands; mail is best effort
            current_app.logger.exception("Mutual-match e-mail to user %s failed", user.id)


# The notice the other side gets when this side alone is interested.
INTEREST_NOTICES = {"investor": "interest_from_investor", "founder": "interest_from_founder"}


def notify_interest(pitch: Pitch, profile: InvestorProfile, side: str,
                    theirs: Interest | None) -> User | None:
    """Tell the other side (whose mark on the pair is `theirs`) that `side` is interested in
    the pair; returns who was told.

    Once per pair and direction (interest toggled again is no news), and not when the other
    side said "not for me" (or "interested": that is a mutual match) or either account is
    inactive. A save is no answer: the saver is told. The notice names the investor's
    organisation (public to founders) but never the founder, who stays unnamed until the
    interest is mutual.
    """
    if theirs is not None and theirs.kind != "saved":
        return None
    marker, recipient = ((pitch.owner, profile.user) if side == "founder"
                         else (profile.user, pitch.owner))
    if recipient is None or not recipient.active or marker is None or not marker.active:
        return None
    kind = INTEREST_NOTICES[side]
    if _already_notified(recipient.id, pitch.id, profile.id, kind):
        return None
    link, _external = _interest_links(pitch, side)
    params = {"pitch": pitch.title, "pitch_id": pitch.id, "investor_id": profile.id}
    if side == "investor":
        params["other"] = profile.organisation
    notifications.notify(recipient, kind, link, **params)
    return recipient


def _interest_links(pitch: Pitch, side: str) -> tuple[str, str]:
    """Where the other side answers: the founder in the pitch's "Interested in this pitch"
    section, the investor on the pitch's page."""
    if side == "investor":
        return _links("matches.pitch_matches", f"/pitches/{pitch.id}/matches#interested",
                      pitch_id=pitch.id, _anchor="interested")
    return _links("pitches.view", f"/pitches/{pitch.id}", pitch_id=pitch.id)


def mail_interest(pitch: Pitch, profile: InvestorProfile, recipient: User, side: str) -> None:
    """E-mail the one told of `side`'s interest, in their language, when mail is
    configured; a failure is logged, never raised."""
    if not _mail_enabled() or not mail_preferences.wants_mail(recipient, INTEREST_NOTICES[side]):
        return
    from flask_babel import force_locale

    from app.services.deleted_accounts import shown
    from app.services.mailer import send_mail

    _link, external = _interest_links(pitch, side)
    locale = recipient.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    try:
        with force_locale(locale):
            if side == "investor":
                subject = _("An investor is interested in “%(pitch)s”", pitch=shown(pitch.title))
            else:
                subject = _("A founder is interested in you: “%(pitch)s”",
                            pitch=shown(pitch.title))
        send_mail(recipient.email, subject, "email/interest_received", locale=locale,
                  user=recipient, from_side=side, other=profile.organisation,
                  pitch_title=pitch.title, link=external,
                  settings_link=mail_preferences.settings_link())
    except Exception:  # noqa: BLE001 - the mark stands; mail is best effort
        current_app.logger.exception("Interest e-mail to user %s failed", recipient.id)
