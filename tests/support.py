"""Shared by the tests that start the real stack, load a directory, or stop the clock."""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.directory.database import make_engine
from bot.directory.loader import load
from bot.safety_net import SAFETY_NET_TEXT
from bot.stack import Ports, start, stop
from bot.training import model_path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 180


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, body: bytes) -> tuple[int, Any]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw)
        except ValueError:
            return error.code, raw.decode(errors="replace")


def say(port: int, text: str, sender: str | None = None) -> list[dict[str, Any]]:
    status, messages = post(port, json.dumps({"sender": sender or uuid.uuid4().hex, "message": text}).encode())
    assert status == 200
    return messages


def loaded_directory(folder: Path) -> str:
    """A directory database loaded from data/directory in `folder`; returns its URL."""
    url = f"sqlite:///{folder / 'directory.db'}"
    engine = make_engine(url)
    load(engine)
    engine.dispose()
    return url


def _wait_until_answering(port: int, processes: dict) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert all(p.poll() is None for p in processes.values()), "a service exited during start-up"
        try:
            # The safety net answers too, also when the model failed to load: wait for the bot itself.
            replies = say(port, "hoi")
            if replies and replies[0].get("text") != SAFETY_NET_TEXT:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(1)
    raise TimeoutError("Rasa did not answer in time")


@contextmanager
def running_stack(
    folder: Path, env: dict[str, str] | None = None, log: Path | None = None, with_actions: bool = True
) -> Iterator[tuple[Ports, dict]]:
    """Rasa, the action server and the web page as `make run` starts them, with all state in `folder`."""
    if not model_path(ROOT).exists():
        pytest.fail("no trained model: run `make train` first")
    ports = Ports(rasa=free_port(), actions=free_port(), web=free_port())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", loaded_directory(folder))
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        processes = start(ROOT, ports, quiet=log is None, tracker_db=folder / "tracker.db", log=log)
    if not with_actions:
        # The action server is down: Rasa must still answer what matters from plain responses.
        stop({"actions": processes.pop("actions")})
    try:
        _wait_until_answering(ports.rasa, processes)
        yield ports, processes
    finally:
        stop(processes)


def frozen_clock(moment: datetime) -> type[datetime]:
    """A datetime class whose now() is `moment`: patch it over a module's `datetime`."""

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> datetime:
            return moment.astimezone(tz)

    return Frozen


def unavailable(reason: str) -> None:
    """Skip a test whose real service is missing here; in CI (CI set) the same is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so this test must run")
    pytest.skip(reason)


def redis_client(db: int = 15) -> Any:
    """A client of the local Redis (127.0.0.1:6379, or REDIS_HOST/REDIS_PORT), or skip/fail."""
    import redis

    client = redis.Redis(
        host=os.environ.get("REDIS_HOST", "127.0.0.1"), port=int(os.environ.get("REDIS_PORT", 6379)), db=db,
        socket_timeout=5,
    )
    try:
        client.ping()
    except redis.RedisError as error:
        unavailable(f"Redis is unreachable ({type(error).__name__})")
    return client
