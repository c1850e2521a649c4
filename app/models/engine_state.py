"""The matching engine's state in the database: admin weights and saved index versions.

The index lives here (not on one machine's disk) so every worker and machine serves the
same version; a process reloads it when a newer version appears.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from app.extensions import db
from app.models.user import utcnow


class EngineSettings(db.Model):
    """The single row of engine settings (id 1): weights and the last rebuild's status."""

    __tablename__ = "engine_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    weights: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    rebuild_status: Mapped[str] = mapped_column(String(20), default="idle")
    rebuild_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rebuild_finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rebuild_message: Mapped[str | None] = mapped_column(Text)
    # When texts were last deleted (an account, a pitch) and the saved index versions may
    # still hold them; the hourly `flask prune` rebuilds, drops those versions and clears it
    # (app.services.deleted_texts.erase_deleted_texts).
    texts_deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def weights_saved(self) -> bool:
        """Someone has saved weights (else the engine's defaults are in use)."""
        # The row is made with version 1 (and updated_at = then) on the first visit or
        # rebuild; only saving weights raises the version.
        return (self.version or 0) > 1


class EngineIndex(db.Model):
    """One saved, fitted index (the engine's `save_bytes()`), newest version wins."""

    __tablename__ = "engine_index"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    blob: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    n_pitches: Mapped[int] = mapped_column(Integer, default=0)
    n_investors: Mapped[int] = mapped_column(Integer, default=0)
    n_scores: Mapped[int] = mapped_column(Integer, default=0)
    weights: Mapped[dict] = mapped_column(JSON, default=dict)
    # engine_index.data_stamp() at the build: the engine's fingerprint (the code that fitted
    # it), then the data's counts and latest changes and the weights' version.
    data_stamp: Mapped[str | None] = mapped_column(String(200))
    # Versions of rows changed just before the build, so loaders need not upsert them again.
    recent_versions: Mapped[dict | None] = mapped_column(JSON, default=dict)
    seconds: Mapped[float | None] = mapped_column(Float)
    # What the build learned from people's feedback: pair counts and whether it was used.
    learning: Mapped[dict | None] = mapped_column(JSON)

    def __repr__(self) -> str:
        return f"<EngineIndex v{self.version}>"
