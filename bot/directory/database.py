"""Where the directory lives: SQLite under var/ by default, PostgreSQL via DATABASE_URL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

DEFAULT_SQLITE = Path(__file__).resolve().parents[2] / "var" / "directory.db"


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    # A small pool: the directory is read once per process and then served from memory.
    options = {} if url.startswith("sqlite") else {"pool_size": 2, "max_overflow": 2, "pool_pre_ping": True}
    return create_engine(url, future=True, **options)
