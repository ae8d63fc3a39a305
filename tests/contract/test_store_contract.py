"""The store contract: every `GraphStore` kind in conftest.STORE_FACTORIES passes it.

Documents are hand-built (`make_graph`), so these tests pin the store, not the extractor.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from graph.model import Entity, Evidence, Relation, entity_id
from graph.store import GraphStore

CQ = ("MediaOutlet", "重庆日报报业集团", ["重报集团"])
WEST = ("CommunicationCenter", "西部国际传播中心")
ZICC = ("CommunicationCenter", "浙江省国际传播中心", ["ZICC", "Zhejiang International Communication Center"])
KZ = ("Country", "哈萨克斯坦", ["Kazakhstan"])
BE = ("Country", "比利时", ["Belgium"])
KHABAR = ("MediaOutlet", "哈巴尔电视台", ["Khabar"])
CHONGQING = ("Place", "重庆")
FB = ("Platform", "Facebook", ["脸书"])


def eid(spec: tuple) -> str:
    return entity_id(spec[0], spec[1])


def test_is_a_graph_store(store):
    assert isinstance(store, GraphStore)
    assert store.stats() == {
        "documents": 0, "entities": {}, "relations": {}, "evidence": 0, "mentions": 0, "quantities": 0,
    }


def test_add_is_idempotent_and_upserts_entities(store, make_graph):
    first = make_graph("d1", [CQ, WEST], [("PART_OF", "西部国际传播中心", "重庆日报报业集团")])
    assert store.add_document(first) is True
    before = store.stats()
    assert store.add_document(first) is False
    assert store.stats() == before
    assert before["documents"] == 1
    assert before["entities"] == {"CommunicationCenter": 1, "MediaOutlet": 1}
    assert before["relations"] == {"PART_OF": 1}

    # A second report names the same group with a new alias: one entity, aliases united, name kept.
    second = make_graph("d2", [("MediaOutlet", "重庆日报报业集团", ["重庆日报集团"]), FB],
                        [("OPERATES_ON", "重庆日报报业集团", "Facebook")])
    assert store.add_document(second) is True
    group = store.get_entity(eid(CQ))
    assert group.name == "重庆日报报业集团"
    assert set(group.aliases) == {"重报集团", "重庆日报集团"}
    assert store.stats()["entities"] == {"CommunicationCenter": 1, "MediaOutlet": 1, "Platform": 1}
    assert store.has_document(first.document.doc_id)
    assert store.get_document(first.document.doc_id).text == first.document.text
    assert store.get_entity("media:nothing-like-this") is None


def test_same_relation_in_three_documents_is_one_relation_with_three_evidence(store, make_graph):
    for n in range(3):
        store.add_document(make_graph(f"d{n}", [ZICC, KZ], [("REACHES", "浙江省国际传播中心", "哈萨克斯坦", 0.5)]))
    stats = store.stats()
    assert stats["relations"] == {"REACHES": 1}
    assert stats["evidence"] == 3
    (rel,) = store.relations(eid(ZICC))
    assert rel.key == ("REACHES", eid(ZICC), eid(KZ))
    assert len(rel.evidence) == 3
    assert {ev.source for ev in rel.evidence} == {"d0.txt", "d1.txt", "d2.txt"}
    assert all("哈萨克斯坦" in ev.text for ev in rel.evidence)
    assert rel.confidence == pytest.approx(1 - 0.5 ** 3)


def test_symmetric_relations_are_stored_once(store, make_graph):
    store.add_document(make_graph("a", [ZICC, KHABAR], [("PARTNER_OF", "浙江省国际传播中心", "哈巴尔电视台")]))
    store.add_document(make_graph("b", [ZICC, KHABAR], [("PARTNER_OF", "哈巴尔电视台", "浙江省国际传播中心")]))
    assert store.stats()["relations"] == {"PARTNER_OF": 1}
    from_zicc = store.relations(eid(ZICC), direction="out")
    from_khabar = store.relations(eid(KHABAR), direction="out")
    assert len(from_zicc) == len(from_khabar) == 1
    assert len(from_zicc[0].evidence) == 2


def test_relation_directions_and_type_filter(store, make_graph):
    store.add_document(make_graph("d", [ZICC, KZ, BE, FB], [
        ("REACHES", "浙江省国际传播中心", "哈萨克斯坦"),
        ("REACHES", "浙江省国际传播中心", "比利时"),
        ("OPERATES_ON", "浙江省国际传播中心", "Facebook"),
    ]))
    assert len(store.relations(eid(ZICC), direction="out")) == 3
    assert store.relations(eid(ZICC), direction="in") == []
    assert [r.head for r in store.relations(eid(KZ), direction="in")] == [eid(ZICC)]
    assert {r.tail for r in store.relations(eid(ZICC), types=["REACHES"])} == {eid(KZ), eid(BE)}
    assert len(store.relations(eid(ZICC), limit=2)) == 2


def test_remove_retracts_and_drops_unsupported_facts(store, make_graph):
    first = make_graph(
        "d1", [("CommunicationCenter", "浙江省国际传播中心", ["ZICC"]), KZ, BE],
        [("REACHES", "浙江省国际传播中心", "哈萨克斯坦"), ("REACHES", "浙江省国际传播中心", "比利时")],
        [("浙江省国际传播中心", "followers", 12_000_000, "people")],
    )
    second = make_graph("d2", [("CommunicationCenter", "浙江省国际传播中心"), KZ],
                        [("REACHES", "浙江省国际传播中心", "哈萨克斯坦")])
    store.add_document(first)
    store.add_document(second)
    assert store.stats()["relations"] == {"REACHES": 2}
    assert len(store.quantities(eid(ZICC))) == 1

    assert store.remove_document(first.document.doc_id) is True
    assert store.remove_document(first.document.doc_id) is False
    assert not store.has_document(first.document.doc_id)
    stats = store.stats()
    assert stats["documents"] == 1
    assert stats["relations"] == {"REACHES": 1}  # 比利时 was only supported by d1
    assert stats["entities"] == {"CommunicationCenter": 1, "Country": 1}
    assert stats["quantities"] == 0
    assert store.get_entity(eid(BE)) is None
    (rel,) = store.relations(eid(ZICC))
    assert [ev.doc_id for ev in rel.evidence] == [second.document.doc_id]
    # the alias only d1 contributed is retracted
    assert store.get_entity(eid(ZICC)).aliases == []
    assert store.lookup("ZICC") == []


def test_remove_then_readd_gives_equal_stats(store, make_graph):
    docs = [
        make_graph("d1", [CQ, WEST, CHONGQING], [("PART_OF", "西部国际传播中心", "重庆日报报业集团"),
                                                ("LOCATED_IN", "西部国际传播中心", "重庆")]),
        make_graph("d2", [WEST, FB, KZ], [("OPERATES_ON", "西部国际传播中心", "Facebook"),
                                          ("PRESENCE_IN", "西部国际传播中心", "哈萨克斯坦")],
                   [("西部国际传播中心", "followers", 8_000_000, "people")]),
        make_graph("d3", [CQ, WEST], [("PART_OF", "西部国际传播中心", "重庆日报报业集团")]),
    ]
    for d in docs:
        store.add_document(d)
    before = store.stats()
    entity_before = store.get_entity(eid(CQ))
    for d in docs:
        assert store.remove_document(d.document.doc_id)
        store.add_document(d)
        assert store.stats() == before
    assert store.get_entity(eid(CQ)) == entity_before


def test_entity_name_does_not_depend_on_document_order(store, make_graph):
    short_first = make_graph("s", [("MediaOutlet", "重庆日报报业集团", ["重报集团"])])
    short_first.entities[0].name = "重报集团"
    full = make_graph("f", [CQ])
    store.add_document(short_first)
    store.add_document(full)
    assert store.get_entity(eid(CQ)).name == "重庆日报报业集团"
    store.remove_document(full.document.doc_id)
    assert store.get_entity(eid(CQ)).name == "重报集团"


def test_search_chinese_aliases_and_english(store, make_graph):
    store.add_document(make_graph("d", [CQ, WEST, CHONGQING, ZICC, KZ, FB]))
    assert [e.id for e in store.search("日报报")] == [eid(CQ)]  # trigram inside a word
    assert [e.id for e in store.search("重报集团")] == [eid(CQ)]  # alias
    assert [e.id for e in store.search("脸书")] == [eid(FB)]  # 2-character alias
    # exact before prefix before contains; 2-character query
    assert [e.id for e in store.search("重庆")][:2] == [eid(CHONGQING), eid(CQ)]
    assert [e.id for e in store.search("zicc")] == [eid(ZICC)]  # English, case-insensitive
    assert [e.id for e in store.search("KAZAKH")] == [eid(KZ)]
    assert [e.id for e in store.search("国际传播中心")] == sorted([eid(WEST), eid(ZICC)], key=lambda i: len(i))
    assert [e.id for e in store.search("重庆", types=["Place"])] == [eid(CHONGQING)]
    assert store.search("传播", limit=1)[0].id in {eid(WEST), eid(ZICC)}
    assert store.search("不存在的机构名") == []
    assert store.search("") == []


def test_lookup_by_name_or_alias_after_slug(store, make_graph):
    store.add_document(make_graph("d", [ZICC, KZ]))
    assert [e.id for e in store.lookup("浙江省国际传播中心")] == [eid(ZICC)]
    assert [e.id for e in store.lookup(" zicc ")] == [eid(ZICC)]
    assert [e.id for e in store.lookup("ＺＩＣＣ")] == [eid(ZICC)]  # full-width
    assert [e.id for e in store.lookup("zhejiang   international communication center")] == [eid(ZICC)]
    assert store.lookup("浙江") == []


@pytest.mark.parametrize("breakage", ["missing head", "not in ontology", "unknown type", "type clash"])
def test_a_failing_document_changes_nothing(store, make_graph, breakage):
    store.add_document(make_graph("ok", [CQ, WEST], [("PART_OF", "西部国际传播中心", "重庆日报报业集团")]))
    before = store.stats()
    bad = make_graph("bad", [ZICC, KZ, BE, FB], [("REACHES", "浙江省国际传播中心", "哈萨克斯坦"),
                                               ("OPERATES_ON", "浙江省国际传播中心", "Facebook")],
                     [("浙江省国际传播中心", "followers", 1, "people")])
    if breakage == "missing head":
        bad.relations.append(Relation("REACHES", "center:不在文中", eid(BE), [bad.relations[0].evidence[0]]))
    elif breakage == "not in ontology":  # a country cannot operate on a platform
        bad.relations.append(Relation("OPERATES_ON", eid(KZ), eid(FB), [bad.relations[0].evidence[0]]))
    elif breakage == "unknown type":
        bad.entities.append(Entity("thing:x", "Spaceship", "X"))
    else:  # the last entity clashes with a stored one of another type: fails mid-write
        bad.entities.append(Entity(eid(CQ), "Organization", "重庆日报报业集团"))
    with pytest.raises(ValueError):
        store.add_document(bad)
    assert store.stats() == before
    assert not store.has_document(bad.document.doc_id)
    assert store.search("ZICC") == []
    assert store.get_entity(eid(CQ)).type == "MediaOutlet"


def test_document_graph_round_trip(store, make_graph):
    docs = [
        make_graph("d1", [ZICC, KZ, KHABAR], [("REACHES", "浙江省国际传播中心", "哈萨克斯坦"),
                                              ("PARTNER_OF", "哈巴尔电视台", "浙江省国际传播中心")],
                   [("浙江省国际传播中心", "followers", 12_000_000, "people")]),
        make_graph("d2", [("CommunicationCenter", "浙江省国际传播中心", ["浙江国际传播中心"]), KZ],
                   [("REACHES", "浙江省国际传播中心", "哈萨克斯坦")]),
    ]
    for d in docs:
        store.add_document(d)
    before = store.stats()
    zicc_before = store.get_entity(eid(ZICC))
    rebuilt = [store.document_graph(d.document.doc_id) for d in docs]
    assert store.document_graph("no-such-document") is None
    first = rebuilt[0]
    assert first.document.text == docs[0].document.text
    assert {e.id: sorted(e.aliases) for e in first.entities}[eid(ZICC)] == sorted(ZICC[2])
    assert sum(len(r.evidence) for r in first.relations) == 2  # only its own evidence
    assert len(first.quantities) == 1 and first.quantities[0].value == 12_000_000
    assert first.mentions[eid(KZ)][0].text == "哈萨克斯坦"

    for d in docs:
        store.remove_document(d.document.doc_id)
    assert store.stats()["documents"] == 0 and store.stats()["entities"] == {}
    for graph in rebuilt:
        assert store.add_document(graph)
    assert store.stats() == before
    assert store.get_entity(eid(ZICC)) == zicc_before


def test_quantities_and_documents(store, make_graph):
    d1 = make_graph("d1", [WEST], quantities=[("西部国际传播中心", "followers", 8_000_000, "people")])
    d2 = make_graph("d2", [WEST], quantities=[("西部国际传播中心", "countries", 5, "countries")])
    store.add_document(d1)
    store.add_document(d2)
    figures = store.quantities(eid(WEST))
    assert [(q.metric, q.value, q.unit) for q in figures] == [("followers", 8e6, "people"), ("countries", 5, "countries")]
    assert figures[0].evidence.source == "d1.txt" and "8000000" in figures[0].evidence.text
    listed = store.list_documents()
    assert [d.doc_id for d in listed] == [d1.document.doc_id, d2.document.doc_id]
    assert all(d.text == "" for d in listed)
    assert [d.doc_id for d in store.list_documents(offset=1, limit=5)] == [d2.document.doc_id]


def _hub_graphs(make_graph, n_media: int) -> list:
    """n media outlets all reaching 哈萨克斯坦 (a hub), some with more evidence."""
    media = [("MediaOutlet", f"媒体{i:03d}") for i in range(n_media)]
    graphs = [make_graph("hub", [KZ, *media], [("REACHES", m[1], "哈萨克斯坦") for m in media])]
    for extra in range(2):  # 媒体000..媒体004 get two more pieces of evidence each
        graphs.append(make_graph(f"again{extra}", [KZ, *media[:5]], [("REACHES", m[1], "哈萨克斯坦") for m in media[:5]]))
    return graphs


def test_neighbourhood_caps_hubs_and_prefers_evidence(store, make_graph):
    for g in _hub_graphs(make_graph, 60):
        store.add_document(g)
    sub = store.neighbourhood([eid(KZ)], hops=1, fanout=10)
    assert len(sub.relations) == 10
    best = {entity_id("MediaOutlet", f"媒体{i:03d}") for i in range(5)}
    assert best <= set(sub.entities)
    assert len(sub.entities) == 11
    assert all(len(r.evidence) >= 1 and r.evidence[0].source for r in sub.relations)
    full = store.neighbourhood([eid(KZ)], hops=1, fanout=100)
    assert len(full.relations) == 60
    only_places = store.neighbourhood([eid(KZ)], hops=1, fanout=100, entity_types=["Place"])
    assert set(only_places.entities) == {eid(KZ)} and only_places.relations == []


def test_neighbourhood_hops_and_relation_types(store, make_graph):
    store.add_document(make_graph("d", [CQ, WEST, CHONGQING, FB, KZ], [
        ("PART_OF", "西部国际传播中心", "重庆日报报业集团"),
        ("LOCATED_IN", "重庆日报报业集团", "重庆"),
        ("OPERATES_ON", "西部国际传播中心", "Facebook"),
        ("PRESENCE_IN", "西部国际传播中心", "哈萨克斯坦"),
    ]))
    one = store.neighbourhood([eid(CQ)], hops=1)
    assert set(one.entities) == {eid(CQ), eid(WEST), eid(CHONGQING)}
    two = store.neighbourhood([eid(CQ)], hops=2)
    assert set(two.entities) == {eid(CQ), eid(WEST), eid(CHONGQING), eid(FB), eid(KZ)}
    assert len(two.relations) == 4
    typed = store.neighbourhood([eid(CQ)], hops=2, relation_types=["PART_OF", "OPERATES_ON"])
    assert set(typed.entities) == {eid(CQ), eid(WEST), eid(FB)}
    assert store.neighbourhood(["media:unknown"], hops=2).entities == {}


def test_paths_shortest_first_bounded_and_typed(store, make_graph):
    a, b, c, e, f = (("MediaOutlet", n) for n in ("甲报", "乙报", "丙报", "戊报", "己报"))
    d = KZ
    store.add_document(make_graph("diamond", [a, b, c, e, f, d], [
        ("PARTNER_OF", "甲报", "乙报"), ("REACHES", "乙报", "哈萨克斯坦"),
        ("PART_OF", "丙报", "甲报"), ("REACHES", "丙报", "哈萨克斯坦"),
        ("PARTNER_OF", "甲报", "戊报"), ("PARTNER_OF", "戊报", "己报"), ("REACHES", "己报", "哈萨克斯坦"),
    ]))
    src, dst = eid(a), eid(d)
    found = store.paths(src, dst, max_length=3, k=5)
    assert [len(p) for p in found] == [2, 2, 3]
    assert all(p.nodes[0] == src and p.nodes[-1] == dst for p in found)
    for p in found:
        for (x, y), rel in zip(zip(p.nodes, p.nodes[1:]), p.relations):
            assert {rel.head, rel.tail} == {x, y}
            assert rel.evidence and rel.evidence[0].source == "diamond.txt"
    assert [len(p) for p in store.paths(src, dst, max_length=2, k=5)] == [2, 2]
    assert len(store.paths(src, dst, max_length=3, k=1)) == 1
    typed = store.paths(src, dst, max_length=3, relation_types=["PARTNER_OF", "REACHES"])
    assert [p.nodes[1] for p in typed] == [eid(b), eid(e)]
    assert store.paths(src, "country:nowhere") == []


def test_paths_reach_a_hub_beyond_its_fanout(store, make_graph):
    for g in _hub_graphs(make_graph, 60):
        store.add_document(g)
    store.add_document(make_graph("chain", [("MediaOutlet", "媒体059"), ZICC],
                                  [("PARTNER_OF", "浙江省国际传播中心", "媒体059")]))
    # 媒体059 has one piece of evidence: outside the hub's top 10, found from the other side.
    (path,) = store.paths(eid(ZICC), eid(KZ), max_length=3, k=3, fanout=10)
    assert path.nodes == [eid(ZICC), entity_id("MediaOutlet", "媒体059"), eid(KZ)]


def test_iterators_stream_everything_once(store, make_graph):
    for g in _hub_graphs(make_graph, 25):
        store.add_document(g)
    entities = list(store.iter_entities(batch_size=7))
    relations = list(store.iter_relations(batch_size=4))
    assert len(entities) == len({e.id for e in entities}) == 26
    assert len(relations) == len({r.key for r in relations}) == 25
    assert sum(len(r.evidence) for r in relations) == store.stats()["evidence"]
    kz = next(e for e in entities if e.id == eid(KZ))
    assert kz.aliases == ["Kazakhstan"]


def test_stats_key_order_is_fixed(store, make_graph):
    store.add_document(make_graph("d", [WEST, KZ, FB], [("OPERATES_ON", "西部国际传播中心", "Facebook"),
                                                        ("PRESENCE_IN", "西部国际传播中心", "哈萨克斯坦")]))
    stats = store.stats()
    assert list(stats) == ["documents", "entities", "relations", "evidence", "mentions", "quantities"]
    assert list(stats["entities"]) == sorted(stats["entities"])
    assert list(stats["relations"]) == sorted(stats["relations"])


def test_concurrent_reads_and_writes(store, make_graph):
    graphs = [make_graph(f"t{i}", [WEST, ("Country", f"国家{i}")], [("PRESENCE_IN", "西部国际传播中心", f"国家{i}")])
              for i in range(8)]

    def work(i: int) -> int:
        store.add_document(graphs[i])
        return len(store.search("国际传播")) + len(store.relations(eid(WEST)))

    with ThreadPoolExecutor(4) as pool:
        assert all(n >= 2 for n in pool.map(work, range(8)))
    assert store.stats()["relations"] == {"PRESENCE_IN": 8}
    assert store.stats()["evidence"] == 8


def test_evidence_must_belong_to_its_document(store, make_graph):
    g = make_graph("d", [ZICC, KZ], [("REACHES", "浙江省国际传播中心", "哈萨克斯坦")])
    g.relations[0].evidence[0] = Evidence("another-document", 0, 3, "abc", 0.9)
    with pytest.raises(ValueError, match="another document"):
        store.add_document(g)
    assert store.stats()["documents"] == 0


@pytest.mark.parametrize("query", ['"', 'a"b"c', "OR AND NOT", "*", "《熊猫》*", "NEAR(a b)", "%_", "\\"])
def test_search_treats_query_syntax_as_text(store, make_graph, query):
    store.add_document(make_graph("d", [CQ, ("Work", "《熊猫》*特辑")]))
    found = store.search(query)
    assert all(query.lower() in (e.name + " " + " ".join(e.aliases)).lower() for e in found)
    if query == "《熊猫》*":
        assert [e.name for e in found] == ["《熊猫》*特辑"]
