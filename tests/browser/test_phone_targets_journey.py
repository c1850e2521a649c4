"""On a 375 px phone the buttons a thumb presses most are at least 44 px high (WCAG 2.5.5):
a match's answers (Interested / Save / Not for me) on the founder's and the investor's
recommendations, and a schedule row's Move, Lock and Cancel meeting. They were Bootstrap's
small buttons, 31 px. A desktop keeps them small, and the other small buttons on those pages
stay at least 24 px high (2.5.8). At twice the text size (WCAG 1.4.4, as a larger default
font sets it) the notifications and the new arena's co-host checkboxes stay within the
screen: a notification's long word and "Næringsforeningen i Drammensregionen" beside its
checkbox ran past the edge (392 and 414 px wide pages)."""

from __future__ import annotations

from tests.browser.conftest import DESKTOP
from tests.browser.seed_server import DRAFT_ARENA, STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.support import DEMO_PASSWORD, tap_targets

PHONE_375 = {"width": 375, "height": 812}
MAIN = "main form > [role=group] > .btn"  # a match's answers (app/matches/cards.py)

_LARGER_TEXT = "size => { document.documentElement.style.fontSize = size; }"
# What runs past the screen's right edge, outside any box that clips or scrolls it.
_PAST_THE_EDGE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('main *')].filter(e => {
    const box = e.getBoundingClientRect();
    if (!box.width || box.right <= width + 1) return false;
    for (let a = e.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return false;
    }
    return true;
  }).slice(0, 5).map(e => `${e.tagName}.${e.className} `
                            + `${Math.round(e.getBoundingClientRect().right)} `
                            + (e.innerText || '').slice(0, 40));
  return {page: document.documentElement.scrollWidth, screen: width, wide};
}"""


def _targets(person, selector: str = MAIN, least: int = 3) -> list[dict]:
    """The first 12 of the main buttons (at least `least`); the other small buttons in <main>
    are at least 24 px high."""
    found = tap_targets(person.page, selector)
    assert len(found) >= least, f"{person.page.url}: too few {selector}: {found}"
    others = tap_targets(person.page, f"main .btn-sm:not({selector})")
    assert all(o["height"] >= 24 for o in others), f"{person.page.url}: {others}"
    return found


def _thumb_sized(person, selector: str = MAIN, least: int = 3) -> None:
    found = _targets(person, selector, least)
    assert all(b["height"] >= 44 for b in found), f"{person.page.url}: {found}"


def _small_on_a_desktop(person, selector: str = MAIN, least: int = 3) -> None:
    person.page.set_viewport_size(DESKTOP)
    found = _targets(person, selector, least)
    assert all(b["height"] < 40 for b in found), f"desktop {person.page.url}: {found}"
    person.page.set_viewport_size(PHONE_375)


def test_match_answers_are_thumb_sized_on_a_phone(new_user):
    investor = new_user(PHONE_375, name="investor-targets")
    investor.login("investor@demo.koble.no", DEMO_PASSWORD)
    investor.goto("/matches")
    _thumb_sized(investor)
    investor.check("match-answers-375")
    _small_on_a_desktop(investor)

    founder = new_user(PHONE_375, name="founder-targets")
    founder.login("founder@demo.koble.no", DEMO_PASSWORD)
    founder.goto("/matches/pitches")
    founder.page.locator("main a[href$='/matches'].btn").first.click()
    founder.page.wait_for_load_state("load")
    assert founder.page.url.endswith("/matches"), founder.page.url
    _thumb_sized(founder)


def test_schedule_row_buttons_are_thumb_sized_on_a_phone(new_user):
    staff = new_user(PHONE_375, name="staff-targets")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    staff.goto("/staff/arenas")
    schedule = staff.page.get_by_role("link", name=DRAFT_ARENA).get_attribute("href") + "/schedule"
    staff.goto(schedule)
    rows = "main table form button, main table a.btn"  # Move, Lock; Cancel meeting
    _thumb_sized(staff, rows, least=6)  # the seed's draft holds two meetings
    staff.check("schedule-targets-375")
    _small_on_a_desktop(staff, rows, least=6)


def _within_the_screen_at_twice_the_text(person, path: str) -> None:
    response = person.goto(path)
    assert response.status == 200, (path, response.status)
    person.page.evaluate(_LARGER_TEXT, "200%")
    found = person.page.evaluate(_PAST_THE_EDGE)
    assert found["page"] <= found["screen"] and not found["wide"], \
        f"{person.lang} {path} runs past the screen at 200 % text: {found}"


def test_notifications_and_the_arena_form_fit_a_phone_at_twice_the_text(new_user):
    founder = new_user(PHONE_375, name="founder-200")
    founder.login("founder@demo.koble.no", DEMO_PASSWORD)
    _within_the_screen_at_twice_the_text(founder, "/notifications")
    assert founder.page.locator("main li.list-group-item").count() >= 1

    staff = new_user(PHONE_375, name="staff-200")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        _within_the_screen_at_twice_the_text(staff, "/staff/arenas/new")
        assert staff.page.locator("main .form-check-label").count() >= 5
    staff.use_language(first)


# The page's buttons of Bootstrap's normal size (not .btn-sm/.btn-lg) and the name links
# heading a stacked table's cards.
_NORMAL = {"buttons": "main .btn:not(.btn-sm, .btn-lg)",
           "names": "main table.table-stack tbody th a"}


def _normal_and_names(person, path: str, buttons: int, names: int = 0,
                      heights: dict | None = None) -> None:
    """At least `buttons` normal buttons and `names` name links on the page at `path`, each
    as high as `heights` says (least, most) for its kind: by default 44 px or more."""
    person.goto(path)
    found = {kind: tap_targets(person.page, selector) for kind, selector in _NORMAL.items()}
    where = f"{person.lang} {person.page.viewport_size['width']} px {path}"
    assert len(found["buttons"]) >= buttons and len(found["names"]) >= names, (where, found)
    heights = heights or {"buttons": (44, 1000), "names": (44, 1000)}
    for kind, (least, most) in heights.items():
        assert all(least <= t["height"] <= most for t in found[kind]), (where, kind, found[kind])


def test_normal_buttons_and_table_names_are_thumb_sized_on_a_phone(new_user):
    """Save, Search, New pitch… (Bootstrap's normal buttons, 38 px) and a stacked table's
    name links (a line of text, 19 px) are at least 44 px high at 375 px, in nb and en; a
    desktop keeps 38 px buttons and one-line links."""
    founder = new_user(PHONE_375, name="founder-buttons")
    founder.login("founder@demo.koble.no", DEMO_PASSWORD)
    staff = new_user(PHONE_375, name="staff-names")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    firsts = founder.lang, staff.lang
    for lang in ("nb", "en"):
        founder.use_language(lang)
        _normal_and_names(founder, "/pitches/mine", buttons=1)  # New pitch
        _normal_and_names(founder, "/pitches/new", buttons=2)  # Save, Cancel
        staff.use_language(lang)
        _normal_and_names(staff, "/staff/members", buttons=1, names=5)  # Search; members
        _normal_and_names(staff, "/staff/arenas", buttons=1, names=2)  # New arena; arenas
    founder.check("normal-buttons-375")
    staff.check("table-names-375")
    for person in (founder, staff):
        person.page.set_viewport_size(DESKTOP)
    desktop = {"buttons": (30, 40), "names": (10, 30)}
    _normal_and_names(founder, "/pitches/new", buttons=2, heights=desktop)
    _normal_and_names(staff, "/staff/members", buttons=1, names=5, heights=desktop)
    founder.use_language(firsts[0])
    staff.use_language(firsts[1])


# The words of the checkbox and radio labels in <main> that the browser split across lines,
# and whether each label starts beside its box (to the right of it) or under it.
_LABEL_WORDS = """() => {
  const labels = [...document.querySelectorAll('main fieldset .form-check-label')];
  const split = [];
  for (const label of labels) {
    const text = label.firstChild;
    for (const m of text.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(text, m.index);
      range.setEnd(text, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width)
                             .map(r => Math.round(r.top)));
      if (tops.size > 1) split.push(m[0]);
    }
  }
  const beside = labels.map(label => label.getBoundingClientRect().left
    >= label.previousElementSibling.getBoundingClientRect().right);
  return {labels: labels.map(l => l.innerText), split, beside};
}"""


def test_long_cohost_names_wrap_between_words_at_twice_the_text(new_user):
    """At 200 % text on a 375 px phone the new arena's co-hosts broke mid-word
    ("Næringsforenin/gen i/Drammensregi/onen"): now a name whose longest word fits beside its
    box wraps there between words, one whose longest word does not goes under its box, and
    no word is split, within the screen, in nb and en. At 100 % every name stays beside its
    box (guard)."""
    staff = new_user(PHONE_375, name="staff-cohosts")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        _within_the_screen_at_twice_the_text(staff, "/staff/arenas/new")
        found = staff.page.evaluate(_LABEL_WORDS)
        assert "Næringsforeningen i Drammensregionen" in found["labels"], found
        assert found["split"] == [], f"{lang}: words split at 200 % text: {found}"
        staff.check(f"cohosts-200-{lang}")
        staff.goto("/staff/arenas/new")
        found = staff.page.evaluate(_LABEL_WORDS)
        assert found["split"] == [] and all(found["beside"]), f"{lang} at 100 %: {found}"
    staff.use_language(first)
