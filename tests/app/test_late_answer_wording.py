"""What staff read when someone answers after the schedule was published, in full: the
bokmål named the one person "dem" / "deres" (them, their), which in Norwegian reads as
several people; it says "vedkommende", as the catalogue does elsewhere for one person
whose sex is not known."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.models import Notification
from app.services import notifications

PARAMS = {"who": "Kari Nordmann", "arena": "Grønn arena", "arena_id": 1}
SENTENCES = {
    ("late_yes", "nb"): "Kari Nordmann takket ja til «Grønn arena» etter at møteplanen ble "
                        "publisert, og har ingen møter ennå. Lag møteplanen på nytt for å få "
                        "plass til vedkommende.",
    ("late_yes", "en"): "Kari Nordmann said yes to “Grønn arena” after the schedule was "
                        "published and has no meetings yet. Re-run the schedule to fit them in.",
    ("late_no", "nb"): "Kari Nordmann takket nei til «Grønn arena» etter at møteplanen ble "
                       "publisert; møtene til vedkommende er avlyst. Lag møteplanen på nytt for "
                       "å fylle de ledige tidslukene.",
    ("late_no", "en"): "Kari Nordmann said no to “Grønn arena” after the schedule was "
                       "published; their meetings are called off. Re-run the schedule to fill "
                       "the free slots.",
}


@pytest.mark.parametrize(("kind", "lang"), list(SENTENCES))
def test_the_late_answer_notice_in_full(app, kind, lang):
    note = Notification(user_id=1, kind=kind, params=PARAMS, link="/")
    with app.test_request_context(), force_locale(lang):
        assert notifications.text(note) == SENTENCES[kind, lang]
