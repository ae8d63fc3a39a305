"""A small hand-built graph for the query and API tests (the sentences are made up).

It has what every query must handle: a story whose owner has no channel into the
target (牡丹 / 洛阳), a channel with no tie to that story (ZICC reaches Kazakhstan),
a carrier tied to its story through a partner there (成都传媒集团 / 大熊猫), a sister
city, a platform hub, a work that reached the region, and an audience figure.
"""
from __future__ import annotations

from graph.model import Document, DocumentGraph, Entity, Evidence, Quantity, Relation, content_hash

ENTITIES = [
    Entity("ip:牡丹", "CulturalIP", "牡丹", ["peony"]),
    Entity("ip:大熊猫", "CulturalIP", "大熊猫", ["giant panda"]),
    Entity("center:洛阳国际传播中心", "CommunicationCenter", "洛阳国际传播中心"),
    Entity("center:浙江省国际传播中心", "CommunicationCenter", "浙江省国际传播中心", ["ZICC"]),
    Entity("center:西部国际传播中心", "CommunicationCenter", "西部国际传播中心"),
    Entity("media:成都传媒集团", "MediaOutlet", "成都传媒集团"),
    Entity("media:哈萨克国际通讯社", "MediaOutlet", "哈萨克国际通讯社", ["Kazinform"]),
    Entity("country:kz", "Country", "哈萨克斯坦", ["Kazakhstan", "KZ"], {"iso2": "KZ", "lat": 48.0, "lon": 67.0}),
    Entity("country:be", "Country", "比利时", ["Belgium", "BE"], {"iso2": "BE", "lat": 50.6, "lon": 4.6}),
    Entity("region:中亚", "WorldRegion", "中亚", ["Central Asia"]),
    Entity("place:阿拉木图", "Place", "阿拉木图", ["Almaty"], {"lat": 43.24, "lon": 76.89}),
    Entity("place:成都", "Place", "成都", ["Chengdu"], {"lat": 30.66, "lon": 104.06}),
    Entity("place:洛阳", "Place", "洛阳", ["Luoyang"]),
    Entity("work:熊猫旅行记", "Work", "熊猫旅行记"),
    Entity("work:智者非洲", "Work", "智者非洲"),
    Entity("platform:facebook", "Platform", "Facebook", ["脸书"]),
    Entity("person:王亚", "Person", "王亚"),
]

# (document, sentence, [(type, head, tail)]): each sentence is the evidence of its relations
FACTS = [
    ("d1", "洛阳国际传播中心以牡丹为主题策划了系列海外传播活动。", [("PROMOTES", "center:洛阳国际传播中心", "ip:牡丹")]),
    ("d1", "洛阳国际传播中心设在洛阳。", [("LOCATED_IN", "center:洛阳国际传播中心", "place:洛阳")]),
    ("d1", "浙江省国际传播中心的账号覆盖哈萨克斯坦和比利时的受众。",
     [("REACHES", "center:浙江省国际传播中心", "country:kz"), ("REACHES", "center:浙江省国际传播中心", "country:be")]),
    ("d1", "浙江省国际传播中心出品了节目《智者非洲》。", [("PRODUCED", "center:浙江省国际传播中心", "work:智者非洲")]),
    ("d2", "成都传媒集团长期推广大熊猫形象。", [("PROMOTES", "media:成都传媒集团", "ip:大熊猫")]),
    ("d2", "成都传媒集团与哈萨克国际通讯社签署合作协议。", [("PARTNER_OF", "media:成都传媒集团", "media:哈萨克国际通讯社")]),
    ("d2", "哈萨克国际通讯社总部位于哈萨克斯坦。", [("LOCATED_IN", "media:哈萨克国际通讯社", "country:kz")]),
    ("d2", "成都传媒集团位于成都。", [("LOCATED_IN", "media:成都传媒集团", "place:成都")]),
    ("d2", "成都与阿拉木图结为友好城市。", [("SISTER_CITY_OF", "place:成都", "place:阿拉木图")]),
    ("d2", "阿拉木图是哈萨克斯坦的城市。", [("LOCATED_IN", "place:阿拉木图", "country:kz")]),
    ("d3", "纪录片《熊猫旅行记》讲述大熊猫的故事。", [("FEATURES", "work:熊猫旅行记", "ip:大熊猫")]),
    ("d3", "《熊猫旅行记》在中亚多国播出。", [("REACHES", "work:熊猫旅行记", "region:中亚")]),
    ("d3", "哈萨克斯坦位于中亚。", [("LOCATED_IN", "country:kz", "region:中亚")]),
    ("d3", "西部国际传播中心在Facebook运营账号。", [("OPERATES_ON", "center:西部国际传播中心", "platform:facebook")]),
    ("d3", "Facebook在哈萨克斯坦拥有大量用户。", [("REACHES", "platform:facebook", "country:kz")]),
    ("d3", "王亚任职于西部国际传播中心。", [("AFFILIATED_WITH", "person:王亚", "center:西部国际传播中心")]),
]
AUDIENCE = ("d1", "浙江省国际传播中心的多语种账号粉丝突破1500万。", "center:浙江省国际传播中心", "followers", 15_000_000,
            "people")


def documents() -> list[DocumentGraph]:
    by_id = {e.id: e for e in ENTITIES}
    texts: dict[str, str] = {}
    for doc, sentence, _ in FACTS:
        texts[doc] = texts.get(doc, "") + sentence
    texts[AUDIENCE[0]] += AUDIENCE[1]
    graphs = {}
    for doc, text in texts.items():
        graphs[doc] = DocumentGraph(Document(doc_id=content_hash(text), source=f"{doc}.txt", title=doc, text=text))
    for doc, sentence, facts in FACTS:
        graph = graphs[doc]
        start = graph.document.text.index(sentence)
        evidence = Evidence(graph.document.doc_id, start, start + len(sentence), sentence, 0.8)
        for rtype, head, tail in facts:
            for eid in (head, tail):
                if eid not in {e.id for e in graph.entities}:
                    graph.entities.append(by_id[eid])
            graph.relations.append(Relation(rtype, head, tail, [evidence]))
    doc, sentence, entity, metric, value, unit = AUDIENCE
    graph = graphs[doc]
    start = graph.document.text.index(sentence)
    graph.quantities.append(Quantity(entity, metric, value, unit,
                                     Evidence(graph.document.doc_id, start, start + len(sentence), sentence, 0.9)))
    return list(graphs.values())


def load(store) -> None:
    for graph in documents():
        store.add_document(graph)
