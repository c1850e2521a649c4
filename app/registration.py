"""The register_* helpers that create_app calls."""

from __future__ import annotations

from flask import Flask, Response
from werkzeug.middleware.proxy_fix import ProxyFix

from app.extensions import (
    babel,
    bootstrap,
    cache,
    csrf,
    db,
    limiter,
    login_manager,
    mail,
    migrate,
    talisman,
)

# Inline styles are allowed for Bootstrap's progress bars; scripts only from our own origin.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": ["'self'", "data:"],
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def _retry_after_only_when_refused(response: Response) -> Response:
    """Retry-After on a 429 or 503 only. flask-limiter, with its headers on, writes it on
    every answer of a rate-limited route (a 200, a 401, a redirect after logging in), the
    seconds until the window resets, and has no setting to keep it to refusals. On a 3xx
    it asks the client to wait before following; on a 200 it means nothing but reads as
    "wait". The X-RateLimit-* headers stay on every answer."""
    if response.status_code not in (429, 503):
        response.headers.pop("Retry-After", None)
    return response


def register_extensions(app: Flask) -> None:
    """Bind every extension to the app."""
    from app.database import BoundedIntConverter
    from app.i18n import select_locale
    from app.services import page_versions
    from app.sessions import load_user

    # Before any blueprint: an id too large for the database is a 404, not a 500.
    app.url_map.converters["int"] = BoundedIntConverter
    if app.config.get("PROXY_FIX_HOPS"):
        hops = app.config["PROXY_FIX_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    db.init_app(app)
    page_versions.install(db.session)
    cache.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    mail.init_app(app)
    bootstrap.init_app(app)
    limiter.init_app(app)
    # First in the list, so last to run (Flask runs an app's after_request hooks from the
    # last registered): after flask-limiter's own, which writes Retry-After.
    app.after_request_funcs.setdefault(None, []).insert(0, _retry_after_only_when_refused)
    talisman.init_app(
        app,
        force_https=app.config.get("FORCE_HTTPS", False),
        strict_transport_security=app.config.get("FORCE_HTTPS", False),
        session_cookie_secure=app.config.get("SESSION_COOKIE_SECURE", False),
        content_security_policy=CSP,
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
    )
    from app.i18n import login_message

    login_manager.localize_callback = login_message

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        from app.database import enable_sqlite_pragmas

        with app.app_context():
            enable_sqlite_pragmas(db.engine)


def register_hooks(app: Flask) -> None:
    """Request hooks, template helpers and error pages."""
    from app import errors, i18n, sessions, static_files, templating

    static_files.init_app(app)
    sessions.init_app(app)
    app.after_request(i18n.remember_language)
    templating.init_app(app)
    errors.init_app(app)


def register_blueprints(app: Flask) -> None:
    """One blueprint per feature, each under its own prefix."""
    from app.auth.routes import bp as auth_bp
    from app.main.routes import bp as main_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    from app.investors.routes import bp as investors_bp
    from app.pitches.routes import bp as pitches_bp
    from app.staff.routes import bp as staff_bp

    app.register_blueprint(pitches_bp, url_prefix="/pitches")
    app.register_blueprint(investors_bp)
    app.register_blueprint(staff_bp, url_prefix="/staff")
    from app.matches.admin import bp as engine_admin_bp
    from app.matches.notifications import bp as notifications_bp
    from app.matches.routes import bp as matches_bp
    from app.services.score_refresh import init_app as init_score_refresh

    app.register_blueprint(matches_bp)
    app.register_blueprint(notifications_bp)
    app.register_blueprint(engine_admin_bp)
    from app.admin.routes import bp as admin_bp

    app.register_blueprint(admin_bp)  # /admin/users, /admin/associations
    init_score_refresh(app)  # refresh match scores when pitches and profiles are saved
    from app.arenas.routes import bp as arenas_bp
    from app.arenas.staff_invitations import bp as arena_invitations_bp
    from app.arenas.staff_routes import bp as arena_staff_bp

    app.register_blueprint(arenas_bp, url_prefix="/arenas")
    app.register_blueprint(arena_staff_bp, url_prefix="/staff")
    app.register_blueprint(arena_invitations_bp, url_prefix="/staff/arenas")
    from app.meetings.dashboard import bp as dashboard_bp
    from app.meetings.routes import bp as meetings_bp
    from app.meetings.staff_routes import bp as meetings_staff_bp

    app.register_blueprint(meetings_bp, url_prefix="/arenas")
    app.register_blueprint(meetings_staff_bp, url_prefix="/staff/arenas")
    app.register_blueprint(dashboard_bp, url_prefix="/staff")

    from app.account.routes import bp as account_bp
    from app.api import init_api

    app.register_blueprint(account_bp, url_prefix="/account")
    from app.members.routes import bp as members_bp

    app.register_blueprint(members_bp)  # member import, CSV/.xlsx exports
    init_api(app)  # /api/v1 (token auth, CSRF-exempt) and its OpenAPI description


def register_cli(app: Flask) -> None:
    """The flask CLI commands."""
    from app.cli import register_commands

    register_commands(app)
