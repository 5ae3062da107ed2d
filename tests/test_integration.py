"""The whole stack over REST: Rasa + action server started exactly as `make run` starts them.

Needs a trained model (`make test` trains first). Each test uses its own sender id, so the
shared SQLite tracker store under var/ does not mix conversations.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import post, running_stack, say

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def rasa_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    with running_stack(tmp_path_factory.mktemp("stack")) as (ports, _):
        yield ports.rasa


def _texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def test_disclosure_names_veilig_thuis(rasa_port: int) -> None:
    messages = say(rasa_port, "ik word thuis geslagen")
    assert "0800-2000" in _texts(messages)
    assert messages[-1]["text"] == "Ben je nu veilig?"


def test_danger_gets_112_in_the_first_reply(rasa_port: int) -> None:
    messages = say(rasa_port, "hij staat met een mes voor de deur")
    assert "112" in messages[0]["text"]
    assert "0800-2000" in _texts(messages)


def test_everyday_question_raises_no_alarm(rasa_port: int) -> None:
    # No danger reply; the standing help lines (112 for danger, 0800-2000) do come, as at every
    # dead end.
    messages = say(rasa_port, "hoe laat gaat de supermarkt open")
    assert messages and "helaas niet mee helpen" in messages[0]["text"]
    assert "Bel nu 112" not in _texts(messages) and "0800-2000" in _texts(messages)


def test_are_you_a_person_gets_an_honest_answer_in_english(rasa_port: int) -> None:
    text = _texts(say(rasa_port, "are you a real person?"))
    assert "chatbot, not a person" in text


def test_language_follows_the_user_and_short_replies_keep_it(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    first = say(rasa_port, "my boyfriend hits me when he is drunk", sender)
    assert first[-1]["text"] == "Are you safe right now?"
    second = say(rasa_port, "ja", sender)  # too short to tell: stays English
    assert second[0]["text"].startswith("Good that you are safe now")


def test_not_safe_answer_gets_112(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    say(rasa_port, "mijn vriend scheldt me de hele dag uit", sender)
    messages = say(rasa_port, "nee", sender)
    assert messages[0]["text"].startswith("Ben je nu in gevaar? Bel nu 112.")


def test_danger_interrupts_the_safety_question(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    say(rasa_port, "mijn ex stalkt me al maanden", sender)
    messages = say(rasa_port, "hij staat nu beneden voor de deur", sender)
    assert "112" in messages[0]["text"]


def test_unclear_input_gets_help_lines_and_route_buttons(rasa_port: int) -> None:
    messages = say(rasa_port, "xq zzkrr bloep")
    text = _texts(messages)
    assert "112" in text and "0800-2000" in text
    payloads = {button["payload"] for m in messages for button in m.get("buttons", [])}
    assert {"/acute_danger", "/request_human", "/bystander_worry"} <= payloads


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'{"message": 5}'])
def test_malformed_requests_get_a_calm_400(rasa_port: int, body: bytes) -> None:
    status, reply = post(rasa_port, body)
    assert status == 400
    assert "0800-2000" in reply["help"] and "Traceback" not in json.dumps(reply)


def test_without_the_action_server_danger_and_help_lines_still_come(tmp_path: Path) -> None:
    with running_stack(tmp_path, with_actions=False) as (ports, _):
        assert "112" in say(ports.rasa, "hij heeft een mes en hij komt eraan")[0]["text"]
        text = _texts(say(ports.rasa, "xq zzkrr bloep"))  # the clarify action fails here
        assert "112" in text and "0800-2000" in text
        text = _texts(say(ports.rasa, "ik woon in Zwolle"))  # so does the place form
        assert "112" in text and "0800-2000" in text


# -- Regional lookup (issue: find the right Veilig Thuis) ----------------------------------


def _card(messages: list[dict[str, Any]]) -> dict[str, Any]:
    cards = [m["custom"]["data"]["veilig_thuis"] for m in messages if "data" in (m.get("custom") or {})]
    assert len(cards) == 1, messages
    return cards[0]


def test_a_town_gets_its_regional_veilig_thuis(rasa_port: int) -> None:
    messages = say(rasa_port, "ik woon in Zwolle")
    assert _card(messages)["name"] == "Veilig Thuis IJsselland"
    assert "Voor Zwolle is dat Veilig Thuis IJsselland." in _texts(messages)
    assert "0800-2000" in _texts(messages) and "112" in _texts(messages)


def test_a_district_gets_its_region(rasa_port: int) -> None:
    assert _card(say(rasa_port, "Scheveningen"))["region_id"] == "haaglanden"


def test_an_ambiguous_town_gets_a_question_and_the_button_answers_it(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    [question] = say(rasa_port, "Bergen", sender)
    assert question["text"] == "Er is meer dan één Bergen. Welke bedoel je?"
    limburg = next(b for b in question["buttons"] if "Limburg" in b["title"])
    assert _card(say(rasa_port, limburg["payload"], sender))["region_id"] == "limburg_noord"


def test_a_postcode_in_two_regions_gets_a_question(rasa_port: int) -> None:
    [question] = say(rasa_port, "5091")
    assert question["text"].startswith("Postcode 5091 ligt in meer dan één gemeente")
    assert len(question["buttons"]) == 2


def test_refusing_the_place_gets_the_national_number_and_why(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    [ask] = say(rasa_port, "welke veilig thuis hoort bij mij", sender)
    assert ask["text"].startswith("In welke plaats woont")
    text = _texts(say(rasa_port, "ik wil dat niet zeggen", sender))
    assert "0800-2000" in text and "woonplaats" in text and "112" in text


def test_a_place_in_the_first_message_is_not_asked_again(rasa_port: int) -> None:
    messages = say(rasa_port, "ik maak me zorgen om mijn zus in Almere")
    assert "Bij twijfel" in messages[0]["text"]
    assert _card(messages)["region_id"] == "flevoland"
    assert "In welke plaats" not in _texts(messages)


def test_a_correction_after_the_card_looks_up_again(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    assert _card(say(rasa_port, "ik woon in Bergen NH", sender))["region_id"] == "noord_holland_noord"
    assert _card(say(rasa_port, "nee, ik bedoel Bergen in Limburg", sender))["region_id"] == "limburg_noord"


def test_danger_inside_the_place_form_gets_112_first_and_ends_the_form(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    say(rasa_port, "welke veilig thuis hoort bij mij", sender)
    messages = say(rasa_port, "hij staat nu voor de deur met een mes", sender)
    assert "112" in messages[0]["text"]
    # the form is over: the next message is not taken as a place
    assert "In welke plaats" not in _texts(say(rasa_port, "dank je", sender))


# -- Escalation to people (issue: escalate to the right human) -----------------------------


def test_suicidal_thoughts_get_113_first(rasa_port: int) -> None:
    text = _texts(say(rasa_port, "ik wil niet meer leven"))
    assert "113" in text and "0800-0113" in text
    assert text.index("113") < text.index("112")


def test_a_child_gets_the_kindertelefoon_and_veilig_thuis(rasa_port: int) -> None:
    text = _texts(say(rasa_port, "ik ben 12 en papa slaat mama"))
    assert "0800-0432" in text and "0800-2000" in text and "11" in text and "21" in text


def test_asking_for_a_person_gets_people_with_honest_hours(rasa_port: int) -> None:
    text = _texts(say(rasa_port, "ik wil met iemand praten"))
    assert text.startswith("Ik ben een chatbot. Met deze mensen kun je praten:")
    assert "- Veilig Thuis: bel 0800-2000, dag en nacht." in text
    assert "chat via https://www.veiligthuis.nl, meestal open op werkdagen van 09:00 tot 17:00" in text
    assert "112" in text


def test_a_polish_message_gets_the_polish_help_card(rasa_port: int) -> None:
    [card] = say(rasa_port, "mój mąż mnie bije i boję się wrócić do domu")
    assert "112" in card["text"] and "0800-2000" in card["text"]
    assert "chatbotem" in card["text"]
    assert [b["title"] for b in card["buttons"]] == ["Nederlands", "English"]


def test_the_safe_word_brings_back_the_numbers_without_saying_why(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    say(rasa_port, "welke veilig thuis hoort bij mij", sender)
    [card] = say(rasa_port, "paraplu", sender)
    assert "112" in card["text"] and "0800-2000" in card["text"]
    assert "geweld" not in card["text"].lower()
    # the place question is over: the next message is not read as a place
    assert "In welke plaats" not in _texts(say(rasa_port, "ok", sender))


# -- Guidance that fits the person ------------------------------------------------------------


def test_a_doubting_bystander_hears_advice_versus_report(rasa_port: int) -> None:
    text = _texts(say(rasa_port, "ik twijfel of ik de buren moet melden")).lower()
    assert "advies" in text and "melding" in text and "0800-2000" in text


def test_a_teacher_gets_the_meldcode_steps(rasa_port: int) -> None:
    messages = say(rasa_port, "ik ben juf en maak me zorgen over een leerling")
    text = _texts(messages)
    assert "meldcode" in text.lower() and "0800-2000" in text
    assert any(b["payload"] == "/start_afwegingskader" for m in messages for b in m.get("buttons", []))


def test_the_afwegingskader_leads_to_a_report_when_it_is_unsafe(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    first = _texts(say(rasa_port, "/start_afwegingskader", sender))
    assert "vermoeden" in first.lower()
    say(rasa_port, "ja", sender)
    outcome = _texts(say(rasa_port, "ja", sender))
    assert "0800-2000" in outcome and "meld" in outcome.lower()


def test_de_nieuwe_toekomst_is_explained_with_the_way_in(rasa_port: int) -> None:
    text = _texts(say(rasa_port, "wat is De Nieuwe Toekomst")).lower()
    assert "coach" in text and "vrouwenopvang" in text


def test_de_nieuwe_toekomst_near_you_asks_the_place_then_answers(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    assert "In welke plaats" in _texts(say(rasa_port, "/ask_nieuwe_toekomst_nearby", sender))
    messages = say(rasa_port, "Zwolle", sender)
    assert _card(messages)["region_id"] == "ijsselland"
    assert "Vrouwenplatform Carree" in _texts(messages)
    # with the region known, the next question is answered straight away
    assert "Vrouwenplatform Carree" in _texts(say(rasa_port, "/ask_nieuwe_toekomst_nearby", sender))


def test_someone_who_wants_to_stop_gets_help_without_judgement(rasa_port: int) -> None:
    messages = say(rasa_port, "ik heb mijn vriendin geslagen en wil dat dit stopt")
    text = _texts(messages)
    assert "0800-2000" in text and "112" not in messages[0]["text"][:20]
    assert "Goed dat" in text


def test_youth_mode_keeps_answers_short(rasa_port: int) -> None:
    sender = uuid.uuid4().hex
    say(rasa_port, "ik ben 11 en ik ben bang voor mijn stiefvader", sender)
    [answer] = say(rasa_port, "/ask_is_it_violence", sender)
    assert len(answer["text"].splitlines()) <= 4
