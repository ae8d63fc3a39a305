"""RDF exports (Turtle, JSON-LD, N-Triples) in the ontology's namespace.

Entities are typed with ontology classes and carry `qiao:name` / `qiao:alias`;
each relation is one triple with the ontology property. Evidence is RDF-star
free: every sentence is a named node that is both a `qiao:Evidence` and an
`rdf:Statement` reifying the triple it states, with `qiao:sentence`,
`qiao:inDocument`, `qiao:start`, `qiao:end` and `qiao:confidence`.

Terms come from the ontology's rdflib namespace; the writing is done here,
subject block by subject block, because rdflib's serialisers need the whole
graph in memory and building rdflib term objects for millions of triples
costs ten times the writing. The tests parse every format back with rdflib
and validate it with SHACL.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from rdflib import RDF, RDFS, XSD

from graph.export.properties import to_json
from graph.export.selection import Selected
from graph.model import Entity, Evidence, Relation
from ontology import QIAO

BASE = "https://w3id.org/qiao/"
ENTITY = BASE + "id/"
DOCUMENT = BASE + "doc/"
EVIDENCE = BASE + "evidence/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
PREFIXES = {
    "qiao": str(QIAO), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "geo": GEO,
    "ent": ENTITY, "doc": DOCUMENT, "ev": EVIDENCE,
}
TYPE = str(RDF.type)
STRING, INTEGER, DECIMAL = str(XSD.string), str(XSD.integer), str(XSD.decimal)
# Entity attrs that have a standard property (and its datatype); other attrs stay out of RDF.
ATTR_PROPERTIES = {"iso2": (str(QIAO.isoCode), STRING), "lat": (GEO + "lat", DECIMAL),
                   "lon": (GEO + "long", DECIMAL)}
# What an IRI segment may not hold raw: ASCII outside unreserved and ':', and controls.
_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~:\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U000effff]")


class Lit(NamedTuple):
    value: str
    datatype: str = STRING


Term = str | Lit  # an IRI, or a literal
Block = tuple[str, list[tuple[str, Term]]]


# -- the triples --------------------------------------------------------------------
def iri_segment(text: str) -> str:
    """`text` as an IRI path segment: Chinese stays readable, the rest is %-encoded."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), text)


def entity_iri(entity_id: str) -> str:
    return ENTITY + iri_segment(entity_id)


def document_iri(doc_id: str) -> str:
    return DOCUMENT + iri_segment(doc_id)


def evidence_iri(relation: Relation, evidence: Evidence) -> str:
    key = "\x1f".join((*relation.key, evidence.doc_id, str(evidence.start), str(evidence.end)))
    return EVIDENCE + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def decimal(value: float) -> Lit:
    text = f"{value:.6f}".rstrip("0")
    return Lit(text + "0" if text.endswith(".") else text, DECIMAL)


def entity_block(entity: Entity) -> Block:
    pairs: list[tuple[str, Term]] = [(TYPE, QIAO + entity.type), (_NAME, Lit(entity.name))]
    pairs += [(_ALIAS, Lit(a)) for a in dict.fromkeys(entity.aliases) if a != entity.name]
    for key, (prop, datatype) in ATTR_PROPERTIES.items():
        value = entity.attrs.get(key)
        if value is not None:
            pairs.append((prop, decimal(float(value)) if datatype == DECIMAL else Lit(str(value))))
    return entity_iri(entity.id), pairs


