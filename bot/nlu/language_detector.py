"""Rasa NLU component that reports the message language as an entity.

Dutch or English becomes a ``language`` entity: the ``language`` slot is filled from it, and
responses pick their Dutch or English variation on that slot. Another language we have a help
card for becomes a ``foreign_language`` entity (see bot.nlu.intent_rules). When a message is
too short to tell ("ok", "ja", "Zwolle") no entity is emitted, so the slot keeps the
conversation's language.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.language import OTHER_LANGUAGES, detect, warm_up
from bot.nlu.rule_component import RuleComponent

LANGUAGE_ENTITY = "language"
FOREIGN_LANGUAGE_ENTITY = "foreign_language"
_OTHER_CODES = frozenset(OTHER_LANGUAGES.values())


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageDetector(RuleComponent, EntityExtractorMixin):
    """Adds ``{"entity": "language", "value": "nl" | "en"}`` when the language is clear."""

    def __init__(self) -> None:
        warm_up()  # load the models now, so the first user does not wait for them

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            language = detect(text)
            if language is None:
                continue
            foreign = language in _OTHER_CODES
            # No "text" attribute: the entity must not copy the message into the tracker.
            entity = {
                ENTITY_ATTRIBUTE_TYPE: FOREIGN_LANGUAGE_ENTITY if foreign else LANGUAGE_ENTITY,
                ENTITY_ATTRIBUTE_VALUE: language,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: len(text),
                ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
            }
            entities = [*(message.get(ENTITIES) or []), *self.add_extractor_name([entity])]
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
