"""Rasa's SQL tracker store, made private: redacted, expiring, and forgettable.

Configured in endpoints.yml (type: bot.privacy.tracker_store.RedactingTrackerStore); every
option of Rasa's SQLTrackerStore works as before. What changes:
- user and bot text, and slot values, are redacted (bot.privacy.redact) before they are written;
  the raw text is never stored. The place slots the lookup needs are kept;
- a conversation is deleted `retention_minutes` after its last event (default 60, the same as
  session_expiration_time), by a purge that runs inside the service and as `python -m bot purge`;
- a message with the intent `forget_conversation` ("vergeet dit gesprek") deletes the stored
  conversation at once, that message and its answer included;
- every user message adds one to an anonymous daily count (bot.privacy.stats).
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from bot.directory.database import sqlite_engine
from bot.privacy import stats
from bot.privacy.forget import EVENTS, delete_conversation
from bot.privacy.redact import redact, redact_value

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_MINUTES = 60
PURGE_INTERVAL_SECONDS = 300
FORGET_INTENT = "forget_conversation"
# What the Veilig Thuis lookup needs on the next turn; a place is not personal data on its own.
KEPT_SLOTS = frozenset({"place", "place_label", "region_id", "language", "foreign_language", "youth"})


def redact_event(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of a serialised event with nothing personal left in it."""
    data = dict(data)
    event = data.get("event")
    if event in ("user", "bot") and data.get("text"):
        data["text"] = redact(data["text"])
    if event == "user":
        data.pop("metadata", None)
        parse = dict(data.get("parse_data") or {})
        if parse.get("text"):
            parse["text"] = redact(parse["text"])
        parse["entities"] = [
            entity if entity.get("entity") == "place" else {**entity, "value": redact_value(entity.get("value"))}
            for entity in parse.get("entities") or []
        ]
        data["parse_data"] = parse
    if event == "bot":
        data["data"] = redact_value(data.get("data"))
    if event == "slot" and data.get("name") not in KEPT_SLOTS:
        data["value"] = redact_value(data.get("value"))
    return data


def purge_expired(engine: Engine, retention_minutes: float, now: float | None = None) -> int:
    """Delete every conversation whose last event is older than the retention; returns events deleted."""
    cutoff = (now if now is not None else time.time()) - retention_minutes * 60
    expired = (
        select(EVENTS.c.sender_id)
        .group_by(EVENTS.c.sender_id)
        .having(func.max(EVENTS.c.timestamp) < cutoff)
    )
    with engine.begin() as connection:
        return connection.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(expired))).rowcount or 0


class RedactingTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        retention_minutes: float = DEFAULT_RETENTION_MINUTES,
        purge_interval_seconds: float = PURGE_INTERVAL_SECONDS,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if self.engine.dialect.name == "sqlite":
            # Rasa's engine reopens the file for every use (see bot.directory.database.sqlite_engine).
            url = self.engine.url
            self.engine.dispose()
            self.engine = sqlite_engine(url, future=False)
            self.sessionmaker = sessionmaker(bind=self.engine)
        self.retention_minutes = float(retention_minutes)
        self.purge_interval_seconds = float(purge_interval_seconds)
        self._last_purge = time.time()  # the first purge one interval after start

    async def save(self, tracker: DialogueStateTracker) -> None:
        if (tracker.latest_message and tracker.latest_message.intent.get(INTENT_NAME_KEY)) == FORGET_INTENT:
            self.forget(tracker.sender_id)
            return
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = redact_event(event.as_dict())
                if data.get("event") == "user":
                    stats.record_message(tracker, data)
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=(data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()
        self._purge_now_and_then()

    def forget(self, sender_id: str) -> None:
        delete_conversation(self.engine, sender_id)

    def _purge_now_and_then(self) -> None:
        now = time.time()
        if now - self._last_purge < self.purge_interval_seconds:
            return
        self._last_purge = now
        deleted = purge_expired(self.engine, self.retention_minutes, now)
        if deleted:
            logger.info("purged %d expired events", deleted)
