"""The acute-danger detector, measured on phrasings it was and was not tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.danger import detect_danger

DATA = Path(__file__).parent / "data"


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


@pytest.mark.parametrize("name", ["danger_dev.yml", "danger_test.yml"])
def test_tuning_sets_meet_the_target(name: str) -> None:
    # These two sets were used to write the patterns: they guard against regressions.
    recall, precision, missed, false_alarms = _scores(name)
    assert recall >= 0.98, missed
    assert precision >= 0.95, false_alarms


def test_held_out_set_has_not_regressed() -> None:
    # danger_holdout.yml was written by someone who never saw the patterns and is never
    # used to tune them. Measured 2026-11-29: recall 0.648, precision 0.949 (199 positive,
    # 197 negative). The target is recall >= 0.98 and precision >= 0.95; until the detector
    # reaches it (issue #2 stays open), this guards the measured level from falling.
    recall, precision, _, _ = _scores("danger_holdout.yml")
    assert recall >= 0.64
    assert precision >= 0.94


def test_sets_are_large_and_disjoint() -> None:
    seen: set[str] = set()
    for name in ("danger_dev.yml", "danger_test.yml", "danger_holdout.yml"):
        data = yaml.safe_load((DATA / name).read_text())
        texts = [t.strip().lower() for polarity in data.values() for lang in polarity.values() for t in lang]
        assert not seen & set(texts), name
        seen |= set(texts)
    holdout = yaml.safe_load((DATA / "danger_holdout.yml").read_text())
    assert sum(len(v) for v in holdout["positive"].values()) >= 150
    assert sum(len(v) for v in holdout["negative"].values()) >= 150


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
