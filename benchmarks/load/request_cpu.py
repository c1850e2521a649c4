"""CPU ms per request of the pages over target under load, in one warmed, frozen process.

With the server's environment (DATABASE_URL of a database seeded as run.py does, whose demo
logins founder@, investor@ and staff.asker@demo.koble.no exist):

    PYTHONPATH=<tree> python benchmarks/load/request_cpu.py ROUNDS [--profile CASE OUT]

prints {case: [CPU ms, ...]} as JSON (cases: /health anonymous and logged in, pitch search,
staff dashboard, the founder's interest mark, cleared again untimed); --profile writes a
cProfile (CPU clock) of one case. Run two trees in turns for A/B (ONLY=case,case limits).
"""
import gc
import json
import os
import re
import sys
import time

ROUNDS = int(sys.argv[1])
PROFILE = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--profile" else None
PROFILE_OUT = sys.argv[4] if PROFILE else None

from app import create_app  # noqa: E402
from app.warmup import warm_up  # noqa: E402

app = create_app()
warm_up(app)
base = "https://127.0.0.1"
PASSWORD = "koble-demo-passord"  # noqa: S105 - the public demo password
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
HEAD = {"Accept-Encoding": "gzip, deflate, br", "Sec-Fetch-Site": "same-origin"}


def login(email):
    c = app.test_client()
    page = c.get("/auth/login", base_url=base).get_data(as_text=True)
    token = CSRF.search(page).group(1)
    r = c.post("/auth/login", base_url=base, headers={"Referer": f"{base}/auth/login"},
               data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 302, (email, r.status_code)
    return c


investor = login("investor@demo.koble.no")
founder = login("founder@demo.koble.no")
staff = login("staff.asker@demo.koble.no")
anon = app.test_client()
overview = founder.get("/matches/pitches", base_url=base).get_data(as_text=True)
own = re.search(r'href="/pitches/(\d+)/matches"', overview).group(1)
page = founder.get(f"/pitches/{own}/matches", base_url=base).get_data(as_text=True)
ftoken = CSRF.search(page).group(1)
marks = re.findall(r'action="(/matches/\d+/\d+/mark/interested)[^"]*"', page)[:5]
assert marks, "no marks"
WORDS = ("sol", "batteri", "hydrogen", "energi", "bygg", "solar", "havbruk", "data",
         "sirkulær", "mat")


def health(i):
    return anon.get("/health", base_url=base, headers=HEAD)


def health_in(i):
    return investor.get("/health", base_url=base, headers=HEAD)


def search(i):
    return investor.get(f"/pitches?q={WORDS[i % len(WORDS)]}", base_url=base, headers=HEAD)


def dashboard(i):
    return staff.get("/staff/dashboard", base_url=base, headers=HEAD)


def mark(i):
    return founder.post(marks[i % len(marks)], base_url=base, data={"csrf_token": ftoken},
                        headers={**HEAD, "Referer": f"{base}/pitches/{own}/matches"})


def unmark(i):
    path = marks[i % len(marks)].replace("/mark/interested", "/clear")
    r = founder.post(path, base_url=base, data={"csrf_token": ftoken},
                     headers={**HEAD, "Referer": f"{base}/pitches/{own}/matches"})
    with founder.session_transaction(base_url=base) as s:  # the flashes a page would have shown
        s.pop("_flashes", None)
    return r


CASES = {"health": health, "health_in": health_in, "search": search,
         "dashboard": dashboard, "mark": mark}
EXPECT = {"mark": 303}
if os.environ.get("ONLY"):
    CASES = {k: v for k, v in CASES.items() if k in os.environ["ONLY"].split(",")}
# the mark's clear undone after each, untimed; clear all first
for i in range(len(marks)):
    unmark(i)
for name, fn in CASES.items():  # one warm request each
    r = fn(0)
    assert r.status_code == EXPECT.get(name, 200), (name, r.status_code)
    if name == "mark":
        unmark(0)
gc.collect()
gc.freeze()

if PROFILE:
    import cProfile
    import pstats
    fn = CASES[PROFILE]
    prof = cProfile.Profile(time.process_time)
    for i in range(ROUNDS):
        prof.enable()
        fn(i)
        prof.disable()
        if PROFILE == "mark":
            unmark(i)
    prof.dump_stats(PROFILE_OUT)
    pstats.Stats(PROFILE_OUT).sort_stats("cumulative").print_stats(60)
    sys.exit()

out = {name: [] for name in CASES}
for i in range(ROUNDS):
    for name, fn in CASES.items():
        c0 = time.process_time()
        r = fn(i)
        out[name].append((time.process_time() - c0) * 1000)
        if name == "mark":
            unmark(i)
print(json.dumps(out))
