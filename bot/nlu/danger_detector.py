"""Rasa NLU component that lets the acute-danger patterns override the classifier.

It runs after the intent classifier and before the FallbackClassifier: a message the
patterns flag becomes ``acute_danger`` with confidence 1.0, so neither a wrong intent nor
the low-confidence fallback can bury a danger signal. Messages the patterns do not flag
keep whatever the classifier decided, so the trained ``acute_danger`` intent still counts,
with one exception: when the classifier said ``acute_danger`` but the message clearly
cancels the danger in a way the patterns judge reliably (the past, "hij heeft geen wapen",
"ik ben nu veilig", "als hij weer...", "help! hoe zet ik een pdf om"), that prediction is
demoted to the classifier's next intent (see ``bot.danger.cancels_danger``).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.danger import cancels_missed_danger, detect_danger
from bot.nlu.override import override_intent
from bot.nlu.rule_component import RuleComponent

ACUTE_DANGER_INTENT = "acute_danger"
YOUNG_PERSON_INTENT = "young_person"
CHILD_ENTITY = "child"
# Stored in the parse data so tests and statistics can see which rule fired (never text).
DANGER_RULE_KEY = "danger_rule"
# Set (True) when the classifier's acute_danger was demoted because the context cancels it.
DANGER_CANCELLED_KEY = "danger_cancelled"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class DangerDetector(RuleComponent, IntentClassifier):
    """Overrides the predicted intent with ``acute_danger`` when the patterns fire."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            signal = detect_danger(text)
            if signal is None:
                if _intent_name(message) == ACUTE_DANGER_INTENT and cancels_missed_danger(text):
                    _demote(message, ACUTE_DANGER_INTENT)
                    message.set(DANGER_CANCELLED_KEY, True, add_to_output=True)
                continue
            if _intent_name(message) == YOUNG_PERSON_INTENT:
                # A child in danger: 112 first, and the rules add the Kindertelefoon.
                child = {"entity": CHILD_ENTITY, "value": "yes", "start": 0, "end": 0, "extractor": type(self).__name__}
                message.set(ENTITIES, [*(message.get(ENTITIES) or []), child], add_to_output=True)
            override_intent(message, ACUTE_DANGER_INTENT)
            message.set(DANGER_RULE_KEY, signal.rule, add_to_output=True)
        return messages


def _intent_name(message: Message) -> str | None:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)


def _demote(message: Message, intent: str) -> None:
    """Drop ``intent`` from the prediction: the next intent in the ranking, with its own
    confidence, becomes the prediction, and the FallbackClassifier judges that as usual (the
    clarify menu still lists every route, acute danger included)."""
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != intent]
    chosen = ranking[0] if ranking else {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
