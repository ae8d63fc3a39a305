"""The location gazetteer: lookups in Chinese, English and ISO codes; regions."""
from __future__ import annotations

import pytest

from extractors.geo import (
    country_of, find_location, get_location, locations, region_members, regions_of, text_names,
)
from graph.model import entity_id


@pytest.mark.parametrize(
    ("query", "location_id", "name"),
    [
        ("哈萨克斯坦", "country:kz", "哈萨克斯坦"),
        ("Kazakhstan", "country:kz", "哈萨克斯坦"),
        ("KZ", "country:kz", "哈萨克斯坦"),
        ("kz", "country:kz", "哈萨克斯坦"),
        ("KAZ", "country:kz", "哈萨克斯坦"),
        ("韩国", "country:kr", "韩国"),
        ("South Korea", "country:kr", "韩国"),
        ("大韩民国", "country:kr", "韩国"),
        ("俄罗斯", "country:ru", "俄罗斯"),
        ("Russia", "country:ru", "俄罗斯"),
        ("老挝", "country:la", "老挝"),
        ("柬埔寨", "country:kh", "柬埔寨"),
        ("UK", "country:gb", "英国"),
        ("USA", "country:us", "美国"),
        ("美国", "country:us", "美国"),
        ("伊朗", "country:ir", "伊朗"),
        ("緬甸", "country:mm", "缅甸"),
        ("中亚", "region:central-asia", "中亚"),
        ("Central Asia", "region:central-asia", "中亚"),
        ("拉美", "region:latin-america", "拉丁美洲"),
        ("南亚东南亚", "region:south-and-southeast-asia", "南亚东南亚"),
        ("重庆市", "place:重庆", "重庆"),
        ("重慶", "place:重庆", "重庆"),
        ("Chongqing", "place:重庆", "重庆"),
        ("宁夏回族自治区", "place:宁夏", "宁夏"),
        ("Ningxia", "place:宁夏", "宁夏"),
        ("Guyuan", "place:固原", "固原"),
        ("渝中区", "place:渝中区", "渝中区"),
        ("温州市", "place:温州", "温州"),
        ("台湾", "place:台湾", "台湾"),
        ("釜山", "place:釜山", "釜山"),
        ("甲府市", "place:甲府", "甲府"),
        ("仰光", "place:仰光", "仰光"),
        ("阿拉木图", "place:阿拉木图", "阿拉木图"),
        ("圣保罗", "place:圣保罗", "圣保罗"),
        ("Sao Paulo", "place:圣保罗", "圣保罗"),
        ("阿拉木图市", "place:阿拉木图", "阿拉木图"),
        ("金泉", "place:金泉", "金泉"),
        ("Jakarta", "place:雅加达", "雅加达"),  # the mainland form, not 勿礁维
        ("内罗毕", "place:内罗毕", "内罗毕"),
        ("Chaoyang", "place:朝阳市", "朝阳市"),  # geonames' English; bare 朝阳 is a word (朝阳产业)
        ("Xi'an", "place:西安", "西安"),
        ("山梨县", "place:山梨县", "山梨县"),
        ("California", "place:加利福尼亚州", "加利福尼亚州"),
        ("京畿道", "place:京畿道", "京畿道"),
        ("浙江省温州市", "place:温州", "温州"),
        ("日本山梨县甲府市", "place:甲府", "甲府"),
        ("万象", "place:万象", "万象"),  # asked for by name, the capital of Laos (in text it is guarded)
    ],
)
def test_find_location(query, location_id, name):
    loc = find_location(query)
    assert loc is not None, query
    assert (loc.id, loc.name) == (location_id, name)


def test_ids_follow_the_graph_rule():
    assert find_location("KZ").id == entity_id("Country", "KZ")
    assert find_location("中亚").id == entity_id("WorldRegion", "Central Asia")
    assert find_location("重庆").id == entity_id("Place", "重庆")


@pytest.mark.parametrize("query", ["", "和平", "光明", "日", "渝", "不存在的地方", "IN the", "小平", "四日", "美丽的温州", "朝阳", "大同", "阿里", "Ali"])
def test_unknown_and_unsafe_names(query):
    assert find_location(query) is None


def test_taiwan_hong_kong_macao_are_places_of_china():
    for name in ("台湾", "香港", "澳门", "TW", "HK"):
        loc = find_location(name)
        if name in ("TW", "HK"):
            assert loc is None or loc.type == "Place"
            continue
        assert loc.type == "Place" and loc.parent == "country:cn"


def test_every_country_has_iso_and_centroid():
    countries = [loc for loc in locations() if loc.type == "Country"]
    assert len(countries) > 240
    assert all(loc.iso2 and loc.id == entity_id("Country", loc.iso2) for loc in countries)
    assert sum(loc.lat is not None for loc in countries) / len(countries) > 0.97
    kz = get_location("country:kz")
    assert 40 < kz.lat < 55 and 50 < kz.lon < 90


def test_no_single_character_aliases_and_names_are_unique():
    owner = {}
    for loc in locations():
        assert len(loc.name) >= 2, loc
        for alias in (loc.name, *loc.aliases):
            assert len(alias) >= 2, (loc.id, alias)
    for loc in locations():
        for alias in (loc.name, *loc.aliases):
            found = find_location(alias)
            owner.setdefault(alias.lower(), found.id)
    assert find_location("重庆日报") is None


def test_places_have_parents_and_coordinates():
    places = [loc for loc in locations() if loc.type == "Place"]
    assert len(places) > 3000
    assert all(loc.parent for loc in places)
    yuzhong = find_location("渝中区")
    assert yuzhong.parent == "place:重庆"
    assert country_of(yuzhong.id) == "country:cn"
    assert abs(yuzhong.lat - 29.55) < 0.5 and abs(yuzhong.lon - 106.57) < 0.5
    assert country_of(find_location("釜山").id) == "country:kr"
    yamanashi = find_location("山梨县")
    assert abs(yamanashi.lat - 35.6) < 0.5 and abs(yamanashi.lon - 138.6) < 0.5
    california = find_location("加利福尼亚州")
    assert 32 < california.lat < 42 and -125 < california.lon < -114


def test_regions():
    assert "region:central-asia" in regions_of("country:kz")
    assert "region:asia" in regions_of("country:kz")
    assert "region:central-asia" in regions_of(find_location("阿拉木图").id)
    assert region_members("region:central-asia") == {
        "country:kz", "country:kg", "country:tj", "country:tm", "country:uz"}
    assert "country:be" in region_members(find_location("欧美").id)
    assert "country:us" in region_members(find_location("欧美").id)
    assert {"country:sa", "country:eg"} <= region_members(find_location("中东").id)
    assert "country:ke" in region_members(find_location("非洲").id)
    assert region_members("country:kz") == frozenset()
    assert regions_of("region:asia") == frozenset()


def test_text_names_leave_codes_out():
    names = text_names(find_location("India"))
    assert "印度" in names and "India" in names
    assert "IN" not in names and "IND" not in names
    assert "UK" in text_names(find_location("英国"))
