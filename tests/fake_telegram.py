"""A local stand-in for the Telegram Bot API: answers like Telegram and records every call."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

from aiohttp import web


class FakeBotAPI:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.undeletable: set[int] = set()
        self.sent_ids: dict[int, list[int]] = {}  # chat id -> ids of the messages "Telegram" delivered
        self._next_id = 1000
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self.url = ""

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.content_type == "application/json":
            params = await request.json()
        else:
            params = dict(await request.post())
        if isinstance(params.get("reply_markup"), str):
            params["reply_markup"] = json.loads(params["reply_markup"])
        self.calls.append((method, params))
        if method == "sendMessage":
            self._next_id += 1
            chat = {"id": int(params["chat_id"]), "type": "private"}
            result: Any = {"message_id": self._next_id, "date": int(time.time()), "chat": chat, "text": params["text"]}
            self.sent_ids.setdefault(chat["id"], []).append(self._next_id)
        elif method == "deleteMessage" and int(params["message_id"]) in self.undeletable:
            refusal = {"ok": False, "error_code": 400, "description": "Bad Request: message can't be deleted"}
            return web.json_response(refusal, status=400)
        elif method == "getMe":
            result = {"id": 1, "is_bot": True, "first_name": "Weer", "username": "weerbericht_bot"}
        else:
            result = True
        return web.json_response({"ok": True, "result": result})

    def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            self._loop.run_until_complete(site.start())
            port = site._server.sockets[0].getsockname()[1]  # noqa: SLF001 - aiohttp has no public getter
            self.url = f"http://127.0.0.1:{port}"
            ready.set()
            self._loop.run_forever()

        threading.Thread(target=serve, daemon=True).start()
        ready.wait(10)

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
