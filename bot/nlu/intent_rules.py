"""Rasa NLU component: two intents that a rule decides better than a classifier.

- The **safe word** (default "paraplu"; set WEGWIJZER_SAFE_WORD to change it without
  retraining): a message that is only that word becomes ``safe_word``, which brings back a
  neutral help card, for someone who must look harmless.
- A message the LanguageDetector found to be in **another language** (a ``foreign_language``
  entity) becomes ``other_language``: a short help card in that language.

It runs after the classifier and before the DangerDetector, so a danger signal still wins.
"""

from __future__ import annotations

import os

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.language_detector import FOREIGN_LANGUAGE_ENTITY
from bot.nlu.override import override_intent
from bot.nlu.rule_component import RuleComponent
from bot.text import normalise

SAFE_WORD_ENV = "WEGWIJZER_SAFE_WORD"
DEFAULT_SAFE_WORD = "paraplu"
SAFE_WORD_INTENT = "safe_word"
OTHER_LANGUAGE_INTENT = "other_language"


def safe_word() -> str:
    return normalise(os.environ.get(SAFE_WORD_ENV) or DEFAULT_SAFE_WORD)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class IntentRules(RuleComponent, IntentClassifier):
    def __init__(self, word: str | None = None) -> None:
        self._word = word or safe_word()

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = normalise(message.get(TEXT) or "").strip(" .!?")
            if text and text == self._word:
                override_intent(message, SAFE_WORD_INTENT)
            elif any(e.get("entity") == FOREIGN_LANGUAGE_ENTITY for e in message.get(ENTITIES) or []):
                override_intent(message, OTHER_LANGUAGE_INTENT)
        return messages
