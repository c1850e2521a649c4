"""With no arena invitation, "My arenas" says how one comes (the associations' staff invite
who fits an arena's theme) and what helps: "My meetings" sends a person here, which said only
that there was nothing yet."""

from __future__ import annotations

import pytest

from tests.factories import make_user

HOW = {
    "en": "Arenas are meeting places the business associations host. Their staff invite the "
          "founders and investors who fit each arena's theme: your invitation will show here "
          "and come by e-mail.",
    "nb": "Arenaer er møteplasser som næringsforeningene arrangerer. De ansatte inviterer "
          "gründerne og investorene som passer til temaet for hver arena: invitasjonen din vises "
          "her og kommer på e-post.",
}
HELPS = {
    ("investor", "en"): '<a href="/profile">A full profile helps them find you.</a>',
    ("investor", "nb"): '<a href="/profile">En utfylt profil gjør det lettere for dem å finne '
                        'deg.</a>',
    ("founder", "en"): '<a href="/pitches/mine">A published pitch helps them find you.</a>',
    ("founder", "nb"): '<a href="/pitches/mine">En publisert pitch gjør det lettere for dem å '
                       'finne deg.</a>',
}


@pytest.mark.parametrize("role,lang", list(HELPS))
def test_no_invitations_says_how_one_comes_and_what_helps(client, auth, role, lang):
    auth.login(make_user(role, locale=lang).email)
    page = client.get("/arenas").get_data(as_text=True)
    assert " ".join(HOW[lang].split()) in " ".join(page.split())
    assert HELPS[role, lang] in page


def test_staff_are_sent_to_the_arenas_they_run(client, auth):
    """Staff are never invited: /arenas sends them to their association's arenas rather
    than saying they have no invitations (tests/app/test_menu_arenas_by_role.py)."""
    auth.login(make_user("staff", locale="en").email)
    answer = client.get("/arenas")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/staff/arenas")
