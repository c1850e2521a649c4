"""The API token shown once: readable (axe-core found Bootstrap's pink `code`, #d63384, on
the success green #d1e7dd at 3.46:1, below WCAG AA's 4.5:1) and copyable with one press
where scripts run, while it stays selectable text where they do not."""

from __future__ import annotations

import re
from pathlib import Path

from tests.factories import DEFAULT_PASSWORD, make_user

STATIC = Path(__file__).resolve().parents[2] / "app" / "static"
SUCCESS_BG, SUCCESS_TEXT, BOOTSTRAP_CODE = "#d1e7dd", "#0a3622", "#d63384"


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _created(client, auth):
    auth.login(make_user("founder", locale="en").email)
    response = client.post("/account/tokens", data={"name": "skript", "scope": "read",
                                                    "days": "30", "password": DEFAULT_PASSWORD})
    assert response.status_code == 201
    return response.get_data(as_text=True)


def test_code_in_a_message_takes_the_messages_dark_text():
    assert _contrast(BOOTSTRAP_CODE, SUCCESS_BG) < 3.5  # axe-core: 3.46:1
    css = (STATIC / "koble.css").read_text()
    assert re.search(r"\.alert code\s*\{\s*color:\s*inherit;\s*\}", css)
    # inherited, the token is the alert's own text colour (Bootstrap's success emphasis)
    assert _contrast(SUCCESS_TEXT, SUCCESS_BG) >= 4.5


def test_the_new_token_has_a_copy_button_that_needs_scripts(client, auth):
    page = _created(client, auth)
    token = re.search(r'<code class="user-select-all[^"]*" id="new-token">(kbl_[^<]+)</code>',
                      page)
    assert token, "the token is no longer selectable text"
    button = re.search(r"<button [^>]*data-copy-target=\"new-token\"[^>]*>([^<]+)</button>",
                       page, re.S)
    assert button and button.group(1) == "Copy the token"
    tag = button.group(0)
    assert " hidden " in tag  # shown by copy.js: without scripts it could do nothing
    assert 'data-copy-status="new-token-copied"' in tag and 'data-copied="Copied"' in tag
    # the one polite live region, which copy.js fills with "Copied"
    assert re.search(r'<span id="new-token-copied"[^>]*role="status"[^>]*></span>', page)
    assert '<div class="alert alert-success">' in page  # no live region around it to nest
    assert '<script src="/static/copy.js?v=' in page


def test_the_copy_script_is_served_and_announces_what_happened(client):
    response = client.get("/static/copy.js")
    assert response.status_code == 200
    script = response.get_data(as_text=True)
    assert "navigator.clipboard.writeText" in script
    assert "button.hidden = false" in script
    assert "status.textContent = button.dataset.copied" in script
    assert "status.textContent = button.dataset.failed" in script  # no clipboard: selected


def test_the_list_page_without_a_new_token_loads_no_copy_script(client, auth):
    auth.login(make_user("founder").email)
    assert "copy.js" not in client.get("/account/tokens").get_data(as_text=True)
