"""The web page's settings, from the environment (see README, "Website")."""

from __future__ import annotations

import os
from dataclasses import dataclass

# A neutral site the quick exit goes to: a weather forecast looks like nothing.
DEFAULT_EXIT_URL = "https://www.knmi.nl/nederland-nu/weer/verwachtingen"


@dataclass(frozen=True)
class WebSettings:
    rasa_url: str  # where the socket.io channel runs; the page reaches it through our own origin
    exit_url: str = DEFAULT_EXIT_URL
    # Who may embed the page in a frame (CSP frame-ancestors), e.g. "https://www.gemeente.nl".
    frame_ancestors: str = "'none'"

    @classmethod
    def from_env(cls) -> WebSettings:
        rasa_port = os.environ.get("RASA_PORT", "5005")
        return cls(
            rasa_url=os.environ.get("RASA_URL") or f"http://127.0.0.1:{rasa_port}",
            exit_url=os.environ.get("WEB_EXIT_URL") or DEFAULT_EXIT_URL,
            frame_ancestors=os.environ.get("WEB_FRAME_ANCESTORS") or "'none'",
        )
