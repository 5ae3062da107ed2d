"""``python -m bot``: our command line (train, run, web, directory)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Wegwijzer commands")
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train the Rasa model if its inputs changed")
    train.add_argument("--force", action="store_true", help="train even when the model is up to date")
    commands.add_parser("run", help="start actions, Rasa and the web page; Ctrl-C stops all")
    cluster_command = commands.add_parser(
        "cluster", help="2 Rasa + 2 action servers behind nginx on PostgreSQL and Redis; Ctrl-C stops all"
    )
    cluster_command.add_argument(
        "--write-compose-conf", action="store_true", help="only render deploy/compose/nginx.conf from the template"
    )
    web = commands.add_parser("web", help="serve the web page only")
    web.add_argument("--port", type=int, default=8080)
    directory = commands.add_parser("directory", help="load or check the Veilig Thuis directory")
    directory_commands = directory.add_subparsers(dest="directory_command", required=True)
    load = directory_commands.add_parser("load", help="load data/directory into DATABASE_URL (idempotent)")
    load.add_argument("--if-stale", action="store_true", help="only when the database is missing or older")
    directory_commands.add_parser("check", help="check the loaded directory; exit 1 with a list of problems")
    telegram = commands.add_parser("telegram", help="Telegram set-up")
    telegram_commands = telegram.add_subparsers(dest="telegram_command", required=True)
    webhook = telegram_commands.add_parser("set-webhook", help="register the webhook, with its secret, at Telegram")
    webhook.add_argument("url", help="public HTTPS URL of /webhooks/telegram/webhook")
    commands.add_parser("purge", help="delete expired conversations and Telegram message ids now")
    stats_command = commands.add_parser("stats", help="print the anonymous daily counts (small cells suppressed)")
    stats_command.add_argument("--png", type=Path, help="also write a chart to this PNG file")
    args = parser.parse_args(argv)

    if args.command == "purge":
        return _purge()
    if args.command == "stats":
        from bot.privacy import stats

        rows = stats.export()
        print(stats.format_table(rows))
        if args.png:
            stats.write_chart(rows, args.png)
        return 0
    if args.command == "telegram":
        from bot.channels.telegram import SafeTelegramInput, set_webhook

        if not SafeTelegramInput.from_credentials(None).enabled:
            print("set TELEGRAM_TOKEN and TELEGRAM_WEBHOOK_SECRET first", file=sys.stderr)
            return 2
        ok = set_webhook(args.url)
        print("telegram webhook set" if ok else "telegram refused the webhook")
        return 0 if ok else 1

    if args.command == "directory":
        return _directory(args.directory_command, if_stale=getattr(args, "if_stale", False))

    if args.command == "train":
        from bot.training import train_if_stale

        train_if_stale(ROOT, force=args.force)
        return 0
    if args.command == "run":
        from bot.stack import Ports, run_forever

        return run_forever(ROOT, Ports.from_env())
    if args.command == "cluster":
        from bot.scale import cluster
        from bot.stack import supervise

        if args.write_compose_conf:
            (ROOT / cluster.COMPOSE_NGINX_CONF).write_text(cluster.compose_nginx_conf(ROOT))
            return 0
        topology, storage = cluster.Topology.from_env(), cluster.Storage.from_env()
        return supervise(lambda: cluster.start(ROOT, topology, storage), cluster.urls(topology))
    from aiohttp import web as aiohttp_web

    from bot.web.app import create_app

    # No access log: it would keep every visitor's IP address (PRIVACY.md promises it is not kept).
    # WEB_INTERFACE: 0.0.0.0 only inside a container, where the reverse proxy is another host.
    host = os.environ.get("WEB_INTERFACE", "127.0.0.1")
    aiohttp_web.run_app(create_app(), host=host, port=args.port, print=None, access_log=None)
    return 0


def _purge() -> int:
    from sqlalchemy import create_engine, inspect

    from bot.channels.telegram_messages import MessageLog
    from bot.privacy.forget import tracker_store_url
    from bot.privacy.tracker_store import DEFAULT_RETENTION_MINUTES, purge_expired

    engine = create_engine(tracker_store_url(), future=True)
    events = purge_expired(engine, DEFAULT_RETENTION_MINUTES) if inspect(engine).has_table("events") else 0
    messages = MessageLog.from_env().purge()
    print(f"purged {events} expired events and {messages} Telegram message ids older than 48 hours")
    return 0


def _directory(command: str, if_stale: bool) -> int:
    from bot.directory.check import problems
    from bot.directory.database import make_engine
    from bot.directory.loader import is_current, load

    engine = make_engine()
    if command == "load":
        if if_stale and is_current(engine):
            print("directory: up to date")
            return 0
        counts = load(engine)
        print("directory loaded: " + ", ".join(f"{count} {table}" for table, count in counts.items()))
        return 0
    found = problems(engine)
    for problem in found:
        print(problem, file=sys.stderr)
    print(f"directory check: {len(found)} problem(s)" if found else "directory check: ok")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
