"""The normaliser: hard-wrap rejoin, width folding, Traditional → Simplified, and
an offset map that always leads back to the text as read."""
from __future__ import annotations

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalise import normalise

T2S = opencc.OpenCC("t2s")


def _source_of(n, start: int, end: int) -> str:
    """What original[span] becomes once layout characters inside it are dropped,
    folded and simplified: must be the normalised slice."""
    ostart, oend = n.span_to_original(start, end)
    kept = [n.original[n.to_original(i)] for i in range(start, end)]
    assert all(ostart <= n.to_original(i) < oend for i in range(start, end))
    return "".join(kept)


def _char_ok(original_char: str, normalised_char: str) -> bool:
    if original_char == normalised_char:
        return True
    if normalised_char == " ":
        return original_char.isspace() or original_char in "\u3000\u00a0"
    folded = chr(ord(original_char) - 0xFEE0) if 0xFF01 <= ord(original_char) <= 0xFF5E else original_char
    return folded == normalised_char or len(T2S.convert(original_char)) == 1 and normalised_char != original_char


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # A CJK paragraph hard-wrapped mid-word by a newspaper column.
        ("上午，二十多位来自东盟国家的青年记\n者走进演播室，观摩了西部国际传\n播中心的多语种直播。",
         "上午，二十多位来自东盟国家的青年记者走进演播室，观摩了西部国际传播中心的多语种直播。"),
        # An English name across the break gets one space, not none.
        ("阿根廷美食博主 Maria\nSilva 拍摄了一组火锅短片，点赞不少。",
         "阿根廷美食博主 Maria Silva 拍摄了一组火锅短片，点赞不少。"),
        ("The centre reached 50\ncountries, and its partners signed\nagreements.",
         "The centre reached 50 countries, and its partners signed agreements."),
        # Digits and CJK join without a space; trailing spaces and \r go too.
        ("项目于2023年8 \r\n月16日启动，覆盖多国。", "项目于2023年8月16日启动，覆盖多国。"),
        # An English sentence end keeps its break; a wrapped English sentence does not.
        ("It opened in 2023.\nThe centre has 12 staff and\npartners in Europe.",
         "It opened in 2023.\nThe centre has 12 staff and partners in Europe."),
        # A sentence over a PDF page break (form feed) is one sentence again…
        ("双方将在新闻交流、人员\n\n\x0c培训等方面开展合作。", "双方将在新闻交流、人员培训等方面开展合作。"),
        ("The two sides will keep\n\n\x0cworking together.", "The two sides will keep working together."),
        # …but not across a finished sentence or a page number.
        ("双方将开展合作。\n\n\x0c第二页内容，继续。", "双方将开展合作。\n\n\x0c第二页内容，继续。"),
        ("双方将在新闻交流、人员\n\n\x0c12\n培训等方面开展合作。", "双方将在新闻交流、人员\n\n\x0c12\n培训等方面开展合作。"),
        # Paragraph breaks (blank lines) stay.
        ("第一段结束，没有句号\n\n第二段开始，内容继续。", "第一段结束，没有句号\n\n第二段开始，内容继续。"),
        # A sentence end keeps its line break.
        ("中心正式成立。\n双方签署协议，开展合作。", "中心正式成立。\n双方签署协议，开展合作。"),
        # Stacked headlines (no punctuation in the block) are not glued together.
        ("江风送来八方客 山城共话新丝路\n西部国际传播中心举办媒体开放日", "江风送来八方客 山城共话新丝路\n西部国际传播中心举办媒体开放日"),
        # A short heading above a long paragraph stays a heading.
        ("点赞街巷新貌\n“十年前我头一回到这座城市，这次再来，地铁多了好几条线，老街也修缮得更有味道了。”她笑着说。",
         "点赞街巷新貌\n“十年前我头一回到这座城市，这次再来，地铁多了好几条线，老街也修缮得更有味道了。”她笑着说。"),
        # List items keep their own lines.
        ("主要成果包括：\n• 开设海外账号，粉丝超过百万\n• 举办国际论坛，影响广泛",
         "主要成果包括：\n• 开设海外账号，粉丝超过百万\n• 举办国际论坛，影响广泛"),
    ],
)
def test_hard_wrap_rejoin(original, expected):
    n = normalise(original)
    assert n.text == expected
    assert n.span_to_original(0, len(n.text)) == (0, len(original))


def test_full_width_folding_keeps_chinese_punctuation():
    n = normalise("ＡＢＣ１２３，增长４３．４％。《渝见》「好」")
    assert n.text == "ABC123，增长43.4%。《渝见》「好」"


def test_traditional_is_matched_as_simplified_with_same_offsets():
    original = "重慶日報報業集團與哈薩克斯坦國家通訊社簽約，駛向緬甸仰光。"
    n = normalise(original)
    assert n.text == "重庆日报报业集团与哈萨克斯坦国家通讯社签约，驶向缅甸仰光。"
    start = n.text.index("缅甸")
    assert n.span_to_original(start, start + 2) == (start, start + 2)
    assert original[start:start + 2] == "緬甸"


def test_span_inside_a_rejoined_word_keeps_the_line_break_inside():
    original = "西部国际传\n播中心开通阿拉伯语频道，开展合作。"
    n = normalise(original)
    start = n.text.index("西部国际传播中心")
    ostart, oend = n.span_to_original(start, start + 8)
    assert original[ostart:oend] == "西部国际传\n播中心"
    assert n.to_original(len(n.text)) == len(original)


def test_zero_width_characters_are_dropped():
    original = "浙江\u200b省国际\ufeff传播中心"
    n = normalise(original)
    assert n.text == "浙江省国际传播中心"
    ostart, oend = n.span_to_original(0, len(n.text))
    assert original[ostart:oend] == original


def test_plain_text_is_unchanged():
    text = "西部国际传播中心开通阿拉伯语频道。\n\nThe centre launched an Arabic channel."
    n = normalise(text)
    assert n.text == text
    assert [n.to_original(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


_ALPHABET = st.sampled_from(
    list("国际传播中心重慶報業集團與哈薩克斯坦，。、：；！？“”《》（）「」 \n\n\n\r\t\x0c\u3000\u00a0\u200b\ufeff")
    + list("abcXYZ019.-,ＡＢ１２％＠•①—😀")
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120) | st.text(max_size=60))
def test_every_normalised_span_maps_back_to_its_source(original):
    n = normalise(original)
    assert n.to_original(len(n.text)) <= len(original)
    previous = -1
    for i in range(len(n.text)):
        o = n.to_original(i)
        assert previous < o < len(original)
        assert _char_ok(original[o], n.text[i]), (original[o], n.text[i])
        previous = o
    deleted = set(range(len(original))) - {n.to_original(i) for i in range(len(n.text))}
    assert all(original[i].isspace() or original[i] in "\u200b\u200c\u200d\u2060\ufeff" for i in deleted)
    for start in range(0, len(n.text) + 1, 7):
        for end in range(start, min(len(n.text), start + 25) + 1, 3):
            ostart, oend = n.span_to_original(start, end)
            assert 0 <= ostart <= oend <= len(original)
            assert len(_source_of(n, start, end)) == end - start
            if end > start:
                assert original[ostart] == n.original[n.to_original(start)]
                assert oend == n.to_original(end - 1) + 1
