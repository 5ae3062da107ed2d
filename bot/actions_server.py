"""The rasa-sdk action server, locked down: it listens on 127.0.0.1 only (ACTIONS_INTERFACE to
change that for a cluster) and allows no cross-origin browser calls. rasa-sdk's own entry point
binds 0.0.0.0 with CORS for every origin; only Rasa itself ever needs to reach the actions."""

from __future__ import annotations

import argparse
import logging
import os

from rasa_sdk.endpoint import create_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.actions_server")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTIONS_PORT", "5055")))
    parser.add_argument("--debug", action="store_true", help="debug logging (writes message text; see stack.py)")
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    app = create_app("actions", cors_origins=[])
    app.run(host=os.environ.get("ACTIONS_INTERFACE", "127.0.0.1"), port=args.port, access_log=False)


if __name__ == "__main__":
    main()
