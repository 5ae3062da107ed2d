"""The intent classifier on Rasa's own tokenizer and featurizers: trained, stored, loaded back."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.tfidf_classifier import TfidfSvmClassifier

EXAMPLES = {
    "greet": ["hoi", "hallo daar", "goedemorgen", "hey hallo", "hi there", "hello"],
    "disclose_violence": [
        "mijn man slaat mij",
        "hij slaat me al jaren",
        "mijn vriend schopt mij",
        "my husband hits me",
        "he hits me every week",
        "mijn partner slaat me vaak",
    ],
    "find_veilig_thuis": [
        "welke veilig thuis hoort bij mij",
        "nummer van veilig thuis",
        "veilig thuis in mijn regio",
        "which veilig thuis should i call",
        "veilig thuis contact",
        "waar zit veilig thuis",
    ],
}


def _featurizers(storage: LocalModelStorage) -> list:  # type: ignore[type-arg]
    def context(name: str) -> ExecutionContext:
        return ExecutionContext(GraphSchema({}), node_name=name)

    word = CountVectorsFeaturizer.get_default_config() | {"min_ngram": 1, "max_ngram": 2}
    # Character n-grams outnumber words by far: the reason each block is weighed on its own.
    chars = CountVectorsFeaturizer.get_default_config() | {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 5}
    return [
        CountVectorsFeaturizer.create(config, storage, Resource(name), context(name))
        for name, config in [("words", word), ("chars", chars)]
    ]


def _featurize(components: list, messages: list[Message]) -> list[Message]:  # type: ignore[type-arg]
    for component in components:
        component.process(messages)
    return messages


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, TfidfSvmClassifier, TfidfSvmClassifier]:  # type: ignore[type-arg]
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    context = ExecutionContext(GraphSchema({}), "classifier")
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    featurizers = _featurizers(storage)
    data = TrainingData(
        [Message(data={"text": text, "intent": intent}) for intent, texts in EXAMPLES.items() for text in texts]
    )
    tokenizer.process_training_data(data)
    for featurizer in featurizers:
        featurizer.train(data)
        featurizer.process_training_data(data)
    resource = Resource("intent_classifier")
    config = TfidfSvmClassifier.get_default_config()
    classifier = TfidfSvmClassifier.create(config, storage, resource, context)
    classifier.train(data)
    loaded = TfidfSvmClassifier.load(config, storage, resource, context)
    return [tokenizer, *featurizers], classifier, loaded


def _predict(components: list, classifier: TfidfSvmClassifier, text: str) -> Message:  # type: ignore[type-arg]
    message = Message(data={"text": text})
    components[0].process([message])
    _featurize(components[1:], [message])
    classifier.process([message])
    return message


@pytest.mark.parametrize(
    "text, intent",
    [("hallo", "greet"), ("mijn vrouw slaat mij", "disclose_violence"), ("veilig thuis nummer", "find_veilig_thuis")],
)
def test_it_recognises_unseen_phrasings(trained: tuple, text: str, intent: str) -> None:  # type: ignore[type-arg]
    components, classifier, _ = trained
    assert _predict(components, classifier, text).get("intent")["name"] == intent


def test_one_block_per_featurizer(trained: tuple) -> None:  # type: ignore[type-arg]
    _, classifier, _ = trained
    assert classifier.origins == ["chars", "words"]
    assert classifier.widths[0] > 5 * classifier.widths[1]


def test_confidences_form_a_sorted_distribution(trained: tuple) -> None:  # type: ignore[type-arg]
    components, classifier, _ = trained
    message = _predict(components, classifier, "hij slaat mij")
    ranking = message.get("intent_ranking")
    confidences = [r["confidence"] for r in ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)
    assert message.get("intent") == ranking[0]


def test_the_stored_model_predicts_what_the_trained_one_did(trained: tuple) -> None:  # type: ignore[type-arg]
    components, classifier, loaded = trained
    for text in ["hoi", "he hits me", "welke veilig thuis", "onzin tekst xyz"]:
        before = _predict(components, classifier, text).get("intent_ranking")
        after = _predict(components, loaded, text).get("intent_ranking")
        assert [r["name"] for r in after] == [r["name"] for r in before]
        assert [r["confidence"] for r in after] == pytest.approx([r["confidence"] for r in before])


def test_a_message_without_features_from_a_featurizer_still_gets_an_intent(trained: tuple) -> None:  # type: ignore[type-arg]
    components, classifier, _ = trained
    message = Message(data={"text": "hoi"})
    components[0].process([message])
    _featurize(components[2:], [message])  # only the character featurizer ran
    classifier.process([message])
    assert message.get("intent")["name"] in EXAMPLES


def test_untrained_it_leaves_the_message_alone(tmp_path: Path) -> None:
    context = ExecutionContext(GraphSchema({}), "classifier")
    classifier = TfidfSvmClassifier.create(
        TfidfSvmClassifier.get_default_config(), LocalModelStorage(tmp_path), Resource("c"), context
    )
    message = Message(data={"text": "hoi"})
    classifier.process([message])
    assert message.get("intent") is None
