"""English relation extraction (extractors/relations/english.py), end to end through `extract_text`.

The sentences are written for these tests. Relations are compared by entity names and
aliases, so "Kenya" matches the entity the gazetteer names 肯尼亚.
"""
from __future__ import annotations

import pytest

from extractors import extract_text
from extractors.relations.structure import split_sentences


def relations(text: str) -> set[tuple[str, frozenset[str], frozenset[str]]]:
    g = extract_text(text)
    names = {e.id: frozenset({e.name, *e.aliases}) for e in g.entities}
    return {(r.type, names[r.head], names[r.tail]) for r in g.relations}


def has(got, rtype: str, head: str, tail: str) -> bool:
    symmetric = rtype in ("PARTNER_OF", "SISTER_CITY_OF")
    return any(t == rtype and ((head in h and tail in tl) or (symmetric and head in tl and tail in h)) for t, h, tl in got)


def test_agreements_with_every_partner_listed_and_a_possessive_country():
    got = relations("The Guangxi International Communication Center signed cooperation agreements with "
                    "Thailand's Nation TV and with Vietnam Television on Friday.")
    assert has(got, "PARTNER_OF", "Guangxi International Communication Center", "Nation TV")
    assert has(got, "PARTNER_OF", "Guangxi International Communication Center", "Vietnam Television")
    assert has(got, "LOCATED_IN", "Nation TV", "Thailand")
    assert not has(got, "PARTNER_OF", "Guangxi International Communication Center", "Thailand")


def test_the_two_sides_co_produce_and_worked_with_on_a_show():
    got = relations("The Yunnan International Communication Center signed an agreement with Lao National Television in May. "
                    "Under the agreement, the two sides will co-produce a cooking show, \"Mekong Kitchen\".")
    assert has(got, "PARTNER_OF", "Yunnan International Communication Center", "Lao National Television")
    assert has(got, "PRODUCED", "Yunnan International Communication Center", "Mekong Kitchen")
    assert has(got, "PRODUCED", "Lao National Television", "Mekong Kitchen")
    got = relations("Since 2022 the Yunnan International Communication Center has worked with Laos's Lao National Television "
                    "on the cooking show \"Mekong Kitchen\".")
    assert has(got, "PARTNER_OF", "Yunnan International Communication Center", "Lao National Television")
    assert has(got, "PRODUCED", "Yunnan International Communication Center", "Mekong Kitchen")
    assert has(got, "PRODUCED", "Lao National Television", "Mekong Kitchen")
    assert has(got, "LOCATED_IN", "Lao National Television", "Laos")


def test_passive_makers_and_joint_hosts():
    got = relations("The China-ASEAN Expo was co-hosted by the Ministry of Commerce and the Guangxi Zhuang Autonomous "
                    "Region Government.")
    expo = "China-ASEAN Expo"
    assert has(got, "PRODUCED", "Ministry of Commerce", expo)
    assert has(got, "PRODUCED", "Guangxi Zhuang Autonomous Region Government", expo)
    got = relations("The Silk Road Film Week was jointly organized by China Daily and the Italian Chinese Association.")
    assert has(got, "PARTNER_OF", "China Daily", "Italian Chinese Association")


def test_people_named_with_their_titles():
    got = relations("Ahmed Hassan, a presenter with Al Jazeera, hosted the opening. "
                    "Wang Tao, deputy director-general of China Daily, attended.")
    assert has(got, "AFFILIATED_WITH", "Ahmed Hassan", "Al Jazeera")
    assert has(got, "AFFILIATED_WITH", "Wang Tao", "China Daily")
    got = relations("Li Ming visited Al Jazeera last week.")
    assert not any(t == "AFFILIATED_WITH" for t, _, _ in got)


def test_the_association_stands_for_the_association_named_before():
    got = relations("The Fujian Association of Malaysia celebrated its anniversary in Kuala Lumpur. Chen Hua, the association's "
                    "vice-president, said the Kuala Lumpur-based association had signed an agreement with Fujian Media Group.")
    assert has(got, "AFFILIATED_WITH", "Chen Hua", "Fujian Association of Malaysia")
    assert has(got, "LOCATED_IN", "Fujian Association of Malaysia", "Kuala Lumpur")
    assert has(got, "PARTNER_OF", "Fujian Association of Malaysia", "Fujian Media Group")


def test_places_in_appositions_possessives_and_comma_pairs():
    got = relations("The delegation visited Mombasa, Kenya's main port, and Arusha, a city in northern Tanzania, after a stop "
                    "in China's Yunnan province. It then flew to Vientiane, Laos.")
    assert has(got, "LOCATED_IN", "Mombasa", "Kenya")
    assert has(got, "LOCATED_IN", "Arusha", "Tanzania")
    assert has(got, "LOCATED_IN", "Yunnan", "China")
    assert has(got, "LOCATED_IN", "Vientiane", "Laos")
    assert not has(got, "LOCATED_IN", "Kenya", "Tanzania")
    got = relations("Visitors came from Kenya, Nigeria and Egypt.")
    assert not any(t == "LOCATED_IN" for t, _, _ in got)


