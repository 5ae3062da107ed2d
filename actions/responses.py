"""Read a response's text from the domain the action server receives, in the user's language."""

from __future__ import annotations

from typing import Any


def variation(domain: dict[str, Any], response: str, language: str) -> dict[str, Any]:
    """The variation of ``response`` whose ``language`` condition matches, else the default."""
    variations = domain.get("responses", {}).get(response, [])
    default: dict[str, Any] = {}
    for candidate in variations:
        conditions = candidate.get("condition") or []
        if not conditions:
            default = default or candidate
        elif all(c.get("name") == "language" and c.get("value") == language for c in conditions):
            return candidate
    return default


def text(domain: dict[str, Any], response: str, language: str, **values: str) -> str:
    """The response's text in ``language`` with its {placeholders} filled in."""
    return variation(domain, response, language).get("text", "").format(**values)
