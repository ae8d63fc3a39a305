"""Sentences, clauses, mentions and subjects of one document, on character offsets.

The relation rules reason about reporters' Chinese: a sentence names its actor
once, at the start of a clause ("湖北国际传播中心聚焦……"), and later clauses
carry on with that actor; enumerations ("A、B、C等") share one role; a comma
or semicolon closes the scope of a verb. Everything here works on character
offsets of the normalised text, because the pipeline's tokenizer is coarse.
Sentences are cut here rather than taken from `doc.sents`: the relation rules
want ";" to stay inside a sentence (a list of accounts after "；" still belongs
to the subject named before it).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from extractors.relations.lexicon import Lexicon

MAX_GROUP = 40  # enumerations longer than this are cut: bounds the pairs one cue can make
_CLAUSE_RE = re.compile("[，,；;：:]")
FILLER = " \t\u3000“”\"'‘’「」『』《》()（）【】[]•·●□■◆▶-—|"
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
# One sentence: optional leading blanks, then text up to a stop (kept, with closing
# quotes), a line break or an English full stop; trailing blanks excluded.
# English: a full stop after a lower-case word, a digit or an acronym ("… president of QAP. Founded …")
# ends a sentence; one after a title ("Dr. Peter Otieno") or an initial ("U.S. Army") does not.
_TITLES = ("Dr", "Mr", "Mrs", "Ms", "Prof", "St", "No", "Gen", "Sen", "Rep", "Gov", "Jr", "Sr", "vs", "Co", "Inc", "Ltd",
           "Corp", "Mt", "Lt", "Col", "Capt", "Rev")
_AFTER_TITLE = "(?:" + "|".join(rf"(?<=\b{t})" for t in _TITLES) + ")"
_NOT_AFTER_TITLE = "".join(rf"(?<!\b{t})" for t in _TITLES)
# a single capital after "and / on / or / ," is a name ("… YouTube and X."), not an initial ("John F. Kennedy")
_LETTER_NAME = r"(?<=\band [A-Z])|(?<=\bon [A-Z])|(?<=\bor [A-Z])|(?<=, [A-Z])"
_NOT_LETTER_NAME = r"(?<!\band [A-Z])(?<!\bon [A-Z])(?<!\bor [A-Z])(?<!, [A-Z])"
_PIECE_RE = re.compile(
    r"\s*((?:[^\s。！？!?….]|[^\S\n]+(?=\S)|\.(?!\s+[A-Z“\"])|(?<![a-z0-9)”\"])(?<![A-Z]{2})" + _NOT_LETTER_NAME + r"\.|"
    + _AFTER_TITLE + r"\.)+"
    r"(?:[。！？!?…]+[。！？!?…”’」』\"')）]*|(?:(?<=[a-z0-9)”\"])|(?<=[A-Z]{2})|" + _LETTER_NAME + ")" + _NOT_AFTER_TITLE + r"\.)?"
    r"|[。！？!?…]+[。！？!?…”’」』\"')）]*)"
)
_ITEM_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,2}、)")
DATELINE = r"(?:【[^】\n]{1,12}】)?[^\n，。；！？,]{0,24}?\d{1,2}月\d{1,2}日(?:电|讯)|本报讯"
_DATELINE_RE = re.compile(f"(?:{DATELINE})(?:\\s*[（(][^（()）\\n]{{0,40}}[）)])?")
_ENUM_GAP_RE = re.compile(r"(?:[、，,/]|以及|及|和|或|与|&|and|or|\s)*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    type: str
    id: str
    text: str


@dataclass
class Sentence:
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)  # outermost mentions, by start
    nested: list[Mention] = field(default_factory=list)  # mentions inside an outer one
    # filled by DocView.prepare, only for sentences the rules look at
    english: bool = False
    clause_starts: list[int] = field(default_factory=list)  # sorted; the first is `start`
    cues: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # cue class → matches
    position: dict[int, int] = field(default_factory=dict)  # id(mention) → index in `mentions`
    subject: dict[int, bool] = field(default_factory=dict)  # id(mention) → opens its clause (memo)
    types: set[str] = field(default_factory=set)  # entity types present


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of sentences (stripped, non-empty), cut after 。！？!?…, line
    breaks and English full stops, and after a dateline ("新华社X地3月18日电（记者X）"),
    whose outlet is no actor of the sentence it opens."""
    out: list[tuple[int, int]] = []
    for m in _PIECE_RE.finditer(text):
        if m.group(1) is None:
            continue
        start, end = m.span(1)
        line = _DATELINE_RE.match(text, start, end)
        if line is not None and start < line.end() < end:
            out.append((start, line.end()))
            start = line.end()
        out.append((start, end))
    return out


