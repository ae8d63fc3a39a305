"""Whole-pipeline extraction of constructions reports use, on sentences written for these tests."""
from __future__ import annotations

import pytest

from extractors import extract_text


def extracted(text: str) -> tuple[dict[str, str], set[tuple[str, str, str]], dict[str, list[str]]]:
    """(name → type, {(relation, head name, tail name)}, name → aliases) of one text."""
    g = extract_text(text)
    names = {e.id: e.name for e in g.entities}
    return ({e.name: e.type for e in g.entities},
            {(r.type, names[r.head], names[r.tail]) for r in g.relations},
            {e.name: e.aliases for e in g.entities})


@pytest.mark.parametrize("text, name", [
    ("国际新闻部主任穆罕默德·阿西夫结合自己的经历谈了看法。", "穆罕默德·阿西夫"),
    ("副主任坎培·西提萨介绍了合作情况。", "坎培·西提萨"),
    ("公会会长刘志强说，片子拍得很真实。", "刘志强"),
    ("同乡会会长陈家兴说，乡亲们都看了。", "陈家兴"),
    ("The gala was hosted by Kevin Sy, a presenter with a local network.", "Kevin Sy"),
    ("Maria Santos-Lim, a member of the city council, attended.", "Maria Santos-Lim"),
])
def test_person_names_end_where_the_name_ends(text, name):
    types, _, _ = extracted(text)
    assert types.get(name) == "Person", types


def test_a_verb_after_a_given_name_is_not_part_of_it():
    types, _, _ = extracted("中心主任王亚强调，要讲好故事。记者和中外嘉宾参会。")
    assert types.get("王亚") == "Person" and "王亚强" not in types
    assert not any(t == "Person" and n.startswith("和") for n, t in types.items())


def test_editions_and_subforums_are_not_event_names():
    types, rels, _ = extracted("9月18日，2025中国—东盟媒体合作论坛在南宁开幕。本届论坛由广西壮族自治区人民政府主办，"
                               "设4场分论坛。主办方宣布第三届论坛将于明年举行。")
    assert types.get("2025中国—东盟媒体合作论坛") == "Event"
    assert not {"本届论坛", "分论坛", "第三届论坛", "方宣布第三届论坛"} & set(types)
    assert ("PRODUCED", "广西壮族自治区人民政府", "2025中国—东盟媒体合作论坛") in rels


def test_english_name_and_short_name_in_one_parenthesis():
    types, rels, aliases = extracted("2021年，海南国际传播中心（Hainan International Communication Center，以下简称“HICC”）"
                                     "在海口揭牌。HICC在Facebook、X等平台运营官方账号。")
    assert types.get("海南国际传播中心") == "CommunicationCenter"
    assert {"Hainan International Communication Center", "HICC"} <= set(aliases["海南国际传播中心"])
    assert "Hainan International Communication Center" not in types
    assert ("OPERATES_ON", "海南国际传播中心", "Facebook") in rels


def test_office_opened_in_a_city_and_its_country():
    _, rels, _ = extracted("湖北国际传播中心介绍了海外布局。2024年5月，湖北国际传播中心首个海外工作站在法国巴黎挂牌。"
                           "随后，意大利米兰工作站也相继落地。")
    assert {("PRESENCE_IN", "湖北国际传播中心", "巴黎"), ("PRESENCE_IN", "湖北国际传播中心", "法国"),
            ("PRESENCE_IN", "湖北国际传播中心", "米兰")} <= rels


def test_numbered_case_list_names_makers_and_featured_ips():
    _, rels, _ = extracted("入选案例如下：\n1.湖北广播电视台：《编钟里的中国》融媒体报道。\n"
                           "2.贵州国际传播中心：苗绣国际传播项目。\n3.新疆国际传播中心：中亚本土化传播实践。")
    assert ("PRODUCED", "湖北广播电视台", "编钟里的中国") in rels
    assert ("FEATURES", "编钟里的中国", "编钟") in rels
    assert ("PROMOTES", "贵州国际传播中心", "苗绣") in rels
    assert ("REACHES", "新疆国际传播中心", "中亚") in rels


