"""De Nieuwe Toekomst near you: where it is known to have run in your Veilig Thuis region."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.directory import load_directory
from actions.responses import text as response_text
from bot.directory.repository import Directory

PURPOSE_SLOT = "place_purpose"
NIEUWE_TOEKOMST = "nieuwe_toekomst"


def nieuwe_toekomst_text(directory: Directory, region_id: str, domain: DomainDict, language: str) -> str:
    """Where it ran in this region (historical, so said as such), or plainly that none is known."""
    areas = [a for a in directory.nieuwe_toekomst_areas if a.region_id == region_id]
    if not areas:
        return response_text(domain, "utter_nt_none_known", language)
    places = []
    for area in areas:
        who = ", ".join(area.organisations)
        details = "; ".join(part for part in (who, area.years) if part)
        places.append(f"{area.municipality} ({details})" if details else area.municipality)
    return response_text(domain, "utter_nt_known_here", language, where=", ".join(places))


class ActionNieuweToekomstNearby(Action):
    """With a known region: the answer now. Without: the place question, and the answer after it."""

    def name(self) -> str:
        return "action_nieuwe_toekomst_nearby"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        language = tracker.get_slot("language") or "nl"
        region_id = tracker.get_slot("region_id")
        directory = load_directory()
        if directory is None:
            dispatcher.utter_message(response="utter_nt_none_known")
            return []
        if region_id:
            dispatcher.utter_message(text=nieuwe_toekomst_text(directory, region_id, domain, language))
            return []
        return [
            {"event": "slot", "name": PURPOSE_SLOT, "value": NIEUWE_TOEKOMST},
            {"event": "followup", "name": "veilig_thuis_form"},
        ]
