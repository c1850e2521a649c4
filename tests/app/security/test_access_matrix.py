"""The access-control matrix: every route × method × principal × id variant answers exactly
what tests/app/security/access_matrix.py says.

The probing is in matrix_probe.py, dealt into matrix_probe.PARTS parts, each run by its own
file (test_access_matrix_part1.py …) so that two pytest-xdist workers share it; run them all
with `pytest -n0 tests/app/security/test_access_matrix*.py`. Here: a route missing from the
table (or a table row whose route is gone) fails `test_every_route_is_in_the_matrix`, and
`test_parts_probe_every_route_once` checks that the parts together probe every route and
method exactly once, and that each part has its file.
"""

from __future__ import annotations

from pathlib import Path

from tests.app.security import access_matrix, matrix_probe


def test_every_route_is_in_the_matrix(app):
    keys = {matrix_probe.key(method, rule) for method, rule in matrix_probe.routes(app)}
    missing = sorted(keys - set(access_matrix.EXPECTED))
    stale = sorted(set(access_matrix.EXPECTED) - keys)
    assert not missing, "routes missing from access_matrix.EXPECTED: " + ", ".join(missing)
    assert not stale, "rows for routes that no longer exist: " + ", ".join(stale)


def test_parts_probe_every_route_once(app):
    every = [matrix_probe.key(method, rule) for method, rule in matrix_probe.routes(app)]
    probed = [matrix_probe.key(method, rule) for part in range(matrix_probe.PARTS)
              for method, rule in matrix_probe.part_routes(app, part)]
    assert sorted(probed) == sorted(every)
    assert len(set(every)) == len(every)
    here = Path(__file__).parent
    for part in range(matrix_probe.PARTS):
        text = (here / f"test_access_matrix_part{part + 1}.py").read_text()
        assert f"check_part(app, principals, {part})" in text
