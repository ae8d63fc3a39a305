"""The extraction pipeline on sentences written for these tests (not from the dev corpus)."""
from __future__ import annotations

import json

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractors import extract_file, extract_many, extract_text, get_pipeline
from extractors.extensions import SPANS_KEY
from extractors.loaders import LoadError
from extractors.normalise import normalise
from extractors.pipeline import build_graph, build_pipeline
from extractors.tokenizer import segment


def by_name(graph):
    out = {}
    for e in graph.entities:
        for n in (e.name, *e.aliases):
            out.setdefault(n, e)
    return out


def assert_offsets(text, graph):
    for eid, ms in graph.mentions.items():
        for m in ms:
            assert text[m.start:m.end] == m.text
    for r in graph.relations:
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.text


ZH = ("3月5日，四川国际传播中心与北京大学新闻与传播学院签署战略合作协议。"
      "四川日报报业集团副总编辑陈华介绍，该中心将在脸书和优兔开设账号，推出《熊猫家园》系列纪录片，"
      "讲述大熊猫与川剧的故事，覆盖东南亚和哈萨克斯坦。")


def test_types_nested_orgs_platforms_works_persons():
    g = extract_text(ZH)
    names = by_name(g)
    assert names["四川国际传播中心"].type == "CommunicationCenter"
    assert names["北京大学新闻与传播学院"].type == "Organization"
    assert names["北京大学"].type == "Organization"  # nested in the school's name
    assert names["四川日报报业集团"].type == "MediaOutlet"
    assert names["陈华"].type == "Person"
    assert names["脸书"].name == "Facebook" and names["脸书"].type == "Platform"
    assert names["优兔"].name == "YouTube"
    assert names["熊猫家园"].type == "Work" and "《熊猫家园》" in names["熊猫家园"].aliases
    assert names["大熊猫"].type == "CulturalIP" and names["大熊猫"].attrs["category"] == "animal"
    assert names["哈萨克斯坦"].id == "country:kz" and names["哈萨克斯坦"].attrs["iso2"] == "KZ"
    assert names["东南亚"].type == "WorldRegion"
    # 四川 inside the centre's name is not a place of its own
    assert "四川" not in names
    assert_offsets(ZH, g)


def test_generic_phrases_are_not_entities():
    g = extract_text("多地纷纷成立国际传播中心，省级国际传播中心与海外媒体、各地报业集团加强合作。")
    assert [e.name for e in g.entities if e.type in ("CommunicationCenter", "MediaOutlet")] == []


def test_anaphora_point_to_the_named_centre():
    text = "甘肃国际传播中心今日揭牌。该中心由甘肃日报社承建。"
    doc = get_pipeline()(normalise(text).text)
    spans = list(doc.spans[SPANS_KEY])
    centre = next(s for s in spans if s.text == "甘肃国际传播中心")
    anaphor = next(s for s in spans if s.text == "该中心")
    assert anaphor._.anaphor and anaphor._.entity_id == centre._.entity_id
    g = extract_text(text)
    assert [e.name for e in g.entities if e.type == "CommunicationCenter"] == ["甘肃国际传播中心"]


def test_aliases_defined_in_text_and_abbreviations():
    text = ("广东省国际传播中心（以下简称“粤传中心”）与成都日报报业集团合作。"
            "粤传中心负责海外账号运营，成报集团提供内容。江苏省国际传播中心(JSICC)也参与。")
    g = extract_text(text)
    names = by_name(g)
    assert names["粤传中心"] is names["广东省国际传播中心"]
    assert names["成报集团"] is names["成都日报报业集团"]
    assert names["JSICC"] is names["江苏省国际传播中心"]
    assert len([e for e in g.entities if e.type == "CommunicationCenter"]) == 2
    assert_offsets(text, g)


def test_persons_with_roles():
    text = ("本报记者 李娜报道。日本京都府京都市市长松井孝治表示欢迎。协会会长赵明远在会上发言，"
            "专栏作家 Maria Lopez 也出席。对此，王立新表示赞同，总编辑约翰·史密斯说合作顺利。")
    g = extract_text(text)
    persons = {e.name for e in g.entities if e.type == "Person"}
    assert {"李娜", "松井孝治", "赵明远", "Maria Lopez", "王立新", "约翰·史密斯"} <= persons
    assert not persons & {"对此", "京都"}
    words = extract_text("协会会长单位共十家。记者会上，主任委员王强发言。")
    assert [e.name for e in words.entities if e.type == "Person"] == ["王强"]


