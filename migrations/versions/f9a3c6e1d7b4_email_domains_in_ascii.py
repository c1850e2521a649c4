"""e-mail domains in ASCII: an address whose domain has letters beyond ASCII (blåbær.no) is
stored in the domain's ASCII form (xn--blbr-roah.no), as accounts.normalise_email now
stores and looks up every address; one stored as Safari or Firefox sent it was not found
when Chromium sent the ASCII form, and the other way round

Revision ID: f9a3c6e1d7b4
Revises: e2f7c5a9d3b8
Create Date: 2026-12-07 11:15:00

"""
import idna
import sqlalchemy as sa
from alembic import op

revision = 'f9a3c6e1d7b4'
down_revision = 'e2f7c5a9d3b8'
branch_labels = None
depends_on = None


def _ascii(address: str) -> str | None:
    local, at, domain = address.rpartition("@")
    if not at or domain.isascii():
        return None
    try:
        return f"{local}@{idna.encode(domain, uts46=True).decode('ascii')}"
    except idna.IDNAError:
        return None


def upgrade():
    # Row by row, in Python: neither database encodes IDNA, and only the few addresses with
    # such a domain change. An address whose ASCII form another account already has is
    # left as it is (two accounts of one person; an admin can delete one), not merged.
    bind = op.get_bind()
    users = sa.table('user', sa.column('id', sa.Integer), sa.column('email', sa.String))
    rows = bind.execute(sa.select(users.c.id, users.c.email)).all()
    taken = {email for _id, email in rows}
    for user_id, email in rows:
        new = _ascii(email or "")
        if new and new not in taken:
            bind.execute(users.update().where(users.c.id == user_id).values(email=new))
            taken.add(new)


def downgrade():
    pass  # the ASCII form is the same address: nothing to put back
