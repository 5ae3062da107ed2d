"""A Redis lock store that is atomic across processes, for several Rasa servers on one tracker store.

Rasa's own ``RedisLockStore`` keeps each conversation's ticket queue as one JSON value and
changes it with GET, modify, SET. Two Rasa processes that take a ticket for the same
conversation at the same moment can both read the old queue and one ticket is lost: two
messages of one conversation are then handled at once and their events interleave.

Here every change is one Lua script, which Redis runs atomically:
- ``issue``: a counter (INCR) gives the ticket number; a sorted set queues the live tickets
  by number and a hash keeps when each expires;
- ``serving``: drops expired tickets at the front and returns whose turn it is;
- ``release``: removes a ticket, and the keys when nobody is left.
Expiry uses Redis's clock (TIME), so processes whose clocks differ still agree on it.

Configured in deploy/endpoints.yml as ``lock_store.type: bot.scale.lock_store.AtomicRedisLockStore``
with ``url`` (host), ``port``, ``db``, ``password`` and ``key_prefix``, as for Rasa's store.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

DEFAULT_KEY_PREFIX = "wegwijzer:lock:"
# Rasa polls every second; a waiting message of the same conversation should not wait that long.
DEFAULT_POLL_SECONDS = 0.02

# KEYS[1]: the queue (sorted set, score = ticket number), KEYS[2]: the ticket counter,
# KEYS[3]: each ticket's expiry in ms (hash). Order is by number; expiry is kept apart, because
# tickets with different lifetimes must still be served in the order they were issued.
_NOW_MS = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)\n"
_ISSUE = _NOW_MS + """
local lifetime = tonumber(ARGV[1])
local number = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], number, number)
redis.call('HSET', KEYS[3], number, now + lifetime)
for _, key in ipairs(KEYS) do
  if redis.call('PTTL', key) < lifetime then redis.call('PEXPIRE', key, lifetime) end
end
return number
"""
# ARGV[1]: the asking ticket. Returns the ticket being served, or -2 when the asking one expired.
_SERVING = _NOW_MS + """
local mine = tonumber(redis.call('HGET', KEYS[3], ARGV[1]))
if not mine or mine <= now then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  return -2
end
while true do
  local first = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if not first then return -2 end
  local expires = tonumber(redis.call('HGET', KEYS[3], first))
  if expires and expires > now then return tonumber(first) end
  redis.call('ZREM', KEYS[1], first)
  redis.call('HDEL', KEYS[3], first)
end
"""
_RELEASE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[1], KEYS[2], KEYS[3]) end
return 1
"""


class AtomicRedisLockStore(LockStore):
    """Ticket locks in Redis; every read-modify-write is one atomic script."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        *,
        client: redis.Redis | None = None,
        key_prefix: str | None = None,
        poll_seconds: float | None = None,
    ) -> None:
        kwargs: dict[str, Any] = dict(endpoint_config.kwargs) if endpoint_config else {}
        self.key_prefix = key_prefix or kwargs.pop("key_prefix", None) or DEFAULT_KEY_PREFIX
        self.poll_seconds = float(poll_seconds or kwargs.pop("poll_seconds", DEFAULT_POLL_SECONDS))
        self.red = client or redis.Redis(
            host=(endpoint_config.url if endpoint_config and endpoint_config.url else "localhost"),
            port=int(kwargs.pop("port", 6379)),
            db=int(kwargs.pop("db", 1)),
            username=kwargs.pop("username", None),
            password=kwargs.pop("password", None) or None,
            socket_timeout=float(kwargs.pop("socket_timeout", 10)),
        )
        self._issue = self.red.register_script(_ISSUE)
        self._serving = self.red.register_script(_SERVING)
        self._release = self.red.register_script(_RELEASE)
        super().__init__()

    def _keys(self, conversation_id: str) -> list[str]:
        base = self.key_prefix + conversation_id
        return [base, base + ":next", base + ":expires"]

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return int(self._issue(keys=self._keys(conversation_id), args=[int(lock_lifetime * 1000)]))
        except redis.RedisError as error:
            raise LockError(f"Could not issue a ticket: {type(error).__name__}") from error

    def now_serving(self, conversation_id: str, ticket: int) -> int | None:
        """The ticket whose turn it is; None when `ticket` itself has expired."""
        number = int(self._serving(keys=self._keys(conversation_id), args=[ticket]))
        return None if number < 0 else number

    def release(self, conversation_id: str, ticket: int) -> None:
        self._release(keys=self._keys(conversation_id), args=[ticket])

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float | None = None,
    ) -> AsyncGenerator[TicketLock, None]:
        """Wait for this message's turn in its conversation; the ticket expires if its holder dies."""
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            yield await self._wait_for_turn(conversation_id, ticket, wait_time_in_seconds or self.poll_seconds)
        finally:
            self.release(conversation_id, ticket)

    async def _wait_for_turn(self, conversation_id: str, ticket: int, poll_seconds: float) -> TicketLock:
        while True:
            serving = self.now_serving(conversation_id, ticket)
            if serving == ticket:
                return TicketLock(conversation_id)
            if serving is None:
                # Our own ticket expired while we waited: the conversation is no longer ours to hold.
                raise LockError(f"Lock ticket expired for a conversation ({ticket}).")
            await asyncio.sleep(poll_seconds)
