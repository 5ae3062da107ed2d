"""Failover: 2 Rasa + 2 action servers behind nginx on PostgreSQL and Redis; one Rasa server dies.

Twenty people hold a conversation through nginx; a third of the way in, one Rasa server gets
SIGKILL. A message that fails is retried by its client with the same message_id, as the chat
page does. Checked: every message is answered in the end, failures stop within the retry window,
and in the tracker store every conversation holds each message exactly once, in order.

Needs nginx (`make nginx`), PostgreSQL and Redis; skipped where they are missing, failed under CI.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import threading
import time
import urllib.error
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from bot.safety_net import ALREADY_RECEIVED_TEXT, SAFETY_NET_TEXT
from bot.scale import cluster
from bot.stack import stop
from bot.training import model_path
from tests.support import ROOT, free_port, post, redis_client, unavailable

pytestmark = pytest.mark.integration

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
USERS = 20
CONVERSATION = (
    "hoi",
    "ik maak me zorgen om mijn buurvrouw, ik hoor vaak geschreeuw",
    "wat kan ik doen?",
    "Zwolle",
    "wat gebeurt er als ik bel?",
    "is dit anoniem?",
    "bedankt",
    "doei",
)
# nginx leaves a failed server alone for 5 s; a dead server's conversation locks expire after
# TICKET_LOCK_LIFETIME (10 s). After that, no message may fail.
RETRY_WINDOW_SECONDS = 20
STARTUP_SECONDS = 240


@dataclass
class Turn:
    text: str
    message_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    failures: list[float] = field(default_factory=list)  # when an attempt failed
    answered: bool = False
    already_received: bool = False


def _post(port: int, sender: str, turn: Turn) -> tuple[int, Any]:
    """Status and body; a refused or dropped connection is status 0 (the server is gone)."""
    body = json.dumps({"sender": sender, "message": turn.text, "message_id": turn.message_id}).encode()
    try:
        return post(port, body)
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return 0, type(error).__name__


def _send_until_answered(port: int, sender: str, turn: Turn) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        status, replies = _post(port, sender, turn)
        texts = [reply.get("text") for reply in replies] if isinstance(replies, list) else []
        if status == 200 and texts and SAFETY_NET_TEXT not in texts:
            turn.answered = True
            turn.already_received = ALREADY_RECEIVED_TEXT in texts
            return
        turn.failures.append(time.monotonic())
        time.sleep(1)


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any connection failure means: no PostgreSQL here
        admin.dispose()
        unavailable(f"PostgreSQL at {PG_ADMIN} is unreachable ({type(error).__name__})")
    name = f"wegwijzer_cluster_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def running_cluster(database: str, tmp_path_factory) -> Iterator[tuple[cluster.Topology, dict, Path]]:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        unavailable("nginx is not installed (make nginx)")
    redis_client()
    if not model_path(ROOT).exists():
        pytest.fail("no trained model: run `make train` first")
    folder = tmp_path_factory.mktemp("cluster")
    topology = cluster.Topology(
        rasa=free_port(), actions=free_port(), web=free_port(),
        rasa_servers=(free_port(), free_port()), action_servers=(free_port(), free_port()),
    )
    storage = cluster.Storage(pg_database=database, redis_db=14)
    log = folder / "cluster.log"
    with pytest.MonkeyPatch.context() as patch:
        # Twenty people who all come from 127.0.0.1, as if behind one NAT: the per-address
        # flood limit (120 messages per 10 s) is for one sender of many messages, not for them.
        patch.setenv("RATE_LIMIT_IP", "1000/10")
        processes = cluster.start(ROOT, topology, storage, prefix=folder / "nginx", log=log)
    try:
        _wait_for(topology, processes)
        yield topology, processes, log
    finally:
        stop(processes)


def _wait_for(topology: cluster.Topology, processes: dict) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    waiting = {*topology.rasa_servers}
    while waiting and time.monotonic() < deadline:
        for name, process in processes.items():
            assert process.poll() is None, f"{name} exited during start-up"
        for port in list(waiting):
            status, replies = _post(port, f"probe-{port}", Turn("hoi"))
            if status == 200 and isinstance(replies, list) and replies and replies[0].get("text") != SAFETY_NET_TEXT:
                waiting.discard(port)
        time.sleep(1)
    assert not waiting, f"Rasa servers on {waiting} did not answer in time"


def _stored_messages(database: str) -> dict[str, list[str]]:
    engine = create_engine(f"postgresql://postgres@127.0.0.1:5432/{database}")
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT sender_id, data FROM events WHERE type_name = 'user' ORDER BY id")
        ).all()
    engine.dispose()
    stored: dict[str, list[str]] = {}
    for sender, data in rows:
        stored.setdefault(sender, []).append(json.loads(data)["message_id"])
    return stored


def test_the_web_page_talks_to_the_cluster_over_socketio(running_cluster) -> None:
    # Engine.IO polling is several HTTP requests per session: they must all reach the same Rasa
    # server (nginx hashes the client address for /socket.io/), or the session is unknown.
    topology, _, _ = running_cluster

    async def conversation() -> list[dict]:
        import socketio

        client = socketio.AsyncClient()
        replies: asyncio.Queue[dict] = asyncio.Queue()
        client.on("bot_uttered", replies.put)
        session = uuid.uuid4().hex
        await client.connect(
            f"http://127.0.0.1:{topology.web}", transports=["polling"], socketio_path="/socket.io/", wait_timeout=30
        )
        await client.emit("session_request", {"session_id": session})
        received = []
        for message in ("ik word thuis geslagen", "Zwolle"):
            await client.emit("user_uttered", {"message": message, "session_id": session})
            received.append(await asyncio.wait_for(replies.get(), 60))
        await client.disconnect()
        return received

    first, second = asyncio.run(asyncio.wait_for(conversation(), 150))
    assert "0800-2000" in first["text"]
    assert second.get("text")


def test_conversations_survive_a_rasa_server_dying(running_cluster, database) -> None:
    topology, processes, _ = running_cluster
    conversations = {f"failover-{n}-{uuid.uuid4().hex[:6]}": [Turn(t) for t in CONVERSATION] for n in range(USERS)}
    total = USERS * len(CONVERSATION)
    done = threading.Semaphore(0)

    def talk(sender: str) -> None:
        for turn in conversations[sender]:
            _send_until_answered(topology.rasa, sender, turn)
            done.release()
            time.sleep(0.3)

    with ThreadPoolExecutor(max_workers=USERS) as pool:
        futures = [pool.submit(talk, sender) for sender in conversations]
        for _ in range(total // 3):
            done.acquire(timeout=120)
        killed_at = time.monotonic()
        os.killpg(processes["rasa-1"].pid, signal.SIGKILL)
        for future in futures:
            future.result(timeout=300)

    turns = [turn for turns in conversations.values() for turn in turns]
    print(
        f"failover: {sum(len(t.failures) for t in turns)} failed attempts, "
        f"{sum(t.already_received for t in turns)} retries found already handled"
    )
    assert all(turn.answered for turn in turns), "a message was never answered"
    window_end = killed_at + RETRY_WINDOW_SECONDS
    late = [moment - killed_at for turn in turns for moment in turn.failures if moment > window_end]
    assert not late, f"failures after the retry window: {late}"
    assert processes["rasa-1"].poll() is not None, "the server was not killed"

    stored = _stored_messages(database)
    for sender, sent in conversations.items():
        assert stored.get(sender) == [turn.message_id for turn in sent], sender


def test_nginx_answers_with_the_safety_net_when_no_rasa_server_is_left(running_cluster) -> None:
    topology, processes, _ = running_cluster
    for name in ("rasa-1", "rasa-2"):
        if processes[name].poll() is None:
            os.killpg(processes[name].pid, signal.SIGKILL)
            processes[name].wait(timeout=10)
    status, replies = _post(topology.rasa, "nobody-left", Turn("help"))
    assert status == 503
    assert replies[0]["text"] == SAFETY_NET_TEXT


def test_the_committed_compose_nginx_conf_is_the_rendered_one() -> None:
    expected = cluster.compose_nginx_conf(ROOT)
    assert (ROOT / "deploy" / "compose" / "nginx.conf").read_text() == expected


def test_the_compose_file_runs_the_same_topology() -> None:
    # deploy/ is not run here (no container runtime); this keeps it from drifting from the cluster.
    import yaml

    compose = yaml.safe_load((ROOT / "deploy" / "compose" / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"rasa-1", "rasa-2", "actions-1", "actions-2", "nginx", "postgres", "redis", "web"} <= set(services)
    for name in ("rasa-1", "rasa-2"):
        command = services[name]["command"]
        assert "bot.rasa_server run" in command and "--endpoints deploy/endpoints.yml" in command
    assert services["nginx"]["volumes"] == ["./nginx.conf:/etc/nginx/conf.d/default.conf:ro"]
    assert services["web"]["environment"]["RASA_URL"] == "http://nginx:5005"
    needed = {"ACTION_ENDPOINT_URL", *cluster.Storage().environment()} - {"PG_PASSWORD"}
    assert needed <= set(services["rasa-1"]["environment"])
