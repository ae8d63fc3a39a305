"""Audience and reach figures in Chinese and English."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.quantities import METRICS, find_quantities


@pytest.mark.parametrize(
    ("text", "metric", "value", "unit", "span"),
    [
        ("旗下英文频道粉丝突破360万，增速领先", "followers", 3.6e6, "people", "粉丝突破360万"),
        ("灯会直播的累计曝光量超12.6亿次。", "exposure", 1.26e9, "times", "曝光量超12.6亿次"),
        ("纪录片覆盖168个国家和地区", "countries_covered", 168, "countries", "覆盖168个国家和地区"),
        ("这款阅读应用下载量超1.75亿", "downloads", 1.75e8, "times", "下载量超1.75亿"),
        ("系列动画短片播放量超18亿", "views", 1.8e9, "times", "播放量超18亿"),
        ("该平台海外用户数超1386万", "users", 1.386e7, "people", "海外用户数超1386万"),
        ("专题页面浏览量突破870万", "views", 8.7e6, "times", "浏览量突破870万"),
        ("新闻服务平台累计注册记者1800多人", "reporters", 1800, "people", "注册记者1800多人"),
        ("账号拥有1000万粉丝", "followers", 1e7, "people", "1000万粉丝"),
        ("视频获得5000万次播放", "views", 5e7, "times", "5000万次播放"),
        ("粉丝量达到三千多万", "followers", 3e7, "people", "粉丝量达到三千多万"),
        ("阅读量10万+的文章", "views", 1e5, "times", "阅读量10万+"),
        ("赛事话题斩获三十多亿全网传播量", "exposure", 3e9, "times", "三十多亿全网传播量"),
        ("The account has 10 million followers.", "followers", 1e7, "people", "10 million followers"),
        ("Its programmes reached 50 countries last year.", "countries_covered", 50, "countries", "50 countries"),
        ("with 2.5m subscribers on YouTube", "followers", 2.5e6, "people", "2.5m subscribers"),
        ("a total of 1,200,000 views", "views", 1.2e6, "times", "1,200,000 views"),
        ("海外社交账号总覆盖量超518万。", "reach", 5.18e6, "people", "总覆盖量超518万"),
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
        "武汉人口1300多万，长沙人口1000多万",  # population is not reach
        "用户可以在2023年下载",  # a year after a metric word
        "2024年10月19日，代表团前往日本",
        "投资5000万元建设新闻中心",
        "来自30个国家的记者参加活动",  # countries without a reach verb
        "in 2023 the app was launched in 12 cities",
        "数百万观众和记者一起观看了开幕直播",  # vague 数百万; 记者一起 is no "one reporter"
        "与50 countries无关的数字 and 30 countries joined",  # English countries without a reach verb
    ],
)
def test_numbers_that_are_not_reach_figures(text):
    assert find_quantities(text) == []


def test_several_figures_in_order_without_overlap():
    text = "英文主页粉丝数超37万;官方短视频号播放量超450万次，覆盖全球140多个国家和地区。"
    found = find_quantities(text)
    assert [(q.metric, q.value) for q in found] == [
        ("followers", 3.7e5), ("views", 4.5e6), ("countries_covered", 140)]
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
