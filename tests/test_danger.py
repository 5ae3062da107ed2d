"""The acute-danger detector, measured on phrasings it was and was not tuned on."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml

from bot.danger import cancels_danger, detect_danger
from bot.escalation import DANGER_ENTITY

ROOT = Path(__file__).parent.parent
# The danger corpus: the sets the patterns were written on, and the trained classifier's data.
CORPUS = ROOT / "data" / "danger"
BLIND = Path(__file__).parent / "data"


def _texts(path: Path, polarity: str) -> list[str]:
    data = yaml.safe_load(path.read_text())
    return [text for lang in ("nl", "en") for text in data[polarity][lang]]


def _scores(path: Path) -> tuple[float, float, list[str], list[str]]:
    positives, negatives = _texts(path, "positive"), _texts(path, "negative")
    missed = [text for text in positives if detect_danger(text) is None]
    false_alarms = [text for text in negatives if detect_danger(text) is not None]
    hits = len(positives) - len(missed)
    recall = hits / len(positives)
    precision = hits / (hits + len(false_alarms))
    return recall, precision, missed, false_alarms


TUNING_SETS = ("danger_dev.yml", "danger_test.yml", "danger_tune.yml", "danger_tune2.yml")
# Former blind sets: each was written blind and measured the day it arrived, then became training
# data for the classifier (and the patterns may be tuned on them). These floors guard the
# patterns' level on them.
# danger_blind2.yml: on arrival patterns 0.800 / 0.870, pipeline 0.875 / 0.862.
# danger_blind3.yml: on arrival patterns 0.594 / 0.915, pipeline 0.767 / 0.902; before it was
# retired (2026-11-29), with the danger classifier and 9,835 NLU examples, pipeline 0.967 / 0.946.
FORMER_BLIND_FLOORS_PATTERNS = {"danger_blind2.yml": (0.80, 0.86), "danger_blind3.yml": (0.59, 0.91)}
# Recall and precision the whole detector must reach on text not used to write the patterns.
TARGET = (0.98, 0.95)
# The blind sets: each written from the definition alone, by someone who saw neither the patterns,
# the training data nor the other sets; never trained or tuned on (tests/data, not data/).
# (recall, precision) floors for the patterns alone and for the whole NLU pipeline:
BLIND_FLOORS = {
    # Written 2026-11-29 (191 danger, 196 not; its negatives the hardest look-alikes). The day it
    # arrived, with the model that had measured 0.967 / 0.946 on danger_blind3: patterns
    # 0.749 / 0.883, pipeline 0.953 / 0.883. With danger_blind3 and two more corpus files in the
    # classifier's data: 0.963 / 0.872; with the SVM intent classifier, 2,482 more NLU examples and
    # danger marked next to a situation (evening): 0.969 / 0.864. On 2026-11-30, with five more
    # corpus files, the corpus weighted and the intent classifier's acute_danger corroborated:
    # 0.979 / 0.908; and with a very sure classifier overruling a cancelling context: 0.984 / 0.908.
    "danger_blind4.yml": {"patterns": (0.74, 0.87), "pipeline": (0.98, 0.90)},
    # Written 2026-11-30 (242 danger, 247 not) and committed before anything was measured on it.
    # First measurement: patterns 0.727 / 0.957, pipeline 0.988 / 0.976; with SURE (chosen
    # out-of-fold on the corpus): 0.992 / 0.976.
    "danger_blind5.yml": {"patterns": (0.72, 0.95), "pipeline": TARGET},
    # The same brief, another writer, committed before anything was measured on it. First
    # measurement: patterns 0.793 / 0.970, pipeline 0.971 / 0.987; with SURE: 0.992 / 0.988.
    "danger_blind6.yml": {"patterns": (0.79, 0.96), "pipeline": TARGET},
}
BLIND_SETS = [BLIND / name for name in BLIND_FLOORS]


@pytest.mark.parametrize("name", TUNING_SETS)
def test_tuning_sets_meet_the_target(name: str) -> None:
    # These sets were used to write the patterns: danger_tune.yml and danger_tune2.yml were each
    # written blind and measured the day they arrived, then used for tuning once the rule
    # families had been generalised on them. They guard against regressions; generalisation is
    # measured on a blind set nobody tuned on.
    recall, precision, missed, false_alarms = _scores(CORPUS / name)
    assert recall >= 0.98, missed
    assert precision >= 0.95, false_alarms


@pytest.mark.parametrize("name", sorted(FORMER_BLIND_FLOORS_PATTERNS))
def test_the_former_blind_sets_have_not_regressed(name: str) -> None:
    recall, precision, _, _ = _scores(CORPUS / name)
    _assert_floor(FORMER_BLIND_FLOORS_PATTERNS[name], recall, precision)


@pytest.mark.parametrize("blind_set", BLIND_SETS, ids=lambda path: path.name)
def test_the_patterns_on_the_blind_sets_have_not_regressed(blind_set: Path) -> None:
    # The target is for the whole pipeline (below); the patterns alone catch the danger they
    # were written for, and this guards their level.
    recall, precision, _, _ = _scores(blind_set)
    print(f"{blind_set.name}, patterns: recall {recall:.3f}, precision {precision:.3f}")  # pytest -s
    _assert_floor(BLIND_FLOORS[blind_set.name]["patterns"], recall, precision)


@pytest.fixture(scope="module")
def agent():
    return _agent()


def _pipeline_alarms(agent, blind_set: Path, polarity: str) -> list[bool]:
    """What a person meets is the whole NLU pipeline: the patterns, the trained danger classifier
    or the intent classifier can each raise the alarm (unless the patterns judge that the context
    cancels it): acute_danger, or a danger entity next to a situation intent."""

    def alarm(parse: dict) -> bool:
        marked = any(entity["entity"] == DANGER_ENTITY for entity in parse.get("entities") or [])
        return parse["intent"]["name"] == "acute_danger" or marked

    return [alarm(asyncio.run(agent.parse_message(text))) for text in _texts(blind_set, polarity)]


@pytest.fixture(scope="module")
def blind_alarms(agent) -> dict[str, tuple[list[bool], list[bool]]]:
    return {
        path.name: (_pipeline_alarms(agent, path, "positive"), _pipeline_alarms(agent, path, "negative"))
        for path in BLIND_SETS
    }


@pytest.mark.parametrize("blind_set", BLIND_SETS, ids=lambda path: path.name)
def test_the_assistant_as_a_whole_on_the_blind_sets(blind_alarms, blind_set: Path) -> None:
    recall, precision = _recall_precision(*blind_alarms[blind_set.name])
    print(f"{blind_set.name}, whole pipeline: recall {recall:.3f}, precision {precision:.3f}")  # pytest -s
    _assert_floor(BLIND_FLOORS[blind_set.name]["pipeline"], recall, precision)


def test_the_assistant_as_a_whole_meets_the_target_on_all_blind_sets_together(blind_alarms) -> None:
    positives = [hit for found, _ in blind_alarms.values() for hit in found]
    negatives = [hit for _, found in blind_alarms.values() for hit in found]
    assert len(positives) >= 150 and len(negatives) >= 150
    recall, precision = _recall_precision(positives, negatives)
    print(f"all blind sets, whole pipeline: recall {recall:.3f}, precision {precision:.3f}")  # pytest -s
    _assert_floor(TARGET, recall, precision)


def _recall_precision(positives: list[bool], negatives: list[bool]) -> tuple[float, float]:
    """From whether each positive and each negative raised the alarm."""
    return sum(positives) / len(positives), sum(positives) / (sum(positives) + sum(negatives))


def _assert_floor(floor: tuple[float, float], recall: float, precision: float) -> None:
    assert recall >= floor[0], f"recall {recall:.3f}"
    assert precision >= floor[1], f"precision {precision:.3f}"


def _agent():
    from rasa.core.agent import Agent

    from bot.training import model_path

    path = model_path(ROOT)
    if not path.exists():
        pytest.fail("no trained model: run `make train` first")
    return Agent.load(str(path))


def _all_texts(path: Path) -> set[str]:
    data = yaml.safe_load(path.read_text())
    return {t.strip().lower() for polarity in data.values() for lang in polarity.values() for t in lang}


def test_sets_are_large_and_disjoint() -> None:
    seen: set[str] = set()
    paths = sorted(CORPUS.glob("*.yml")) + BLIND_SETS
    assert {path.name for path in paths} >= {*TUNING_SETS, *FORMER_BLIND_FLOORS_PATTERNS}
    for path in paths:
        texts = _all_texts(path)
        assert not seen & texts, (path.name, seen & texts)
        seen |= texts
        data = yaml.safe_load(path.read_text())
        assert sum(len(v) for v in data["positive"].values()) >= 60, path.name
        assert sum(len(v) for v in data["negative"].values()) >= 60, path.name


@pytest.mark.parametrize("blind_set", BLIND_SETS, ids=lambda path: path.name)
def test_the_blind_sets_are_not_in_the_nlu_training_data(blind_set: Path) -> None:
    # A blind text the classifiers trained on would not be blind.
    from rasa.shared.nlu.training_data.loading import load_data

    trained = {m.get("text").strip().lower() for m in load_data(str(ROOT / "data" / "nlu")).intent_examples}
    assert not trained & _all_texts(blind_set)


@pytest.mark.parametrize(
    "text",
    [
        "hij staat met een mes voor de deur",
        "hij heeft een mes",
        "ik zit opgesloten",
        "hij gaat me vermoorden",
        "ik durf niet naar huis",
        "he is at my door with a knife",
        "h\u200bij staat voor de deur",  # a zero-width space must not hide the danger
    ],
)
def test_examples_from_the_brief_are_danger(text: str) -> None:
    assert detect_danger(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "ik ben niet in gevaar",
        "hij heeft geen mes",
        "vorig jaar stond hij met een mes voor de deur",
        "wat moet ik doen als hij een mes pakt?",
        "hoe laat gaat de supermarkt open",
        "ik ga dood van het lachen",
        "ik word thuis geslagen",
        "i'm not in danger right now",
        # The writer's own suicidal thoughts go to 113 first (bot/escalation.py), not to 112.
        "ik wil niet meer leven",
        "ik wil echt niet meer leven",
        "ik wil me van kant maken",
        "im planning to end my life",
        # Yesterday, people in general, idioms, being put out as a story, "without".
        "mijn vriend heeft me gisteren geschopt",
        "is er hulp voor mannen die hun vrouw slaan",
        "kan psychisch geweld net zo erg zijn als slaan",
        "ik ga me dood vervelen",
        "i killed it at my exam today",
        "my dad kicked me out when i came out",
        "ik voel me gevangen zonder dat hij me slaat",
    ],
)
def test_negated_past_hypothetical_and_everyday_text_is_not_danger(text: str) -> None:
    assert detect_danger(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "hij slaat me nu, is dat normaal?",
        "he's punching me right now, is that normal?",
        "mijn vriend schopt me op dit moment, mag dat eigenlijk?",
        "help hij wurgt mama, is dat geweld?",
    ],
)
def test_violence_now_wins_over_a_trailing_question(text: str) -> None:
    # A question whether it is normal or allowed must not silence a present cue in the same clause.
    assert detect_danger(text) is not None


@pytest.mark.parametrize(
    "text",
    ["is het normaal dat hij me soms slaat?", "hij slaat me als hij dronken is, is dat normaal?"],
)
def test_a_question_about_violence_without_a_present_cue_is_not_danger(text: str) -> None:
    assert detect_danger(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "vorig jaar had hij een mes",
        "hij heeft geen wapen",
        "ik ben nu veilig",
        "he's in prison until next year",
        "als hij weer gaat slaan, waar kan ik dan heen?",
        "what if he finds out where i live?",
        "he strangled me once but that was ages ago",
        "help! hoe zet ik een pdf om naar word?",
        "die hamster van mijn zoon is ontsnapt en zit verstopt achter de kast",
        "i heard someone on the stairs but it was just my flatmate",
        "my friend told me her boyfriend hits her, how can i help",
    ],
)
def test_context_that_cancels_danger(text: str) -> None:
    assert cancels_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik durf niet naar huis",
        "ik ben niet veilig",
        "he won't stop",
        "i can't breathe",
        "niet bellen hij hoort me",
        "i'm safe now but he's outside",
        "hij is weg maar komt zo terug",
        "hij heeft geen mes maar wel een touw en zegt dat het vanavond afgelopen is",
        "vorig jaar had hij een mes en nu heeft hij weer een mes",
        "niemand hoort me hij wurgt me",
        "ik ga dood als er nu niemand komt",
        "my friend is being hit right now, how can i help",
        "ik weet niet wat ik moet doen",  # nothing cancelled: nothing to judge
    ],
)
def test_context_that_does_not_cancel_danger(text: str) -> None:
    assert not cancels_danger(text)


@pytest.mark.parametrize("name", TUNING_SETS)
def test_no_positive_is_cancelled_even_if_the_patterns_missed_it(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # cancels_danger demotes the classifier's acute_danger; judged on its own (as if the patterns
    # had missed every message), it must leave every real danger alone.
    import bot.danger

    monkeypatch.setattr(bot.danger, "detect_danger", lambda text: None)
    cancelled = [t for t in _texts(CORPUS / name, "positive") if bot.danger.cancels_danger(t)]
    assert cancelled == []


def test_signal_names_the_rule_not_the_text() -> None:
    signal = detect_danger("hij heeft een mes")
    assert signal is not None and signal.rule == "weapon"


def test_few_training_examples_of_other_intents_raise_the_alarm() -> None:
    # The NLU training data was not written for the patterns: a second check on their precision.
    # Most examples flagged are present-tense disclosures ("mijn vader slaat me"); in the pipeline
    # those families need the trained classifier's corroboration (CORROBORATED_RULES).
    # Measured 2026-11-29: 134 of 4,009; 209 of 6,065, 259 of 7,601, 339 of 9,615 as the data grew,
    # and 392 of 10,428, 434 of 11,332 and 455 of 12,098 after three rounds aimed at the intents
    # that sit closest together (calm disclosures that read like danger among them).
    flagged, total = 0, 0
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text()).get("nlu", []):
            if item.get("intent") in (None, "acute_danger"):
                continue
            examples = [line.strip()[2:] for line in item["examples"].splitlines() if line.strip().startswith("- ")]
            total += len(examples)
            flagged += sum(detect_danger(example) is not None for example in examples)
    assert total > 3000
    assert flagged <= 455
