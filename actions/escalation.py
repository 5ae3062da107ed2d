"""Hand someone to a person: the lines that fit what they told us, open ones first, honest hours."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.directory import load_directory
from bot.escalation import DANGER_ENTITY, Offer, Signal, escalate
from bot.opening_hours import State, describe, describe_moment
from bot.privacy import stats

logger = logging.getLogger(__name__)

# What someone said earlier in this conversation decides which people fit best.
INTENT_SIGNALS = {
    "acute_danger": Signal.ACUTE_DANGER,
    "suicidal_thoughts": Signal.SUICIDAL,
    "young_person": Signal.CHILD,
    "sexual_violence": Signal.SEXUAL_VIOLENCE,
    "exploitation": Signal.EXPLOITATION,
    "honour_violence": Signal.HONOUR,
    "fgm": Signal.FGM,
    "elder_abuse": Signal.ELDER_ABUSE,
    "own_behaviour": Signal.OWN_BEHAVIOUR,
    "legal_question": Signal.LEGAL,
    "bystander_worry": Signal.BYSTANDER,
}

NAMES = {
    "alarmnummer_112": {
        "nl": "Alarmnummer",
        "en": "Emergency number",
    },
    "app_112nl": {
        "nl": "De 112NL-app",
        "en": "The 112NL app",
    },
    "veilig_thuis": {
        "nl": "Veilig Thuis",
        "en": "Veilig Thuis",
    },
    "plegers_huiselijk_geweld": {
        "nl": "Veilig Thuis (ook als je zelf wilt stoppen)",
        "en": "Veilig Thuis (also if you want to stop)",
    },
    "ouderenmishandeling": {
        "nl": "Veilig Thuis (ook voor ouderen)",
        "en": "Veilig Thuis (also for older people)",
    },
    "kindertelefoon": {
        "nl": "De Kindertelefoon (tot 18 jaar)",
        "en": "De Kindertelefoon (under 18)",
    },
    "zelfmoordpreventie_113": {
        "nl": "113 Zelfmoordpreventie (ook 0800-0113)",
        "en": "113 Suicide prevention (also 0800-0113)",
    },
    "centrum_seksueel_geweld": {
        "nl": "Centrum Seksueel Geweld",
        "en": "Centrum Seksueel Geweld (sexual violence)",
    },
    "comensha": {
        "nl": "CoMensha (mensenhandel)",
        "en": "CoMensha (human trafficking)",
    },
    "fier_chat": {
        "nl": "Chat met Fier",
        "en": "Chat met Fier",
    },
    "buitenlandse_zaken_24_7": {
        "nl": "Buitenlandse Zaken, als je in het buitenland bent",
        "en": "Foreign Affairs, if you are abroad",
    },
    "juridisch_loket": {
        "nl": "Het Juridisch Loket",
        "en": "Het Juridisch Loket (legal advice)",
    },
    "slachtofferhulp_nederland": {
        "nl": "Slachtofferhulp Nederland",
        "en": "Slachtofferhulp Nederland (victim support)",
    },
    "politie_geen_spoed": {
        "nl": "Politie, geen spoed",
        "en": "Police, non-emergency",
    },
    "de_luisterlijn": {
        "nl": "De Luisterlijn (een luisterend oor)",
        "en": "De Luisterlijn (someone to listen)",
    },
}

TEXTS = {
    "nl": {
        "intro": "Ik ben een chatbot. Met deze mensen kun je praten:",
        "phone": "bel {contact}",
        "chat": "chat via {contact}",
        "app": "chat met de meldkamer als je niet kunt praten",
        "whatsapp": "WhatsApp {contact}",
        "always": "dag en nacht",
        "open": "nu open ({hours})",
        "usually_open": "meestal open {hours}; het is nu binnen die tijden",
        "closed": "nu dicht, weer open {when}",
        "usually_closed": "meestal open {hours}; nu waarschijnlijk dicht",
        "unknown": "de openingstijden weet ik niet zeker, kijk op hun site",
        "holiday": "vandaag is een feestdag: ik weet niet zeker of ze open zijn",
        "danger": "Direct gevaar? Bel 112.",
    },
    "en": {
        "intro": "I am a chatbot. You can talk to these people:",
        "phone": "call {contact}",
        "chat": "chat via {contact}",
        "app": "chat with the emergency room if you cannot talk",
        "whatsapp": "WhatsApp {contact}",
        "always": "day and night",
        "open": "open now ({hours})",
        "usually_open": "usually open {hours}; it is within those hours now",
        "closed": "closed now, open again {when}",
        "usually_closed": "usually open {hours}; probably closed now",
        "unknown": "I am not sure of the opening hours, check their site",
        "holiday": "today is a public holiday: I am not sure they are open",
        "danger": "In danger right now? Call 112.",
    },
}


def signals_in(tracker: Tracker) -> set[Signal]:
    """The situations named in this conversation (since the session started)."""
    signals: set[Signal] = set()
    for event in tracker.events:
        if event.get("event") == "action" and event.get("name") == "action_session_start":
            signals.clear()
        if event.get("event") == "user":
            parse_data = event.get("parse_data") or {}
            intent = (parse_data.get("intent") or {}).get("name")
            if intent in INTENT_SIGNALS:
                signals.add(INTENT_SIGNALS[intent])
            # The danger detector marks danger next to a situation it keeps (bot/nlu/danger_detector.py).
            if any(entity.get("entity") == DANGER_ENTITY for entity in parse_data.get("entities") or []):
                signals.add(Signal.ACUTE_DANGER)
    return signals


def render(offer: Offer, language: str, now: datetime) -> str:
    texts = TEXTS[language]
    line, reading = offer.line, offer.reading
    how = texts[line.channel].format(contact=line.contact)
    hours = describe(line.hours.weekly, language) if line.hours.weekly else ""
    if line.hours.always_open:
        status = texts["always"]
    elif reading.holiday and reading.state is State.UNKNOWN:
        status = texts["holiday"]
    elif reading.state is State.OPEN:
        status = texts["usually_open" if reading.usually else "open"].format(hours=hours)
    elif reading.state is State.CLOSED and reading.usually:
        status = texts["usually_closed"].format(hours=hours)
    elif reading.state is State.CLOSED and reading.opens_at:
        status = texts["closed"].format(when=describe_moment(reading.opens_at, now, language))
    else:
        status = texts["unknown"]
    return f"- {NAMES[line.service][language]}: {how}, {status}."


class ActionOfferHuman(Action):
    """The right people for this conversation, open ones first, with what is closed and until when."""

    def name(self) -> str:
        return "action_offer_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        language = "en" if tracker.get_slot("language") == "en" else "nl"
        directory = load_directory()
        if directory is None:
            dispatcher.utter_message(response="utter_request_human")
            return []
        now = datetime.now(timezone.utc)
        offers = escalate(signals_in(tracker), directory.lines, now)
        texts = TEXTS[language]
        lines = [texts["intro"], *(render(offer, language, now) for offer in offers)]
        if not any(offer.line.service == "alarmnummer_112" for offer in offers):
            lines.append(texts["danger"])
        dispatcher.utter_message(text="\n".join(lines))
        stats.record_outcome(tracker, route="offer_human", target=offers[0].line.service if offers else None)
        return []
