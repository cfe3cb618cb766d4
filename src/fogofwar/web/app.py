"""The HTTP API and the web page over a ledger (FastAPI).

JSON: ``GET /events``, ``/clusters``, ``/clusters/{id}``, ``/claims``, ``/tallies``, ``/articles``,
``/articles/{id}`` with filters and ``limit``/``offset`` pagination (OpenAPI description at
``/openapi.json``; no ``/docs``, whose script would come from a CDN); ``POST /articles`` annotates and stores an
article when the server is writable (bearer token).
HTML: ``/`` (map, timeline, events), ``/page/clusters/{id}`` (claims board), ``/page/articles/{id}`` (the article
with its extracted items); each page's JSON twin is the route without ``/page``.

Each request opens its own connection to the ledger (SQLite connections are not shared across threads); every
filter reaches SQL as a parameter through ``fogofwar.ledger.queries``.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from fogofwar import __version__
from fogofwar.errors import FogOfWarError, LedgerUnavailable
from fogofwar.export.gather import gather
from fogofwar.ledger import queries, store_records
from fogofwar.ledger.store import Store
from fogofwar.web import pages
from fogofwar.web.security import MAX_BODY_BYTES, BodyLimit, SecurityHeaders, token_matches

#: Rows a listing returns unless asked, and the most it returns in one page.
DEFAULT_PAGE, MAX_PAGE = 50, 500

#: The longest article text ``POST /articles`` accepts, in characters.
MAX_ARTICLE_CHARS = 500_000


@dataclass
class Settings:
    """How the app was started: the ledger, whether it accepts writes, the token, CORS origins, the body limit."""

    db: str | None = None
    writable: bool = False
    token: str | None = None
    cors_origins: list[str] = field(default_factory=list)
    max_body: int = MAX_BODY_BYTES
    annotator: Any = None  # a loaded fogofwar.pipeline.Annotator to reuse; loaded on the first upload when None

    def to_dict(self) -> dict[str, Any]:
        """The settings a worker process needs (all but the loaded annotator), as JSON values."""
        return {name: getattr(self, name) for name in WORKER_SETTINGS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from ``to_dict``'s output."""
        return cls(**{name: data[name] for name in WORKER_SETTINGS if name in data})


#: The settings handed to worker processes: every field but the annotator, which each worker loads itself.
WORKER_SETTINGS = ("db", "writable", "token", "cors_origins", "max_body")


#: Environment variable through which ``fogofwar serve --workers N`` hands its settings to each worker process.
SETTINGS_ENV = "FOGOFWAR_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``fogofwar serve --workers N``, configured from ``SETTINGS_ENV``."""
    raw = os.environ.get(SETTINGS_ENV)
    if not raw:
        raise FogOfWarError(f"{SETTINGS_ENV} is not set: start the workers with `fogofwar serve --workers N`")
    return create_app(Settings.from_dict(json.loads(raw)))


class ArticleIn(BaseModel):
    """An article to annotate and store."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS, description="the article's text")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="publication date, ISO")
    outlet: str | None = Field(None, max_length=200)
    headline: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows per page")]
Offset = Annotated[int, Query(ge=0, description="rows skipped (pagination)")]


#: Connections to the ledger kept open between requests. A warm connection skips the connect, the pragmas and the
#: migration check, and keeps SQLite's page cache (a fresh one read every page again: 8 ms instead of 1 for a place
#: search of a 100k-article ledger); 16 covers the requests a 2-core server works on at once.
IDLE_STORES = 16


class StorePool:
    """Open Stores of one ledger: a request takes an idle one (or opens one) and gives it back when done; one whose
    database failed under it is closed, not given back. Each Store serves one request at a time."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self._idle: list[Store] = []
        self._lock = threading.Lock()

    def take(self) -> Store:
        """An idle Store, or a new one."""
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return Store(self.db)

    def give_back(self, store: Store) -> None:
        """Keep ``store`` for the next request, or close it when enough are idle."""
        with self._lock:
            if len(self._idle) < IDLE_STORES:
                self._idle.append(store)
                return
        store.close()


def open_store(request: Request) -> Iterator[Store]:
    """A connection to the app's ledger for one request (from the app's pool)."""
    pool: StorePool = request.app.state.stores
    opened = pool.take()
    failed = False
    try:
        yield opened
    except LedgerUnavailable:
        failed = True
        raise
    finally:
        if failed:
            opened.close()
        else:
            pool.give_back(opened)


Db = Annotated[Store, Depends(open_store)]


