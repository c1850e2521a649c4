"""The recommendations' filters: a refused "Ask at most (NOK)" says why right under its own
box, tied to it, and the row stays level. The form was bottom-aligned, so the refused field
rose above its neighbours: its label out of line with "Ask at least (NOK)", and its message
level with the neighbour's box, where it read as that field's. At 1280 px and on a phone,
in bokmål and English."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.support import DEMO_PASSWORD

INVESTOR = "investor@demo.koble.no"  # the demo investor: recommendations to filter


@pytest.mark.parametrize(("viewport", "lang"), [(DESKTOP, "nb"), (PHONE, "en")],
                         ids=["desktop-nb", "phone-en"])
def test_a_refused_ask_at_most_is_said_under_its_own_box(new_user, viewport, lang):
    me = new_user(viewport, name="investor")
    page = me.page
    me.login(INVESTOR, DEMO_PASSWORD)
    me.use_language(lang)
    me.goto("/matches?ask_min=5000000&ask_max=1000")
    filters = page.get_by_role("form", name=me.t("Filters"))
    expect(filters.get_by_role("alert")).to_contain_text(
        me.t("Please correct the marked filters."))
    low = filters.get_by_label(me.t("Ask at least (NOK)"))
    high = filters.get_by_label(me.t("Ask at most (NOK)"))
    message = me.t("The maximum must not be below the minimum.")
    expect(high).to_have_attribute("aria-invalid", "true")
    expect(high).to_have_accessible_description(message)
    expect(low).not_to_have_attribute("aria-invalid", "true")
    me.check("filters-refused")

    error = filters.locator("#ask_max-error")
    box, low_box, error_box = high.bounding_box(), low.bounding_box(), error.bounding_box()
    # side by side, level: the same top for both boxes and both labels
    assert round(box["y"]) == round(low_box["y"]), (box, low_box)
    label_tops = {round(filters.locator(f"label[for={name}]").bounding_box()["y"])
                  for name in ("ask_min", "ask_max")}
    assert len(label_tops) == 1, label_tops
    # the message under its own box, not beside the neighbour's
    assert abs(error_box["x"] - box["x"]) < 1, (error_box, box)
    assert error_box["y"] >= box["y"] + box["height"] - 1, (error_box, box)
    assert error_box["y"] >= low_box["y"] + low_box["height"] - 1, (error_box, low_box)
