"""The account: the person's details (name, phone, language), a founder's or investor's
municipality and association, changing the login e-mail address, which notification e-mails
they get, the user's data as JSON, and deleting the account. The API tokens' pages are in
app.account.token_routes, on the same blueprint (`bp`, app.account.blueprint)."""

from __future__ import annotations

import json

from flask import (
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import force_locale, get_locale, pgettext
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from app import password_guesses
from app.account import token_routes  # noqa: F401  (registers the token pages on bp)
from app.account.blueprint import bp
from app.account.forms import (
    AccountForm,
    ChangeEmailForm,
    DeleteAccountForm,
    MailPreferencesForm,
    PlaceForm,
)
from app.auth.routes import home_of
from app.auth.safe_next import safe_next
from app.extensions import limiter
from app.i18n import speak_as_link_owner
from app.services import (
    account_details,
    account_security,
    accounts,
    departures,
    email_confirmation,
    erasure,
    exports,
    mail_preferences,
    personal_data,
)
from app.services.errors import Conflict, DomainError, Forbidden

__all__ = ["bp"]


@bp.route("/", methods=["GET", "POST"])
@login_required
def index():
    """The person's own name, phone and language, and the way to the rest of the account."""
    form = AccountForm(obj=current_user, investor=current_user.is_investor)
    if not form.is_submitted() and current_user.locale is None:
        form.locale.data = str(get_locale())
    if form.version.data is None:  # drawn now, not sent back (nor kept after a logout)
        form.version.data = account_details.details_version(current_user)
    if form.validate_on_submit():
        try:
            account_details.update_details(current_user, form.name.data, form.phone.data,
                                           form.locale.data, form.version.data)
        except Conflict as error:
            # Keep what was typed; saving again deliberately replaces the newer details.
            form.version.data = account_details.details_version(current_user)
            return _index_page(form, _mail_form(), 409, conflict=error.message)
        except DomainError as error:
            getattr(form, error.field or "name").errors.append(error.message)
        else:
            session["lang"] = current_user.locale  # the session's choice wins (app/i18n.py)
            with force_locale(current_user.locale):
                flash(_("Your details are saved."), "success")
            return redirect(url_for("account.index"), 303)
    return _index_page(form, _mail_form(), 422 if form.errors else 200)


def _mail_form():
    form = MailPreferencesForm(formdata=None).offer(
        mail_preferences.offered_groups(current_user))
    form.groups.data = mail_preferences.enabled_groups(current_user)
    return form


def _place_form():
    return PlaceForm(formdata=None).show(
        current_user, account_details.association_follows_municipality(current_user))


def _index_page(form, mail_form, status: int, email_form=None, place_form=None,
                conflict=None, place_conflict=None):
    response = make_response(render_template(
        "account/index.html", form=form, mail_form=mail_form,
        email_form=email_form or ChangeEmailForm(formdata=None),
        place_form=place_form or _place_form(),
        chooses_own_association=account_details.chooses_own_association(current_user),
        conflict=conflict, place_conflict=place_conflict),
        status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/municipality", methods=["POST"])
@login_required
def change_place():
    """A founder or investor changes their municipality and association (as registration
    offers them); staff and admins are refused: an administrator changes theirs."""
    place_form = PlaceForm()
    status = 422
    if place_form.validate_on_submit() or not account_details.chooses_own_association(
            current_user):
        try:
            account_details.change_place(current_user, place_form.municipality.data,
                                         place_form.association.data, place_form.version.data)
        except Conflict as error:
            # Keep what was chosen; saving again deliberately replaces the newer choice.
            place_form.version.data = account_details.place_version(current_user)
            return _index_page(_saved_account_form(), _mail_form(), 409,
                               place_form=place_form, place_conflict=error.message)
        except Forbidden as error:
            flash(error.message, "danger")
            status = 403
        except DomainError as error:
            getattr(place_form, error.field or "municipality").errors.append(error.message)
        else:
            flash(_("Your municipality and association are saved."), "success")
            return redirect(url_for("account.index"), 303)
    form = _saved_account_form()
    return _index_page(form, _mail_form(), status, place_form=place_form)


@bp.route("/email-notifications", methods=["POST"])
@login_required
def email_notifications():
    """Turn groups of notification e-mails on or off for oneself; the notices stay."""
    mail_form = MailPreferencesForm().offer(mail_preferences.offered_groups(current_user))
    if mail_form.validate_on_submit():
        try:
            mail_preferences.set_enabled_groups(current_user, mail_form.groups.data)
        except DomainError as error:
            mail_form.groups.errors.append(error.message)
        else:
            flash(_("Your e-mail choices are saved."), "success")
            # The page's top, where the message is shown: a jump to the section (the
            # e-mail footers' link) scrolled it out of sight.
            return redirect(url_for("account.index"), 303)
    form = _saved_account_form()
    return _index_page(form, mail_form, 422)


def _saved_account_form() -> AccountForm:
    """The account form as saved, for a page another of its forms sends back: the language
    shown is the one in use when none is chosen."""
    form = AccountForm(formdata=None, obj=current_user, investor=current_user.is_investor)
    if current_user.locale is None:
        form.locale.data = str(get_locale())
    form.version.data = account_details.details_version(current_user)
    return form


def _mail_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _target_limit() -> str:
    return current_app.config["EMAIL_CHANGE_TARGET_RATE_LIMIT"]


def _target_key() -> str:
    # The address as it would be mailed, so "Kari@X.no " and "kari@x.no" count as one.
    return f"email-to:{accounts.normalise_email(request.form.get('email') or '')}"


def _mailed(response) -> bool:
    return response.status_code == 303  # only a request that sent the link counts


@bp.route("/email", methods=["POST"])
@login_required
# Each request mails an address the person types: without a limit, Koble would mail
# anyone, as often as asked. Per client address (many accounts from one place, mailing
# many inboxes), per account (the password tries, shared with the other pages that ask
# for it) and per address mailed: ten a minute from many accounts would still be hundreds
# an hour to one inbox. That one counts only the mails sent, so typing a wrong password
# cannot keep the owner of an address from moving to it.
@limiter.limit(_mail_limit, methods=["POST"])
@password_guesses.counted
@limiter.limit(_target_limit, methods=["POST"], key_func=_target_key, deduct_when=_mailed)
def change_email():
    """Ask to log in with another address: a link goes to it, a notice to the current one;
    the address changes when the link is opened. The answer is the same whether or not the
    new address has an account."""
    email_form = ChangeEmailForm()
    if email_form.validate_on_submit():
        try:
            new_email = account_security.request_change(current_user, email_form.email.data,
                                                        email_form.password.data)
        except DomainError as error:
            getattr(email_form, error.field or "email").errors.append(error.message)
        else:
            flash(_("We sent a link to %(email)s. Open it within 24 hours to finish the "
                    "change; until then you log in with your current address.",
                    email=accounts.shown_email(new_email)), "info")
            return redirect(url_for("account.index"), 303)
    form = _saved_account_form()
    return _index_page(form, _mail_form(), 422, email_form=email_form)


@bp.route("/email/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token: str):
    """The link from the new address: shows the change and a button to make it (a mail
    scanner that opens links changes nothing); works logged in or not."""
    try:
        user, new_email = account_security.pending_change(token)
    except DomainError as error:
        return _confirm_page(error=error.message, status=404)
    speak_as_link_owner(user)
    if request.method == "POST":
        mine = current_user.is_authenticated and current_user.id == user.id
        try:
            account_security.confirm_change(token)
        except DomainError as error:
            return _confirm_page(error=error.message, status=409)
        if mine:  # the browser that confirmed stays in, on the new session token
            login_user(user)
        flash(_("Your e-mail address is now %(email)s. Log in with it from now on. Other "
                "sessions are logged out.", email=accounts.shown_email(new_email)), "success")
        if current_user.is_authenticated:
            return redirect(url_for("account.index"), 303)
        return redirect(url_for("auth.login", lang=get_locale().language), 303)
    return _confirm_page(user=user, new_email=new_email)


def _own_address_key() -> str:
    # as _target_key: the links to one inbox count together, whoever asks for them
    address = current_user.email if current_user.is_authenticated else ""
    return f"email-to:{address}"


@bp.route("/address/send", methods=["POST"])
@login_required
# Each send mails the account's address: limited per client address, and per inbox with
# the e-mail changes' links to it, so that an account registered with someone else's
# address cannot be used to flood them.
@limiter.limit(_mail_limit, methods=["POST"])
@limiter.limit(_target_limit, methods=["POST"], key_func=_own_address_key, deduct_when=_mailed)
def send_address_link():
    """Send the link that confirms the account's address again (the banner's button)."""
    back = safe_next(request.form.get("next"), url_for("account.index"))
    if email_confirmation.is_confirmed(current_user):
        flash(_("Your e-mail address is already confirmed."), "info")
        return redirect(back, 302)
    email_confirmation.send_link(current_user)
    flash(_("We sent a new link to %(email)s. Open it to confirm your e-mail address.",
            email=accounts.shown_email(current_user.email)), "info")
    return redirect(back, 303)


@bp.route("/address/confirm/<token>", methods=["GET", "POST"])
def confirm_address(token: str):
    """The link mailed at registration: shows whose address it confirms and a button that
    confirms it (a mail scanner that opens links confirms nothing); works logged in or not."""
    try:
        user = email_confirmation.account_for_link(token)
    except DomainError as error:
        return _address_page(error=error.message, status=404)
    speak_as_link_owner(user)
    if request.method == "POST":
        email_confirmation.confirm(token)
        flash(_("Your e-mail address %(email)s is confirmed.",
                email=accounts.shown_email(user.email)), "success")
        if current_user.is_authenticated and current_user.id == user.id:
            # on to the person's next step, where registering led: a founder's pitches
            # (the first one to write), an investor's recommendations (the profile to fill)
            return redirect(home_of(user), 303)
        return redirect(url_for("auth.login", lang=get_locale().language), 303)
    return _address_page(user=user)


def _address_page(user=None, error=None, status=200):
    # a link already used goes on to the person's next step, as its button would have
    mine = (user is not None and current_user.is_authenticated
            and current_user.id == user.id)
    onward = home_of(user) if mine else url_for("auth.login", lang=get_locale().language)
    response = make_response(render_template("account/confirm_address.html", person=user,
                                             error=error, mine=mine, onward=onward), status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _confirm_page(user=None, new_email=None, error=None, status=200):
    response = make_response(render_template("account/confirm_email.html", person=user,
                                             new_email=new_email, error=error), status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/export")
@login_required
def export():
    """Everything Koble holds about the user, as a JSON download (reading changes nothing)."""
    body = json.dumps(personal_data.export_data(current_user), ensure_ascii=False, indent=2)
    response = make_response(body)
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = exports.attachment(
        exports.file_name(pgettext("file name", "koble-my-data"), ".json"))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/delete", methods=["GET", "POST"])
@login_required
@password_guesses.counted
def delete():
    """Delete the account after the password is confirmed; the session ends."""
    form = DeleteAccountForm()
    if form.validate_on_submit():
        # The language they read Koble in, before deleting wipes the account's (and logging
        # out forgets the account): the goodbye and the pages after it stay in it.
        lang = str(get_locale())
        try:
            erasure.delete_account(current_user, form.password.data)
        except DomainError as error:
            form.password.errors.append(error.message)
        else:
            logout_user()
            session["lang"] = lang
            flash(_("Your account is deleted. Thank you for using Koble."), "info")
            return redirect(url_for("main.index"), 303)
    # What deleting ends at the arenas not yet held, counted as the admin's page counts it,
    # so the person reads it before they type the password (their seat, meetings, requests).
    ahead = departures.ahead(current_user)
    response = make_response(render_template("account/delete.html", form=form, ahead=ahead),
                             422 if form.errors else 200)
    response.headers["Cache-Control"] = "no-store"
    return response
