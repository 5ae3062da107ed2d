"""Rasa's REST channel with a safety net and without message text in its logs.

Stock ``RestInput`` answers HTTP 200 with whatever it collected, which is an empty list
when the action server or the tracker store fails, and it logs the user's text on
errors. This channel keeps the same URL (``/webhooks/rest/webhook``) and request format,
but a failed or empty turn still answers with 112 and 0800-2000, bad JSON gets a 400 with
a neutral body, text is cleaned and cut at 2,000 characters (with a note), a flood from one
sender or address gets 429 with 112 and 0800-2000, and logs carry the error type only.
"""

from __future__ import annotations

import logging
import re
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.input_guard import clean_message
from bot.ratelimit import RATE_LIMITED_TEXT, RateLimiter
from bot.safety_net import ALREADY_RECEIVED_TEXT, safety_net_message

logger = logging.getLogger(__name__)

BAD_REQUEST = {"error": "bad request", "help": "Direct gevaar? Bel 112. Veilig Thuis: 0800-2000."}
# A client's own id for a message: a UUID or similar, nothing that could carry text.
MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
TRUNCATED_TEXT = "Je bericht was erg lang: ik heb het begin gelezen. / Your message was very long: I read the start."


class SafeRestInput(RestInput):
    """``POST /webhooks/rest/webhook`` with ``{"sender": ..., "message": ...}``."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("safe_rest_webhook", __name__)
        # Normal conversations stay far below these; a flood from one sender or address does not.
        per_sender = RateLimiter.from_env("RATE_LIMIT_SENDER", "20/10")
        per_ip = RateLimiter.from_env("RATE_LIMIT_IP", "120/10")

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except Exception:  # sanic raises its own InvalidUsage on malformed JSON
                body = None
            if not isinstance(body, dict) or not isinstance(body.get("message", ""), str):
                return response.json(BAD_REQUEST, status=400)
            message_id = body.get("message_id")
            if message_id is not None and not (isinstance(message_id, str) and MESSAGE_ID.fullmatch(message_id)):
                return response.json(BAD_REQUEST, status=400)
            sender_id = str(body.get("sender") or "default")[:128]
            if not (per_ip.allow(request.remote_addr or request.ip or "") and per_sender.allow(sender_id)):
                return response.json([{"recipient_id": sender_id, "text": RATE_LIMITED_TEXT}], status=429)
            text, truncated = clean_message(body.get("message", ""))
            collector = CollectingOutputChannel()
            message = UserMessage(
                text,
                collector,
                sender_id,
                input_channel=self.name(),
                metadata=self.get_metadata(request),
                message_id=message_id,
            )
            try:
                if message_id is None:
                    await on_new_message(message)
                elif await _handle_once(request.app.ctx.agent, message):
                    collector.messages.append({"recipient_id": sender_id, "text": ALREADY_RECEIVED_TEXT})
            except (CancelledError, Exception) as error:  # noqa: BLE001 - any failure gets the safety net
                logger.error("rest.turn.failed", extra={"error_type": type(error).__name__})
            messages = collector.messages or [safety_net_message(sender_id)]
            if truncated:
                messages = [{"recipient_id": sender_id, "text": TRUNCATED_TEXT}, *messages]
            return response.json(messages)

        return webhook


async def _handle_once(agent: Any, message: UserMessage) -> bool:
    """Handle a message unless its id is already in the conversation; True when it was.

    The check and the handling share the conversation's lock (what Agent.handle_message
    takes), so a retry that waits behind the original still sees it once it is stored.
    """
    async with agent.lock_store.lock(message.sender_id):
        tracker = await agent.tracker_store.retrieve(message.sender_id)
        if tracker and any(
            isinstance(event, UserUttered) and event.message_id == message.message_id for event in tracker.events
        ):
            return True
        await agent.processor.handle_message(message)
        return False
