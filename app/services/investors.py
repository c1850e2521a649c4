"""Investor profiles: an investor keeps one; founders and staff browse the public part."""

from __future__ import annotations

from babel.lists import format_list
from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import lazyload
from sqlalchemy.orm.exc import StaleDataError

from app import vocabulary
from app.extensions import db
from app.models import InvestorProfile
from app.models.types import has_tag
from app.services import events, paging
from app.services.collation import norwegian_order
from app.services.errors import Conflict, DomainError, NotFound
from app.services.text_search import words_match

FIELDS = (
    "organisation", "investor_type", "thesis", "sectors", "stages", "stages_only",
    "ticket_min", "ticket_max", "ticket_only", "regions", "green_mandate", "green_objectives",
    "support_offers", "funding_types", "contact_email", "contact_phone", "past_investments",
)
# The engine saturates activity against the largest track record among investors, so one
# implausible count would flatten everyone else's; the busiest Norwegian funds stay below.
MAX_PAST_INVESTMENTS = 1000


def _conflict() -> Conflict:
    return Conflict(_("Your profile was changed after you opened it (perhaps in another tab). "
                      "Nothing was saved."))


def ticket_only_problem(ticket_only, ticket_min, ticket_max) -> str | None:
    """The message when "only near my ticket sizes" is asked without any ticket size."""
    if ticket_only and ticket_min is None and ticket_max is None:
        return _("Give a smallest or largest ticket for “Only pitches near my ticket sizes”, "
                 "or untick it.")
    return None


def partner_capital_problem(investor_type: str | None, support_offers) -> str | None:
    """The message when a support partner says it offers capital, else None."""
    if investor_type == vocabulary.PARTNER and "capital" in (support_offers or ()):
        return _("A support partner offers no capital: untick “Capital” under “Support "
                 "offered”, or choose another investor type.")
    return None


def partner_funding_problem(investor_type: str | None, funding_types) -> str | None:
    """The message when a support partner ticks a funding type that moves money (equity, a
    loan, a grant), else None: refused like "capital" among its offers, naming what to untick."""
    if investor_type != vocabulary.PARTNER:
        return None
    money = [k for k in vocabulary.CAPITAL_FUNDING_TYPES if k in (funding_types or ())]
    if not money:
        return None
    names = format_list([vocabulary.label(vocabulary.FUNDING_TYPES, k) for k in money],
                        locale=get_locale())
    return _("A support partner offers no capital: untick %(types)s under “Funding types”, "
             "or choose another investor type.", types=names)


def green_objectives_problem(green_mandate: str | None, green_objectives) -> str | None:
    """The message when green objectives are sought without a green mandate, else None. A
    profile keeps no objectives without a mandate; they used to be dropped unsaid. One rule
    for the profile page, the API and any other caller of save_profile."""
    if green_mandate == "none" and green_objectives:
        return _("Green objectives count only with a green mandate: choose Preferred or "
                 "Required, or untick the objectives.")
    return None


def _check(values: dict) -> None:
    problem = partner_capital_problem(values.get("investor_type"), values.get("support_offers"))
    if problem:
        raise DomainError(problem, "support_offers")
    problem = partner_funding_problem(values.get("investor_type"), values.get("funding_types"))
    if problem:
        raise DomainError(problem, "funding_types")
    if values.get("investor_type") == vocabulary.PARTNER:
        # No capital, so no ticket: a range left from an earlier type (or typed anyway) would
        # make the engine rank a partner by an amount it will never invest.
        values["ticket_min"] = values["ticket_max"] = None
        values["ticket_only"] = False
    low, high = values.get("ticket_min"), values.get("ticket_max")
    if low is not None and high is not None and low > high:
        raise DomainError(_("The minimum ticket must not be above the maximum."), "ticket_max")
    problem = ticket_only_problem(values.get("ticket_only"), low, high)
    if problem:
        raise DomainError(problem, "ticket_only")
    problem = green_objectives_problem(values.get("green_mandate"),
                                       values.get("green_objectives"))
    if problem:
        raise DomainError(problem, "green_objectives")
    count = values.get("past_investments")
    if count is None:
        values["past_investments"] = 0
    elif isinstance(count, bool) or not isinstance(count, int) or not (
            0 <= count <= MAX_PAST_INVESTMENTS):
        raise DomainError(_("Past investments must be a whole number from 0 to %(max)d.",
                            max=MAX_PAST_INVESTMENTS), "past_investments")


def profile_of(user) -> InvestorProfile | None:
    """The user's own profile, if they have written one."""
    return db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))


def _holds(profile: InvestorProfile, values: dict) -> bool:
    """Whether the saved profile already holds every field as in `values`."""
    return all(getattr(profile, key) == values.get(key) for key in FIELDS)


def save_profile(user, values: dict, expected_version: int | None) -> InvestorProfile:
    """Create or update the user's profile; refuses an edit based on an old version, unless
    the profile holds exactly what was sent: the same save sent twice (Save clicked twice)
    is saved once, and the second is told it is saved, not that the profile changed."""
    _check(values)
    profile = profile_of(user)
    if profile is None:
        if expected_version is not None:
            raise _conflict()
        profile = InvestorProfile(user_id=user.id)
        db.session.add(profile)
    elif expected_version != profile.version:
        if _holds(profile, values):
            return profile
        raise _conflict()
    for key in FIELDS:
        setattr(profile, key, values.get(key))
    try:
        db.session.commit()
    except (StaleDataError, IntegrityError) as error:
        # Another tab saved first (an update in between, or a second first profile).
        db.session.rollback()
        profile = profile_of(user)
        if profile is not None and _holds(profile, values):  # that save was this one
            return profile
        raise _conflict() from error
    events.investor_changed(profile)
    return profile


def public_profile(profile_id: int, viewer=None) -> InvestorProfile:
    """A listed profile by id: active, of an active account (staff see the others too)."""
    profile = db.session.get(InvestorProfile, profile_id)
    if profile is None or not (profile.is_listed or getattr(viewer, "is_staff", False)):
        raise NotFound(_("No such investor."))
    return profile


def search_query(text: str = "", sector: str | None = None, stage: str | None = None,
                 region: str | None = None, green_mandate: str | None = None,
                 investor_type: str | None = None):
    """A select of listed profiles (`InvestorProfile.listed_clause`: active, of an active
    account) matching the text (organisation, thesis) and filters."""
    query = select(InvestorProfile).where(InvestorProfile.listed_clause())
    condition = words_match((InvestorProfile.organisation, InvestorProfile.thesis), text or "")
    if condition is not None:
        query = query.where(condition)
    if sector:
        query = query.where(has_tag(InvestorProfile.sectors, sector))
    if stage:
        query = query.where(has_tag(InvestorProfile.stages, stage))
    if region:
        query = query.where(has_tag(InvestorProfile.regions, region))
    if green_mandate:
        query = query.where(InvestorProfile.green_mandate == green_mandate)
    if investor_type:
        query = query.where(InvestorProfile.investor_type == investor_type)
    return query.order_by(norwegian_order(InvestorProfile.organisation), InvestorProfile.id)


def search(page: int = 1, **filters):
    """One page of matching profiles."""
    per_page = current_app.config.get("PITCHES_PER_PAGE", 20)
    # one query for the page and its total; the profile's user loads on access
    query = search_query(**filters).options(lazyload(InvestorProfile.user))
    return paging.paginate(query, page, per_page)
