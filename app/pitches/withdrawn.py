"""The page an old link to a withdrawn pitch opens, instead of a bare "Page not found"."""

from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user

from app.services import pitch_access


def withdrawn_or_404(pitch_id: int):
    """For a reader told of the pitch (a notice, an e-mail, their own answer) who may no
    longer read it: a page saying it was withdrawn or deleted, still answered 404 (there is
    no pitch here for them). Everyone else gets the plain 404, so ids cannot be probed."""
    told = pitch_access.withdrawal_told(current_user, pitch_id)
    if told is None:
        abort(404)
    heading, sentence = told
    return render_template("pitches/withdrawn.html", heading=heading, sentence=sentence), 404
