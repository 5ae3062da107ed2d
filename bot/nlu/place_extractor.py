"""Rasa NLU component: finds a place (town, municipality, district, postcode) in a message.

It emits a ``place`` entity with the words the user typed, so "ik maak me zorgen om mijn zus
in Almere" fills the place slot and the form does not ask again. A message that is nothing
but a place ("Zwolle", "5091", "Bergen op Zoom"), or names one while the classifier is unsure,
becomes ``inform_place``: a classifier cannot know 2,500 town names, the directory does. The names are
read from data/directory at training
time and stored in the model, so the Rasa server needs no database. The action server resolves
the entity again against the database, which is the source of truth.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.directory.files import place_index, read_directory
from bot.directory.lookup import MunicipalityInfo, PlaceIndex
from bot.nlu.override import override_intent

PLACE_ENTITY = "place"
INFORM_PLACE_INTENT = "inform_place"
INDEX_FILE = "places.json"
# When the classifier is this unsure, a message that names a place is most likely about the
# place ("ik woon in Zwolle"): looking up its Veilig Thuis helps more than a clarifying menu.
UNSURE = 0.4


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class PlaceExtractor(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"directory": "data/directory"}

    def __init__(
        self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, index: PlaceIndex | None
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._index = index

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PlaceExtractor:
        return cls(config, model_storage, resource, None)

    def train(self, training_data: TrainingData) -> Resource:
        data = read_directory(Path(self._config["directory"]))
        self._index = place_index(data)
        inputs = {
            "municipalities": [[m.code, m.name, m.province, m.region_id] for m in data.municipalities],
            "towns": [[t.name, t.municipality_code] for t in data.towns],
            "aliases": [[a.alias, a.kind, a.municipality_code] for a in data.aliases],
            "postcodes": [[p.pc4, p.municipality_code] for p in data.postcodes],
        }
        with self._storage.write_to(self._resource) as directory:
            (directory / INDEX_FILE).write_text(json.dumps(inputs), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> PlaceExtractor:
        with model_storage.read_from(resource) as directory:
            inputs = json.loads((directory / INDEX_FILE).read_text(encoding="utf-8"))
        index = PlaceIndex(
            [MunicipalityInfo(*row) for row in inputs["municipalities"]],
            [tuple(row) for row in inputs["towns"]],
            [tuple(row) for row in inputs["aliases"]],
            [tuple(row) for row in inputs["postcodes"]],
        )
        return cls(config, model_storage, resource, index)

    def process(self, messages: list[Message]) -> list[Message]:
        if self._index is None:
            return messages
        for message in messages:
            text = message.get(TEXT) or ""
            found = self._index.find_mention(text)
            if found is None or not found.matched:
                continue
            start = text.find(found.matched)
            entity = {
                "entity": PLACE_ENTITY,
                "value": found.matched,
                "start": start,
                "end": start + len(found.matched),
                "confidence_entity": 1.0,
            }
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name([entity]), add_to_output=True)
            confidence = (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0
            if found.matched == text.strip() or confidence < UNSURE:
                override_intent(message, INFORM_PLACE_INTENT)
        return messages
