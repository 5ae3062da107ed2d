"""The acute-danger detector, measured on phrasings it was and was not tuned on."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml

from bot.danger import detect_danger

DATA = Path(__file__).parent / "data"
ROOT = DATA.parent.parent


def _scores(name: str) -> tuple[float, float, list[str], list[str]]:
    data = yaml.safe_load((DATA / name).read_text())
    positives = [text for lang in ("nl", "en") for text in data["positive"][lang]]
    negatives = [text for lang in ("nl", "en") for text in data["negative"][lang]]
    missed = [text for text in positives if detect_danger(text) is None]
    false_alarms = [text for text in negatives if detect_danger(text) is not None]
    hits = len(positives) - len(missed)
    recall = hits / len(positives)
    precision = hits / (hits + len(false_alarms))
    return recall, precision, missed, false_alarms


TUNING_SETS = ("danger_dev.yml", "danger_test.yml", "danger_tune.yml")


@pytest.mark.parametrize("name", TUNING_SETS)
def test_tuning_sets_meet_the_target(name: str) -> None:
    # These sets were used to write the patterns (danger_tune.yml was written by someone who
    # never saw them, and held out until the rule families were generalised): they guard
    # against regressions. Generalisation is measured on a blind set nobody tuned on.
    recall, precision, missed, false_alarms = _scores(name)
    assert recall >= 0.98, missed
    assert precision >= 0.95, false_alarms


def test_blind_set_has_not_regressed() -> None:
    # danger_blind.yml was written on 2026-11-29 by someone who saw neither the patterns nor
    # the other sets, and is never used to tune them. Measured the day it arrived: recall 0.775,
    # precision 0.957 (200 positive, 200 negative). The target is recall >= 0.98 and precision
    # >= 0.95 on such a set; until then (issue #2 stays open) this guards the measured level.
    recall, precision, _, _ = _scores("danger_blind.yml")
    assert recall >= 0.77
    assert precision >= 0.95


def test_the_assistant_as_a_whole_on_the_blind_set() -> None:
    # What a person meets is the whole NLU pipeline: the patterns or the trained classifier can
    # each make a message acute_danger. Measured 2026-11-29: recall 0.930, precision 0.916.
    agent = _agent()
    data = yaml.safe_load((DATA / "danger_blind.yml").read_text())

    def alarms(polarity: str) -> list[bool]:
        texts = [text for lang in ("nl", "en") for text in data[polarity][lang]]
        return [asyncio.run(agent.parse_message(text))["intent"]["name"] == "acute_danger" for text in texts]

    positives, negatives = alarms("positive"), alarms("negative")
    recall = sum(positives) / len(positives)
    precision = sum(positives) / (sum(positives) + sum(negatives))
    assert recall >= 0.92
    assert precision >= 0.90


def _agent():
    from rasa.core.agent import Agent

    from bot.training import model_path

    path = model_path(ROOT)
    if not path.exists():
        pytest.fail("no trained model: run `make train` first")
    return Agent.load(str(path))


def test_sets_are_large_and_disjoint() -> None:
    seen: set[str] = set()
    names = sorted(path.name for path in DATA.glob("danger_*.yml"))
    assert set(TUNING_SETS) <= set(names)
    for name in names:
        data = yaml.safe_load((DATA / name).read_text())
        texts = [t.strip().lower() for polarity in data.values() for lang in polarity.values() for t in lang]
        assert not seen & set(texts), name
        seen |= set(texts)
        assert sum(len(v) for v in data["positive"].values()) >= 60, name
        assert sum(len(v) for v in data["negative"].values()) >= 60, name


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
    ],
)
def test_negated_past_hypothetical_and_everyday_text_is_not_danger(text: str) -> None:
    assert detect_danger(text) is None


def test_signal_names_the_rule_not_the_text() -> None:
    signal = detect_danger("hij heeft een mes")
    assert signal is not None and signal.rule == "weapon"
