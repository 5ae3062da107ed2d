"""The reply of last resort: what every channel sends when the assistant itself fails.

Sourced in data/directory/hotlines.yml (alarmnummer_112, veilig_thuis); checked by
tests/test_response_facts.py. Bilingual, because when this is needed we may not know
the conversation's language.
"""

from __future__ import annotations

SAFETY_NET_TEXT = (
    "Er ging iets mis aan onze kant. Direct gevaar? Bel 112. "
    "Veilig Thuis: 0800-2000 (gratis, dag en nacht).\n"
    "Something went wrong on our side. In danger right now? Call 112. "
    "Veilig Thuis: 0800-2000 (free, day and night)."
)


def safety_net_message(recipient_id: str) -> dict[str, str]:
    """The safety-net reply in the shape Rasa's collecting channels use."""
    return {"recipient_id": recipient_id, "text": SAFETY_NET_TEXT}

# The answer to a retried message that was already handled (a server stopped before it could
# answer, see bot/channels/rest.py): the conversation goes on, and the help lines are there.
ALREADY_RECEIVED_TEXT = (
    "Je bericht was al bij mij aangekomen. Typ gerust verder. Direct gevaar? Bel 112. "
    "Veilig Thuis: 0800-2000 (gratis, dag en nacht).\n"
    "Your message had already reached me. Go on typing. In danger right now? Call 112. "
    "Veilig Thuis: 0800-2000 (free, day and night)."
)
