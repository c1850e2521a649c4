"""Recommended investors for a pitch, recommended pitches for an investor, interest marks."""

from __future__ import annotations

import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app.auth.safe_next import safe_next
from app.extensions import db
from app.matches import cards
from app.matches.forms import MatchFilterForm
from app.models import InvestorProfile, Pitch
from app.models.interest import INTEREST_KINDS
from app.pager import to_last_page
from app.permissions import role_required
from app.pitches.withdrawn import withdrawn_or_404
from app.services import (
    explain,
    incoming_interest,
    interest,
    match_bars,
    mutual_interest,
    notifications,
    percents,
    pitch_access,
    recommendations,
)
from app.services.contacts import can_see_contacts
from app.services.errors import DomainError, NotFound
from app.services.page_cache import cached_page
from app.services.saved import (
    founder_answers,
    founder_marked,
    interested_page,
    saved_page,
    scores_of,
)

bp = Blueprint("matches", __name__)

PITCH_MATCHES_SHOWN = 20


@bp.app_context_processor
def _match_helpers():
    """Template helpers: unread notifications, explanations and bars."""
    return {
        "unread_notifications": lambda: notifications.unread_count(current_user),
        "notifications_in_menu": lambda: notifications.in_menu(current_user),
        # match_sentence(m, "founder") on a founder's own pitch; neutral without a viewpoint
        "match_sentence": explain.explain,
        "match_bars": match_bars.component_bars,
        "match_chart": cards.component_chart,
        "match_badge": cards.score_badge,
        "match_buttons": cards.interest_buttons,
        "pair_place": cards.pair_place,
        "pitch_card_top": cards.pitch_card_top,
        "pitch_fit": cards.pitch_fit,
        "investor_card_top": cards.investor_card_top,
        "filter_form": cards.filter_form,
        "match_percent": percents.percent,
        "can_see_contacts": can_see_contacts,
        "pitch_label": pitch_access.label_for,
        "pitch_readable": pitch_access.readable_by,
        "pitch_withdrawn_text": pitch_access.withdrawn_text,
    }


def _back(default: str) -> str:
    return safe_next(request.args.get("next") or request.form.get("next"), default)


@bp.route("/pitches/<int:pitch_id>/matches")
@role_required("founder")
@cached_page
def pitch_matches(pitch_id: int):
    """The founder's pitch: investors interested in it (however they rank), then its best
    investors, scored and explained."""
    pitch = db.session.get(Pitch, pitch_id)
    if pitch is None or pitch.owner_id != current_user.id:
        return withdrawn_or_404(pitch_id)  # a founder's old link to a pitch they deleted
    found = recommendations.recommended_investors(pitch, PITCH_MATCHES_SHOWN,
                                           columns=cards.INVESTOR_CARD_COLUMNS)
    marks, theirs = interest.marks_of_both("founder", pitch_id=pitch.id)
    hidden = [i for (_p, i), kind in marks.items() if kind == "not_for_me"]
    hidden_profiles = db.session.scalars(
        db.select(InvestorProfile).where(InvestorProfile.id.in_(hidden))
        .order_by(InvestorProfile.id)).all() if hidden else []
    interested = incoming_interest.investors_interested_in(pitch) if pitch.is_visible else []
    # no ranked cards while investors do not see the pitch: the answers it had, to take back
    answered = ([] if pitch.is_visible
                else founder_answers(pitch.id, ("interested", "saved")))
    return render_template("matches/pitch.html", pitch=pitch, matches=found, marks=marks,
                           theirs=theirs, hidden=hidden_profiles, interested=interested,
                           answered=answered)


@bp.route("/matches/pitches")
@role_required("founder")
@cached_page
def founder_overview():
    """Every pitch of the founder with its three best investors."""
    pitches = list(db.session.scalars(
        db.select(Pitch).where(Pitch.owner_id == current_user.id)
        .order_by(Pitch.updated_at.desc())).unique())
    tops = {p.id: recommendations.recommended_investors(p, 3, columns=cards.INVESTOR_NAME_COLUMNS)
            for p in pitches if p.is_visible}
    return render_template("matches/overview.html", pitches=pitches, tops=tops)


