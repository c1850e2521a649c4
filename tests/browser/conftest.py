"""Real-browser journeys: Debian's Chromium driven by Playwright against a real server process.

The session starts Koble with `flask run` on 127.0.0.1 and a free port, on its own SQLite
file in a temporary folder, with demo data, a fitted matching index, a staff account made
with `flask users create`, e-mails written to a folder (MAIL_BACKEND=file) and the login
rate limit relaxed. Every page a journey visits is checked with axe-core and photographed
into test-artifacts/.

Without /usr/bin/chromium every journey is skipped, and the summary says so.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser import support

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KOBLE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SKIP_REASON = (f"Chromium not found at {CHROMIUM}: real-browser journeys skipped "
               "(install it with `apt-get install -y chromium`; .ci/run does)")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

_outcome = {"skipped": 0, "ran": 0}


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    mine = [item for item in items if here in Path(str(item.fspath)).parents]
    for item in mine:
        item.add_marker(pytest.mark.browser)
    if not chromium_available():
        for item in mine:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))
        _outcome["skipped"] = len(mine)
    else:
        _outcome["ran"] = len(mine)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _outcome["skipped"]:
        terminalreporter.write_sep("=", "browser journeys", yellow=True)
        terminalreporter.write_line(f"SKIPPED {_outcome['skipped']} browser journeys: "
                                    f"{SKIP_REASON}")
    elif _outcome["ran"] and support.AXE_LOG:
        impacts: dict[str, int] = {}
        for page in support.AXE_LOG:
            for violation in page["violations"]:
                impacts[violation["impact"]] = impacts.get(violation["impact"], 0) + 1
        terminalreporter.write_sep("=", "browser journeys: axe-core")
        summary = ", ".join(f"{k} {impacts.get(k, 0)}"
                            for k in ("critical", "serious", "moderate", "minor"))
        terminalreporter.write_line(
            f"{len(support.AXE_LOG)} page checks; rule violations by impact: {summary}. "
            f"Report: test-artifacts/axe-report.json")
        axe = sum(t[1] for t in support.TIMINGS)
        shots = sum(t[2] for t in support.TIMINGS)
        terminalreporter.write_line(f"time in axe-core {axe:.1f} s, in screenshots {shots:.1f} s")
        if os.environ.get("KOBLE_JOURNEY_TIMINGS"):
            for name, a, b in support.TIMINGS:
                terminalreporter.write_line(f"  {name:<32} axe {a:.2f} s, screenshot {b:.2f} s")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server stopped (exit {process.returncode}):\n"
                               + log.read_text()[-4000:])
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The server did not answer {url} within {timeout} s:\n"
                       + log.read_text()[-4000:])


def _compile_translations() -> None:
    """`make translations`, when a catalogue is newer than its compiled file."""
    stale = [po for po in (ROOT / "translations").glob("*/LC_MESSAGES/messages.po")
             if not po.with_suffix(".mo").exists()
             or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime]
    if stale:
        pybabel = Path(sys.executable).with_name("pybabel")
        subprocess.run([str(pybabel), "-q", "compile", "-d", str(ROOT / "translations"), "-f"],
                       check=True)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Koble served by `flask run` on 127.0.0.1:<free port>, with its own database."""
    if not chromium_available():
        pytest.skip(SKIP_REASON)
    _compile_translations()
    folder = tmp_path_factory.mktemp("koble-live")
    env = {key: value for key, value in os.environ.items()
           if key.startswith("KOBLE_JOURNEY_")
           or not key.startswith(("TEST_DATABASE_URL", "DATABASE_URL", "KOBLE_", "FLASK_",
                                  "MAIL_", "RATELIMIT_", "SECRET_KEY", "LOGIN_RATE"))}
    env.update({
        "FLASK_APP": "tests.browser.live_app:build()",  # wsgi.py's app, cheaper hashes
        "KOBLE_ENV": "development",
        "KOBLE_INSTANCE_DIR": str(folder / "instance"),
        "DATABASE_URL": f"sqlite:///{folder / 'koble.sqlite'}",
        "MAIL_BACKEND": "file",
        "MAIL_FILE_PATH": str(folder / "outbox"),
        "LOGIN_RATE_LIMIT": "10000 per minute",
        "RATELIMIT_STORAGE_URI": "memory://",
        "PYTHONUNBUFFERED": "1",
    })
    seed_log = folder / "seed.log"
    with seed_log.open("w") as out:
        seeded = subprocess.run([sys.executable, "-m", "tests.browser.seed_server"], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT, timeout=600)
    if seeded.returncode != 0:
        raise RuntimeError("Seeding the journeys' database failed:\n"
                           + seed_log.read_text()[-6000:])
    port = _free_port()
    log = folder / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "flask", "run", "--host", "127.0.0.1", "--port", str(port),
             "--no-reload", "--no-debugger", "--with-threads"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base_url + "/health", process, log)
        yield support.Server(base_url=base_url, outbox=folder / "outbox", log=log,
                             seed_log=seed_log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session (never a downloaded browser)."""
    if not chromium_available():
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    support.ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    (support.ARTIFACTS / "axe-report.json").write_text(
        json.dumps(support.AXE_LOG, indent=1, ensure_ascii=False))


@pytest.fixture
def new_user(browser, live_server, request):
    """Open a fresh browser context (a person) on the live server: new_user(viewport=...)."""
    contexts = []

    def open_person(viewport: dict | None = None, name: str = "person") -> support.Person:
        # Bootstrap scrolls smoothly to a fragment (an answer comes back to #r-N) unless
        # motion is reduced; a click landing mid-scroll hit whatever passed under the
        # pointer and the journey waited for a page that never came.
        context = browser.new_context(base_url=live_server.base_url,
                                      viewport=viewport or DESKTOP, accept_downloads=True,
                                      reduced_motion="reduce")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return support.Person(context.new_page(), live_server, test=request.node.name,
                              who=name)

    yield open_person
    for context in contexts:
        context.close()


def pytest_sessionstart(session):
    """Screenshots of this run only. Cleared once, by the controlling process: with
    pytest-xdist every worker ran a session fixture of its own, and two of them emptying
    the folder at once failed the run on a file the other had just removed."""
    if hasattr(session.config, "workerinput"):
        return
    shutil.rmtree(support.ARTIFACTS / "screenshots", ignore_errors=True)
