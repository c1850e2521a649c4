"""Every Flask extension, unbound; create_app binds them."""

from flask import request
from flask_babel import Babel
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mailman import Mail
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_talisman import Talisman
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names make migrations reproducible on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)


class KobleLoginManager(LoginManager):
    """Flask-Login's, but a form sent after the session ended (timed out during the request,
    or logged out in another tab) is answered "you were logged out", with what it held kept
    to give back after logging in again, instead of a redirect to the login page that threw
    it away (app/errors.py)."""

    def unauthorized(self):
        from app.errors import logged_out_post

        page = logged_out_post()
        return page if page is not None else super().unauthorized()


class KobleTalisman(Talisman):
    """Flask-Talisman's, but the site's Content-Security-Policy header is written once, not
    again for every answer: Talisman joins the policy's nine directives into the header on
    each response (about 35 microseconds, a twentieth of an answer to /health). Only the
    site's own policy, and only while no nonce is in play (none is configured; a view's own
    policy or a request with a nonce is written as Talisman writes it)."""

    _csp_written: tuple[object, str] | None = None  # (the policy, its header)

    def _parse_policy(self, policy):
        if policy is not self.content_security_policy or hasattr(request, "csp_nonce"):
            return super()._parse_policy(policy)
        written = self._csp_written
        if written is None or written[0] is not policy:
            written = self._csp_written = (policy, super()._parse_policy(policy))
        return written[1]


login_manager = KobleLoginManager()
csrf = CSRFProtect()
babel = Babel()
mail = Mail()
talisman = KobleTalisman()
cache = Cache()
limiter = Limiter(key_func=get_remote_address, default_limits=[])

from flask_bootstrap import Bootstrap5  # noqa: E402

bootstrap = Bootstrap5()
