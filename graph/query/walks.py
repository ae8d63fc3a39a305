"""Paths, neighbourhoods and search as people see them: resolved ends, names, evidence."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.model import Entity
from graph.query.edges import Edge, Names, edge
from graph.query.resolve import resolve_entity
from graph.store import GraphStore
from ontology import load_ontology

MAX_HOPS = 3
MAX_PATH_LENGTH = 5


@dataclass
class PathView:
    nodes: list[Entity]
    edges: list[Edge]
    length: int


@dataclass
class PathsResult:
    source: Entity
    target: Entity
    paths: list[PathView]


@dataclass
class NeighbourhoodResult:
    seeds: list[Entity]
    entities: list[Entity] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def check_types(entity_types: Iterable[str] | None, relation_types: Iterable[str] | None) -> None:
    """Unknown type names are a user error (ValueError), not an empty answer."""
    onto = load_ontology()
    try:
        for name in entity_types or ():
            onto.entity_type(name)
        for name in relation_types or ():
            onto.relation_type(name)
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None


def paths(store: GraphStore, source: str, target: str, *, max_length: int = 3, k: int = 5,
          relation_types: Iterable[str] | None = None) -> PathsResult:
    relation_types = list(relation_types) if relation_types else None
    check_types(None, relation_types)
    if not 1 <= max_length <= MAX_PATH_LENGTH:
        raise ValueError(f"max_length must be between 1 and {MAX_PATH_LENGTH}")
    src, dst = resolve_entity(store, source), resolve_entity(store, target)
    names = Names(store, {src.id: src, dst.id: dst})
    found = store.paths(src.id, dst.id, max_length=max_length, relation_types=relation_types, k=k)
    views = [PathView([names.entity(n) for n in p.nodes], [edge(store, r, names) for r in p.relations], len(p))
             for p in found]
    return PathsResult(src, dst, views)


def neighbourhood(store: GraphStore, refs: Iterable[str], *, hops: int = 1, entity_types: Iterable[str] | None = None,
                  relation_types: Iterable[str] | None = None, fanout: int = 50) -> NeighbourhoodResult:
    entity_types = list(entity_types) if entity_types else None
    relation_types = list(relation_types) if relation_types else None
    check_types(entity_types, relation_types)
    if not 1 <= hops <= MAX_HOPS:
        raise ValueError(f"hops must be between 1 and {MAX_HOPS}")
    seeds = [resolve_entity(store, ref) for ref in refs]
    sub = store.neighbourhood([s.id for s in seeds], hops=hops, entity_types=entity_types,
                              relation_types=relation_types, fanout=fanout)
    names = Names(store, sub.entities)
    seed_ids = {s.id for s in seeds}
    entities = seeds + sorted((e for e in sub.entities.values() if e.id not in seed_ids), key=lambda e: (e.type, e.name))
    return NeighbourhoodResult(seeds, entities, [edge(store, r, names) for r in sub.relations])


def search(store: GraphStore, text: str, *, types: Iterable[str] | None = None, limit: int = 20) -> list[Entity]:
    types = list(types) if types else None
    check_types(types, None)
    return store.search(text, types=types, limit=limit)