def test_based_in_its_accounts_and_an_office_in_a_capital_named_by_its_demonym():
    got = relations("The Hunan International Communication Center is based in Changsha, capital of Hunan province. "
                    "Its accounts on Facebook, Instagram and TikTok have 2 million followers. "
                    "In April it opened a liaison office in the Kenyan capital Nairobi, its first in Africa. "
                    "Kenya is its largest market.")
    c = "Hunan International Communication Center"
    assert has(got, "LOCATED_IN", c, "Changsha")
    assert has(got, "LOCATED_IN", "Changsha", "Hunan")
    assert {p for p in ("Facebook", "Instagram", "TikTok") if has(got, "OPERATES_ON", c, p)} == {"Facebook", "Instagram", "TikTok"}
    assert has(got, "PRESENCE_IN", c, "Nairobi")
    assert has(got, "PRESENCE_IN", c, "Kenya")
    assert has(got, "PRESENCE_IN", c, "Africa")
    assert has(got, "LOCATED_IN", "Nairobi", "Kenya")


def test_operated_by_a_parent_and_a_newspaper_of_a_group():
    got = relations("The Hunan International Communication Center opened in 2022. Operated by Hunan Daily Newspaper Group, "
                    "the centre publishes in six languages.")
    assert has(got, "PART_OF", "Hunan International Communication Center", "Hunan Daily Newspaper Group")
    got = relations("The Zhejiang Daily, a newspaper of Zhejiang Daily Press Group, reported the story.")
    assert has(got, "PART_OF", "Zhejiang Daily", "Zhejiang Daily Press Group")


def test_a_speaker_is_not_the_one_that_reaches_an_audience():
    got = relations("Xinhua said the programme reached audiences in Kenya.")
    assert not has(got, "REACHES", "Xinhua", "Kenya")
    got = relations("The Hainan International Communication Center reached audiences in Kenya and Nigeria last year.")
    assert has(got, "REACHES", "Hainan International Communication Center", "Kenya")
    assert has(got, "REACHES", "Hainan International Communication Center", "Nigeria")


def test_meeting_someone_is_no_partnership():
    got = relations("Officials from the Hunan International Communication Center met with China Daily in Beijing.")
    assert not any(t == "PARTNER_OF" for t, _, _ in got)


def test_sister_cities_leave_out_the_province_an_apposition_names():
    got = relations("Incheon and Qingdao, a port city in Shandong province, became sister cities in 1993.")
    assert has(got, "SISTER_CITY_OF", "Incheon", "Qingdao")
    assert has(got, "LOCATED_IN", "Qingdao", "Shandong")
    assert not has(got, "SISTER_CITY_OF", "Incheon", "Shandong")


def test_the_newspaper_and_the_broadcaster_are_told_apart():
    got = relations("The Daily Nation signed an agreement with Jiangsu Broadcasting Corporation. The newspaper will publish a "
                    "weekly page, and the broadcaster will air a monthly special on its YouTube channel.")
    assert has(got, "PARTNER_OF", "Daily Nation", "Jiangsu Broadcasting Corporation")
    assert has(got, "OPERATES_ON", "Jiangsu Broadcasting Corporation", "YouTube")
    assert not has(got, "OPERATES_ON", "Daily Nation", "YouTube")


def test_a_relative_clause_is_about_the_name_before_it():
    got = relations("\"Our readers want more,\" said Helen Wu, editor of the Daily Nation, which reaches readers across Kenya.")
    assert has(got, "AFFILIATED_WITH", "Helen Wu", "Daily Nation")
    assert has(got, "REACHES", "Daily Nation", "Kenya")


def test_a_demonym_in_an_apposition_and_a_unit_at_its_university():
    got = relations("The series was shown in Kazakhstan. Khabar TV, the Kazakh national broadcaster, aired it in May.")
    assert has(got, "LOCATED_IN", "Khabar TV", "Kazakhstan")
    got = relations("The exhibition was curated by the Confucius Institute at the University of Nairobi.")
    assert has(got, "PART_OF", "Confucius Institute", "University of Nairobi")
    assert not has(got, "PART_OF", "University of Nairobi", "Confucius Institute")


@pytest.mark.parametrize("text, pieces", [
    ("Li Wei is director of HICC. Founded in 2019, the centre grew.", 2),
    ("By Dr. Peter Mwangi, fellow. The U.S. Army came.", 2),
])
def test_sentences_end_after_an_acronym_but_not_after_a_title(text, pieces):
    assert len(split_sentences(text)) == pieces
