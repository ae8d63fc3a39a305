"""The domain ontology, read from Turtle with rdflib.

Every other module asks this one for type names, labels, id prefixes and the
domain/range of relations, so that editing `qiao.ttl` is enough to rename a
label or widen a relation: there is no second hand-written list of types.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

TTL_PATH = Path(__file__).with_name("qiao.ttl")
QIAO = Namespace("https://w3id.org/qiao/ontology#")


@dataclass(frozen=True)
class EntityType:
    name: str
    labels: dict[str, str]
    id_prefix: str
    ancestors: frozenset[str]

    def label(self, lang: str = "zh") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.name


@dataclass(frozen=True)
class RelationType:
    name: str
    labels: dict[str, str]
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool

    def label(self, lang: str = "zh") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.name

    def accepts(self, head_type: str, tail_type: str) -> bool:
        return head_type in self.domain and tail_type in self.range


class Ontology:
    """Types and relation signatures of one Turtle file; concrete types only."""

    def __init__(self, path: Path = TTL_PATH) -> None:
        self.path = Path(path)
        self.graph = Graph()
        self.graph.parse(self.path, format="turtle")
        self.namespace = QIAO
        self.entity_types: dict[str, EntityType] = {}
        self.relation_types: dict[str, RelationType] = {}
        self._load()

    # -- public API -----------------------------------------------------------
    def entity_type(self, name: str) -> EntityType:
        try:
            return self.entity_types[name]
        except KeyError:
            raise KeyError(f"unknown entity type {name!r}; known: {sorted(self.entity_types)}") from None

    def relation_type(self, name: str) -> RelationType:
        try:
            return self.relation_types[name]
        except KeyError:
            raise KeyError(f"unknown relation type {name!r}; known: {sorted(self.relation_types)}") from None

    def label(self, name: str, lang: str = "zh") -> str:
        """Label of an entity or relation type, or of any class or property in the file."""
        if name in self.entity_types:
            return self.entity_types[name].label(lang)
        if name in self.relation_types:
            return self.relation_types[name].label(lang)
        return self._labels(QIAO[name]).get(lang, name)

    def members(self, group: str) -> frozenset[str]:
        """Concrete entity types under a class such as `Organisation` or `Location`."""
        return frozenset(t for t, et in self.entity_types.items() if group == t or group in et.ancestors)

    def uri(self, name: str) -> URIRef:
        return QIAO[name]

    # -- loading --------------------------------------------------------------
    def _labels(self, node: URIRef) -> dict[str, str]:
        out: dict[str, str] = {}
        for lit in self.graph.objects(node, RDFS.label):
            if isinstance(lit, Literal):
                out.setdefault(lit.language or "en", str(lit))
        return out

    def _ancestors(self, cls: URIRef) -> set[URIRef]:
        seen: set[URIRef] = set()
        todo = [cls]
        while todo:
            for parent in self.graph.objects(todo.pop(), RDFS.subClassOf):
                if isinstance(parent, URIRef) and parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def _local(self, uri: URIRef) -> str:
        return str(uri).removeprefix(str(QIAO))

    def _load(self) -> None:
        g = self.graph
        for cls in g.subjects(RDF.type, OWL.Class):
            if not isinstance(cls, URIRef) or not str(cls).startswith(str(QIAO)):
                continue
            prefix = g.value(cls, QIAO.idPrefix)
            if prefix is None or g.value(cls, QIAO.abstract) == Literal(True):
                continue
            name = self._local(cls)
            self.entity_types[name] = EntityType(
                name=name,
                labels=self._labels(cls),
                id_prefix=str(prefix),
                ancestors=frozenset(self._local(a) for a in self._ancestors(cls)),
            )
        for prop in g.subjects(RDF.type, OWL.ObjectProperty):
            name = self._local(prop)
            if not name.isupper():  # provenance properties such as inDocument
                continue
            self.relation_types[name] = RelationType(
                name=name,
                labels=self._labels(prop),
                domain=self._expand(g.value(prop, RDFS.domain)),
                range=self._expand(g.value(prop, RDFS.range)),
                symmetric=(prop, RDF.type, OWL.SymmetricProperty) in g,
            )

    def _expand(self, node: object) -> frozenset[str]:
        """A class or an owl:unionOf of classes, as the concrete types under it."""
        if node is None:
            return frozenset(self.entity_types)
        union = self.graph.value(node, OWL.unionOf)
        classes = list(Collection(self.graph, union)) if union is not None else [node]
        out: set[str] = set()
        for cls in classes:
            out |= self.members(self._local(cls))
        return frozenset(out)


@cache
def load_ontology(path: str | None = None) -> Ontology:
    """The ontology at `path`, `$QIAO_ONTOLOGY`, or the shipped `qiao.ttl` (cached)."""
    return Ontology(Path(path or os.environ.get("QIAO_ONTOLOGY") or TTL_PATH))
