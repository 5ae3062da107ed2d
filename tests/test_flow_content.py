"""Every guidance flow ends with a next step: a button to tap, and Veilig Thuis 0800-2000."""

from __future__ import annotations

from typing import Any

import pytest

# The last message of each flow (a flow's card from an action is tested with that action).
FLOW_ENDINGS = [
    "utter_bystander",
    "utter_signals",
    "utter_what_can_i_do",
    "utter_advice_or_report",
    "utter_professional",
    "utter_meldcode_close",
    "utter_meldcode_report_unsafe",
    "utter_meldcode_report",
    "utter_meldcode_report_again",
    "utter_meldcode_continue_help",
    "utter_young_person",
    "utter_own_behaviour",
    "utter_rebuilding_money",
    "utter_lgbti",
    "utter_is_it_violence",
    "utter_explain_psychological_violence",
    "utter_explain_financial_violence",
    "utter_explain_coercive_control",
    "utter_what_happens_vt",
    "utter_sexual_violence",
    "utter_exploitation",
    "utter_honour_violence",
    "utter_fgm",
    "utter_elder_abuse",
    "utter_legal_question",
    "utter_refuse_place",
]
YOUTH_FLOWS = [
    "utter_bystander",
    "utter_young_person",
    "utter_acute_danger",
    "utter_is_it_violence",
    "utter_what_happens_vt",
]


@pytest.mark.parametrize("response", FLOW_ENDINGS)
def test_a_flow_ends_with_a_next_step_and_veilig_thuis(response: str, domain: dict[str, Any]) -> None:
    for variation in domain["responses"][response]:
        assert "0800-2000" in variation["text"], variation["text"]
        assert variation.get("buttons"), f"{response}: no button for the next step"


def _conditions(variation: dict[str, Any]) -> dict[str, Any]:
    return {c["name"]: c["value"] for c in variation.get("condition") or []}


@pytest.mark.parametrize("response", YOUTH_FLOWS)
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("youth", [True, False])
def test_exactly_one_variation_fits_each_person(response: str, language: str, youth: bool, domain: dict) -> None:
    slots = {"language": language, "youth": youth}
    conditional = [v for v in domain["responses"][response] if v.get("condition")]
    fitting = [v for v in conditional if all(slots.get(k) == value for k, value in _conditions(v).items())]
    # Rasa picks at random among fitting conditional variations; the unconditioned one is the fallback.
    assert len(fitting) <= 1
    if language == "en" or youth:
        assert len(fitting) == 1


@pytest.mark.parametrize("response", YOUTH_FLOWS)
def test_youth_variations_are_short(response: str, domain: dict) -> None:
    for variation in domain["responses"][response]:
        if _conditions(variation).get("youth") is True:
            assert len(variation["text"].splitlines()) <= 4


@pytest.mark.parametrize("response", ["utter_out_of_scope", "utter_clarify", "utter_default", "utter_goodbye"])
def test_dead_ends_show_112_and_veilig_thuis(response: str, domain: dict[str, Any]) -> None:
    # What unknown input, gibberish and the end of a conversation get: never without help.
    for variation in domain["responses"][response]:
        assert "112" in variation["text"] and "0800-2000" in variation["text"], variation["text"]
