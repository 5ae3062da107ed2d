"""Start the action server, Rasa and the web page as one unit; stop all on Ctrl-C.

Used by ``make run`` and by the integration tests, so both run exactly the same stack.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.training import model_path


@dataclass(frozen=True)
class Ports:
    rasa: int = 5005
    actions: int = 5055
    web: int = 8080

    @classmethod
    def from_env(cls) -> Ports:
        return cls(
            rasa=int(os.environ.get("RASA_PORT", cls.rasa)),
            actions=int(os.environ.get("ACTIONS_PORT", cls.actions)),
            web=int(os.environ.get("WEB_PORT", cls.web)),
        )


def stack_environment(root: Path, ports: Ports, tracker_db: Path | None = None) -> dict[str, str]:
    """Environment for all three services: embedded SQLite under var/, no telemetry."""
    (root / "var").mkdir(exist_ok=True)
    env = dict(os.environ)
    env["ACTION_ENDPOINT_URL"] = f"http://127.0.0.1:{ports.actions}/webhook"
    env["RASA_PORT"] = str(ports.rasa)  # the web page reaches Rasa's socket.io through its own origin
    env["TRACKER_DB"] = str(tracker_db or os.environ.get("TRACKER_DB") or root / "var" / "tracker.db")
    env.setdefault("WEB_ORIGIN", f"http://localhost:{ports.web}")
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env["SQLALCHEMY_SILENCE_UBER_WARNING"] = "1"
    env["PYTHONPATH"] = str(root)
    env.setdefault("SANIC_REQUEST_MAX_SIZE", str(1_000_000))  # a larger body gets 413, not a worker busy for long
    return env


DEBUG_LOGS_ENV = "WEGWIJZER_DEBUG_LOGS"
DEBUG_WARNING = (
    "WARNING: WEGWIJZER_DEBUG_LOGS is set: Rasa and the actions log at debug level, which writes what "
    "people type into the logs. Never use this with real conversations."
)


def _debug(env: dict[str, str]) -> list[str]:
    # Message text reaches the logs only at debug level, and only on this explicit switch.
    return ["--debug"] if env.get(DEBUG_LOGS_ENV) == "1" else []


def rasa_command(root: Path, port: int, env: dict[str, str], endpoints: str = "endpoints.yml") -> list[str]:
    """One Rasa server, as every profile starts it (bot.rasa_server: Rasa's CLI with its speed fix)."""
    return [
        sys.executable, "-m", "bot.rasa_server", "run",
        "--model", str(model_path(root)),
        "--port", str(port),
        "--credentials", "credentials.yml",
        "--endpoints", endpoints,
        "--cors", env["WEB_ORIGIN"],
        # Public traffic comes in through a reverse proxy (or the web page's own path).
        "--interface", env.get("RASA_INTERFACE", "127.0.0.1"),
        *_debug(env),
    ]


def actions_command(port: int, env: dict[str, str]) -> list[str]:
    return [sys.executable, "-m", "bot.actions_server", "--port", str(port), *_debug(env)]


def web_command(port: int) -> list[str]:
    return [sys.executable, "-m", "bot", "web", "--port", str(port)]


def commands(root: Path, ports: Ports, env: dict[str, str]) -> dict[str, list[str]]:
    return {
        "actions": actions_command(ports.actions, env),
        "rasa": rasa_command(root, ports.rasa, env),
        "web": web_command(ports.web),
    }


def urls(ports: Ports) -> dict[str, str]:
    return {
        "actions": f"http://127.0.0.1:{ports.actions}/health",
        "rasa": f"http://127.0.0.1:{ports.rasa}/webhooks/rest/webhook",
        "web": f"http://127.0.0.1:{ports.web}/",
    }


def start(
    root: Path, ports: Ports, *, quiet: bool = False, tracker_db: Path | None = None, log: Path | None = None
) -> dict[str, subprocess.Popen[bytes]]:
    """Start the three services; `log` collects all their output in one file (tests read it)."""
    env = stack_environment(root, ports, tracker_db)
    if env.get(DEBUG_LOGS_ENV) == "1":
        print(DEBUG_WARNING, file=sys.stderr, flush=True)
    output = log.open("ab") if log else subprocess.DEVNULL if quiet else None
    # Each service in its own process group, so Ctrl-C reaches us first and we stop them in order.
    return {
        name: subprocess.Popen(cmd, cwd=root, env=env, stdout=output, stderr=output, start_new_session=True)
        for name, cmd in commands(root, ports, env).items()
    }


def stop(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    for process in processes.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def run_forever(root: Path, ports: Ports) -> int:
    """Start everything, print one line per service, return when one stops or on Ctrl-C."""
    return supervise(lambda: start(root, ports), urls(ports))


def supervise(start_all: Callable[[], dict[str, subprocess.Popen[bytes]]], addresses: dict[str, str]) -> int:
    """Run `start_all`'s processes until one stops or Ctrl-C; then stop them all."""
    # A shell that starts us in the background ignores SIGINT for us; Ctrl-C and a
    # supervisor's SIGTERM must both stop the whole stack, never leave it orphaned.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    processes: dict[str, subprocess.Popen[bytes]] = {}
    try:
        processes = start_all()
        for name, url in addresses.items():
            print(f"{name:16s} {url}", flush=True)
        print("Ctrl-C stops all.", flush=True)
        while all(process.poll() is None for process in processes.values()):
            time.sleep(0.5)
        failed = [name for name, process in processes.items() if process.poll() is not None]
        print(f"stopped: {', '.join(failed)} exited; stopping the rest", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(processes)
