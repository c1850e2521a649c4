"""The migration that adds User.association_from_municipality gives the people already on
Koble what the account page guessed for them until then: "Decide from my municipality" when
their association is their municipality's (or both have none), picked by name otherwise. So
nothing they see or what a move does changes for them. Run on SQLite, and on PostgreSQL when
TEST_DATABASE_URL names one."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from tests.app.test_migrations import (
    empty_database_url,  # noqa: F401 - the fixture
    insert_user,
)

BEFORE = "b8e3f0c2d6a9"
ASSOCIATIONS = {1: "asker", 2: "drammen", 3: "ringerike"}

# user id: (municipality, association id) -> follows the municipality after the upgrade
PEOPLE = {
    1: (("asker", 1), True),        # Asker's association in Asker
    2: (("lier", 2), True),         # Drammen's region holds Lier
    3: (("hole", 3), True),         # and Ringerike's Hole
    4: (("asker", 2), False),       # another association: picked by name
    5: (("abroad", 1), False),      # outside the region with an association: by name
    6: (("abroad", None), True),    # outside the region, no association: nothing to pick
    7: ((None, None), True),
    8: (("drammen", None), False),  # in a region but without its association
    9: ((None, 1), False),
}


def test_existing_people_keep_what_the_page_guessed(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            for association_id, slug in ASSOCIATIONS.items():
                connection.execute(text(
                    "INSERT INTO association (id, slug, name) VALUES (:id, :slug, :slug)"),
                    {"id": association_id, "slug": slug})
            for uid, ((municipality, association_id), _follows) in PEOPLE.items():
                insert_user(connection, uid)
                connection.execute(text(
                    "UPDATE \"user\" SET municipality = :m, association_id = :a WHERE id = :id"),
                    {"m": municipality, "a": association_id, "id": uid})
        upgrade()
        with db.engine.connect() as connection:
            follows = dict(connection.execute(text(
                "SELECT id, association_from_municipality FROM \"user\" ORDER BY id")).all())
        assert {uid: bool(value) for uid, value in follows.items()} == {
            uid: expected for uid, (_place, expected) in PEOPLE.items()}
        with db.engine.begin() as connection:  # a row written without it: picked by name
            insert_user(connection, 10)
            added = connection.execute(text(
                "SELECT association_from_municipality FROM \"user\" WHERE id = 10")).scalar()
        assert not added
        downgrade(revision=BEFORE)
        with db.engine.connect() as connection:
            columns = connection.execute(text("SELECT * FROM \"user\" LIMIT 1")).keys()
        assert "association_from_municipality" not in columns
        with db.engine.begin() as connection:  # base drops "association": no rows may point at it
            connection.execute(text("DELETE FROM \"user\""))
            connection.execute(text("DELETE FROM association"))
        downgrade(revision="base")
        db.engine.dispose()
