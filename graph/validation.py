"""Checks a `DocumentGraph` against the ontology before any store writes it.

Both stores call `validate_document_graph` first, so a document with an unknown
type, a relation the ontology does not allow, or a dangling entity reference is
refused as a whole with a message naming the culprit — nothing half-written.
"""
from __future__ import annotations

from datetime import datetime, timezone

from graph.model import DocumentGraph, content_hash
from ontology import load_ontology


class InvalidDocument(ValueError):
    """A document graph that cannot be stored; the message says why."""


def validate_document_graph(graph: DocumentGraph) -> None:
    """Raise `InvalidDocument` unless every type, reference and offset is sound.

    Also fills the two document fields a store derives (doc_id from the text,
    ingestion time) so that both stores record the same values.
    """
    onto = load_ontology()
    doc = graph.document
    if not doc.doc_id:
        if not doc.text:
            raise InvalidDocument("document has neither a doc_id nor a text to hash")
        doc.doc_id = content_hash(doc.text)
    if not doc.ingested_at:
        doc.ingested_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    where = f"document {doc.doc_id[:12]}"

    types: dict[str, str] = {}
    for ent in graph.entities:
        if ent.type not in onto.entity_types:
            raise InvalidDocument(f"{where}: entity {ent.id!r} has unknown type {ent.type!r}")
        if not ent.id or not ent.name or not ent.name.strip():
            raise InvalidDocument(f"{where}: entity {ent.id!r} needs an id and a name")
        if ent.id in types:
            raise InvalidDocument(f"{where}: entity {ent.id!r} is listed twice")
        types[ent.id] = ent.type
    for entity, mentions in graph.mentions.items():
        if entity not in types:
            raise InvalidDocument(f"{where}: mentions of {entity!r}, which is not among its entities")
        for m in mentions:
            _check_span(where, f"mention of {entity!r}", m.start, m.end)
    for rel in graph.relations:
        if rel.type not in onto.relation_types:
            raise InvalidDocument(f"{where}: relation has unknown type {rel.type!r}")
        for end in (rel.head, rel.tail):
            if end not in types:
                raise InvalidDocument(f"{where}: {rel.type} refers to {end!r}, which is not among its entities")
        if not onto.relation_type(rel.type).accepts(types[rel.head], types[rel.tail]):
            raise InvalidDocument(
                f"{where}: the ontology does not allow {rel.type} from {types[rel.head]} "
                f"({rel.head}) to {types[rel.tail]} ({rel.tail})"
            )
        if not rel.evidence:
            raise InvalidDocument(f"{where}: {rel.type} {rel.head} → {rel.tail} has no evidence")
        for ev in rel.evidence:
            _check_evidence(where, f"evidence of {rel.type} {rel.head} → {rel.tail}", ev.doc_id, doc.doc_id,
                            ev.start, ev.end, ev.confidence)
    for q in graph.quantities:
        if q.entity not in types:
            raise InvalidDocument(f"{where}: figure {q.metric!r} of {q.entity!r}, which is not among its entities")
        _check_evidence(where, f"figure {q.metric!r}", q.evidence.doc_id, doc.doc_id,
                        q.evidence.start, q.evidence.end, q.evidence.confidence)


def _check_span(where: str, what: str, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        raise InvalidDocument(f"{where}: {what} has bad offsets {start}..{end}")


def _check_evidence(where: str, what: str, ev_doc: str, doc_id: str, start: int, end: int, conf: float) -> None:
    if ev_doc and ev_doc != doc_id:
        raise InvalidDocument(f"{where}: {what} points at another document {ev_doc[:12]}")
    _check_span(where, what, start, end)
    if not 0.0 <= conf <= 1.0:
        raise InvalidDocument(f"{where}: {what} has confidence {conf} outside [0, 1]")