def test_quoted_names_typed_by_their_cue_word():
    text = ("该集团打造“云上丝路”品牌，举办“茶香天下”国际摄影大赛，并在“锦城通”客户端上线。"
            "还推出 Night Market Diaries、Tea Talk 等外籍主播系列视频。")
    names = by_name(extract_text(text))
    assert names["Night Market Diaries"].type == "Work" and names["Tea Talk"].type == "Work"
    assert names["云上丝路"].type == "Work"
    assert names["茶香天下国际摄影大赛"].type == "Event"
    assert names["锦城通客户端"].type == "MediaOutlet"


def test_english_report():
    text = ("Officials in Lanzhou signed an agreement with China Daily to launch the "
            "“Gansu International Communication Center” (甘肃国际传播中心), which will promote Gansu to the world. "
            "The Silk Road Media Network (SRMN) works with Astana TV. Deputy director Li Wenhua said SRMN "
            "will open an office. Maria Santos, a columnist, agreed. The Tianshan Daily Media Group "
            "and the University of Central Asia launched the \"Steppe Voices\" podcast; its editor, Ali Khan, spoke. "
            "Zhou Ming met them in Hong Kong.")
    g = extract_text(text)
    assert g.document.lang == "en"
    names = by_name(g)
    centre = names["Gansu International Communication Center"]
    assert centre.type == "CommunicationCenter" and "甘肃国际传播中心" in centre.aliases
    assert names["China Daily"].type == "MediaOutlet"
    assert names["Lanzhou"].type == "Place"
    assert names["Astana TV"].type == "MediaOutlet"
    network = names["SRMN"]
    assert network.name == "Silk Road Media Network" and len(g.mentions[network.id]) == 3
    persons = {e.name for e in g.entities if e.type == "Person"}
    assert {"Li Wenhua", "Maria Santos", "Ali Khan", "Zhou Ming"} <= persons
    assert names["Hong Kong"].type == "Place"
    assert names["University of Central Asia"].type == "Organization"
    assert names["Steppe Voices"].type == "Work"
    assert "Tianshan Daily" not in names  # a head word inside an English name is not a parent
    assert_offsets(text, g)


def test_traditional_chinese_gives_the_simplified_entities():
    simp = "浙江省国际传播中心与意大利温州同乡会合作，在脸书推出《瓯江故事》。"
    trad = "浙江省國際傳播中心與意大利溫州同鄉會合作，在臉書推出《甌江故事》。"
    key = lambda g: sorted((e.type, e.name) for e in g.entities)  # noqa: E731
    gs, gt = extract_text(simp), extract_text(trad)
    assert key(gs) == key(gt)
    assert ("OverseasAssociation", "意大利温州同乡会") in key(gs)
    assert_offsets(trad, gt)


def test_offsets_point_into_hard_wrapped_text():
    text = "上周，西部国际传\n播中心与重庆日报报业\n集团签约。\n\n重报集团将负责运营。"
    g = extract_text(text)
    names = by_name(g)
    assert "西部国际传播中心" in names and names["重报集团"] is names["重庆日报报业集团"]
    assert_offsets(text, g)
    assert any(m.text == "西部国际传\n播中心" for ms in g.mentions.values() for m in ms)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("中国重庆日报报业集团国际传播中心《》“”（）()、，。\n 该脸书A Bc0王主任会长等")), max_size=80))
def test_arbitrary_text_never_raises_and_offsets_slice(text):
    g = extract_text(text)
    assert_offsets(text, g)
    ids = {e.id for e in g.entities}
    assert set(g.mentions) <= ids
    assert all(r.head in ids and r.tail in ids for r in g.relations)


def test_tokenizer_keeps_text_and_splits_at_candidates():
    text = "重庆日报报业集团与 China Daily  合作\n推出“陆海”品牌。"
    words, spaces = segment(text, [0, 8])
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text
    doc = get_pipeline()(text)
    assert doc.text == text
    assert any(s.text == "重庆日报报业集团" for s in doc.spans[SPANS_KEY])
    assert len(doc) < len(text) / 1.5  # coarse tokens, not one per character
    assert [s.text for s in doc.sents][-1].startswith("推出")


