"""A form sent with a stale CSRF token is not lost. The token lives for hours, but a pitch
written in a tab left open overnight, or a form sent after logging in again in another tab
(a new session, a new token), used to end on a bare "Bad request" page: the text was gone.

Instead, the page of the form is drawn again as its GET draws it, with what was sent put
back into the form that sent it and a message to check it and send it again. Nothing is
saved: the view runs as a GET, so `validate_on_submit()` is false. Only for a logged-in
person: the session cookie is SameSite=Lax, so a post from another site arrives without it
and gets the plain error page, never a form filled in by someone else.
"""

from __future__ import annotations

from flask import current_app, flash, g, make_response, request, session
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict


def _token_field() -> str:
    return current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")


def sent_again():
    """The form's page with what was sent in it (a 400), or None when there is no such
    page: an anonymous sender, an address without a GET, or no form there that takes
    exactly the fields sent."""
    rule = request.url_rule
    if (request.method != "POST" or rule is None or "GET" not in (rule.methods or ())
            or not current_user.is_authenticated):
        return None
    g.stale_form = MultiDict([(key, value) for key, value in request.form.items(multi=True)
                              if key != _token_field()])
    flash(_("Nothing was saved: the page had been open a long time, or you logged in again "
            "in another tab. What you wrote is back in the form below: check it and send it "
            "again."), "warning")
    request.method = "GET"  # the view draws its page and saves nothing
    try:
        view = current_app.view_functions[request.endpoint]
        response = make_response(current_app.ensure_sync(view)(**(request.view_args or {})))
    finally:
        request.method = "POST"
    if not g.get("stale_form_used") or response.status_code != 200:
        session.get("_flashes", []).pop()  # no form took it back: the message would lie
        return None
    response.status_code = 400
    return response


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
    return sent
