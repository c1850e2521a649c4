"""Probing the access-control matrix: every route × method × principal × id variant answers
exactly what tests/app/security/access_matrix.py says.

The routes are dealt into PARTS parts (the route at index i of `routes` goes to part
i % PARTS), each checked by its own file, test_access_matrix_part<k>.py, so that pytest-xdist
(`--dist loadfile`: one file, one worker) can run the parts on different workers: as one test
the matrix took about 160 s of one worker while the other had nothing left to do.
test_access_matrix.py checks that the parts together probe every route exactly once.

Within a part, GET routes are probed one after another on one world (a GET changes nothing:
test_no_state_change_on_get.py); writes (POST/PUT) run on a fresh world per route, with an
empty form or JSON body (the CSRF layer is off: test_csrf.py covers it), and a request that
is refused changes nothing (database checksum before and after; after a request that ran no
write statement the checksum is known without reading: checksum.WriteWatch). A fresh world is
the part's first one put back: every row of every table as build_world left it, new clients
logged in as build_world logs them in, and an empty page cache (building the world again took
about 0.6 s a write route, most of the matrix's time; putting its rows back takes a few ms).

Beside the table, invariants that hold whatever the table says: anonymous and deactivated
users get no 2xx outside the public pages; nobody gets a 2xx for a missing, negative, huge or
non-numeric id; founders and investors get no 2xx for someone else's private object.

To regenerate the table after adding a route, run the parts in one process with
KOBLE_WRITE_MATRIX=1 (`pytest -n0 tests/app/security/test_access_matrix_part*.py`): each part
writes its rows into the table, rows of routes that no longer exist are dropped. Review the
diff line by line: every new 2xx must be intended.
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path

from sqlalchemy import select

from app.extensions import cache, db
from app.models import User
from tests.app.security import access_matrix
from tests.app.security.checksum import WriteWatch, checksum
from tests.app.security.counts import count
from tests.app.security.principals import (
    ID_VARIANTS,
    PRINCIPALS,
    World,
    get_rules,
    log_in,
    url_for_rule,
)

PARTS = 4
WRITE_METHODS = ("POST", "PUT")
REFUSED = {"L", "400", "401", "403", "404", "405", "409", "422"}
EXTREME = ("missing", "negative", "huge", "non_numeric")
# Variants tried on the own object last, so a principal's successful write (a delete) does not
# change what its other variants find.
VARIANT_ORDER = ("other", "other_published", *EXTREME, "own")


def routes(app) -> list[tuple[str, object]]:
    """(method, rule) for every route and method, in a stable order."""
    seen = []
    for method in ("GET", *WRITE_METHODS):
        for rule in get_rules(app, method):
            seen.append((method, rule))
    return seen


def part_routes(app, part: int) -> list[tuple[str, object]]:
    """The routes part `part` (0 … PARTS-1) probes, in the order of `routes`."""
    return [route for index, route in enumerate(routes(app)) if index % PARTS == part]


def key(method: str, rule) -> str:
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


class WorldRows:
    """Every row of every table as build_world left them, to put the world back fresh."""

    def __init__(self, world: World) -> None:
        db.session.commit()
        with db.engine.connect() as connection:
            self.rows = {table: [dict(row._mapping) for row in connection.execute(select(table))]
                         for table in db.metadata.sorted_tables}
        self.user_ids = {p.name: p.user.id for p in world if p.user is not None}
        self.checksum = checksum()

    def fresh(self, world: World) -> World:
        """The world as build_world made it: its rows (the same ids, tokens and sessions'
        tokens), a new client for every principal, logged in as build_world logs in, and no
        page kept in the page cache."""
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
            for table, rows in self.rows.items():
                if rows:
                    connection.execute(table.insert(), rows)
        assert checksum() == self.checksum, checksum().diff(self.checksum)
        cache.clear()
        for principal in world:
            principal.client = world.app.test_client()
            if principal.name in self.user_ids:
                principal.user = db.session.get(User, self.user_ids[principal.name])
                log_in(principal.client, principal.user)
        return world


def _invariants(route_key: str, rows: dict[str, str]) -> list[str]:
    """What must hold whatever the table says."""
    problems = []
    endpoint = route_key.split(" ", 1)[1]
    for variant, row in rows.items():
        codes = dict(zip(PRINCIPALS, row.split(), strict=True))
        for name, code in codes.items():
            ok = code.startswith("2")
            where = f"{route_key} [{variant}] {name} → {code}"
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


def check_part(app, world: World, part: int) -> None:
    """Probe part `part`'s routes on `world` (the principals fixture's) and compare."""
    failures: list[str] = []
    observed: dict[str, dict[str, str]] = {}
    cells = 0
    first = WorldRows(world)
    for method, rule in part_routes(app, part):
        writes = method in WRITE_METHODS
        if writes:
            world = first.fresh(world)
        rows = _probe(world, method, rule, writes, failures)
        route_key = key(method, rule)
        observed[route_key] = rows
        cells += sum(code != "-" for row in rows.values() for code in row.split())
        failures.extend(_invariants(route_key, rows))
        expected = access_matrix.EXPECTED.get(route_key)
        if expected is not None and expected != rows:
            for variant in sorted(set(expected) | set(rows)):
                if expected.get(variant) != rows.get(variant):
                    failures.append(f"{route_key} [{variant}]: expected "
                                    f"{expected.get(variant)!r}, got {rows.get(variant)!r}")
    if os.environ.get("KOBLE_WRITE_MATRIX"):
        _write(observed, {key(method, rule) for method, rule in routes(app)})
    count("access matrix cells (route × method × principal × id variant)", cells)
    print(f"\naccess matrix part {part + 1} of {PARTS}: {cells} cells, {len(observed)} "
          f"route/method pairs × {len(PRINCIPALS)} principals × up to {len(ID_VARIANTS)} "
          f"id variants")
    assert not failures, "\n".join(failures)


def _write(observed: dict, current: set[str]) -> None:
    """Write this part's observed rows into the EXPECTED table of access_matrix.py (read
    again from the file: another part may have written its own), dropping rows of routes
    that no longer exist."""
    path = Path(access_matrix.__file__)
    table = dict(runpy.run_path(str(path))["EXPECTED"])
    table.update(observed)
    table = {k: v for k, v in table.items() if k in current}
    text = path.read_text()
    head, _sep, _rest = text.partition("EXPECTED = {")
    lines = ["EXPECTED = {"]
    for route_key in sorted(table):
        lines.append(f"    {route_key!r}: {{")
        for variant in ID_VARIANTS:
            if variant in table[route_key]:
                lines.append(f"        {variant!r}: {table[route_key][variant]!r},")
        lines.append("    },")
    lines.append("}")
    path.write_text(head + "\n".join(lines) + "\n")
