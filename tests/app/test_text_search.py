"""The word search of pitches and investors: the same results on SQLite and PostgreSQL, and
on PostgreSQL the trigram indexes that the migration builds and the planner uses."""

from __future__ import annotations

import os
import uuid

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, insert, inspect, text

from app import create_app
from app.extensions import db
from app.models import InvestorProfile, Pitch, User
from app.services import investors, pitch_search
from tests.factories import make_investor, make_pitch, make_user

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
ON_POSTGRESQL = TEST_DATABASE_URL.startswith("postgresql")
needs_postgresql = pytest.mark.skipif(not ON_POSTGRESQL,
                                      reason="trigram indexes need PostgreSQL (TEST_DATABASE_URL)")
SEARCH_INDEXES = {"ix_pitch_search_text": "pitch",
                  "ix_investor_profile_search_text": "investor_profile"}
BEFORE = "c4e7d2a9f180"  # the revision before the trigram indexes

# title, summary, description of each pitch
PITCHES = {
    "solar": ("Solar roofs", "Panels on barns", "Batteries for farms"),
    "fjord": ("Elferje", "Stille båter på fjorden", "Batterier og hydrogen for havbruk"),
    "circular": ("Sirkulær bygg", "Gjenbruk av murstein", "Ombruk gir 100% mindre avfall"),
    "wind": ("Vind", "Kraft fra sjøen", "Turbiner til havs_park og energi"),
    "split": ("Sol", "ar energy", "Nothing else here"),
    "path": ("Backslash", "Paths like C:\\data", "Rare word: xylofonkvartett"),
}


def expected(texts: dict[str, tuple[str, ...]], query: str) -> set[str]:
    """The rule, in Python: every word occurs, case-insensitively, in one of the texts."""
    words = query.lower().split()
    return {key for key, columns in texts.items()
            if words and all(any(w in c.lower() for c in columns) for w in words)}


@pytest.fixture
def pitches(app):
    founder = make_user("founder")
    ids = {key: make_pitch(founder, title=t, summary=s, description=d).id
           for key, (t, s, d) in PITCHES.items()}
    make_pitch(founder, title="Solar draft", status="draft")
    make_pitch(founder, title="Solar hidden", hidden=True, hidden_reason="spam")
    return ids


def found(ids: dict[str, int], query: str) -> set[str]:
    rows = db.session.scalars(pitch_search.search_query(text=query)).all()
    names = {pitch_id: key for key, pitch_id in ids.items()}
    return {names[pitch.id] for pitch in rows}


@pytest.mark.parametrize("query", [
    "solar",                  # one word, title
    "SoLaR",                  # mixed case
    "batter",                 # a substring, in two pitches' descriptions
    "solar farms",            # words in different columns: both required
    "solar fjorden",          # one word missing: nothing
    "BÅTER fjorden",          # Norwegian letters, typed in capitals
    "sirkulær gjenbruk",      # æ in the title, the other word in the summary
    "havbruk hydrogen båter",
    "100%",                   # % typed literally: matches itself only
    "%",
    "havs_park",              # _ typed literally
    "s_l",                    # ... not a wildcard: "sol" does not match
    "c:\\data",               # a backslash typed literally
    "solar ar",               # a two-letter word (no trigram) with a long one
    "ø", "på", "å",           # one- and two-letter words, Norwegian letters
    "solar-ar",
    "solar\tpanels",          # any whitespace splits words
    "xylofonkvartett",        # a rare word, only in a description
    "nothing-like-this",
])
def test_pitch_search_finds_exactly_the_pitches_with_every_word(pitches, query):
    assert found(pitches, query) == expected(PITCHES, query)


def test_a_word_never_spans_two_columns(pitches):
    # "Sol" + "ar energy" are two columns: "solar" is in neither, nor is "olar"
    assert "split" not in found(pitches, "solar")
    assert found(pitches, "olar") == {"solar"}
    assert found(pitches, "sol") == {"solar", "split"}


def test_drafts_and_hidden_pitches_are_never_found(pitches):
    assert found(pitches, "solar") == {"solar"}


def test_norwegian_capitals_in_the_text_match_lower_case_words(app):
    """Capital Æ, Ø and Å are found by a lower-case search on both databases (SQLite's
    built-in lower() folds A–Z only; app/database.py replaces it)."""
    ids = {"capitals": make_pitch(title="ØKOLOGISK SJØMAT", summary="Æ", description="Å").id}
    assert found(ids, "økologisk sjømat") == {"capitals"}


INVESTORS = {
    "green": ("Grønn Kapital AS", "Vi investerer i fornybar energi og solkraft."),
    "sea": ("Havbruk Invest", "Sjømat, havvind og 50% grønne mål."),
    "split": ("Sol", "ar fund"),
}


@pytest.mark.parametrize("query", [
    "grønn", "GRØNN solkraft", "havbruk sjømat", "50%", "5_%", "solar", "sol", "ar",
    "energi havvind", "vi",
])
def test_investor_search_finds_exactly_the_profiles_with_every_word(app, query):
    ids = {key: make_investor(organisation=organisation, thesis=thesis).id
           for key, (organisation, thesis) in INVESTORS.items()}
    make_investor(organisation="Grønn Sovende", thesis="solkraft", active=False)
    names = {profile_id: key for key, profile_id in ids.items()}
    rows = db.session.scalars(investors.search_query(text=query)).all()
    assert {names[profile.id] for profile in rows} == expected(INVESTORS, query)


