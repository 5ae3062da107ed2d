"""bot.rasa_server: Rasa's CLI with the action-reply schema checked once, not on every call."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from bot import rasa_server
from bot.scale import cluster
from bot.stack import Ports, commands, stack_environment
from tests.support import ROOT

STOCK = RemoteAction._validate_action_result

REPLIES: list[dict[str, Any]] = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "place", "value": "Zwolle"}], "responses": [{"text": "hoi"}]},
    {"events": [{"event": "followup", "name": "action_listen"}]},
    {"events": "not a list"},
    {"events": [{"event": "slot"}]},
    {"events": [{"event": "no_such_event"}]},
    {"responses": "not a list"},
]


def _verdict(validate: Any, reply: dict[str, Any]) -> tuple[bool, str]:
    action = RemoteAction("action_test", EndpointConfig("http://127.0.0.1:1/webhook"))
    try:
        return validate(action, reply), ""
    except ValidationError as error:
        return False, error.message


@pytest.mark.parametrize("reply", REPLIES)
def test_replies_are_judged_exactly_as_stock_rasa_judges_them(reply: dict[str, Any]) -> None:
    assert _verdict(rasa_server._validate_action_result, reply) == _verdict(STOCK, reply)


def test_an_invalid_reply_still_names_the_docs() -> None:
    ok, message = _verdict(rasa_server._validate_action_result, {"events": "not a list"})
    assert not ok and "Failed to validate Action server response" in message


def test_apply_replaces_the_check_in_this_process_only_when_called(monkeypatch) -> None:
    monkeypatch.setattr(RemoteAction, "_validate_action_result", STOCK)
    rasa_server.apply()
    assert RemoteAction._validate_action_result is rasa_server._validate_action_result


def test_both_profiles_start_rasa_through_it(tmp_path) -> None:
    ports = Ports(rasa=1, actions=2, web=3)
    single = commands(ROOT, ports, stack_environment(ROOT, ports, tmp_path / "t.db"))["rasa"]
    topology = cluster.Topology()
    env = cluster.environment(ROOT, topology, cluster.Storage())
    several = cluster.commands(ROOT, topology, env, tmp_path)
    for command in (single, several["rasa-1"], several["rasa-2"]):
        assert command[1:4] == ["-m", "bot.rasa_server", "run"]
