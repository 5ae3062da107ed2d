"""Find the regional Veilig Thuis: the place form's validation and the organisation card."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.directory import load_directory
from actions.nieuwe_toekomst import NIEUWE_TOEKOMST, PURPOSE_SLOT, nieuwe_toekomst_text
from actions.responses import text as response_text
from actions.responses import variation
from bot.directory.lookup import Status
from bot.opening_hours import Hours, State, describe, read
from bot.privacy import stats

NATIONAL_PHONE_LINK = "tel:08002000"
_NOT_RESOLVED = {
    Status.NOT_FOUND: "utter_place_not_found",
    Status.UNKNOWN_POSTCODE: "utter_postcode_unknown",
    Status.TOO_BROAD: "utter_place_too_broad",
}


def _answer_button(label: str, answer: str) -> dict[str, str]:
    return {"title": label, "payload": "/inform_place" + json.dumps({"place": answer}, ensure_ascii=False)}


class ValidateVeiligThuisForm(FormValidationAction):
    def name(self) -> str:
        return "validate_veilig_thuis_form"

    def validate_place(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = value if isinstance(value, str) else ""
        found = load_directory()
        if found is None:
            return {"place": text or "?", "place_label": None, "region_id": None}
        resolution = found.index.resolve(text)
        if resolution.status is Status.FOUND and resolution.place:
            place = resolution.place
            return {"place": place.answer, "place_label": place.label, "region_id": place.region_id}
        if resolution.status is Status.AMBIGUOUS:
            postcode = all(p.kind == "postcode" for p in resolution.places)
            dispatcher.utter_message(
                response="utter_postcode_ambiguous" if postcode else "utter_place_ambiguous",
                place=resolution.matched,
                buttons=[_answer_button(p.label, p.answer) for p in resolution.places],
            )
        else:
            dispatcher.utter_message(response=_NOT_RESOLVED[resolution.status])
        return {"place": None, "place_label": None, "region_id": None}


class ActionAskPlace(Action):
    """The form's question, unless this turn already asked a sharper one ("which Bergen?")."""

    def name(self) -> str:
        return "action_ask_place"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        this_turn = tracker.events[_last_user_message(tracker.events) + 1 :]
        if not any(event.get("event") == "bot" for event in this_turn):
            dispatcher.utter_message(response="utter_ask_place")
        return []


def _last_user_message(events: list[dict[str, Any]]) -> int:
    return max((i for i, event in enumerate(events) if event.get("event") == "user"), default=-1)


class ActionShowVeiligThuis(Action):
    """The card: organisation, 0800-2000, and only the contact facts that are sourced."""

    def name(self) -> str:
        return "action_show_veilig_thuis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        language = tracker.get_slot("language") or "nl"
        region_id = tracker.get_slot("region_id")
        found = load_directory()
        organisation = found.organisations.get(region_id) if found and region_id else None
        if found is None or organisation is None:
            dispatcher.utter_message(response="utter_vt_card_unknown_region")
            return [{"event": "slot", "name": "place", "value": None}]

        national = found.national
        hours = organisation.chat_hours or national["chat_hours"]
        # On a public holiday the chat's hours are unknown: then it is not said to be open.
        open_now = read(Hours.from_record(hours), datetime.now(timezone.utc)).state is State.OPEN
        place = tracker.get_slot("place_label") or ""
        lines = [
            response_text(domain, "utter_vt_card_region", language, place=place, organisation=organisation.name),
            response_text(domain, "utter_vt_card_phone", language),
        ]
        if organisation.website:
            lines.append(response_text(domain, "utter_vt_card_website", language, website=organisation.website))
        if organisation.email:
            lines.append(response_text(domain, "utter_vt_card_email", language, email=organisation.email))
        chat = "utter_vt_card_chat_open" if open_now else "utter_vt_card_chat_closed"
        when = describe(hours["weekly"], language)
        lines.append(response_text(domain, chat, language, chat_url=national["chat_url"], hours=when))
        events = [{"event": "slot", "name": "place", "value": None}]
        if tracker.get_slot(PURPOSE_SLOT) == NIEUWE_TOEKOMST:
            lines.append(nieuwe_toekomst_text(found, organisation.region_id, domain, language))
            events.append({"event": "slot", "name": PURPOSE_SLOT, "value": None})
        closing = variation(domain, "utter_vt_card_danger", language)
        lines.append(closing.get("text", ""))
        card = {
            "region_id": organisation.region_id,
            "name": organisation.name,
            "phone": national["phone"],
            "phone_link": NATIONAL_PHONE_LINK,
            "website": organisation.website,
            "email": organisation.email,
            "chat_url": national["chat_url"],
            "chat_open_now": open_now,
        }
        # Rasa's socket.io channel emits a custom message's "data": the web page draws the card.
        custom = {"data": {"veilig_thuis": card}}
        dispatcher.utter_message(text="\n".join(lines), buttons=closing.get("buttons", []), json_message=custom)
        stats.record_outcome(tracker, route="veilig_thuis_card", region=organisation.region_id)
        # The place is used once; a later question about another place starts afresh.
        return events