def test_country_before_an_outlets_own_name_locates_it_but_not_inside_a_national_name():
    _, rels, _ = extracted("江苏国际传播中心与马来西亚星洲日报、老挝国家电视台签署合作协议。")
    located = {(h, t) for ty, h, t in rels if ty == "LOCATED_IN"}
    assert any(t == "马来西亚" for _, t in located)
    assert ("老挝国家电视台", "老挝") not in located


def test_joint_production_makes_partners_and_makers():
    _, rels, _ = extracted("由湖北国际传播中心与武汉广播电视台联合出品的纪录片《江城来信》日前上线。")
    assert {("PRODUCED", "湖北国际传播中心", "江城来信"), ("PRODUCED", "武汉广播电视台", "江城来信")} <= rels
    assert any(ty == "PARTNER_OF" and {h, t} == {"湖北国际传播中心", "武汉广播电视台"} for ty, h, t in rels)


def test_unit_run_with_a_partner_is_no_child_of_the_partner():
    _, rels, _ = extracted("2023年，江苏国际传播中心首个海外工作站在韩国首尔挂牌，由中心与韩国亚洲日报社共同运营。")
    assert not any(ty == "PART_OF" for ty, _, _ in rels)
    assert any(ty == "PARTNER_OF" and "江苏国际传播中心" in (h, t) for ty, h, t in rels)


def test_owner_before_its_platform_pages():
    _, rels, _ = extracted("Quanzhou Media Group (QMG) organised the gala. It was streamed on QMG's Facebook page and "
                           "YouTube channel.")
    assert {("OPERATES_ON", "Quanzhou Media Group", "Facebook"), ("OPERATES_ON", "Quanzhou Media Group", "YouTube")} <= rels


def test_english_titles_quoted_after_their_noun():
    types, rels, _ = extracted('The Hubei International Communication Center and RTS will co-produce a documentary '
                               'series, "Bells of the Yangtze River Valley", while the centre runs a column, '
                               '"Letters from Wuhan". The evening was called "a reunion of old friends".')
    assert types.get("Bells of the Yangtze River Valley") == "Work"
    assert types.get("Letters from Wuhan") == "Work"
    assert "a reunion of old friends" not in types


def test_place_and_school_bound_forms_of_a_craft():
    types, _, _ = extracted("展演活动上，蔚县剪纸和陈氏太极拳轮番登场。")
    assert types.get("蔚县剪纸") == "CulturalIP" and types.get("陈氏太极拳") == "CulturalIP"


def test_lexicon_names_do_not_end_inside_a_word():
    types, _, _ = extracted("中国网络视听协会发布年度报告，新华社联合报道。")
    assert "中国网" not in types and "联合报" not in types


def test_an_ip_crossing_a_place_in_a_title_is_not_featured():
    types, rels, _ = extracted("湖南音乐节在长沙开幕。")
    assert not any(ty == "FEATURES" for ty, _, _ in rels), rels


def test_sister_cities_written_as_pairs():
    _, rels, _ = extracted("参会的友好城市分别是：西安—意大利罗马、青岛—韩国大邱、长沙—美国圣路易斯。"
                           "其中，沈阳与芝加哥、石家庄与得梅因的友城关系均已走过40年。")
    sister = {frozenset((h, t)) for ty, h, t in rels if ty == "SISTER_CITY_OF"}
    assert {frozenset(p) for p in [("西安", "罗马"), ("青岛", "大邱"), ("长沙", "圣路易斯"), ("沈阳", "芝加哥"),
                                   ("石家庄", "得梅因")]} <= sister
    assert frozenset(("沈阳", "石家庄")) not in sister and frozenset(("西安", "青岛")) not in sister


def test_capital_and_headquarters_phrases():
    _, rels, _ = extracted("总部位于郑州的河南国际传播中心与哈萨克斯坦国际通讯社签约。年底，中心将在马来西亚首都吉隆坡举办展览。")
    assert ("LOCATED_IN", "河南国际传播中心", "郑州") in rels
    assert ("LOCATED_IN", "吉隆坡", "马来西亚") in rels
    assert not any(ty == "LOCATED_IN" and t == "郑州" and h != "河南国际传播中心" for ty, h, t in rels)


