"""Find entity candidates in normalised text: lexicon hits plus pattern rules.

The rules are written for the names reports use that no lexicon can list:
organisations named by a head word (重庆日报报业集团 = prefix + 报业集团), works in
《》, named campaigns in quotes typed by the word next to them, persons after
their role (主任王亚), items of an enumeration typed by its closing word
(A、B、C等单位). Every rule returns `Candidate`s with character offsets; `select`
then keeps one reading of each stretch of text (nested organisations allowed).
All rule data (head words, roles, surnames, stop words, cue words) lives in
`extractors/data/`, so extending the extractor to a new kind of report is an
edit of a word list, not of code.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import ahocorasick
from rapidfuzz import fuzz, process

from extractors.gazetteer import DATA_DIR, Entry, Gazetteer, GazMatch, get_gazetteer
from ontology import load_ontology

ORG_TYPES = load_ontology().members("Organisation")
LOCATION_TYPES = load_ontology().members("Location")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NAME_CHAR = re.compile(f"[{_CJK}A-Za-z0-9·]")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_LATIN_WORD = re.compile(r"[A-Z][A-Za-z0-9'’&.\-]*|[A-Z0-9]{2,}")
_DATE_PREFIX = re.compile(r"(?:\d{1,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上|当天|凌晨)?")
_ORDINAL = "[0-9一二三四五六七八九十百零〇]+"
# Characters that end a 2-character Chinese given name: the next word starts here.
_NAME_STOP = set("介表说举认在看等也和与向称指谈就则还将对是的了透坦告提回感所多不报出、，。,；：:（(）)”“\"' \n受带共率均都亲随现主")
# Characters common in given names that also open a verb after a name: they end
# the name only when that verb follows (刘志强说 is a name, 刘志强调 is 刘志 + 强调).
_NAME_OR_VERB = {"强": ("强调",), "兴": ("兴奋",), "希": ("希望",), "发": ("发表", "发布", "发言", "发出", "发现"),
                 "为": ("为了", "为此", "为期"), "道": ("道出",), "曾": ("曾经", "曾任", "曾在")}
# Two capitalised Latin words in a row: without one, no English name rule can match.
_TITLE_PAIR = re.compile(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ0-9'’&\-]* [A-ZÀ-Þ]|[A-Za-z]+ (?:TV|Radio)\b")
_LATIN_OF = re.compile(
    r"(?:(?!(?:The|A|An|In|At|On|For|And|With|By|From|Its|Their)\b)[A-Z][A-Za-z'’\-]+ ){0,3}"
    r"\b(?:University|Ministry|Department|Bureau|Academy|Institute|Museum|Embassy|Consulate|Federation|"
    r"Association|Chamber|Council|Office|Administration|Commission|Society|League|Union)"
    r" (?:of|for) (?:the )?[A-Z][A-Za-z'’\-]+(?: (?:and |of |for |the )?[A-Z][A-Za-z'’\-]+)*"
)
_LATIN_ASSOCIATION = re.compile(r"\b(?:Association|Federation|Chamber|Society|League|Union|Council|Club)\b")
_LATIN_CHINESE = re.compile(r"\b(?:Chinese|Overseas Chinese|Huaqiao|Huaren)\b|-Chinese\b")
_POLICY_TITLE = re.compile(r"(?:意见|通知|决定|条例|办法|规定|纲要|法|公报|决议|章程|指引|细则)$")
_DEFINITION = re.compile(
    r"[（(](?:[^（()）“”\"，,。]{2,60}?[，,；;])?\s*(?:以下简称|以下称|下称|简称)\s*[“\"]?([^（()）“”\"，,。]{2,12}?)[”\"]?\s*[）)]"
    r"|[（(]\s*([A-Z][A-Za-z0-9&]{1,9})\s*[）)]"
)
# A modifier ending in a determiner or an edition number names no event of its own.
_DETERMINED = re.compile(f"(?:本届|上届|下届|这届|该届|历届|每届|此届|这一|这场|这次|本次|此次|该|本|这|此"
                         f"|第{_ORDINAL}[届次期场]|{_ORDINAL}[场次个届]|分)$")
_PLACE_BOUND_CATEGORIES = frozenset({"heritage", "opera", "craft", "textile", "ceramics", "food", "tea", "music",
                                     "martial_art", "drink"})
# Names of whole kinds: 泉州非遗 and 四川美食 are a place's share of a kind, not a named form.
_KINDS_OF_IP = frozenset({"非遗", "非物质文化遗产", "美食", "小吃", "戏曲", "曲艺", "茶", "茶文化", "陶瓷", "瓷器", "刺绣",
                          "丝绸", "中医药", "武术", "民歌", "民乐", "手工艺", "传统工艺"})
# A name's last character and the next one forming a word: the name is not there.
_WORDS_ACROSS_END = frozenset({"网络", "网民", "网友", "网站", "网页", "网店", "报道", "报告", "报名", "报送", "社会", "社区",
                               "台风", "台阶", "院校", "院线"})
# What follows a country in a national name (老挝国家电视台, 越南之声广播电台, 澳大利亚华侨华人联合会):
# there the country is part of the name, not where a separately named outlet is (马来西亚星洲日报).
NATIONAL_NAME_STARTS = ("国家", "国立", "国营", "国民", "国际", "全国", "中央", "联邦", "皇家", "人民", "之声", "华侨", "华人",
                        "中华", "广播", "电视", "新闻", "通讯", "联合通讯", "公共", "National", "State", "Public",
                        "Broadcasting", "Radio", "Television", "News Agency")
_LEADING_DETERMINER = re.compile("本届|本次|此次|这次|这届|此届|该届|该|此")
_LETTER_X = re.compile(r"(?<![A-Za-z0-9&\-])X(?![A-Za-z0-9&\-])")
_PLATFORM_JOIN = re.compile(r"\s*(?:[、,，/]|和|及|与|以及|or|and|, and)\s*")
_PLATFORM_AFTER = re.compile(r"\s*(?:平台|账号|帐号|官方账号|上|（原|\(原|\(formerly|, formerly| \(ex-)")
# Characters that end a Chinese given name but are common in transliterations (西提萨, 多哥),
# and the words they open after a name.
_TRANSLIT_STOP_OK = frozenset("提多坦不都尔")
_VERBS_AFTER_NAMES = frozenset({"提到", "提出", "提供", "多次", "多年", "都是", "都在", "不仅", "不是", "不断", "表示", "介绍"})
# Characters that may follow a name (punctuation aside); a head word followed by anything else is a verb.
_AFTER_A_NAME = frozenset("的与和及等在是为将也于已还都就则对向从以由、，。；：！？")
# One item of a Chinese list: between list marks (、) or a list's opening and its closing 等.
_LIST_ITEM = re.compile(f"(?:(?<=[、，：“（])|(?<=^))([{_CJK}]{{2,7}})(?=[、等和及]|”?等)", re.M)
_OVERSEAS_CHINESE = re.compile("华人|华侨|侨胞|华商|华裔")
_ASSOCIATION_HEAD = re.compile("会$|社团$|联盟$")
_LANGUAGE_VERSION = re.compile(f"(?:^|[{_CJK}])[{_CJK}]{{1,4}}(?:语|文)$")
_NOT_UNITS = ("频道", "渠道", "报道", "赛道", "轨道", "通道", "味道", "知道", "语道")
_FOREIGN_UNIT = re.compile(f"[{_CJK}]{{1,3}}?[县市州省郡道]")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    name: str
    confidence: float
    source: str
    entry: Entry | None = None
    aliases: list[str] = field(default_factory=list)
    # weak: a pattern match without proof of being a name; kept only when the
    # resolver can tie it to a stronger entity (重报集团 → 重庆日报报业集团).
    weak: bool = False
    # soft_head: the head word is ambiguous on its own (日报, 网, 集团); such a
    # name nested in a longer one is not a separate organisation (宁波日报 in 宁波日报报业集团).
    soft_head: bool = False
    anaphor: bool = False
    attrs: dict = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


def _words(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        out.extend(line.split())
    return out


def _table(path: Path) -> list[list[str]]:
    return [
        [c.strip() for c in line.split("\t")]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _by_length(words: set[str]) -> list[tuple[int, frozenset[str]]]:
    sizes: dict[int, set[str]] = {}
    for w in words:
        sizes.setdefault(len(w), set()).add(w)
    return sorted((n, frozenset(ws)) for n, ws in sizes.items())


class _StopEnds:
    """Answers "does a stop word end at p?" on demand: the left walks look at a few
    hundred positions of a report, a full scan would look at all of them."""

    __slots__ = ("text", "protected", "sizes")

    def __init__(self, text: str, protected: bytearray, sizes: list[tuple[int, frozenset[str]]]) -> None:
        self.text, self.protected, self.sizes = text, protected, sizes

    def at(self, p: int) -> bool:
        text = self.text
        for n, words in self.sizes:
            if n <= p and text[p - n:p] in words and not any(self.protected[p - n:p]):
                return True
        return False


def _ends_word(text: str, end: int) -> bool:
    """A name ends a word here: at punctuation, the end of the text or a list particle (东兴、凭祥)."""
    return end >= len(text) or text[end] in "、，。；：！？,.;:!?）)”\"’的等和与及\n "


def _foreign_location(e: Entry) -> bool:
    parent = str(e.attrs.get("parent", ""))
    return (e.type == "Country" and e.id != "country:cn") or (parent.startswith("country:") and parent != "country:cn")


def _alternation(words) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


class Recogniser:
    """All rules over one text; built once per process (see `get_recogniser`)."""

    def __init__(self, gazetteer: Gazetteer, data_dir: Path = DATA_DIR) -> None:
        self.gaz = gazetteer
        self.suffixes: dict[str, tuple[str, set[str]]] = {}
        for row in _table(data_dir / "suffixes.tsv"):
            self.suffixes[row[0]] = (row[1], set(row[2].split(",")) if len(row) > 2 and row[2] else set())
        cjk = [s for s in self.suffixes if _CJK_CHAR.search(s)]
        latin = [s for s in self.suffixes if not _CJK_CHAR.search(s)]
        self._cjk_suffix = _alternation(cjk)
        self._latin_suffix = re.compile(r"(?<![A-Za-z])(?:" + _alternation(latin).pattern + r")(?![a-z])")
        self._latin_suffix_end = re.compile(r"(?<![A-Za-z])(?:" + _alternation(latin).pattern + r")\s*$")
        self.roles = _words(data_dir / "roles.txt")
        self._role = _alternation(self.roles)
        roles_en = [ln.strip() for ln in (data_dir / "roles_en.txt").read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        role_en = _alternation(roles_en).pattern
        name_en = r"([A-ZÀ-Þ][a-zß-ÿ]+(?: [A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?){1,2})"  # Maria Santos-Lim, Inês Carvalho
        self._en_person_after = re.compile(rf"\b(?i:{role_en}),? {name_en}\b")
        # "Mariana Costa Lima, international editor of …", "Kevin Sy, a presenter with …"
        self._en_person_before = re.compile(rf"\b{name_en}, (?:the |a |an )?(?:[a-z\-]+ ){{0,2}}(?i:{role_en})\b")
        pinyin = "|".join(_words(data_dir / "surnames_pinyin.txt"))
        self._pinyin_name = re.compile(rf"\b(?:{pinyin}) [A-Z][a-z]+(?:-[a-z]+)?\b(?! [A-Z])")
        self._said = re.compile(f"(?:^|(?<=[，。：:；;！？\n“”\"]))([{_CJK}]{{2,3}}?)(?=表示|介绍|指出|认为|强调|坦言|告诉|透露|说)")
        surnames = _words(data_dir / "surnames.txt")
        self.single_surnames = set(surnames[0])
        self.compound_surnames = set(surnames[1:])
        stop_lines = [ln for ln in (data_dir / "stopwords.txt").read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        self.hard_stops = set(stop_lines[0].split())
        self.stops = self.hard_stops | set(" ".join(stop_lines[1:]).split())
        self._stops_by_len = _by_length(self.stops)
        self._hard_by_len = _by_length(self.hard_stops)
        self._max_stop = max(map(len, self.stops))
        generic_lines = [ln for ln in (data_dir / "generic.txt").read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        self.generic = set(generic_lines[0].split())
        self._generic_re = re.compile("(?:" + _alternation(self.generic).pattern + r"|\d+|[个家位名])+")
        self.generic_heads = set(generic_lines[1].split())
        self.not_places = set(" ".join(generic_lines[2:]).split())
        self._inner_words = _alternation(_words(data_dir / "inner_words.txt"))
        self._head_exclusions = _alternation(_words(data_dir / "head_exclusions.txt"))
        self.quote_after: list[tuple[str, str]] = []
        self.quote_before: list[tuple[str, str]] = []
        for pos, cue, etype in _table(data_dir / "quote_cues.tsv"):
            (self.quote_after if pos == "after" else self.quote_before).append((cue, etype))
        self.enum_cues = {cue: etype for cue, etype in _table(data_dir / "enumeration_cues.tsv")}
        self._enum_cue = _alternation(self.enum_cues)
        cultures = _words(data_dir / "regional_cultures.txt")
        self._culture = re.compile("(" + _alternation(cultures).pattern + ")(特色)?文化")
        self._platforms = {e.name.lower(): e for e in gazetteer.entries if e.type == "Platform" and e.name.isascii() and len(e.name) >= 5}
        # Characters of foreign place names: what a transliterated personal name is made of
        # (穆罕默德·阿西夫 stops before 结合, 坎培·西提萨 keeps 提萨).
        self._translit = {c for e in gazetteer.entries if _foreign_location(e) for c in e.name} | set("娃娜莎妮娅琳蒂黛薇芙")
        # Forms a place or a school can own: 巫山皮影戏, 蔚县剪纸, 横州茉莉花茶, 陈氏太极拳.
        self._heritage_heads = {e.name: e for e in gazetteer.entries if e.type == "CulturalIP" and len(e.name) >= 2
                                and e.attrs.get("category") in _PLACE_BOUND_CATEGORIES and e.name not in _KINDS_OF_IP}

    # -- entry point ----------------------------------------------------------
    def __call__(self, text: str) -> list[Candidate]:
        matches = self.gaz.find(text)
        protected = self._protected(text, matches)
        cands = self._lexicon(text, matches)
        cands += self._fuzzy_platforms(text, matches)
        cands += self._letter_platforms(text, matches)
        cands += self._works(text)
        cands += self._quotes(text)
        stop_ends = self._stop_ends(text, protected)
        cands += self._suffixed(text, matches, protected, stop_ends)
        cands += self._latin_suffixed(text)
        cands += self._latin_prefixed(text)
        cands += self._persons(text)
        cands += self._persons_en(text)
        cands += self._speakers(text)
        cands += self._enumerations(text, protected, stop_ends[0])
        cands += self._numbered_events(text)
        cands += self._cultures(text)
        cands += self._listed_forms(text, matches)
        cands += self._sources(text)
        cands += self._foreign_units(text, matches)
        cands += self._anaphors(text)
        cands += self._definitions(text)
        return cands + self._echoes(text, cands)

    def _definitions(self, text: str) -> list[Candidate]:
        """Short names a report defines, (ZICC) or （以下简称“粤传中心”): weak until the
        resolver ties them to the name before them; their echoes become its mentions."""
        out = []
        for m in _DEFINITION.finditer(text):
            name = m.group(1) or m.group(2)
            start = m.start(1) if m.group(1) else m.start(2)
            out.append(Candidate(start, start + len(name), "Organization", name, 0.7, "abbrev", weak=True))
        return out

    def _echoes(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """Every other occurrence of a name found once (王亚 after 主任王亚, 甲府 after 甲府市)."""
        names: dict[str, Candidate] = {}
        for c in cands:
            if c.anaphor or c.source == "lexicon":
                continue  # lexicon names are all found by the automaton already
            for surface in (c.name, text[c.start:c.end], *c.aliases):
                if len(surface) >= 2 and surface.strip() and surface not in names and surface[0] not in "《“\"":
                    names[surface] = c
        if not names:
            return []
        auto = ahocorasick.Automaton()
        for surface in names:
            auto.add_word(surface, surface)
        auto.make_automaton()
        out = []
        for end_idx, surface in auto.iter(text):
            src = names[surface]
            start, end = end_idx + 1 - len(surface), end_idx + 1
            if surface[0].isascii() and surface[0].isalnum() and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
                continue
            if surface[-1].isascii() and surface[-1].isalnum() and end < len(text) and text[end].isascii() and text[end].isalnum():
                continue
            out.append(Candidate(start, end, src.type, src.name, src.confidence * 0.9, "echo",
                                 entry=src.entry, weak=src.weak, soft_head=src.soft_head, attrs=src.attrs))
        return out

    def _anaphors(self, text: str) -> list[Candidate]:
        """该中心, 该集团, and a bare 中心 opening a clause: mentions of an organisation named before."""
        out = []
        for m in re.finditer(r"(该|本|其|此)?(中心|集团|报社|协会|大学|研究院|委员会|专委会|联盟|商会|平台)(?![城市区点化心])", text):
            det = m.group(1)
            if not det:
                prev = text[m.start() - 1] if m.start() else "\n"
                if _NAME_CHAR.match(prev) and not any(text[max(0, m.start() - k):m.start()] in self.stops for k in (1, 2)):
                    continue
            out.append(Candidate(m.start(), m.end(), "Organization", m.group(2), 0.5, "anaphor", anaphor=True, soft_head=True))
        return out

    # -- lexicon --------------------------------------------------------------
    def _protected(self, text: str, matches: list[GazMatch]) -> bytearray:
        """Positions inside known names or inner words, where a stop word is no stop."""
        prot = bytearray(len(text) + 1)
        for m in matches:
            prot[m.start:m.end] = b"\x01" * (m.end - m.start)
        for m in self._inner_words.finditer(text):
            prot[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        return prot

    def _bounded(self, text: str, start: int) -> bool:
        """A name starts here as a word: at a punctuation mark, a non-Chinese character or after a stop word."""
        if start == 0 or not _CJK_CHAR.match(text[start - 1]):
            return True
        return any(text[max(0, start - k):start] in self.stops for k in range(1, self._max_stop + 1))

    @staticmethod
    def _ambiguous_place(m: GazMatch) -> bool:
        """Short forms of counties (扬中), two-character foreign cities (高知) and districts (城区)."""
        name, size = m.entry.name, m.end - m.start
        parent = str(m.entry.attrs.get("parent", ""))
        if len(name) >= 3 and name[-1] in "市县区旗" and size < len(name):
            return True
        if size == 2 and parent.startswith("country:") and parent != "country:cn":
            return True
        return len(name) == 2 and name[-1] in "区县"

    def _lexicon(self, text: str, matches: list[GazMatch]) -> list[Candidate]:
        """Lexicon hits. The short form of a county (扬中 for 扬中市) hides inside common
        words (弘扬中华), so it counts only if it once stands as a word of its own."""
        guarded: dict[str, list[GazMatch]] = {}
        for m in matches:
            if m.entry.type == "Place" and self._ambiguous_place(m):
                guarded.setdefault(m.entry.id, []).append(m)
        loc_ends = {m.end for m in matches if m.entry.type in LOCATION_TYPES}
        countries = {m.entry.id for m in matches if m.entry.type == "Country"}
        dropped = {id(m) for ms in guarded.values()
                   if not any(self._bounded(text, m.start) or m.start in loc_ends
                              or (_ends_word(text, m.end) and not _foreign_location(m.entry))  # 故里曲阜，
                              or m.entry.attrs.get("parent") in countries for m in ms)
                   for m in ms}
        out = []
        for m in matches:
            if id(m) in dropped or text[m.end - 1:m.end + 1] in _WORDS_ACROSS_END:
                continue  # 中国网 in 中国网络, 联合报 in 联合报道
            if m.entry.type in LOCATION_TYPES and text.startswith("语", m.end) and _CJK_CHAR.match(text[m.start]):
                continue  # 西班牙语频道: a language, not the country
            if m.entry.type in LOCATION_TYPES:
                surface = text[m.start:m.end]
                if surface in self.not_places or (surface[0].isascii() and surface[0].islower()):
                    continue  # 中央, "northern": words, not the places a gazetteer names so
            out.append(Candidate(m.start, m.end, m.entry.type, m.entry.name, 0.95, "lexicon", entry=m.entry))
            head = self._heritage_heads.get(m.entry.name)
            if head is not None and m.start >= 2:
                # 巫山皮影戏: a place-bound variant of a heritage form (or a school's: 陈氏太极拳).
                for size in (3, 2):
                    pre = text[max(0, m.start - size):m.start]
                    if len(pre) < size or not _CJK_CHAR.match(pre[0]):
                        continue
                    place = next((e for e in map(self.gaz.get, (pre, pre + "县", pre + "市", pre + "区")) if e is not None), None)
                    if (place is not None and place.type == "Place") or (size == 2 and pre[1] == "氏" and pre[0] in self.single_surnames):
                        out.append(Candidate(m.start - size, m.end, "CulturalIP", text[m.start - size:m.end], 0.8,
                                             "heritage", attrs=dict(head.attrs)))
                        break
        return out

    def _letter_platforms(self, text: str, matches: list[GazMatch]) -> list[Candidate]:
        """X, the platform: a letter the automaton cannot hold, known by its company
        (Facebook、YouTube、X三大平台) or by what follows it (X平台, X (formerly Twitter))."""
        entry = self.gaz.get("X")
        if entry is None or entry.type != "Platform" or "X" not in text:
            return []
        platforms = [m for m in matches if m.entry.type == "Platform"]
        out = []
        for m in _LETTER_X.finditer(text):
            s, e = m.span()
            listed = any(_PLATFORM_JOIN.fullmatch(text[p.end:s]) or _PLATFORM_JOIN.fullmatch(text[e:p.start])
                         for p in platforms if p.end <= s <= p.end + 6 or e <= p.start <= e + 6)
            if listed or _PLATFORM_AFTER.match(text, e):
                out.append(Candidate(s, e, "Platform", entry.name, 0.85, "lexicon", entry=entry))
        return out

    def _fuzzy_platforms(self, text: str, matches: list[GazMatch]) -> list[Candidate]:
        """Misspelt platform names (Tiktiok, Facebok): Latin words close to a known one."""
        covered = {m.start for m in matches}
        out = []
        for m in re.finditer(r"(?<![A-Za-z])[A-Z][A-Za-z0-9]{4,}(?![A-Za-z])", text):
            if m.start() in covered:
                continue
            hit = process.extractOne(m.group().lower(), self._platforms.keys(), scorer=fuzz.ratio, score_cutoff=84)
            if hit is not None:
                entry = self._platforms[hit[0]]
                out.append(Candidate(m.start(), m.end(), "Platform", entry.name, 0.7, "fuzzy", entry=entry))
        return out

    # -- works and quotes -----------------------------------------------------
    def _works(self, text: str) -> list[Candidate]:
        out = []
        for m in re.finditer(r"《([^《》\n]{1,60}(?:《[^《》\n]*》[^《》\n]*)*)》", text):
            title = m.group(1).strip()
            if not title or _POLICY_TITLE.search(title):
                continue  # 《关于……的意见》: a policy document, not a story product
            etype = "MediaOutlet" if re.search(r"(报|周刊|杂志|月刊)$", title) else "Work"
            if title.endswith("新闻") and self._country_before(text, m.start()):
                etype = "MediaOutlet"  # 日本《神户新闻》: a foreign newspaper, not a news programme
            cand = Candidate(m.start(1), m.end(1), etype, title, 0.9, "work")
            cand.aliases.append(f"《{title}》")
            for part in re.split(r"\s*(?:——|—|：|:)\s*", title):
                if part and part != title and len(part) >= 2:
                    cand.aliases.append(part)
            after = text[m.end():m.end() + 40]
            alias = re.match(r"\s*[（(]\s*《([^《》]{1,40})》\s*[）)]", after)
            if alias:
                cand.aliases.append(alias.group(1))
            out.append(cand)
        return out

    def _country_before(self, text: str, pos: int) -> bool:
        return any((e := self.gaz.get(text[pos - n:pos])) is not None and e.type == "Country" for n in range(2, 7) if n <= pos)

    def _quote_cue(self, text: str, start: int, end: int) -> tuple[str, str, int] | None:
        """(type, cue, cue end) from the words after the closing quote, else before the opening one."""
        head = text[max(0, start - 16):start].rstrip(" 的,，:：")  # series, "X" / 纪录片：“X”
        for cue, etype in self.quote_before:
            if head.endswith(cue) and (_CJK_CHAR.match(cue) or not head[-len(cue) - 1:-len(cue)].isalpha()):
                return etype, cue, start
        tail = re.match(r"[^，。、；！？,;!?\n“”\".]{0,14}", text[end:end + 14]).group()
        found = sorted(((i, -len(cue), cue, etype) for cue, etype in self.quote_after
                        for i in [tail.find(cue)] if i >= 0))
        if not found:
            return None
        # The head of a Chinese noun phrase is its last word: 系列项目 is a project and
        # 品牌项目群 a brand group, so a cue is extended by cues that continue it.
        i, neg, cue, etype = found[0]
        stop = i - neg
        for j, neg2, cue2, etype2 in found[1:]:
            if j <= stop and j - neg2 > stop:
                cue, etype, stop = cue2, etype2, j - neg2
        return etype, cue, end + stop

    def _quotes(self, text: str) -> list[Candidate]:
        out = []
        spans = [m for m in re.finditer(r"[“\"「『]([^“”\"「」『』\n，。；！？,;!?]{1,60})[”\"」』]", text)
                 if m.end(1) - m.start(1) <= 24 or not _CJK_CHAR.search(m.group(1))]  # English titles run longer
        # A run of quotes (“A”“B”等品牌, “A”行动、“B”计划…等项目) shares its cue.
        runs: list[list[re.Match[str]]] = []
        for m in spans:
            if runs and re.fullmatch(r"[、和与及]?|[^，。；！？,;!?\n“”]{1,6}、", text[runs[-1][-1].end():m.start()]):
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            shared = self._quote_cue(text, run[-1].start(), run[-1].end())
            for m in run:
                content = m.group(1).strip()
                if content[:1].islower() and " " in content:
                    continue  # "a reunion of two old ports": a quotation, not a title (iYoungMei is one)
                own = self._head_type(content, quoted=True)
                cue = self._quote_cue(text, m.start(), m.end()) or shared
                if own is None and cue is None:
                    continue
                if content in self.generic or len(content) < 2:
                    continue
                etype = own or cue[0]
                start, end, name = m.start(1), m.end(1), content
                aliases = [m.group()]
                if own is None and cue and cue[0] in ("Event", "MediaOutlet", "Organization") and cue[2] > m.end():
                    # “青瓷之路”短视频大赛, “天府之声”广播频道: the head word is part of the name
                    bridge = text[m.end():cue[2]]
                    if cue[1] in self.suffixes and re.fullmatch(f"[{_CJK}A-Za-z0-9]*", bridge):
                        start, end = m.start(), cue[2]
                        name = content + bridge
                        aliases = [text[start:end], content]
                out.append(Candidate(start, end, etype, name, 0.85, "quote", aliases=aliases))
        return out

    def _head_type(self, name: str, quoted: bool = False) -> str | None:
        """The type a name's own head word gives it (…国际传播中心 → CommunicationCenter); an
        ambiguous head (网, 频道) counts only in quotes, which make “菲华网” a name."""
        for i in range(1, len(name)):
            head = name[i:]
            if head in self.suffixes:
                etype, flags = self.suffixes[head]
                return None if "weak" in flags and etype not in ("Event", "Work") and not quoted else etype
        return None

    # -- organisations by head word ------------------------------------------
    def _stop_ends(self, text: str, protected: bytearray) -> tuple["_StopEnds", "_StopEnds"]:
        """Where a stop word ends (not inside a known name): (any stop, hard stops only)."""
        return _StopEnds(text, protected, self._stops_by_len), _StopEnds(text, protected, self._hard_by_len)

    def _left_edge(self, text: str, s: int, protected: bytearray, limit: int, stop_ends: "_StopEnds") -> int:
        """Walk left from a head word over name characters until a stop word or punctuation.
        Event names (对外传播业务推进会) may hold verbs, so they stop only at hard stops."""
        lo = max(0, s - limit)
        p = s
        while p > lo:
            c = text[p - 1]
            if not ("\u3400" <= c <= "\u9fff" or (c.isascii() and c.isalnum()) or c == "·" or "\uf900" <= c <= "\ufaff"):
                if c in "—－-" and p - 2 >= lo and protected[p - 2] and _CJK_CHAR.match(text[p]):
                    p -= 1  # 中国—东盟媒体合作论坛: a known name, a dash, the rest of the name
                    continue
                if c == " " and p - 2 >= 0 and text[p - 2].isascii() and text[p - 2].isalpha() and text[p].isascii():
                    p -= 1
                    continue
                break
            if not protected[p - 1] and stop_ends.at(p):
                break
            p -= 1
        return p

    def _suffixed(self, text: str, matches: list[GazMatch], protected: bytearray,
                  stop_ends: tuple[bytearray, bytearray]) -> list[Candidate]:
        by_start = sorted(matches, key=lambda m: m.start)
        starts = [m.start for m in by_start]
        excluded: dict[int, list[int]] = {}
        for x in self._head_exclusions.finditer(text):
            excluded.setdefault(x.start(), []).append(x.end())
        out = []
        for m in self._cjk_suffix.finditer(text):
            s, e = m.span()
            suffix = m.group()
            if excluded and any(xe > s and not (xs >= s and xe <= e)
                                for xs in range(s - 4, e) for xe in excluded.get(xs, ())):
                continue
            etype, flags = self.suffixes[suffix]
            if "verb" in flags and e < len(text) and _CJK_CHAR.match(text[e]) and text[e] not in _AFTER_A_NAME:
                continue  # 在悉尼组织放映会: the head word is a verb here
            limit = 36 if etype == "Event" else 20
            p = self._left_edge(text, s, protected, limit, stop_ends[1] if etype == "Event" else stop_ends[0])
            date = _DATE_PREFIX.match(text, p)
            if date and date.end() > p and date.end() <= s:
                p = date.end()
            modifier = text[p:s]
            name = text[p:e]
            lead = _LEADING_DETERMINER.match(modifier) if etype == "Event" else None
            if lead and len(modifier) - lead.end() >= 2:  # 本届闽南文化周 is the 闽南文化周 named before
                p += lead.end()
                modifier, name = text[p:s], text[p:e]
            if etype == "MediaOutlet" and _LANGUAGE_VERSION.search(modifier):
                continue  # 葡萄牙语频道, 英文版: a language version, not an outlet of its own
            determined = _DETERMINED.search(modifier) if etype == "Event" else None
            if determined:
                start = p + determined.start()
                out.append(Candidate(start, e, etype, text[start:e], 0.5, "anaphor",
                                     anaphor=True, soft_head=True, attrs={"head": suffix}))
                continue  # 本届论坛, 第三届论坛, 4场分论坛: this or that edition, not a name
            if text.startswith("报业", e) and etype == "MediaOutlet":
                continue  # 日报 followed by 报业集团 is read by the longer head
            anchors = [a for a in by_start[bisect_left(starts, p):bisect_left(starts, s)] if a.end <= s]
            if any(a.start == p and a.end == s and a.entry.type == "Platform" for a in anchors):
                continue  # YouTube频道, 脸书账号: a platform's channel, not an outlet of its own
            if not modifier or (self._is_generic(modifier, anchors) and not (etype == "Event" and len(modifier) >= 4)):
                out.append(Candidate(p, e, etype, name, 0.5, "anaphor", anaphor=True, soft_head=True, attrs={"head": suffix}))
                continue
            if any(name.endswith(h) for h in self.generic_heads):
                continue
            follows_role = self._role.match(text, e) is not None
            if "overseas" in flags:
                foreign = any(a.entry.type == "WorldRegion" or _foreign_location(a.entry) for a in anchors)
                etype = "OverseasAssociation" if foreign or "侨" in modifier else etype
            elif etype == "Organization" and _OVERSEAS_CHINESE.search(modifier) and _ASSOCIATION_HEAD.search(suffix):
                etype = "OverseasAssociation"  # 新南威尔士州华人社团联合会
            if suffix == "论坛" and follows_role:
                etype = "Organization"
            weak = "weak" in flags and not (anchors or follows_role or re.search("[A-Za-z]", modifier))
            cand = Candidate(p, e, etype, name, 0.6 if "weak" in flags else 0.8, "suffix", weak=weak, soft_head="weak" in flags)
            lead = max((a for a in anchors if a.start == p and a.entry.type == "Country"), key=lambda a: a.end, default=None)
            if lead is not None and e - lead.end >= 3 and not self._generic_re.fullmatch(text[lead.end:s] or "国"):
                cand.aliases.append(text[lead.end:e])  # 巴西圣保罗报 → 圣保罗报
            year = re.match(r"\d{4}年?(?:度)?", name)
            if etype == "Event" and year and len(name) - year.end() >= 4:
                cand.aliases.append(name[year.end():])  # 2024年深圳国际传播论坛 → 深圳国际传播论坛
            out.append(cand)
        return out

    def _is_generic(self, modifier: str, anchors: list[GazMatch]) -> bool:
        if modifier in ("该", "本", "其", "此", "这", "这个", "各", "省委", "市委", "县委", "区委"):
            return True
        return not anchors and self._generic_re.fullmatch(modifier) is not None

    def _latin_org_type(self, name: str) -> str:
        """Quanzhou Association of the Philippines, the Chinese Association in Hungary:
        associations of overseas Chinese, by the word Chinese or a hometown in China."""
        if not _LATIN_ASSOCIATION.search(name):
            return "Organization"
        if _LATIN_CHINESE.search(name):
            return "OverseasAssociation"
        words = name.split(" ")
        first = self.gaz.get(words[1] if len(words) > 2 and self.gaz.get(words[0]) and self.gaz.get(words[0]).type == "Country"
                             else words[0])  # Canada Jiangsu Business Association: the hometown after the country
        return "OverseasAssociation" if first is not None and first.type == "Place" \
            and str(first.attrs.get("parent", "")).startswith(("place:", "country:cn")) else "Organization"

    def _latin_suffixed(self, text: str) -> list[Candidate]:
        if not _TITLE_PAIR.search(text):
            return []
        out = []
        for m in self._latin_suffix.finditer(text):
            etype, flags = self.suffixes[m.group()]
            words = []
            p = m.start()
            base = max(0, p - 80)
            left = list(re.finditer(r"[A-Za-z][A-Za-z0-9'’&\-]*", text[base:p]))
            for i in range(len(left) - 1, -1, -1):
                w = left[i]
                gap = text[base + w.end():p]
                word = w.group()
                if gap != " " or word.endswith(("'s", "’s", "-based")):
                    break  # Kazakhstan's Khabar TV, Toronto-based X: the place owns the name, it is not in it
                if word == "and" and self._latin_suffix_end.search(text, 0, base + w.start()):
                    break  # "… Center and Vietnam Television": two names, the first complete
                if word in ("and", "of", "for") and words and _LATIN_WORD.fullmatch(words[-1].group()):
                    words.append(w)  # Foreign and Overseas Chinese Affairs Office
                    p = base + w.start()
                    continue
                if not _LATIN_WORD.fullmatch(word) or word in ("The", "A", "An", "In", "At", "On", "Of"):
                    break
                words.append(w)
                p = base + w.start()
            while words and words[-1].group() in ("and", "of", "for"):
                p = base + words.pop().end() + 1  # a connector must join two name words
            if not words:
                continue
            start = p
            name = text[start:m.end()]
            if etype == "Organization":
                etype = self._latin_org_type(name)  # Canada Jiangsu Business Association
            out.append(Candidate(start, m.end(), etype, name, 0.75, "suffix", weak="weak" in flags and len(words) < 1))
        return out

    # -- persons ----------------------------------------------------------------
    def _persons(self, text: str) -> list[Candidate]:
        out = []
        for m in self._role.finditer(text):
            p = m.end()
            while p < len(text) and text[p] in " :：\u3000":
                p += 1
            cand = self._person_at(text, p)
            if cand:
                out.append(cand)
        return out

    def _latin_prefixed(self, text: str) -> list[Candidate]:
        """University of Hong Kong, Ministry of Foreign Affairs: a head word, then of + a name."""
        if not _TITLE_PAIR.search(text):
            return []
        out = []
        for m in _LATIN_OF.finditer(text):
            name = m.group()
            head, of, last = name.rpartition(" of ")
            if of and head.count(" of ") and (self.gaz.get(last) or self.gaz.get(last.removeprefix("the "))):
                name = head  # Ministry of Culture and Tourism of China: the country is not in the name
            out.append(Candidate(m.start(), m.start() + len(name), self._latin_org_type(name), name, 0.75, "suffix"))
        return out

    def _persons_en(self, text: str) -> list[Candidate]:
        if not _TITLE_PAIR.search(text):
            return []
        out = []
        for rx in (self._en_person_after, self._en_person_before):
            for m in rx.finditer(text):
                out.append(Candidate(m.start(1), m.end(1), "Person", m.group(1), 0.7, "role"))
        for m in self._pinyin_name.finditer(text):  # Wang Hao: a Chinese name written in pinyin
            out.append(Candidate(m.start(), m.end(), "Person", m.group(), 0.6, "role"))
        return out

    def _speakers(self, text: str) -> list[Candidate]:
        """李明表示, 王芳介绍: a surname and one or two characters opening a clause, then a verb of saying."""
        out = []
        for m in self._said.finditer(text):
            name = m.group(1)
            sur = 2 if name[:2] in self.compound_surnames else 1 if name[0] in self.single_surnames else 0
            if not sur or len(name) <= sur or name[:2] in self.stops or any(c in _NAME_STOP for c in name[1:]):
                continue
            out.append(Candidate(m.start(1), m.end(1), "Person", name, 0.6, "speaker"))
        return out

    def _person_at(self, text: str, p: int) -> Candidate | None:
        latin = re.match(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", text[p:p + 60])
        if latin:
            after = text[p + latin.end():p + latin.end() + 8].lstrip()
            if any(after.startswith(cue) for cue, _ in self.quote_after):
                return None  # 外籍记者 Vlog 系列视频: a genre, not a name
            return Candidate(p, p + latin.end(), "Person", latin.group(), 0.7, "role")
        if p >= len(text) or not _CJK_CHAR.match(text[p]):
            return None
        foreign = re.match(f"[{_CJK}]{{2,6}}(?:·[{_CJK}]{{1,6}})+", text[p:p + 30])
        if foreign:  # 詹姆斯·穆图: a transliterated name, surname or not
            name = foreign.group()
            last = name.rindex("·") + 2
            while last < len(name) and name[last] in self._translit \
                    and (name[last] not in _NAME_STOP or name[last] in _TRANSLIT_STOP_OK) \
                    and name[last:last + 2] not in _VERBS_AFTER_NAMES:
                last += 1
            return Candidate(p, p + last, "Person", name[:last], 0.75, "role")
        sur = 2 if text[p:p + 2] in self.compound_surnames else 1 if text[p] in self.single_surnames else 0
        if not sur or text[p] == "和":  # 负责人和中外记者: after a title, 和 is "and"
            return None
        mixed = re.match(r" ([A-Z][a-z]+)", text[p + sur:p + sur + 30])
        if sur == 1 and mixed:  # 李 Barrett
            return Candidate(p, p + 1 + mixed.end(), "Person", text[p:p + 1 + mixed.end()], 0.7, "role")
        if text[p:p + 2] in self.stops or text[p + 1:p + 3] in self.stops:
            return None  # 关于, 齐聚: a word, not a surname
        given = 0
        while given < 2 and p + sur + given < len(text):
            c = text[p + sur + given]
            if not _CJK_CHAR.match(c) or (given == 0 and c in "、，。的"):
                break
            if given >= 1 and (c in _NAME_STOP or text[p + sur + given:p + sur + given + 2] in _NAME_OR_VERB.get(c, ())):
                break
            given += 1
        if given == 0:
            return None
        end = p + sur + given
        name = text[p:end]
        if name in self.generic or name[:2] in self.generic or name in self.stops:
            return None  # 会长单位: a word after the title, not a name
        return Candidate(p, end, "Person", name, 0.75, "role")

    # -- enumerations -------------------------------------------------------------
    def _enumerations(self, text: str, protected: bytearray, stop_ends: "_StopEnds") -> list[Candidate]:
        out = []
        for m in re.finditer(r"等(?:(\d+|[一二三四五六七八九十]+)[位名])?", text):
            cue = self._enum_cue.match(text, m.end())
            is_person = m.group(1) is not None
            latin_works = False
            if not cue and not is_person:
                # "Alex in the City、James' Vlog 等外籍记者 Vlog 系列视频": English titles of a series
                tail = re.match(r"[^，。；！？,;!?\n]{0,16}", text[m.end():]).group()
                latin_works = any(c in tail for c in ("系列", "视频", "栏目", "节目", "纪录片"))
                if not latin_works:
                    continue
            etype = "Person" if is_person else "Work" if latin_works else self.enum_cues[cue.group()]
            items = self._enum_items(text, m.start(), protected, stop_ends)
            for s, e in items:
                item = text[s:e].strip()
                if not item or item in self.generic or self._generic_re.fullmatch(item):
                    continue
                if latin_works:
                    if not re.fullmatch(r"[A-Z][A-Za-z0-9'’]*(?: [A-Za-z0-9'’]+)*", item):
                        continue
                elif is_person:
                    if not (re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", item) or re.fullmatch(f"[{_CJK}]{{2,4}}", item)):
                        continue
                elif len(item) > 8 or not re.fullmatch(f"[{_CJK}A-Za-z0-9]+", item):
                    continue
                out.append(Candidate(s, e, etype, item, 0.6, "enumeration"))
        return out

    def _enum_items(self, text: str, end: int, protected: bytearray, stop_ends: "_StopEnds") -> list[tuple[int, int]]:
        items = []
        while True:
            latin = re.search(r"[A-Za-z][A-Za-z0-9'’ ]*$", text[max(0, end - 40):end])
            if latin and latin.group().strip():
                s = end - len(latin.group())
                s += len(latin.group()) - len(latin.group().lstrip())
                e = end - (len(latin.group()) - len(latin.group().rstrip()))
            else:
                s = self._left_edge(text, end, protected, 12, stop_ends)
                e = end
            if s >= e:
                break
            items.append((s, e))
            if s > 0 and text[s - 1] == "、":
                end = s - 1
                continue
            break
        return items

    # -- other name shapes --------------------------------------------------------
    def _numbered_events(self, text: str) -> list[Candidate]:
        out = []
        for m in re.finditer(f"第{_ORDINAL}届([{_CJK}A-Za-z0-9·]{{2,24}}?(?:电视节|电影节|艺术节|文化节|博览会|交易会|大会|论坛|峰会|年会|大赛|比赛|案例|评选|节|奖|赛|会))", text):
            out.append(Candidate(m.start(), m.end(), "Event", m.group(), 0.85, "event", aliases=[m.group(1)]))
        for m in re.finditer(f"党的({_ORDINAL}(?:大|届{_ORDINAL}中全会))", text):
            out.append(Candidate(m.start(), m.end(), "Event", m.group(), 0.9, "event", aliases=[m.group(1)]))
        return out

    def _cultures(self, text: str) -> list[Candidate]:
        out = []
        for m in self._culture.finditer(text):
            if m.start() > 0 and _CJK_CHAR.match(text[m.start() - 1]) and text[m.start() - 1] not in "的和与及等用好是在":
                if len(m.group(1)) < 2:
                    continue
            name = m.group(1) + "文化"
            cand = Candidate(m.start(), m.end(), "CulturalIP", name, 0.8, "culture")
            if m.group(2):
                cand.aliases.append(m.group())
            out.append(cand)
        return out

    def _listed_forms(self, text: str, matches: list[GazMatch]) -> list[Candidate]:
        """Items of a list of cultural symbols named by a local form: 三坊七巷、船政文化、寿山石雕、
        脱胎漆器等: an item that ends with a known craft, food or tea (or 文化) and has a short
        name of its own before it, next to a list mark."""
        if "、" not in text:
            return []
        heads = {m.end: m for m in matches if m.entry.name in self._heritage_heads}
        out = []
        for item in _LIST_ITEM.finditer(text):
            s, e = item.span(1)
            word = text[s:e]
            head = heads.get(e)
            if head is not None and 1 <= head.start - s <= 3:
                name_start = s
            elif word.endswith("文化") and 2 <= len(word) - 2 <= 3:
                name_start, head = s, None
            else:
                continue
            prefix = text[name_start:head.start if head else e - 2]
            if prefix in self.generic or any(w in self.stops for w in (prefix, prefix[:1], prefix[-1:])):
                continue
            attrs = dict(head.entry.attrs) if head else {"category": "heritage"}
            out.append(Candidate(name_start, e, "CulturalIP", word, 0.75, "heritage", attrs=attrs))
        return out

    def _sources(self, text: str) -> list[Candidate]:
        """The outlet a report credits: 来源：大江网, 来源|传媒内参."""
        out = []
        for m in re.finditer(f"(?:来源|稿件来源|文章来源|本文来源|转自)\\s*[:：|丨]\\s*([{_CJK}A-Za-z0-9]{{2,12}})", text):
            name = m.group(1)
            out.append(Candidate(m.start(1), m.end(1), self._head_type(name) or "MediaOutlet", name, 0.7, "source"))
        return out

    def _foreign_units(self, text: str, matches: list[GazMatch]) -> list[Candidate]:
        """Administrative units written after a foreign country: 日本山梨县甲府市 → 山梨县, 甲府市."""
        out = []
        for a in matches:
            if a.entry.type != "Country" or a.entry.attrs.get("iso2") == "CN":
                continue
            p = a.end
            while True:
                u = _FOREIGN_UNIT.match(text, p)
                if not u or any(w in u.group() for w in ("的", "在", "与", "和")) or u.group().endswith(_NOT_UNITS):
                    break  # 葡萄牙语频道: a channel, not a province (道)
                name = u.group()
                known = self.gaz.get(name) or self.gaz.get(name[:-1])
                cand = Candidate(u.start(), u.end(), "Place", name, 0.7, "place", entry=known if known and known.type == "Place" else None)
                if len(name) >= 3:
                    cand.aliases.append(name[:-1])
                out.append(cand)
                p = u.end()
        return out


@cache
def get_recogniser() -> Recogniser:
    return Recogniser(get_gazetteer())


# Which reading wins when candidates overlap: longer first, then by source.
_PRIORITY = {"work": 6, "quote": 5, "event": 5, "lexicon": 4, "role": 4, "heritage": 4, "culture": 4,
             "suffix": 3, "place": 3, "source": 3, "enumeration": 2, "fuzzy": 2, "echo": 1}


def select(cands: list[Candidate], text: str) -> list[Candidate]:
    """One reading of each stretch of text, plus organisations nested in organisations
    or venues (复旦大学 in 复旦大学全球传播全媒体研究院) and known cultural IPs in titles. Weak and anaphoric candidates are
    not selected here: the resolver decides what they refer to."""
    owner = [-1] * (len(text) + 1)
    kept: list[Candidate] = []
    places = [(c.start, c.end) for c in cands if c.type in LOCATION_TYPES and c.source == "lexicon"]
    order = sorted((c for c in cands if not c.weak and not c.anaphor and c.end > c.start),
                   key=lambda c: (-c.length, -_PRIORITY.get(c.source, 0), c.start))
    for c in order:
        # Kept spans are at least as long as this one, so its two ends tell all:
        # both free → free, both in one kept span → nested, else it crosses.
        first, last = owner[c.start], owner[c.end - 1]
        if first == last == -1:
            idx = len(kept)
            kept.append(c)
            owner[c.start:c.end] = [idx] * c.length
            continue
        if first != last:
            continue  # crosses a longer reading
        outer = kept[first]
        if (outer.start, outer.end) == (c.start, c.end):
            continue
        if (c.type in ORG_TYPES and (outer.type in ORG_TYPES or outer.type == "Place") and not c.soft_head
                and c.end != outer.end  # 总台 ending 苏州广电总台 is its head word, not its parent
                and _CJK_CHAR.search(text[c.start:c.end])):  # "Xinhua Daily" in "Xinhua Daily Media Group" is no parent
            kept.append(c)
        elif c.type == "Country" and outer.type == "MediaOutlet" and c.start == outer.start \
                and outer.end - c.end >= 2 and not text[c.end:outer.end].lstrip().startswith(NATIONAL_NAME_STARTS) \
                and not any(k.type == "Country" and k.start == c.start and k.end > c.end for k in kept):
            kept.append(c)  # 马来西亚星洲日报: the country an outlet of its own name is in
        elif c.type == "CulturalIP" and outer.type in ("Work", "Event") and c.source == "lexicon" \
                and c.entry is not None and c.entry.attrs.get("category") != "route" \
                and not any(a < c.start < b < c.end or c.start < a < c.end < b for a, b in places):
            kept.append(c)  # 《京剧·拉美行》 features 京剧 (湖南音乐节 no 南音, 丝路国际传播论坛 no 丝绸之路)
    return sorted(kept, key=lambda c: (c.start, -c.end))