def relation_blocks(relation: Relation, seen_documents: set[str]) -> Iterator[Block]:
    """The relation's triple, one reified statement per evidence, and its documents once."""
    head, prop, tail = entity_iri(relation.head), QIAO + relation.type, entity_iri(relation.tail)
    yield head, [(prop, tail)]
    for ev in dict.fromkeys(relation.evidence):
        doc = document_iri(ev.doc_id)
        if ev.doc_id not in seen_documents:
            seen_documents.add(ev.doc_id)
            yield doc, [(TYPE, _DOCUMENT_CLASS)]
        yield evidence_iri(relation, ev), [
            (TYPE, _EVIDENCE_CLASS), (TYPE, _STATEMENT),
            (_SUBJECT, head), (_PREDICATE, prop), (_OBJECT, tail),
            (_SENTENCE, Lit(ev.text)), (_IN_DOCUMENT, doc),
            (_START, Lit(str(ev.start), INTEGER)), (_END, Lit(str(ev.end), INTEGER)),
            (_CONFIDENCE, decimal(ev.confidence)),
        ]


def blocks(selected: Selected) -> Iterator[Block]:
    for entity in selected.entities():
        yield entity_block(entity)
    seen_documents: set[str] = set()
    for relation in selected.relations():
        yield from relation_blocks(relation, seen_documents)


_NAME, _ALIAS, _SENTENCE, _IN_DOCUMENT = (str(QIAO[n]) for n in ("name", "alias", "sentence", "inDocument"))
_START, _END, _CONFIDENCE = (str(QIAO[n]) for n in ("start", "end", "confidence"))
_DOCUMENT_CLASS, _EVIDENCE_CLASS = str(QIAO.Document), str(QIAO.Evidence)
_STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = (str(t) for t in (RDF.Statement, RDF.subject, RDF.predicate, RDF.object))


# -- N-Triples and Turtle -------------------------------------------------------------
# N-Triples' string escapes; other control characters as \\uXXXX (UCHAR).
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
                         | {chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if chr(c) not in "\n\r"})


def nt_term(term: Term) -> str:
    """A term in N-Triples syntax (also valid Turtle)."""
    if isinstance(term, Lit):
        text = '"' + term.value.translate(_ESCAPES) + '"'
        return text if term.datatype == STRING else f"{text}^^<{term.datatype}>"
    return f"<{term}>"


def ntriples(selected: Selected) -> Iterator[str]:
    for subject, pairs in blocks(selected):
        s = f"<{subject}>"
        yield "".join(f"{s} <{p}> {nt_term(o)} .\n" for p, o in pairs)


def turtle(selected: Selected) -> Iterator[str]:
    yield "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items()) + "\n"
    for subject, pairs in blocks(selected):
        body = " ;\n    ".join(f"{_ttl_term(p)} {_ttl_term(o)}" for p, o in pairs)
        yield f"<{subject}> {body} .\n"


def _ttl_term(term: Term) -> str:
    """Vocabulary terms as prefixed names (`a`, `qiao:name`), numbers bare, the rest N-Triples."""
    if isinstance(term, Lit):
        return term.value if term.datatype in (INTEGER, DECIMAL) else nt_term(term)
    return _QNAMES.get(term) or f"<{term}>"


def _vocabulary() -> dict[str, str]:
    from ontology import load_ontology

    onto = load_ontology()
    names = {str(s).removeprefix(str(QIAO)) for s in onto.graph.subjects() if str(s).startswith(str(QIAO))}
    qnames = {str(QIAO) + n: f"qiao:{n}" for n in names if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n)}
    qnames |= {str(t): f"rdf:{str(t).removeprefix(str(RDF))}" for t in (RDF.Statement, RDF.subject, RDF.predicate,
                                                                          RDF.object)}
    qnames |= {GEO + "lat": "geo:lat", GEO + "long": "geo:long", TYPE: "a"}
    return qnames


_QNAMES = _vocabulary()


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


def _node_object(subject: str, pairs: list[tuple[str, Term]]) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": subject}
    for p, o in pairs:
        if p == TYPE:
            node.setdefault("@type", []).append(o)
        elif isinstance(o, Lit):
            value = {"@value": o.value} if o.datatype == STRING else {"@value": o.value, "@type": o.datatype}
            node.setdefault(p, []).append(value)
        else:
            node.setdefault(p, []).append({"@id": o})
    return node
