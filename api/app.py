"""The HTTP API: `create_app()` builds it; `qiao serve` runs it with uvicorn.

Routers are thin (parse, call graph.query / the store, wrap in api.schemas);
the store comes from a dependency (api.deps), its URI from `create_app(store_uri)`
or `$QIAO_STORE`. Every error is JSON `{"detail": "..."}` with its status.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from api.deps import Settings, StoreHolder
from api.routers import documents, entities, export, maps, meta, queries, web
from graph.query import UnknownEntity


def create_app(store_uri: str | None = None) -> FastAPI:
    settings = Settings.from_env(store_uri)
    holder = StoreHolder(settings.store_uri)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        holder.close()

    app = FastAPI(
        title="Qiao 桥 API",
        description="Who can carry a story where: a knowledge graph of reports on international communication.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = holder
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["*"],
                           allow_headers=["*"])
    _install_errors(app)
    for router in (meta.router, documents.router, entities.router, queries.router, maps.router, export.router):
        app.include_router(router, prefix="/api")
    web.install(app)
    return app


def _install_errors(app: FastAPI) -> None:
    """Bad input is 422 with a readable sentence; an unknown entity is 404."""

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
        return JSONResponse({"detail": "; ".join(parts) or "invalid request"}, status_code=422)

    @app.exception_handler(UnknownEntity)
    async def unknown(_: Request, exc: UnknownEntity) -> JSONResponse:
        return JSONResponse({"detail": str(exc.args[0]) if exc.args else "unknown entity"}, status_code=404)

    @app.exception_handler(ValueError)
    async def bad_value(_: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)
