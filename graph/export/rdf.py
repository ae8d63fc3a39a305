"""RDF exports (Turtle, JSON-LD, N-Triples) in the ontology's namespace.

Entities are typed with ontology classes and carry `qiao:name` / `qiao:alias`;
each relation is one triple with the ontology property. Evidence is RDF-star
free: every sentence is a named node that is both a `qiao:Evidence` and an
`rdf:Statement` reifying the triple it states, with `qiao:sentence`,
`qiao:inDocument`, `qiao:start`, `qiao:end` and `qiao:confidence`.

Triples are built with rdflib terms and written subject block by subject block,
so a whole-graph export streams (rdflib's own serialisers need the whole graph
in memory); the tests parse every format back with rdflib.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.term import Node

from graph.model import Entity, Evidence, Relation
from graph.export.properties import to_json
from graph.export.selection import Selected
from ontology import QIAO

BASE = "https://w3id.org/qiao/"
ENTITY = Namespace(BASE + "id/")
DOCUMENT = Namespace(BASE + "doc/")
EVIDENCE = Namespace(BASE + "evidence/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
PREFIXES = {
    "qiao": str(QIAO), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "geo": str(GEO),
    "ent": str(ENTITY), "doc": str(DOCUMENT), "ev": str(EVIDENCE),
}
# Entity attrs that have a standard property; other attrs stay out of RDF.
ATTR_PROPERTIES = {"iso2": (QIAO.isoCode, None), "lat": (GEO.lat, XSD.decimal), "lon": (GEO.long, XSD.decimal)}
# ASCII characters left as they are in an IRI segment; other ASCII is %-encoded, non-ASCII kept (IRIs allow it).
_IRI_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:")

Block = tuple[URIRef, list[tuple[URIRef, Node]]]


# -- the triples --------------------------------------------------------------------
def iri_segment(text: str) -> str:
    return "".join(
        c if c in _IRI_SAFE or (ord(c) > 0x9F and c.isprintable())
        else "".join(f"%{b:02X}" for b in c.encode("utf-8"))
        for c in text
    )


def entity_iri(entity_id: str) -> URIRef:
    return ENTITY[iri_segment(entity_id)]


def document_iri(doc_id: str) -> URIRef:
    return DOCUMENT[iri_segment(doc_id)]


def evidence_iri(relation: Relation, evidence: Evidence) -> URIRef:
    key = "\x1f".join((*relation.key, evidence.doc_id, str(evidence.start), str(evidence.end)))
    return EVIDENCE[hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]]


def decimal(value: float) -> Literal:
    text = f"{value:.6f}".rstrip("0")
    return Literal(text + "0" if text.endswith(".") else text, datatype=XSD.decimal)


def entity_block(entity: Entity) -> Block:
    pairs: list[tuple[URIRef, Node]] = [(RDF.type, QIAO[entity.type]), (QIAO.name, Literal(entity.name))]
    pairs += [(QIAO.alias, Literal(a)) for a in dict.fromkeys(entity.aliases) if a != entity.name]
    for key, (prop, datatype) in ATTR_PROPERTIES.items():
        value = entity.attrs.get(key)
        if value is not None:
            pairs.append((prop, decimal(float(value)) if datatype == XSD.decimal else Literal(str(value))))
    return entity_iri(entity.id), pairs


def relation_blocks(relation: Relation, seen_documents: set[str]) -> Iterator[Block]:
    """The relation's triple, one reified statement per evidence, and its documents once."""
    head, prop, tail = entity_iri(relation.head), QIAO[relation.type], entity_iri(relation.tail)
    yield head, [(prop, tail)]
    for ev in dict.fromkeys(relation.evidence):
        if ev.doc_id not in seen_documents:
            seen_documents.add(ev.doc_id)
            yield document_iri(ev.doc_id), [(RDF.type, QIAO.Document)]
        yield evidence_iri(relation, ev), [
            (RDF.type, QIAO.Evidence), (RDF.type, RDF.Statement),
            (RDF.subject, head), (RDF.predicate, prop), (RDF.object, tail),
            (QIAO.sentence, Literal(ev.text)), (QIAO.inDocument, document_iri(ev.doc_id)),
            (QIAO.start, Literal(ev.start)), (QIAO.end, Literal(ev.end)),
            (QIAO.confidence, decimal(ev.confidence)),
        ]


def blocks(selected: Selected) -> Iterator[Block]:
    for entity in selected.entities():
        yield entity_block(entity)
    seen_documents: set[str] = set()
    for relation in selected.relations():
        yield from relation_blocks(relation, seen_documents)


# -- N-Triples and Turtle -------------------------------------------------------------
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
                         | {chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if chr(c) not in "\n\r"})


def nt_term(term: Node) -> str:
    """A term in N-Triples syntax (also valid Turtle): escapes per the N-Triples grammar."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return f"<{term}>"


def ntriples(selected: Selected) -> Iterator[str]:
    for subject, pairs in blocks(selected):
        s = nt_term(subject)
        yield "".join(f"{s} {nt_term(p)} {nt_term(o)} .\n" for p, o in pairs)


def turtle(selected: Selected) -> Iterator[str]:
    yield "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items()) + "\n"
    for subject, pairs in blocks(selected):
        body = " ;\n    ".join(f"{_ttl_term(p)} {_ttl_term(o)}" for p, o in pairs)
        yield f"{_ttl_term(subject)} {body} .\n"


def _ttl_term(term: Node) -> str:
    """Prefixed names where the local part is a plain name (ontology terms, ids); else N-Triples form."""
    if term == RDF.type:
        return "a"
    if isinstance(term, URIRef):
        for prefix in ("qiao", "rdf", "xsd", "geo", "ev"):
            ns = PREFIXES[prefix]
            if term.startswith(ns) and term[len(ns):].isidentifier() and term[len(ns):].isascii():
                return f"{prefix}:{term[len(ns):]}"
    if isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.decimal):
        return str(term)
    return nt_term(term)


# -- JSON-LD ----------------------------------------------------------------------------
def jsonld(selected: Selected) -> Iterator[str]:
    """`{"@context": {prefixes}, "@graph": [node objects]}`, one node object per subject block
    (JSON-LD merges node objects that share an @id)."""
    yield '{"@context":' + to_json(PREFIXES) + ',\n"@graph":['
    first = True
    for subject, pairs in blocks(selected):
        yield ("\n" if first else ",\n") + to_json(_node_object(subject, pairs))
        first = False
    yield "\n]}\n"


def _node_object(subject: URIRef, pairs: list[tuple[URIRef, Node]]) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": str(subject)}
    for p, o in pairs:
        if p == RDF.type:
            node.setdefault("@type", []).append(str(o))
        else:
            node.setdefault(str(p), []).append(_jsonld_value(o))
    return node


def _jsonld_value(term: Node) -> dict[str, Any]:
    if isinstance(term, Literal):
        value: dict[str, Any] = {"@value": str(term)}
        if term.language:
            value["@language"] = term.language
        elif term.datatype and term.datatype != XSD.string:
            value["@type"] = str(term.datatype)
        return value
    return {"@id": str(term)}
