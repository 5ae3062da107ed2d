"""Same-origin path to Rasa's socket.io channel: the page talks only to the server it came from.

The page uses Engine.IO long-polling (plain HTTP requests, which pass every proxy; Rasa 3.6's
Sanic fails the polling-to-WebSocket upgrade), and each request is forwarded as it is.
Nothing is logged: the bodies are the conversation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiohttp import ClientError, ClientSession, ClientTimeout, web

from bot.ratelimit import RATE_LIMITED_TEXT, RateLimiter

SOCKET_PATH = "/socket.io/"
_FORWARDED_HEADERS = ("Content-Type", "Accept")
# One polling request is short: Engine.IO pings every 25 s.
_TIMEOUT = ClientTimeout(total=60)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def socketio_proxy(rasa_url: str) -> Handler:
    # A message is a POST; polling GETs arrive every few seconds and are not counted.
    per_ip = RateLimiter.from_env("RATE_LIMIT_IP", "120/10")

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return web.Response(status=400, text="use polling", headers={"Cache-Control": "no-store"})
        if request.method == "POST" and not per_ip.allow(request.remote or ""):
            return web.Response(status=429, text=RATE_LIMITED_TEXT, headers={"Cache-Control": "no-store"})
        headers = {name: request.headers[name] for name in _FORWARDED_HEADERS if name in request.headers}
        # Behind several Rasa servers, nginx keeps one visitor's Socket.IO session on one server by this.
        headers["X-Forwarded-For"] = request.remote or ""
        try:
            async with ClientSession(timeout=_TIMEOUT) as session:
                body = await request.read()
                target = f"{rasa_url}{request.path_qs}"
                async with session.request(request.method, target, data=body or None, headers=headers) as upstream:
                    return web.Response(
                        status=upstream.status,
                        body=await upstream.read(),
                        content_type=upstream.content_type,
                        headers={"Cache-Control": "no-store"},
                    )
        except (ClientError, asyncio.TimeoutError):
            # Rasa is down: the page shows its own offline notice with 112 and 0800-2000.
            return web.Response(status=502, text="chat offline", headers={"Cache-Control": "no-store"})

    return handle
