"""Audience and reach figures: 粉丝突破1000万, 全网曝光量超43.4亿次, 覆盖195个国家和地区,
"10 million followers", "reached 50 countries".

A figure is found by its metric word next to a number, never by the number alone:
reports are full of dates, budgets and percentages that are not reach. The value
is the figure as stated (超/逾/近/多 "over/nearly/more than" do not change it).
Attaching a figure to its organisation, work or platform is the caller's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# metric → (unit, Chinese keywords, English keywords). Longer keywords first is
# not required: the regex alternation is sorted by length below.
METRICS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "followers": ("people", ("粉丝", "关注者", "订阅者", "订阅用户", "订阅量", "订阅数", "关注量", "订户"),
                  ("followers", "subscribers", "fans")),
    "users": ("people", ("用户", "注册用户", "活跃用户", "海外用户", "月活用户", "日活用户", "月活", "日活"),
              ("users", "active users", "monthly active users", "registered users")),
    "views": ("times", ("播放量", "观看量", "浏览量", "阅读量", "点击量", "访问量", "播放次数", "观看次数",
                        "浏览次数", "阅读次数", "点击次数", "访问次数", "收看人次", "观看人次", "播放"),
              ("views", "video views", "page views", "plays", "reads", "visits")),
    "exposure": ("times", ("曝光量", "曝光", "传播量", "总传播量", "展示量", "阅读曝光量", "话题阅读量"),
                 ("impressions",)),
    "reach": ("people", ("覆盖人次", "触达人次", "覆盖人群", "覆盖受众", "触达用户", "覆盖用户", "受众", "覆盖量",
                         "总覆盖量", "触达量", "覆盖面"),
              ("people reached", "viewers", "audience")),
    "engagement": ("times", ("互动量", "互动次数", "点赞量", "点赞数", "转发量", "评论量", "转评赞"),
                   ("engagements", "interactions", "likes", "shares")),
    "downloads": ("times", ("下载量", "下载次数", "装机量", "安装量", "下载"),
                  ("downloads", "installs")),
    "countries_covered": ("countries", ("国家和地区", "国家及地区", "国家与地区", "个国家", "国家"),
                          ("countries and regions", "countries and territories", "countries")),
    "reporters": ("people", ("注册记者", "驻外记者", "外籍记者", "记者", "采编人员", "通讯员"),
                  ("journalists", "reporters", "correspondents")),
    "members": ("people", ("会员", "成员单位", "成员"), ("members", "member organisations")),
    "accounts": ("accounts", ("账号", "帐号"), ("accounts",)),
}


@dataclass(frozen=True)
class QuantityMatch:
    start: int
    end: int
    text: str
    metric: str
    value: float
    unit: str


def find_quantities(text: str) -> list[QuantityMatch]:
    """All figures in `text`, in order, without overlaps (the longer match wins)."""
    found: list[QuantityMatch] = []
    for pattern, lang in ((_ZH_METRIC_FIRST, "zh"), (_ZH_COUNTRIES, "zh"), (_EN_NUMBER_FIRST, "en")):
        for m in pattern.finditer(text):
            q = _match(m, lang)
            if q is not None:
                found.append(q)
    # Number-first figures (1000万粉丝) are found from their noun, which is rarer
    # than the digits and numerals a left-to-right scan would try at every turn.
    for noun in _ZH_NOUN.finditer(text):
        m = _ZH_NUMBER_FIRST.search(text, max(0, noun.start() - 24), noun.end())
        q = _match(m, "zh") if m is not None else None
        if q is not None:
            found.append(q)
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    out: list[QuantityMatch] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


_ZH_MULT = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
            "十万": 1e5, "万": 1e4, "千": 1e3}
_EN_MULT = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6,
            "thousand": 1e3, "k": 1e3}
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _keyword_index(lang: int) -> dict[str, str]:
    return {kw.lower(): metric for metric, spec in METRICS.items() for kw in spec[lang]}


_ZH_KEYWORDS = _keyword_index(1)
_EN_KEYWORDS = _keyword_index(2)
_PEOPLE_NOUNS = ("粉丝", "用户", "记者", "订阅者", "会员", "受众", "观众", "网友")

_NOT_BEFORE_NUMBER = frozenset("0123456789.,数几上零〇一二两三四五六七八九十百千")
_ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+"
_ZH_NUMBER = (
    rf"(?P<num>{_ARABIC}|{_CHINESE})(?P<approx1>多|余|\+)?(?P<mult>{_alt(_ZH_MULT)})?"
    r"(?P<approx2>多|余|\+)?"
)
_ZH_VERB = (
    r"(?:已经|已|累计|共计|共|总计|合计|目前|现已|现|均|平均|全网|超)?"
    r"(?:突破了?|超过了?|超出|超|逾|达到了?|已达|达|近|约|高达|多达|破|有|为|是|过|至|到|增至|增长至|增加到|增长到|提升至)?"
)
# A number that is a date, an age, a percentage or money is not a figure.
_NOT_FIGURE = r"(?![\d.]|年|月|日|号|岁|%|％|元|美元|届|期|版|周年|倍|分|秒|小时|天)"

_ZH_METRIC_FIRST = re.compile(
    rf"(?P<kw>{_alt(k for k in _ZH_KEYWORDS if '国家' not in k)})(?:数量|总数|总量|规模|数|量)?"
    rf"{_ZH_VERB}{_ZH_NUMBER}{_NOT_FIGURE}(?P<measure>人次|次|人|个|位|名|家|条|户)?"
)
_ZH_NOUNS = _alt([*(k for k in _ZH_KEYWORDS if "国家" not in k), *_PEOPLE_NOUNS, "海外粉丝", "观看", "浏览", "阅读",
                  "点击", "互动"])
_ZH_NOUN = re.compile(_ZH_NOUNS)
# Searched with endpos at the end of a noun: `$` ties the figure to that noun.
_ZH_NUMBER_FIRST = re.compile(
    rf"{_ZH_NUMBER}(?P<measure>人次|次|个|位|名|家|条|户)?(?:全球|全网|海外|国内外|境外|的)?(?P<kw>{_ZH_NOUNS})$"
)
_ZH_COUNTRIES = re.compile(
    r"(?:覆盖|遍及|遍布|辐射|触达|通达|落地|发行到|发行至|传播到|传播至|远销|抵达|影响|进入|走进|走向|延伸到|延伸至|用户来自|受众来自|粉丝来自)"
    r"(?:了|到)?(?:全球|世界|全世界|海外|五大洲|共)?(?:的)?"
    rf"{_ZH_NUMBER}(?P<measure>个)?(?P<kw>国家和地区|国家及地区|国家与地区|国家)"
)
_EN_NUMBER = r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(?P<mult>trillion|billion|million|thousand|bn|mn|[bmk])\b)?(?P<approx1>\+)?"
_EN_NUMBER_FIRST = re.compile(
    rf"(?i)(?<![\w.,]){_EN_NUMBER}\s+(?:[a-z-]+\s+)?(?P<kw>{_alt(_EN_KEYWORDS)})\b"
)
# Countries count as reach only after a reach verb: "reached (more than) 50 countries".
_EN_REACH_VERB = re.compile(
    r"(?i)\b(?:reach(?:ed|es|ing)?|cover(?:ed|s|ing)?|across|spanning|in|to|from)\s+"
    r"(?:(?:more than|over|nearly|almost|about|around|some|at least)\s+)?$"
)


def _match(m: re.Match[str], lang: str) -> QuantityMatch | None:
    keyword = m.group("kw").lower()
    if lang == "zh":
        metric = _zh_metric(keyword)
        mult = _ZH_MULT.get(m.group("mult") or "", 1.0)
    else:
        metric = _EN_KEYWORDS[keyword]
        if metric == "countries_covered" and not _EN_REACH_VERB.search(m.string, max(0, m.start() - 40), m.start()):
            return None
        mult = _EN_MULT.get((m.group("mult") or "").lower(), 1.0)
    if m.start("num") > 0 and m.string[m.start("num") - 1] in _NOT_BEFORE_NUMBER:
        return None  # the tail of a longer number, or vague: 数百万, 几十万, 上万
    number = _number(m.group("num"))
    if number is None or number == 0:
        return None
    if lang == "zh" and not m.group("num")[0].isdigit() and not (m.group("mult") or m.groupdict().get("measure")):
        return None  # 记者一起 is not "one reporter"
    measure = m.groupdict().get("measure") or ""
    unit = METRICS[metric][0]
    if measure == "人次" or (metric == "reach" and measure == "次"):
        unit = "person-times"
    start = m.start("num") if lang == "en" else m.start()
    return QuantityMatch(start=start, end=m.end(), text=m.string[start:m.end()], metric=metric,
                         value=number * mult, unit=unit)


def _zh_metric(keyword: str) -> str:
    if keyword in _ZH_KEYWORDS:
        return _ZH_KEYWORDS[keyword]
    table = {"播放": "views", "观看": "views", "浏览": "views", "阅读": "views", "点击": "views",
             "下载": "downloads", "曝光": "exposure", "互动": "engagement", "观众": "reach", "网友": "reach",
             "海外粉丝": "followers"}
    return table[keyword]


def _number(raw: str) -> float | None:
    raw = raw.replace(",", "").replace("，", "")
    try:
        return float(raw)
    except ValueError:
        return _chinese_number(raw)


def _chinese_number(raw: str) -> float | None:
    """一千二百 → 1200, 十 → 10, 三 → 3; digit strings like 二〇二三 read as digits."""
    if all(ch in _CN_DIGIT for ch in raw):
        return float("".join(str(_CN_DIGIT[ch]) for ch in raw))
    total = 0
    digit = None
    for ch in raw:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
    return float(total + (digit or 0))
