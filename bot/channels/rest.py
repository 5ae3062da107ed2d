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
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.input_guard import clean_message
from bot.ratelimit import RATE_LIMITED_TEXT, RateLimiter
from bot.safety_net import safety_net_message

logger = logging.getLogger(__name__)

BAD_REQUEST = {"error": "bad request", "help": "Direct gevaar? Bel 112. Veilig Thuis: 0800-2000."}
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
            sender_id = str(body.get("sender") or "default")[:128]
            if not (per_ip.allow(request.remote_addr or request.ip or "") and per_sender.allow(sender_id)):
                return response.json([{"recipient_id": sender_id, "text": RATE_LIMITED_TEXT}], status=429)
            text, truncated = clean_message(body.get("message", ""))
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text,
                        collector,
                        sender_id,
                        input_channel=self.name(),
                        metadata=self.get_metadata(request),
                    )
                )
            except (CancelledError, Exception) as error:  # noqa: BLE001 - any failure gets the safety net
                logger.error("rest.turn.failed", extra={"error_type": type(error).__name__})
            messages = collector.messages or [safety_net_message(sender_id)]
            if truncated:
                messages = [{"recipient_id": sender_id, "text": TRUNCATED_TEXT}, *messages]
            return response.json(messages)

        return webhook