@bp.route("/matches")
@role_required("investor")
@cached_page
def recommended():
    """The investor's home: founders interested in them, then the best pitches for them,
    with the browse filters."""
    profile = interest.investor_profile_of(current_user, columns=cards.OWN_PROFILE_COLUMNS)
    form = MatchFilterForm(request.args)
    page = request.args.get("page", 1, type=int) or 1
    args = form.query_args()
    if profile is None:
        return render_template("matches/investor.html", form=form, profile=None,
                               pagination=None, filters=args, marks={}, theirs={},
                               incoming=[])
    if not form.validate():
        return render_template("matches/investor.html", form=form, profile=profile,
                               pagination=None, filters={}, marks={}, theirs={},
                               incoming=[]), 422
    # a pitch whose founder is interested is listed under "Interested in you" (first page),
    # not again in the ranking: on every page, so the pages and the total agree
    pagination = recommendations.recommended_pitches(profile, form.filters(), page,
                                              columns=cards.PITCH_CARD_COLUMNS,
                                              without_incoming=True)
    # the last one on this page was just marked "not for me" (the mark comes back here)
    if (last := to_last_page(pagination)) is not None:
        return last
    marks, theirs = interest.marks_of_both("investor", investor_id=profile.id)
    # founders interested in the investor, however their pitches rank: on the first page
    incoming = incoming_interest.pitches_interested_in(profile) if page <= 1 else []
    return render_template("matches/investor.html", form=form, profile=profile,
                           pagination=pagination, filters=args, marks=marks, theirs=theirs,
                           incoming=incoming)


@bp.route("/matches/hidden")
@role_required("founder", "investor")
def hidden_pitches():
    """Pitches the investor marked "not for me", to undo; for a founder, the investors they
    marked so on any of their pitches."""
    if current_user.role == "founder":
        return render_template("matches/founder_hidden.html",
                               marks=founder_marked(current_user.id, "not_for_me"))
    profile = interest.investor_profile_of(current_user)
    marks = interest.marks_by("investor", investor_id=profile.id) if profile else {}
    pitches = [db.session.get(Pitch, p) for (p, _i), kind in marks.items()
               if kind == "not_for_me"]
    return render_template("matches/hidden.html", profile=profile,
                           pitches=[p for p in pitches if p and p.is_visible])


@bp.route("/matches/saved")
@role_required("founder", "investor")
def saved_pitches():
    """Pitches the investor saved, last saved first, with the cards' answers (Undo un-saves);
    for a founder, the investors they saved, pitch by pitch."""
    if current_user.role == "founder":
        return render_template("matches/founder_saved.html",
                               marks=founder_marked(current_user.id, "saved"))
    profile = interest.investor_profile_of(current_user, columns=cards.OWN_PROFILE_COLUMNS)
    if profile is None:
        return render_template("matches/saved.html", profile=None, pagination=None,
                               scores={}, marks={}, theirs={})
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    pagination = saved_page(profile.id, page)
    # the last one on this page was just un-saved
    if (last := to_last_page(pagination)) is not None:
        return last
    scores = scores_of(profile.id, [p.id for p in pagination.items])
    marks, theirs = interest.marks_of_both("investor", investor_id=profile.id)
    return render_template("matches/saved.html", profile=profile, pagination=pagination,
                           scores=scores, marks=marks, theirs=theirs)


@bp.route("/matches/interested")
@role_required("investor")
def interested_pitches():
    """Pitches the investor marked interested, last marked first, with the cards' answers:
    waiting for the founder, or mutual (with the contacts). Marking one interested from the
    saved list takes it off that list; here it is found again."""
    profile = interest.investor_profile_of(current_user, columns=cards.OWN_PROFILE_COLUMNS)
    if profile is None:
        return render_template("matches/interested.html", profile=None, pagination=None,
                               scores={}, marks={}, theirs={})
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    pagination = interested_page(profile.id, page)
    # the last one on this page was just answered otherwise (undone, saved, not for me)
    if (last := to_last_page(pagination)) is not None:
        return last
    scores = scores_of(profile.id, [p.id for p in pagination.items])
    marks, theirs = interest.marks_of_both("investor", investor_id=profile.id)
    return render_template("matches/interested.html", profile=profile, pagination=pagination,
                           scores=scores, marks=marks, theirs=theirs)


@bp.route("/matches/mutual")
@role_required("founder", "investor")
def mutual():
    """Mutual matches with the other side's contact details."""
    return render_template("matches/mutual.html",
                           matches=mutual_interest.mutual_matches(current_user))


# A card's place in its list (cards.interest_buttons): a letter for the list, its position.
_PLACE = re.compile(r"[a-z]-[0-9]{1,4}")


def _landing(target: str, pitch_id: int, investor_id: int, kind: str | None = None) -> str:
    """`target` with the answered card as its fragment, so the browser comes back to the
    card (in its new state: a mutual match's contacts) instead of the top of a long list:
    the pair's own card (cards.pair_place), wherever the answer moved it in its list; when
    the answer took it off the list (a "not for me"; on a saved list, anything but keeping
    it saved; on the interested list, "n-", anything but keeping the interest), the card now
    in its place. `kind`: the answer given, None for an undo."""
    at = request.form.get("at", "")
    if not _PLACE.fullmatch(at) or "#" in target:
        return target
    if (kind == "not_for_me" or (at.startswith("s-") and kind != "saved")
            or (at.startswith("n-") and kind != "interested")):
        return f"{target}#{at}"
    return f"{target}#{cards.pair_place(at, pitch_id, investor_id)}"


