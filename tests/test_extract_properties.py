"""Property: any text goes through the whole extraction without raising, and every
offset it reports slices the text as given to exactly the text it reports."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.pipeline import extract_text

# Pieces of real report language, so that entities, relations and figures are
# found and their offsets exercised, mixed with noise of every kind.
_PIECES = [
    "浙江省国际传播中心", "重慶日報報業集團", "与", "和", "、", "签署合作协议", "哈萨克斯坦", "比利时", "中亚",
    "在", "设立海外工作站", "《熊猫的朋友们》", "大熊猫", "Facebook", "脸书", "粉丝突破860万", "覆盖160个国家和地区",
    "（以下简称“中心”）", "该中心", "等", "。", "，", "！", "\n", "\n\n", "\r\n", " ", "\u3000", "ＡＢＣ１２３",
    "Tatiana", "Prateres", "Kazakhstan", "reached 50 countries", "😀", "\u200b", "“", "”", "(ZICC)", "温州",
    "友好城市", "釜山", "国际传\n播中心", "记者 王亚 报道",
]
_TEXT = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=5)), max_size=25).map("".join),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_offsets_always_slice_the_original(text):
    graph = extract_text(text)
    payload = graph.to_json()
    ids = {e["id"] for e in payload["entities"]}
    for entity in payload["entities"]:
        for m in entity["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"]:m["end"]] == m["text"]
    for relation in payload["relations"]:
        assert relation["head"] in ids and relation["tail"] in ids
        ev = relation["evidence"]
        assert 0 <= ev["start"] <= ev["end"] <= len(text)
        assert text[ev["start"]:ev["end"]] == ev["text"]
    for quantity in payload["quantities"]:
        ev = quantity["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_offsets_through_rejoined_and_traditional_text():
    """Mentions found in the normalised text (hard wrap rejoined, Traditional folded)
    still slice the text as read, line break and Traditional characters included."""
    text = "浙江省國際傳播中心與哈薩克斯坦國家通訊社簽署合作協議，雙方將在哈薩\n克斯坦開展合作，粉丝突破860万。"
    payload = extract_text(text).to_json()
    assert payload["entities"], "the property above is only meaningful when entities are found"
    mentions = [m for e in payload["entities"] for m in e["mentions"]]
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]
    assert any(m["text"] == "哈薩\n克斯坦" for m in mentions)
    assert any(m["text"] == "浙江省國際傳播中心" for m in mentions)
