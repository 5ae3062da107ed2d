"""`make bench`: Wegwijzer under load, and a stock `rasa init` bot on the same machine as the baseline.

Each simulated user holds a realistic multi-turn Dutch conversation over REST (worry, place,
escalation, thanks) as fast as replies come; we report latency percentiles, messages per second,
errors (non-200 or the safety net), peak RSS per process, start-to-first-reply and training time.
Our own aiohttp client is the load generator: it speaks the REST channel directly, like the web
page's server does. Results: reports/bench.json and reports/bench.png. A benchmark, not a test.

`--cluster` also measures the scale-out profile (2 Rasa + 2 action servers behind nginx on
PostgreSQL and Redis, as `make run-cluster`); `--url` only loads a stack that is already running.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.safety_net import SAFETY_NET_TEXT  # noqa: E402 - after the path is set
from bot.stack import Ports, start, stop  # noqa: E402
from tests.support import free_port, loaded_directory  # noqa: E402

CONVERSATION = [
    "ik maak me zorgen om mijn zus, haar man controleert alles",
    "ze woont in Zwolle",
    "ik wil met iemand praten",
    "dank je wel",
]
STOCK_CONVERSATION = ["hello", "I am feeling sad", "yes", "goodbye"]


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc (MB)."""
    total = 0
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


class PeakMemory:
    def __init__(self, pids: dict[str, int]) -> None:
        self.pids, self.peak = pids, dict.fromkeys(pids, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            for name, pid in self.pids.items():
                self.peak[name] = max(self.peak[name], _rss_mb(pid))

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


async def _user(session: aiohttp.ClientSession, url: str, turns: list[str], rounds: int, results: list) -> None:
    for _ in range(rounds):
        sender = uuid.uuid4().hex
        for text in turns:
            began = time.perf_counter()
            try:
                async with session.post(url, json={"sender": sender, "message": text}) as response:
                    body = await response.json(content_type=None)
                    ok = response.status == 200 and bool(body) and body[0].get("text") != SAFETY_NET_TEXT
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                ok = False
            results.append((time.perf_counter() - began, ok))


async def load(url: str, users: int, rounds: int, turns: list[str]) -> dict[str, Any]:
    results: list[tuple[float, bool]] = []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        began = time.perf_counter()
        await asyncio.gather(*(_user(session, url, turns, rounds, results) for _ in range(users)))
        elapsed = time.perf_counter() - began
    latencies = sorted(r[0] * 1000 for r in results)

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 1)

    return {
        "users": users,
        "messages": len(results),
        "errors": sum(1 for _, ok in results if not ok),
        "messages_per_s": round(len(results) / elapsed, 1),
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
    }


