"""The attributes every export format writes for an entity or a relation.

Formats differ only in how they spell these records (XML attributes, JSON,
CSV columns, Cypher maps, RDF triples), so that a Gephi user and a Neo4j user
see the same names, the same ontology labels and the same evidence.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from graph.model import Entity, Evidence, Relation
from ontology import load_ontology

# Keys of the node record that an entity's own attrs may not overwrite.
NODE_KEYS = frozenset({"id", "name", "label", "type", "type_zh", "type_en", "aliases"})
# Kinds that a column may widen to when its values disagree; any other mix becomes JSON text.
_WIDENING = {
    frozenset({"int", "float"}): "float",
    frozenset({"int[]", "float[]"}): "float[]",
}
_SCALARS = {bool: "bool", int: "int", float: "float", str: "string"}


def relation_id(relation: Relation) -> str:
    """Stable edge id: the relation's key, readable in every tool."""
    return f"{relation.type}:{relation.head}->{relation.tail}"


def entity_record(entity: Entity) -> dict[str, Any]:
    """Node attributes, JSON-native; the entity's own attrs (iso2, lat, …) at top level."""
    et = load_ontology().entity_type(entity.type)
    record: dict[str, Any] = {
        "id": entity.id,
        "name": entity.name,
        "label": entity.name,
        "type": entity.type,
        "type_zh": et.label("zh"),
        "type_en": et.label("en"),
        "aliases": list(entity.aliases),
    }
    for key, value in entity.attrs.items():
        if value is not None:
            record[f"attr_{key}" if key in NODE_KEYS else key] = value
    return record


def relation_record(relation: Relation) -> dict[str, Any]:
    """Edge attributes; evidence kept whole, one object per sentence."""
    rt = load_ontology().relation_type(relation.type)
    return {
        "id": relation_id(relation),
        "source": relation.head,
        "target": relation.tail,
        "relation": relation.type,
        "label_zh": rt.label("zh"),
        "label_en": rt.label("en"),
        "symmetric": rt.symmetric,
        "evidence_count": len(relation.evidence),
        "confidence": relation.confidence,
        "documents": sorted({ev.doc_id for ev in relation.evidence}),
        "evidence": [
            {"doc_id": ev.doc_id, "start": ev.start, "end": ev.end, "sentence": ev.text,
             "confidence": ev.confidence}
            for ev in relation.evidence
        ],
    }


@cache
def relation_schema(property_graph: bool = False) -> AttrSchema:
    """The columns of every relation record: their shape is fixed by `relation_record`,
    so one record (a relation with one evidence) gives them without a pass over the graph."""
    sample = relation_record(Relation(next(iter(load_ontology().relation_types)), "h", "t",
                                      [Evidence("d", 0, 1, "s", 0.5)]))
    return AttrSchema.of([property_graph_record(sample) if property_graph else sample])


def property_graph_record(record: dict[str, Any]) -> dict[str, Any]:
    """A record as property-graph properties (Neo4j, FalkorDB), which hold scalars and
    arrays of one primitive type only: evidence becomes parallel arrays, one item per sentence."""
    out = {key: value for key, value in record.items() if key != "evidence"}
    if "evidence" in record:
        evidence = record["evidence"]
        out["evidence_docs"] = [ev["doc_id"] for ev in evidence]
        out["evidence_starts"] = [ev["start"] for ev in evidence]
        out["evidence_ends"] = [ev["end"] for ev in evidence]
        out["evidence_sentences"] = [ev["sentence"] for ev in evidence]
        out["evidence_confidences"] = [float(ev["confidence"]) for ev in evidence]
    return out


def value_kind(value: Any) -> str:
    """bool, int, float, string; `X[]` for a list of one of them (`[]` when empty); else json."""
    scalar = _SCALARS.get(type(value))
    if scalar:
        return scalar
    if isinstance(value, list | tuple):
        kinds = {_SCALARS.get(type(v), "json") for v in value}
        if not kinds:
            return "[]"
        if kinds == {"int", "float"}:
            return "float[]"
        if len(kinds) == 1 and "json" not in kinds:
            return f"{kinds.pop()}[]"
    return "json"


class AttrSchema:
    """One kind per attribute name, so that a typed column never mixes types.

    Built in one pass over the records before writing, because GraphML, GEXF
    and CSV declare their columns up front.
    """

    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}

    @classmethod
    def of(cls, records: Iterable[dict[str, Any]]) -> AttrSchema:
        schema = cls()
        for record in records:
            schema.add(record)
        return schema

    def add(self, record: dict[str, Any]) -> None:
        for key, value in record.items():
            self.kinds[key] = _merge(self.kinds.get(key), value_kind(value))

    def kind(self, key: str) -> str:
        """The column's kind; a column of only empty lists is a string array."""
        kind = self.kinds[key]
        return "string[]" if kind == "[]" else kind

    def coerce(self, key: str, value: Any, *, arrays: bool) -> Any:
        """`value` as its column's kind; arrays stay lists only where the format has them."""
        kind = self.kind(key)
        if kind == "json" or (kind.endswith("[]") and not arrays):
            return to_json(value)
        if kind == "float":
            return float(value)
        if kind == "float[]":
            return [float(v) for v in value]
        return value


def _merge(seen: str | None, kind: str) -> str:
    if seen is None or seen == kind:
        return kind
    if seen == "[]" and kind.endswith("[]"):
        return kind
    if kind == "[]" and seen.endswith("[]"):
        return seen
    return _WIDENING.get(frozenset({seen, kind}), "json")


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
