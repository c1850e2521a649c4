"""The account's API tokens: create (shown once), list, revoke."""

from __future__ import annotations

from flask import Blueprint, abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.account.forms import TokenForm
from app.models.user import utcnow
from app.services import api_tokens
from app.services.errors import DomainError, NotFound

bp = Blueprint("account", __name__)


def _page(form, new_token=None, status=200):
    response = make_response(render_template(
        "account/tokens.html", form=form, tokens=api_tokens.tokens_of(current_user),
        new_token=new_token, now=utcnow()), status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/tokens", methods=["GET", "POST"])
@login_required
def tokens():
    """List the user's tokens; POST creates one and shows it this once."""
    form = TokenForm()
    if form.validate_on_submit():
        try:
            created = api_tokens.create(current_user, form.name.data, form.scope.data,
                                        form.days.data)
        except DomainError as error:
            getattr(form, error.field or "name").errors.append(error.message)
        else:
            return _page(TokenForm(formdata=None), new_token=created.plain, status=201)
    return _page(form, status=422 if form.errors else 200)


@bp.route("/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def revoke(token_id: int):
    """Revoke one of the user's tokens."""
    try:
        api_tokens.revoke(current_user, token_id)
    except NotFound:
        abort(404)
    flash(_("The token is revoked; requests with it are refused from now on."), "info")
    return redirect(url_for("account.tokens"), 303)
