"""Telegram channel: Rasa's, made safe for this product.

Differences from rasa.core.channels.telegram (see shared RASA_NOTES.md for why):
- configured from the environment only (TELEGRAM_TOKEN, TELEGRAM_VERIFY, TELEGRAM_WEBHOOK_SECRET,
  TELEGRAM_API_BASE_URL); no network call at start-up (`python -m bot telegram set-webhook`);
- every webhook call must carry the secret header, else 403 and nothing reaches the tracker;
- no getMe per update; errors inside the handler still answer 200 (no retry storm) and are
  logged without message text; callback queries are answered; non-text updates get a calm reply;
- the first line of every message reads harmless on a lock screen;
- /start, /help, /stop and /wis (delete what can be deleted, and the stored conversation).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.telegram_messages import MessageLog
from bot.input_guard import clean_message
from bot.privacy.forget import forget_conversation
from bot.ratelimit import RATE_LIMITED_TEXT, RateLimiter
from bot.safety_net import SAFETY_NET_TEXT

logger = logging.getLogger(__name__)

DEFAULT_API_BASE_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_CALLBACK_BYTES = 64  # Telegram's limit for callback_data
# Shown first in every message: a lock-screen preview says nothing about the topic.
PREVIEW_LINE = os.environ.get("TELEGRAM_PREVIEW_LINE") or "Nieuw bericht"

START_TEXT = (
    "Hoi, ik ben Wegwijzer, een chatbot (geen mens). Je kunt mij vragen stellen over geweld thuis, "
    "ook als je twijfelt. Direct gevaar? Bel 112. Veilig Thuis: 0800-2000 (gratis, dag en nacht).\n\n"
    "Privacy: Telegram bewaart dit gesprek op je telefoon. Typ /wis om mijn en jouw berichten van de "
    "laatste 48 uur te wissen; oudere berichten wis je zelf: houd het gesprek ingedrukt en kies "
    "'Verwijderen'. Wil je zeker zijn? Verwijder dan het hele gesprek.\n\n"
    "I am a chatbot. You can write in English too."
)
HELP_TEXT = (
    "Typ gewoon wat er aan de hand is. /wis wist dit gesprek, /stop stopt.\n"
    "Direct gevaar? Bel 112. Veilig Thuis: 0800-2000 (gratis, dag en nacht)."
)
STOP_TEXT = "Goed. Je kunt altijd terugkomen. Direct gevaar? Bel 112. Veilig Thuis: 0800-2000."
NOT_TEXT = (
    "Ik kan alleen tekst lezen. Typ je vraag in woorden.\n"
    "Direct gevaar? Bel 112. Veilig Thuis: 0800-2000 (gratis, dag en nacht)."
)
WIPED_TEXT = (
    "Ik heb {deleted} berichten gewist en ons gesprek op de server verwijderd. "
    "{left}Wil je alles weg? Verwijder dan het hele gesprek in Telegram: houd het ingedrukt en kies 'Verwijderen'.\n"
    "Direct gevaar? Bel 112. Veilig Thuis: 0800-2000."
)
LEFT_TEXT = "{count} berichten kon ik niet wissen (ouder dan 48 uur of al weg). "


def callback_data(button: dict[str, Any]) -> str:
    """The payload if it fits Telegram's 64 bytes, else the title, which the NLU reads just as well."""
    payload = str(button.get("payload") or button.get("title") or "")
    if len(payload.encode()) <= MAX_CALLBACK_BYTES:
        return payload
    return str(button.get("title", "")).encode()[:MAX_CALLBACK_BYTES].decode(errors="ignore")


def bubbles(text: str) -> list[str]:
    """A blank line splits bubbles; each starts with the neutral preview line."""
    return [f"{PREVIEW_LINE}\n{part.strip()}" for part in text.strip().split("\n\n") if part.strip()]


