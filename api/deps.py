"""What routes get injected: settings from the environment, the store, the write guard.

One store per app, opened on first use and closed with the app.
"""
from __future__ import annotations

import os
import secrets
import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

from graph.store import GraphStore, open_store, resolve_uri


@dataclass
class Settings:
    store_uri: str
    api_token: str = ""
    max_upload_mb: float = 20.0
    cors_origins: list[str] = field(default_factory=list)

    @classmethod
    def from_env(cls, store_uri: str | None = None) -> Settings:
        origins = os.environ.get("QIAO_CORS_ORIGINS", "")
        return cls(
            store_uri=resolve_uri(store_uri),
            api_token=os.environ.get("QIAO_API_TOKEN", ""),
            max_upload_mb=float(os.environ.get("QIAO_MAX_UPLOAD_MB", "20")),
            cors_origins=[o.strip() for o in origins.split(",") if o.strip()],
        )

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


class StoreHolder:
    """The app's store, opened on first use so that creating an app never touches the
    database; stores are safe to share between the threads routes run in."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self._lock = threading.Lock()
        self._store: GraphStore | None = None

    def get(self) -> GraphStore:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.uri)
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> GraphStore:
    return request.app.state.store.get()


def require_token(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Write routes need `Authorization: Bearer <QIAO_API_TOKEN>` when a token is configured."""
    if not settings.api_token:
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip(), settings.api_token):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or wrong bearer token",
                            headers={"WWW-Authenticate": "Bearer"})


Store = Annotated[GraphStore, Depends(get_store)]
AppSettings = Annotated[Settings, Depends(get_settings)]
WriteAccess = Depends(require_token)
