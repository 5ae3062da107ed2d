"""Two-stage fallback: after a low-confidence message, offer the likeliest routes first."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.responses import variation

MENU_RESPONSE = "utter_main_menu"
# How many of the classifier's best guesses to move to the top of the menu.
SUGGESTIONS = 2
MIN_SUGGESTION_CONFIDENCE = 0.05


def order_menu(buttons: list[dict[str, str]], ranking: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Put the buttons of the best-ranked intents first; keep every other route after them."""
    by_intent = {button["payload"].lstrip("/"): button for button in buttons}
    suggested = [
        by_intent[ranked["name"]]
        for ranked in ranking
        if ranked.get("name") in by_intent and ranked.get("confidence", 0.0) >= MIN_SUGGESTION_CONFIDENCE
    ][:SUGGESTIONS]
    return suggested + [button for button in buttons if button not in suggested]


class ActionClarify(Action):
    """Shows the main routes, best guesses first, after ``utter_clarify`` has given the help lines."""

    def name(self) -> str:
        return "action_clarify"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        menu = variation(domain, MENU_RESPONSE, tracker.get_slot("language") or "nl")
        ranking = tracker.latest_message.get("intent_ranking") or []
        dispatcher.utter_message(text=menu.get("text"), buttons=order_menu(menu.get("buttons", []), ranking))
        return []
