"""Rasa NLU component, first in the pipeline: every channel's text is cleaned the same way
(bot.input_guard) before the tokenizer, the language detector and the classifier see it."""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.input_guard import clean_message
from bot.nlu.rule_component import RuleComponent


# Registered like our other rule-based components: it runs at prediction time only (training text is clean).
@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class InputGuard(RuleComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                message.set(TEXT, clean_message(text)[0])
        return messages
