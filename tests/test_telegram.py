"""Telegram end to end: the real stack, real update JSON posted to the webhook, a local fake Bot API."""

from __future__ import annotations

import json
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.channels.telegram import PREVIEW_LINE
from bot.stack import Ports
from tests.fake_telegram import FakeBotAPI
from tests.support import running_stack

SECRET = "s3cret-" + "x" * 20
pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def telegram(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Ports, FakeBotAPI, Path]]:
    folder = tmp_path_factory.mktemp("telegram")
    api = FakeBotAPI()
    api.start()
    env = {
        "TELEGRAM_TOKEN": "123456:ABC-def",
        "TELEGRAM_VERIFY": "weerbericht_bot",
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_API_BASE_URL": api.url,
    }
    try:
        with running_stack(folder, env) as (ports, _):
            yield ports, api, folder / "tracker.db"
    finally:
        api.stop()


_update_id = 0


def _post(port: int, update: dict[str, Any], secret: str | None = SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/telegram/webhook", data=json.dumps(update).encode(), headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _message(chat_id: int, text: str | None = None, message_id: int = 1, **extra: Any) -> dict[str, Any]:
    global _update_id
    _update_id += 1
    message = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "X"},
        **extra,
    }
    if text is not None:
        message["text"] = text
    return {"update_id": _update_id, "message": message}


def _texts_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [c["text"] for c in api.calls_to("sendMessage") if int(c["chat_id"]) == chat_id]


def _events(tracker_db: Path, chat_id: int) -> int:
    with sqlite3.connect(tracker_db) as connection:
        return connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (str(chat_id),)).fetchone()[0]


def test_a_conversation_with_a_region_lookup_and_danger(telegram: tuple[Ports, FakeBotAPI, Path]) -> None:
    ports, api, _ = telegram
    chat = 7001
    assert _post(ports.rasa, _message(chat, "/start", 1)) == 200
    assert "chatbot (geen mens)" in _texts_to(api, chat)[0]

    assert _post(ports.rasa, _message(chat, "ik woon in Zwolle", 2)) == 200
    card = [c for c in api.calls_to("sendMessage") if int(c["chat_id"]) == chat and "IJsselland" in c["text"]]
    assert card and card[-1]["reply_markup"]["inline_keyboard"]

    before = len(_texts_to(api, chat))
    assert _post(ports.rasa, _message(chat, "hij staat met een mes voor de deur", 3)) == 200
    danger = _texts_to(api, chat)[before]
    assert danger.splitlines()[1].startswith("Ben je nu in gevaar? Bel nu 112")


def test_every_message_starts_with_a_harmless_line(telegram: tuple[Ports, FakeBotAPI, Path]) -> None:
    _, api, _ = telegram
    texts = [c["text"] for c in api.calls_to("sendMessage")]
    assert texts and all(text.splitlines()[0] == PREVIEW_LINE for text in texts)


def test_a_button_press_is_answered_and_understood(telegram: tuple[Ports, FakeBotAPI, Path]) -> None:
    ports, api, _ = telegram
    chat = 7002
    _post(ports.rasa, _message(chat, "Bergen", 1))
    question = [c for c in api.calls_to("sendMessage") if int(c["chat_id"]) == chat][-1]
    limburg = next(
        b for row in question["reply_markup"]["inline_keyboard"] for b in row if "Limburg" in b["text"]
    )
    sent = next(c for c in api.calls_to("sendMessage") if int(c["chat_id"]) == chat)
    query = {
        "update_id": 99001,
        "callback_query": {
            "id": "cb-1",
            "from": {"id": chat, "is_bot": False, "first_name": "X"},
            "chat_instance": "1",
            "data": limburg["callback_data"],
            "message": {"message_id": 1001, "date": int(time.time()), "chat": {"id": chat, "type": "private"},
                        "text": sent["text"]},
        },
    }
    assert _post(ports.rasa, query) == 200
    assert {"callback_query_id": "cb-1"}.items() <= api.calls_to("answerCallbackQuery")[-1].items()
    assert any("Noord- en Midden-Limburg" in t for t in _texts_to(api, chat))


@pytest.mark.parametrize("secret", [None, "wrong"])
def test_a_wrong_or_missing_secret_gets_403_and_leaves_no_trace(
    telegram: tuple[Ports, FakeBotAPI, Path], secret: str | None
) -> None:
    ports, api, tracker_db = telegram
    chat = 7003
    calls = len(api.calls)
    assert _post(ports.rasa, _message(chat, "ik woon in Zwolle", 1), secret=secret) == 403
    assert len(api.calls) == calls
    assert _events(tracker_db, chat) == 0


def test_a_photo_gets_a_calm_reply(telegram: tuple[Ports, FakeBotAPI, Path]) -> None:
    ports, api, _ = telegram
    chat = 7004
    photo = [{"file_id": "f", "file_unique_id": "u", "width": 10, "height": 10}]
    assert _post(ports.rasa, _message(chat, None, 1, photo=photo)) == 200
    [reply] = _texts_to(api, chat)
    assert "alleen tekst" in reply and "112" in reply and "0800-2000" in reply


def test_wis_deletes_every_recent_message_and_the_stored_conversation(
    telegram: tuple[Ports, FakeBotAPI, Path],
) -> None:
    ports, api, tracker_db = telegram
    chat = 7005
    for message_id, text in ((11, "hoi"), (12, "ik woon in Zwolle")):
        _post(ports.rasa, _message(chat, text, message_id))
    bot_ids = set(api.sent_ids[chat])
    assert bot_ids and _events(tracker_db, chat) > 0
    api.undeletable.add(min(bot_ids))  # Telegram refuses one (e.g. already deleted by the user)
    deleted_before = len(api.calls_to("deleteMessage"))

    assert _post(ports.rasa, _message(chat, "/wis", 13)) == 200
    tried = {int(c["message_id"]) for c in api.calls_to("deleteMessage")[deleted_before:] if int(c["chat_id"]) == chat}
    assert tried == {11, 12, 13} | bot_ids
    assert _events(tracker_db, chat) == 0
    assert "1 berichten kon ik niet wissen" in _texts_to(api, chat)[-1]
