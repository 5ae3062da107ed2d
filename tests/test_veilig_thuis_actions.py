"""The place form's validation and the Veilig Thuis card, against a real loaded directory."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import veilig_thuis
from actions.veilig_thuis import ActionAskPlace, ActionShowVeiligThuis, ValidateVeiligThuisForm
from bot.directory import repository
from tests.conftest import make_tracker
from tests.support import frozen_clock


async def _validate(text: str, domain: dict[str, Any], **slots: Any) -> tuple[dict[str, Any], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, place=text, **slots)
    result = ValidateVeiligThuisForm().validate_place(text, dispatcher, tracker, domain)
    return result, dispatcher


@pytest.mark.parametrize(
    ("text", "region", "label"),
    [
        ("ik woon in Zwolle", "ijsselland", "Zwolle"),
        ("Scheveningen", "haaglanden", "Scheveningen (gemeente 's-Gravenhage)"),
        ("Den Bosch", "brabant_noordoost", "Den Bosch"),
        ("3512 AB", "utrecht", "gemeente Utrecht"),
        ("nee, ik bedoel Bergen in Limburg", "limburg_noord", "Bergen (Limburg)"),
        ("Bergen (L.)", "limburg_noord", "Bergen (Limburg)"),
        ("Ljouwert", "fryslan", "Ljouwert"),
    ],
)
async def test_a_known_place_fills_the_region(
    text: str, region: str, label: str, domain: dict, loaded: None
) -> None:
    result, dispatcher = await _validate(text, domain)
    assert result["region_id"] == region
    assert result["place_label"] == label
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("text", "response", "titles"),
    [
        ("Bergen", "utter_place_ambiguous", ["Bergen (Noord-Holland)", "Bergen (Limburg)"]),
        ("Hengelo", "utter_place_ambiguous", ["Hengelo (Overijssel)", "Hengelo (gemeente Bronckhorst)"]),
        ("5091", "utter_postcode_ambiguous", ["gemeente Hilvarenbeek", "gemeente Oirschot"]),
    ],
)
async def test_an_ambiguous_place_asks_with_buttons_that_resolve(
    text: str, response: str, titles: list[str], domain: dict, loaded: None
) -> None:
    result, dispatcher = await _validate(text, domain)
    assert result == {"place": None, "place_label": None, "region_id": None}
    [message] = dispatcher.messages
    assert message["response"] == response
    assert sorted(b["title"] for b in message["buttons"]) == sorted(titles)
    regions = set()
    for button in message["buttons"]:
        assert button["payload"].startswith("/inform_place{")
        answer = json.loads(button["payload"].removeprefix("/inform_place"))["place"]
        again, again_dispatcher = await _validate(answer, domain)
        assert again["region_id"] and again_dispatcher.messages == []
        regions.add(again["region_id"])
    assert len(regions) == len(titles)


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("ik wil dat niet zeggen", "utter_place_not_found"),
        ("1234 AB", "utter_postcode_unknown"),
        ("Limburg", "utter_place_too_broad"),
        ("ik woon in Nederland", "utter_place_too_broad"),
        ("", "utter_place_not_found"),
        ("<script>alert(1)</script>", "utter_place_not_found"),
    ],
)
async def test_an_unknown_place_asks_again_and_names_the_national_number(
    text: str, response: str, domain: dict, loaded: None
) -> None:
    result, dispatcher = await _validate(text, domain)
    assert result["place"] is None
    [message] = dispatcher.messages
    assert message["response"] == response
    texts = " ".join(v["text"] for v in domain["responses"][response])
    assert "0800-2000" in texts


async def test_the_card_shows_only_sourced_facts(domain: dict, loaded: None) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(place="Utrecht", place_label="Utrecht", region_id="utrecht")
    events = await ActionShowVeiligThuis().run(dispatcher, tracker, domain)

    assert events == [{"event": "slot", "name": "place", "value": None}]
    [message] = dispatcher.messages
    text = message["text"]
    assert text.startswith("Voor Utrecht is dat Veilig Thuis Utrecht.")
    assert "0800-2000" in text and "112" in text
    assert "https://www.veiligthuisutrecht.nl" in text
    assert "veiligthuis@samen-veilig.nl" in text
    card = message["custom"]["data"]["veilig_thuis"]
    assert card["phone_link"] == "tel:08002000"
    assert {b["payload"] for b in message["buttons"]} >= {"/request_human", "/find_veilig_thuis"}


async def test_the_card_leaves_out_what_is_not_verified(domain: dict, loaded: None) -> None:
    dispatcher = CollectingDispatcher()
    # Twente's website is only named by a third party: not verified, so not shown.
    tracker = make_tracker(place_label="Enschede", region_id="twente", language="en")
    await ActionShowVeiligThuis().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["text"].startswith("For Enschede that is Veilig Thuis Twente.")
    assert "Website" not in message["text"] and "E-mail" not in message["text"]
    assert message["custom"]["data"]["veilig_thuis"]["website"] is None


@pytest.mark.parametrize(
    ("now", "open_now"),
    [
        (datetime.fromisoformat("2026-12-01T10:00:00+01:00"), True),  # Tuesday morning
        (datetime.fromisoformat("2026-12-01T17:30:00+01:00"), False),  # Tuesday evening
        (datetime.fromisoformat("2026-12-05T10:00:00+01:00"), False),  # Saturday
        (datetime.fromisoformat("2026-12-25T10:00:00+01:00"), False),  # Christmas Day, a Friday
    ],
)
async def test_the_card_says_whether_the_chat_is_usually_open_now(
    now: datetime, open_now: bool, domain: dict, loaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(veilig_thuis, "datetime", frozen_clock(now))
    dispatcher = CollectingDispatcher()
    await ActionShowVeiligThuis().run(dispatcher, make_tracker(place_label="Zwolle", region_id="ijsselland"), domain)
    [message] = dispatcher.messages
    assert message["custom"]["data"]["veilig_thuis"]["chat_open_now"] is open_now
    assert ("nu binnen die tijden" in message["text"]) is open_now


async def test_without_the_database_the_card_still_gives_the_national_number(
    domain: dict, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    repository.directory.cache_clear()
    try:
        result, dispatcher = await _validate("Zwolle", domain)
        assert result["region_id"] is None and result["place"] == "Zwolle"  # the form ends, it does not loop
        card = CollectingDispatcher()
        await ActionShowVeiligThuis().run(card, make_tracker(place_label=None, region_id=None), domain)
        [message] = card.messages
        assert message["response"] == "utter_vt_card_unknown_region"
    finally:
        repository.directory.cache_clear()


async def test_the_form_question_is_not_repeated_after_a_clarifying_question(domain: dict) -> None:
    asked = make_tracker(text="Bergen")
    asked.events.append({"event": "bot", "text": "Er is meer dan één Bergen. Welke bedoel je?"})
    dispatcher = CollectingDispatcher()
    await ActionAskPlace().run(dispatcher, asked, domain)
    assert dispatcher.messages == []

    dispatcher = CollectingDispatcher()
    await ActionAskPlace().run(dispatcher, make_tracker(text="welke veilig thuis"), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_place"]
