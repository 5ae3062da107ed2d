from __future__ import annotations

import pytest

from bot.language import detect_language


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
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["ok", "ja", "yes", "Zwolle", "0800-2000", "", "   ", "🙂🙂"])
def test_short_messages_keep_the_previous_language(text: str) -> None:
    assert detect_language(text) is None


def test_other_languages_are_not_mistaken_for_english() -> None:
    assert detect_language("ich werde zu Hause geschlagen und habe Angst") is None
