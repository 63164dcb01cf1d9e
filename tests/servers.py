"""Real HTTP servers on 127.0.0.1 for tests: a feed server and a fake Telegram Bot API."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.feeds.netguard import parse_networks

# The test servers listen on 127.0.0.1: tests allow exactly that address, and put anything the
# guard must refuse on another loopback address (127.0.0.2), which Linux routes to lo as well.
ALLOWED_LOOPBACK = "127.0.0.1/32"
LOOPBACK = parse_networks(ALLOWED_LOOPBACK)
FORBIDDEN_HOST = "127.0.0.2"


async def listen(app: web.Application, host: str = "127.0.0.1") -> tuple[web.AppRunner, int]:
    """Serve app on host at a free port; returns the runner (to clean up) and the port."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    conditional: bool = True  # answer 304 to a matching If-None-Match
    trickle: float = 0.0  # seconds between single bytes (a server that never quite finishes)
    endless: bool = False  # stream the body again and again, chunked, without Content-Length
    encode: str | None = None  # "gzip" | "deflate": compress the body, say so in Content-Encoding
    redirect: str | None = None  # answer 302 with this Location
    hold: asyncio.Event | None = None  # answer only once this is set (a host that hangs)


class FeedServer:
    """Serves feed XML from memory; counts requests; ETag/Last-Modified like a polite server."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.conditional_hits: dict[str, int] = {}
        self.bytes_sent: dict[str, int] = {}
        self.streams_ended: dict[str, int] = {}  # streamed answers over (done or hung up on)
        self._runner: web.AppRunner | None = None
        self.port = 0

    def set(self, path: str, body: bytes | str, **kwargs: Any) -> str:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=raw, **kwargs)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] = self.hits.get(path, 0) + 1
        route = self.routes.get(path)
        if route is None:
            return web.Response(status=404, text="not found")
        if route.delay:
            await asyncio.sleep(route.delay)
        if route.hold is not None:
            await route.hold.wait()
        etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
        conditional = route.conditional and route.status == 200
        if conditional and request.headers.get("If-None-Match") == etag:
            self.conditional_hits[path] = self.conditional_hits.get(path, 0) + 1
            return web.Response(status=304, headers={"ETag": etag})
        headers = {"ETag": etag, "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"}
        if route.redirect is not None:
            return web.Response(status=302, headers={"Location": route.redirect})
        body = route.body
        if route.encode == "gzip":
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        elif route.encode == "deflate":
            body = zlib.compress(body)
            headers["Content-Encoding"] = "deflate"
        headers.update(route.headers)
        if route.trickle or route.endless:
            return await self._stream(request, route, body, headers)
        return web.Response(
            status=route.status,
            body=body,
            headers={**headers, "Content-Type": route.content_type},
        )

    async def _stream(
        self, request: web.Request, route: Route, body: bytes, headers: dict[str, str]
    ) -> web.StreamResponse:
        response = web.StreamResponse(
            status=route.status, headers={**headers, "Content-Type": route.content_type}
        )
        response.enable_chunked_encoding()
        await response.prepare(request)
        path = request.path
        try:
            while True:
                if route.trickle:
                    for i in range(len(body)):
                        if request.transport is None or request.transport.is_closing():
                            return response
                        await response.write(body[i : i + 1])
                        self.bytes_sent[path] = self.bytes_sent.get(path, 0) + 1
                        await asyncio.sleep(route.trickle)
                else:
                    if request.transport is None or request.transport.is_closing():
                        return response
                    await response.write(body)
                    self.bytes_sent[path] = self.bytes_sent.get(path, 0) + len(body)
                    await asyncio.sleep(0)
                if not route.endless:
                    break
            await response.write_eof()
        except ConnectionError:
            pass  # the client hung up, as it should when a body is too large or too slow
        finally:
            self.streams_ended[path] = self.streams_ended.get(path, 0) + 1
        return response

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner, self.port = await listen(app, self.host)

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()


BOT_USER = {"id": 999000, "is_bot": True, "first_name": "powwatch", "username": "powwatch_bot"}


class FakeBotAPI:
    """Answers the Bot API methods the bot uses and records every call.

    `fail(method, status, description, retry_after=None, times=1)` queues error answers.
    `push_update(update)` queues an update for getUpdates.
    `add_file(file_id, content)` makes a file available to getFile and its download URL.
    `latency[method] = seconds` answers that method late (the call is recorded on arrival).
    `down = True` makes every method fail with 502, like a network outage behind a proxy.
    `chats["@name"] = id` lets getChat resolve a channel's public name.
    `emulator = True` answers like the npm emulator telegram-test-api (see `_emulated`).
    `polls` counts getUpdates calls.
    """

    def __init__(self, token: str = "123456:TEST-token-abcdefghijklmnopqrstuv") -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.failures: dict[str, list[tuple[int, str, int | None]]] = {}
        self.latency: dict[str, float] = {}
        self.down = False
        self.updates: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._update_id = 0
        self._message_id = 100
        self.files: dict[str, bytes] = {}
        self.chats: dict[str, int] = {}  # "@name" -> numeric id, for getChat
        self.uploads: list[tuple[str, bytes]] = []  # (file name, content) of sent documents
        self.emulator = False
        self.polls = 0
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    def fail(
        self,
        method: str,
        status: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        self.failures.setdefault(method, []).extend([(status, description, retry_after)] * times)

    def add_file(self, file_id: str, content: bytes) -> None:
        self.files[file_id] = content

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        path = request.match_info["path"]
        self.calls.append(("download", {"path": path}))
        content = self.files.get(path.rsplit("/", 1)[-1])
        if content is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=content, content_type="application/octet-stream")

    def push_update(self, update: dict[str, Any]) -> int:
        self._update_id += 1
        update = {**update, "update_id": self._update_id}
        self.updates.put_nowait(update)
        return self._update_id

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data: dict[str, Any] = await request.json()
            return data
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                self.uploads.append((value.filename, value.file.read()))
                value.file.seek(0)
            text = value if isinstance(value, str) else str(value)
            try:
                params[key] = json.loads(text) if text[:1] in "[{" else text
            except ValueError:
                params[key] = text
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        if token != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        params = await self._params(request)
        if self.down:
            return web.json_response(
                {"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502
            )
        if method != "getUpdates":
            self.calls.append((method, params))
        else:
            self.polls += 1
        if self.emulator:
            return self._emulated(method, params)
        if self.latency.get(method):
            await asyncio.sleep(self.latency[method])
        queued = self.failures.get(method)
        if queued:
            status, description, retry_after = queued.pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
            if retry_after is not None:
                body["parameters"] = {"retry_after": retry_after}
            return web.json_response(body, status=status)
        result = await self._result(method, params)
        if result is None:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
            return web.json_response(body, status=400)
        return web.json_response({"ok": True, "result": result})

    async def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "getChat":
            raw = str(params.get("chat_id", ""))
            chat_id = self.chats.get(raw) or (int(raw) if raw.lstrip("-").isdigit() else 0)
            if not chat_id:
                return None  # _handle answers 400 "chat not found"
            return {
                "id": chat_id,
                "type": "channel",
                "title": "Alerts",
                "username": raw[1:],
                "accent_color_id": 0,
                "max_reaction_count": 11,
            }
        if method == "getFile":
            file_id = str(params.get("file_id", ""))
            return {
                "file_id": file_id,
                "file_unique_id": f"u-{file_id}",
                "file_size": len(self.files.get(file_id, b"")),
                "file_path": f"documents/{file_id}",
            }
        if method == "getUpdates":
            timeout = float(params.get("timeout", 0) or 0)
            updates: list[dict[str, Any]] = []
            try:
                first = await asyncio.wait_for(
                    self.updates.get(), timeout=min(timeout, 1.0) or 0.01
                )
                updates.append(first)
            except TimeoutError:
                return []
            while not self.updates.empty():
                updates.append(self.updates.get_nowait())
            return updates
        if method in ("sendMessage", "editMessageText", "sendDocument", "sendPhoto"):
            if method != "editMessageText":
                self._message_id += 1
            chat_id = params.get("chat_id")
            return {
                "message_id": int(params.get("message_id") or self._message_id),
                "date": 1700000000,
                "chat": {
                    "id": int(chat_id) if str(chat_id).lstrip("-").isdigit() else -1,
                    "type": "channel",
                },
                "text": params.get("text", ""),
            }
        return True

    def _emulated(self, method: str, params: dict[str, Any]) -> web.Response:
        """telegram-test-api 4.2's answers: no is_bot in getMe, a sent message that echoes the
        request's form fields with its date in milliseconds, null for edits and button answers,
        getUpdates without long polling, and HTTP 500 {"message": ...} for any other method."""
        result: Any
        if method == "getMe":
            result = {"username": "TestNameBot", "first_name": "Test First name", "id": 666}
        elif method == "getUpdates":
            result = []
            while not self.updates.empty():
                result.append(self.updates.get_nowait())
        elif method == "sendMessage":
            self._message_id += 1
            raw = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
            result = {
                **raw,
                "reply_markup": params.get("reply_markup"),
                "message_id": self._message_id,
                "date": 1700000000123,
                "chat": {"id": int(params["chat_id"]), "first_name": "Bot", "type": "private"},
            }
        elif method in ("editMessageText", "editMessageReplyMarkup", "answerCallbackQuery"):
            result = None
        elif method in ("deleteMessage", "setWebhook", "deleteWebhook"):
            result = True
        else:
            message = f"API method '{method}' is not supported. Are you sure ...?"
            return web.json_response({"message": message}, status=500)
        return web.json_response({"ok": True, "result": result})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("POST", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._download)
        self._runner, self.port = await listen(app)

    @property
    def open_connections(self) -> int:
        """Client connections still open, or closed with their handler still running."""
        server = self._runner.server if self._runner else None
        return len(server.connections) if server else 0

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()
