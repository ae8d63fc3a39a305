"""The store protocol, and picking a store from a URI.

Both stores (embedded SQLite and Bolt/Neo4j) implement `GraphStore` and pass the
same contract suite (tests/contract). Everything above the stores — ingest,
queries, exports, API — talks to this protocol only. Graph walks (`paths`,
`neighbourhood`) are part of it so that each store runs them where the data is.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path as FsPath
from typing import Literal, Protocol, runtime_checkable

from graph.model import Document, DocumentGraph, Entity, Path, Quantity, Relation, Subgraph

Direction = Literal["out", "in", "both"]
DEFAULT_STORE = "qiao.db"
BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


@runtime_checkable
class GraphStore(Protocol):
    uri: str

    # -- documents: the unit of writing ---------------------------------------
    def add_document(self, graph: DocumentGraph) -> bool:
        """Merge one document's delta in one transaction; False if it was already there."""

    def remove_document(self, doc_id: str) -> bool:
        """Retract a document's evidence, mentions and figures; drop what is left unsupported."""

    def has_document(self, doc_id: str) -> bool: ...

    def get_document(self, doc_id: str) -> Document | None: ...

    def list_documents(self, offset: int = 0, limit: int = 50) -> list[Document]:
        """Documents in ingestion order, without their text."""

    def document_graph(self, doc_id: str) -> DocumentGraph | None:
        """What one document contributed, rebuilt from the store (for push/pull and exports)."""

    # -- entities and facts ---------------------------------------------------
    def get_entity(self, entity_id: str) -> Entity | None: ...

    def search(self, text: str, *, types: Iterable[str] | None = None, limit: int = 20) -> list[Entity]:
        """Entities whose name or alias contains `text` (Chinese or not), best first."""

    def lookup(self, name: str) -> list[Entity]:
        """Entities whose name or an alias equals `name` after `slug` normalisation."""

    def relations(
        self,
        entity_id: str,
        *,
        types: Iterable[str] | None = None,
        direction: Direction = "both",
        limit: int | None = None,
    ) -> list[Relation]:
        """Relations touching an entity, each with all its evidence (sources filled in)."""

    def quantities(self, entity_id: str) -> list[Quantity]: ...

    # -- walks ----------------------------------------------------------------
    def neighbourhood(
        self,
        entity_ids: Iterable[str],
        *,
        hops: int = 1,
        entity_types: Iterable[str] | None = None,
        relation_types: Iterable[str] | None = None,
        fanout: int = 50,
    ) -> Subgraph:
        """Entities within `hops` of the seeds; at most `fanout` edges followed per node."""

    def paths(
        self,
        source: str,
        target: str,
        *,
        max_length: int = 3,
        relation_types: Iterable[str] | None = None,
        k: int = 5,
        fanout: int = 50,
    ) -> list[Path]:
        """Up to `k` shortest simple paths, edges in either direction, hubs capped by `fanout`."""

    # -- whole graph ----------------------------------------------------------
    def stats(self) -> dict[str, object]:
        """{"documents": n, "entities": {type: n}, "relations": {type: n}, "evidence": n, "quantities": n}"""

    def iter_entities(self, batch_size: int = 1000) -> Iterator[Entity]: ...

    def iter_relations(self, batch_size: int = 1000) -> Iterator[Relation]: ...

    def close(self) -> None: ...


def resolve_uri(uri: str | None = None) -> str:
    """The store URI from the argument, `$QIAO_STORE`, `$NEO4J_URI`, or `./qiao.db`."""
    return uri or os.environ.get("QIAO_STORE") or os.environ.get("NEO4J_URI") or DEFAULT_STORE


def open_store(uri: str | None = None) -> GraphStore:
    """A store for a file path / `sqlite:///path` or a `bolt://` / `neo4j://` URI."""
    uri = resolve_uri(uri)
    if uri.startswith(BOLT_SCHEMES):
        from graph.bolt_store import BoltStore

        return BoltStore(uri)
    from graph.sqlite_store import SQLiteStore

    return SQLiteStore(FsPath(uri.removeprefix("sqlite://")))
