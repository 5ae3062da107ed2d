"""Custom actions, run with rasa-sdk's real CollectingDispatcher and Tracker."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.clarify import ActionClarify, order_menu
from tests.conftest import make_tracker


def _menu_payloads(domain: dict[str, Any], language: str) -> list[str]:
    variation = next(
        v
        for v in domain["responses"]["utter_main_menu"]
        if (language == "en") == bool(v.get("condition"))
    )
    return [button["payload"] for button in variation["buttons"]]


async def test_clarify_puts_the_likeliest_routes_first(dispatcher: CollectingDispatcher, domain: dict) -> None:
    tracker = make_tracker(
        text="mn buurman doet raar",
        intent_ranking=[
            {"name": "nlu_fallback", "confidence": 0.3},
            {"name": "bystander_worry", "confidence": 0.25},
            {"name": "ask_is_it_violence", "confidence": 0.2},
            {"name": "request_human", "confidence": 0.1},
        ],
    )
    events = await ActionClarify().run(dispatcher, tracker, domain)

    assert events == []
    [message] = dispatcher.messages
    payloads = [button["payload"] for button in message["buttons"]]
    assert payloads[:2] == ["/bystander_worry", "/request_human"]
    # every route is still offered, and danger is always one tap away
    assert sorted(payloads) == sorted(_menu_payloads(domain, "nl"))
    assert message["text"].startswith("Waar wil je over praten")


async def test_clarify_answers_in_english_when_the_conversation_is_english(
    dispatcher: CollectingDispatcher, domain: dict
) -> None:
    tracker = make_tracker(text="hmm", intent_ranking=[{"name": "nlu_fallback", "confidence": 0.3}], language="en")
    await ActionClarify().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["text"].startswith("What would you like to talk about")
    assert [b["payload"] for b in message["buttons"]] == _menu_payloads(domain, "en")


def test_order_menu_ignores_unknown_and_weak_intents() -> None:
    buttons = [{"title": "a", "payload": "/acute_danger"}, {"title": "b", "payload": "/request_human"}]
    ranking = [{"name": "greet", "confidence": 0.9}, {"name": "request_human", "confidence": 0.01}]
    assert order_menu(buttons, ranking) == buttons
