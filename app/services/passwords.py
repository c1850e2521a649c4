"""Password rules (ASVS V6): long, not common, hashed slowly."""

from __future__ import annotations

import re
import secrets
from difflib import SequenceMatcher
from functools import lru_cache

from flask import current_app, has_app_context
from flask_babel import gettext as _
from werkzeug.security import check_password_hash, gen_salt, generate_password_hash
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_LENGTH = 12
MAX_LENGTH = 128
# scrypt at werkzeug's cost (N=2^15, r=8, p=1): about 0.1 s a hash, on purpose. Only the test
# configuration lowers it (TestConfig.PASSWORD_HASH_METHOD); production refuses anything else.
HASH_METHOD = "scrypt:32768:8:1"


def hash_method() -> str:
    """The hashing method: the app's PASSWORD_HASH_METHOD, else the production cost."""
    if has_app_context():
        return current_app.config.get("PASSWORD_HASH_METHOD") or HASH_METHOD
    return HASH_METHOD


@lru_cache(maxsize=4)
def _dummy_hash_for(method: str) -> str:
    return generate_password_hash("koble-dummy-password-for-timing", method=method)


def dummy_hash() -> str:
    """A fixed hash to compare against when the e-mail is unknown, so timing does not tell:
    made with the method real hashes are made with."""
    return _dummy_hash_for(hash_method())


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"])


def _plain(text: str) -> str:
    """Lower case, letters only: "Kari.Nordmann-1" → "karinordmann"."""
    return re.sub(r"[\W\d_]+", "", text.lower())


def _personal_inputs(user_inputs: tuple[str, ...]) -> list[str]:
    """The user's own words, with the local part of each e-mail address added."""
    words = [w for w in user_inputs if w]
    for word in list(words):
        if "@" in word:
            words.append(word.rsplit("@", 1)[0])
    return words


def _too_personal(password: str, user_inputs: tuple[str, ...]) -> bool:
    """The password is (nearly) the e-mail, its local part or the name."""
    plain = _plain(password)
    for word in _personal_inputs(user_inputs):
        own = _plain(word)
        if len(own) < 4:
            continue
        if password.lower() == word.lower() or plain == own:
            return True
        if plain and own in plain and len(plain) - len(own) <= 4:
            return True  # the local part plus a year or a couple of letters
        if SequenceMatcher(None, plain, own).ratio() >= 0.85:
            return True
    return False


def password_problem(password: str, user_inputs: tuple[str, ...] = ()) -> str | None:
    """Say what is wrong with a new password, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return _("Use at least %(n)d characters.", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _("Use at most %(n)d characters.", n=MAX_LENGTH)
    if password.lower() in _common_passwords():
        return _("This password is too common. Choose another.")
    if _too_personal(password, user_inputs):
        return _("This password is too close to your e-mail address or name. Choose another.")
    if zxcvbn(password[:64], user_inputs=_personal_inputs(user_inputs))["score"] < 2:
        return _("This password is too easy to guess. Try a longer phrase.")
    return None


def hash_password(password: str) -> str:
    """Hash with scrypt, a slow, memory-hard function."""
    return generate_password_hash(password, method=hash_method())


def unusable_hash() -> str:
    """A scrypt hash no password matches (a random digest for a random salt), with the same
    parameters as a real one: a login attempt costs the same time as for any account."""
    reference = dummy_hash()
    method = reference.split("$", 1)[0]
    digest_hex = len(reference.rsplit("$", 1)[1])
    return f"{method}${gen_salt(16)}${secrets.token_hex(digest_hex // 2)}"


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password; spends the same time when there is no user."""
    if password_hash is None:
        check_password_hash(dummy_hash(), password)
        return False
    return check_password_hash(password_hash, password)
