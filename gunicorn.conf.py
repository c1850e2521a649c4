"""gunicorn settings for Koble (`make serve-prod`, benchmarks/load/run.py):

    gunicorn -c gunicorn.conf.py --workers 4 --bind 127.0.0.1:8000 wsgi:app

Workers, bind address and logging stay on the command line. Each worker warms up before it
accepts connections (app/warmup.py): without it the first request of each page in each
worker compiled templates and SQL, and the requests queued behind those stalled.

Then the worker freezes what it holds (`gc.freeze()`): the ~200,000 objects of a warmed app
(modules, compiled templates, mappers) live as long as the process, and a full collection of
them took 80 ms of CPU, at random moments, inside whichever request happened to trigger it.
Frozen objects are left out of collections; only what requests allocate is scanned.
"""

from __future__ import annotations

import gc

# The access log (when enabled) says which worker served a request and how long it took (ms).
# X-Cache: "hit" when a recommendation page was served kept (app/services/page_cache.py)
access_log_format = '%(h)s %(t)s %(p)s "%(r)s" %(s)s %(b)s %({x-cache}o)s %(M)sms'


def post_worker_init(worker) -> None:
    """Warm the worker's app (templates, Babel catalogues, a database connection), then
    keep the collector off what the warmed app holds."""
    from flask import Flask

    from app.warmup import warm_up

    app = worker.wsgi
    if isinstance(app, Flask):
        spent = warm_up(app)
        worker.log.info("Worker %s warmed up in %.0f ms of CPU %s", worker.pid,
                        sum(spent.values()), spent)
    gc.collect()  # what start-up left as garbage goes now, not into the frozen set
    gc.freeze()
