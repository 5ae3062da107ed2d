"""Set a message's intent for sure: what our rule-based components do when they know better."""

from __future__ import annotations

from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

# The classifier's own guesses stay in the ranking (the clarify menu uses them), scaled down so
# that the FallbackClassifier never reads "1.0 vs 0.99" as an ambiguous prediction.
OTHERS_SCALE = 0.5


def override_intent(message: Message, intent: str) -> None:
    """Make ``intent`` the prediction with confidence 1.0; the classifier's ranking follows it."""
    chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
    others = [
        {**r, PREDICTED_CONFIDENCE_KEY: (r.get(PREDICTED_CONFIDENCE_KEY) or 0.0) * OTHERS_SCALE}
        for r in message.get(INTENT_RANKING_KEY) or []
        if r.get(INTENT_NAME_KEY) != intent
    ]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *others], add_to_output=True)
