"""Finding accounts: the words typed, role, association and account state. One query for the
admin's people list (admin_users.search) and staff's member list (member_list), so both
read the typed words, the filters and the order alike.

Deleted (anonymised) accounts are never found: there is nobody left to manage. Each typed
word must occur in the name or the e-mail address (or, asked for, an investor's
organisation), in any case: lower() folds every letter on both databases (SQLite's is
replaced by Python's, app/database.py), so "ØSTBY" finds "Østby".
"""

from __future__ import annotations

from sqlalchemy import Select, func, or_, select

from app.models import InvestorProfile, User
from app.services.collation import norwegian_order
from app.services.deleted_accounts import DELETED_DOMAIN
from app.services.text_search import MAX_WORDS, contains

# An account's state as the member list filters it: one of the three, never two.
ACCOUNT_STATES = ("active", "unconfirmed", "deactivated")


def account_state(state: str):
    """SQL: the account is in `state` (ACCOUNT_STATES): active with a confirmed address,
    active but its self-registered address not confirmed yet (email_confirmation), or
    deactivated by an admin."""
    if state == "deactivated":
        return User.active.is_(False)
    confirmed = User.email_confirmed_at.is_not(None)
    return User.active.is_(True) & (confirmed if state == "active" else ~confirmed)


def state_of(active: bool, confirmed: bool) -> str:
    """The ACCOUNT_STATES value of an account: account_state's rule, read in Python."""
    if not active:
        return "deactivated"
    return "active" if confirmed else "unconfirmed"


def _word(word: str, organisation: bool):
    found = [contains(func.lower(User.name), word), contains(func.lower(User.email), word)]
    if organisation:
        found.append(User.id.in_(select(InvestorProfile.user_id).where(
            contains(func.lower(InvestorProfile.organisation), word))))
    return or_(*found)


def people(q: str = "", *, roles: tuple[str, ...] | None = None,
           association_id: int | None = None, active: bool | None = None,
           state: str | None = None, organisation: bool = False) -> Select:
    """The accounts matching, by name (Æ, Ø, Å after Z), as a select of User to page.

    `q`: words each found in the name or e-mail (and the investor's organisation when
    `organisation`); `roles`: only these; `association_id`: only its members; `active`
    True or False: only active or deactivated accounts; `state`: one of ACCOUNT_STATES."""
    query = select(User).where(~User.email.endswith(f"@{DELETED_DOMAIN}"))
    for word in (q or "").strip().lower().split()[:MAX_WORDS]:
        query = query.where(_word(word, organisation))
    if roles is not None:
        query = query.where(User.role.in_(roles))
    if association_id is not None:
        query = query.where(User.association_id == association_id)
    if active is not None:
        query = query.where(User.active.is_(active))
    if state is not None:
        query = query.where(account_state(state))
    return query.order_by(norwegian_order(User.name), User.id)