def test_relations_come_through_with_evidence():
    text = "湖南国际传播中心与湖南日报社签署合作协议。湖南国际传播中心在脸书开设账号。"
    g = extract_text(text)
    types = {r.type for r in g.relations}
    assert "PARTNER_OF" in types or "OPERATES_ON" in types
    assert_offsets(text, g)


def test_quantity_attached_to_the_outlet():
    text = "湖南国际传播中心的英文账号粉丝突破650万。"
    g = extract_text(text)
    centre = by_name(g)["湖南国际传播中心"]
    assert any(q.entity == centre.id and q.value == 6_500_000 for q in g.quantities)


def test_model_ner_adds_entities_at_low_confidence(tmp_path):
    model = spacy.blank("en")
    ruler = model.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Zorblat Quux"}, {"label": "ORG", "pattern": "China Daily"}])
    model.to_disk(tmp_path / "tiny")
    nlp = build_pipeline(str(tmp_path / "tiny"))
    text = "Zorblat Quux met editors of China Daily in Lanzhou."
    norm = normalise(text)
    doc = nlp(norm.text)
    g = build_graph(doc, norm)
    names = by_name(g)
    assert names["Zorblat Quux"].type == "Person"
    assert names["China Daily"].type == "MediaOutlet"  # our lexicon wins over the model's ORG
    span = next(s for s in doc.spans[SPANS_KEY] if s.text == "Zorblat Quux")
    assert span._.confidence < 0.5
    assert "Zorblat Quux" not in by_name(extract_text(text))  # the default pipeline has no model


def test_extract_many_in_order_with_processes(tmp_path):
    texts = ["成都传媒集团推出《熊猫频道》。", "西安国际传播中心推出皮影戏短视频。", "洛阳国际传播中心推广牡丹。"]
    one = [sorted(e.name for e in g.entities) for g in extract_many(texts)]
    two = [sorted(e.name for e in g.entities) for g in extract_many(texts, n_process=2)]
    assert one == two and "西安国际传播中心" in one[1]


@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_hands_back_failures_in_place(tmp_path, n_process):
    good = tmp_path / "good.txt"
    good.write_text("西安国际传播中心推出皮影戏短视频。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 20)
    items = [bad, good, tmp_path / "missing.txt", "洛阳国际传播中心推广牡丹。"]
    out = list(extract_many(items, n_process=n_process, return_exceptions=True))
    assert [type(o).__name__ for o in out] == ["LoadError", "DocumentGraph", "LoadError", "DocumentGraph"]
    assert str(bad) in str(out[0]) and out[1].document.source == str(good)
    with pytest.raises(LoadError):
        list(extract_many(items, n_process=n_process))


def test_cli_extract_json_lines(tmp_path):
    from api.cli import app

    a = tmp_path / "a.txt"
    a.write_text("西安国际传播中心推出皮影戏短视频。", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_bytes("成都传媒集团推出新栏目。".encode("gb18030"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 20)
    res = CliRunner().invoke(app, ["extract", "--json", str(a), str(bad), str(b)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert [r["source"] for r in rows] == [str(a), str(b)]
    two = CliRunner().invoke(app, ["extract", "--json", "-j", "2", str(a), str(bad), str(b)])
    assert [json.loads(line) for line in two.stdout.splitlines() if line.startswith("{")] == rows
    assert any(e["name"] == "成都传媒集团" for e in rows[1]["entities"])
    assert str(bad) in res.stderr
    only_bad = CliRunner().invoke(app, ["extract", "--json", str(bad)])
    assert only_bad.exit_code == 1


def test_extract_file_source_and_doc_id(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("温州市国际传播中心推出《侨乡故事》。", encoding="utf-8")
    g = extract_file(p)
    assert g.document.source == str(p) and len(g.document.doc_id) == 64
    assert g.document.text == p.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "《》", "“”"])
def test_degenerate_inputs(text):
    g = extract_text(text)
    assert g.entities == [] or all(g.mentions.get(e.id) for e in g.entities)