def page(items: list[Any], limit: int, offset: int) -> Response:
    """A page of a listing, serialised here with orjson: the rows are plain JSON values already, and FastAPI's
    generic encoding of a returned dict (validated, then walked value by value) cost three times the query on a page
    of 50 clusters."""
    body = orjson.dumps({"items": items, "limit": limit, "offset": offset, "count": len(items)})
    return Response(body, media_type="application/json")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application over the ledger named in ``settings``."""
    conf = settings or Settings()
    app = FastAPI(
        docs_url=None,  # the interactive docs load their script from a CDN: the page must work offline
        redoc_url=None,
        title="fogofwar",
        version=__version__,
        description="A sourced ledger of war reporting: events, claims, casualty tallies, articles.",
    )
    app.state.settings = conf
    app.state.stores = StorePool(conf.db)
    annotator_lock = threading.Lock()
    annotator_box: list[Any] = [conf.annotator] if conf.annotator is not None else []

    @app.exception_handler(FogOfWarError)
    async def bad_request(request: Request, exc: FogOfWarError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(LedgerUnavailable)
    async def unavailable(request: Request, exc: LedgerUnavailable) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)  # the database failed, not the request

    @app.get(
        "/events",
        response_model=dict[str, Any],
        tags=["events"],
        summary="Event clusters (the same happening across articles)",
    )
    def list_events(
        *,
        db: Db,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        type: str | None = None,
        near: Annotated[str | None, Query(description="LAT,LON,KM")] = None,
        text: str | None = None,
        min_articles: Annotated[int, Query(ge=1)] = 1,
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
    ) -> Response:
        rows = queries.events(
            db,
            since=since,
            until=until,
            country=country,
            type=type,
            near=near,
            text=text,
            min_articles=min_articles,
            limit=limit + offset,
        )
        return page(rows[offset:], limit, offset)

    @app.get(
        "/clusters",
        response_model=dict[str, Any],
        tags=["events"],
        summary="Event clusters in full: mentions, claims, figures, estimates",
    )
    def list_clusters(
        *,
        db: Db,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        type: str | None = None,
        text: str | None = None,
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
    ) -> Response:
        items = gather(db, since=since, until=until, country=country, type=type, text=text, limit=limit, offset=offset)
        return page(items, limit, offset)

    @app.get("/clusters/{cluster_id}", tags=["events"], summary="One event cluster in full")
    def one_cluster(db: Db, cluster_id: str) -> dict[str, Any]:
        return cluster_or_404(db, cluster_id)

    @app.get("/claims", response_model=dict[str, Any], tags=["claims"], summary="Claims: who says what")
    def list_claims(
        *,
        db: Db,
        event: Annotated[str | None, Query(description="an event cluster id")] = None,
        contested: bool = False,
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
    ) -> Response:
        rows = queries.claims(db, event=event, contested=contested, limit=limit + offset)
        return page(rows[offset:], limit, offset)

    @app.get(
        "/tallies",
        response_model=dict[str, Any],
        tags=["tallies"],
        summary="Casualty estimates, or each claimant's figures over time",
    )
    def list_tallies(
        *,
        db: Db,
        side: str | None = None,
        by: Annotated[str | None, Query(pattern="^(day|week)$")] = None,
        scope: Annotated[str | None, Query(pattern="^(incident|cumulative)$")] = None,
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
    ) -> Response:
        rows = queries.tally(db, side=side, by=by, scope=scope)  # type: ignore[arg-type]
        return page(rows[offset : offset + limit], limit, offset)

    @app.get("/articles", response_model=dict[str, Any], tags=["articles"], summary="Stored articles, newest first")
    def list_articles(
        *,
        db: Db,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        text: Annotated[str | None, Query(description="words in the headline")] = None,
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
    ) -> Response:
        return page(pages.articles(db, since=since, until=until, outlet=outlet, text=text, limit=limit, offset=offset),
                    limit, offset)  # fmt: skip

    @app.get("/articles/{article_id}", tags=["articles"], summary="One article: its record and its clusters")
    def one_article(db: Db, article_id: str) -> dict[str, Any]:
        return article_or_404(db, article_id)

    @app.post("/articles", tags=["articles"], status_code=201, summary="Annotate and store an article (token)")
    def post_article(db: Db, body: ArticleIn, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        if not conf.writable:
            raise HTTPException(403, "this server is read-only (start it with `fogofwar serve --writable`)")
        if conf.token is not None and not token_matches(authorization, conf.token):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        from fogofwar.pipeline import Annotator
        from fogofwar.read.text import parse_text

        article = parse_text(body.text, path="<api>", published=body.published)
        import dataclasses

        article = dataclasses.replace(
            article,
            outlet=body.outlet or article.outlet,
            headline=body.headline or article.headline,
            url=body.url or article.url,
        )
        with annotator_lock:
            if not annotator_box:
                annotator_box.append(Annotator())
            record = next(annotator_box[0].annotate([article]))
        report = store_records(db, [record])
        return {"id": record.article.id, "stored": report.stored, "present": report.present,
                "clusters": report.clusters}  # fmt: skip

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        *,
        db: Db,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        type: str | None = None,
    ) -> Response:
        filters = {k: v or None for k, v in (("since", since), ("until", until), ("country", country), ("type", type))}
        return HTMLResponse(pages.index(db, filters, limit=MAX_PAGE))

    @app.get("/page/clusters/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
    def cluster_page(db: Db, cluster_id: str) -> Response:
        return HTMLResponse(pages.cluster(cluster_or_404(db, cluster_id)))

    @app.get("/page/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(db: Db, article_id: str) -> Response:
        return HTMLResponse(pages.article(article_or_404(db, article_id)))

    @app.get("/static/style.css", include_in_schema=False)
    def style() -> Response:
        return Response(pages.stylesheet(), media_type="text/css")

    if conf.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=conf.cors_origins, allow_methods=["GET"])
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=conf.max_body)
    return app


def cluster_or_404(db: Store, cluster_id: str) -> dict[str, Any]:
    """One gathered cluster, or a 404."""
    found = gather(db, cluster_ids=[cluster_id])
    if not found:
        raise HTTPException(404, f"no event cluster {cluster_id!r}")
    return found[0]


def article_or_404(db: Store, article_id: str) -> dict[str, Any]:
    """One stored article, or a 404."""
    try:
        return queries.article(db, article_id)
    except FogOfWarError as exc:
        raise HTTPException(404, str(exc)) from exc
