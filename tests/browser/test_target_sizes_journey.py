"""On a phone every link, button and field outside running text is at least 24 px high and
wide (WCAG 2.5.8): the footer's Privacy link and the dashboard's "How the numbers are
counted" were 21 px. Links inside a sentence, a list item or a table cell are exempt (the
criterion's inline exception; a table's rows are far enough apart)."""

from __future__ import annotations

from tests.browser.conftest import PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD

_SMALL_TARGETS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary')].filter(e => {
  const box = e.getBoundingClientRect();
  if (!box.width || !box.height || e.closest('.visually-hidden, .visually-hidden-focusable'))
    return false;
  if (e.tagName === 'A' && getComputedStyle(e).display === 'inline' && !e.matches('.btn')
      && e.closest('p, li, td, th, dd, small, .form-text')) return false;
  return box.width < 24 || box.height < 24;
}).map(e => `${e.tagName} ${Math.round(e.getBoundingClientRect().height)} px: `
            + (e.innerText || e.name || '').slice(0, 40))"""


def test_targets_on_a_phone_are_at_least_24_px(new_user):
    staff = new_user(PHONE, name="staff")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        for path in ("/", "/staff/dashboard?scope=all", "/account/"):
            staff.goto(path)
            small = staff.page.evaluate(_SMALL_TARGETS)
            assert small == [], f"{lang} {path}: targets under 24 px: {small}"
    staff.use_language(first)
