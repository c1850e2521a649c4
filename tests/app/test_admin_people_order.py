"""The admin's people list is in Norwegian alphabetical order (Æ, Ø, Å after Z, case-blind),
as the pitch and investor lists are (app/services/collation.py). With plain lower() SQLite put
Å before Æ before Ø and kept 'Øystein' apart from 'øystein', and PostgreSQL under en_US filed
Å under A."""

from __future__ import annotations

from tests.factories import make_user


def test_people_are_in_norwegian_alphabetical_order(client, auth):
    names = ["Åse Berg", "Øystein Lie", "ærlige Eva", "Zara Holm", "Anders Moe", "øyvind Dal"]
    for name in names:
        make_user("founder", name=name)
    auth.login(make_user("admin", association=None, name="Bente Admin").email)
    page = client.get("/admin/users").get_data(as_text=True)
    page = page[page.index("<tbody"):]  # the list, not the menu's own name
    expected = ["Anders Moe", "Bente Admin", "Zara Holm", "ærlige Eva", "Øystein Lie",
                "øyvind Dal", "Åse Berg"]
    assert sorted(expected, key=page.index) == expected
