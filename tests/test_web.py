"""The chat page in a real browser: Debian's Chromium, headless, driven by Playwright, on the real stack.

Needs `make browser` (Debian's chromium package) and `make web-assets` (socket.io-client and
axe-core from npm); `make test` runs both. Without Chromium the tests skip, except in CI.
"""

from __future__ import annotations

import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bot.stack import Ports, stop
from tests.support import running_stack

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DOCS = ROOT / "docs"
pytestmark = pytest.mark.integration

playwright_sync = pytest.importorskip("playwright.sync_api")


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, AXE, ROOT / "bot/web/static/vendor/socket.io.min.js") if not Path(p).exists()]
    if missing:
        reason = f"browser test needs {', '.join(map(str, missing))}: run `make browser web-assets`"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


class _OtherSite(BaseHTTPRequestHandler):
    """Another origin: the neutral site the quick exit goes to, and a municipality's page embedding us."""

    chat_origin = ""

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path == "/gemeente":
            script = f'<script src="{self.chat_origin}/static/embed.js" defer></script>'
            body = f"<!doctype html><html lang=nl><title>Gemeente</title><h1>Gemeente</h1>{script}".encode()
        else:
            body = b"<!doctype html><title>Weer</title><p>Zonnig, 12 graden.</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture(scope="module")
def neutral_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OtherSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/weer"
    server.shutdown()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, neutral_url: str) -> Iterator[tuple[Ports, dict]]:
    _require_browser()
    env = {"WEB_EXIT_URL": neutral_url, "WEB_FRAME_ANCESTORS": neutral_url.rsplit("/", 1)[0]}
    with running_stack(tmp_path_factory.mktemp("web"), env) as (ports, processes):
        _OtherSite.chat_origin = f"http://127.0.0.1:{ports.web}"  # the municipality's page embeds us
        yield ports, processes


@pytest.fixture(scope="module")
def browser(stack: tuple[Ports, dict]) -> Iterator[object]:
    with playwright_sync.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object, stack: tuple[Ports, dict]) -> Iterator[object]:
    ports, _ = stack
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    page = context.new_page()
    page.requests_seen = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests_seen.append(request.url))  # type: ignore[attr-defined]
    page.goto(f"http://127.0.0.1:{ports.web}/", wait_until="load")
    yield page
    context.close()


def _send(page: object, text: str) -> None:
    page.fill("#message", text)
    page.press("#message", "Enter")


def _bot_messages(page: object) -> list[str]:
    return page.locator(".message.bot").all_inner_texts()


def test_a_message_gets_the_bots_reply(page: object) -> None:
    _send(page, "ik woon in Zwolle")
    page.wait_for_selector(".card")
    assert "Veilig Thuis IJsselland" in "\n".join(_bot_messages(page))
    assert page.locator('.card a[href="tel:08002000"]').count() == 1
    assert page.locator('.message.bot a[href="tel:08002000"]').count() >= 1


