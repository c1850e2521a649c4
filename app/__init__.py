"""Koble: matchmaking for founders, green ideas and capital."""

from __future__ import annotations

import os

from flask import Flask

from app.config import CONFIGS, check_production, resolve_database, resolve_secret


def create_app(test_config: dict | None = None) -> Flask:
    """Build the application: configuration, extensions, blueprints, CLI."""
    app = Flask(
        __name__,
        instance_path=os.environ.get("KOBLE_INSTANCE_DIR") or None,
        template_folder="../templates",
        static_folder="static",
    )
    env = "testing" if test_config is not None else os.environ.get("KOBLE_ENV", "development")
    app.config.from_object(CONFIGS.get(env, CONFIGS["development"]))
    if test_config:
        app.config.update(test_config)
    resolve_database(app.config)
    if env == "production":
        check_production(app.config)
    else:
        resolve_secret(app.config)

    from app.registration import (
        register_blueprints,
        register_cli,
        register_extensions,
        register_hooks,
    )

    register_extensions(app)
    register_hooks(app)
    register_blueprints(app)
    register_cli(app)
    from app import compression

    compression.init_app(app)  # last: its hook runs after every other one
    return app
