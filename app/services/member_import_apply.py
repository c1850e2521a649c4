"""The second step of the bulk import of members: `apply` re-plans the rows
(member_import_plan.plan) against the database as it is then and writes every accepted
row in one transaction (all or nothing). New people get an e-mail with a link to set their
password.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import vocabulary
from app.extensions import db
from app.models import InvestorProfile, Pitch, User
from app.services import audit, events, links
from app.services.accounts import association_by_slug
from app.services.member_import_plan import counts, plan
from app.services.passwords import unusable_hash

Progress = Callable[[int], None]
DEFAULT_INVESTOR_TYPE = "angel"  # a new investor's type when the file leaves it blank


def _investor_profile(user: User, v: dict) -> InvestorProfile:
    profile = db.session.scalar(select(InvestorProfile).where(
        InvestorProfile.user_id == user.id))
    if profile is None:
        profile = InvestorProfile(user_id=user.id,
                                  investor_type=v["investor_type"] or DEFAULT_INVESTOR_TYPE,
                                  organisation=v["organisation"], contact_email=user.email)
        db.session.add(profile)
    profile.organisation = v["organisation"]
    if v["investor_type"]:
        profile.investor_type = v["investor_type"]
    if v["investor_type"] == vocabulary.PARTNER:
        # A support partner offers no capital (services/investors.py): a ticket range, a
        # capital offer or a money funding type kept from an earlier type would contradict
        # the new one.
        profile.ticket_min = profile.ticket_max = None
        profile.support_offers = [s for s in profile.support_offers or () if s != "capital"]
        profile.funding_types = [f for f in profile.funding_types or ()
                                 if f not in vocabulary.CAPITAL_FUNDING_TYPES]
    if v.get("sectors"):
        profile.sectors = v["sectors"]
    if v.get("stages"):
        profile.stages = v["stages"]
    if v.get("phone"):
        profile.contact_phone = v["phone"]
    if v.get("past_investments") is not None:
        profile.past_investments = v["past_investments"]
    return profile


def _founder_company(user: User, v: dict) -> None:
    """A founder's company becomes a draft pitch they complete (unless they have one)."""
    if not v.get("organisation"):
        return
    if db.session.scalar(select(Pitch.id).where(Pitch.owner_id == user.id).limit(1)):
        return
    db.session.add(Pitch(owner_id=user.id, status="draft", title=v["organisation"][:120],
                         summary=(v.get("summary") or v["organisation"])[:200],
                         stage=v["stage"], sectors=v.get("sectors") or [],
                         municipality=v.get("municipality")))


def apply(actor, rows: list[dict], association: str | None = None,
          progress: Progress | None = None,
          only_members_of: str | None = None) -> dict[str, int]:
    """Write every accepted row in one transaction; mail the new people afterwards.
    `only_members_of` as for `plan`."""
    plans = plan(rows, only_members_of=only_members_of)
    assoc = association_by_slug(association) if association else None
    created: list[User] = []
    profiles: list[InvestorProfile] = []
    try:
        for row in plans:
            if progress:
                progress(1)
            if row.action == "reject":
                continue
            v = row.values
            user = db.session.scalar(select(User).where(User.email == row.email))
            if user is None:
                user = User(email=row.email, role=v["role"], name=v["name"],
                            password_hash=unusable_hash(),
                            association=assoc or association_by_slug(
                                vocabulary.association_of(v["municipality"])),
                            # the importing staff's association is theirs by name
                            association_from_municipality=assoc is None)
                db.session.add(user)
                created.append(user)
            user.name = v["name"]
            if v.get("municipality"):
                user.municipality = v["municipality"]
                # An import leaves an existing person's association as it is: one that is
                # no longer their municipality's no longer follows it.
                slug = user.association.slug if user.association is not None else None
                if slug != vocabulary.association_of(user.municipality):
                    user.association_from_municipality = False
            if v.get("phone"):
                user.phone = v["phone"]
            db.session.flush()
            if v["role"] == "investor":
                profiles.append(_investor_profile(user, v))
            else:
                _founder_company(user, v)
        result = counts(plans)
        audit.record("members_imported", actor=actor, target="members",
                     detail=f"created {result['create']}, updated {result['update']}, "
                            f"rejected {result['reject']}", commit=False)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    # Imported profiles are re-scored as a saved profile is (stored matches follow at once,
    # not at the next rebuild); imported founders' pitches are drafts, never scored.
    for profile in profiles:
        events.investor_changed(profile)
    result["mailed"] = _invite(created)
    return result


def _link(token: str) -> str:
    """The absolute set-password link, also from the CLI (no request)."""
    return links.url("auth.reset_password", token=token, external=True)


def _member_subject(user: User):
    """A member's invitation names the association that added them, as the staff one does:
    a mail from an unknown "Koble" is easily taken for spam. Someone imported with no
    association (a municipality outside the region) gets the plain subject."""
    if user.association is None:
        return _l("You are invited to Koble")
    return _l("%(association)s has invited you to Koble", association=user.association.name)


def _invite(users: list[User], subject=None, template: str = "email/member_invitation",
            **context) -> int:
    """A set-password link (to the password-reset page, for 7 days: tokens.make_welcome_token)
    to each new person, in the member invitation unless another template (the staff one)
    says why they were added."""
    from app.services.mailer import send_mail
    from app.services.tokens import make_welcome_token

    sent = 0
    for user in users:
        token = make_welcome_token(user)
        link = _link(token)
        try:
            send_mail(user.email, subject or _member_subject(user), template,
                      locale=user.locale, user=user, link=link, **context)
            sent += 1
        except Exception:  # noqa: BLE001 - the import stands; the person can ask for a reset
            current_app.logger.exception("Invitation e-mail to user %s failed", user.id)
    return sent
