"""The trained danger classifier: trained, stored and loaded the way Rasa does it, and measured on
a corpus file it did not train on."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import danger_classifier
from bot.danger import detect_danger
from bot.nlu.danger_detector import (
    CANCELLED,
    CLASSIFIER_RULE,
    CORROBORATED_RULES,
    CORROBORATION,
    SURE,
    DangerDetector,
    alarm,
    nlu_examples,
)

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "data" / "danger"
# Corpus files the patterns were never tuned on (danger_blind2 and danger_blind3 were the blind
# sets until 2026-11-29; the danger_more_* files were written from the definition alone), held out
# in turn: trained on the NLU data and the other corpus files, what does the whole detector
# (patterns, corroboration, classifier, cancelling context) make of them? The five files written
# on 2026-11-30 are held out together, so none of them helps to judge another.
NEW_2026_11_30 = tuple(f"danger_more_{letter}.yml" for letter in "ghijk")
# (recall, precision) measured 2026-11-30 with the corpus weighted and SURE (the measurement; on
# 2026-11-29, before the five new files, in brackets):
HELD_OUT_FLOORS: dict[tuple[str, ...], tuple[float, float]] = {
    ("danger_blind2.yml",): (0.99, 0.89),  # 0.990 / 0.892 (0.980 / 0.867)
    ("danger_blind3.yml",): (0.96, 0.95),  # 0.967 / 0.956 (0.956 / 0.961)
    ("danger_more_a.yml",): (0.97, 0.96),  # 0.971 / 0.965 (0.953 / 0.953): short chat messages
    ("danger_more_b.yml",): (0.99, 0.97),  # 0.994 / 0.973 (0.972 / 0.967): long stories
    ("danger_more_c.yml",): (0.98, 0.91),  # 0.983 / 0.917 (0.983 / 0.889): contrast pairs
    ("danger_more_d.yml",): (0.97, 0.97),  # 0.978 / 0.978 (0.928 / 0.960): calm look-alikes
    ("danger_more_e.yml",): (0.98, 0.93),  # 0.984 / 0.939 (0.968 / 0.910): medium and long stories
    ("danger_more_f.yml",): (0.95, 0.96),  # 0.953 / 0.961 (0.927 / 0.943): short messages
    # contrast pairs, indirect danger, short messages, stories whose end decides, everyday
    # look-alikes: 0.967 / 0.863 (without SURE 0.958 / 0.864; corpus weight 1 as well: 0.949 / 0.862)
    NEW_2026_11_30: (0.96, 0.86),
}


@pytest.fixture(scope="module")
def nlu_data() -> TrainingData:
    return load_data(str(ROOT / "data" / "nlu"))


@pytest.fixture(scope="module")
def detector(nlu_data: TrainingData, tmp_path_factory: pytest.TempPathFactory) -> DangerDetector:
    """Trained on the real data, stored, then loaded back: what the Rasa server runs."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    resource = Resource("danger_detector")
    context = ExecutionContext(GraphSchema({}), "test")
    config = DangerDetector.get_default_config() | {"corpus": str(CORPUS)}
    DangerDetector.create(config, storage, resource, context).train(nlu_data)
    return DangerDetector.load(config, storage, resource, context)


@pytest.mark.parametrize("held_out", list(HELD_OUT_FLOORS), ids=lambda names: "+".join(names))
def test_the_detector_generalises_to_corpus_files_it_did_not_train_on(
    nlu_data: TrainingData, held_out: tuple[str, ...]
) -> None:
    files = sorted(CORPUS.glob("*.yml"))
    assert {*held_out} <= {file.name for file in files}
    corpus = danger_classifier.LabelledTexts([], [])
    test = danger_classifier.LabelledTexts([], [])
    for file in files:
        if file.name in held_out:
            test = test + danger_classifier.read_corpus_file(file)
        else:
            corpus = corpus + danger_classifier.read_corpus_file(file)
    model = danger_classifier.train(nlu_examples(nlu_data), corpus)
    probabilities = danger_classifier.danger_probabilities(model, test.texts)
    threshold = danger_classifier.DEFAULT_THRESHOLD
    verdicts = [alarm(text, p, threshold) for text, p in zip(test.texts, probabilities, strict=True)]
    alarms = [verdict not in (None, CANCELLED) for verdict in verdicts]
    hits = sum(a and label for a, label in zip(alarms, test.labels, strict=True))
    recall = hits / sum(test.labels)
    precision = hits / sum(alarms)
    print(f"{'+'.join(held_out)}: recall {recall:.3f}, precision {precision:.3f}")  # pytest -s
    assert recall >= HELD_OUT_FLOORS[held_out][0], f"recall {recall:.3f}"
    assert precision >= HELD_OUT_FLOORS[held_out][1], f"precision {precision:.3f}"


def _process(detector: DangerDetector, text: str, intent: str = "out_of_scope") -> Message:
    ranking = [{"name": intent, "confidence": 0.8}, {"name": "greet", "confidence": 0.2}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []})
    detector.process([message])
    return message


@pytest.mark.parametrize(
    "text",
    [
        "he took my phone and locked every door, im scared what he'll do tonight",
        "he said tonight is my last night",
        "my stepdad has his hands around my mums neck",
        "hij heeft de auto voor de school gezet en wacht op mijn dochter",
    ],
)
def test_danger_the_patterns_miss_is_caught_by_the_classifier(detector: DangerDetector, text: str) -> None:
    assert detect_danger(text) is None
    message = _process(detector, text)
    assert message.get("intent")["name"] == "acute_danger"
    assert message.get("danger_rule") == CLASSIFIER_RULE


