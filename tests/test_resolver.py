"""The resolver: abbreviations, aliases, anaphora, stable ids, and linking to a real store."""
from __future__ import annotations

from extractors import extract_text
from extractors.gazetteer import get_gazetteer
from extractors.normalise import normalise
from extractors.recognisers import get_recogniser
from extractors.resolver import Resolver, is_abbreviation
from graph.model import Document, DocumentGraph, Entity, Mention
from graph.sqlite_store import SQLiteStore


def resolve(text):
    text = normalise(text).text
    return text, Resolver(get_gazetteer())(text, get_recogniser()(text))


def test_is_abbreviation():
    assert is_abbreviation("重报集团", "重庆日报报业集团")
    assert is_abbreviation("川报集团", "川西日报报业集团")
    assert not is_abbreviation("复旦大学", "复旦大学新闻学院")  # a parent, not a short form
    assert not is_abbreviation("报业集团", "重庆日报报业集团")
    assert not is_abbreviation("湖南省委编办", "湖南省委宣传部")


def test_countries_have_iso_ids_in_any_language():
    _, res = resolve("比利时与Belgium是同一个国家，哈萨克斯坦也是。")
    ids = {s.entity_id for s in res.spans}
    assert "country:be" in ids and "country:kz" in ids
    assert len([e for e in res.entities.values() if e.type == "Country"]) == 2


def test_suffix_alias_and_prefix_parent():
    text, res = resolve("第九届丝路国际电影节在西安开幕，丝路国际电影节吸引多国影人。"
                        "陕西师范大学新闻与传播学院和陕西师范大学合作。")
    events = [e for e in res.entities.values() if e.type == "Event"]
    assert len(events) == 1 and "丝路国际电影节" in events[0].aliases
    orgs = {e.name for e in res.entities.values() if e.type == "Organization"}
    assert {"陕西师范大学", "陕西师范大学新闻与传播学院"} <= orgs


def test_anaphor_resolves_to_nearest_preceding_name():
    text, res = resolve("贵州国际传播中心成立。云南国际传播中心也揭牌，该中心面向南亚。")
    anaphor = next(s for s in res.spans if s.anaphor)
    assert text[anaphor.start:anaphor.end] == "该中心"
    assert res.entities[anaphor.entity_id].name == "云南国际传播中心"


def test_specific_short_form_becomes_alias():
    _, res = resolve("河北省委宣传部指导工作。省委宣传部有关负责人表示支持。")
    dept = next(e for e in res.entities.values() if e.name == "河北省委宣传部")
    assert "省委宣传部" in dept.aliases
    assert len([e for e in res.entities.values() if e.type == "Organization"]) == 1


def test_same_name_same_id_across_documents():
    a = extract_text("宁夏国际传播中心与新华社合作。")
    b = extract_text("新华社记者采访了宁夏国际传播中心。")
    ids = lambda g: {e.name: e.id for e in g.entities}  # noqa: E731
    assert ids(a)["宁夏国际传播中心"] == ids(b)["宁夏国际传播中心"]
    assert ids(a)["新华社"] == ids(b)["新华社"] == "media:新华社"
    c = extract_text("南方日报社记者采访了南方日报的编辑。")
    assert [e.name for e in c.entities if e.type == "MediaOutlet"] == ["南方日报"]


def _seed(store: SQLiteStore, entity: Entity) -> None:
    text = entity.name + "。"
    store.add_document(DocumentGraph(
        document=Document(doc_id="seed-" + entity.id, text=text),
        entities=[entity],
        mentions={entity.id: [Mention(0, len(entity.name), entity.name)]},
    ))


def test_store_linking_by_name_alias_and_fuzzy(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    try:
        _seed(store, Entity("center:hn-icc", "CommunicationCenter", "湖南国际传播中心", ["Hunan ICC"]))
        _seed(store, Entity("center:xx-icc", "CommunicationCenter", "湘西州国际传播中心", []))
        g = extract_text("湖南国际传播中心与湘西国际传播中心共同推出《湘西故事》。", store=store)
        ids = {e.name: e.id for e in g.entities}
        assert ids["湖南国际传播中心"] == "center:hn-icc"          # same name
        assert ids["湘西国际传播中心"] == "center:xx-icc"           # near-identical name (rapidfuzz)
        assert set(g.mentions) == {e.id for e in g.entities}
        for r in g.relations:
            assert r.head in g.mentions and r.tail in g.mentions
        plain = extract_text("湖南国际传播中心成立。")
        assert plain.entities[0].id != "center:hn-icc"  # without a store: the name's own id
    finally:
        store.close()


def test_place_variants_of_one_name_merge():
    _, res = resolve("厦门市国际传播中心成立。厦门国际传播中心将面向东南亚，厦门国际传播中心还将开设账号。")
    centres = [e for e in res.entities.values() if e.type == "CommunicationCenter"]
    assert len(centres) == 1
    assert centres[0].name == "厦门国际传播中心" and "厦门市国际传播中心" in centres[0].aliases


def test_two_names_of_one_stored_entity_become_one(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    try:
        _seed(store, Entity("media:scmp-like", "MediaOutlet", "岭南日报社", ["岭南报业传媒集团"]))
        g = extract_text("岭南日报社与岭南报业传媒集团联合发布报告。", store=store)
        media = [e for e in g.entities if e.type == "MediaOutlet"]
        assert [e.id for e in media] == ["media:scmp-like"]
        assert len(g.mentions["media:scmp-like"]) == 2
        assert all(r.head != r.tail for r in g.relations)
    finally:
        store.close()


def test_a_lexicon_name_reached_twice_through_aliases_resolves_once():
    # 安塔拉通讯社 is known to the lexicon; the country-prefixed form and its short form must end
    # as one entity, without the alias chain looping.
    from extractors import extract_text

    g = extract_text("中心与印度尼西亚安塔拉通讯社签约。印度尼西亚安塔拉通讯社记者参加。安塔拉通讯社报道了活动。")
    names = [e.name for e in g.entities if e.type == "MediaOutlet"]
    assert names == ["安塔拉通讯社"]
