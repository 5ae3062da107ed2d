"""``python -m bot``: our command line (train, run, web)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Wegwijzer commands")
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train the Rasa model if its inputs changed")
    train.add_argument("--force", action="store_true", help="train even when the model is up to date")
    commands.add_parser("run", help="start actions, Rasa and the web page; Ctrl-C stops all")
    web = commands.add_parser("web", help="serve the web page only")
    web.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)

    if args.command == "train":
        from bot.training import train_if_stale

        train_if_stale(ROOT, force=args.force)
        return 0
    if args.command == "run":
        from bot.stack import Ports, run_forever

        return run_forever(ROOT, Ports.from_env())
    from aiohttp import web as aiohttp_web

    from bot.web.app import create_app

    aiohttp_web.run_app(create_app(), host="127.0.0.1", port=args.port, print=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
