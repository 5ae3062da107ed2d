"""Truth check: every phone number, website and e-mail address the bot can say is in the sourced data.

It reads them from every response in domain.yml and from what the custom actions send, run over
every situation, many moments of the week and both languages, and fails on any that is not in
an in-use record of data/directory/hotlines.yml or a sourced field of organisations.yml.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from actions import escalation, veilig_thuis
from actions.escalation import INTENT_SIGNALS, ActionOfferHuman
from actions.veilig_thuis import ActionShowVeiligThuis
from bot.directory.files import DATA_DIR
from bot.opening_hours import AMSTERDAM
from tests.conftest import make_tracker
from tests.support import frozen_clock

PHONE = re.compile(r"(?<![\w+])(?:\+31(?:[ -]?\d){9,11}|0\d{2,3}-\d[\d ]{2,9}\d|11[23](?!\d))")
SITE = re.compile(r"(?:https?://)?(?:[\w-]+\.)+(?:nl|com|org|eu|net)\b(?:/[\w/.-]*)?", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IN_USE = {"active", "route", "renamed"}
MOMENTS = [datetime(2026, 12, day, hour, 30, tzinfo=AMSTERDAM) for day in (1, 5, 6, 25) for hour in (3, 10, 15, 22)]


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number.replace("+31", "0"))


def _host(site: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", site.lower()).split("/")[0]


@lru_cache(maxsize=1)
def sourced() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Digits of every sourced number, every sourced host, every sourced e-mail address."""
    numbers, hosts, emails = set(), set(), set()
    services = yaml.safe_load((DATA_DIR / "hotlines.yml").read_text())["services"]
    texts = [f"{s.get('phone')} {s.get('chat_or_web')}" for s in services if s.get("status") in IN_USE]
    organisations = yaml.safe_load((DATA_DIR / "organisations.yml").read_text())
    national = organisations["national"]
    texts.append(f"{national['phone']} {national['chat_url']}")
    for org in organisations["organisations"]:
        if org.get("website") and org.get("website_source"):
            texts.append(org["website"])
        if org.get("email") and org.get("email_source"):
            emails.add(org["email"])
    national_contact = yaml.safe_load((DATA_DIR / "nieuwe_toekomst.yml").read_text())["access"]["contact_national"]
    texts.append(national_contact["general_phone"])
    for text in texts:
        numbers.update(_digits(n) for n in PHONE.findall(text))
        numbers.update(_digits(n) for n in re.findall(r"\+31[\d ]{9,16}\d", text))
        hosts.update(_host(s) for s in SITE.findall(text))
    return frozenset(numbers), frozenset(hosts), frozenset(emails)


def unsourced(text: str) -> list[str]:
    numbers, hosts, emails = sourced()
    found = [e for e in EMAIL.findall(text) if e not in emails]
    without_emails = EMAIL.sub(" ", text)
    found += [n for n in PHONE.findall(without_emails) if _digits(n) not in numbers]
    found += [s for s in SITE.findall(without_emails) if _host(s) not in hosts]
    return found


def test_the_extractor_sees_what_it_must() -> None:
    text = "bel 033-448 11 86, +31 247 247 247, 0800-0432 of 113; zie www.example.nl en x@y.nl"
    assert unsourced(text) == ["x@y.nl", "www.example.nl"]
    assert PHONE.findall(text) == ["033-448 11 86", "+31 247 247 247", "0800-0432", "113"]
    assert unsourced("bel 0900-1234") == ["0900-1234"]


def _response_texts(domain: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for name, variations in domain["responses"].items():
        for variation in variations:
            buttons = " ".join(f"{b['title']} {b.get('payload', '')}" for b in variation.get("buttons", []))
            yield name, f"{variation.get('text', '')} {buttons}"


def test_every_response_states_only_sourced_contacts(domain: dict[str, Any]) -> None:
    wrong = [f"{name}: {item}" for name, text in _response_texts(domain) for item in unsourced(text)]
    assert not wrong


def _at(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    clock = frozen_clock(moment)
    monkeypatch.setattr(escalation, "datetime", clock)
    monkeypatch.setattr(veilig_thuis, "datetime", clock)


def _tracker_with_intents(intents: tuple[str, ...], language: str) -> Any:
    tracker = make_tracker(language=language)
    tracker.events = [{"event": "user", "parse_data": {"intent": {"name": i}}} for i in intents]
    return tracker


async def test_every_offer_of_a_person_states_only_sourced_contacts(
    domain: dict[str, Any], loaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    situations = [(), *((i,) for i in INTENT_SIGNALS), *itertools.combinations(sorted(INTENT_SIGNALS), 2)]
    wrong, sent = [], 0
    for moment in MOMENTS:
        _at(monkeypatch, moment)
        for intents, language in itertools.product(situations, ("nl", "en")):
            dispatcher = CollectingDispatcher()
            await ActionOfferHuman().run(dispatcher, _tracker_with_intents(intents, language), domain)
            for message in dispatcher.messages:
                sent += 1
                assert "0800-2000" in message["text"] and "112" in message["text"]
                wrong += [f"{intents} {moment}: {item}" for item in unsourced(message["text"])]
    assert sent > 1000
    assert not wrong


async def test_every_veilig_thuis_card_states_only_sourced_contacts(domain: dict[str, Any], loaded: None) -> None:
    organisations = yaml.safe_load((DATA_DIR / "organisations.yml").read_text())["organisations"]
    wrong = []
    for org, language in itertools.product(organisations, ("nl", "en")):
        dispatcher = CollectingDispatcher()
        tracker = make_tracker(place_label="X", region_id=org["region_id"], language=language)
        await ActionShowVeiligThuis().run(dispatcher, tracker, domain)
        for message in dispatcher.messages:
            wrong += [f"{org['region_id']}: {item}" for item in unsourced(message.get("text") or "")]
            card = ((message.get("custom") or {}).get("data") or {}).get("veilig_thuis", {})
            for value in (card.get("website"), card.get("email"), card.get("chat_url"), card.get("phone")):
                wrong += [f"{org['region_id']} card: {item}" for item in unsourced(value or "")]
    assert not wrong
