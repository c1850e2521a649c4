"""In a contrast theme (Windows' forced colours, emulated by Chromium) what a page shows by
colour alone still shows: a chosen radio button differs from an empty one in a light theme,
a match's bar from its track, the pill of the page shown among an arena's links from the
others, and the dashboard's labels and bars from a black theme's background."""

from __future__ import annotations

import base64

from tests.browser.conftest import PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.support import DEMO_PASSWORD

_PAINT = """els => els.map(e => {
  const s = getComputedStyle(e);
  return e instanceof SVGElement ? s.fill : s.backgroundColor;
})"""
# How many of a screenshot's pixels are dark, counted by the browser itself on a blank page
# (the app's pages allow no data: images).
_DARK_PIXELS = """async src => {
  const image = new Image();
  image.src = src;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] + data[i + 1] + data[i + 2] < 3 * 128) dark++;
  }
  return dark;
}"""
_PAGE = """() => [getComputedStyle(document.body).backgroundColor,
             getComputedStyle(document.body).color]"""


def _contrast_theme(person, scheme: str) -> None:
    person.page.emulate_media(forced_colors="active", color_scheme=scheme)


def test_a_chosen_radio_button_shows_in_a_light_contrast_theme(new_user):
    visitor = new_user(PHONE, name="visitor")
    _contrast_theme(visitor, "light")
    visitor.goto("/auth/register?role=founder")
    chosen = visitor.page.locator("input[type=radio][value=founder]")
    empty = visitor.page.locator("input[type=radio][value=investor]")
    assert chosen.is_checked() and not empty.is_checked()
    blank = visitor.page.context.new_page()
    dark = [blank.evaluate(_DARK_PIXELS, "data:image/png;base64,"
                           + base64.b64encode(radio.screenshot()).decode())
            for radio in (chosen, empty)]
    blank.close()
    # Bootstrap's dot is a white image on a fill the theme turns white: only the ring showed
    assert dark[0] > 1.3 * dark[1], f"dark pixels chosen/empty: {dark}"


def test_bars_and_the_current_pill_show_in_a_contrast_theme(new_user):
    investor = new_user(PHONE, name="investor")
    investor.login("investor@demo.koble.no", DEMO_PASSWORD)
    _contrast_theme(investor, "dark")
    investor.goto("/matches")
    bar = investor.page.locator("main .match-chart .progress-bar").first
    track = investor.page.locator("main .match-chart .progress").first
    bar_paint, track_paint = (bar.evaluate_all(_PAINT)[0], track.evaluate_all(_PAINT)[0])
    assert bar_paint != track_paint, f"the bar is painted as its track: {bar_paint}"

    staff = new_user(PHONE, name="staff")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    _contrast_theme(staff, "dark")
    staff.goto("/staff/arenas/1/schedule")
    pills = staff.page.locator("main .nav-pills .nav-link")
    current = staff.page.locator("main .nav-pills .nav-link[aria-current=page]")
    others = pills.evaluate_all(_PAINT)
    assert current.count() == 1 and len(others) >= 2
    assert others.count(current.evaluate_all(_PAINT)[0]) == 1, \
        f"the current pill looks like the others: {others}"

    staff.goto("/staff/dashboard?scope=all")
    background, text = staff.page.evaluate(_PAGE)
    painted = staff.page.locator("svg.chart-svg .chart-label, svg.chart-svg .chart-bar")
    assert painted.count() >= 4
    assert set(painted.evaluate_all(_PAINT)) == {text}, \
        f"chart not in the theme's text colour ({text} on {background})"
