"""The afwegingskader form for professionals: ask only the questions the answers lead to."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.meldcode import QUESTIONS, walk
from bot.privacy import stats


def _answers(tracker: Tracker) -> dict[str, bool | None]:
    return {question: tracker.get_slot(question) for question in QUESTIONS}


class ValidateAfwegingskaderForm(FormValidationAction):
    def name(self) -> str:
        return "validate_afwegingskader_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        asked, _ = walk(_answers(tracker))
        return asked


class ActionMeldcodeOutcome(Action):
    """Says what the afwegingskader leads to, then clears the answers for a next time."""

    def name(self) -> str:
        return "action_meldcode_outcome"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        _, outcome = walk(_answers(tracker))
        # Undecided only if the form ended early: then the steps and "ask Veilig Thuis" still apply.
        dispatcher.utter_message(response=outcome.value if outcome else "utter_professional")
        stats.record_outcome(tracker, route="afwegingskader", target=outcome.name.lower() if outcome else None)
        return [{"event": "slot", "name": question, "value": None} for question in QUESTIONS]