@pytest.mark.parametrize(
    "text",
    [
        "hoe laat gaat de supermarkt open",
        "ik word thuis geslagen, wat kan ik doen?",
        "vorig jaar heeft hij me met een mes bedreigd, nu woon ik veilig ergens anders",
        "are you a real person?",
    ],
)
def test_no_alarm_for_everyday_text_disclosures_and_the_past(detector: DangerDetector, text: str) -> None:
    message = _process(detector, text)
    assert message.get("intent")["name"] == "out_of_scope"
    assert message.get("danger_rule") is None


def test_a_very_sure_classifier_overrules_a_cancelling_context() -> None:
    text = "vorig jaar had hij een mes"
    assert detect_danger(text) is None
    assert alarm(text, SURE - 0.01, 0.5) == CANCELLED
    assert alarm(text, SURE, 0.5) == CLASSIFIER_RULE


def test_the_stored_model_loads_with_only_the_types_it_trusts(detector: DangerDetector) -> None:
    # load() refuses a file with any other type than a sparse matrix (no arbitrary pickles).
    assert _process(detector, "hij staat met een mes voor de deur").get("danger_rule") is not None


def test_a_changed_corpus_changes_the_fingerprint(tmp_path: Path) -> None:
    # Rasa's training cache must not keep a classifier trained on an older corpus.
    (tmp_path / "a.yml").write_text("positive: {nl: [a], en: [b]}\nnegative: {nl: [c], en: [d]}\n")
    before = DangerDetector.fingerprint_addon({"corpus": str(tmp_path)})
    (tmp_path / "a.yml").write_text("positive: {nl: [a], en: [b]}\nnegative: {nl: [c], en: [e]}\n")
    assert DangerDetector.fingerprint_addon({"corpus": str(tmp_path)}) != before


def test_the_fingerprint_works_with_the_config_as_written() -> None:
    # What Rasa's training cache passes: config.yml's entry, without our defaults.
    assert DangerDetector.fingerprint_addon({}) == DangerDetector.fingerprint_addon({"corpus": "data/danger"})


def test_training_needs_both_classes() -> None:
    with pytest.raises(ValueError):
        nothing = danger_classifier.LabelledTexts([], [])
        danger_classifier.train(danger_classifier.LabelledTexts(["a", "b"], [False, False]), nothing)


def _tiny_detector(positives: list[str], negatives: list[str]) -> DangerDetector:
    detector = DangerDetector(DangerDetector.get_default_config(), None, None, None)  # type: ignore[arg-type]
    detector._model = danger_classifier.train(
        danger_classifier.LabelledTexts(positives + negatives, [True] * len(positives) + [False] * len(negatives)),
        danger_classifier.LabelledTexts([], []),
    )
    return detector


# A classifier that has learnt that "slaat" on its own is no danger, and a knife at the door is.
_POSITIVES = ["hij staat met een mes voor de deur", "help hij is binnen met een mes", "kom snel hij trapt de deur in"]
_POSITIVES *= 3
_NEGATIVES = ["papa slaat mij soms", "mijn vader slaat mij als hij boos is", "hij slaat mij wel eens"] * 3


def test_a_calm_family_needs_the_classifier_to_agree() -> None:
    text = "papa slaat mij"
    assert detect_danger(text).rule in CORROBORATED_RULES  # type: ignore[union-attr]
    message = _process(_tiny_detector(_POSITIVES, _NEGATIVES), text)
    assert message.get("intent")["name"] == "out_of_scope"


def test_the_same_family_counts_when_the_classifier_sees_danger() -> None:
    text = "papa slaat mij"
    message = _process(_tiny_detector(_NEGATIVES, _POSITIVES), text)  # now "slaat" is danger
    assert message.get("intent")["name"] == "acute_danger" and message.get("danger_rule") == "violence_now"


def test_other_families_never_need_the_classifier() -> None:
    text = "hij staat met een mes voor de deur"
    message = _process(_tiny_detector(_NEGATIVES, _POSITIVES), text)  # the classifier says no
    assert message.get("intent")["name"] == "acute_danger" and message.get("danger_rule") not in CORROBORATED_RULES


_SUPPER = "wat eten we vanavond"  # no pattern fires on it, nor does it cancel danger


def test_the_everyday_text_is_judged_by_the_classifiers_alone() -> None:
    assert detect_danger(_SUPPER) is None and alarm(_SUPPER, None, 0.5) is None


def test_the_intent_classifiers_danger_needs_the_danger_classifier_to_agree_a_little() -> None:
    detector = _tiny_detector(_POSITIVES, _NEGATIVES + [_SUPPER] * 9)
    message = _process(detector, _SUPPER, intent="acute_danger")
    assert message.get("intent")["name"] == "greet"  # the next in the ranking
    assert message.get("danger_uncorroborated") is True


def test_the_intent_classifiers_danger_stands_when_the_danger_classifier_agrees() -> None:
    detector = _tiny_detector(_POSITIVES + [_SUPPER] * 9, _NEGATIVES)
    detector._config = {**detector._config, "threshold": 1.01}  # the danger classifier alone never fires
    message = _process(detector, _SUPPER, intent="acute_danger")
    assert message.get("intent")["name"] == "acute_danger"
    assert message.get("danger_rule") is None and message.get("danger_uncorroborated") is None


def test_every_acute_danger_training_example_is_corroborated(detector: DangerDetector, nlu_data: TrainingData) -> None:
    # The bar must never take 112 away from a phrasing the assistant was taught as danger.
    examples = nlu_examples(nlu_data)
    danger = [text for text, label in zip(examples.texts, examples.labels, strict=True) if label]
    probabilities = danger_classifier.danger_probabilities(detector._model, danger)
    assert min(probabilities) >= CORROBORATION
