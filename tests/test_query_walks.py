"""paths, neighbourhood, search, partners and the partner map as the query layer shows them."""
from __future__ import annotations

import pytest

from graph.query import UnknownEntity, neighbourhood, partner_map, partners, paths, search
from query_fixtures import load


@pytest.fixture
def qstore(store):
    load(store)
    return store


def test_paths_resolve_names_and_carry_evidence(qstore):
    found = paths(qstore, "大熊猫", "Kazakhstan", max_length=3, k=3)
    assert found.source.id == "ip:大熊猫" and found.target.id == "country:kz"
    assert found.paths and all(p.length <= 3 for p in found.paths)
    first = found.paths[0]
    assert [n.id for n in first.nodes][0] == "ip:大熊猫" and first.nodes[-1].id == "country:kz"
    assert all(e.evidence and e.evidence[0].source for e in first.edges)
    typed = paths(qstore, "大熊猫", "哈萨克斯坦", relation_types=["FEATURES", "REACHES", "LOCATED_IN"])
    assert all(e.type in ("FEATURES", "REACHES", "LOCATED_IN") for p in typed.paths for e in p.edges)
    with pytest.raises(ValueError):
        paths(qstore, "大熊猫", "哈萨克斯坦", max_length=9)


def test_neighbourhood_filters(qstore):
    near = neighbourhood(qstore, ["成都传媒集团"], hops=2, relation_types=["PARTNER_OF", "LOCATED_IN"])
    ids = {e.id for e in near.entities}
    assert {"media:哈萨克国际通讯社", "country:kz", "place:成都"} <= ids and "ip:大熊猫" not in ids
    assert {e.type for e in near.edges} <= {"PARTNER_OF", "LOCATED_IN"}
    with pytest.raises(ValueError, match="LIKES"):
        neighbourhood(qstore, ["成都传媒集团"], relation_types=["LIKES"])
    with pytest.raises(UnknownEntity):
        neighbourhood(qstore, ["没有的机构"])


def test_search_by_alias_in_any_language(qstore):
    assert [e.id for e in search(qstore, "ZICC")] == ["center:浙江省国际传播中心"]
    assert "place:阿拉木图" in [e.id for e in search(qstore, "Almaty")]
    assert [e.type for e in search(qstore, "成都", types=["Place"])] == ["Place"]


def test_partners_grouped_by_country(qstore):
    media = partners(qstore, "成都传媒集团")
    assert media.total == 1 and media.groups[0].country.id == "country:kz"
    assert media.groups[0].partners[0].entity.id == "media:哈萨克国际通讯社"
    assert media.groups[0].partners[0].edge.evidence
    city = partners(qstore, "Chengdu")
    assert city.groups[0].country.name == "哈萨克斯坦"  # 阿拉木图 LOCATED_IN 哈萨克斯坦
    assert partners(qstore, "洛阳国际传播中心").groups == []


def test_partner_map_points_and_filters(qstore):
    fc = partner_map(qstore, "浙江省国际传播中心")
    points = {f["properties"]["id"]: f for f in fc["features"]}
    assert set(points) == {"country:kz", "country:be"}
    assert points["country:be"]["geometry"]["coordinates"] == [4.6, 50.6]
    assert points["country:kz"]["properties"]["relations"] == {"REACHES": 1}
    only_partners = partner_map(qstore, "浙江省国际传播中心", types=["PARTNER_OF"])
    assert only_partners["features"] == []
    with pytest.raises(ValueError):
        partner_map(qstore, "浙江省国际传播中心", types=["LIKES"])
