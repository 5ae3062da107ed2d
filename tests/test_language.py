from __future__ import annotations

import pytest

from bot.language import detect


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik word thuis geslagen", "nl"),
        ("hoe laat gaat de supermarkt open", "nl"),
        ("mijn vriend checkt de hele dag mijn telefoon", "nl"),
        ("my boyfriend hits me", "en"),
        ("are you a real person?", "en"),
        ("can i talk to a person", "en"),
    ],
)
def test_clear_messages_get_their_language(text: str, expected: str) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize("text", ["ok", "ja", "yes", "Zwolle", "0800-2000", "", "   ", "🙂🙂"])
def test_short_messages_keep_the_previous_language(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich werde zu Hause geschlagen und habe Angst", "de"),
        ("mon mari me frappe et j'ai peur de rentrer", "fr"),
        ("mi marido me pega y tengo miedo", "es"),
        ("kocam bana vuruyor ve çok korkuyorum", "tr"),
        ("mój mąż mnie bije i boję się wrócić do domu", "pl"),
        ("мій чоловік мене б'є і я боюся", "uk"),
        ("زوجي يضربني وأنا خائفة جدا", "ar"),
    ],
)
def test_other_languages_are_recognised_not_mistaken_for_english(text: str, expected: str) -> None:
    assert detect(text) == expected


def _examples() -> tuple[list[str], list[str]]:
    import yaml

    from tests.conftest import ROOT

    other, dutch_english = [], []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text())["nlu"]:
            texts = [line.strip()[2:] for line in block["examples"].splitlines() if line.strip()]
            (other if block["intent"] == "other_language" else dutch_english).extend(texts)
    return other, dutch_english


def test_no_dutch_or_english_training_example_is_taken_for_another_language() -> None:
    _, dutch_english = _examples()
    wrong = [text for text in dutch_english if detect(text) not in (None, "nl", "en")]
    assert len(dutch_english) > 2500 and wrong == []


def test_messages_in_other_languages_are_recognised() -> None:
    other, _ = _examples()
    found = sum(detect(text) not in (None, "nl", "en") for text in other)
    assert found / len(other) >= 0.95
