"""The afwegingskader's routing over all 32 yes/no combinations, and the form that asks it."""

from __future__ import annotations

import itertools

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.meldcode import ActionMeldcodeOutcome, ValidateAfwegingskaderForm
from bot.meldcode import QUESTIONS, Outcome, walk
from tests.conftest import make_tracker


def expected(answers: tuple[bool, ...]) -> tuple[int, Outcome]:
    """The meldcode's routing written out as the source states it (meldcode.yml, afwegingskader)."""
    q1, q2, q3, q4, q5 = answers
    if not q1:
        return 1, Outcome.CLOSE
    if q2:
        return 2, Outcome.REPORT_UNSAFE
    if not q3:
        return 3, Outcome.REPORT
    if not q4:
        return 4, Outcome.REPORT
    return 5, (Outcome.CONTINUE_HELP if q5 else Outcome.REPORT_AGAIN)


ALL = list(itertools.product((True, False), repeat=5))


@pytest.mark.parametrize("answers", ALL)
async def test_the_form_asks_only_what_the_answers_lead_to(answers: tuple[bool, ...], domain: dict) -> None:
    asked_count, outcome = expected(answers)
    given: dict[str, bool] = {}
    asked: list[str] = []
    form = ValidateAfwegingskaderForm()
    while True:
        tracker = make_tracker(**given)
        required = await form.required_slots(list(QUESTIONS), CollectingDispatcher(), tracker, domain)
        missing = [slot for slot in required if given.get(slot) is None]
        if not missing:
            break
        asked.append(missing[0])
        given[missing[0]] = answers[QUESTIONS.index(missing[0])]
    assert asked == list(QUESTIONS[:asked_count])

    dispatcher = CollectingDispatcher()
    events = await ActionMeldcodeOutcome().run(dispatcher, make_tracker(**given), domain)
    assert [m["response"] for m in dispatcher.messages] == [outcome.value]
    assert {e["name"]: e["value"] for e in events} == dict.fromkeys(QUESTIONS)


def test_all_32_combinations_are_covered() -> None:
    assert len(ALL) == 32
    assert {walk(dict(zip(QUESTIONS, a, strict=True)))[1] for a in ALL} == set(Outcome)


def test_every_outcome_names_veilig_thuis_and_a_next_step(domain: dict) -> None:
    for outcome in Outcome:
        for variation in domain["responses"][outcome.value]:
            assert "0800-2000" in variation["text"] and variation.get("buttons"), outcome
