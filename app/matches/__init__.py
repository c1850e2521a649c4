"""Matches: recommended investors and pitches, interest, notifications, engine admin."""
