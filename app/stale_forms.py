"""A form sent with a stale CSRF token is not lost. The token lives for hours, but a pitch
written in a tab left open overnight, or a form sent after logging in again in another tab
(a new session, a new token), used to end on a bare "Bad request" page: the text was gone.

Instead, the page of the form is drawn again as its GET draws it, with what was sent put
back into the form that sent it and a message to check it and send it again. Nothing is
saved: the view runs as a GET, so `validate_on_submit()` is false. Only for a logged-in
person: the session cookie is SameSite=Lax, so a post from another site arrives without it
and gets the plain error page, never a form filled in by someone else.

One form is drawn again for anyone: the login form (`for_anyone`). Logging in in one tab
starts a new session, so the login form still open in a second tab has a stale token; so
has one left open past the token's life. Its sender is nobody yet, so the rule above would
give them a 400. What it puts back is only the e-mail address, into a form on this site
that still needs the password: a post from another site can do no more than type an
address in someone's login form, which a link to the login page could nearly do too.
A sender who is logged in by then is sent where the login page sends them.

Registration and the password-reset request are drawn again for anyone too, but only for a
post this site's own page sent (`same_site`): its Origin, which browsers send with every
cross-site post and no page can set, else its Referer, names this host. They put back more
than an address someone could type anyway (the registration's name, e-mail, municipality,
association), and a form filled in by another site, sent on by a person who only adds a
password, would make an account whose address that site chose. Passwords are never put
back: they are not among the fields named.

A form sent after its sender's session ended (logged out in another tab, or timed out while
writing) cannot be drawn again: the page is not theirs until they log in. What they wrote is
kept for their account instead (`keep_for_later`, app/services/kept_forms.py; sent from
this site with no session at all, its cookie expired overnight, for whoever logs in by the
link that browser is given), and the
"log in again" link leads to the form's page with a token (`?kept=…`) by which that page,
drawn for the same account in the same browser (the session lists what was kept in it, and
logging in keeps that list), takes it back (`give_back`), with a message to check it and
send it again. So is a form whose save failed on our side (a 500, `keep_after_error`). A
login by another way than that link, asked for no page, leads to the newest such form not
given back yet (`waiting_form`). A page that no longer takes it back (it redirects, or
answers 404: the pitch was deleted meanwhile, the arena can no longer be edited) shows
what was kept instead, read-only, to copy (`not_taken`).
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from flask import current_app, flash, g, make_response, render_template, request, session
from flask.globals import request_ctx
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict
from wtforms import HiddenField
from wtforms.fields.core import UnboundField

from app.extensions import db
from app.form_base import KobleForm
from app.models import User
from app.services import kept_forms
from app.sessions import LOGGED_OUT

KEPT = "kept"  # the query parameter of a form's page that takes back what was kept
# the session's list of the forms kept in this browser: only these are given back in it, so
# a link to someone else's kept form (made up by another site) fills in nobody's form
KEPT_HERE = "kept_here"
# those of them not given back yet: a login without a page to go to leads to the newest
KEPT_WAITING = "kept_waiting"
AFTER, ERROR = "after", "error"  # ?after=error: kept when saving it failed on our side


def _token_field() -> str:
    return current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")


def for_anyone(*fields: str, message, same_site: bool = False):
    """Mark a view whose form is drawn again for a sender who is not logged in too, with
    only `fields` put back and `message` above it (a 400, as every refused token is). Its
    page's own answer to a GET stands when that is a redirect. `same_site`: for a sender
    who is not logged in, only when the post came from a page of this site (else the plain
    400)."""

    def mark(view):
        view.stale_form_for_anyone = (fields, message, same_site)
        return view

    return mark


def _from_this_site() -> bool:
    """The post names this host as where it was sent from: its Origin, or without one its
    Referer ("null", or neither, is no proof)."""
    origin = request.headers.get("Origin")
    source = origin if origin is not None else request.referrer
    return bool(source) and urlsplit(source).netloc == request.host


def sent_again():
    """The form's page with what was sent in it (a 400), or None when there is no such
    page: an anonymous sender (but see `for_anyone`), an address without a GET, or no form
    there that takes exactly the fields sent."""
    rule = request.url_rule
    if request.method != "POST" or rule is None or "GET" not in (rule.methods or ()):
        return None
    view = current_app.view_functions[request.endpoint]
    anyone = getattr(view, "stale_form_for_anyone", None)
    if anyone is None and not current_user.is_authenticated:
        return None
    if anyone is None:
        g.stale_form = MultiDict([(key, value) for key, value in request.form.items(multi=True)
                                  if key != _token_field()])
        flash(_("Nothing was saved: the page had been open a long time, or you logged in "
                "again in another tab. What you wrote is back in the form below: check it and "
                "send it again."), "warning")
    else:
        fields, message, same_site = anyone
        if same_site and not current_user.is_authenticated and not _from_this_site():
            return None
        g.stale_form = MultiDict([(key, request.form.get(key, "")) for key in fields])
        flash(str(message), "warning")
    request.method = "GET"  # the view draws its page and saves nothing
    try:
        response = make_response(current_app.ensure_sync(view)(**(request.view_args or {})))
    finally:
        request.method = "POST"
    if anyone is not None and response.status_code in (301, 302, 303, 307, 308):
        _take_back_flash()  # sent on (already logged in): nothing to redo
        return response
    if not g.get("stale_form_used") or response.status_code != 200:
        _take_back_flash()  # no form took it back: the message would lie
        return None
    response.status_code = 400
    return response


def _take_back_flash() -> None:
    """Withdraw the message `sent_again` flashed last. A page the view drew has shown the
    messages already, which moves them from the session to the request (Flask's
    get_flashed_messages): the session then has none to pop (an IndexError, a 500, for a
    post that sent no field the form knows), and the error page drawn next would show the
    message from the request."""
    flashes = session.get("_flashes") or request_ctx.flashes
    if flashes:
        flashes.pop()


def takes(form) -> MultiDict | None:
    """What was sent, when `form` is the form that sent it (a form with a CSRF token whose
    fields hold every key sent); None otherwise."""
    sent = g.get("stale_form")
    if sent is None or _token_field() not in form._fields:
        return None
    keys = set(sent.keys())
    if not keys or not keys <= set(form._fields):
        return None
    g.stale_form_used = True
    message = g.pop("stale_form_message", None)
    if message is not None:
        flash(message, "warning")
    return sent


def keep_for_later(anyone: bool = False) -> str | None:
    """For a form sent after its sender's session ended in this browser: keep what was sent
    for their account and give the address of the form's page that takes it back (after
    logging in again). `anyone`: a post this site's page sent with no session at all (its
    cookie expired), kept for whoever logs in by that address. None when there is no such
    page (an address without a GET), no account to keep it for, or nothing to keep."""
    view = current_app.view_functions.get(request.endpoint or "")
    if not _needs_login(view):
        return None  # anyone may send it: a login is not what it lacked
    account = writer()
    if account is None and not (anyone and not session and _from_this_site()):
        return None
    return _keep(account)


_LOGIN_REQUIRED = login_required(lambda: None).__code__


def _needs_login(view) -> bool:
    """Whether the view is behind Flask-Login's login_required (role_required is too): a
    form anyone may send (an arena's answer link) sent with no session was no login that
    ended, and is not answered "you are logged out"."""
    for _depth in range(20):
        if view is None:
            return False
        if getattr(view, "__code__", None) is _LOGIN_REQUIRED:
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def keep_after_error() -> str | None:
    """For a form a logged-in person sent when something went wrong on our side (a 500):
    keep what was sent, and give the address of the form's page that takes it back. None
    when there is no such page or nothing to keep."""
    if not current_user.is_authenticated:
        return None
    return _keep(current_user.id, after=ERROR)


def _keep(account: int | None, after: str | None = None) -> str | None:
    rule = request.url_rule
    if request.method != "POST" or rule is None or "GET" not in (rule.methods or ()):
        return None
    token = kept_forms.keep(account, request.path, request.form, _token_field())
    if token is None:
        return None
    for listed in (KEPT_HERE, KEPT_WAITING):
        session[listed] = [*(session.get(listed) or [])[-(kept_forms.PER_ACCOUNT - 1):], token]
    query = {KEPT: token} if after is None else {KEPT: token, AFTER: after}
    return f"{request.path}?{urlencode(query)}"


def waiting_form(user) -> str | None:
    """The page of the newest form kept in this browser for `user` (or for nobody yet) and
    not given back yet, with what leads it to give it back: where a login that was asked
    for no page goes (the person logged in without the logged-out page's link)."""
    found = kept_forms.newest(user.id, session.get(KEPT_WAITING) or [])
    return None if found is None else f"{found[0]}?{urlencode({KEPT: found[1]})}"


def writer() -> int | None:
    """The account whose login ended in this browser: the one that logged out here or timed
    out, else the active one this session still names though its login no longer works
    (ended by logging out on another device, or a new password). A deactivated account
    cannot log in again: nothing is kept for it."""
    account = session.get(LOGGED_OUT)
    if type(account) is int:
        return account
    if current_user.is_authenticated:
        return None
    named = str(session.get("_user_id") or "").partition(":")[0]
    if not (named.isascii() and named.isdigit() and len(named) < 19):
        return None
    user = db.session.get(User, int(named))
    return user.id if user is not None and user.active else None


def give_back() -> None:
    """Before a form's page is drawn (a GET with `?kept=`): what its logged-in reader wrote
    there before being logged out goes back into the form, with a message saying so."""
    token = request.args.get(KEPT)
    if request.method != "GET" or not token or not current_user.is_authenticated \
            or token not in (session.get(KEPT_HERE) or ()):
        return
    sent = kept_forms.kept(current_user.id, token, request.path)
    if sent is None:
        return
    if token in (session.get(KEPT_WAITING) or ()):
        session[KEPT_WAITING] = [t for t in session[KEPT_WAITING] if t != token]
    g.stale_form = g.kept_given = sent
    if request.args.get(AFTER) == ERROR:
        g.stale_form_message = _("Something went wrong on our side when you sent this form, "
                                 "and it was not saved. What you wrote is back in the form "
                                 "below: check it and save it again.")
    else:
        g.stale_form_message = _("You were logged out before this form was saved. What you "
                                 "wrote is back in the form below: check it and save it "
                                 "again.")


def not_taken(response):
    """After a form's page was drawn to give back a kept form (`give_back`): when no form
    on it took what was kept, because the page redirected or answered 404 (the pitch was
    deleted meanwhile, the arena can no longer be edited), the answer is what was kept,
    read-only, to copy, instead of a page without it: the person would otherwise have lost
    their text for good. A 404 stays a 404; a redirect becomes the page, with a link on to
    where it led."""
    sent = g.get("kept_given")
    if sent is None or g.get("stale_form_used") or (
            response.status_code < 300 and response.status_code != 200):
        return response
    onward = response.headers.get("Location") if 300 <= response.status_code < 400 else None
    response.set_data(render_template("errors/kept_form.html", fields=_shown(sent),
                                      onward=onward))
    response.status_code = response.status_code if response.status_code >= 400 else 200
    response.headers.pop("Location", None)
    response.mimetype = "text/html"
    response.headers["Cache-Control"] = "no-store"  # what someone wrote
    return response


def _shown(sent: MultiDict) -> list[tuple[str, str]]:
    """(label, text) of each field kept with something in it, as the form that sent it
    names it when one of the app's forms has all its fields (its hidden fields, such as the
    version, left out; a choice by its label in the reader's language); by its field name
    otherwise."""
    form_class, fields = _form_fields(set(sent.keys()))
    labels_of = _choice_labels(form_class, fields)
    shown = []
    for name in dict.fromkeys(sent.keys()):
        values = [value for value in sent.getlist(name) if value.strip()]
        field = fields.get(name)
        if not values or (field is not None and issubclass(field.field_class, HiddenField)):
            continue
        if field is None:
            shown.append((name, "\n".join(values)))
            continue
        label = field.kwargs.get("label") or (field.args[0] if field.args else name)
        labels = labels_of.get(name, {})
        shown.append((str(label), ", ".join(labels.get(value, value) for value in values)))
    return shown


def _choice_labels(form_class, fields: dict[str, UnboundField]) -> dict[str, dict[str, str]]:
    """Each choice field's labels by value. Many forms fill in their choices when they are
    made (a pitch's stage, funding type and municipality, the associations by their current
    names), so the form is made, empty, as its page makes it, and its choices read from it;
    a form that its page makes from what the page's address names (an arena's slots, as
    clock times) is made by its `for_kept(view_args, reader)`; one that cannot be made gives
    the choices named on its class."""
    made = {}
    if form_class is not None:
        for_kept = getattr(form_class, "for_kept", None)
        try:
            form = (for_kept(request.view_args or {}, current_user) if for_kept is not None
                    else form_class(formdata=None, meta={"csrf": False}))
        except Exception:  # the page of what was kept must not fail for this
            form = None
        if form is not None:
            made = {name: getattr(form[name], "choices", None) for name in fields
                    if name in form}
    labels = {}
    for name, field in fields.items():
        choices = made.get(name) or field.kwargs.get("mapping") or field.kwargs.get("choices")
        if isinstance(choices, dict) and all(isinstance(group, list | tuple)
                                             for group in choices.values()):
            choices = [choice for group in choices.values() for choice in group]
        if isinstance(choices, dict):
            choices = list(choices.items())
        if isinstance(choices, list | tuple):
            labels[name] = {str(choice[0]): str(choice[1]) for choice in choices
                            if isinstance(choice, list | tuple) and len(choice) >= 2}
    return labels


def _form_fields(names: set[str]) -> tuple[type | None, dict[str, UnboundField]]:
    """The smallest of the app's forms that has a field of each name, and its fields."""
    found: dict[str, UnboundField] = {}
    found_class = None
    pending = list(KobleForm.__subclasses__())
    while pending:
        form_class = pending.pop()
        pending.extend(form_class.__subclasses__())
        fields = {name: getattr(form_class, name) for name in dir(form_class)
                  if isinstance(getattr(form_class, name, None), UnboundField)}
        if names <= fields.keys() and (not found or len(fields) < len(found)):
            found, found_class = fields, form_class
    return found_class, found
