"""Records shared by extractors, stores, queries and exports.

A document brings a `DocumentGraph` (the delta it adds); stores merge deltas so
that one fact seen in three reports is one `Relation` with three `Evidence`.
Offsets always point into the document text as read (before normalisation).
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from ontology import load_ontology


def slug(name: str) -> str:
    """Stable key of a name: NFKC, lower case, inner spaces as '-'."""
    text = unicodedata.normalize("NFKC", name).strip().lower()
    return "-".join(text.split())


def entity_id(entity_type: str, key: str) -> str:
    """Stable id `<prefix>:<key>`; the prefix comes from the ontology."""
    return f"{load_ontology().entity_type(entity_type).id_prefix}:{slug(key)}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    # Typed facts of the entity itself: iso2, lat, lon, category, …
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Evidence:
    """The sentence of one document that states a fact."""

    doc_id: str
    start: int
    end: int
    text: str
    confidence: float
    source: str = ""  # the document's source path or URL, filled in by stores on read


@dataclass
class Relation:
    type: str
    head: str
    tail: str
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Symmetric relations are stored once, ends in a canonical order.
        if self.head > self.tail and load_ontology().relation_type(self.type).symmetric:
            self.head, self.tail = self.tail, self.head

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.head, self.tail)

    @property
    def confidence(self) -> float:
        """Noisy-or of the evidence: more independent sentences, more belief."""
        disbelief = 1.0
        for ev in self.evidence:
            disbelief *= 1.0 - ev.confidence
        return 1.0 - disbelief


@dataclass(frozen=True)
class Quantity:
    """An audience or reach figure: 粉丝突破1000万 → followers 10_000_000 people."""

    entity: str
    metric: str
    value: float
    unit: str
    evidence: Evidence


@dataclass
class Document:
    doc_id: str
    source: str = ""
    title: str = ""
    lang: str = "zh"
    text: str = ""
    ingested_at: str = ""


@dataclass
class DocumentGraph:
    """Everything one document contributes; stored as one transaction."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # entity id → mentions
    relations: list[Relation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `extract --json` object of SCHEMA.md (one best evidence per relation)."""
        return {
            "doc_id": self.document.doc_id,
            "source": self.document.source,
            "lang": self.document.lang,
            "entities": [
                {
                    "id": e.id,
                    "type": e.type,
                    "name": e.name,
                    "aliases": e.aliases,
                    "attrs": e.attrs,
                    "mentions": [asdict(m) for m in self.mentions.get(e.id, [])],
                }
                for e in self.entities
            ],
            "relations": [
                {
                    "type": r.type,
                    "head": r.head,
                    "tail": r.tail,
                    "confidence": round(r.confidence, 3),
                    "evidence": _evidence_json(max(r.evidence, key=lambda ev: ev.confidence)),
                }
                for r in self.relations
                if r.evidence
            ],
            "quantities": [
                {"entity": q.entity, "metric": q.metric, "value": q.value, "unit": q.unit,
                 "evidence": _evidence_json(q.evidence)}
                for q in self.quantities
            ],
        }


def _evidence_json(ev: Evidence) -> dict[str, Any]:
    return {"start": ev.start, "end": ev.end, "text": ev.text, "confidence": round(ev.confidence, 3)}


@dataclass
class Subgraph:
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


@dataclass
class Path:
    """A walk from one entity to another; `relations[i]` joins `nodes[i]` and `nodes[i+1]`
    (in either direction: check `relations[i].head`)."""

    nodes: list[str]
    relations: list[Relation]

    def __len__(self) -> int:
        return len(self.relations)
