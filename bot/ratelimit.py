"""A sliding-window rate limit per key (sender, chat, client IP), in the process's memory.

Each Rasa or web process counts on its own, so behind a load balancer the limit is per instance:
an attacker spread over N instances gets N times the limit, which still stops a flood.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable

RATE_LIMITED_TEXT = (
    "Je stuurt veel berichten tegelijk. Wacht even en probeer het dan opnieuw. "
    "Direct gevaar? Bel 112. Veilig Thuis: 0800-2000 (gratis, dag en nacht)."
)


class RateLimiter:
    def __init__(self, limit: int, window_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window_seconds, clock
        self._hits: dict[str, deque[float]] = {}

    @classmethod
    def from_env(cls, name: str, default: str) -> RateLimiter:
        """From e.g. RATE_LIMIT_SENDER="20/10": 20 messages per 10 seconds."""
        count, seconds = (os.environ.get(name) or default).split("/")
        return cls(int(count), float(seconds))

    def allow(self, key: str) -> bool:
        now = self.clock()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(self._hits) > 10_000:  # forget idle keys, so a scan of many keys cannot fill memory
            for idle in [k for k, h in self._hits.items() if not h and k != key]:
                del self._hits[idle]
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        return True
