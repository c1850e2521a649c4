"""Configuration read from the environment."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
INSTANCE_DIR = Path(os.environ.get("KOBLE_INSTANCE_DIR", BASE_DIR / "instance"))

WEAK_SECRETS = {"", "dev", "secret", "changeme", "change-me", "koble", "development"}


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _make_instance_dir() -> None:
    """The instance folder holds the SQLite database (every e-mail address and password hash)
    and the secret key: one Koble makes is its owner's alone (0700), as SQLite would otherwise
    leave the database readable by every user of the machine. A folder that exists keeps the
    mode its operator gave it."""
    INSTANCE_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)


def _development_secret() -> str:
    """Generate a per-checkout secret once, so development needs no set-up."""
    path = INSTANCE_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    _make_instance_dir()
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        _make_instance_dir()
        return f"sqlite:///{INSTANCE_DIR / 'koble.sqlite'}"
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy 2 wants the driver named.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


class Config:
    """Settings for development and the base of the others."""

    TESTING = False
    DEBUG = False
    SECRET_KEY = os.environ.get("SECRET_KEY") or None
    SQLALCHEMY_DATABASE_URI = None  # resolved in create_app so tests never touch the file
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    WTF_CSRF_TIME_LIMIT = 3600 * 8
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024  # larger bodies get 413 before any form is parsed

    BABEL_DEFAULT_LOCALE = "nb"
    BABEL_DEFAULT_TIMEZONE = "Europe/Oslo"
    LANGUAGES = ("nb", "en")
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "translations")

    BOOTSTRAP_SERVE_LOCAL = True

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", False)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=7)
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)  # absolute lifetime
    SESSION_REFRESH_EACH_REQUEST = False  # the cookie is rewritten when the session changes
    SESSION_IDLE_TIMEOUT = timedelta(hours=2)

    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # If Redis is unreachable, keep throttling in memory rather than failing or letting all in.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")
    # Confirmation links mailed to one address, whoever asks for them: by e-mail changes and
    # by "Send it again" of a new account's address (account.send_address_link).
    EMAIL_CHANGE_TARGET_RATE_LIMIT = os.environ.get("EMAIL_CHANGE_TARGET_RATE_LIMIT",
                                                    "3 per hour")
    PROXY_FIX_HOPS = int(os.environ.get("PROXY_FIX_HOPS", "0"))

    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "file")
    MAIL_FILE_PATH = os.environ.get("MAIL_FILE_PATH", str(INSTANCE_DIR / "outbox"))
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", False)
    MAIL_USE_SSL = _env_bool("MAIL_USE_SSL", False)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Koble <noreply@koble.local>")
    # Where people write about their account (a deactivated or deleted one, a role they did
    # not expect): named in those e-mails and on the login page beside their association.
    # Unset: only the association is named (account_notices).
    CONTACT_EMAIL = os.environ.get("KOBLE_CONTACT_EMAIL") or None

    # Deleted accounts and pitches, noted outside the database so that a restored backup
    # loses them again (app/services/erasure_ledger.py); with several machines, a shared path.
    ERASURE_LEDGER = os.environ.get("KOBLE_ERASURE_LEDGER",
                                    str(INSTANCE_DIR / "erasure-ledger.jsonl"))

    MATCHING_N_JOBS = int(os.environ.get("MATCHING_N_JOBS", "1"))
    MATCHING_LEARN_FROM_FEEDBACK = _env_bool("MATCHING_LEARN_FROM_FEEDBACK", True)
    MATCHING_FEEDBACK_MIN_PAIRS = int(os.environ.get("MATCHING_FEEDBACK_MIN_PAIRS", "20"))
    PITCHES_PER_PAGE = 20
    FORCE_HTTPS = False
    # gzip/brotli for pages, CSS, JS and JSON (app/compression.py); 0 behind a proxy that
    # compresses responses itself
    COMPRESS_RESPONSES = _env_bool("COMPRESS_RESPONSES", True)

    # Rendered recommendation pages (app/services/page_cache.py). In each process by default;
    # any Flask-Caching backend works (CACHE_TYPE=RedisCache + CACHE_REDIS_URL shares them
    # between processes). CACHE_TYPE=NullCache turns the cache off.
    CACHE_TYPE = os.environ.get("CACHE_TYPE", "SimpleCache")
    CACHE_REDIS_URL = os.environ.get("CACHE_REDIS_URL")
    CACHE_DEFAULT_TIMEOUT = int(os.environ.get("CACHE_DEFAULT_TIMEOUT", "600"))
    CACHE_THRESHOLD = int(os.environ.get("CACHE_THRESHOLD", "500"))  # pages per process
    # None: scrypt at full cost (app/services/passwords.HASH_METHOD). Only tests lower it.
    PASSWORD_HASH_METHOD: str | None = None


class DevelopmentConfig(Config):
    """Local development: generated secret, SQLite under instance/."""

    DEBUG = _env_bool("FLASK_DEBUG", False)


class TestConfig(Config):
    """Test runs: in-memory SQLite unless TEST_DATABASE_URL says otherwise."""

    TESTING = True
    # Tests read English messages; tests/app/test_i18n.py checks bokmål as the real default.
    BABEL_DEFAULT_LOCALE = "en"
    SECRET_KEY = "test-secret-key-that-is-long-enough-0123456789"  # noqa: S105
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_BACKEND = "locmem"
    SERVER_NAME = None
    ERASURE_LEDGER = None  # tests that need one give a file of their own
    # scrypt at 1/32 of the production cost (2 ms instead of 0.1-0.2 s a hash): the suite
    # logs in thousands of times. Same function and hash format; production refuses it.
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"  # noqa: S105 - a method, not a password


class ProductionConfig(Config):
    """Production: refuses weak secrets, debug and insecure cookies."""

    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    FORCE_HTTPS = _env_bool("FORCE_HTTPS", True)
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp")


CONFIGS = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
    "testing": TestConfig,
}


class InsecureConfiguration(RuntimeError):
    """Raised when production settings would be unsafe."""


def check_production(config: dict) -> None:
    """Refuse to start production with debug, a weak secret or insecure cookies."""
    problems = []
    if config.get("DEBUG") or _env_bool("FLASK_DEBUG", False):
        problems.append("DEBUG must be off")
    key = config.get("SECRET_KEY") or ""
    if key.lower() in WEAK_SECRETS or len(key) < 32 or len(set(key)) < 10:
        problems.append("SECRET_KEY must be set to a random value of at least 32 characters")
    for prefix in ("SESSION", "REMEMBER"):
        if not config.get(f"{prefix}_COOKIE_SECURE"):
            problems.append(f"{prefix}_COOKIE_SECURE must be on")
        if not config.get(f"{prefix}_COOKIE_HTTPONLY"):
            problems.append(f"{prefix}_COOKIE_HTTPONLY must be on")
        if str(config.get(f"{prefix}_COOKIE_SAMESITE")).lower() not in ("lax", "strict"):
            problems.append(f"{prefix}_COOKIE_SAMESITE must be Lax or Strict")
    method = config.get("PASSWORD_HASH_METHOD")
    if method and method != "scrypt:32768:8:1":
        problems.append("PASSWORD_HASH_METHOD must be left unset (scrypt at full cost)")
    if problems:
        raise InsecureConfiguration("Refusing to start in production: " + "; ".join(problems))


def resolve_secret(config: dict) -> None:
    """Fill in a development secret when none is configured."""
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = _development_secret()


def resolve_database(config: dict) -> None:
    """Pick the database URL unless a test config already set one."""
    if not config.get("SQLALCHEMY_DATABASE_URI"):
        config["SQLALCHEMY_DATABASE_URI"] = _database_url()
