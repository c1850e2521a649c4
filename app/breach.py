"""No compressed answer to a request another site made the browser send (BREACH).

BREACH reads a secret out of a compressed HTTPS answer by its length: a page from another site
makes the victim's browser ask for one of our pages many times, each time with a guess in the
query string, and the answer is shortest when the guess matches the secret on the page. Our
pages have all three things it needs: they are compressed (app.compression), several echo the
query (the searches of /pitches, /matches, /investors, /staff/members, the admin's lists) and
they carry secrets: the CSRF token (Flask-WTF's is the same in every answer of a second, and
its first part, the session's raw token, the same all session), and people's contact details.

The browser tells us who made it ask (Fetch Metadata, `Sec-Fetch-Site`: sent by every current
browser): "same-origin" for our own pages, "none" for an address typed, a bookmark or a link
in an e-mail, "cross-site" or "same-site" for another site's page. Those last two get their
answer as it is, uncompressed, so its length says nothing of a guess; our own pages stay
compressed. Covering every secret on a page, not only the CSRF token (the other mitigation,
a token masked anew in each answer, leaves the contact details readable). A client that sends
no such header (the API's programs, curl, a browser from before 2020-23) is not a browser made
to ask by another site's page, or has SameSite=Lax cookies (cross-site, only top-level
navigations are logged in) and a CSRF token that changes each second; it is compressed.

Static files carry no secret and are left to compression as before.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, request

from app.static_files import is_static_request

OTHER_SITES = frozenset({"cross-site", "same-site"})


def from_another_site() -> bool:
    """Whether the browser says another site's page made it send this request."""
    return request.headers.get("Sec-Fetch-Site", "").strip().lower() in OTHER_SITES


def not_for_other_sites(compress: Callable[[Response], Response]) -> Callable[[Response], Response]:
    """`compress` (Flask-Compress's after_request) for our own pages' requests only; the
    answer says it depends on Sec-Fetch-Site, so no cache gives one site's copy to the other."""

    def after_request(response: Response) -> Response:
        if is_static_request():
            return compress(response)
        response.vary.add("Sec-Fetch-Site")
        if from_another_site():
            response.vary.add("Accept-Encoding")  # as Flask-Compress says on every answer
            return response
        return compress(response)

    return after_request
