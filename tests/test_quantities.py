"""Audience and reach figures in Chinese and English."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.quantities import METRICS, find_quantities


@pytest.mark.parametrize(
    ("text", "metric", "value", "unit", "span"),
    [
        ("其脸书账号粉丝突破1000万，位居前列", "followers", 1e7, "people", "粉丝突破1000万"),
        ("相关话题全网曝光量超43.4亿次。", "exposure", 4.34e9, "times", "曝光量超43.4亿次"),
        ("节目覆盖195个国家和地区", "countries_covered", 195, "countries", "覆盖195个国家和地区"),
        ("客户端下载量超2.98亿", "downloads", 2.98e8, "times", "下载量超2.98亿"),
        ("系列短视频播放量超25亿", "views", 2.5e9, "times", "播放量超25亿"),
        ("平台海外用户数超2121万", "users", 2.121e7, "people", "海外用户数超2121万"),
        ("专题浏览量突破2200万", "views", 2.2e7, "times", "浏览量突破2200万"),
        ("目前已有注册记者2600多人", "reporters", 2600, "people", "注册记者2600多人"),
        ("账号拥有1000万粉丝", "followers", 1e7, "people", "1000万粉丝"),
        ("视频获得5000万次播放", "views", 5e7, "times", "5000万次播放"),
        ("粉丝量达到三千多万", "followers", 3e7, "people", "粉丝量达到三千多万"),
        ("阅读量10万+的文章", "views", 1e5, "times", "阅读量10万+"),
        ("收获十多亿全球传播量", "exposure", 1e9, "times", "十多亿全球传播量"),
        ("The account has 10 million followers.", "followers", 1e7, "people", "10 million followers"),
        ("Its programmes reached 50 countries last year.", "countries_covered", 50, "countries", "50 countries"),
        ("with 2.5m subscribers on YouTube", "followers", 2.5e6, "people", "2.5m subscribers"),
        ("a total of 1,200,000 views", "views", 1.2e6, "times", "1,200,000 views"),
        ("账号矩阵总覆盖量超743万。", "reach", 7.43e6, "people", "总覆盖量超743万"),
        ("its videos reached more than 120 countries", "countries_covered", 120, "countries", "120 countries"),
    ],
)
def test_figures(text, metric, value, unit, span):
    matches = find_quantities(text)
    assert len(matches) == 1, matches
    q = matches[0]
    assert (q.metric, q.unit, q.text) == (metric, unit, span)
    assert q.value == pytest.approx(value)
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "重庆人口3000多万，成都人口2000多万",  # population is not reach
        "用户可以在2023年下载",  # a year after a metric word
        "2024年10月19日，代表团前往日本",
        "投资5000万元建设新闻中心",
        "来自30个国家的记者参加活动",  # countries without a reach verb
        "in 2023 the app was launched in 12 cities",
        "数百万海外网友和记者一起见证",  # vague 数百万; 记者一起 is no "one reporter"
        "与50 countries无关的数字 and 30 countries joined",  # English countries without a reach verb
    ],
)
def test_numbers_that_are_not_reach_figures(text):
    assert find_quantities(text) == []


def test_several_figures_in_order_without_overlap():
    text = "公共主页粉丝数超24万;官方视频号播放量超300万次，覆盖全球200多个国家和地区。"
    found = find_quantities(text)
    assert [(q.metric, q.value) for q in found] == [
        ("followers", 2.4e5), ("views", 3e6), ("countries_covered", 200)]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_metric_vocabulary_is_small_and_typed():
    units = {spec[0] for spec in METRICS.values()}
    assert {"followers", "users", "views", "exposure", "downloads", "countries_covered", "reporters"} <= set(METRICS)
    assert units <= {"people", "times", "countries", "accounts"}


_FIGURE_TEXT = st.lists(st.sampled_from(
    ["粉丝", "突破", "超", "1000", "43.4", "万", "亿", "次", "多", "覆盖", "个", "国家和地区", "十", "三千", "数",
     "记者", "人", "年", "10 million", "followers", "reached", "50", "countries", " ", "，", "。", "\n"]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(_FIGURE_TEXT.map("".join) | st.text(max_size=60))
def test_any_text_gives_ordered_disjoint_exact_spans(text):
    found = find_quantities(text)
    for q in found:
        assert text[q.start:q.end] == q.text
        assert q.value > 0 and q.metric in METRICS and q.unit
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
