"""Relations as they are shown to people: with names, labels and their evidence."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from graph.model import Entity, Evidence, Relation
from graph.store import GraphStore
from ontology import load_ontology

MAX_EVIDENCE = 5  # sentences shown per edge; `evidence_count` keeps the full count


@dataclass
class Edge:
    type: str
    label: str
    head: str
    tail: str
    head_name: str
    tail_name: str
    confidence: float
    evidence_count: int
    evidence: list[Evidence] = field(default_factory=list)


class Names:
    """Entity names for edge views; reads the store only for ids not seen in a walk."""

    def __init__(self, store: GraphStore, known: Mapping[str, Entity] | None = None) -> None:
        self.store = store
        self.entities: dict[str, Entity] = dict(known or {})

    def add(self, entities: Mapping[str, Entity]) -> None:
        self.entities.update(entities)

    def entity(self, entity_id: str) -> Entity:
        if entity_id not in self.entities:
            found = self.store.get_entity(entity_id)
            self.entities[entity_id] = found or Entity(id=entity_id, type="", name=entity_id)
        return self.entities[entity_id]

    def name(self, entity_id: str) -> str:
        return self.entity(entity_id).name


def with_evidence(store: GraphStore, relation: Relation) -> Relation:
    """The relation with its evidence and sources; walks may return bare edges."""
    if relation.evidence and all(ev.source or not ev.doc_id for ev in relation.evidence):
        return relation
    for full in store.relations(relation.head, types=[relation.type], direction="both"):
        if full.key == relation.key:
            return full
    return relation


def edge(store: GraphStore, relation: Relation, names: Names) -> Edge:
    relation = with_evidence(store, relation)
    ranked = sorted(relation.evidence, key=lambda ev: -ev.confidence)
    return Edge(
        type=relation.type,
        label=load_ontology().label(relation.type, "zh"),
        head=relation.head,
        tail=relation.tail,
        head_name=names.name(relation.head),
        tail_name=names.name(relation.tail),
        confidence=round(relation.confidence, 4),
        evidence_count=len(relation.evidence),
        evidence=ranked[:MAX_EVIDENCE],
    )


def other_end(relation: Relation, entity_id: str) -> str:
    return relation.tail if relation.head == entity_id else relation.head


# How a relation reads from either end, for the reasons people see.
_ACTIVE = {"REACHES": "reaches", "PRESENCE_IN": "has a presence in", "LOCATED_IN": "is located in",
           "SISTER_CITY_OF": "is twinned with", "PARTNER_OF": "is a partner of", "OPERATES_ON": "operates on",
           "PRODUCED": "produced", "AFFILIATED_WITH": "works for", "PART_OF": "is part of",
           "PROMOTES": "promotes", "FEATURES": "features"}
_PASSIVE = {"REACHES": "is reached by", "PRESENCE_IN": "hosts", "LOCATED_IN": "is where one finds",
            "OPERATES_ON": "carries the accounts of", "PRODUCED": "was produced by", "AFFILIATED_WITH": "employs",
            "PART_OF": "includes", "PROMOTES": "is promoted by", "FEATURES": "is featured in"}


def phrase(relation: Relation, from_id: str) -> str:
    """The relation read from `from_id`: 'promotes' from its head, 'is promoted by' from its tail."""
    if relation.head == from_id or relation.type not in _PASSIVE:
        return _ACTIVE.get(relation.type, relation.type.lower())
    return _PASSIVE[relation.type]


def walk_text(relations: list[Relation], start: str, names: Names) -> str:
    """'大熊猫 is promoted by 成都传媒集团, which is located in 成都'."""
    text, current = names.name(start), start
    for i, rel in enumerate(relations):
        nxt = other_end(rel, current)
        text += f"{', which' if i else ''} {phrase(rel, current)} {names.name(nxt)}"
        current = nxt
    return text
