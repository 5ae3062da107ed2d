"""The meldcode's afwegingskader (steps 4 and 5): five yes/no questions and where they lead.

Pure routing from data/directory/meldcode.yml (afwegingskader.questions, with its sources):
each answer either decides the outcome or leads to the next question.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

QUESTIONS = ("meldcode_q1", "meldcode_q2", "meldcode_q3", "meldcode_q4", "meldcode_q5")


class Outcome(str, Enum):
    """What the afwegingskader says to do; the value is the response that explains it."""

    CLOSE = "utter_meldcode_close"  # 1 no: no suspicion, close and record it
    REPORT_UNSAFE = "utter_meldcode_report_unsafe"  # 2 yes: acute or structural unsafety
    REPORT = "utter_meldcode_report"  # 3 or 4 no: help not possible or not accepted
    REPORT_AGAIN = "utter_meldcode_report_again"  # 5 no: the help does not bring lasting safety
    CONTINUE_HELP = "utter_meldcode_continue_help"  # 5 yes


# (question, answer) -> the outcome it decides; every other answer goes to the next question.
_DECIDES = {
    ("meldcode_q1", False): Outcome.CLOSE,
    ("meldcode_q2", True): Outcome.REPORT_UNSAFE,
    ("meldcode_q3", False): Outcome.REPORT,
    ("meldcode_q4", False): Outcome.REPORT,
    ("meldcode_q5", False): Outcome.REPORT_AGAIN,
    ("meldcode_q5", True): Outcome.CONTINUE_HELP,
}


def walk(answers: Mapping[str, bool | None]) -> tuple[list[str], Outcome | None]:
    """The questions asked so far plus the next one, and the outcome once it is decided."""
    asked: list[str] = []
    for question in QUESTIONS:
        asked.append(question)
        answer = answers.get(question)
        if answer is None:
            return asked, None
        decided = _DECIDES.get((question, answer))
        if decided:
            return asked, decided
    return asked, None
