"""Bokmål wording from the language review: the arena theme "Open" is an adjective
("Tema: Åpent", not the verb "Åpne"), the arena's slot set-up is "møteoppsett" (not
"møteplan", the schedule), and one word per concept (ansatte, interessemarkeringer,
match, "Lag møteplanen på nytt", status names in «»)."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale, gettext, ngettext

from app.services.arenas import theme_label


def test_open_theme_is_an_adjective(app):
    with app.test_request_context(), force_locale("nb"):
        assert theme_label("open") == "Åpent"


def test_privacy_page_says_staff_made_the_changes(client):
    client.post("/language", data={"lang": "nb"})
    html = client.get("/privacy").get_data(as_text=True)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "(innlogginger, endringer gjort av ansatte)" in text
    assert "arrangørene) lagres" not in text


@pytest.mark.parametrize(("msgid", "bokmal"), [
    ("Number must be at least %(min)s.", "Tallet må være minst 5."),
    ("Number must be between %(min)s and %(max)s.", "Tallet må være mellom 5 og 9."),
    ("The organisers changed the meeting plan of “%(arena)s”, and the times you gave no "
     "longer fit it: you are now there %(arrive)s–%(leave)s.",
     "Arrangørene har endret møteoppsettet for «Solkraft», og tidene du oppga, passer ikke "
     "lenger: nå er du der 10:00–11:00."),
    ("Security events (logins, changes by staff) are kept in an audit log for one year, "
     "without passwords.",
     "Sikkerhetshendelser (innlogginger, endringer gjort av ansatte) lagres i en "
     "revisjonslogg i ett år, uten passord."),
    ("Counted %(time)s; new interest marks can take up to a minute to show.",
     "Telt 10:00; nye interessemarkeringer kan bruke opptil ett minutt på å vises."),
    ("You can have up to %(meetings)d meetings here; you ask for at most %(asks)d yourself, "
     "and the organisers fill the rest with good matches.",
     "Du kan få opptil 6 møter her; selv ber du om høyst 3, og arrangørene fyller resten "
     "med gode matcher."),
    ("In development, e-mails are written to files instead of being sent. The newest are "
     "shown first.",
     "I utviklingsmodus skrives e-poster til filer i stedet for å bli sendt. De nyeste vises "
     "først."),
    ("A schedule can only be built while the arena is inviting or scheduled.",
     "En møteplan kan bare lages mens arenaen har status «Inviterer» eller «Planlagt»."),
    ("Invitations can only be changed while the arena is a draft or inviting.",
     "Invitasjonene kan bare endres mens arenaen er et utkast eller har status «Inviterer»."),
])
def test_bokmal_sentence(app, msgid, bokmal):
    values = {"min": 5, "max": 9, "arena": "Solkraft", "arrive": "10:00", "leave": "11:00",
              "time": "10:00", "meetings": 6, "asks": 3}
    with app.test_request_context(), force_locale("nb"):
        assert gettext(msgid, **values) == bokmal


def test_rerun_the_schedule_is_said_one_way(app):
    with app.test_request_context(), force_locale("nb"):
        one = ngettext("%(num)d meeting no longer fits and was called off. Re-run the "
                       "schedule to fill the slot.",
                       "%(num)d meetings no longer fit and were called off. Re-run the "
                       "schedule to fill the slots.", 1)
        two = ngettext("%(num)d meeting no longer fits and was called off. Re-run the "
                       "schedule to fill the slot.",
                       "%(num)d meetings no longer fit and were called off. Re-run the "
                       "schedule to fill the slots.", 2)
    assert one == ("1 møte passer ikke lenger og er avlyst. Lag møteplanen på nytt for å "
                   "fylle tidsluken.")
    assert two == ("2 møter passer ikke lenger og er avlyst. Lag møteplanen på nytt for å "
                   "fylle tidslukene.")


TICKBOX_HINTS = (
    "Ticked: pitches at other stages are not recommended to you. Unticked: they rank lower.",
    "Ticked: pitches that ask for much less or much more than your ticket sizes (over three "
    "times) are not recommended to you. Unticked: they rank lower.",
)


def test_the_investor_profiles_tickbox_hints_say_it_one_way(app):
    """"Only these stages" and "Only pitches near my ticket sizes" are the same kind of
    tickbox: their hints say ticked and unticked, and "recommended to you", in the same
    words (they said "Uten kryss" / "Ikke krysset av" and "for deg" / "til deg"), as the green
    mandate's hint does."""
    with app.test_request_context(), force_locale("nb"):
        hints = [gettext(msgid) for msgid in TICKBOX_HINTS]
        mandate = gettext("Preferred: pitches that name a green objective rank higher. "
                          "Required: only those are recommended to you.")
    for hint in hints:
        assert hint.startswith("Krysset av: pitcher ")
        assert " anbefales ikke til deg. Ikke krysset av: de rangeres lavere." in hint
        assert "Uten kryss" not in hint and "for deg" not in hint
    assert mandate.endswith("Påkrevd: bare de anbefales til deg.")
