"""Privacy end to end over REST: nothing personal under the state folder, no text in any log,
and "vergeet dit gesprek" deletes the stored conversation at once."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.stack import DEBUG_LOGS_ENV, Ports, commands
from tests.support import running_stack, say

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.integration
PHONE, EMAIL = "06-12345678", "jan.jansen@example.nl"
CONVERSATION = [
    f"mijn nummer is {PHONE}, mail me op {EMAIL}",
    "mijn man Ahmed slaat me al maanden",
    "ik woon op de Kerkstraat 12 in Zwolle",
    "hij staat nu voor de deur met een mes",
    "I am worried about my sister Maria in Utrecht",
    "ik wil met iemand praten",
]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Ports, Path, Path]]:
    state = tmp_path_factory.mktemp("var")  # stands in for var/: every file the stack writes
    log = state.parent / "stack.log"
    with running_stack(state, log=log) as (ports, _):
        yield ports, state, log


@pytest.fixture(scope="module")
def replies(stack: tuple[Ports, Path, Path]) -> list[str]:
    ports, _, _ = stack
    sender = uuid.uuid4().hex
    texts = []
    for message in CONVERSATION:
        texts += [m.get("text", "") for m in say(ports.rasa, message, sender)]
    return texts


def _all_bytes(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def test_no_phone_number_or_email_is_stored_anywhere(stack: tuple[Ports, Path, Path], replies: list[str]) -> None:
    _, state, log = stack
    assert replies
    stored = _all_bytes(state) + log.read_bytes()
    for secret in (PHONE, EMAIL, "0612345678", "jan.jansen", "Kerkstraat 12", "Ahmed"):
        assert secret.encode() not in stored, secret
    with sqlite3.connect(state / "tracker.db") as db:
        texts = [row[0] for row in db.execute("SELECT data FROM events WHERE type_name = 'user'")]
    assert any("[telefoonnummer]" in t and "[e-mail]" in t for t in texts)


def test_no_message_text_appears_in_any_log(stack: tuple[Ports, Path, Path], replies: list[str]) -> None:
    _, _, log = stack
    logged = log.read_text(encoding="utf-8", errors="replace")
    assert "Rasa server" in logged or "Starting" in logged  # the log did capture the services
    for message in CONVERSATION:
        assert message not in logged
    for word in ("Zwolle", "Utrecht", "Ahmed", "Maria", "slaat", "mes"):
        assert re.search(rf"\b{word}\b", logged) is None, word
    for reply in replies:
        for line in filter(None, (line.strip() for line in reply.splitlines())):
            if len(line) > 25:
                assert line not in logged, line
    assert "POST /webhooks" not in logged  # no access log (it would keep IP addresses)


def test_forget_me_deletes_the_stored_conversation_at_once(stack: tuple[Ports, Path, Path]) -> None:
    ports, state, _ = stack
    sender = uuid.uuid4().hex
    say(ports.rasa, "ik word thuis geslagen", sender)
    with sqlite3.connect(state / "tracker.db") as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0] > 0
    [confirmation] = say(ports.rasa, "vergeet dit gesprek", sender)
    assert "gewist" in confirmation["text"] and "112" in confirmation["text"]
    with sqlite3.connect(state / "tracker.db") as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0] == 0


def test_debug_logs_need_an_explicit_switch(tmp_path: Path) -> None:
    ports = Ports(rasa=1, actions=2, web=3)
    normal = commands(ROOT, ports, {"WEB_ORIGIN": "x"})
    debug = commands(ROOT, ports, {"WEB_ORIGIN": "x", DEBUG_LOGS_ENV: "1"})
    assert "--debug" not in normal["rasa"] + normal["actions"]
    assert "--debug" in debug["rasa"] and "--debug" in debug["actions"]
