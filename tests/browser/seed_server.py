"""Prepare the journeys' database in one process, through Koble's own CLI commands.

Run by the `live_server` fixture as `python -m tests.browser.seed_server` with the server's
environment (DATABASE_URL, KOBLE_INSTANCE_DIR, …) already set:

1. the schema from the models (`db.create_all()`, as the app tests do: migrations are
   checked by tests/app/test_migrations.py, and lag the models while features land);
2. `flask seed-reference`, `flask demo seed` (small), `flask matching rebuild`;
3. `flask users create --role staff` for the staff journey.
"""

from __future__ import annotations

import os
import sys

STAFF_EMAIL = "siri.stab@asker.example.no"
STAFF_NAME = "Siri Stab"
STAFF_PASSWORD = "Stabens-eget-passord-2026"  # noqa: S105 - a test account
DEMO_PITCHES = int(os.environ.get("KOBLE_JOURNEY_PITCHES", "60"))
DEMO_INVESTORS = int(os.environ.get("KOBLE_JOURNEY_INVESTORS", "24"))


def _invoke(runner, args: list[str]) -> None:
    result = runner.invoke(args=args, catch_exceptions=True)
    print(f"$ flask {' '.join(a if 'passord' not in a else '***' for a in args)}")
    print(result.output[-2000:])
    if result.exit_code != 0:
        if result.exception is not None:
            import traceback

            traceback.print_exception(result.exception)
        sys.exit(f"flask {args[0]} {args[1] if len(args) > 1 else ''} failed")


def main() -> None:
    from app import create_app

    app = create_app()
    runner = app.test_cli_runner()
    with app.app_context():  # as `flask` pushes one for every command
        _seed(runner)


def _seed(runner) -> None:
    import sqlalchemy as sa

    from app.extensions import db

    db.create_all()
    db.session.commit()
    print(f"Schema: {len(sa.inspect(db.engine).get_table_names())} tables from the models.")
    _invoke(runner, ["seed-reference"])
    _invoke(runner, ["demo", "seed", "--pitches", str(DEMO_PITCHES),
                     "--investors", str(DEMO_INVESTORS)])
    _invoke(runner, ["matching", "rebuild"])
    _invoke(runner, ["users", "create", "--role", "staff", "--association", "asker",
                     "--email", STAFF_EMAIL, "--name", STAFF_NAME,
                     "--password", STAFF_PASSWORD])


if __name__ == "__main__":
    main()