def _wait_first_reply(url: str, message: str, deadline_s: float = 300) -> float:
    import urllib.request

    began = time.monotonic()
    while time.monotonic() - began < deadline_s:
        try:
            request = urllib.request.Request(
                url, data=json.dumps({"sender": "probe", "message": message}).encode(),
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                body = json.loads(response.read())
                if body and body[0].get("text") != SAFETY_NET_TEXT:
                    return time.monotonic() - began
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError("no reply")


def measure(
    url: str, pids: dict[str, int], began: float, training: float, levels: list[int], rounds: int, turns: list[str]
) -> dict[str, Any]:
    """First reply (from `began`, the start of the processes), then every load level, watching memory."""
    _wait_first_reply(url, turns[0])
    first_reply = time.monotonic() - began
    with PeakMemory(pids) as memory:
        runs = [asyncio.run(load(url, users, rounds, turns)) for users in levels]
    return {
        "training_s": round(training, 1),
        "first_reply_s": round(first_reply, 1),
        "peak_rss_mb": {k: round(v) for k, v in memory.peak.items()},
        "runs": runs,
    }


def bench_wegwijzer(levels: list[int], rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        state = Path(folder)
        # Training is timed into a temporary folder: models/ (what make run serves) stays as it is.
        training = time.monotonic()
        train = [sys.executable, "-m", "rasa", "train", "--out", str(state), "--fixed-model-name", "bench"]
        cold = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_CACHE_DIRECTORY": str(state / "cache")}  # no cache hits
        subprocess.run(train, cwd=ROOT, check=True, capture_output=True, env=cold)
        training = time.monotonic() - training
        ports = Ports(rasa=free_port(), actions=free_port(), web=free_port())
        # All simulated users share 127.0.0.1: the per-address limit is lifted for the measurement.
        env = {"DATABASE_URL": loaded_directory(state), "RATE_LIMIT_IP": "10000000/1", "RATE_LIMIT_SENDER": "10000/1"}
        os.environ.update(env)
        begun = time.monotonic()
        processes = start(ROOT, ports, quiet=True, tracker_db=state / "tracker.db")
        url = f"http://127.0.0.1:{ports.rasa}/webhooks/rest/webhook"
        try:
            pids = {"rasa": processes["rasa"].pid, "actions": processes["actions"].pid}
            return measure(url, pids, begun, training, levels, rounds, CONVERSATION)
        finally:
            stop(processes)


def bench_cluster(levels: list[int], rounds: int) -> dict[str, Any]:
    """The scale-out profile (make run-cluster) in a database of its own, dropped afterwards."""
    from sqlalchemy import create_engine, text

    from bot.scale import cluster

    admin = create_engine(f"{cluster.Storage.from_env().database_url}", isolation_level="AUTOCOMMIT")
    database = f"wegwijzer_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    topology = cluster.Topology(
        rasa=free_port(), actions=free_port(), web=free_port(),
        rasa_servers=(free_port(), free_port()), action_servers=(free_port(), free_port()),
    )
    os.environ.update({"RATE_LIMIT_IP": "10000000/1", "RATE_LIMIT_SENDER": "10000/1"})
    storage = dataclasses.replace(cluster.Storage.from_env(), pg_database=database)
    try:
        with tempfile.TemporaryDirectory() as folder:
            begun = time.monotonic()
            processes = cluster.start(ROOT, topology, storage, prefix=Path(folder) / "nginx")
            try:
                pids = {name: p.pid for name, p in processes.items() if name.startswith(("rasa-", "actions-"))}
                url = f"http://127.0.0.1:{topology.rasa}/webhooks/rest/webhook"
                result = measure(url, pids, begun, 0.0, levels, rounds, CONVERSATION)
                result.pop("training_s")  # the same model as above, not trained again
                return result
            finally:
                stop(processes)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def bench_url(url: str, levels: list[int], rounds: int) -> dict[str, Any]:
    """A stack that is already running (any profile): load only, no training or memory figures."""
    began = time.monotonic()
    _wait_first_reply(url, CONVERSATION[0])
    return {"url": url, "first_reply_s": round(time.monotonic() - began, 1),
            "runs": [asyncio.run(load(url, users, rounds, CONVERSATION)) for users in levels]}


def bench_stock(levels: list[int], rounds: int) -> dict[str, Any]:
    rasa = [sys.executable, "-m", "rasa"]
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "stock"
        project.mkdir()  # rasa init wants the folder to exist
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "RASA_CACHE_DIRECTORY": str(Path(folder) / "cache")}
        training = time.monotonic()
        init = [*rasa, "init", "--no-prompt", "--init-dir", str(project)]
        subprocess.run(init, env=env, check=True, capture_output=True)
        training = time.monotonic() - training  # `rasa init` trains the stock model
        port = free_port()
        begun = time.monotonic()
        server = subprocess.Popen(
            [*rasa, "run", "--port", str(port), "--interface", "127.0.0.1"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        try:
            return measure(url, {"rasa": server.pid}, begun, training, levels, rounds, STOCK_CONVERSATION)
        finally:
            os.killpg(server.pid, 15)
            server.wait(30)


def plot(report: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for name, colour in (("wegwijzer", "#154273"), ("cluster", "#39870c"), ("stock", "#a4002b")):
        runs = report.get(name, {}).get("runs", [])
        users = [r["users"] for r in runs]
        left.plot(users, [r["messages_per_s"] for r in runs], marker="o", color=colour, label=name)
        right.plot(users, [r["p95_ms"] for r in runs], marker="o", color=colour, label=name)
    left.set(xlabel="concurrent users", ylabel="messages/s", title="Throughput")
    right.set(xlabel="concurrent users", ylabel="p95 latency (ms)", title="Latency")
    for axis in (left, right):
        axis.legend()
        axis.grid(alpha=0.3)
    figure.suptitle(f"{report['machine']} - {report['date']}")
    figure.tight_layout()
    figure.savefig(path)


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench.py")
    parser.add_argument("--users", default="20,50,100", help="concurrency levels")
    parser.add_argument("--rounds", type=int, default=3, help="conversations per user per level")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock rasa init baseline")
    parser.add_argument(
        "--cluster", action="store_true", help="also the scale-out profile (needs nginx, PostgreSQL, Redis)"
    )
    parser.add_argument("--url", help="only load a running stack at this REST webhook URL; prints, writes nothing")
    args = parser.parse_args()
    levels = [int(u) for u in args.users.split(",")]
    if args.url:
        print(json.dumps(bench_url(args.url, levels, args.rounds), indent=2))
        return 0
    report: dict[str, Any] = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "wegwijzer": bench_wegwijzer(levels, args.rounds),
    }
    if args.cluster:
        report["cluster"] = bench_cluster(levels, args.rounds)
    if not args.no_stock:
        report["stock"] = bench_stock(levels, args.rounds)
        ours = {r["users"]: r for r in report["wegwijzer"]["runs"]}
        report["ratios"] = {
            str(r["users"]): round(ours[r["users"]]["messages_per_s"] / r["messages_per_s"], 2)
            for r in report["stock"]["runs"]
            if r["messages_per_s"]
        }
    out = ROOT / "reports"
    out.mkdir(exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, indent=2))
    plot(report, out / "bench.png")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
