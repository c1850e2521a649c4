"""Register, log in and out, change and reset passwords."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user

from app import device_cookies, password_guesses, stale_forms
from app.auth.forms import (
    ChangePasswordForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
    ResetRequestForm,
)
from app.auth.safe_next import safe_next
from app.extensions import db, limiter
from app.i18n import speak_as_link_owner
from app.services import account_security, accounts, api_tokens, audit, email_confirmation
from app.services.errors import DomainError
from app.services.mailer import deliver
from app.services.tokens import make_reset_token, user_for_reset_token
from app.sessions import LANGUAGE_CHOSEN, end_session

bp = Blueprint("auth", __name__)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_key() -> str:
    return "account:" + accounts.normalise_email(request.form.get("email", ""))[:254]


def _start_session(user, remember: bool = False) -> None:
    # A fresh session at login prevents session fixation. It keeps the forms kept in this
    # browser after a logout, to give back (app/stale_forms.py), and the language: one picked
    # in the menu before logging in becomes the account's, as the menu does once logged in
    # (else the account page offered the saved one, and saving a phone number turned the
    # pages to it); one only left by someone's logout gives way to the account's saved one.
    lang = session.get("lang")
    chosen = session.get(LANGUAGE_CHOSEN)
    kept = {name: session.get(name) for name in (stale_forms.KEPT_HERE, stale_forms.KEPT_WAITING)}
    session.clear()
    languages = current_app.config["LANGUAGES"]
    if lang in languages and (chosen or user.locale not in languages):
        session["lang"] = lang
        if chosen and user.locale != lang:
            user.locale = lang
            db.session.commit()
    session.update({name: tokens for name, tokens in kept.items() if tokens})
    login_user(user, remember=remember)


@bp.route("/register", methods=["GET", "POST"])
@stale_forms.for_anyone(
    "role", "name", "email", "municipality", "association", same_site=True, message=_l(
        "The page had expired, so nothing was saved and no account was made. Check what "
        "you typed, and type the password again."))
@limiter.limit(_login_limit, methods=["POST"])
def register():
    """Create a founder or investor account and start where a login would."""
    if current_user.is_authenticated:
        return redirect(home_of(current_user))
    form = RegisterForm(role=request.args.get("role"))
    taken = False  # the address has an account: offer the login and the reset beside it
    if form.validate_on_submit():
        try:
            user = accounts.register(
                email=form.email.data,
                name=form.name.data,
                password=form.password.data,
                role=form.role.data,
                municipality=form.municipality.data,
                association=form.association.data or None,
                locale=session.get("lang"),
            )
        except DomainError as error:
            getattr(form, error.field or "email").errors.append(error.message)
            taken = error.field == "email" and accounts.find_user(form.email.data) is not None
        else:
            audit.record("register", actor=user, target=f"user:{user.id}")
            _start_session(user)
            email_confirmation.send_link(user)  # the banner on every page says so
            flash(_("Welcome to Koble!"), "success")
            response = redirect(home_of(user))
            device_cookies.issue(response, user)  # as a login's would
            return response
    return (render_template("auth/register.html", form=form, taken=taken),
            200 if not form.errors else 422)


def home_of(user) -> str:
    """Where a login or a registration leads when no page asked for it: the page the role
    works from, not the public front page."""
    if user.is_founder:
        return url_for("matches.founder_overview")
    if user.is_investor:
        return url_for("matches.recommended")
    if user.is_staff:
        return url_for("dashboard.index")
    return url_for("main.index")


@bp.route("/login", methods=["GET", "POST"])
@stale_forms.for_anyone("email", message=_l(
    "The login form had expired, so you were not logged in. Type your password again."))
@limiter.limit(_login_limit, methods=["POST"])
# Per account, unless a device cookie for the account vouches for the browser: then per
# device, so a stranger's tries for the address do not lock its owner out there.
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_key,
               exempt_when=device_cookies.vouches)
@limiter.limit(_login_limit, methods=["POST"], key_func=device_cookies.device_key,
               exempt_when=device_cookies.untrusted, on_breach=device_cookies.distrust)
def login():
    """Log in with e-mail and password."""
    if current_user.is_authenticated:  # e.g. logged in meanwhile in another tab
        return redirect(safe_next(request.args.get("next"), home_of(current_user)))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(form.email.data, form.password.data)
        except DomainError as refused:  # a deactivated account, its password right
            audit.record("login_failed", detail=form.email.data.strip().lower()[:254])
            form.form_errors.append(refused.message)
            return render_template("auth/login.html", form=form), 422
        if user is None:
            audit.record("login_failed", detail=form.email.data.strip().lower()[:254])
            # The form's message, on neither field: which of the two is wrong is not told
            # (that would say whether the address has an account).
            form.form_errors.append(_("Wrong e-mail or password."))
        else:
            _start_session(user, remember=form.remember.data)
            audit.record("login", actor=user, target=f"user:{user.id}")
            # without a page to go to, the form kept here after a logout, if one waits
            response = redirect(safe_next(request.args.get("next"),
                                          stale_forms.waiting_form(user) or home_of(user)))
            device_cookies.issue(response, user)
            return response
    status = 200 if request.method == "GET" else 422
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """End the session (POST, so a link cannot log someone out)."""
    audit.record("logout", actor=current_user, commit=False)
    # Rotating the token also kills any copy of this cookie.
    user = current_user._get_current_object()
    accounts.end_sessions(user)
    logout_user()
    end_session(user)
    flash(_("You are logged out."), "info")
    return redirect(url_for("main.index"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
@password_guesses.counted
def change_password():
    """Change the password, proving the current one."""
    form = ChangePasswordForm(personal=(current_user.email, current_user.name))
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.current_password.data,
                                     form.new_password.data)
        except DomainError as error:
            getattr(form, error.field).errors.append(error.message)
        else:
            audit.record("password_changed", actor=current_user)
            # the tokens stay (accounts.change_password says why): say so, here and in the
            # mail, in case it was changed because someone else had it
            kept = len(api_tokens.live_tokens(current_user))
            account_security.tell_password_changed(current_user, tokens=kept)
            _start_session(current_user._get_current_object())
            flash(ngettext("Your password is changed. Other sessions are logged out. Your API "
                           "token still works: revoke it under API tokens if you do not "
                           "recognise it.",
                           "Your password is changed. Other sessions are logged out. Your "
                           "%(num)d API tokens still work: revoke any you do not recognise "
                           "under API tokens.", kept) if kept
                  else _("Your password is changed. Other sessions are logged out."),
                  "success")
            response = redirect(url_for("account.index"), 303)
            # The new password ended the trust of the cookies issued before it; this
            # browser has just proved the password, as a login would.
            device_cookies.issue(response, current_user)
            return response
    status = 200 if request.method == "GET" else 422
    return render_template("auth/small_form.html", form=form, title=_("Change password")), status


@bp.route("/reset", methods=["GET", "POST"])
@stale_forms.for_anyone("email", same_site=True, message=_l(
    "The page had expired, so nothing was sent. Check the address and send it again."))
@limiter.limit(_login_limit, methods=["POST"])
def reset_request():
    """Send a reset link; says the same whether or not the e-mail is known."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        user = accounts.find_user(form.email.data)
        if user is not None and user.active:
            link = url_for("auth.reset_password", token=make_reset_token(user), _external=True)
            # the same answer whether the mail went out or not (deliver logs a failure)
            deliver(user.email, _l("Reset your Koble password"), "email/reset_password",
                    locale=user.locale, user=user, link=link)
            audit.record("password_reset_requested", actor=user)
        flash(_("If the address has an account, a link is on its way."), "info")
        return redirect(url_for("auth.login"))
    status = 200 if request.method == "GET" else 422
    return render_template("auth/small_form.html", form=form, title=_("Forgot your password?"),
                           submit=_("Send link")), status


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password from a single-use, expiring link."""
    user = user_for_reset_token(token)
    if user is None:
        flash(_("The link is invalid or has expired. Ask for a new one."), "warning")
        return redirect(url_for("auth.reset_request"))
    speak_as_link_owner(user)
    form = ResetPasswordForm(personal=(user.email, user.name))
    if form.validate_on_submit():
        try:
            revoked = accounts.set_password(user, form.password.data)
        except DomainError as error:
            form.password.errors.append(error.message)
        else:
            # the link came to the address: it is confirmed too (committed with the audit)
            email_confirmation.mark_confirmed(user)
            audit.record("password_reset", actor=user)
            # An account that never had a session is choosing its first password: an
            # imported member's or invited staff member's link is this reset link. There
            # was nothing to take over, and "your password was reset … if it was not you"
            # would alarm a newcomer who has just done what the invitation asked. (Revoked
            # tokens are told of anyway: an account with tokens was used, whatever its
            # last login says.)
            if user.last_login_at is not None or revoked:
                account_security.tell_password_changed(user, reset=True, tokens=revoked)
            flash(ngettext("Your password is changed, and your API token is revoked in case "
                           "someone else had it. Log in with the new password and make a new "
                           "token under API tokens if you need one.",
                           "Your password is changed, and your %(num)d API tokens are revoked "
                           "in case someone else had them. Log in with the new password and "
                           "make new tokens under API tokens if you need them.", revoked)
                  if revoked else _("Your password is changed. Log in with the new one."),
                  "success")
            # the login page in the same language, though nobody is logged in yet
            return redirect(url_for("auth.login", lang=get_locale().language))
    status = 200 if request.method == "GET" else 422
    # whose password: someone with two accounts, or logged in as another on this browser,
    # otherwise chose it for the wrong one unawares
    return render_template("auth/small_form.html", form=form,
                           title=_("Choose a new password"),
                           lead=_("For the account %(email)s.", email=user.email)), status
