"""The web server's guards: the bearer token for writes, the request size limit, loopback addresses, headers.

- Writing (``POST /articles``) needs the server started writable; when a token is configured (``$FOGOFWAR_TOKEN``
  or a token file), every write must carry ``Authorization: Bearer TOKEN`` (compared in constant time).
- A writable server on an address other than loopback without a token is refused at start (``WebError``).
- A request body larger than ``MAX_BODY_BYTES`` is refused with 413 before it is read into memory.
- Pages carry a Content-Security-Policy that allows no script at all: the pages need none, and an article that
  smuggles markup through the escaping would still run nothing.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fogofwar.errors import WebError

#: The environment variable holding the bearer token for writes.
TOKEN_ENV = "FOGOFWAR_TOKEN"

#: The largest request body accepted, in bytes: a long article is ~100 kB of text; 2 MiB leaves room for JSON.
MAX_BODY_BYTES = 2 * 1024 * 1024

#: A token shorter than this is refused: it could be guessed.
MIN_TOKEN_CHARS = 16

#: Host names that mean the loopback interface.
LOOPBACK_NAMES = ("localhost", "localhost.localdomain")

#: Headers added to every response.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def load_token(token_file: str | Path | None = None) -> str | None:
    """The write token: the first line of ``token_file`` if given, else ``$FOGOFWAR_TOKEN``, else None."""
    if token_file is not None:
        try:
            text = Path(token_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise WebError(f"cannot read the token file {token_file}: {exc.strerror or exc}") from exc
        token: str | None = text.splitlines()[0].strip() if text else ""
    else:
        token = os.environ.get(TOKEN_ENV) or None
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise WebError(f"the write token must be at least {MIN_TOKEN_CHARS} characters long")
    return token


def is_loopback(host: str) -> bool:
    """True when ``host`` is a loopback address or name (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_start(host: str, *, writable: bool, token: str | None) -> None:
    """Refuse to serve writable on a non-loopback address without a token."""
    if writable and token is None and not is_loopback(host):
        raise WebError(
            f"refusing to accept writes on {host} without a token: set ${TOKEN_ENV} or --token-file, "
            "or serve on 127.0.0.1"
        )


def token_matches(header: str | None, token: str) -> bool:
    """True when an Authorization header carries ``Bearer TOKEN`` (constant-time comparison)."""
    if not header:
        return False
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


class BodyLimit:
    """ASGI middleware: answer 413 to a request whose body (declared or streamed) exceeds ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.limit + 1
                if declared > self.limit:
                    await _too_large(send, self.limit)
                    return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLargeError
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLargeError:
            await _too_large(send, self.limit)


class BodyTooLargeError(Exception):
    """A streamed body went over the limit."""


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "request body larger than {limit} bytes"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware adding ``SECURITY_HEADERS`` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