@pytest.mark.parametrize("text", ["中心在Facebook、YouTube、X三大平台运营账号。", "我们在TikTok和X开设账号。",
                                  "Its accounts on YouTube, X (formerly Twitter) and TikTok grew."])
def test_x_is_a_platform_among_platforms(text):
    types, _, _ = extracted(text)
    assert types.get("X") == "Platform"


def test_a_lone_capital_x_is_not_a_platform():
    types, _, _ = extracted("Malcolm X wrote a book. 第X届论坛。")
    assert "X" not in types


def test_numbered_heading_is_not_joined_to_its_paragraph():
    from extractors.normalise import normalise

    text = "三、互派记者与图片展\n天津海河传媒中心与日本《神户新闻》签署交流协议，今年起每年互派记者，围绕港口和城市更新开展联合采访。"
    assert normalise(text).text.startswith("三、互派记者与图片展\n天津")
    types, _, _ = extracted(text)
    assert types.get("天津海河传媒中心") == "MediaOutlet" and types.get("神户新闻") == "MediaOutlet"


@pytest.mark.parametrize("text, name", [("总编辑阿戈斯蒂诺·费拉里则表示，专栏每月更新。", "阿戈斯蒂诺·费拉里"),
                                        ("博主法赫德·奥泰比出镜讲解。", "法赫德·奥泰比")])
def test_transliterated_names_end_before_the_verb(text, name):
    types, _, _ = extracted(text)
    assert types.get(name) == "Person", types


def test_dateline_credits_the_reporter_and_is_no_actor():
    _, rels, _ = extracted("新华社开罗5月6日电（记者王晓）湖北日报传媒集团6日在开罗与埃及《金字塔报》签署合作协议。")
    assert ("AFFILIATED_WITH", "王晓", "新华社") in rels
    partners = {frozenset((h, t)) for ty, h, t in rels if ty == "PARTNER_OF"}
    assert frozenset(("湖北日报传媒集团", "金字塔报")) in partners
    assert not any("新华社" in p for p in partners)


def test_a_description_may_stand_between_partner_verb_and_partner():
    _, rels, _ = extracted("澳大利亚华侨华人联合会联合当地华文媒体《澳洲新报》，在悉尼组织社区放映会。")
    assert any(ty == "PARTNER_OF" and {h, t} == {"澳大利亚华侨华人联合会", "澳洲新报"} for ty, h, t in rels)


def test_heads_that_are_verbs_and_platform_channels_are_not_organisations():
    types, rels, _ = extracted("澳大利亚华侨华人联合会在悉尼组织放映会。《号角报》将在其官网和YouTube频道开设专栏。")
    assert "悉尼组织" not in types and "YouTube频道" not in types
    assert ("OPERATES_ON", "号角报", "YouTube") in rels


def test_vientiane_by_its_mainland_name_but_not_inside_an_idiom():
    types, rels, _ = extracted("中心在老挝万象设立工作站。展览内容包罗万象。")
    assert types.get("万象") == "Place" and ("LOCATED_IN", "万象", "老挝") in rels
    assert "万象" not in extracted("展览内容包罗万象，观众很多。")[0]


def test_quoted_events_by_the_word_after_them():
    types, _, _ = extracted("今年4月潍坊国际风筝会期间，中心策划“风筝飞过海”全球直播。当晚还举办了「碉楼与家书」侨批图片展。"
                            "《侨声日报》与“侨声网”全程报道。")
    assert types.get("潍坊国际风筝会") == "Event" and types.get("风筝飞过海") == "Event"
    assert any(t == "Event" and n.startswith("碉楼与家书") for n, t in types.items())
    assert types.get("侨声网") == "MediaOutlet"


def test_possessive_pronoun_and_audience_regions_refer_to_the_last_actor():
    _, rels, _ = extracted("湖北国际传播中心成立于2023年。其英文栏目《江城漫步》聚焦热干面。其中，《汉口老街》最受欢迎。"
                           "其海外受众以东南亚和中东为主。")
    assert ("PRODUCED", "湖北国际传播中心", "江城漫步") in rels
    assert ("PRODUCED", "湖北国际传播中心", "汉口老街") not in rels
    assert {("REACHES", "湖北国际传播中心", "东南亚"), ("REACHES", "湖北国际传播中心", "中东")} <= rels