# --- PostgreSQL: the indexes -----------------------------------------------------------


@pytest.fixture
def empty_postgresql_url():
    """A brand-new PostgreSQL database, dropped afterwards."""
    name = f"koble_trgm_{uuid.uuid4().hex[:8]}"
    admin = create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield TEST_DATABASE_URL.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def search_indexes() -> set[str]:
    found_ = set()
    for name, table in SEARCH_INDEXES.items():
        if name in {index["name"] for index in inspect(db.engine).get_indexes(table)}:
            found_.add(name)
    return found_


def plan_of(query) -> str:
    """EXPLAIN of an ORM select, run with its values bound as the app runs it."""
    compiled = query.compile(dialect=db.engine.dialect)
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params)
        return "\n".join(row[0] for row in rows)


@needs_postgresql
def test_migration_builds_the_indexes_and_survives_downgrade_and_upgrade(
        empty_postgresql_url, tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_postgresql_url,
                      "MATCHING_INDEX_DIR": str(tmp_path / "index")})
    with app.app_context():
        upgrade()
        assert search_indexes() == set(SEARCH_INDEXES)
        downgrade(revision=BEFORE)
        assert search_indexes() == set()
        upgrade()
        assert search_indexes() == set(SEARCH_INDEXES)
        db.engine.dispose()


@needs_postgresql
def test_a_schema_made_from_the_models_has_the_indexes_too(app):
    # db.create_all(): the test suite's schema, and run.py's when the migrations lag
    assert search_indexes() == set(SEARCH_INDEXES)


@needs_postgresql
def test_the_planner_uses_the_trigram_index_for_a_selective_word(empty_postgresql_url,
                                                                  tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_postgresql_url,
                      "MATCHING_INDEX_DIR": str(tmp_path / "index")})
    with app.app_context():
        upgrade()
        owner = make_user("founder", association=None)
        filler = "Solceller og batterier på låvetak gir bonden strøm og inntekt hele året. "
        db.session.execute(insert(Pitch), [
            {"owner_id": owner.id, "title": f"Pitch {n}", "summary": "Fornybar energi",
             "description": filler * 4 + ("xylofonkvartett" if n == 1234 else ""),
             "sectors": ["energy"], "stage": "seed", "status": "published", "hidden": False,
             "version": 1}
            for n in range(3000)])
        # investors enough that their role (searches list investors' profiles only) is no
        # selective way in: the planner must weigh the trigram index against the others
        ids = db.session.scalars(insert(User).returning(User.id), [
            {"email": f"investor{n}@example.no", "name": f"Investor {n}",
             "password_hash": "x", "role": "investor", "active": True} for n in range(400)]).all()
        db.session.execute(insert(InvestorProfile), [
            {"user_id": user_id, "organisation": f"Grønn Kapital {n}",
             "investor_type": "venture_fund",
             "thesis": filler * 4 + ("xylofonkvartett" if n == 123 else ""),
             "active": True, "version": 1} for n, user_id in enumerate(ids)])
        db.session.commit()
        # as after any bulk load: the GIN pending list merged, statistics fresh
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for table in ("pitch", "investor_profile", '"user"'):
                connection.execute(text(f"VACUUM ANALYZE {table}"))

        query = pitch_search.search_query(text="Xylofonkvartett")
        assert len(db.session.scalars(query).all()) == 1
        assert "ix_pitch_search_text" in plan_of(query), plan_of(query)
        # two words, one of them too short for a trigram: still the index, still right
        query = pitch_search.search_query(text="xylofonkvartett på")
        assert len(db.session.scalars(query).all()) == 1
        assert "ix_pitch_search_text" in plan_of(query), plan_of(query)
        assert len(db.session.scalars(investors.search_query(text="xylofon")).all()) == 1
        # 400 profiles are still few: ask the planner to prefer any index, then check that
        # the search's expression is the one the index is built on
        with db.engine.connect() as connection:
            connection.execute(text("SET enable_seqscan = off"))
            compiled = investors.search_query(text="xylofon").compile(dialect=db.engine.dialect)
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(
                "EXPLAIN " + str(compiled), compiled.params))
        assert "ix_investor_profile_search_text" in plan
        db.session.remove()
        db.engine.dispose()


@needs_postgresql
def test_migration_without_the_right_to_create_pg_trgm_succeeds_and_says_why(
        empty_postgresql_url, tmp_path, capfd):
    role = f"koble_noext_{uuid.uuid4().hex[:8]}"
    admin_url = empty_postgresql_url
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        # may create tables in public, but not extensions (no CREATE on the database)
        connection.execute(text(f'GRANT CREATE ON SCHEMA public TO "{role}"'))
    url = admin_url.replace("postgres@", f"{role}@", 1)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url,
                          "MATCHING_INDEX_DIR": str(tmp_path / "index")})
        with app.app_context():
            upgrade()
            assert search_indexes() == set()
            assert "pitch" in inspect(db.engine).get_table_names()
            make_pitch(make_user(association=None), title="Solar roofs")
            assert len(db.session.scalars(pitch_search.search_query(text="SOLAR")).all()) == 1
            db.session.remove()
            db.engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
        with create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT").connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{admin_url.rsplit("/", 1)[1]}" '
                           "WITH (FORCE)"))
            c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
    # the migrations' log goes to stderr (migrations/alembic.ini)
    logged = capfd.readouterr().err
    assert "pg_trgm cannot be created (permission denied" in logged, logged[-2000:]
