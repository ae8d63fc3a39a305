"""Every export format round-trips through its reference reader, on a real store.

Two graphs: the sample reports (`sample_store`, what researchers will export)
and a small hand-built one whose names and sentences carry quotes, newlines,
semicolons, backslashes and the array delimiters, and whose answers are known.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

from graph.export import FORMATS, Selected, Selection, SelectionError, select, write
from graph.export.neo4j_csv import ARRAY_DELIMITER, NODES_FILE, write_folder
from graph.export.properties import AttrSchema, entity_record, relation_record
from graph.model import Document, DocumentGraph, Entity, Evidence, Relation, content_hash
from graph.query import UnknownEntity
from graph.sqlite_store import SQLiteStore

ZICC = "center:浙江省国际传播中心"
CQDAILY = "media:重庆日报报业集团"
KZ, UZ, FR = "country:kz", "country:uz", "country:fr"
CENTRAL_ASIA = "region:central-asia"
FACEBOOK, PANDA, SHOW = "platform:facebook", "ip:大熊猫", "work:let's-meet"
LONELY = "person:王亚"


def _document(text: str, entities: list[Entity], facts: list[tuple[str, str, str, str, float]]) -> DocumentGraph:
    """A document whose relations cite the given passage of `text`."""
    doc = Document(doc_id=content_hash(text), source="hand.txt", text=text)
    relations = []
    for rtype, head, tail, passage, confidence in facts:
        start = text.index(passage)
        relations.append(Relation(rtype, head, tail, [Evidence(doc.doc_id, start, start + len(passage), passage, confidence)]))
    return DocumentGraph(doc, entities, {}, relations)


def tricky_graphs() -> list[DocumentGraph]:
    zicc = Entity(ZICC, "CommunicationCenter", "浙江省国际传播中心", ["ZICC", 'Zhejiang "ICC"; hub'])
    cq = Entity(CQDAILY, "MediaOutlet", "重庆日报报业集团", ["重报集团", "a\\b|c\x1fd"])
    kz = Entity(KZ, "Country", "哈萨克斯坦", ["Kazakhstan"], {"iso2": "KZ", "lat": 48.0, "lon": 68})
    uz = Entity(UZ, "Country", "乌兹别克斯坦", ["Uzbekistan"], {"iso2": "UZ", "lat": 41.0, "lon": 64.0})
    fr = Entity(FR, "Country", "法国", ["France"], {"iso2": "FR", "lat": 46.0, "lon": 2.0})
    region = Entity(CENTRAL_ASIA, "WorldRegion", "中亚", ["Central Asia"])
    fb = Entity(FACEBOOK, "Platform", "Facebook", ["脸书"])
    panda = Entity(PANDA, "CulturalIP", "大熊猫")
    show = Entity(SHOW, "Work", "《Let's Meet》", ["渝见"], {"episodes": 12, "tags": ["travel", "food"]})
    lonely = Entity(LONELY, "Person", "王亚")
    text1 = (
        "浙江省国际传播中心（ZICC）在Facebook开设账号，面向哈萨克斯坦传播。\n"
        "ZICC与重庆日报报业集团签署合作协议；双方讲好\"大熊猫\"故事。\n"
        "重报集团出品《Let's Meet》，节目以大熊猫为主角，覆盖中亚。王亚出席。"
    )
    doc1 = _document(text1, [zicc, cq, kz, region, fb, panda, show, lonely], [
        ("OPERATES_ON", ZICC, FACEBOOK, "浙江省国际传播中心（ZICC）在Facebook开设账号", 0.9),
        ("REACHES", ZICC, KZ, "面向哈萨克斯坦传播。", 0.7),
        ("PARTNER_OF", ZICC, CQDAILY, "ZICC与重庆日报报业集团签署合作协议；", 0.95),
        ("PROMOTES", ZICC, PANDA, "双方讲好\"大熊猫\"故事。", 0.5),
        ("PRODUCED", CQDAILY, SHOW, "重报集团出品《Let's Meet》", 0.9),
        ("FEATURES", SHOW, PANDA, "节目以大熊猫为主角", 0.8),
        ("REACHES", SHOW, CENTRAL_ASIA, "覆盖中亚", 0.4),
    ])
    text2 = (
        'The centre said: "we reach Kazakhstan\\Uzbekistan;\r\nevery week".\n'
        "重庆日报报业集团在乌兹别克斯坦设立记者站，\t并在法国设有分社。"
    )
    doc2 = _document(text2, [zicc, cq, kz, uz, fr], [
        ("REACHES", ZICC, KZ, 'The centre said: "we reach Kazakhstan\\Uzbekistan;\r\nevery week".', 0.6),
        ("PRESENCE_IN", CQDAILY, UZ, "重庆日报报业集团在乌兹别克斯坦设立记者站", 0.85),
        ("PRESENCE_IN", CQDAILY, FR, "并在法国设有分社", 0.3),
    ])
    return [doc1, doc2]


@pytest.fixture
def tricky_store(tmp_path: Path):
    with SQLiteStore(tmp_path / "tricky.db") as store:
        for graph in tricky_graphs():
            assert store.add_document(graph)
        yield store


@pytest.fixture(params=["tricky", "sample"])
def any_store(request: pytest.FixtureRequest):
    """The hand-built graph, then the graph of the sample reports."""
    return request.getfixturevalue(f"{request.param}_store")


def render(selected: Selected, fmt: str) -> str:
    out = io.StringIO()
    write(selected, fmt, out)
    return out.getvalue()


def counts(store) -> tuple[int, int]:
    return sum(1 for _ in store.iter_entities()), sum(1 for _ in store.iter_relations())


def edges(graph: nx.DiGraph):
    """(head, tail, relation id, data): GEXF reads back as a simple graph when no edges are parallel."""
    if graph.is_multigraph():
        yield from graph.edges(keys=True, data=True)
    else:
        yield from ((u, v, d["id"], d) for u, v, d in graph.edges(data=True))


def records(selected: Selected):
    entities = {e.id: entity_record(e) for e in selected.entities()}
    relations = {r["id"]: r for r in map(relation_record, selected.relations())}
    return entities, relations


# -- GraphML and GEXF -------------------------------------------------------------------
@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_formats_read_back_with_typed_attributes_and_evidence(any_store, fmt, read, tmp_path):
    selected = select(any_store)
    assert not selected.bounded
    path = tmp_path / f"g.{fmt}"
    write(selected, fmt, path)
    graph = read(path, **({"force_multigraph": True} if fmt == "graphml" else {}))
    entities, relations = records(selected)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(entities), len(relations)) == counts(any_store)
    assert entities and relations
    for node_id, data in graph.nodes(data=True):
        record = entities[node_id]
        assert data["label"] == record["name"] and data["type"] == record["type"]
        assert data["type_zh"] and data["type_en"] and json.loads(data["aliases"]) == record["aliases"]
    for head, tail, key, data in edges(graph):
        record = relations[key]
        assert (head, tail, data["relation"]) == (record["source"], record["target"], record["relation"])
        assert isinstance(data["evidence_count"], int) and data["evidence_count"] == len(record["evidence"]) >= 1
        assert isinstance(data["confidence"], float) and data["confidence"] == pytest.approx(record["confidence"])
        assert isinstance(data["symmetric"], bool)
        assert json.loads(data["evidence"]) == record["evidence"]


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_streamed_xml_matches_what_networkx_writes(tricky_store, fmt, read, tmp_path):
    streamed = select(tricky_store)
    held = Selected.of(streamed.entities(), streamed.relations())
    graphs = []
    for name, selected in (("streamed", streamed), ("networkx", held)):
        write(selected, fmt, tmp_path / name)
        graphs.append(read(tmp_path / name, **({"force_multigraph": True} if fmt == "graphml" else {})))
    a, b = graphs
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(edges(a), key=str) == sorted(edges(b), key=str)
    kz = a.nodes["country:kz"]
    assert (kz["iso2"], kz["lat"], kz["lon"]) == ("KZ", 48.0, 68.0)  # lon widened to float across the column
    assert a.nodes["work:let's-meet"]["episodes"] == 12


def test_xml_carries_control_characters_only_inside_json(tricky_store):
    text = render(select(tricky_store), "graphml")
    assert "\x1f" not in text  # XML 1.0 cannot hold it; the JSON list escapes it
    graph = nx.parse_graphml(text, force_multigraph=True)
    assert json.loads(graph.nodes[CQDAILY]["aliases"]) == ["a\\b|c\x1fd", "重报集团"]


# -- JSON -------------------------------------------------------------------------------
def test_node_link_reads_back_with_networkx(any_store):
    selected = select(any_store)
    graph = nx.node_link_graph(json.loads(render(selected, "json")), edges="edges")
    entities, relations = records(selected)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(entities), len(relations))
    assert graph.is_multigraph() and graph.is_directed()
    for node_id, data in graph.nodes(data=True):
        assert {**data, "id": node_id} == entities[node_id]
    for head, tail, key, data in graph.edges(keys=True, data=True):
        assert {**data, "source": head, "target": tail} == relations[key]


def test_cytoscape_elements_reference_their_nodes(any_store):
    selected = select(any_store)
    doc = json.loads(render(selected, "cytoscape"))
    nodes = [n["data"] for n in doc["elements"]["nodes"]]
    edges = [e["data"] for e in doc["elements"]["edges"]]
    entities, relations = records(selected)
    assert {n["id"]: n for n in nodes} == entities and len(nodes) == len(entities)
    assert {e["id"]: e for e in edges} == relations and len(edges) == len(relations)
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in edges)


# -- RDF ----------------------------------------------------------------------------------
def expected_triples(selected: Selected) -> int:
    """Triples the RDF mapping promises, counted from the records rather than the writer."""
    n = 0
    for e in selected.entities():
        n += 2 + len(set(e.aliases) - {e.name}) + sum(k in e.attrs for k in ("iso2", "lat", "lon"))
    docs = set()
    for r in selected.relations():
        n += 1 + 10 * len(set(r.evidence))
        docs |= {ev.doc_id for ev in r.evidence}
    return n + len(docs)


def parse_rdf(text: str, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format={"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}[fmt])


def test_rdf_formats_parse_to_the_same_graph(any_store):
    selected = select(any_store)
    graphs = {fmt: parse_rdf(render(selected, fmt), fmt) for fmt in ("ttl", "jsonld", "nt")}
    sizes = {fmt: len(g) for fmt, g in graphs.items()}
    assert set(sizes.values()) == {expected_triples(selected)}, sizes
    assert isomorphic(graphs["ttl"], graphs["nt"]) and isomorphic(graphs["ttl"], graphs["jsonld"])


def test_rdf_keeps_evidence_as_reified_statements(tricky_store):
    from graph.export.rdf import entity_iri
    from ontology import QIAO

    g = parse_rdf(render(select(tricky_store), "ttl"), "ttl")
    zicc, kz = rdflib.URIRef(entity_iri(ZICC)), rdflib.URIRef(entity_iri(KZ))
    assert (zicc, QIAO.REACHES, kz) in g and (zicc, rdflib.RDF.type, QIAO.CommunicationCenter) in g
    statements = [s for s in g.subjects(rdflib.RDF.subject, zicc) if (s, rdflib.RDF.object, kz) in g]
    sentences = {str(g.value(s, QIAO.sentence)) for s in statements}
    assert 'The centre said: "we reach Kazakhstan\\Uzbekistan;\r\nevery week".' in sentences
    assert len(statements) == 2
    for s in statements:
        assert (s, rdflib.RDF.type, QIAO.Evidence) in g and (s, rdflib.RDF.predicate, QIAO.REACHES) in g
        assert (g.value(s, QIAO.inDocument), rdflib.RDF.type, QIAO.Document) in g
        assert 0 <= g.value(s, QIAO.start).toPython() < g.value(s, QIAO.end).toPython()
        assert 0 < float(g.value(s, QIAO.confidence)) <= 1


# -- Neo4j import CSV -----------------------------------------------------------------------
HEADER = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>ID|LABEL|START_ID|END_ID|TYPE|int|long|float|double|boolean|string)"
                    r"(?P<array>\[\])?)?$")


def read_csv(path: Path) -> tuple[list[tuple[str, str | None, bool]], list[list[str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    columns = []
    for field in rows[0]:
        m = HEADER.match(field)
        assert m, f"{path.name}: header field {field!r} is not a neo4j-admin header"
        columns.append((m["name"], m["type"], bool(m["array"])))
    assert all(len(row) == len(columns) for row in rows[1:])
    return columns, rows[1:]


def test_neo4j_csv_headers_are_typed_and_rows_join(any_store, tmp_path):
    selected = select(any_store)
    files = write_folder(selected, tmp_path / "neo4j")
    entities, relations = records(selected)
    columns, rows = read_csv(tmp_path / "neo4j" / NODES_FILE)
    names = [c[0] for c in columns]
    assert columns[0] == ("id", "ID", False) and columns[-1] == ("", "LABEL", False)
    assert ("aliases", "string", True) in columns
    by_id = {row[0]: dict(zip(names, row)) for row in rows}
    assert by_id.keys() == entities.keys()
    for node_id, row in by_id.items():
        labels = row[""].split(ARRAY_DELIMITER)
        assert labels[0] == entities[node_id]["type"] and "Entity" in labels
    seen = 0
    for path in files:
        if not path.name.startswith("relationships_"):
            continue
        columns, rows = read_csv(path)
        assert [c[1] for c in columns[:3]] == ["START_ID", "END_ID", "TYPE"]
        typed = {c[0]: (c[1], c[2]) for c in columns}
        assert typed["evidence_count"] == ("int", False) and typed["confidence"] == ("float", False)
        assert typed["evidence_sentences"] == ("string", True)
        names = [c[0] for c in columns]
        for row in rows:
            data = dict(zip(names, row))
            assert row[0] in by_id and row[1] in by_id
            record = relations[f"{row[2]}:{row[0]}->{row[1]}"]
            assert int(data["evidence_count"]) == len(data["evidence_starts"].split(ARRAY_DELIMITER))
            assert data["evidence_sentences"].split(ARRAY_DELIMITER) == [
                ev["sentence"].replace(ARRAY_DELIMITER, " ") for ev in record["evidence"]]
            seen += 1
    assert seen == len(relations)
    assert (tmp_path / "neo4j" / "import.sh").read_text().count("--relationships=") == len(files) - 2


# -- selections -------------------------------------------------------------------------------
def ids(selected: Selected) -> tuple[set[str], set[tuple[str, str, str]]]:
    return {e.id for e in selected.entities()}, {r.key for r in selected.relations()}


def test_whole_graph_keeps_isolated_entities(tricky_store):
    entities, relations = ids(select(tricky_store))
    assert LONELY in entities and len(entities) == 10 and len(relations) == 9


def test_k_hops_around_an_entity(tricky_store):
    one, _ = ids(select(tricky_store, Selection(around=(FACEBOOK,), hops=1)))
    assert one == {FACEBOOK, ZICC}
    two, rels = ids(select(tricky_store, Selection(around=("Facebook",), hops=2)))
    assert {ZICC, KZ, CQDAILY, PANDA} <= two and LONELY not in two and SHOW not in two
    assert all(h in two and t in two for _, h, t in rels)


def test_by_entity_and_relation_types(tricky_store):
    entities, relations = ids(select(tricky_store, Selection(entity_types=("Country", "MediaOutlet"))))
    assert entities == {KZ, UZ, FR, CQDAILY}
    assert relations == {("PRESENCE_IN", CQDAILY, UZ), ("PRESENCE_IN", CQDAILY, FR)}
    entities, relations = ids(select(tricky_store, Selection(relation_types=("REACHES",))))
    assert relations == {("REACHES", ZICC, KZ), ("REACHES", SHOW, CENTRAL_ASIA)}
    assert entities == {ZICC, KZ, SHOW, CENTRAL_ASIA}


def test_by_country_and_by_region(tricky_store):
    entities, relations = ids(select(tricky_store, Selection(places=("哈萨克斯坦",))))
    assert entities == {KZ, ZICC} and relations == {("REACHES", ZICC, KZ)}
    entities, relations = ids(select(tricky_store, Selection(places=(CENTRAL_ASIA,))))
    assert {CENTRAL_ASIA, KZ, UZ, SHOW, ZICC, CQDAILY} == entities  # the region and its member countries
    assert FR not in entities and ("PRESENCE_IN", CQDAILY, FR) not in relations
    entities, _ = ids(select(tricky_store, Selection(places=("Kazakhstan", "UZ"))))
    assert entities == {KZ, ZICC, UZ, CQDAILY}
    with pytest.raises(UnknownEntity, match="Facebook"):
        select(tricky_store, Selection(places=("Facebook",)))


def test_by_documents_keeps_only_their_evidence(tricky_store):
    second = tricky_graphs()[1].document.doc_id
    selected = select(tricky_store, Selection(documents=(second,)))
    entities, relations = ids(selected)
    assert relations == {("REACHES", ZICC, KZ), ("PRESENCE_IN", CQDAILY, UZ), ("PRESENCE_IN", CQDAILY, FR)}
    assert all({ev.doc_id for ev in r.evidence} == {second} for r in selected.relations())
    with pytest.raises(SelectionError, match="no document"):
        select(tricky_store, Selection(documents=("nope",)))


def test_by_evidence_and_confidence(tricky_store):
    _, relations = ids(select(tricky_store, Selection(min_evidence=2)))
    assert relations == {("REACHES", ZICC, KZ)}
    entities, relations = ids(select(tricky_store, Selection(min_confidence=0.9)))
    # REACHES zicc→kz has 0.7 and 0.6: noisy-or 0.88, below 0.9
    assert relations == {("OPERATES_ON", ZICC, FACEBOOK), ("PARTNER_OF", ZICC, CQDAILY), ("PRODUCED", CQDAILY, SHOW)}
    assert entities == {ZICC, FACEBOOK, CQDAILY, SHOW}
    seeded, _ = ids(select(tricky_store, Selection(around=(ZICC,), min_confidence=0.9)))
    assert seeded == {ZICC, FACEBOOK, CQDAILY}


def test_unknown_types_are_refused_with_the_known_ones():
    with pytest.raises(SelectionError, match="CommunicationCenter"):
        Selection(entity_types=("Centre",))
    with pytest.raises(SelectionError, match="REACHES"):
        Selection(relation_types=("reaches",))


def test_every_text_format_writes_a_bounded_selection(tricky_store):
    selected = select(tricky_store, Selection(around=(ZICC,)))
    for fmt, spec in FORMATS.items():
        if spec.render is not None:
            assert render(selected, fmt).strip(), fmt


def test_schema_widens_mixed_columns():
    schema = AttrSchema.of([{"a": 1, "b": [], "c": "x"}, {"a": 2.5, "b": ["s"], "c": 3}])
    assert (schema.kind("a"), schema.kind("b"), schema.kind("c")) == ("float", "string[]", "json")
