"""Web addresses as people type them: "solkraft.no" is the founder's site, so a bare domain
gets https:// in front; anything else must be an absolute http(s) address with a host.
The pitch form, the association form and the API share this one reading."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

WEB_ADDRESS_MESSAGE = _l("Enter a web address, such as solkraft.no or https://solkraft.no.")

# A bare domain: labels of letters, digits and inner hyphens, a dot, a top-level domain of
# letters, then an optional port and path. No "@", no scheme: "mailto:x@y.no" and
# "javascript:…" never become https addresses.
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_BARE_DOMAIN = re.compile(rf"(?:{_LABEL}\.)+[^\W\d_]{{2,63}}(?::\d{{1,5}})?(?:[/?#][^\s@]*)?",
                          re.IGNORECASE)


def web_address(typed: str | None) -> str | None:
    """The address to store for what was typed: None when nothing was typed; raises
    ValueError for something that is no web address."""
    value = (typed or "").strip()
    if not value:
        return None
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError(value)
    if "://" not in value and _BARE_DOMAIN.fullmatch(value):
        value = "https://" + value
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 - a port that is no number ("a.no:x") raises here
    except ValueError:
        raise ValueError(value) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(value)
    return value
