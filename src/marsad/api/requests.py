"""Reading request bodies safely: size limit, JSON only, strict article records, bearer tokens.

A body larger than the limit is refused before it is read when it declares its length, and
cut off with the same 413 when it does not (chunked uploads). JSON must be an object with
known fields of the right types; anything else is a 400 in the one error shape.
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.api.errors import ApiError, error_response
from marsad.document import Article, Source
from marsad.errors import Rejected
from marsad.ingest.records import check_date

MAX_BODY = 2 * 1024 * 1024  # bytes; an Arabic news article is rarely over 100 KB
MAX_ARTICLES = 100  # per ingest request
ARTICLE_FIELDS = {"text", "html", "published", "url", "outlet", "id"}
_ID = re.compile(r"[\w.:@+-]{1,200}")


def too_large(limit: int) -> ApiError:
    return ApiError(
        413, "payload_too_large", f"the request body is larger than {limit} bytes", {"limit": limit}
    )


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes with a 413 in the error shape."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
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
                    declared = -1
                if declared < 0:
                    resp = error_response(400, "bad_request", "invalid Content-Length header")
                    await resp(scope, receive, send)
                    return
                if declared > self.limit:
                    err = too_large(self.limit)
                    resp = error_response(
                        err.status, err.code, err.message, err.details, {"Connection": "close"}
                    )
                    await resp(scope, receive, send)
                    return
        seen = 0
        limit = self.limit

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise too_large(limit)  # raised inside the endpoint: its handler answers
            return message

        await self.app(scope, counted, send)


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def host_name(header: str) -> str:
    """The host of a ``Host`` header value, without its port, lower case (``[::1]:80`` → ``::1``)."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1 : h.index("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


class HostCheck:
    """ASGI middleware: answer 421 to a request whose ``Host`` is not one of ``hosts``.

    A page on any web site can make the browser of someone running ``marsad serve`` on their
    own machine send requests to 127.0.0.1 under the site's own name (DNS rebinding), and read
    the answers: the corpus, and with a token in the page, writes. Checking the Host header
    closes that; a server bound to a public address names its public host names with
    ``--allow-host``. A request without a Host header (HTTP/1.0) is refused too."""

    def __init__(self, app: ASGIApp, hosts: tuple[str, ...]) -> None:
        self.app = app
        self.hosts = frozenset(host_name(h) for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.hosts:
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        if host_name(host) not in self.hosts:
            resp = error_response(
                421, "unknown_host", f"this server does not answer for host {host!r}",
                {"allowed": sorted(self.hosts)},
            )  # fmt: skip
            await resp(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def read_json(request: Request) -> Any:
    """The JSON body of a request (which must say it is JSON)."""
    ctype = request.headers.get("content-type", "")
    if ctype.split(";")[0].strip().lower() != "application/json":
        raise ApiError(
            415,
            "unsupported_media_type",
            "send the body as JSON with 'Content-Type: application/json'",
            {"content_type": ctype[:100]},
        )
    body = await request.body()
    if not body.strip():
        raise ApiError(400, "invalid_json", "the request body is empty; expected a JSON object")
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise ApiError(
            400, "invalid_json", "the request body is not UTF-8", {"position": exc.start}
        ) from exc
    except json.JSONDecodeError as exc:
        raise ApiError(
            400,
            "invalid_json",
            f"the request body is not valid JSON: {exc.msg}",
            {"line": exc.lineno, "column": exc.colno},
        ) from exc
    except (RecursionError, ValueError) as exc:
        raise ApiError(400, "invalid_json", "the request body is not valid JSON", {}) from exc


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _field_error(field: str, message: str) -> ApiError:
    return ApiError(400, "invalid_body", message, {"field": field})


def article_from_json(record: Any, where: str = "body") -> Article:
    """A strict article record → :class:`Article` (HTML is reduced to its main text)."""
    if not isinstance(record, Mapping):
        raise ApiError(400, "invalid_body", f"the {where} must be a JSON object", {"field": where})
    unknown = sorted(set(record) - ARTICLE_FIELDS)
    if unknown:
        raise ApiError(
            400,
            "unknown_field",
            f"unknown field(s) in the {where}: {', '.join(unknown)[:200]}",
            {"unknown": unknown[:20], "allowed": sorted(ARTICLE_FIELDS)},
        )
    has_text, has_html = record.get("text") is not None, record.get("html") is not None
    if has_text == has_html:
        raise _field_error("text", f"the {where} needs exactly one of 'text' or 'html'")
    for key in ("text", "html", "url", "outlet", "id", "published"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise _field_error(key, f"'{key}' must be a string, not {type(value).__name__}")
    for key in ("url", "outlet"):
        if len(record.get(key) or "") > 2000:
            raise _field_error(key, f"'{key}' is longer than 2000 characters")
    doc_id = record.get("id") or None
    if doc_id is not None and not _ID.fullmatch(doc_id):
        raise _field_error("id", "'id' must be 1-200 letters, digits or . : @ + - _")
    try:
        published = check_date(record.get("published"), "published")
    except Rejected as exc:
        raise _field_error("published", exc.detail or "published must be YYYY-MM-DD") from exc
    url = record.get("url") or None
    outlet = record.get("outlet") or None
    if has_text:
        text = record["text"]
    else:
        from marsad.ingest.html import extract

        try:
            page = extract(record["html"], url=url)
        except Rejected as exc:
            raise ApiError(
                422,
                "rejected",
                f"no article text in the HTML: {exc.detail}",
                {"reason": exc.reason},
            ) from exc
        text = page.text
        url = url or page.url
        outlet = outlet or page.sitename
        published = published or page.date
    if not text.strip():
        raise _field_error("text", "the article text is empty")
    return Article(text=text, source=Source(url=url, outlet=outlet, published=published), id=doc_id)


def check_token(request: Request, token: str) -> None:
    """Bearer token check for write routes: 401 without credentials, 403 with wrong ones."""
    header = request.headers.get("authorization")
    challenge = {"WWW-Authenticate": 'Bearer realm="marsad"'}
    if not header:
        raise ApiError(
            401,
            "unauthorized",
            "this route writes; send 'Authorization: Bearer TOKEN'",
            {},
            challenge,
        )
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401,
            "unauthorized",
            "use the Bearer scheme: 'Authorization: Bearer TOKEN'",
            {},
            challenge,
        )
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise ApiError(403, "forbidden", "the token is not valid for this server", {})
