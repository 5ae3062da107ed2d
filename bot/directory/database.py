"""Where the directory lives: SQLite under var/ by default, PostgreSQL via DATABASE_URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import QueuePool

DEFAULT_SQLITE = Path(__file__).resolve().parents[2] / "var" / "directory.db"


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        return sqlite_engine(url)
    if url.startswith("sqlite"):
        return create_engine(url, future=True)
    # A small pool: the directory is read once per process and then served from memory.
    return create_engine(url, future=True, pool_size=2, max_overflow=2, pool_pre_ping=True)


def sqlite_engine(url: str | URL, *, future: bool = True) -> Engine:
    """A SQLite file engine that keeps its connections, in write-ahead-log mode.

    Every message writes the tracker store and the statistics. SQLAlchemy 1.4 opens and closes
    a connection per use of a SQLite file, and closing the last connection to a WAL file
    checkpoints it to disk: 5-8 ms per commit here. A kept connection with NORMAL synchronous
    stays consistent after a crash; a power cut can lose the last commits, which for an
    hour-long conversation and a daily count is acceptable. busy_timeout lets a second process
    wait for a lock instead of failing at once with "database is locked".
    """
    engine = create_engine(
        url, future=future, poolclass=QueuePool, pool_size=2, connect_args={"check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(connection: Any, _: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return engine
