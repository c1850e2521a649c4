"""Load on the production stack: gunicorn + PostgreSQL, demo data at scale, Locust headless.

    .venv/bin/python benchmarks/load/run.py                 # 10,000 pitches, 2,000 investors
    .venv/bin/python benchmarks/load/run.py --pitches 2000 --investors 400 --time 30s

1. a scratch database (default koble_load; never `test`) made with createdb;
2. `flask db upgrade` (when the migrations lag the models, the schema is made from the
   models instead, and the gap is printed), `flask seed-reference`,
   `flask demo seed --pitches N --investors M`, `flask matching rebuild`;
3. gunicorn with several workers on 127.0.0.1 and a free port, KOBLE_ENV=production, and
   the project's gunicorn.conf.py (each worker warms up before its first request);
4. Locust, headless, bounded users and time, loopback only (benchmarks/load/locustfile.py);
   then VACUUM ANALYZE, as after any bulk load;
5. requests/s, p50/p95/p99 per page, failures, the /health floor and the ratio of mean
   response times (figures from when every user has logged in: see locustfile.py);
6. throughput: /health alone, then the recommendation pages alone, by users that never
   pause (--saturation-users, --saturation-time), and the ratio of their requests per
   second; the server's own times from the access log; exit 1 on any failed request, 2 when
   a target is missed;
7. gunicorn stopped and the scratch database dropped (unless --keep).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
OUT = ROOT / "benchmarks" / "out" / "load"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
RECOMMENDATION_PAGES = ("recommendations (investor)", "recommendations filtered (investor)",
                        "recommendations (founder)")
SCENARIO = ("Investor", "Founder", "Staff", "Health")  # locustfile classes of the scenario
P95_TARGET_MS = 200
RATIO_TARGET = 1 / 3


def step(title: str) -> float:
    print(f"\n== {title}", flush=True)
    return time.perf_counter()


def run(args: list[str], env: dict, quiet: bool = False) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(args)}")
    if not quiet:
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        print("\n".join(lines[-3:]))
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def schema(env: dict) -> None:
    """`flask db upgrade`; if the models have moved on, build the schema from the models."""
    run([str(BIN / "flask"), "db", "upgrade"], env, quiet=True)
    check = subprocess.run([str(BIN / "flask"), "db", "check"], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    if check.returncode == 0:
        print("migrations: up to date with the models")
        return
    drift = [line.split("] ", 1)[-1] for line in (check.stdout + check.stderr).splitlines()
             if "Detected" in line or "New upgrade operations" in line]
    print("NOTE: the migrations lag the models; the schema is built from the models "
          f"instead ({'; '.join(drift[:6]) or 'see flask db check'}).")
    code = ("from app import create_app\nfrom app.extensions import db\n"
            "app = create_app()\nwith app.app_context():\n"
            "    db.drop_all()\n    db.create_all()\n")
    run([str(BIN / "python"), "-c", code], env, quiet=True)


def pick_logins(url: str, path: Path, how_many: int) -> dict[str, list[str]]:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as conn:
        founders = [r[0] for r in conn.execute(
            "SELECT DISTINCT u.email FROM \"user\" u JOIN pitch p ON p.owner_id = u.id "
            "WHERE u.role = 'founder' AND p.status = 'published' "
            "AND u.email LIKE '%%@demo.koble.no' "
            "ORDER BY u.email LIMIT %s", (how_many,))]
        investors = [r[0] for r in conn.execute(
            "SELECT u.email FROM \"user\" u JOIN investor_profile q ON q.user_id = u.id "
            "WHERE u.role = 'investor' AND q.active AND u.email LIKE '%%@demo.koble.no' "
            "ORDER BY u.email LIMIT %s", (how_many,))]
        staff = [r[0] for r in conn.execute(
            "SELECT email FROM \"user\" WHERE role = 'staff' AND email LIKE 'staff.%%' "
            "ORDER BY email")]
    logins = {"founder": founders, "investor": investors, "staff": staff}
    path.write_text(json.dumps(logins, indent=1))
    print(f"logins: {len(founders)} founders, {len(investors)} investors, {len(staff)} staff")
    return logins


def wait_for(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url}")


def read_stats(prefix: Path) -> list[dict]:
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def report(rows: list[dict], seconds: float) -> int:
    """Print the figures; 0 when every target holds, 1 on failed requests, 2 on a miss."""
    by_name = {row["Name"]: row for row in rows}
    print(f"\n{'page':<38} {'requests':>8} {'fail':>5} {'req/s':>7} {'p50':>6} {'p95':>6} "
          f"{'p99':>6} {'max':>6}  (ms)")
    for row in rows:
        if row["Name"] == "Aggregated":
            continue
        print(f"{row['Type'] + ' ' + row['Name']:<38} {row['Request Count']:>8} "
              f"{row['Failure Count']:>5} {float(row['Requests/s']):>7.1f} {row['50%']:>6} "
              f"{row['95%']:>6} {row['99%']:>6} {float(row['Max Response Time']):>6.0f}")
    total = by_name["Aggregated"]
    failures = int(total["Failure Count"])
    print(f"{'all requests':<38} {total['Request Count']:>8} {failures:>5} "
          f"{float(total['Requests/s']):>7.1f} {total['50%']:>6} {total['95%']:>6} "
          f"{total['99%']:>6}")

    health = by_name.get("/health")
    pages = [by_name[name] for name in RECOMMENDATION_PAGES if name in by_name]
    ratio = None
    if health and pages:
        count = sum(int(row["Request Count"]) for row in pages)
        mean = sum(float(row["Average Response Time"]) * int(row["Request Count"])
                   for row in pages) / max(count, 1)
        floor = float(health["Average Response Time"])
        rate = sum(float(row["Requests/s"]) for row in pages)
        ratio = floor / mean
        print(f"\nfloor: /health {float(health['Requests/s']):.1f} req/s, mean "
              f"{floor:.1f} ms = {1000 / floor:.0f} req/s per worker; p50 {health['50%']} ms, "
              f"p95 {health['95%']} ms")
        print(f"recommendation pages: {rate:.1f} req/s, mean {mean:.1f} ms = "
              f"{1000 / mean:.0f} req/s per worker")
        print(f"latency ratio, mean /health time / mean recommendation time: {ratio:.2f} "
              "(how much heavier a recommendation page is than the floor in the scenario;"
              " throughput is measured below)")

    code = 0
    if failures:
        print(f"FAIL: {failures} failed requests")
        code = 1
    for name in RECOMMENDATION_PAGES:
        row = by_name.get(name)
        if row and int(row["Request Count"]) and float(row["95%"]) >= P95_TARGET_MS:
            print(f"MISSED: p95 of {name} is {row['95%']} ms (target < {P95_TARGET_MS} ms)")
            code = code or 2
    if code == 0:
        print("scenario PASS: no failures, recommendation p95 < 200 ms")
    return code


def throughput(health_rows: list[dict], page_rows: list[dict]) -> int:
    """Requests per second at saturation: the recommendation pages' against /health's;
    0 when the ratio holds, 1 on failed requests, 2 on a miss."""
    health = {row["Name"]: row for row in health_rows}.get("/health")
    pages = [row for row in page_rows if row["Name"] in RECOMMENDATION_PAGES]
    failures = sum(int(row["Failure Count"]) for row in health_rows + page_rows
                   if row["Name"] != "Aggregated")
    print(f"\n{'page, without pauses':<38} {'requests':>8} {'fail':>5} {'req/s':>7} "
          f"{'p50':>6} {'p95':>6}  (ms)")
    for row in ([health] if health else []) + pages:
        print(f"{row['Type'] + ' ' + row['Name']:<38} {row['Request Count']:>8} "
              f"{row['Failure Count']:>5} {float(row['Requests/s']):>7.1f} {row['50%']:>6} "
              f"{row['95%']:>6}")
    if not health or not pages:
        print("FAIL: a throughput phase recorded no requests")
        return 1
    floor = float(health["Requests/s"])
    rate = sum(float(row["Requests/s"]) for row in pages)
    ratio = rate / floor if floor else 0.0
    print(f"throughput: recommendation pages {rate:.1f} req/s, /health {floor:.1f} req/s; "
          f"ratio {ratio:.2f} (target ≥ {RATIO_TARGET:.2f})")
    if failures:
        print(f"FAIL: {failures} failed requests")
        return 1
    if ratio < RATIO_TARGET:
        print(f"MISSED: throughput ratio {ratio:.2f} < {RATIO_TARGET:.2f}")
        return 2
    print("throughput PASS: recommendation pages serve at least a third of /health's rate")
    return 0


def locust(host: str, env: dict, users: int, spawn_rate: float, duration: str, csv: str,
           classes) -> None:
    """Locust headless on `host` with these user classes; statistics to OUT/csv*.csv, from
    when every user is logged in (scrypt is slow; see locustfile.py)."""
    subprocess.run(
        [str(BIN / "locust"), "-f", str(ROOT / "benchmarks/load/locustfile.py"),
         "--headless", "--only-summary", "-u", str(users), "-r", str(spawn_rate),
         "-t", duration, "--host", host, "--csv", str(OUT / csv),
         "--exit-code-on-error", "0", "--stop-timeout", "5", "--reset-stats",
         "--loglevel", "WARNING", *classes],
        cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL)


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def server_side(path: Path, phases_at: list[tuple[str, int]]) -> None:
    """The workers' warm-up and the server's own request times (the access log's last field,
    gunicorn.conf.py), over the whole run; logins (scrypt) apart. Then, per phase, how many
    recommendation pages were served kept (X-Cache: hit, the field before the time)."""
    warmed, times, logins = [], [], []
    data = path.read_bytes()
    for line in data.decode("utf-8", errors="replace").splitlines():
        if "warmed up in" in line:
            warmed.append(float(line.split("warmed up in ")[1].split()[0]))
        elif line.endswith("ms") and '"' in line:
            ms = float(line.rsplit(" ", 1)[1][:-2])
            (logins if '"POST /auth/login' in line else times).append((ms, line))
    bounds = [offset for _name, offset in phases_at] + [len(data)]
    for (name, _offset), start, stop in zip(phases_at, bounds, bounds[1:], strict=False):
        outcomes = [line.rsplit(" ", 2)[1] for line in
                    data[start:stop].decode("utf-8", errors="replace").splitlines()
                    if line.endswith("ms") and '"GET ' in line]
        kept, built = outcomes.count("hit"), outcomes.count("miss")
        if kept + built:
            print(f"page cache, {name}: {kept} of {kept + built} recommendation pages served "
                  f"kept ({kept / (kept + built):.0%}), {built} built")
    if warmed:
        print(f"\nwarm-up: {len(warmed)} workers, {min(warmed):.0f}–{max(warmed):.0f} ms of CPU "
              "each, before their first request")
    if times:
        times.sort()
        ms = [t for t, _line in times]
        print(f"server side (access log, whole run, logins apart): {len(ms)} requests, "
              f"p50 {ms[len(ms) // 2]:.0f} ms, p99 {ms[int(len(ms) * 0.99)]:.0f} ms, "
              f"max {ms[-1]:.0f} ms; {sum(t > 100 for t in ms)} over 100 ms; "
              f"{len(logins)} logins, max {max((t for t, _ in logins), default=0):.0f} ms")
        for _ms, line in times[-3:]:
            print("  slowest:", line.split('"')[1], line.rsplit(" ", 1)[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="koble_load", help="scratch database (never 'test')")
    parser.add_argument("--pitches", type=int, default=10_000)
    parser.add_argument("--investors", type=int, default=2_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--time", default="90s", help="Locust run time, e.g. 90s, 3m")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--saturation-users", type=int, default=16,
                        help="users without pauses in the throughput phases")
    parser.add_argument("--saturation-time", default="30s",
                        help="length of each throughput phase")
    parser.add_argument("--keep", action="store_true",
                        help="keep the scratch database (and reuse it next time)")
    parser.add_argument("--throughput-only", action="store_true",
                        help="skip the CPU table and the scenario (quick comparisons)")
    parser.add_argument("--reuse", action="store_true",
                        help="use the scratch database as it is (no seeding)")
    args = parser.parse_args()
    if args.db in ("test", "postgres", "root", "template0", "template1"):
        raise SystemExit(f"refusing to use the database {args.db!r}; pick a scratch name")

    if OUT.exists() and not args.reuse:
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True, exist_ok=True)
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{args.db}"
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DATABASE_URL", "TEST_DATABASE_URL", "KOBLE_", "FLASK_"))}
    env.update({
        "FLASK_APP": "wsgi.py",
        "KOBLE_ENV": "production",
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_hex(32),
        "FORCE_HTTPS": "0",  # loopback without TLS; cookies stay Secure
        "KOBLE_INSTANCE_DIR": str(OUT / "instance"),
        "MAIL_BACKEND": "file",
        "MAIL_FILE_PATH": str(OUT / "outbox"),
        "LOGIN_RATE_LIMIT": "100000 per minute",  # 50 users log in from one address
        "PYTHONUNBUFFERED": "1",
    })
    gunicorn = None
    started_all = time.perf_counter()
    try:
        if not args.reuse:
            t = step(f"scratch database {args.db}")
            subprocess.run(["dropdb", *PG, "--if-exists", args.db], check=True)
            subprocess.run(["createdb", *PG, args.db], check=True)
            schema(env)
            run([str(BIN / "flask"), "seed-reference"], env)
            print(f"({time.perf_counter() - t:.1f} s)")
            t = step(f"flask demo seed --pitches {args.pitches} --investors {args.investors}")
            out = run([str(BIN / "flask"), "demo", "seed", "--pitches", str(args.pitches),
                       "--investors", str(args.investors)], env, quiet=True)
            print(next((line for line in out.splitlines() if line.startswith("Added")), ""))
            print(f"({time.perf_counter() - t:.1f} s)")
            t = step("flask matching rebuild")
            run([str(BIN / "flask"), "matching", "rebuild"], env)
            print(f"({time.perf_counter() - t:.1f} s)")
            # After a bulk load the planner has no statistics until autovacuum runs: without
            # them it joins every published pitch to find one investor's 50 scores.
            t = step("VACUUM ANALYZE (fresh statistics after the bulk load)")
            subprocess.run(["psql", *PG, "-d", args.db, "-q", "-c", "VACUUM ANALYZE"],
                           check=True)
            print(f"({time.perf_counter() - t:.1f} s)")
        logins_path = OUT / "logins.json"
        pick_logins(url, logins_path, 400)

        if not args.throughput_only:
            step("CPU and SQL per page, one process (independent of the machine's other load)")
            print(run([str(BIN / "python"), str(ROOT / "benchmarks/load/cpu_per_page.py"),
                       str(logins_path)], dict(env, PYTHONPATH=str(ROOT)), quiet=True).rstrip())

        port = free_port()
        step(f"gunicorn --workers {args.workers} on 127.0.0.1:{port} (KOBLE_ENV=production)")
        log = (OUT / "gunicorn.log").open("w")
        gunicorn = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"),
             "--workers", str(args.workers), "--bind",
             f"127.0.0.1:{port}", "--access-logfile", "-", "wsgi:app"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/health", gunicorn)

        phases_at = [("scenario", _size(OUT / "gunicorn.log"))]  # where each phase's log starts
        locust_env = dict(env, KOBLE_LOAD_LOGINS=str(logins_path))
        code = 0
        if not args.throughput_only:
            step(f"locust: {args.users} users, spawn rate {args.spawn_rate}/s, {args.time}")
            t = time.perf_counter()
            locust(base, locust_env, args.users, args.spawn_rate, args.time, "load", SCENARIO)
            code = report(read_stats(OUT / "load"), time.perf_counter() - t)

        step(f"throughput: {args.saturation_users} users without pauses, {args.saturation_time}"
             " per kind of page, /health alone, then the recommendation pages alone")
        phases = {}
        for name, classes in (("health", ["HealthAtFullSpeed"]),
                              ("recommendations", ["InvestorRecommendationsAtFullSpeed",
                                                   "FounderRecommendationsAtFullSpeed"])):
            phases_at.append((f"throughput: {name}", _size(OUT / "gunicorn.log")))
            locust(base, locust_env, args.saturation_users, args.saturation_users,
                   args.saturation_time, name, classes)
            phases[name] = read_stats(OUT / name)
        saturated = throughput(phases["health"], phases["recommendations"])
        code = 1 if 1 in (code, saturated) else max(code, saturated)
        log.flush()
        server_side(OUT / "gunicorn.log", phases_at)
        print(f"\ncores: {os.cpu_count()}, load average at the end: "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; "
              f"whole run {time.perf_counter() - started_all:.0f} s; CSVs in {OUT}")
        return code
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            try:
                gunicorn.wait(timeout=20)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        if not args.keep:
            subprocess.run(["dropdb", *PG, "--if-exists", args.db], check=False)
            print(f"dropped the scratch database {args.db}")


if __name__ == "__main__":
    sys.exit(main())
