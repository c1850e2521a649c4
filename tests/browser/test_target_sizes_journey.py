"""On a phone every link, button and field outside running text is at least 24 px high and
wide (WCAG 2.5.8): the footer's Privacy link and the dashboard's "How the numbers are
counted" were 21 px. Links inside a sentence, a list item or a table cell are exempt (the
criterion's inline exception; a table's rows are far enough apart)."""

from __future__ import annotations

from tests.browser.conftest import PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.support import tap_targets

TARGETS = "a[href], button, input:not([type=hidden]), select, textarea, summary"


def test_targets_on_a_phone_are_at_least_24_px(new_user):
    staff = new_user(PHONE, name="staff")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        for path in ("/", "/staff/dashboard?scope=all", "/account/"):
            staff.goto(path)
            small = [t for t in tap_targets(staff.page, TARGETS, most=None)
                     if not t["in_text"] and min(t["width"], t["height"]) < 24]
            assert small == [], f"{lang} {path}: targets under 24 px: {small}"
    staff.use_language(first)
