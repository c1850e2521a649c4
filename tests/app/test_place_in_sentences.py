"""The sentence says the investor covers the pitch's place, as the location bar's words do
("Fits (1 of the 15 places the investor names)"), never "same municipality": an investor
names the places it invests in, and on the demo the fund naming 14 municipalities read as
sitting in the founder's own."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.services import explain

SAYS = {
    ("en", explain.FOUNDER): ("The investor covers your municipality.",
                              "The investor covers places near your municipality."),
    ("en", explain.INVESTOR): ("You cover the pitch's municipality.",
                               "You cover places near the pitch's municipality."),
    ("en", None): ("The investor covers the pitch's municipality.",
                   "The investor covers places near the pitch's municipality."),
    ("nb", explain.FOUNDER): ("Investoren dekker kommunen din.",
                              "Investoren dekker steder nær kommunen din."),
    ("nb", explain.INVESTOR): ("Du dekker pitchens kommune.",
                               "Du dekker steder nær pitchens kommune."),
    ("nb", None): ("Investoren dekker pitchens kommune.",
                   "Investoren dekker steder nær pitchens kommune."),
}


@pytest.mark.parametrize(("locale", "viewpoint"), list(SAYS))
def test_the_place_is_one_the_investor_covers(app, locale, viewpoint):
    with app.test_request_context(), force_locale(locale):
        same = explain.sentence(["same_location"], [], viewpoint=viewpoint)
        near = explain.sentence(["same_region"], [], viewpoint=viewpoint)
    assert (same, near) == SAYS[locale, viewpoint]
    assert "same" not in same.lower() and "samme" not in same.lower()
