"""Rasa's own command line (`python -m bot.rasa_server run ...`), with one measured fix applied.

Rasa 3.6 checks every action server reply with ``jsonschema.validate(result, schema)``.
That call first validates the *schema itself* against the JSON Schema meta-schema, on every
action call: 130 ms of CPU per call here, more than half the time of a whole turn (profiled
with cProfile over `make bench`'s conversation). The schema is a constant, so we check it once
and keep the validator; replies are validated exactly as before, with the same error.

`make run`, `make run-cluster` and deploy/ start Rasa through this module. Anything else
(`rasa test`, `rasa shell`) runs stock Rasa, which behaves the same, only slower.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _validator().validate(result)
        return True
    except ValidationError as error:
        # The same message Rasa adds, so its logs read the same.
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error


def apply() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


def main() -> None:
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