def test_links_do_not_swallow_punctuation_and_the_help_buttons_are_readable(page: object) -> None:
    _send(page, "ik woon in Zwolle")
    page.wait_for_selector(".card")
    hrefs = page.locator(".message.bot a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "https://www.veiligthuis.nl" in hrefs and not any(h.endswith(",") for h in hrefs)
    colours = page.locator(".help .help-button").evaluate_all(
        "links => links.map(a => [getComputedStyle(a).color, getComputedStyle(a).backgroundColor])"
    )
    assert all(colour != background for colour, background in colours)


def test_a_button_sends_its_payload(page: object) -> None:
    _send(page, "Bergen")
    page.get_by_role("button", name="Bergen (Limburg)").click()
    page.wait_for_selector(".card")
    assert "Noord- en Midden-Limburg" in "\n".join(_bot_messages(page))


def test_html_in_a_message_stays_text(page: object) -> None:
    attack = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>'
    _send(page, attack)
    page.wait_for_selector(".message.bot")
    assert page.locator(".message.user").last.inner_text().endswith(attack)
    assert page.evaluate("window.hacked") is None
    assert page.locator(".log img, .log script").count() == 0


@pytest.mark.parametrize("how", ["button", "escape", "shift"])
def test_quick_exit_leaves_for_the_neutral_site_and_forgets_all(page: object, how: str, neutral_url: str) -> None:
    _send(page, "hoi")
    page.wait_for_selector(".message.bot")
    assert page.evaluate("sessionStorage.length") == 1
    entries = page.evaluate("history.length")
    if how == "button":
        page.click("#exit")
    elif how == "escape":
        page.keyboard.press("Escape")
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(neutral_url)
    assert page.evaluate("sessionStorage.length") == 0
    # Back does not bring the chat back: the exit replaced it in the history, it added nothing.
    assert page.evaluate("history.length") == entries


def test_typing_capitals_is_not_a_quick_exit(page: object) -> None:
    page.click("#message")
    page.keyboard.type("Ik Woon In Zwolle En Ben Bang")
    assert urlparse(page.url).path == "/"


def test_no_request_leaves_our_origin_and_no_cookie_is_set(page: object, stack: tuple[Ports, dict]) -> None:
    ports, _ = stack
    _send(page, "ik wil met iemand praten")
    page.wait_for_selector(".message.bot")
    origins = {urlparse(url).netloc for url in page.requests_seen}  # type: ignore[attr-defined]
    assert origins == {f"127.0.0.1:{ports.web}"}
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length") == 0


def test_axe_finds_no_accessibility_violations(page: object) -> None:
    _send(page, "ik maak me zorgen om mijn buurvrouw")
    page.wait_for_selector(".buttons button")
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the browser itself, not a page script
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []


def test_english_conversation_switches_the_page_to_english(page: object) -> None:
    _send(page, "hello, can I talk to a real person please")
    page.locator("html[lang=en]").wait_for(state="attached")
    assert page.locator("#exit").inner_text() == "Leave this site"


def test_a_municipality_can_embed_the_chat_and_the_exit_leaves_its_page(
    browser: object, stack: tuple[Ports, dict], neutral_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    host = context.new_page()
    host.goto(neutral_url.replace("/weer", "/gemeente"), wait_until="load")
    host.get_by_role("button", name="Chat met Wegwijzer").click()
    chat = host.frame_locator("iframe[title='Wegwijzer chat']")
    chat.locator("#message").fill("ik woon in Zwolle")
    chat.locator("#message").press("Enter")
    chat.locator(".card").wait_for()
    chat.locator("#exit").click()
    host.wait_for_url(neutral_url)
    context.close()


def test_screenshots_for_the_readme(browser: object, stack: tuple[Ports, dict]) -> None:
    ports, _ = stack
    DOCS.mkdir(exist_ok=True)
    for width, height in ((360, 740), (1280, 800)):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{ports.web}/", wait_until="load")
        _send(page, "ik maak me zorgen om mijn zus in Almere")
        page.wait_for_selector(".card")
        page.screenshot(path=str(DOCS / f"chat-{width}.png"), full_page=width == 360)
        context.close()
        assert (DOCS / f"chat-{width}.png").stat().st_size > 10_000


def test_unique_session_per_tab(browser: object, stack: tuple[Ports, dict]) -> None:
    ports, _ = stack
    ids = set()
    for _ in range(2):
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{ports.web}/", wait_until="load")
        ids.add(page.evaluate("sessionStorage.getItem('wegwijzer-session')"))
        context.close()
    assert len(ids) == 2 and all(uuid.UUID(i) for i in ids)


def test_the_offline_notice_shows_the_numbers_when_rasa_stops(browser: object, stack: tuple[Ports, dict]) -> None:
    ports, processes = stack
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{ports.web}/", wait_until="load")
    stop({"rasa": processes.pop("rasa")})  # last test of the module: the stack goes down after it
    page.wait_for_selector("#offline:not([hidden])", timeout=60_000)
    notice = page.locator("#offline")
    assert "112" in notice.inner_text() and "0800-2000" in notice.inner_text()
    assert notice.locator('a[href="tel:112"]').count() == 1
    context.close()
