"""Writing match scores: one result as a row, a batch of results (the engine's ResultTable)
in bulk. No ORM objects: a rebuild writes 10^5+ rows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert

from app.extensions import db
from app.models import MatchScore
from app.services import page_versions


def row_of(result, version: int, now: datetime) -> dict:
    return {
        "pitch_id": int(result.pitch_id),
        "investor_profile_id": int(result.investor_id),
        "score": float(result.score),
        "components": {k: round(v, 4) for k, v in result.components.items()},
        "shared_terms": list(result.shared_terms),
        "reasons": list(result.reasons),
        "engine_version": version,
        "computed_at": now,
    }


_SQLITE_INSERT = (
    "INSERT INTO match_score (pitch_id, investor_profile_id, score, components, shared_terms, "
    "reasons, engine_version, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def store_table(table, version: int, now: datetime, chunk: int = 20_000) -> int:
    """Insert the rows of a batch of results (the engine's ResultTable); returns how many.

    Components are rounded as arrays. On SQLite the values are converted once here (JSON text
    as the JSON type writes it, the timestamp formatted once) and handed to the driver's
    executemany: SQLAlchemy's per-row type processing costs more than the insert itself at
    10^5+ rows. Other databases get the Core insert (batched into multi-row statements).
    """
    import numpy as np

    conn = db.session.connection()
    names = tuple(table.names)
    comps = np.round(table.components.astype(np.float64), 4).tolist()
    pitch_ids = [int(x) for x in table.pitch_ids]
    investor_ids = [int(x) for x in table.investor_ids]
    scores = table.scores.tolist()
    if conn.dialect.name != "sqlite":
        rows = [{"pitch_id": p, "investor_profile_id": q, "score": s,
                 "components": dict(zip(names, c, strict=True)), "shared_terms": list(t),
                 "reasons": list(r), "engine_version": version, "computed_at": now}
                for p, q, s, c, t, r in zip(pitch_ids, investor_ids, scores, comps,
                                            table.shared_terms, table.reasons, strict=True)]
        bulk_insert(rows)
        return len(rows)
    cols = MatchScore.__table__.c

    def processor(column):  # what SQLAlchemy itself does to a value of that column
        impl = column.type.dialect_impl(conn.dialect)
        return impl.bind_processor(conn.dialect) or (lambda v: v)

    as_json = processor(cols.components)
    stamp = processor(cols.computed_at)(now)
    # the JSON of {name: value, ...} with float reprs, as json.dumps writes it
    template = "{" + ", ".join(as_json(n).replace("%", "%%") + ": %r" for n in names) + "}"
    reasons_json: dict[tuple, str] = {}  # few distinct reason lists: convert each once
    for start in range(0, len(scores), chunk):
        stop = start + chunk
        rows = []
        for p, q, s, c, t, r in zip(pitch_ids[start:stop], investor_ids[start:stop],
                                    scores[start:stop], comps[start:stop],
                                    table.shared_terms[start:stop], table.reasons[start:stop],
                                    strict=True):
            key = tuple(r)
            rj = reasons_json.get(key)
            if rj is None:
                rj = reasons_json[key] = as_json(list(key))
            rows.append((p, q, s, template % tuple(c), as_json(t), rj, version, stamp))
        conn.exec_driver_sql(_SQLITE_INSERT, rows)
    page_versions.changed_everything(db.session)  # the driver's insert passes no session hook
    return len(scores)


def bulk_insert(rows: list[dict], chunk: int = 5000) -> None:
    # Core insert (executemany): no ORM objects or identity map for what may be 10^5+ rows
    for start in range(0, len(rows), chunk):
        db.session.execute(insert(MatchScore.__table__), rows[start:start + chunk])
