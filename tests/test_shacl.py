"""The SHACL shapes come from the ontology, and RDF exports conform to them.

A validation that could never fail proves nothing, so a deliberately broken
export must be rejected for each kind of damage.
"""
from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import RDF, BNode, Graph, Literal, URIRef

from graph.export import select
from graph.export.rdf import entity_iri
from ontology import QIAO, TTL_PATH, Ontology, load_ontology
from ontology.shapes import SH, SHAPE, SHAPES_PATH, build_shapes
from test_export import KZ, PANDA, ZICC, parse_rdf, render, tricky_store  # noqa: F401  (fixture)


def conforms(data: Graph, shapes: Graph | None = None) -> tuple[bool, Graph]:
    ok, report, _ = validate(data, shacl_graph=shapes or build_shapes(), inference="none")
    return ok, report


def focus_nodes(report: Graph) -> set:
    return set(report.objects(None, SH.focusNode))


def tree(g: Graph, node):
    """Blank nodes (property shapes, lists) expanded in place: their identity is their content.
    rdflib's general isomorphism test takes seconds on the shapes; theirs are trees."""
    if not isinstance(node, BNode):
        return node
    return frozenset((p, tree(g, o)) for p, o in g.predicate_objects(node))


def signature(g: Graph) -> frozenset:
    return frozenset((s, p, tree(g, o)) for s, p, o in g if not isinstance(s, BNode))


def test_shipped_shapes_are_the_generated_ones():
    shipped = Graph().parse(SHAPES_PATH, format="turtle")
    assert signature(shipped) == signature(build_shapes()), "run `python -m ontology.shapes` after editing qiao.ttl"


def test_a_shape_per_class_and_relation_of_the_ontology():
    shapes, onto = build_shapes(), load_ontology()
    targets = set(shapes.objects(None, SH.targetClass))
    assert {QIAO[t] for t in onto.entity_types} | {QIAO.Evidence} == targets
    assert {QIAO[r] for r in onto.relation_types} == set(shapes.objects(None, SH.targetSubjectsOf))


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
def test_exports_conform(tricky_store, fmt):
    ok, report = conforms(parse_rdf(render(select(tricky_store), fmt), fmt))
    assert ok, report.serialize(format="turtle")


def test_sample_export_conforms(sample_store):
    ok, report = conforms(parse_rdf(render(select(sample_store), "ttl"), "ttl"))
    assert ok, report.serialize(format="turtle")[:3000]


def test_broken_exports_do_not_conform(tricky_store):
    good = parse_rdf(render(select(tricky_store), "ttl"), "ttl")
    zicc, kz, panda = (URIRef(entity_iri(e)) for e in (ZICC, KZ, PANDA))

    nameless = Graph() + good
    nameless.remove((kz, QIAO.name, None))
    out_of_range = Graph() + good
    out_of_range.add((zicc, QIAO.REACHES, panda))  # a country or region, not a cultural IP
    out_of_domain = Graph() + good
    out_of_domain.add((panda, QIAO.PARTNER_OF, zicc))
    evidence = next(good.subjects(RDF.type, QIAO.Evidence))
    bad_offset = Graph() + good
    bad_offset.set((evidence, QIAO.start, Literal("twelve")))

    for broken, culprit in ((nameless, kz), (out_of_range, zicc), (out_of_domain, panda), (bad_offset, evidence)):
        ok, report = conforms(broken)
        assert not ok and culprit in focus_nodes(report)


def test_shapes_follow_the_ontology(tmp_path):
    """A class added and a range narrowed in the Turtle change the shapes, not the code."""
    text = TTL_PATH.read_text(encoding="utf-8")
    text = text.replace(
        "rdfs:domain qiao:Person ; rdfs:range qiao:Organisation .",
        "rdfs:domain qiao:Person ; rdfs:range qiao:MediaOutlet .",
    ) + '\nqiao:Ship a owl:Class ; rdfs:subClassOf qiao:Entity ; rdfs:label "船"@zh, "Ship"@en ; qiao:idPrefix "ship" .\n'
    path = tmp_path / "qiao.ttl"
    path.write_text(text, encoding="utf-8")
    shapes = build_shapes(Ontology(path))
    assert (SHAPE.ShipShape, SH.targetClass, QIAO.Ship) in shapes

    person, centre = URIRef("urn:p"), URIRef("urn:c")
    data = Graph()
    data.add((person, RDF.type, QIAO.Person))
    data.add((person, QIAO.name, Literal("王亚")))
    data.add((centre, RDF.type, QIAO.CommunicationCenter))
    data.add((centre, QIAO.name, Literal("西部国际传播中心")))
    data.add((person, QIAO.AFFILIATED_WITH, centre))
    assert conforms(data)[0]
    assert not conforms(data, shapes)[0]
