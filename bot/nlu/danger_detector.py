"""Rasa NLU component that lets the acute-danger patterns override the classifier.

It runs after the intent classifier and before the FallbackClassifier: a message the
patterns flag becomes ``acute_danger`` with confidence 1.0, so neither a wrong intent nor
the low-confidence fallback can bury a danger signal. Messages the patterns do not flag
keep whatever the classifier decided, so the trained ``acute_danger`` intent still counts.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.danger import detect_danger
from bot.nlu.override import override_intent
from bot.nlu.rule_component import RuleComponent

ACUTE_DANGER_INTENT = "acute_danger"
YOUNG_PERSON_INTENT = "young_person"
CHILD_ENTITY = "child"
# Stored in the parse data so tests and statistics can see which rule fired (never text).
DANGER_RULE_KEY = "danger_rule"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class DangerDetector(RuleComponent, IntentClassifier):
    """Overrides the predicted intent with ``acute_danger`` when the patterns fire."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            signal = detect_danger(message.get(TEXT) or "")
            if signal is None:
                continue
            if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == YOUNG_PERSON_INTENT:
                # A child in danger: 112 first, and the rules add the Kindertelefoon.
                child = {"entity": CHILD_ENTITY, "value": "yes", "start": 0, "end": 0, "extractor": type(self).__name__}
                message.set(ENTITIES, [*(message.get(ENTITIES) or []), child], add_to_output=True)
            override_intent(message, ACUTE_DANGER_INTENT)
            message.set(DANGER_RULE_KEY, signal.rule, add_to_output=True)
        return messages
