"""Which notification e-mails a person gets: the notice kinds fall into a few groups that
the account page turns on or off (all on unless the person turned one off).

Only the e-mail is skipped; the in-app notice is always kept. E-mails a person must be able
to act on are no notices and always go: a password reset, a set-password link, an arena
invitation with its answer link and its reminders.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.services import links
from app.services.errors import DomainError

# group → the notice kinds whose e-mail it covers. A kind in no group is e-mailed whatever
# the person chose, so a new kind is never silenced by mistake (and
# tests/app/test_mail_preferences.py fails until it is given a group).
GROUPS: dict[str, frozenset[str]] = {
    "interest": frozenset({"interest_from_investor", "interest_from_founder", "mutual_match"}),
    "arenas": frozenset({
        "meeting_request", "meeting_request_accepted", "meeting_request_declined",
        "meeting_request_withdrawn", "meeting_agreement_withdrawn",
        "schedule_ready", "schedule_no_meetings", "schedule_changed", "meeting_moved",
        "meetings_called_off", "meetings_retimed", "times_changed_called_off", "meeting_called_off",
        "times_fitted", "removed_from_arena", "invitation_withdrawn", "removed_from_waiting_list",
        "partner_withdrew", "partner_left", "meeting_cancelled", "meeting_restored", "arena_moved",
        "arena_cancelled",
        # never mailed as a notice: the invitation's own e-mail goes whatever one chose
        "arena_invited",
        # to staff, in the app only (arena_notices.late_answer, late_cancel, seat_given)
        "late_yes", "late_no", "late_cancel", "seat_given",
    }),
    # pitch_republished goes to staff, who have no choice of groups (ROLE_GROUPS): mailed
    "moderation": frozenset({"pitch_hidden", "pitch_unhidden", "pitch_republished"}),
}
LABELS = {
    "interest": _l("Interest and matches: someone is interested in you or your pitch, "
                   "a mutual match"),
    "arenas": _l("Arenas and meetings: meeting requests and their answers, your agenda is "
                 "ready or changed, a meeting moved, cancelled or back on, an arena moved or "
                 "cancelled"),
    "moderation": _l("Your pitches: the organisers hide a pitch or show it again"),
}
# The groups whose notices each role can receive, all that the account page offers it: only
# founders and investors are invited to arenas and mark interest, only founders own pitches.
# Staff and admins get no notice e-mails at all (they make the changes others are told
# of; the late answers they hear of are in the app only: arena_notices.host_staff).
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    "founder": ("interest", "arenas", "moderation"),
    "investor": ("interest", "arenas"),
}
_GROUP_OF = {kind: group for group, kinds in GROUPS.items() for kind in kinds}
ANCHOR = "email-notifications"


def group_of(kind: str) -> str | None:
    """The group a notice kind's e-mail belongs to; None for a kind in no group."""
    return _GROUP_OF.get(kind)


def wants_mail(user, kind: str) -> bool:
    """Whether `user` gets the e-mail of a notice of `kind` (the notice itself always)."""
    group = group_of(kind)
    return group is None or group not in (user.notice_mail_off or ())


def offered_groups(user) -> list[str]:
    """The groups whose notices the user's role can receive, in the page's order."""
    return list(ROLE_GROUPS.get(user.role, ()))


def enabled_groups(user) -> list[str]:
    """The offered groups whose e-mails the user gets, in the page's order."""
    off = set(user.notice_mail_off or ())
    return [group for group in offered_groups(user) if group not in off]


def set_enabled_groups(user, groups: Iterable[str]) -> None:
    """Keep the e-mails of `groups` on and turn the user's other offered groups off; a group
    not offered to the user's role is refused and changes nothing. A group not offered
    keeps what was stored (say, from before an investor became a founder)."""
    chosen = list(groups or ())
    offered = offered_groups(user)
    if any(group not in offered for group in chosen):
        raise DomainError(_("Choose only from the listed options."), "groups")
    was_off = set(user.notice_mail_off or ())
    user.notice_mail_off = [group for group in GROUPS
                            if (group not in chosen if group in offered else group in was_off)]
    db.session.commit()


def settings_link() -> str:
    """The absolute address of the account page's e-mail section, for an e-mail's footer;
    also outside a request (the CLI)."""
    return links.url("account.index", _anchor=ANCHOR, external=True)
