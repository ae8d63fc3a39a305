"""Property-based run of every operation in the OpenAPI schema: no input makes the server fail.

Bounded (5 derandomised examples per operation) so the suite stays fast; the store
is the hand-built sample graph, so generated queries hit real walks. The schema is
read from an app made at import time (that opens nothing); the module fixture fills
its store and removes it afterwards.
"""
from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from api.app import create_app
from graph.sqlite_store import SQLiteStore
from query_fixtures import load

DB = Path(tempfile.gettempdir()) / f"qiao-schema-{uuid.uuid4().hex}" / "schema.db"  # made by the fixture
APP = create_app(str(DB))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def filled_store():
    store = SQLiteStore(DB)
    load(store)
    store.close()
    yield
    APP.state.store.close()
    shutil.rmtree(DB.parent, ignore_errors=True)


@pytest.fixture(autouse=True)
def open_settings():
    """Other tests may set QIAO_* variables; this app's settings were read at import."""
    APP.state.settings.api_token = ""
    APP.state.settings.max_upload_mb = 1.0


@schema.parametrize()
@settings(max_examples=5, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
