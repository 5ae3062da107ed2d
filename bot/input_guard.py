"""What arrives is cleaned before anything reads it: control and invisible characters go, and a
message is cut at MAX_MESSAGE_CHARS (nobody in need writes more; a flood of text costs everyone)."""

from __future__ import annotations

import unicodedata

MAX_MESSAGE_CHARS = 2000
_KEEP = {"\n", "\t"}


def clean_message(text: str) -> tuple[str, bool]:
    """The text to work with, and whether it was cut. Zero-width and control characters are
    removed, so "zw\\u200bolle" is "zwolle" again."""
    normalised = unicodedata.normalize("NFC", text)
    kept = "".join(c for c in normalised if c in _KEEP or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    return kept[:MAX_MESSAGE_CHARS], len(kept) > MAX_MESSAGE_CHARS
