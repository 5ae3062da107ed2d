"""`rasa data validate --fail-on-warnings`, minus one false alarm.

Rasa warns that a response is "not used in any story or rule" when a form asks it
(utter_ask_<slot>), a custom action sends it, or one of Rasa's default actions does (utter_restart);
all are real uses. This runs Rasa's own
validation, accepts exactly those two cases (the response name must appear in the form's
slots or as a literal in actions/ or bot/), and fails on every other warning.
"""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

from rasa.cli.utils import validate_files
from rasa.shared.importers.importer import TrainingDataImporter

ROOT = Path(__file__).resolve().parent.parent
# Responses Rasa's own default actions send (action_restart, action_back, action_default_fallback).
RASA_DEFAULT_RESPONSES = frozenset({"utter_restart", "utter_back", "utter_default"})
UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule\.")


def used_outside_stories(importer: TrainingDataImporter) -> set[str]:
    domain = importer.get_domain()
    form_questions = {f"utter_ask_{slot}" for form in domain.forms.values() for slot in form["required_slots"]}
    # The actions, and the pure modules that name the responses they send (bot/meldcode.py).
    sources = [*(ROOT / "actions").glob("*.py"), *(ROOT / "bot").rglob("*.py")]
    action_code = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    sent_by_actions = set(re.findall(r"[\"'](utter_\w+)[\"']", action_code))
    return form_questions | sent_by_actions | RASA_DEFAULT_RESPONSES


def main(max_history: int = 5) -> int:
    importer = TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(ROOT / "data")]
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        validate_files(fail_on_warnings=True, max_history=max_history, importer=importer)
    accepted = used_outside_stories(importer)
    problems = []
    for warning in caught:
        message = str(warning.message)
        unused = UNUSED.search(message)
        if unused and unused.group(1) in accepted:
            continue
        if issubclass(warning.category, UserWarning | FutureWarning) and "site-packages" not in warning.filename:
            problems.append(message)
        elif issubclass(warning.category, UserWarning) and warning.filename.endswith("rasa/shared/utils/io.py"):
            problems.append(message)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"data validation: {len(problems)} warning(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
