"""Every GET route × every principal × every id variant: no state change, never a 5xx.

Walks app.url_map, so a new route is covered the moment its blueprint is registered.
"""

from __future__ import annotations

from tests.app.security.checksum import WriteWatch, checksum
from tests.app.security.counts import count
from tests.app.security.principals import ID_VARIANTS, PRINCIPALS, get_rules, url_for_rule


def test_get_never_changes_the_database_nor_answers_5xx(principals):
    world = principals
    rules = get_rules(world.app, "GET")
    assert rules, "no GET routes found"
    failures = []
    cells = 0
    skipped = 0
    with WriteWatch() as watch:
        watch.clean()  # (before reading: a write while it reads leaves the watch dirty)
        before = checksum()
        for rule in rules:
            for name in PRINCIPALS:
                principal = world[name]
                for variant in ID_VARIANTS:
                    ids = world.ids(name, variant, rule)
                    if ids is None:
                        continue
                    url = url_for_rule(rule, ids)
                    response = principal.client.get(url)
                    cells += 1
                    if response.status_code >= 500:
                        failures.append(f"{name} GET {url} ({variant}) → "
                                        f"{response.status_code}")
                    if not watch.dirty:  # no write statement ran: no row can have changed
                        skipped += 1
                        continue
                    watch.clean()
                    after = checksum()
                    if after != before:
                        failures.append(f"{name} GET {url} ({variant}) changed: "
                                        f"{after.diff(before)}")
                        before = after
    count("GET cells that ran no write statement (no checksum needed)", skipped)
    count("GET route × principal × id cells checked", cells)
    print(f"\nGET cells checked: {cells} ({len(rules)} routes × {len(PRINCIPALS)} principals)")
    assert not failures, "\n".join(failures)
