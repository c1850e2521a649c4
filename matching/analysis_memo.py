"""What `text_analysis.Analyzer` makes of a text (`Positions`), and the per-process memo
that keeps it by text: every engine fit makes a new `Analyzer`, and an evaluation's learning
run fits ~10 engines on the same pitch texts and, per task, the same investor texts (whole
portfolios joined, so long ones)."""

from __future__ import annotations

import threading
from collections import OrderedDict

Feature = tuple[str, str]  # (feature, surface form)
# Per kept token position its features, the first with the position's surface token(s).
# Tuples, as they are shared through the memo; each is the analyser's one tuple for that token
# or phrase, so a remembered text costs a pointer per position.
Positions = tuple[tuple[Feature, ...], ...]
MEMO_CHARS = 30_000_000  # 0.7–1.8 bytes of analysis per character (texts aside): ≤ ~55 MB


class AnalysisMemo:
    """Analyses by text, least recently used dropped first once the remembered texts hold
    more than `max_chars` characters in all (the app's process lives long; texts change)."""

    def __init__(self, max_chars: int = MEMO_CHARS) -> None:
        self.max_chars = max_chars
        self.chars = 0
        self._items: OrderedDict[str, Positions] = OrderedDict()
        self._lock = threading.Lock()  # queries may be analysed from several threads

    def __len__(self) -> int:
        return len(self._items)

    def get(self, text: str) -> Positions | None:
        with self._lock:
            out = self._items.get(text)
            if out is not None:
                self._items.move_to_end(text)
            return out

    def put(self, text: str, analysis: Positions) -> None:
        if len(text) > self.max_chars:
            return
        with self._lock:
            if text in self._items:
                return
            self._items[text] = analysis
            self.chars += len(text)
            while self.chars > self.max_chars:
                old, _ = self._items.popitem(last=False)
                self.chars -= len(old)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.chars = 0


def surfaces(positions: Positions) -> list[str]:
    """The surface tokens of `positions`, for character n-grams: a position's first feature
    carries its token, or a phrase's tokens joined by spaces (a token has none)."""
    out: list[str] = []
    for pos in positions:
        s = pos[0][1]
        if " " in s:
            out.extend(s.split(" "))
        else:
            out.append(s)
    return out
