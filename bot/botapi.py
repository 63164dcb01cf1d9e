"""PTB's HTTP layer, tolerant of Bot API servers (emulators) that answer unlike Telegram: only
an answer PTB cannot read is repaired, so Telegram's own answers pass unchanged."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from telegram import Message, TelegramObject, Update, User
from telegram.request import BaseRequest, HTTPXRequest, RequestData

logger = logging.getLogger(__name__)

EMPTY_POLL_SECONDS = 1.0  # an empty long poll answered sooner than this waits out the rest
MAX_UNIX_SECONDS = 10**10  # year 2286: a larger message date is in milliseconds


def _method(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def _unreadable(cls: type[TelegramObject], result: dict[str, Any]) -> str | None:
    """Why PTB cannot turn `result` into `cls`, or None when it can."""
    try:
        cls.de_json(result, None)
    except Exception as exc:  # any parse failure: PTB raises TypeError, ValueError, ...
        return f"{type(exc).__name__}: {exc}"[:200]
    return None


def _essentials(method: str, result: dict[str, Any]) -> dict[str, Any]:
    """The fields the bot uses, each kept only if well-formed; the rest dropped."""
    if method == "getMe":  # getMe describes the bot itself
        name = result.get("username")
        return {
            "id": result.get("id"),
            "is_bot": True,
            "first_name": str(result.get("first_name") or "bot"),
            "username": name if isinstance(name, str) else None,
        }
    raw_chat = result.get("chat")
    chat: dict[str, Any] = raw_chat if isinstance(raw_chat, dict) else {}
    date = result.get("date")
    if not isinstance(date, int) or not 0 <= date < MAX_UNIX_SECONDS:
        date = int(time.time())  # e.g. milliseconds, or missing
    return {
        "message_id": result.get("message_id"),
        "date": date,
        "chat": {"id": chat.get("id"), "type": str(chat.get("type") or "private")},
    }


def repair_result(method: str, result: object) -> tuple[object, str | None]:
    """The result PTB can parse (a bot user for getMe, a message for sends, True for a null
    edit) and why it was repaired; Telegram's own answers come back unchanged, with None."""
    if method.startswith("edit") and result is None:
        return True, "null result"  # the Bot API answers an edit with the message or True
    if not isinstance(result, dict):
        return result, None
    cls: type[TelegramObject] | None = None
    if method == "getMe":
        cls = User
    elif method.startswith(("send", "edit")) and isinstance(result.get("message_id"), int):
        cls = Message
    reason = _unreadable(cls, result) if cls is not None else None
    return (result, None) if reason is None else (_essentials(method, result), reason)


def _repair_callback(update: dict[str, Any]) -> dict[str, Any]:
    """A button press the review handler can use: it needs only `from` and `data`."""
    query = update.get("callback_query")
    if not isinstance(query, dict):
        return update
    query = {"chat_instance": "", **query}
    message = query.get("message")
    if isinstance(message, dict) and _unreadable(Message, message) is not None:
        del query["message"]  # e.g. without message_id or date
    return {**update, "callback_query": query}


def repair_updates(updates: list[Any]) -> tuple[list[Any], str | None]:
    """Updates PTB can parse; one it cannot is repaired or else emptied to its update_id, so
    polling moves past it instead of fetching it again and again (with every later update)."""
    kept: list[Any] = []
    reason: str | None = None
    for update in updates:
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            reason = reason or "an update without update_id"
            continue
        why = _unreadable(Update, update)
        if why is None:
            kept.append(update)
            continue
        reason = reason or why
        repaired = _repair_callback(update)
        if repaired is not update and _unreadable(Update, repaired) is None:
            kept.append(repaired)
        else:
            logger.warning("skipping update %d that cannot be read: %s", update["update_id"], why)
            kept.append({"update_id": update["update_id"]})
    return kept, reason


class TolerantRequest(HTTPXRequest):
    """HTTPXRequest whose answers are repaired before PTB parses them (see `repair_result`);
    an error answered without Telegram's "description" gets the server's own message as one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._told: set[str] = set()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        started = time.monotonic()
        code, payload = await super().do_request(
            url,
            method,
            request_data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        try:
            answer = json.loads(payload)
        except ValueError:
            return code, payload  # PTB reports an answer that is not JSON
        if not isinstance(answer, dict):
            return code, payload
        name = _method(url)
        if not 200 <= code <= 299:
            message = answer.get("message")
            if not answer.get("description") and isinstance(message, str):
                answer["description"] = f"{message[:200]} ({code})"
                return code, json.dumps(answer).encode()
            return code, payload
        result = answer.get("result")
        if name == "getUpdates" and result == []:
            await _wait_out_empty_poll(request_data, started)
            return code, payload
        repaired: object
        if name == "getUpdates" and isinstance(result, list):
            repaired, reason = repair_updates(result)
        else:
            repaired, reason = repair_result(name, result)
        if reason is None:
            return code, payload
        if name not in self._told:  # once per method: the server answers it so every time
            self._told.add(name)
            logger.warning(
                "the Bot API answered %s in a shape python-telegram-bot cannot read (%s); "
                "using only what the bot needs from it",
                name,
                reason,
            )
        return code, json.dumps({**answer, "result": repaired}).encode()


async def _wait_out_empty_poll(request_data: RequestData | None, started: float) -> None:
    """A server that answers a long poll at once would otherwise be polled in a busy loop."""
    params = request_data.parameters if request_data is not None else {}
    timeout = params.get("timeout")
    if not isinstance(timeout, int | float) or timeout <= 0:
        return  # a short poll (PTB's last one at shutdown) is meant to return at once
    rest = min(float(timeout), EMPTY_POLL_SECONDS) - (time.monotonic() - started)
    if rest > 0:
        await asyncio.sleep(rest)
