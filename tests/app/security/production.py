"""Build the app exactly as production does: create_app() under KOBLE_ENV=production."""

from __future__ import annotations

import secrets

from app import create_app
from app.config import ProductionConfig


def production_app(monkeypatch, tmp_path, environ: dict | None = None, **settings):
    """create_app() with KOBLE_ENV=production; `settings` patch ProductionConfig."""
    monkeypatch.setenv("KOBLE_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'production.sqlite'}")
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    for name, value in (environ or {}).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", secrets.token_hex(32))
    for name, value in settings.items():
        monkeypatch.setattr(ProductionConfig, name, value)
    return create_app()