class SafeTelegramOutput(TelegramOutput):
    def __init__(self, token: str, api_base_url: str, messages: MessageLog) -> None:
        Bot.__init__(self, token, server=TelegramAPIServer.from_base(api_base_url))
        self.messages = messages

    async def _send(self, chat_id: str, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        sent = await self.send_message(chat_id, text, reply_markup=markup)
        self.messages.seen(chat_id, sent.message_id)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in bubbles(text):
            await self._send(recipient_id, part)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        parts = bubbles(text) or [PREVIEW_LINE]
        for part in parts[:-1]:
            await self._send(recipient_id, part)
        markup = InlineKeyboardMarkup()
        for button in buttons:  # one per row: titles stay readable on a phone
            markup.row(InlineKeyboardButton(button["title"], callback_data=callback_data(button)))
        await self._send(recipient_id, parts[-1], markup)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        # The web page's card ({"data": ...}) repeats the text message: nothing more to send here.
        return None


class SafeTelegramInput(InputChannel):
    """Registered in credentials.yml as bot.channels.telegram.SafeTelegramInput (webhook /webhooks/telegram)."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(
            token=os.environ.get("TELEGRAM_TOKEN", ""),
            verify=os.environ.get("TELEGRAM_VERIFY", ""),
            secret=os.environ.get("TELEGRAM_WEBHOOK_SECRET", ""),
            api_base_url=os.environ.get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL,
        )

    def __init__(self, token: str, verify: str, secret: str, api_base_url: str) -> None:
        self.token, self.verify, self.secret, self.api_base_url = token, verify, secret, api_base_url
        # Without a token the channel is off; without a secret it stays off: anyone could post updates.
        self.enabled = bool(token and secret)
        if token and not secret:
            logger.error("telegram is off: TELEGRAM_WEBHOOK_SECRET is not set")
        self.messages = MessageLog.from_env() if self.enabled else None
        self.per_chat = RateLimiter.from_env("RATE_LIMIT_SENDER", "20/10")

    def get_output_channel(self) -> SafeTelegramOutput:
        return SafeTelegramOutput(self.token, self.api_base_url, self.messages)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("safe_telegram_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.enabled:
                return response.text("telegram is not configured", status=404)
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), self.secret.encode()):
                return response.text("forbidden", status=403)
            out = self.get_output_channel()
            try:
                await self._handle(request.json or {}, out, on_new_message)
            except Exception as error:  # noqa: BLE001 - Telegram would retry a failure forever
                logger.error("telegram update failed: %s", type(error).__name__)
                await self._safety_net(request.json or {}, out)
            finally:
                await out.session.close()
            return response.text("ok")

        return webhook

    async def _handle(
        self, update: dict[str, Any], out: SafeTelegramOutput, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        if "callback_query" in update:
            query = update["callback_query"]
            await out.answer_callback_query(query["id"])
            chat_id = str(query["message"]["chat"]["id"])
            await self._to_rasa(query.get("data") or "", chat_id, out, on_new_message)
            return
        message = update.get("message")
        if message is None:  # edited messages, channel posts, ...: answered in the chat they came from
            edited = update.get("edited_message") or {}
            if "chat" in edited:
                await out.send_text_message(str(edited["chat"]["id"]), NOT_TEXT)
            return
        chat_id = str(message["chat"]["id"])
        self.messages.seen(chat_id, message["message_id"])
        text = message.get("text")
        if not text:
            await out.send_text_message(chat_id, NOT_TEXT)
            return
        command = text.split()[0].split("@")[0].lower() if text.startswith("/") else ""
        if command == "/start":
            await out.send_text_message(chat_id, START_TEXT)
        elif command == "/help":
            await out.send_text_message(chat_id, HELP_TEXT)
        elif command == "/stop":
            await out.send_text_message(chat_id, STOP_TEXT)
        elif command == "/wis":
            await self.wipe(chat_id, out)
        else:
            await self._to_rasa(text, chat_id, out, on_new_message)

    async def _to_rasa(
        self,
        text: str,
        chat_id: str,
        out: SafeTelegramOutput,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> None:
        if not self.per_chat.allow(chat_id):
            await out.send_text_message(chat_id, RATE_LIMITED_TEXT)
            return
        await on_new_message(UserMessage(clean_message(text)[0], out, chat_id, input_channel=self.name()))

    async def wipe(self, chat_id: str, out: SafeTelegramOutput) -> None:
        """Delete every message Telegram still lets us delete, and the stored conversation."""
        deleted = failed = 0
        for message_id in self.messages.deletable(chat_id):
            try:
                await out.delete_message(chat_id, message_id)
                deleted += 1
            except TelegramAPIError:
                failed += 1
        failed += self.messages.too_old(chat_id)
        self.messages.forget(chat_id)
        forget_conversation(chat_id)
        left = LEFT_TEXT.format(count=failed) if failed else ""
        # This note itself is the one message left; it says nothing about the topic.
        await out.send_message(chat_id, f"{PREVIEW_LINE}\n" + WIPED_TEXT.format(deleted=deleted, left=left))

    async def _safety_net(self, update: dict[str, Any], out: SafeTelegramOutput) -> None:
        chat = ((update.get("message") or (update.get("callback_query") or {}).get("message") or {}).get("chat")) or {}
        if "id" in chat:
            try:
                await out.send_message(str(chat["id"]), f"{PREVIEW_LINE}\n{SAFETY_NET_TEXT}")
            except TelegramAPIError as error:
                logger.error("telegram safety net failed: %s", type(error).__name__)


def set_webhook(public_url: str) -> bool:
    """`python -m bot telegram set-webhook URL`: register the webhook with its secret."""
    channel = SafeTelegramInput.from_credentials(None)
    out = channel.get_output_channel()

    async def register() -> bool:
        try:
            # aiogram 2.15 predates secret_token: the raw Bot API call carries it.
            return bool(await out.request("setWebhook", {"url": public_url, "secret_token": channel.secret}))
        finally:
            await out.session.close()

    return asyncio.run(register())

