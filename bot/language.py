"""Which language to answer in: Dutch or English, decided per message.

The detector ships its models inside the wheel (lingua), so nothing is downloaded at run
time. Short messages ("ok", "ja", a town name) say nothing reliable about language, so
for them :func:`detect_language` returns ``None`` and the conversation keeps the language
it had. Languages other than Dutch and English are in the detector only so that German or
French text is not mistaken for English; we answer those in the current language.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from bot.text import normalise

Reply = Literal["nl", "en"]

_REPLY_LANGUAGES: dict[Language, Reply] = {Language.DUTCH: "nl", Language.ENGLISH: "en"}
_CONTRAST = (Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.TURKISH, Language.POLISH, Language.ARABIC)
# Below these, one or two words decide nothing ("ok", "help", "zwolle").
MIN_WORDS = 2
MIN_LETTERS = 8
MIN_CONFIDENCE = 0.6


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Low-accuracy mode uses trigrams only: ~20 MB instead of ~190 MB, and on two or more
    # words it separates Dutch from English as well as the full models in our tests.
    return (
        LanguageDetectorBuilder.from_languages(*_REPLY_LANGUAGES, *_CONTRAST)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


def warm_up() -> None:
    """Load the models now, so the first user does not wait for them."""
    _detector()


def detect_language(text: str) -> Reply | None:
    """Return ``"nl"`` or ``"en"`` when the message clearly is in that language, else ``None``."""
    cleaned = normalise(text)
    if len(cleaned.split()) < MIN_WORDS or sum(c.isalpha() for c in cleaned) < MIN_LETTERS:
        return None
    values = _detector().compute_language_confidence_values(cleaned)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return _REPLY_LANGUAGES.get(values[0].language)