def _default_back(pitch_id: int) -> str:
    if current_user.role == "founder":
        return url_for("matches.pitch_matches", pitch_id=pitch_id)
    return url_for("matches.recommended")


def _not_for_me_message(pitch_id: int, investor_id: int, previous: str | None) -> Markup:
    """Where the pair went, with an Undo button in the message: the card leaves the list, and
    a stray click was otherwise taken back only from another page. The words say where the
    answer is kept, not how to undo it: the button beside them does that (a plain form, so
    it works without scripts)."""
    if current_user.role == "investor":
        text = _("Marked as not for you: the pitch leaves your recommendations, and you "
                 "leave its founder's list. You find it under “Pitches you marked not for "
                 "me”.")
        name = db.session.get(Pitch, pitch_id).title
    else:
        text = _("Marked as not for you: the investor leaves this pitch's list, and the "
                 "pitch leaves theirs. You find the investor under “Investors you marked "
                 "not for me”.")
        name = _("%(investor)s, for your pitch “%(title)s”",
                 investor=db.session.get(InvestorProfile, investor_id).organisation,
                 title=db.session.get(Pitch, pitch_id).title)
    at = request.form.get("at", "")
    html = render_template("matches/_undo_not_for_me.html", text=text, name=name,
                           pitch_id=pitch_id, investor_id=investor_id, previous=previous,
                           next_url=_back(_default_back(pitch_id)),
                           at=at if _PLACE.fullmatch(at) else None)
    return Markup(html)  # noqa: S704 - rendered by an autoescaping .html template


@bp.route("/matches/<int:pitch_id>/<int:investor_id>/mark/<kind>", methods=["POST"])
@role_required("founder", "investor")
def mark(pitch_id: int, investor_id: int, kind: str):
    """Mark a pair interested, not for me or saved (the user's own side)."""
    if kind not in INTEREST_KINDS:
        abort(404)

    def said(result) -> None:
        if result.mutual:
            flash(_("It's a match! You are both interested; contact details are now shown."),
                  "success")
        elif (kind == "interested" and current_user.role == "investor"
              and request.form.get("at", "").startswith("s-")):
            # the card leaves the investor's saved list: say where the pitch is now
            flash(_("You marked this as interesting. It has left your saved pitches: you "
                    "find it under “Pitches you are interested in”."), "success")
        elif kind == "interested":
            flash(_("You marked this as interesting."), "success")
        elif kind == "not_for_me":
            flash(_not_for_me_message(pitch_id, investor_id, result.previous), "info")
        else:
            flash(_("Saved."), "success")

    return _answered(pitch_id, investor_id,
                     lambda: interest.mark(current_user, pitch_id, investor_id, kind), said, kind)


def _answered(pitch_id: int, investor_id: int, change, said, kind: str | None = None):
    """Make a change to the user's answer about a pair (`change()`), let `said(result)`
    flash what it did, and go back to the card (`_landing`; `kind` as there). A refused
    change flashes its reason instead; a pair gone goes back to the default page, since
    the page the answer came from (a pitch's or an investor's own) may be gone with it."""
    try:
        result = change()
    except interest.PairGone as error:
        flash(error.message, "warning")
        return redirect(_default_back(pitch_id), 303)
    except NotFound:
        abort(404)
    except DomainError as error:
        flash(error.message, "warning")
    else:
        said(result)
    return redirect(_landing(_back(_default_back(pitch_id)), pitch_id, investor_id, kind), 303)


@bp.route("/matches/<int:pitch_id>/<int:investor_id>/clear", methods=["POST"])
@role_required("founder", "investor")
def clear(pitch_id: int, investor_id: int):
    """Undo the user's answer about a pair; `restore` (sent by "Not for me"'s Undo) is the
    answer it replaced, to put back; `undo=not_for_me` (the not-for-me lists' Undo) puts
    back the one stored with it."""
    def undo() -> None:
        if "restore" in request.form:
            interest.undo_not_for_me(current_user, pitch_id, investor_id,
                                     request.form["restore"] or None)
        elif request.form.get("undo") == "not_for_me":
            interest.undo_standing_not_for_me(current_user, pitch_id, investor_id)
        else:
            interest.clear(current_user, pitch_id, investor_id)

    return _answered(pitch_id, investor_id, undo,
                     lambda _result: flash(_("Your answer was undone."), "info"))
