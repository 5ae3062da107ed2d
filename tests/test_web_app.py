"""The web app without a browser: headers, configuration, and the path to Rasa when Rasa is down."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.web.app import create_app
from bot.web.settings import WebSettings
from tests.support import free_port

EXIT = "https://example.org/weer?x=1&y=<2>"


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    # Nothing listens on this port: Rasa is "down".
    settings = WebSettings(rasa_url=f"http://127.0.0.1:{free_port()}", exit_url=EXIT, frame_ancestors="https://www.gemeente.nl")
    async with TestClient(TestServer(create_app(settings))) as test_client:
        yield test_client


async def test_every_page_has_a_strict_policy_and_no_cookies(client: TestClient) -> None:
    for path in ("/", "/veilig-browsen", "/static/chat.js", "/static/style.css"):
        response = await client.get(path)
        assert response.status == 200, path
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors https://www.gemeente.nl" in csp
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "Set-Cookie" not in response.headers


async def test_the_exit_url_is_configurable_and_escaped(client: TestClient) -> None:
    page = await (await client.get("/")).text()
    assert 'data-exit-url="https://example.org/weer?x=1&amp;y=&lt;2&gt;"' in page
    assert "<script>" not in page  # no inline script: only <script src=...>


async def test_the_page_itself_carries_112_and_0800_2000(client: TestClient) -> None:
    page = await (await client.get("/")).text()
    assert 'href="tel:112"' in page and 'href="tel:08002000"' in page


async def test_when_rasa_is_down_the_chat_path_answers_calmly(client: TestClient) -> None:
    response = await client.get("/socket.io/?EIO=4&transport=polling")
    assert response.status == 502
    assert await response.text() == "chat offline"


async def test_websocket_upgrades_are_refused(client: TestClient) -> None:
    response = await client.get(
        "/socket.io/?EIO=4&transport=websocket", headers={"Upgrade": "websocket", "Connection": "Upgrade"}
    )
    assert response.status == 400


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_PORT", "6000")
    monkeypatch.setenv("WEB_EXIT_URL", "https://weer.example")
    monkeypatch.setenv("WEB_FRAME_ANCESTORS", "'self' https://a.example")
    settings = WebSettings.from_env()
    assert settings.rasa_url == "http://127.0.0.1:6000"
    assert settings.exit_url == "https://weer.example"
    assert settings.frame_ancestors == "'self' https://a.example"
