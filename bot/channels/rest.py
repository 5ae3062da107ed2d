"""Rasa's REST channel with a safety net and without message text in its logs.

Stock ``RestInput`` answers HTTP 200 with whatever it collected, which is an empty list
when the action server or the tracker store fails, and it logs the user's text on
errors. This channel keeps the same URL (``/webhooks/rest/webhook``) and request format,
but a failed or empty turn still answers with 112 and 0800-2000, bad JSON gets a 400 with
a neutral body, and logs carry the error type only.
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

from bot.safety_net import safety_net_message

logger = logging.getLogger(__name__)

BAD_REQUEST = {"error": "bad request", "help": "Direct gevaar? Bel 112. Veilig Thuis: 0800-2000."}


class SafeRestInput(RestInput):
    """``POST /webhooks/rest/webhook`` with ``{"sender": ..., "message": ...}``."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("safe_rest_webhook", __name__)

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
            sender_id = str(body.get("sender") or "default")
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        body.get("message", ""),
                        collector,
                        sender_id,
                        input_channel=self.name(),
                        metadata=self.get_metadata(request),
                    )
                )
            except (CancelledError, Exception) as error:  # noqa: BLE001 - any failure gets the safety net
                logger.error("rest.turn.failed", extra={"error_type": type(error).__name__})
            messages = collector.messages or [safety_net_message(sender_id)]
            return response.json(messages)

        return webhook
