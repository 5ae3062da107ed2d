"""Forget a conversation: delete every stored event of one sender from Rasa's SQL tracker store."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

TRACKER_TABLE = "events"  # rasa.core.tracker_store.SQLTrackerStore.SQLEvent


def tracker_store_url() -> str:
    """The tracker store endpoints.yml configures: TRACKER_DB (SQLite file under var/ by default)."""
    default = Path(__file__).resolve().parents[2] / "var" / "tracker.db"
    return f"sqlite:///{os.environ.get('TRACKER_DB') or default}"


def forget_conversation(sender_id: str, url: str | None = None) -> int:
    """Delete the sender's stored conversation at once; returns how many events were deleted."""
    engine = create_engine(url or tracker_store_url(), future=True)
    try:
        if not inspect(engine).has_table(TRACKER_TABLE):
            return 0
        with engine.begin() as connection:
            statement = text(f"DELETE FROM {TRACKER_TABLE} WHERE sender_id = :sender")
            result = connection.execute(statement, {"sender": sender_id})
            return result.rowcount or 0
    finally:
        engine.dispose()
