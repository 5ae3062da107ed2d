"""Forget a conversation: delete every stored event of one sender from Rasa's SQL tracker store."""

from __future__ import annotations

import os
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import create_engine, delete, inspect
from sqlalchemy.engine import Engine

EVENTS = SQLTrackerStore.SQLEvent.__table__


def tracker_store_url() -> str:
    """The tracker store endpoints.yml configures: TRACKER_DB (SQLite file under var/ by default)."""
    default = Path(__file__).resolve().parents[2] / "var" / "tracker.db"
    return f"sqlite:///{os.environ.get('TRACKER_DB') or default}"


def delete_conversation(engine: Engine, sender_id: str) -> int:
    """Delete every stored event of one sender; returns how many there were."""
    with engine.begin() as connection:
        return connection.execute(delete(EVENTS).where(EVENTS.c.sender_id == sender_id)).rowcount or 0


def forget_conversation(sender_id: str, url: str | None = None) -> int:
    """From outside Rasa (Telegram's /wis): delete the sender's stored conversation at once."""
    engine = create_engine(url or tracker_store_url(), future=True)
    try:
        return delete_conversation(engine, sender_id) if inspect(engine).has_table(EVENTS.name) else 0
    finally:
        engine.dispose()