def test_clause_opening_with_a_partner_and_a_joint_verb():
    _, rels, _ = extracted("江苏国际传播中心介绍了海外布局。2024年，中心在马来西亚吉隆坡设立工作站，"
                           "并与马来西亚《星洲日报》联合开设“江南来信”专栏。")
    assert any(ty == "PARTNER_OF" and {h, t} == {"江苏国际传播中心", "星洲日报"} for ty, h, t in rels)
    assert {("PRODUCED", "江苏国际传播中心", "江南来信"), ("PRODUCED", "星洲日报", "江南来信")} <= rels


def test_an_event_organised_by_makes_nobody_a_part():
    _, rels, _ = extracted("澜湄媒体合作论坛在昆明开幕。本届论坛由云南省人民政府与中国外文局共同主办。")
    assert not any(ty == "PART_OF" for ty, _, _ in rels)
    assert ("PRODUCED", "中国外文局", "澜湄媒体合作论坛") in rels


def test_listed_local_forms_of_crafts_and_cultures():
    types, _, _ = extracted("纪录片串联起三坊七巷、船政文化、寿山石雕、脱胎漆器等福州元素。推动企业文化、历史文化建设。")
    assert {"船政文化", "寿山石雕", "脱胎漆器"} <= {n for n, t in types.items() if t == "CulturalIP"}
    assert "企业文化" not in types and "历史文化" not in types


def test_named_accounts_run_on_the_platforms_after_them_and_parents_by_building():
    _, rels, _ = extracted("山西国际传播中心由山西日报报业集团负责建设和日常运营。中心海外账号“Shanxi Insight”在Facebook和"
                           "YouTube进行了直播。青岛国际传播中心依托青岛日报社运营。深圳报业集团旗下英文媒体Shenzhen Daily增设西班牙语频道。")
    assert {("OPERATES_ON", "Shanxi Insight", "Facebook"), ("OPERATES_ON", "Shanxi Insight", "YouTube"),
            ("PART_OF", "山西国际传播中心", "山西日报报业集团"), ("PART_OF", "青岛国际传播中心", "青岛日报社"),
            ("PART_OF", "Shenzhen Daily", "深圳报业集团")} <= rels
    assert not any("西班牙" in (h, t) for _, h, t in rels)


@pytest.mark.parametrize("text, name", [("剧院青年演员沈婉清用英文讲解唱腔。", "沈婉清"), ("馆长蒋丽萍说，展览很受欢迎。", "蒋丽萍"),
                                        ("会长拿督黄振邦说，乡亲们都来了。", "黄振邦"),
                                        ("The project was led by Professor Inês Carvalho of the institute.", "Inês Carvalho"),
                                        ("Gábor Szabó, a deputy director of the agency, said so.", "Gábor Szabó")])
def test_more_roles_and_accented_names(text, name):
    types, _, _ = extracted(text)
    assert types.get(name) == "Person", types


def test_english_common_words_and_based_prefixes_stay_out_of_names():
    types, _, _ = extracted("The gala at the Living Arts Centre was covered by the Toronto-based Maple Leaf Chinese Times. "
                            "The paper said so.")
    assert types.get("Maple Leaf Chinese Times") == "MediaOutlet"
    assert "澎湃新闻" not in types and not any(n in ("Centre", "中部") for n in types)


def test_two_english_names_joined_by_and_stay_two():
    types, _, _ = extracted("The Guangxi International Communication Center and Vietnam Television signed a deal. "
                            "Guests from the Quanzhou Municipal Foreign and Overseas Chinese Affairs Office came.")
    assert types.get("Guangxi International Communication Center") == "CommunicationCenter"
    assert types.get("Vietnam Television") == "MediaOutlet"
    assert "Quanzhou Municipal Foreign and Overseas Chinese Affairs Office" in types
