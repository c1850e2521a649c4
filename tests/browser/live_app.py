"""The journeys' app: wsgi.py's, but hashing passwords at the app tests' cost.

At production cost (scrypt N=2^15, about 0.1 s of CPU a hash) every login of a journey, every
account the seed makes and the demo accounts' shared hash spent time on nothing a journey
checks. The app tests hash with TestConfig.PASSWORD_HASH_METHOD (scrypt N=2^10: the same
function and hash format); so do the journeys' server (`flask --app
"tests.browser.live_app:build()" run`) and tests/browser/seed_server.py. Production refuses
the setting (app/config.check_production).
"""

from __future__ import annotations


def build():
    from app import create_app
    from app.config import TestConfig

    app = create_app()
    app.config["PASSWORD_HASH_METHOD"] = TestConfig.PASSWORD_HASH_METHOD
    return app
