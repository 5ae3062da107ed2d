"""Our rule-based NLU components on real Rasa Message objects, followed by Rasa's FallbackClassifier."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.danger_detector import DangerDetector
from bot.nlu.intent_rules import IntentRules, safe_word
from bot.nlu.override import override_intent

# The trained classifier's own part is tested in tests/test_danger_classifier.py; these tests are
# about the patterns, the demotion and the fusion with the intent classifier.
PATTERNS_ONLY = DangerDetector(DangerDetector.get_default_config(), None, None, None)  # type: ignore[arg-type]
# As in config.yml.
FALLBACK = FallbackClassifier(
    {**FallbackClassifier.get_default_config(), "threshold": 0.3, "ambiguity_threshold": 0.05}
)


def _message(text: str, ranking: list[tuple[str, float]], entities: list[dict[str, Any]] | None = None) -> Message:
    ranked = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"text": text, "intent": ranked[0], "intent_ranking": ranked, "entities": entities or []})


def _intent(message: Message) -> str:
    return message.get("intent")["name"]


def test_an_override_is_never_read_as_ambiguous_by_the_fallback() -> None:
    message = _message("x", [("young_person", 0.998), ("out_of_scope", 0.001)])
    override_intent(message, "acute_danger")
    FALLBACK.process([message])
    assert _intent(message) == "acute_danger"
    assert [r["name"] for r in message.get("intent_ranking")] == ["acute_danger", "young_person", "out_of_scope"]


def test_a_child_in_danger_stays_a_child_with_danger_marked() -> None:
    message = _message("ik ben 12 en papa slaat mama", [("young_person", 0.99), ("disclose_violence", 0.01)])
    PATTERNS_ONLY.process([message])
    FALLBACK.process([message])
    assert _intent(message) == "young_person"
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("danger", message.get("danger_rule"))]


@pytest.mark.parametrize(
    "text, situation",
    [
        ("hij staat met een mes voor de deur", "disclose_violence"),
        ("de buurman staat met een mes voor haar deur", "bystander_worry"),
        ("mijn zoon staat met een mes voor de deur van oma", "elder_abuse"),
        ("ik wil dood, hij staat met een mes voor de deur", "suicidal_thoughts"),
    ],
)
def test_danger_in_a_situation_keeps_the_situation_for_sure(text: str, situation: str) -> None:
    # Unsure (0.25) would make the FallbackClassifier ask a question; with danger it must not.
    message = _message(text, [(situation, 0.25), ("out_of_scope", 0.2)])
    PATTERNS_ONLY.process([message])
    FALLBACK.process([message])
    assert _intent(message) == situation
    assert message.get("intent")["confidence"] == 1.0
    assert [e["entity"] for e in message.get("entities")] == ["danger"]


@pytest.mark.parametrize("intent", ["out_of_scope", "ask_what_happens_vt", "greet", "inform_place"])
def test_danger_in_any_other_intent_becomes_acute_danger(intent: str) -> None:
    message = _message("hij staat met een mes voor de deur", [(intent, 0.9), ("disclose_violence", 0.1)])
    PATTERNS_ONLY.process([message])
    FALLBACK.process([message])
    assert _intent(message) == "acute_danger" and message.get("entities") == []


def test_no_danger_no_entity() -> None:
    message = _message("mijn man kleineert me al jaren", [("disclose_violence", 0.9), ("ask_is_it_violence", 0.1)])
    PATTERNS_ONLY.process([message])
    assert _intent(message) == "disclose_violence" and message.get("entities") == []


@pytest.mark.parametrize("text", ["paraplu", "Paraplu!", " paraplu? "])
def test_the_safe_word_wins_over_the_classifier(text: str) -> None:
    message = _message(text, [("out_of_scope", 0.6), ("greet", 0.3)])
    IntentRules(safe_word()).process([message])
    FALLBACK.process([message])
    assert _intent(message) == "safe_word"


def test_the_safe_word_can_be_changed_without_retraining(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEGWIJZER_SAFE_WORD", "Boodschappenlijst")
    rules = IntentRules(safe_word())
    changed, old = _message("boodschappenlijst", [("out_of_scope", 0.9)]), _message("paraplu", [("out_of_scope", 0.9)])
    rules.process([changed, old])
    assert (_intent(changed), _intent(old)) == ("safe_word", "out_of_scope")


def test_a_message_in_another_language_becomes_other_language() -> None:
    entity = {"entity": "foreign_language", "value": "pl", "start": 0, "end": 10}
    message = _message("mój mąż mnie bije", [("disclose_violence", 0.5)], [entity])
    IntentRules(safe_word()).process([message])
    FALLBACK.process([message])
    assert _intent(message) == "other_language"


def test_a_safe_word_inside_a_sentence_is_just_a_word() -> None:
    message = _message("mijn paraplu is kapot", [("out_of_scope", 0.9)])
    IntentRules(safe_word()).process([message])
    assert _intent(message) == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "vorig jaar had hij een mes",
        "hij heeft geen wapen",
        "he strangled me once but that was ages ago",
        "help! hoe zet ik een pdf om naar word?",
        "i'm safe now, he's been arrested",
    ],
)
def test_the_classifiers_danger_is_demoted_when_the_context_cancels_it(text: str) -> None:
    message = _message(text, [("acute_danger", 0.62), ("disclose_violence", 0.3), ("out_of_scope", 0.08)])
    PATTERNS_ONLY.process([message])
    FALLBACK.process([message])
    assert _intent(message) == "disclose_violence"
    assert "acute_danger" not in [r["name"] for r in message.get("intent_ranking")]
    assert message.get("danger_cancelled") is True


def test_a_demoted_prediction_with_little_confidence_left_goes_to_the_fallback() -> None:
    message = _message("hij heeft nooit een wapen gehad hoor", [("acute_danger", 0.78), ("greet", 0.12), ("bye", 0.1)])
    PATTERNS_ONLY.process([message])
    FALLBACK.process([message])
    assert _intent(message) == "nlu_fallback"


@pytest.mark.parametrize(
    "text",
    [
        "ik durf niet naar huis",
        "ik ben niet veilig",
        "he won't stop",
        "i can't breathe",
        "niet bellen hij hoort me",
        "ik weet niet wat ik moet doen",  # no cancelling context: the classifier is trusted
    ],
)
def test_the_classifiers_danger_stands_without_a_cancelling_context(text: str) -> None:
    message = _message(text, [("acute_danger", 0.55), ("disclose_violence", 0.4)])
    PATTERNS_ONLY.process([message])
    FALLBACK.process([message])
    assert _intent(message) == "acute_danger"
    assert message.get("danger_cancelled") is None


def test_the_patterns_are_never_demoted() -> None:
    # Patterns fire on "nu" in the clause; the question afterwards does not cancel it.
    message = _message("hij slaat me nu, is dat normaal?", [("ask_is_it_violence", 0.8), ("acute_danger", 0.1)])
    PATTERNS_ONLY.process([message])
    assert _intent(message) == "acute_danger" and message.get("danger_rule") == "violence_now"


def test_only_the_classifiers_acute_danger_is_demoted() -> None:
    message = _message("vorig jaar had hij een mes", [("disclose_violence", 0.7), ("acute_danger", 0.2)])
    PATTERNS_ONLY.process([message])
    assert _intent(message) == "disclose_violence"
    assert [r["name"] for r in message.get("intent_ranking")] == ["disclose_violence", "acute_danger"]


def test_config_runs_the_danger_detector_after_the_classifier_and_before_the_fallback() -> None:
    import yaml

    from tests.support import ROOT

    names = [step["name"] for step in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]]
    detector = names.index("bot.nlu.danger_detector.DangerDetector")
    classifier = names.index("bot.nlu.tfidf_classifier.TfidfSvmClassifier")
    assert classifier < detector < names.index("FallbackClassifier")


def test_every_situation_the_detector_keeps_has_its_danger_rules() -> None:
    # The detector keeps these intents with a danger entity; without a rule for one of them the
    # message would get its plain route and no 112 (data/rules/danger.yml, also inside each form).
    import yaml

    from bot.escalation import DANGER_ENTITY
    from bot.nlu.danger_detector import SITUATION_INTENTS
    from tests.support import ROOT

    rules = yaml.safe_load((ROOT / "data" / "rules" / "danger.yml").read_text())["rules"]
    outside, inside_form = set(), {}
    for rule in rules:
        first = rule["steps"][0]
        marked = [s["intent"] for s in first.get("or", [first]) if DANGER_ENTITY in s.get("entities", [])]
        assert rule["steps"][1] == {"action": "utter_acute_danger"}, rule["rule"]
        if "condition" in rule:
            inside_form[rule["condition"][0]["active_loop"]] = set(marked)
        else:
            outside.update(marked)
    assert outside == SITUATION_INTENTS
    assert inside_form == {"veilig_thuis_form": SITUATION_INTENTS, "afwegingskader_form": SITUATION_INTENTS}
