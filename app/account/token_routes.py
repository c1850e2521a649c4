"""The account's API tokens: the list, creating one (given the password; its key is shown
this once) and revoking one. On the account blueprint (app.account.blueprint)."""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app import password_guesses
from app.account.blueprint import bp
from app.account.forms import TokenForm
from app.models.user import utcnow
from app.services import api_tokens, form_once
from app.services.errors import DomainError, NotFound


def _page(form, new_token=None, status=200):
    response = make_response(render_template(
        "account/tokens.html", form=form, tokens=api_tokens.tokens_of(current_user),
        new_token=new_token, now=utcnow()), status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/tokens", methods=["GET", "POST"])
@login_required
# creating asks for the password
@password_guesses.counted
def tokens():
    """List the user's tokens; POST creates one, given the password, and shows it this
    once."""
    form = TokenForm()
    # The page reloaded after a token was made (the browser sends the form again), or the
    # form sent again after Back: that form made its token already, whose key was shown
    # only then; a second key nobody copied would be left working.
    if form.is_submitted() and form_once.made_by(current_user, "api_token",
                                                 form.once.data) is not None:
        return _made_already()
    # Every field's problem at once, the password's last (api_tokens.create_confirmed):
    # the password is checked even when the form refused a field, not a round later.
    if form.is_submitted() and (form.validate() or "csrf_token" not in form.errors):
        try:
            created = api_tokens.create_confirmed(current_user, form.password.data,
                                                  form.name.data, form.scope.data,
                                                  form.days.data, refused=form.refused(),
                                                  form_token=form.once.data)
        except DomainError as error:
            form.add_problems(getattr(error, "problems", None) or [error])
        else:
            if created is not None and created.plain is None:  # its twin, sent at once
                return _made_already()
            if created is not None:
                fresh = TokenForm(formdata=None)
                fresh.once.data = form_once.new_token()
                return _page(fresh, new_token=created.plain, status=201)
    form.once.data = form.once.data or form_once.new_token()
    return _page(form, status=422 if form.errors else 200)


def _made_already():
    """The answer to a form that made its token already (sent again, or a twin sent at the
    same moment): no second key, back to the list with why."""
    flash(_("This form made its token already, so no second one was made. Its key was "
            "shown only then: if you did not copy it, revoke the token and make a new one."),
          "info")
    return redirect(url_for("account.tokens"), 303)


@bp.route("/tokens/<int:token_id>/revoke", methods=["GET", "POST"])
@login_required
def revoke(token_id: int):
    """Ask first (GET: revoking cannot be undone), then revoke one of the user's tokens."""
    try:
        if request.method == "GET":
            token = api_tokens.own_token(current_user, token_id)
            if not token.is_usable(utcnow()):
                return redirect(url_for("account.tokens"))
            return render_template("account/revoke.html", token=token)
        api_tokens.revoke(current_user, token_id)
    except NotFound:
        abort(404)
    flash(_("The token is revoked; requests with it are refused from now on."), "info")
    return redirect(url_for("account.tokens"), 303)
