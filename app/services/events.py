"""Signals sent when pitches and investor profiles change, so match scores can follow.

Receivers connect with e.g. ``pitch_saved.connect(refresh)``; each signal's sender is the
changed object (``pitch_removed`` sends the id, as the row is gone). Signals are sent after
the change is committed, so a receiver sees what is stored.
"""

from __future__ import annotations

from blinker import Namespace
from flask import current_app

koble_signals = Namespace()

pitch_saved = koble_signals.signal("pitch-saved")
pitch_removed = koble_signals.signal("pitch-removed")
investor_saved = koble_signals.signal("investor-saved")


def _send(signal, sender) -> None:
    # The user's change is already committed; a failing refresh must not turn it into an error page.
    try:
        signal.send(sender)
    except Exception:  # noqa: BLE001 - logged, the save itself succeeded
        current_app.logger.exception("Receiver of %s failed", signal.name)


def pitch_changed(pitch) -> None:
    """A pitch was created, edited, published, unpublished, hidden or unhidden."""
    _send(pitch_saved, pitch)


def pitch_deleted(pitch_id: int) -> None:
    """A pitch was deleted; receivers drop what they hold about it."""
    _send(pitch_removed, pitch_id)


def investor_changed(profile) -> None:
    """An investor profile was created or edited."""
    _send(investor_saved, profile)
