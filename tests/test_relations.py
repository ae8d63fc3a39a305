"""The relation extractor on sentences written for these tests, and on the dev corpus with gold entities."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.extensions import SPANS_KEY
from extractors.relations import Mention, extract_relations
from ontology import load_ontology

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def find(text: str, entities: list[tuple[str, str]]) -> list[Mention]:
    """Every occurrence of every (name, type); id = type:name, as a resolver would give."""
    out = []
    for name, typ in entities:
        for m in re.finditer(re.escape(name), text):
            out.append(Mention(m.start(), m.end(), typ, f"{typ}:{name}", name))
    return out


def rels(text: str, entities: list[tuple[str, str]], **kw) -> set[tuple[str, str, str]]:
    return {(r.type, r.head_id.split(":", 1)[1], r.tail_id.split(":", 1)[1])
            for r in extract_relations(text, find(text, entities), **kw)}


def test_partner_enumeration_every_left_with_every_right():
    text = "广西国际传播中心、南宁日报社与越南之声广播电台、老挝国家电视台签署合作备忘录。"
    got = rels(text, [("广西国际传播中心", "CommunicationCenter"), ("南宁日报社", "MediaOutlet"),
                      ("越南之声广播电台", "MediaOutlet"), ("老挝国家电视台", "MediaOutlet")])
    partners = {frozenset((h, t)) for ty, h, t in got if ty == "PARTNER_OF"}
    assert partners == {frozenset(p) for p in [("广西国际传播中心", "越南之声广播电台"), ("广西国际传播中心", "老挝国家电视台"),
                                                ("南宁日报社", "越南之声广播电台"), ("南宁日报社", "老挝国家电视台")]}


def test_symmetric_relation_is_reported_once_in_canonical_order():
    text = "昆明市与泰国清迈市早已结为友好城市，两市往来频繁。"
    out = [r for r in extract_relations(text, find(text, [("昆明市", "Place"), ("清迈市", "Place"), ("泰国", "Country")]))
           if r.type == "SISTER_CITY_OF"]
    assert len(out) == 1
    assert out[0].head_id < out[0].tail_id
    assert {out[0].head_id, out[0].tail_id} == {"Place:昆明市", "Place:清迈市"}


def test_located_in_chains_possessives_and_ceremonies():
    text = "代表团访问了法国的里昂与马赛，又到坦桑尼亚达累斯萨拉姆市考察。云南国际传播中心在昆明揭牌成立。"
    got = rels(text, [("法国", "Country"), ("里昂", "Place"), ("马赛", "Place"), ("坦桑尼亚", "Country"),
                      ("达累斯萨拉姆市", "Place"), ("云南国际传播中心", "CommunicationCenter"), ("昆明", "Place")])
    assert {("LOCATED_IN", "里昂", "法国"), ("LOCATED_IN", "马赛", "法国"), ("LOCATED_IN", "达累斯萨拉姆市", "坦桑尼亚"),
            ("LOCATED_IN", "云南国际传播中心", "昆明")} <= got
    assert ("LOCATED_IN", "法国", "里昂") not in got


def test_presence_in_picks_the_most_specific_place():
    text = "近年来，新华社在肯尼亚内罗毕设立分社，报道东非新闻。"
    got = rels(text, [("新华社", "MediaOutlet"), ("肯尼亚", "Country"), ("内罗毕", "Place")])
    assert ("PRESENCE_IN", "新华社", "内罗毕") in got
    assert ("LOCATED_IN", "内罗毕", "肯尼亚") in got


def test_reaches_from_actor_and_from_targeted_product():
    text = "海南国际传播中心的节目覆盖东南亚和南亚。广东广播电视台搭建了面向中东的多语种视频平台“湾区之声”。"
    got = rels(text, [("海南国际传播中心", "CommunicationCenter"), ("东南亚", "WorldRegion"), ("南亚", "WorldRegion"),
                      ("广东广播电视台", "MediaOutlet"), ("中东", "WorldRegion"), ("湾区之声", "Work")])
    assert {("REACHES", "海南国际传播中心", "东南亚"), ("REACHES", "海南国际传播中心", "南亚"),
            ("REACHES", "湾区之声", "中东"), ("PRODUCED", "广东广播电视台", "湾区之声")} <= got
    assert ("REACHES", "广东广播电视台", "中东") not in got


def test_produced_is_scoped_to_its_clause():
    text = "黑龙江日报社发布了年度观察报告，哈尔滨工业大学则推出纪录片《冰城故事》。"
    got = rels(text, [("黑龙江日报社", "MediaOutlet"), ("哈尔滨工业大学", "Organization"), ("冰城故事", "Work")])
    assert ("PRODUCED", "哈尔滨工业大学", "冰城故事") in got
    assert ("PRODUCED", "黑龙江日报社", "冰城故事") not in got


def test_relative_clause_agent_that_is_not_an_entity_produces_nothing():
    text = "河北日报社修复了当年外国摄影师拍摄的纪录片《长城之歌》。"
    got = rels(text, [("河北日报社", "MediaOutlet"), ("长城之歌", "Work")])
    assert ("PRODUCED", "河北日报社", "长城之歌") not in got


def test_features_and_promotes_with_enumeration():
    text = "福建国际传播中心深挖妈祖文化与茶文化，推出系列短视频《海丝茶韵》，讲述武夷岩茶的故事。"
    got = rels(text, [("福建国际传播中心", "CommunicationCenter"), ("妈祖文化", "CulturalIP"), ("茶文化", "CulturalIP"),
                      ("海丝茶韵", "Work"), ("武夷岩茶", "CulturalIP")])
    assert {("PROMOTES", "福建国际传播中心", "妈祖文化"), ("PROMOTES", "福建国际传播中心", "茶文化"),
            ("PRODUCED", "福建国际传播中心", "海丝茶韵"), ("FEATURES", "海丝茶韵", "武夷岩茶")} <= got


def test_operates_on_platforms_and_named_accounts():
    text = "甘肃国际传播中心在优兔和脸书开设账号，其中优兔频道“Gansu Now”订阅数超过十万。"
    got = rels(text, [("甘肃国际传播中心", "CommunicationCenter"), ("优兔", "Platform"), ("脸书", "Platform"),
                      ("Gansu Now", "MediaOutlet")])
    assert {("OPERATES_ON", "甘肃国际传播中心", "优兔"), ("OPERATES_ON", "甘肃国际传播中心", "脸书"),
            ("OPERATES_ON", "Gansu Now", "优兔"), ("PART_OF", "Gansu Now", "甘肃国际传播中心")} <= got


def test_part_of_nested_names_and_stated_subordination():
    text = "北京大学新闻与传播学院、广州日报报业集团的专家出席。山东国际传播中心是大众报业集团下属单位。"
    got = rels(text, [("北京大学新闻与传播学院", "Organization"), ("北京大学", "Organization"),
                      ("广州日报报业集团", "MediaOutlet"), ("广州日报", "MediaOutlet"),
                      ("山东国际传播中心", "CommunicationCenter"), ("大众报业集团", "MediaOutlet")])
    assert ("PART_OF", "北京大学新闻与传播学院", "北京大学") in got
    assert ("PART_OF", "山东国际传播中心", "大众报业集团") in got
    assert ("PART_OF", "广州日报报业集团", "广州日报") not in got  # the group of a paper, not a unit of it


def test_affiliation_role_chains_and_nested_parent():
    text = "北京大学新闻与传播学院副院长陈立、四川日报社党委书记、社长周平出席会议。"
    got = rels(text, [("北京大学新闻与传播学院", "Organization"), ("北京大学", "Organization"),
                      ("陈立", "Person"), ("四川日报社", "MediaOutlet"), ("周平", "Person")])
    assert {("AFFILIATED_WITH", "陈立", "北京大学新闻与传播学院"), ("AFFILIATED_WITH", "陈立", "北京大学"),
            ("AFFILIATED_WITH", "周平", "四川日报社")} <= got
    assert ("AFFILIATED_WITH", "周平", "北京大学新闻与传播学院") not in got


def test_no_affiliation_through_an_unrelated_title():
    text = "联合国教科文组织非物质文化遗产处代表、青海湖国际文化节筹委会主任马兰表示欢迎。"
    got = rels(text, [("联合国", "Organization"), ("青海湖国际文化节筹委会", "Organization"), ("马兰", "Person")])
    assert ("AFFILIATED_WITH", "马兰", "青海湖国际文化节筹委会") in got
    assert ("AFFILIATED_WITH", "马兰", "联合国") not in got


def test_english_sentences():
    text = ("The Yunnan International Communication Center signed a memorandum of understanding with Vientiane Times. "
            "Maria Lopez, a columnist for El Pais, visited the center. The Vientiane Times in Laos runs a weekly page.")
    got = rels(text, [("Yunnan International Communication Center", "CommunicationCenter"), ("Vientiane Times", "MediaOutlet"),
                      ("Maria Lopez", "Person"), ("El Pais", "MediaOutlet"), ("Laos", "Country")])
    partners = {frozenset((h, t)) for ty, h, t in got if ty == "PARTNER_OF"}
    assert frozenset(("Yunnan International Communication Center", "Vientiane Times")) in partners
    assert ("AFFILIATED_WITH", "Maria Lopez", "El Pais") in got
    assert ("LOCATED_IN", "Vientiane Times", "Laos") in got


def test_every_candidate_fits_the_ontology_and_carries_its_evidence():
    text = ("浙江省国际传播中心与哈萨克斯坦哈巴尔电视台签署合作协议，双方联合制作纪录片《茶路》，"
            "面向中亚观众播出。中心副主任陈思远表示，节目还将在脸书发布。")
    ents = [("浙江省国际传播中心", "CommunicationCenter"), ("哈萨克斯坦", "Country"), ("哈巴尔电视台", "MediaOutlet"),
            ("茶路", "Work"), ("中亚", "WorldRegion"), ("陈思远", "Person"), ("脸书", "Platform")]
    mentions = find(text, ents)
    types = {m.id: m.type for m in mentions}
    out = extract_relations(text, mentions)
    assert out
    ont = load_ontology()
    for r in out:
        assert ont.relation_types[r.type].accepts(types[r.head_id], types[r.tail_id])
        assert 0 < r.confidence <= 1
        ev = text[r.start_char:r.end_char]
        assert any(m.text in ev for m in mentions if m.id == r.head_id)
        assert any(m.text in ev for m in mentions if m.id == r.tail_id)
    assert len({r.confidence for r in out}) > 1  # confidence depends on the rule and distance


def test_registered_component_reads_spans_and_writes_candidates():
    nlp = spacy.blank("zh")
    nlp.add_pipe("qiao_relations")
    text = "重庆国际传播中心在渝中区揭牌。"
    doc = nlp.make_doc(text)
    spans = []
    for m in find(text, [("重庆国际传播中心", "CommunicationCenter"), ("渝中区", "Place")]):
        span = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
        span._.entity_id = m.id
        spans.append(span)
    doc.spans[SPANS_KEY] = spans
    doc = nlp.get_pipe("qiao_relations")(doc)
    assert [(r.type, r.head_id, r.tail_id) for r in doc._.qiao_relations] == [
        ("LOCATED_IN", "CommunicationCenter:重庆国际传播中心", "Place:渝中区")]


def test_long_enumerations_stay_bounded():
    names = [f"第{i}号测试报社" for i in range(300)]
    text = "、".join(names) + "与北方国际传播中心签约。"
    ents = [(n, "MediaOutlet") for n in names] + [("北方国际传播中心", "CommunicationCenter")]
    out = extract_relations(text, find(text, ents))
    assert 0 < len(out) <= 60


def test_dev_corpus_relations_with_gold_entities():
    gold = SHARED / "corpus" / "dev"
    if not gold.is_dir():
        pytest.skip(f"shared dev corpus not found at {gold}")
    spec = importlib.util.spec_from_file_location("relation_dev", ROOT / "tools" / "relation_dev.py")
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    stats = harness.run(gold)
    scorer = harness.load_scorer()
    tot = {k: sum(c[k] for c in stats["rel"].values()) for k in ("tp", "fp", "fn")}
    p, r, f = scorer.prf(tot)
    assert f >= 0.85, (p, r, f)


def test_organisation_qualified_by_its_parent_is_the_actor():
    text = "陕西广电集团旗下的丝路国际传播中心近日与乌兹别克斯坦国家电视台签署合作协议。"
    got = rels(text, [("陕西广电集团", "MediaOutlet"), ("丝路国际传播中心", "CommunicationCenter"),
                      ("乌兹别克斯坦国家电视台", "MediaOutlet")])
    partners = {frozenset((h, t)) for ty, h, t in got if ty == "PARTNER_OF"}
    assert partners == {frozenset(("丝路国际传播中心", "乌兹别克斯坦国家电视台"))}
    assert ("PART_OF", "丝路国际传播中心", "陕西广电集团") in got


def test_part_of_direction_follows_the_verb():
    text = "甘南国际传播中心隶属甘南州融媒体中心。"
    got = rels(text, [("甘南国际传播中心", "CommunicationCenter"), ("甘南州融媒体中心", "MediaOutlet")])
    assert ("PART_OF", "甘南国际传播中心", "甘南州融媒体中心") in got
    assert ("PART_OF", "甘南州融媒体中心", "甘南国际传播中心") not in got


def test_work_shown_in_countries_reaches_them():
    text = "纪录片《高原之舟》已在尼泊尔、不丹等国电视台播出。"
    got = rels(text, [("高原之舟", "Work"), ("尼泊尔", "Country"), ("不丹", "Country")])
    assert {("REACHES", "高原之舟", "尼泊尔"), ("REACHES", "高原之舟", "不丹")} <= got


def test_local_kind_of_a_generic_ip_is_not_located_but_a_quoted_landmark_is():
    text = "栏目介绍了柳州螺蛳粉，也走进了桂林“象鼻山”。"
    got = rels(text, [("柳州", "Place"), ("螺蛳粉", "CulturalIP"), ("桂林", "Place"), ("“象鼻山”", "CulturalIP")])
    assert ("LOCATED_IN", "“象鼻山”", "桂林") in got
    assert ("LOCATED_IN", "螺蛳粉", "柳州") not in got


def test_we_in_a_quotation_is_the_speakers_organisation():
    text = ("贵州日报当代融媒体集团副总编辑周岚介绍了集团的做法。"
            "“我们打造的双语栏目《山地来信》已更新两百期。”周岚说。")
    got = rels(text, [("贵州日报当代融媒体集团", "MediaOutlet"), ("周岚", "Person"), ("山地来信", "Work")])
    assert ("AFFILIATED_WITH", "周岚", "贵州日报当代融媒体集团") in got
    assert ("PRODUCED", "贵州日报当代融媒体集团", "山地来信") in got


def test_organisers_listed_before_their_verbs_and_audiences_reached():
    text = "由青海日报社主办、西宁广播电视台承办的“高原丝路”国际摄影展昨日开幕，吸引了大批尼泊尔游客。"
    got = rels(text, [("青海日报社", "MediaOutlet"), ("西宁广播电视台", "MediaOutlet"), ("高原丝路", "Event"),
                      ("尼泊尔", "Country")])
    assert {("PRODUCED", "青海日报社", "高原丝路"), ("PRODUCED", "西宁广播电视台", "高原丝路")} <= got
    assert not any(ty == "PART_OF" for ty, _, _ in got)
    text = "近年来，甘肃国际传播中心持续向中亚观众讲述敦煌故事。"
    got = rels(text, [("甘肃国际传播中心", "CommunicationCenter"), ("中亚", "WorldRegion")])
    assert ("REACHES", "甘肃国际传播中心", "中亚") in got


def test_joining_verbs_and_co_founded_alliances():
    text = "四川日报社携手尼泊尔加德满都邮报推出双语专栏《雪山对话》。"
    got = rels(text, [("四川日报社", "MediaOutlet"), ("加德满都邮报", "MediaOutlet"), ("尼泊尔", "Country"),
                      ("雪山对话", "Work")])
    assert frozenset(("四川日报社", "加德满都邮报")) in {frozenset((h, t)) for ty, h, t in got if ty == "PARTNER_OF"}
    assert ("LOCATED_IN", "加德满都邮报", "尼泊尔") in got
    text = "广西日报传媒集团和越南通讯社联合制作的纪录片《红河两岸》已完成拍摄。"
    got = rels(text, [("广西日报传媒集团", "MediaOutlet"), ("越南通讯社", "MediaOutlet"), ("红河两岸", "Work")])
    assert {("PRODUCED", "广西日报传媒集团", "红河两岸"), ("PRODUCED", "越南通讯社", "红河两岸")} <= got
    text = "云南日报报业集团与老挝国家通讯社共建澜湄媒体合作联盟。"
    got = rels(text, [("云南日报报业集团", "MediaOutlet"), ("老挝国家通讯社", "MediaOutlet"), ("澜湄媒体合作联盟", "Organization")])
    assert {("PART_OF", "云南日报报业集团", "澜湄媒体合作联盟"), ("PART_OF", "老挝国家通讯社", "澜湄媒体合作联盟")} <= got


def test_english_opening_location_phrase():
    text = "Located in the north of Shaanxi province, the city of Yan'an draws visitors from across the country."
    got = rels(text, [("Shaanxi", "Place"), ("Yan'an", "Place")])
    assert ("LOCATED_IN", "Yan'an", "Shaanxi") in got


def test_place_of_a_relative_clause_belongs_to_the_event_not_the_speaker():
    text = "王明代表重庆日报报业集团在北京举行的中国报业论坛上发言。"
    got = rels(text, [("王明", "Person"), ("重庆日报报业集团", "MediaOutlet"), ("北京", "Place"), ("中国报业论坛", "Event")])
    assert ("LOCATED_IN", "中国报业论坛", "北京") in got
    assert ("LOCATED_IN", "重庆日报报业集团", "北京") not in got


def test_english_report():
    text = ("The Hubei International Communication Center, part of Hubei Daily Media Group, has opened an English channel "
            "on YouTube. Its documentary \"River of Tea\" features Enshi yulu tea and was broadcast in Kenya and Tanzania. "
            "Wang Fang, deputy director of the Hubei International Communication Center, said the centre also works with "
            "the Daily Nation.")
    got = rels(text, [("Hubei International Communication Center", "CommunicationCenter"),
                      ("Hubei Daily Media Group", "MediaOutlet"), ("YouTube", "Platform"), ("River of Tea", "Work"),
                      ("Enshi yulu tea", "CulturalIP"), ("Kenya", "Country"), ("Tanzania", "Country"),
                      ("Wang Fang", "Person"), ("Daily Nation", "MediaOutlet")])
    assert {("PART_OF", "Hubei International Communication Center", "Hubei Daily Media Group"),
            ("OPERATES_ON", "Hubei International Communication Center", "YouTube"),
            ("FEATURES", "River of Tea", "Enshi yulu tea"),
            ("REACHES", "River of Tea", "Kenya"), ("REACHES", "River of Tea", "Tanzania"),
            ("AFFILIATED_WITH", "Wang Fang", "Hubei International Communication Center")} <= got
    partners = {frozenset((h, t)) for ty, h, t in got if ty == "PARTNER_OF"}
    assert frozenset(("Hubei International Communication Center", "Daily Nation")) in partners


_TYPES = sorted(load_ontology().entity_types)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("中心与签约合作协议在、，。的由主办推出《》“”账号脸书覆盖 abc.")), max_size=120),
       st.lists(st.tuples(st.integers(0, 120), st.integers(1, 12), st.sampled_from(_TYPES), st.integers(0, 5)), max_size=12))
def test_arbitrary_text_and_mentions_never_raise(text, raw):
    mentions = [Mention(s, min(s + n, len(text)), typ, f"{typ}:{k}", text[s:s + n])
                for s, n, typ, k in raw if s < len(text)]
    types = {m.id: m.type for m in mentions}
    for r in extract_relations(text, mentions):
        assert 0 <= r.start_char < r.end_char <= len(text)
        assert 0 < r.confidence <= 1
        assert r.head_id != r.tail_id and r.head_id in types and r.tail_id in types


def test_membership_stations_and_bureaus():
    text = "浙江日报报业集团是中国报业协会的常务理事单位。新华社驻肯尼亚记者站站长李明介绍了当地情况。"
    got = rels(text, [("浙江日报报业集团", "MediaOutlet"), ("中国报业协会", "Organization"), ("新华社", "MediaOutlet"),
                      ("肯尼亚", "Country"), ("李明", "Person")])
    assert {("PART_OF", "浙江日报报业集团", "中国报业协会"), ("PRESENCE_IN", "新华社", "肯尼亚"),
            ("AFFILIATED_WITH", "李明", "新华社")} <= got
    text = "Xinhua has bureaus in Nairobi, Cairo and Johannesburg."
    got = rels(text, [("Xinhua", "MediaOutlet"), ("Nairobi", "Place"), ("Cairo", "Place"), ("Johannesburg", "Place")])
    assert {("PRESENCE_IN", "Xinhua", c) for c in ("Nairobi", "Cairo", "Johannesburg")} <= got


def test_host_is_not_located_where_it_holds_an_event():
    text = "9月5日，广西国际传播中心在南宁举办“东盟媒体周”活动。"
    got = rels(text, [("广西国际传播中心", "CommunicationCenter"), ("南宁", "Place"), ("东盟媒体周", "Event")])
    assert {("LOCATED_IN", "东盟媒体周", "南宁"), ("PRODUCED", "广西国际传播中心", "东盟媒体周")} <= got
    assert ("LOCATED_IN", "广西国际传播中心", "南宁") not in got


def test_both_sides_and_the_film_refer_back():
    text = ("广西国际传播中心与越南之声广播电台签署合作协议。双方将联合制作纪录片《山水相连》。"
            "该片计划明年在越南、老挝等国播出。")
    got = rels(text, [("广西国际传播中心", "CommunicationCenter"), ("越南之声广播电台", "MediaOutlet"),
                      ("山水相连", "Work"), ("越南", "Country"), ("老挝", "Country")])
    assert {("PRODUCED", "广西国际传播中心", "山水相连"), ("PRODUCED", "越南之声广播电台", "山水相连"),
            ("REACHES", "山水相连", "越南"), ("REACHES", "山水相连", "老挝")} <= got
    assert ("REACHES", "广西国际传播中心", "越南") not in got


def test_sister_cities_stay_in_the_cue_clause_and_speaker_named_with_title():
    text = "青岛市与韩国大邱市是友好城市，记者希望多报道山东。"
    got = rels(text, [("青岛市", "Place"), ("大邱市", "Place"), ("韩国", "Country"), ("山东", "Place")])
    sisters = {frozenset((h, t)) for ty, h, t in got if ty == "SISTER_CITY_OF"}
    assert sisters == {frozenset(("青岛市", "大邱市"))}
    text = "“我们希望借助黄河文化讲好故事。”河南国际传播中心主任赵刚说。他介绍，中心策划推出的纪录片《大河之南》已在埃及《金字塔报》网站刊播。"
    got = rels(text, [("黄河文化", "CulturalIP"), ("河南国际传播中心", "CommunicationCenter"), ("赵刚", "Person"),
                      ("大河之南", "Work"), ("埃及", "Country"), ("金字塔报", "MediaOutlet")])
    assert {("PROMOTES", "河南国际传播中心", "黄河文化"), ("REACHES", "大河之南", "埃及")} <= got


def test_english_the_centre_stands_for_the_last_centre():
    text = ("The Hainan International Communication Center signed an agreement with the Bangkok Post. "
            "Wu Min, a director of the Hainan International Communication Center, said the centre's series \"Island Voices\" "
            "was broadcast in Thailand.\n\n"
            "The centre, which is part of Hainan Daily Group, runs accounts on Facebook. "
            "Based in Haikou, the centre opened an office in Bangkok last year.")
    got = rels(text, [("Hainan International Communication Center", "CommunicationCenter"), ("Bangkok Post", "MediaOutlet"),
                      ("Wu Min", "Person"), ("Island Voices", "Work"), ("Thailand", "Country"),
                      ("Hainan Daily Group", "MediaOutlet"), ("Facebook", "Platform"), ("Haikou", "Place"), ("Bangkok", "Place")])
    c = "Hainan International Communication Center"
    assert {("PRODUCED", c, "Island Voices"), ("REACHES", "Island Voices", "Thailand"), ("PART_OF", c, "Hainan Daily Group"),
            ("OPERATES_ON", c, "Facebook"), ("LOCATED_IN", c, "Haikou"), ("PRESENCE_IN", c, "Bangkok")} <= got
    assert ("OPERATES_ON", "Hainan Daily Group", "Facebook") not in got


def test_joint_builders_subunit_lists_and_founded_alliances():
    text = "河北国际传播中心由河北日报报业集团和河北广播电视台共同组建。湖北日报传媒集团下设荆楚网、湖北日报网。"
    got = rels(text, [("河北国际传播中心", "CommunicationCenter"), ("河北日报报业集团", "MediaOutlet"),
                      ("河北广播电视台", "MediaOutlet"), ("湖北日报传媒集团", "MediaOutlet"), ("荆楚网", "MediaOutlet"),
                      ("湖北日报网", "MediaOutlet")])
    assert {("PART_OF", "河北国际传播中心", "河北日报报业集团"), ("PART_OF", "河北国际传播中心", "河北广播电视台"),
            ("PART_OF", "荆楚网", "湖北日报传媒集团"), ("PART_OF", "湖北日报网", "湖北日报传媒集团")} <= got
    text = "浙江日报报业集团牵头成立长三角国际传播联盟。"
    got = rels(text, [("浙江日报报业集团", "MediaOutlet"), ("长三角国际传播联盟", "Organization")])
    assert got == {("PART_OF", "浙江日报报业集团", "长三角国际传播联盟")}


def test_named_office_abroad_gives_presence_of_its_parent():
    text = "温州市国际传播中心米兰海外传播基地近日揭牌。"
    got = rels(text, [("温州市国际传播中心米兰海外传播基地", "Organization"), ("温州市国际传播中心", "CommunicationCenter"),
                      ("米兰", "Place")])
    assert {("PRESENCE_IN", "温州市国际传播中心", "米兰"),
            ("PART_OF", "温州市国际传播中心米兰海外传播基地", "温州市国际传播中心")} <= got


def test_the_film_refers_to_a_work_named_alone_in_an_earlier_sentence():
    text = "纪录片《茶马古道》今年完成拍摄。该片已在尼泊尔播出。"
    got = rels(text, [("茶马古道", "Work"), ("尼泊尔", "Country")])
    assert ("REACHES", "茶马古道", "尼泊尔") in got
