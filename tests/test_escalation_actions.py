"""action_offer_human with rasa-sdk's real dispatcher and tracker, on a loaded directory."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import escalation
from actions.escalation import ActionOfferHuman, signals_in
from bot.directory import repository
from bot.escalation import Signal
from bot.opening_hours import AMSTERDAM
from tests.conftest import make_tracker
from tests.support import frozen_clock


def _at(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    clock = frozen_clock(moment)
    monkeypatch.setattr(escalation, "datetime", clock)


def _conversation(*intents: str, language: str = "nl") -> Any:
    tracker = make_tracker(language=language)
    tracker.events = [
        {"event": "action", "name": "action_session_start"},
        *({"event": "user", "parse_data": {"intent": {"name": i}}} for i in intents),
    ]
    return tracker


async def _offer(tracker: Any, domain: dict) -> str:
    dispatcher = CollectingDispatcher()
    assert await ActionOfferHuman().run(dispatcher, tracker, domain) == []
    [message] = dispatcher.messages
    return message["text"]


def test_signals_come_from_this_session_only() -> None:
    tracker = _conversation("young_person", "request_human")
    tracker.events = [{"event": "user", "parse_data": {"intent": {"name": "acute_danger"}}}, *tracker.events]
    assert signals_in(tracker) == {Signal.CHILD}


async def test_a_child_at_night_gets_veilig_thuis_now_and_when_the_kindertelefoon_opens(
    domain: dict, loaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, datetime(2026, 12, 1, 22, 30, tzinfo=AMSTERDAM))
    lines = (await _offer(_conversation("young_person", "request_human"), domain)).split("\n")
    assert lines[0] == "Ik ben een chatbot. Met deze mensen kun je praten:"
    assert lines[1] == "- Veilig Thuis: bel 0800-2000, dag en nacht."
    assert "- De Kindertelefoon (tot 18 jaar): bel 0800-0432, nu dicht, weer open morgen om 11:00." in lines
    assert lines[-1] == "Direct gevaar? Bel 112."


async def test_in_the_afternoon_the_kindertelefoon_chat_comes_first(
    domain: dict, loaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, datetime(2026, 12, 1, 15, 0, tzinfo=AMSTERDAM))
    lines = (await _offer(_conversation("young_person"), domain)).split("\n")
    assert lines[1].startswith("- De Kindertelefoon (tot 18 jaar): chat via https://www.kindertelefoon.nl, nu open")


async def test_suicidal_thoughts_get_113_first_in_english(
    domain: dict, loaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, datetime(2026, 12, 6, 3, 0, tzinfo=AMSTERDAM))
    lines = (await _offer(_conversation("suicidal_thoughts", language="en"), domain)).split("\n")
    assert lines[1] == "- 113 Suicide prevention (also 0800-0113): call 113, day and night."
    assert any("0800-2000" in line for line in lines)


async def test_danger_earlier_puts_112_first(domain: dict, loaded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _at(monkeypatch, datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM))
    lines = (await _offer(_conversation("acute_danger", "request_human"), domain)).split("\n")
    assert lines[1] == "- Alarmnummer: bel 112, dag en nacht."
    assert lines[2].startswith("- De 112NL-app: chat met de meldkamer als je niet kunt praten")


async def test_danger_marked_next_to_a_disclosure_puts_112_first(
    domain: dict, loaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM))
    tracker = _conversation("request_human")
    disclosure = {"intent": {"name": "disclose_violence"}, "entities": [{"entity": "danger", "value": "weapon"}]}
    tracker.events.insert(1, {"event": "user", "parse_data": disclosure})
    assert signals_in(tracker) == {Signal.ACUTE_DANGER}
    lines = (await _offer(tracker, domain)).split("\n")
    assert lines[1] == "- Alarmnummer: bel 112, dag en nacht."


async def test_the_chat_is_described_honestly(domain: dict, loaded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _at(monkeypatch, datetime(2026, 12, 5, 10, 0, tzinfo=AMSTERDAM))  # Saturday
    text = await _offer(_conversation(), domain)
    chat = "chat via https://www.veiligthuis.nl, meestal open op werkdagen van 09:00 tot 17:00; nu waarschijnlijk dicht"
    assert chat in text


async def test_unknown_hours_are_said_to_be_unknown(
    domain: dict, loaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM))
    text = await _offer(_conversation("legal_question"), domain)
    assert "- Het Juridisch Loket: bel 0900-8020, de openingstijden weet ik niet zeker, kijk op hun site." in text


async def test_without_the_database_the_fixed_list_still_comes(domain: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    repository.directory.cache_clear()
    try:
        dispatcher = CollectingDispatcher()
        await ActionOfferHuman().run(dispatcher, _conversation(), domain)
        assert [m["response"] for m in dispatcher.messages] == ["utter_request_human"]
    finally:
        repository.directory.cache_clear()
