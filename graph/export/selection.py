"""Which part of the graph an export holds, as re-iterable streams.

Every format reads a `Selected`: entities first, then relations, each an
iterator it may walk once per pass. A whole-graph selection streams from the
store on every pass (filters need only sets of ids), so exporting a million
entities never holds the graph in memory; a selection seeded by entities,
places or documents is small and is materialised once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from graph.model import Entity, Evidence, Relation, Subgraph
from graph.query.resolve import resolve_entity, resolve_location
from graph.store import GraphStore
from ontology import load_ontology


class SelectionError(ValueError):
    """A selection names an unknown type or a document the store does not hold
    (an unknown entity or place raises `graph.query.UnknownEntity`)."""


@dataclass(frozen=True)
class Selection:
    """What to export. Seeds (`around`, `places`, `documents`) are united; the type,
    evidence and confidence filters then narrow whatever the seeds (or the whole graph) gave.

    `places`: countries, world regions or places (id, name, alias or ISO code); a region
    brings its member countries; everything with a relation to one of them is selected.
    """

    around: tuple[str, ...] = ()
    hops: int = 1
    fanout: int = 50
    entity_types: tuple[str, ...] = ()
    relation_types: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    min_evidence: int = 0
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        onto = load_ontology()
        for name in self.entity_types:
            if name not in onto.entity_types:
                raise SelectionError(f"unknown entity type {name!r}; known: {', '.join(sorted(onto.entity_types))}")
        for name in self.relation_types:
            if name not in onto.relation_types:
                raise SelectionError(
                    f"unknown relation type {name!r}; known: {', '.join(sorted(onto.relation_types))}"
                )
        if self.hops < 0:
            raise SelectionError("hops must be ≥ 0")

    @property
    def seeded(self) -> bool:
        return bool(self.around or self.places or self.documents)

    @property
    def filters_relations(self) -> bool:
        """True when only entities joined by a kept relation belong in the export."""
        return bool(self.relation_types or self.min_evidence > 0 or self.min_confidence > 0)

    def keeps_relation(self, relation: Relation) -> bool:
        return (
            (not self.relation_types or relation.type in self.relation_types)
            and len(relation.evidence) >= self.min_evidence
            and relation.confidence >= self.min_confidence
        )

    def keeps_entity_type(self, entity: Entity) -> bool:
        return not self.entity_types or entity.type in self.entity_types


@dataclass
class Selected:
    """A selected subgraph: `entities()` and `relations()` may each be called once per
    pass; every relation's ends are among the entities."""

    entities: Callable[[], Iterator[Entity]]
    relations: Callable[[], Iterator[Relation]]
    bounded: bool = False  # materialised in memory (small), or streamed from the store

    @classmethod
    def of(cls, entities: Iterable[Entity], relations: Iterable[Relation]) -> Selected:
        """A materialised selection (tests, already-built subgraphs)."""
        ents, rels = list(entities), list(relations)
        return cls(lambda: iter(ents), lambda: iter(rels), bounded=True)


def select(store: GraphStore, selection: Selection | None = None) -> Selected:
    selection = selection or Selection()
    if selection.seeded:
        return _bounded(_seed_subgraph(store, selection), selection)
    return _streamed(store, selection)


# -- whole graph, streamed ---------------------------------------------------------
def _streamed(store: GraphStore, sel: Selection) -> Selected:
    allowed: set[str] | None = None
    if sel.entity_types:
        allowed = {e.id for e in store.iter_entities() if sel.keeps_entity_type(e)}

    def keeps(r: Relation) -> bool:
        return sel.keeps_relation(r) and (allowed is None or (r.head in allowed and r.tail in allowed))

    touched: set[str] | None = None
    if sel.filters_relations:
        touched = set()
        for r in store.iter_relations():
            if keeps(r):
                touched.update((r.head, r.tail))

    def entities() -> Iterator[Entity]:
        for e in store.iter_entities():
            if sel.keeps_entity_type(e) and (touched is None or e.id in touched):
                yield e

    def relations() -> Iterator[Relation]:
        return (r for r in store.iter_relations() if keeps(r))

    return Selected(entities, relations, bounded=False)


# -- seeded, materialised ------------------------------------------------------------
def _bounded(sub: Subgraph, sel: Selection) -> Selected:
    ents = {i: e for i, e in sub.entities.items() if sel.keeps_entity_type(e)}
    rels = [r for r in sub.relations if r.head in ents and r.tail in ents and sel.keeps_relation(r)]
    if sel.filters_relations:
        touched = {end for r in rels for end in (r.head, r.tail)}
        ents = {i: e for i, e in ents.items() if i in touched}
    return Selected.of(ents.values(), rels)


def _seed_subgraph(store: GraphStore, sel: Selection) -> Subgraph:
    merged = _Merger()
    if sel.around:
        seeds = [resolve_entity(store, ref) for ref in sel.around]
        merged.add(store.neighbourhood(
            [s.id for s in seeds], hops=sel.hops, entity_types=sel.entity_types or None,
            relation_types=sel.relation_types or None, fanout=sel.fanout,
        ))
    for ref in sel.places:
        for place in _place_and_members(store, resolve_location(store, ref)):
            merged.add_entity(place)
            for r in store.relations(place.id, types=sel.relation_types or None):
                merged.add_relation(r)
    for doc_id in sel.documents:
        graph = store.document_graph(doc_id)
        if graph is None:
            raise SelectionError(f"no document {doc_id!r} in the store")
        merged.add(Subgraph({e.id: e for e in graph.entities}, graph.relations))
    merged.fetch_missing(store)
    return merged.subgraph()


def _place_and_members(store: GraphStore, place: Entity) -> list[Entity]:
    """The place, and for a world region its member countries, as far as the store holds them."""
    ids = [place.id]
    if place.type == "WorldRegion":
        from extractors.geo import region_members

        ids += sorted(region_members(place.id))
    return [e for e in map(store.get_entity, ids) if e is not None]


class _Merger:
    """Unites subgraphs: one entity per id, one relation per key with the union of evidence."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self.evidence: dict[tuple[str, str, str], dict[Evidence, None]] = {}

    def add(self, sub: Subgraph) -> None:
        for entity in sub.entities.values():
            self.add_entity(entity)
        for relation in sub.relations:
            self.add_relation(relation)

    def add_entity(self, entity: Entity) -> None:
        self.entities.setdefault(entity.id, entity)

    def add_relation(self, relation: Relation) -> None:
        self.relations.setdefault(relation.key, relation)
        self.evidence.setdefault(relation.key, {}).update(dict.fromkeys(relation.evidence))

    def fetch_missing(self, store: GraphStore) -> None:
        """Relations of a place reach entities no seed brought: read them once."""
        for key in self.relations:
            for end in key[1:]:
                if end not in self.entities:
                    entity = store.get_entity(end)
                    if entity is not None:
                        self.entities[end] = entity

    def subgraph(self) -> Subgraph:
        relations = [
            Relation(r.type, r.head, r.tail, list(self.evidence[key])) for key, r in self.relations.items()
        ]
        return Subgraph(dict(self.entities), relations)
