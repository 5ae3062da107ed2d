"""aiohttp app for the chat page: the page, its assets, and a same-origin path to Rasa.

The page itself carries 112 and 0800-2000, so it helps even when Rasa is down. No third-party
requests, no cookies, no inline script: a strict Content-Security-Policy on every response.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

from bot.web.proxy import SOCKET_PATH, socketio_proxy
from bot.web.settings import WebSettings

STATIC = Path(__file__).parent / "static"
PAGES = {"/": "index.html", "/veilig-browsen": "safe-browsing.html"}


def security_headers(settings: WebSettings) -> dict[str, str]:
    csp = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
        f"frame-ancestors {settings.frame_ancestors}"
    )
    return {
        "Content-Security-Policy": csp,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def _page(name: str, settings: WebSettings) -> Callable[[web.Request], Awaitable[web.Response]]:
    # The exit URL goes into a data attribute: configuration without inline script.
    body = (STATIC / name).read_text(encoding="utf-8").replace("{{EXIT_URL}}", html.escape(settings.exit_url))

    async def page(_: web.Request) -> web.Response:
        return web.Response(text=body, content_type="text/html", headers={"Cache-Control": "no-store"})

    return page


async def _no_icon(_: web.Request) -> web.Response:
    return web.Response(status=204)


def create_app(settings: WebSettings | None = None) -> web.Application:
    settings = settings or WebSettings.from_env()
    headers = security_headers(settings)

    @web.middleware
    async def secure(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
        response = await handler(request)
        if not response.prepared:  # a WebSocket's headers are already sent
            response.headers.update(headers)
        return response

    app = web.Application(middlewares=[secure], client_max_size=64 * 1024)
    for path, name in PAGES.items():
        app.router.add_get(path, _page(name, settings))
    app.router.add_static("/static/", STATIC, follow_symlinks=False)
    app.router.add_get("/favicon.ico", _no_icon)
    app.router.add_route("*", SOCKET_PATH, socketio_proxy(settings.rasa_url))
    return app
