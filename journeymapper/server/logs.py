"""Keep the session's tokens out of the log.

`access_log=False` silences uvicorn's HTTP access lines, but every uvicorn WebSocket
protocol still logs each handshake at INFO on "uvicorn.error" with the path and its
query string (`127.0.0.1:5 - "WebSocket /ws?token=…" [accepted]`), and the editor logs
INFO to its terminal: anyone reading that output could join as a participant, or with
the facilitator's token run the session. This filter rewrites such records with the
token's value replaced, and lets them through (the line still says a socket came).
"""

from __future__ import annotations

import logging
import re

TOKEN = re.compile(r"(token=)[^&\s\"']+")
HIDDEN = r"\1[hidden]"
LOGGERS = ("uvicorn.error", "uvicorn.access", "websockets.server", "websockets.client")


class HideTokens(logging.Filter):
    """Replaces `token=<value>` in a record's message with `token=[hidden]`."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "token=" in message:
            record.msg, record.args = TOKEN.sub(HIDDEN, message), None
        return True


_FILTER = HideTokens()


def hide_tokens() -> None:
    """Put the filter on the loggers the servers' libraries write to (once)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
