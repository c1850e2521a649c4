"""Part 4 of 4 of the access-control matrix (tests/app/security/matrix_probe.py): a file of
its own so that pytest-xdist may run it beside the other parts."""

from tests.app.security.matrix_probe import check_part


def test_access_matrix_part4(app, principals):
    check_part(app, principals, 3)
