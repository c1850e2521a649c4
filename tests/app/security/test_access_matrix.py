"""The access-control matrix: every route × method × principal × id variant answers exactly
what tests/app/security/access_matrix.py says.

A route missing from the table (or a table row whose route is gone) fails
`test_every_route_is_in_the_matrix`. Writes (POST/PUT) run on a fresh world per route, with
an empty form or JSON body (the CSRF layer is off: test_csrf.py covers it), and a request that
is refused changes nothing (database checksum before and after; after a request that ran no
write statement the checksum is known without reading: checksum.WriteWatch).

Beside the table, invariants that hold whatever the table says: anonymous and deactivated
users get no 2xx outside the public pages; nobody gets a 2xx for a missing, negative, huge or
non-numeric id; founders and investors get no 2xx for someone else's private object.

To regenerate the table after adding a route, run with KOBLE_WRITE_MATRIX=1 and review the
diff line by line: every new 2xx must be intended.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.extensions import db
from app.services.reference import ensure_associations
from tests.app.security import access_matrix
from tests.app.security.checksum import WriteWatch, checksum
from tests.app.security.counts import count
from tests.app.security.principals import (
    ID_VARIANTS,
    PRINCIPALS,
    World,
    build_world,
    get_rules,
    url_for_rule,
)

WRITE_METHODS = ("POST", "PUT")
REFUSED = {"L", "400", "401", "403", "404", "405", "409", "422"}
EXTREME = ("missing", "negative", "huge", "non_numeric")
# Variants tried on the own object last, so a principal's successful write (a delete) does not
# change what its other variants find.
VARIANT_ORDER = ("other", "other_published", *EXTREME, "own")


def _routes(app) -> list[tuple[str, object]]:
    """(method, rule) for every route and method, in a stable order."""
    seen = []
    for method in ("GET", *WRITE_METHODS):
        for rule in get_rules(app, method):
            seen.append((method, rule))
    return seen


def _key(method: str, rule) -> str:
    return f"{method} {rule.endpoint}"


def _code(response) -> str:
    if response.status_code == 302 and response.location and "/auth/login" in (
            response.location.split("?")[0]):
        return "L"
    return str(response.status_code)


def _send(world: World, name: str, method: str, url: str):
    client = world[name].client
    headers = {}
    is_api = url.startswith("/api/")
    if is_api and name in world.api_tokens:
        headers["Authorization"] = f"Bearer {world.api_tokens[name]}"
    if method == "GET":
        return client.get(url, headers=headers)
    if is_api:
        return client.open(url, method=method, json={}, headers=headers)
    return client.open(url, method=method, data={}, headers=headers)


def _probe(world: World, method: str, rule, check_state: bool, failures: list) -> dict:
    """{variant: "codes for the 8 principals"} for one route and method."""
    fixed = access_matrix.FIXED_ARGS.get(rule.endpoint, {})
    found: dict[str, list[str]] = {v: ["-"] * len(PRINCIPALS) for v in ID_VARIANTS}
    with WriteWatch() as watch:
        watch.clean()  # (before reading: a write while it reads leaves the watch dirty)
        before = checksum() if check_state else None
        for column, name in enumerate(PRINCIPALS):
            for variant in VARIANT_ORDER:
                ids = world.ids(name, variant, rule, fixed)
                if ids is None:
                    continue
                url = url_for_rule(rule, ids)
                code = _code(_send(world, name, method, url))
                for thread in world.app.extensions.get("koble_rebuild_threads", []):
                    thread.join(timeout=30)  # an admin's rebuild finishes before the next cell
                found[variant][column] = code
                if code.startswith("5"):
                    failures.append(f"{name} {method} {url} ({variant}) → {code}")
                if check_state and watch.dirty:
                    watch.clean()
                    after = checksum()
                    if code in REFUSED and _changed(after, before, url):
                        failures.append(f"{name} {method} {url} ({variant}) → {code} but "
                                        f"changed {after.diff(before)}")
                    before = after
                elif check_state:  # no write statement ran: no row can have changed
                    count("access matrix write cells that ran no write statement "
                          "(no checksum needed)")
    return {v: " ".join(codes) for v, codes in found.items() if set(codes) != {"-"}}


def _changed(after, before, url: str) -> bool:
    ignore = {"api_token"} if url.startswith("/api/") else set()  # last_used_at is touched
    return any(after.digests.get(t) != before.digests.get(t)
               for t in set(after.digests) | set(before.digests) if t not in ignore)


def _fresh_world(app) -> World:
    """Empty every table and build the principals and their objects again."""
    db.session.remove()
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())
    ensure_associations()
    return build_world(app)


def _invariants(key: str, rows: dict[str, str]) -> list[str]:
    """What must hold whatever the table says."""
    problems = []
    endpoint = key.split(" ", 1)[1]
    for variant, row in rows.items():
        codes = dict(zip(PRINCIPALS, row.split(), strict=True))
        for name, code in codes.items():
            ok = code.startswith("2")
            where = f"{key} [{variant}] {name} → {code}"
            if not ok:
                continue
            if name in ("anonymous", "deactivated") and endpoint not in access_matrix.PUBLIC:
                problems.append(f"unexpected 2xx for {where}")
            elif variant in EXTREME and endpoint not in access_matrix.ID_FREE:
                problems.append(f"2xx for a non-existent id: {where}")
            elif variant == "other" and name not in ("staff", "admin") and (
                    endpoint not in access_matrix.SHARED):
                problems.append(f"2xx for someone else's object: {where}")
    return problems


def test_every_route_is_in_the_matrix(app):
    keys = {_key(method, rule) for method, rule in _routes(app)}
    missing = sorted(keys - set(access_matrix.EXPECTED))
    stale = sorted(set(access_matrix.EXPECTED) - keys)
    assert not missing, "routes missing from access_matrix.EXPECTED: " + ", ".join(missing)
    assert not stale, "rows for routes that no longer exist: " + ", ".join(stale)


def test_access_matrix(app, principals):
    world = principals
    failures: list[str] = []
    observed: dict[str, dict[str, str]] = {}
    cells = 0
    for method, rule in _routes(app):
        writes = method in WRITE_METHODS
        if writes:
            world = _fresh_world(app)
        rows = _probe(world, method, rule, writes, failures)
        key = _key(method, rule)
        observed[key] = rows
        cells += sum(code != "-" for row in rows.values() for code in row.split())
        failures.extend(_invariants(key, rows))
        expected = access_matrix.EXPECTED.get(key)
        if expected is not None and expected != rows:
            for variant in sorted(set(expected) | set(rows)):
                if expected.get(variant) != rows.get(variant):
                    failures.append(f"{key} [{variant}]: expected {expected.get(variant)!r}, "
                                    f"got {rows.get(variant)!r}")
    if os.environ.get("KOBLE_WRITE_MATRIX"):
        _write(observed)
    routes = len(observed)
    count("access matrix cells (route × method × principal × id variant)", cells)
    print(f"\naccess matrix: {cells} cells, {routes} route/method pairs × "
          f"{len(PRINCIPALS)} principals × up to {len(ID_VARIANTS)} id variants")
    assert not failures, "\n".join(failures)


def _write(observed: dict) -> None:
    """Rewrite the EXPECTED table of access_matrix.py from what was observed."""
    path = Path(access_matrix.__file__)
    text = path.read_text()
    head, _sep, _rest = text.partition("EXPECTED = {")
    lines = ["EXPECTED = {"]
    for key in sorted(observed):
        lines.append(f"    {key!r}: {{")
        for variant in ID_VARIANTS:
            if variant in observed[key]:
                lines.append(f"        {variant!r}: {observed[key][variant]!r},")
        lines.append("    },")
    lines.append("}")
    path.write_text(head + "\n".join(lines) + "\n")
