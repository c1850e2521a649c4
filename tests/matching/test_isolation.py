"""The engine never pulls in the web app."""

from __future__ import annotations

import subprocess
import sys


def test_import_matching_loads_no_web_modules():
    code = (
        "import sys, matching\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy', 'app',"
        " 'flask_sqlalchemy')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