def layer(mentions: Iterable[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Outermost mentions (no overlap, longest first wins) and the ones nested inside them."""
    outer: list[Mention] = []
    nested: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if outer and m.start < outer[-1].end:
            if m.end <= outer[-1].end and (m.start, m.end) != (outer[-1].start, outer[-1].end):
                nested.append(m)
            continue
        outer.append(m)
    return outer, nested


class DocView:
    """One document as the rules see it: text, sentences with their mentions, type groups."""

    def __init__(self, text: str, mentions: Iterable[Mention], lexicon: Lexicon,
                 organisations: frozenset[str], locations: frozenset[str]) -> None:
        self.text = text
        self.lex = lexicon
        self.cues = lexicon.scan(text)
        self.orgs = organisations
        self.locs = locations
        mentions = list(mentions)
        outer, nested = layer(mentions)
        self.outer, self._outer_starts = outer, [m.start for m in outer]
        # surface text → mention, to read "重庆日报客户端" as 重庆日报 + 客户端 even when
        # the entity pipeline gave no nested span for the prefix
        self.surfaces: dict[str, Mention] = {}
        self._prefix_cache: dict[str, list[Mention]] = {}
        for m in mentions:
            if len(m.text) >= 2:
                self.surfaces.setdefault(m.text, m)
        self.sentences: list[Sentence] = []
        oi = ni = 0
        for s, e in split_sentences(text):
            sent = Sentence(s, e)
            while oi < len(outer) and outer[oi].start < s:
                oi += 1
            while oi < len(outer) and outer[oi].end <= e:
                sent.mentions.append(outer[oi])
                oi += 1
            while ni < len(nested) and nested[ni].start < s:
                ni += 1
            while ni < len(nested) and nested[ni].end <= e:
                sent.nested.append(nested[ni])
                ni += 1
            self.sentences.append(sent)
        self._sentence_starts = [s.start for s in self.sentences]

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding `pos`."""
        i = bisect_right(self._sentence_starts, pos) - 1
        return self._sentence_starts[max(0, i)] if self._sentence_starts else 0

    def prepare(self, sent: Sentence) -> None:
        """Language, clauses, cues and mention positions of a sentence the rules will read."""
        sent.english = _is_english(self.text[sent.start:sent.end])
        sent.clause_starts = self._clauses(sent)
        sent.cues = self.cues.within(sent.start, sent.end)
        sent.position = {id(m): i for i, m in enumerate(sent.mentions)}
        sent.types = {m.type for m in sent.mentions} | {m.type for m in sent.nested}

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The first outer mention starting in [start, end)."""
        i = bisect_left(self._outer_starts, start)
        return self.outer[i] if i < len(self.outer) and self.outer[i].start < end else None

    def inside(self, sent: Sentence, m: Mention, kinds: frozenset[str]) -> list[Mention]:
        """Entities of `kinds` named inside m (nested spans, or known surfaces of the document)."""
        out = {n.id: n for n in sent.nested if m.start <= n.start and n.end <= m.end and n.type in kinds and n.id != m.id}
        for i in range(1, len(m.text) - 1):
            for k in range(min(len(m.text) - i, 8), 1, -1):
                n = self.surfaces.get(m.text[i:i + k])
                if n is not None and n.type in kinds and n.id != m.id and n.id not in out:
                    out[n.id] = Mention(m.start + i, m.start + i + k, n.type, n.id, n.text)
                    break
        return sorted(out.values(), key=lambda n: n.start)

    def prefixes(self, sent: Sentence, m: Mention) -> list[Mention]:
        """Other entities whose name opens m's name: nested spans at m's start, or known
        surfaces of the document that m's text starts with (longest first)."""
        known = self._prefix_cache.get(m.text)
        if known is None:
            known = [self.surfaces[m.text[:k]] for k in range(len(m.text) - 1, 1, -1) if m.text[:k] in self.surfaces]
            self._prefix_cache[m.text] = known
        out = {n.id: n for n in sent.nested if n.start == m.start and n.end < m.end and n.id != m.id} if sent.nested else {}
        if not out and not known:
            return []
        for n in known:
            if n.id != m.id and n.id not in out:
                out[n.id] = Mention(m.start, m.start + len(n.text), n.type, n.id, n.text)
        return sorted(out.values(), key=lambda n: -(n.end - n.start))

    # -- clauses ----------------------------------------------------------------
    def _clauses(self, sent: Sentence) -> list[int]:
        starts = [sent.start]
        spans = [(m.start, m.end) for m in sent.mentions]
        k = 0
        for hit in _CLAUSE_RE.finditer(self.text, sent.start, sent.end):
            i = hit.start()
            while k < len(spans) and spans[k][1] <= i:
                k += 1
            if k < len(spans) and spans[k][0] <= i < spans[k][1]:
                continue
            if self.text[i] in ",:" and sent.english and i + 1 < sent.end and not self.text[i + 1].isspace():
                continue  # 1,000 or 10:30
            starts.append(i + 1)
        return starts

    def clause_of(self, sent: Sentence, pos: int) -> tuple[int, int]:
        """(start, end) of the clause holding character `pos`."""
        cs = sent.clause_starts
        lo = max(0, bisect_right(cs, pos) - 1)
        end = cs[lo + 1] - 1 if lo + 1 < len(cs) else sent.end
        return cs[lo], end

    def same_clause(self, sent: Sentence, a: int, b: int) -> bool:
        return self.clause_of(sent, a) == self.clause_of(sent, b)

    def gap(self, a: Mention | int, b: Mention | int) -> str:
        """Text between the end of `a` and the start of `b`."""
        s = a.end if isinstance(a, Mention) else a
        e = b.start if isinstance(b, Mention) else b
        return self.text[s:e] if e > s else ""

    # -- roles of mentions ------------------------------------------------------
    def is_org(self, m: Mention) -> bool:
        return m.type in self.orgs

    def is_loc(self, m: Mention) -> bool:
        return m.type in self.locs

    def clause_prefix(self, sent: Sentence, m: Mention) -> str:
        """Text from the start of m's clause to m, without quotes, bullets and lead-in adverbs."""
        cs, _ = self.clause_of(sent, m.start)
        prefix = _ITEM_NUMBER_RE.sub("", self.text[cs:m.start]).strip(FILLER)  # "3.北京广播电视台：…"
        while prefix:
            word = self.lex.endswith("adverb", prefix)
            if not word:
                break
            prefix = prefix[: -len(word)].rstrip(FILLER)
        while prefix:
            lead = self.lex.startswith("adverb", prefix)
            if not lead:
                break
            prefix = prefix[len(lead):].lstrip(FILLER)
        return prefix

    def is_subject(self, sent: Sentence, m: Mention) -> bool:
        """Does m open its clause (the actor of the clause's verbs)?

        "长江日报报业集团旗下的武汉国际传播中心与……签约": the organisation after "X旗下的 /
        X组建的" is the actor and X only qualifies it."""
        known = sent.subject.get(id(m))
        if known is None:
            known = sent.subject[id(m)] = self._is_subject(sent, m)
        return known

    def _is_subject(self, sent: Sentence, m: Mention) -> bool:
        if not sent.english and self._modifier(sent, m):
            return False
        prefix = self.clause_prefix(sent, m)
        if sent.english:
            return len(prefix.split()) <= 1 and not self.lex.has("object_marker", prefix.strip())
        if len(prefix) <= 1 and prefix not in self.lex.words["object_marker"]:
            return True
        return self._modified(sent, m)

    def _next_org(self, sent: Sentence, m: Mention) -> Mention | None:
        i = sent.position.get(id(m), -1)
        if 0 <= i < len(sent.mentions) - 1 and self.is_org(sent.mentions[i + 1]):
            return sent.mentions[i + 1]
        return None

    def _modifier(self, sent: Sentence, m: Mention) -> bool:
        """m is written as "m旗下的 / m建设的 + organisation"."""
        nxt = self._next_org(sent, m)
        if nxt is None or not self.is_org(m):
            return False
        gap = self.text[m.end:nxt.start].strip(FILLER)
        return gap.endswith("的") and 1 < len(gap) <= 5 and not any(c in gap for c in "，,；;。")

    def _modified(self, sent: Sentence, m: Mention) -> bool:
        """m is the organisation after a clause-opening "X旗下的"."""
        i = sent.position.get(id(m), -1)
        if i <= 0:
            return False
        prev = sent.mentions[i - 1]
        return self._modifier(sent, prev) and len(self.clause_prefix(sent, prev)) <= 1

    def subjects(self, sent: Sentence, kinds: frozenset[str] | None = None) -> list[Mention]:
        kinds = kinds or self.orgs
        return [m for m in sent.mentions if m.type in kinds and self.is_subject(sent, m)]

    def enumeration(self, sent: Sentence, idx: int, direction: int, allow_yu: bool = False) -> list[int]:
        """Indexes of the mentions enumerated together with mention `idx` ("A、B、C等") in one direction."""
        out = [idx]
        j = idx
        ms = sent.mentions
        while 0 <= j + direction < len(ms) and len(out) < MAX_GROUP:
            a, b = (ms[j + direction], ms[j]) if direction < 0 else (ms[j], ms[j + direction])
            g = self.gap(a, b).strip(FILLER)
            if not is_enum_gap(g, allow_yu, sent.english):
                break
            j += direction
            out.append(j)
        return out


def is_enum_gap(gap: str, allow_yu: bool = False, english: bool = False) -> bool:
    if gap == "":
        return True
    if not allow_yu and ("与" in gap or "同" in gap):
        return False
    if not english and ("," in gap or "，" in gap):
        return False
    return _ENUM_GAP_RE.fullmatch(gap) is not None and len(gap) <= 6


def _is_english(s: str) -> bool:
    if _LATIN_RE.search(s) is None:
        return False
    cjk = len(_CJK_RE.findall(s))
    letters = len(_LATIN_RE.findall(s))
    return letters > 3 * cjk and letters > 0
