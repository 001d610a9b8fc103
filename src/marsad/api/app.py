"""The ASGI application behind ``marsad serve``: the HTTP API and the dashboard, one process.

``create_app(db)`` is read-only: the write route (``POST /api/ingest``) exists only when a
token is given, and checks ``Authorization: Bearer TOKEN`` on every call. ``POST /api/analyze``
analyses posted text without storing it and is always there. Every error, including unknown
paths, wrong methods and malformed input, is answered in the one shape of
:mod:`marsad.api.errors`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad import __version__
from marsad.api import errors, params
from marsad.api.corpus import Corpus
from marsad.api.errors import ApiError
from marsad.api.params import Param, page_params, parse_query
from marsad.api.requests import (
    MAX_ARTICLES,
    MAX_BODY,
    BodyLimit,
    HostCheck,
    article_from_json,
    check_token,
    read_json,
)
from marsad.api.vocab import ENTITY_TYPES, PLOVER, vocab
from marsad.settings import Settings
from marsad.store.browse import EventFilter

log = logging.getLogger(__name__)

_ID = params.pattern(r"[\w.:@+-]{1,200}", "an article id (letters, digits, . : @ + - _)")

EVENT_FILTERS: tuple[Param, ...] = (
    Param(
        "actor",
        params.pattern(r"[A-Z0-9]{3,15}", "a CAMEO actor code such as ISR or IRNGOV", upper=True),
        "CAMEO actor code prefix of the source or target (IRN matches IRNGOV)",
        schema={"type": "string", "pattern": "^[A-Za-z0-9]{3,15}$"},
    ),
    Param(
        "country",
        params.pattern(r"[A-Z]{3}", "an ISO 3166 alpha-3 country code", upper=True),
        "ISO 3166 alpha-3 code of the source, target or place",
        schema={"type": "string", "pattern": "^[A-Za-z]{3}$"},
    ),
    Param(
        "plover",
        params.choice(tuple(PLOVER), upper=True),
        "PLOVER event type",
        schema={"type": "string", "enum": list(PLOVER)},
    ),
    Param(
        "cameo",
        params.pattern(r"[0-9]{2,4}", "a CAMEO code or root of 2-4 digits such as 19"),
        "CAMEO code prefix (root '19' matches 190, 193, 1951)",
        schema={"type": "string", "pattern": "^[0-9]{2,4}$"},
    ),
    Param(
        "since",
        params.date,
        "first event date, inclusive",
        schema={"type": "string", "format": "date"},
    ),
    Param(
        "until",
        params.date,
        "last event date, inclusive",
        schema={"type": "string", "format": "date"},
    ),
    Param(
        "location",
        params.text,
        "part of the place name, or its entity key",
        schema={"type": "string", "maxLength": params.MAX_TEXT},
    ),
    Param(
        "outlet",
        params.text,
        "part of the outlet name",
        schema={"type": "string", "maxLength": params.MAX_TEXT},
    ),
    Param("article", _ID, "only the events of this article", schema={"type": "string"}),
)
FORMAT = Param(
    "format",
    params.choice(("json", "csv", "plover")),
    "json (paged), or csv / plover (every match, as a download)",
    "json",
    {"type": "string", "enum": ["json", "csv", "plover"], "default": "json"},
)


@dataclass(frozen=True)
class Endpoint:
    """One API route, described once for both the router and ``/openapi.json``."""

    method: str
    path: str
    name: str
    summary: str
    query: tuple[Param, ...] = ()
    body: str | None = None  # "article" or "ingest"
    write: bool = False
    responses: dict[str, str] = field(default_factory=dict)  # status → description


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "POST",
        "/api/analyze",
        "analyze",
        "Analyse posted text or HTML and return a marsad.document/1 (nothing is stored)",
        body="article",
        responses={
            "200": "the analysed document",
            "422": "the article was rejected (reason in details)",
        },
    ),
    Endpoint(
        "GET",
        "/api/articles",
        "articles",
        "Stored articles, newest first; with q, Arabic-aware search with highlighted snippets",
        query=(
            Param(
                "q",
                params.text,
                'search words (hamza, diacritics and proclitics do not matter); "a phrase", A OR B, -word',
                schema={"type": "string", "maxLength": params.MAX_TEXT},
            ),
            *page_params(),
        ),
        responses={"200": "a page of articles"},
    ),
    Endpoint(
        "GET",
        "/api/articles/{id}",
        "article",
        "One stored article: the full marsad.document/1 with entities, events and quotes",
        responses={"200": "the document", "404": "no such article"},
    ),
    Endpoint(
        "GET",
        "/api/events",
        "events",
        "Event reports matching the filters; format=csv|plover downloads every match",
        query=(*EVENT_FILTERS, FORMAT, *page_params()),
        responses={"200": "a page of events, or the CSV / PLOVER JSONL export"},
    ),
    Endpoint(
        "GET",
        "/api/events/summary",
        "event_summary",
        "Counts for the dashboard: per quad and type, over time, actor network, places",
        query=EVENT_FILTERS,
        responses={"200": "aggregates over every matching event"},
    ),
    Endpoint(
        "GET",
        "/api/entities",
        "entities",
        "Entities across the corpus with article and mention counts",
        query=(
            Param(
                "type",
                params.choice(tuple(ENTITY_TYPES), upper=True),
                "entity type",
                schema={"type": "string", "enum": list(ENTITY_TYPES)},
            ),
            Param(
                "country",
                params.pattern(r"[A-Z]{3}", "an ISO 3166 alpha-3 country code", upper=True),
                "ISO3 country",
                schema={"type": "string"},
            ),
            Param(
                "q", params.text, "part of the name, or an actor code", schema={"type": "string"}
            ),
            *page_params(),
        ),
        responses={"200": "a page of entities"},
    ),
    Endpoint("GET", "/api/stats", "stats", "Corpus counts", responses={"200": "counts"}),
    Endpoint(
        "GET",
        "/api/vocab",
        "vocab",
        "Labels and PLOVER quads used by the dashboard",
        responses={"200": "the vocabulary"},
    ),
    Endpoint(
        "POST",
        "/api/ingest",
        "ingest",
        "Analyse and store articles (only when the server was started with a token)",
        body="ingest",
        write=True,
        responses={"200": "the ingest summary", "401": "no token sent", "403": "wrong token"},
    ),
)


def static_dir() -> Path:
    return Path(str(resources.files("marsad") / "web" / "static"))


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


class Api:
    """Route handlers bound to one corpus and one optional write token."""

    def __init__(self, corpus: Corpus, token: str | None) -> None:
        self.corpus = corpus
        self.token = token
        self.by_name = {e.name: e for e in ENDPOINTS}

    def query(self, request: Request, name: str) -> dict[str, Any]:
        return parse_query(request.query_params, self.by_name[name].query)

    @staticmethod
    def _filter(values: dict[str, Any]) -> EventFilter:
        since, until = values.get("since"), values.get("until")
        if since and until and since > until:
            raise ApiError(
                400,
                "invalid_parameter",
                "'since' is after 'until'",
                {"since": since, "until": until},
            )
        return EventFilter(**{p.name: values.get(p.name) for p in EVENT_FILTERS})

    async def analyze(self, request: Request) -> Response:
        self.query(request, "analyze")
        record = await read_json(request)
        article = await run_in_threadpool(article_from_json, record)
        return _json(await run_in_threadpool(self.corpus.analyze, article))

    async def articles(self, request: Request) -> Response:
        v = self.query(request, "articles")
        return _json(
            await run_in_threadpool(self.corpus.articles, v["q"], v["page"], v["page_size"])
        )

    async def article(self, request: Request) -> Response:
        self.query(request, "article")
        doc_id = _ID("id", request.path_params["id"])
        return _json(await run_in_threadpool(self.corpus.article, doc_id))

    async def events(self, request: Request) -> Response:
        v = self.query(request, "events")
        f = self._filter(v)
        if v["format"] == "json":
            return _json(await run_in_threadpool(self.corpus.events, f, v["page"], v["page_size"]))
        body = await run_in_threadpool(self.corpus.events_export, f, v["format"])
        if v["format"] == "csv":
            return Response(
                body,
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="events.csv"'},
            )
        return Response(
            body,
            media_type="application/x-ndjson; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.plover.jsonl"'},
        )

    async def event_summary(self, request: Request) -> Response:
        f = self._filter(self.query(request, "event_summary"))
        return _json(await run_in_threadpool(self.corpus.event_summary, f))

    async def entities(self, request: Request) -> Response:
        v = self.query(request, "entities")
        return _json(
            await run_in_threadpool(
                self.corpus.entities, v["type"], v["country"], v["q"], v["page"], v["page_size"]
            )
        )

    async def stats(self, request: Request) -> Response:
        self.query(request, "stats")
        data = await run_in_threadpool(self.corpus.stats)
        data["writable"] = self.token is not None
        data["version"] = __version__
        return _json(data)

    async def vocab(self, request: Request) -> Response:
        self.query(request, "vocab")
        return _json(vocab())

    async def ingest(self, request: Request) -> Response:
        assert self.token is not None
        check_token(request, self.token)  # before anything about the body is revealed
        self.query(request, "ingest")
        payload = await read_json(request)
        if isinstance(payload, dict) and "articles" in payload:
            extra = sorted(set(payload) - {"articles"})
            if extra:
                raise ApiError(
                    400,
                    "unknown_field",
                    f"unknown field(s): {', '.join(extra)[:200]}",
                    {"unknown": extra[:20], "allowed": ["articles"]},
                )
            records = payload["articles"]
            if not isinstance(records, list) or not records:
                raise ApiError(
                    400,
                    "invalid_body",
                    "'articles' must be a non-empty list of article objects",
                    {"field": "articles"},
                )
        else:
            records = [payload]
        if len(records) > MAX_ARTICLES:
            raise ApiError(
                400,
                "too_many_articles",
                f"at most {MAX_ARTICLES} articles per request",
                {"limit": MAX_ARTICLES},
            )
        # every record is checked before anything is stored: a bad one changes nothing
        articles = [
            await run_in_threadpool(article_from_json, r, f"articles[{i}]")
            for i, r in enumerate(records)
        ]
        return _json(await run_in_threadpool(self.corpus.ingest, articles))

    # -- documents ------------------------------------------------------------------------------

    async def openapi(self, request: Request) -> Response:
        from marsad.api.openapi import openapi_document

        parse_query(request.query_params, ())
        return _json(openapi_document(ENDPOINTS, writable=self.token is not None))

    async def index(self, request: Request) -> Response:
        parse_query(request.query_params, ())
        return FileResponse(static_dir() / "index.html", media_type="text/html; charset=utf-8")

    async def favicon(self, request: Request) -> Response:
        return FileResponse(static_dir() / "favicon.svg", media_type="image/svg+xml")

    def routes(self) -> list[Route | Mount]:
        out: list[Route | Mount] = [
            Route("/", self.index, methods=["GET"]),
            Route("/favicon.ico", self.favicon, methods=["GET"]),
            Route("/openapi.json", self.openapi, methods=["GET"]),
        ]
        for e in ENDPOINTS:
            if e.write and self.token is None:
                continue  # read-only server: the write route does not exist at all
            out.append(Route(e.path, getattr(self, e.name), methods=[e.method], name=e.name))
        out.append(Mount("/static", app=StaticFiles(directory=static_dir()), name="static"))
        return out


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class SecurityHeaders:
    """Headers that keep the dashboard to its own origin (nothing loads from elsewhere)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"content-security-policy", CSP.encode("ascii")),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(
    db: Settings | str | Path,
    token: str | None = None,
    *,
    max_body: int = MAX_BODY,
    settings: Settings | None = None,
    hosts: tuple[str, ...] | None = None,
) -> Starlette:
    """The API and dashboard over the database ``db`` (a path, or Settings whose ``db`` is used).

    Without ``token`` the app never writes. With it, ``POST /api/ingest`` stores articles for
    requests that carry ``Authorization: Bearer <token>``. ``hosts`` are the host names the
    server answers for (see :class:`marsad.api.requests.HostCheck`; ``("*",)`` for any); left
    out, any host is answered — ``marsad serve`` always passes them.
    """
    if isinstance(db, Settings):
        settings = settings or db
        db_path = db.db
    else:
        db_path = str(db)
    if token is not None and not token.strip():
        raise ValueError("the write token must not be empty")
    corpus = Corpus(db_path, settings)
    api = Api(corpus, token)
    app = Starlette(routes=api.routes())
    errors.install(app)
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)
    if hosts is not None:
        app.add_middleware(HostCheck, hosts=hosts)
    app.state.corpus = corpus
    app.state.writable = token is not None
    log.info("marsad api over %s (%s)", db_path, "writable" if token else "read-only")
    return app
