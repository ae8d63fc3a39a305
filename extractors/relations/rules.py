"""Relation rules: trigger cues + clause scope + argument roles, one function per relation family.

Each rule yields `Found(type, head, tail, confidence)` for one sentence. Types
are not checked here: the component keeps only pairs the ontology accepts, so a
rule may propose a pair freely (e.g. "X在Y设立办事处" with X a place) and the
ontology decides. Confidence = cue strength x distance decay (x 0.6 when the
actor had to be carried over from an earlier sentence).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.relations.structure import FILLER, DocView, Mention, Sentence

LOCATION_RANK = {"Place": 1, "Country": 2, "WorldRegion": 3}
_DIRECTION_RE = re.compile(r"[东西南北中]+部?(?:地区|地带)?|地区|片区|一带")
_CHILD_FIRST = frozenset({"隶属于", "隶属", "under", "part of", "a unit of", "subsidiary of", "owned by", "run by",
                          "affiliated to"})
# "…'s documentary "X"": group 1 is empty when an entity mention ends right before the 's
_POSSESSIVE_RE = re.compile(r"(?:(the (?:centre|center|group|agency|station|broadcaster))|)['’]s\s+(?:[\w\-]+\s+){0,3}[\"“]?$",
                            re.IGNORECASE)
_LIST_TAIL_RE = re.compile(r"[、和及与]|$")
_ADMIN_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[省市县区镇乡村州盟旗]")
_ROLE_SEP_RE = re.compile(r"[、，,/]|\s+and\s+")
_ASCII_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@dataclass(frozen=True, slots=True)
class Found:
    type: str
    head: Mention
    tail: Mention
    confidence: float
    rule: str = ""


def _uncovered(start: int, end: int, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Pieces of [start, end) outside every mention."""
    out, pos = [], start
    for m in mentions:
        if m.end <= pos or m.start >= end:
            continue
        if m.start > pos:
            out.append((pos, m.start))
        pos = max(pos, m.end)
    if pos < end:
        out.append((pos, end))
    return out


class Rules:
    """All rules over one `DocView`; `run(sentence, carried)` yields what the sentence states."""

    def __init__(self, view: DocView) -> None:
        self.v = view
        self.text = view.text
        self.lex = view.lex
        roles = "|".join(re.escape(r) for r in sorted(self.lex.words["role"], key=len, reverse=True) if r.isascii())
        # "Maria Lopez, a columnist for El Pais"
        self.locatable = view.orgs | {"Place", "Country", "WorldRegion", "CulturalIP", "Event"}
        # discourse state: "双方" = the last two partners, "该片" = the last work named
        self.last_pair: tuple[Mention, Mention] | None = None
        self.last_work: Mention | None = None
        self.last_org: dict[str, Mention] = {}  # organisation type → last one named
        self._anaphoric: dict[int, bool] = {}  # sentence start → opens a clause with an anaphor
        self._memo_sent: Sentence | None = None
        self._memo: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        orgs, locs = view.orgs, view.locs
        # rule → (argument types of which one must occur, cues of which one must occur)
        self.requires: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
            "partner": (orgs, ("partner", "co_found", "partner_verb")),
            "sister": (frozenset({"Place"}), ("sister_city",)),
            "located": (locs, ()),
            "presence": (locs, ("presence_noun",)),
            "reaches": (frozenset({"Country", "WorldRegion"}), ("reaches", "shown_in", "audience")),
            "operates": (frozenset({"Platform"}) | orgs, ("account",)),
            "part_of": (orgs, ()),
            "produced": (frozenset({"Work", "Event", "Platform"}), ("produce", "produce_weak", "publish")),
            "features": (frozenset({"CulturalIP"}), ()),
            "possessive": (frozenset({"Work"}), ()),
            "promotes": (frozenset({"CulturalIP"}), ("promotes",)),
            "affiliated": (frozenset({"Person"}), ()),
        }
        self._role_of = re.compile(r",?\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,3}?(?:%s)\s+(?:of|at|for|with)\s+(?:the\s+)?"
                                   % roles, re.I)

    # -- shared helpers ---------------------------------------------------------
    def decay(self, a: Mention, b: Mention) -> float:
        d = max(0, max(a.start, b.start) - min(a.end, b.end))
        return max(0.6, 1.0 - d / 160)

    def outside(self, sent: Sentence, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Cue matches that do not fall inside an entity mention."""
        ms = sent.mentions
        return [(s, e) for s, e in spans if not any(m.start <= s < m.end or m.start < e <= m.end for m in ms)]

    def cues(self, sent: Sentence, cue: str, inside_ok: bool = False) -> list[tuple[int, int]]:
        if self._memo_sent is not sent:
            self._memo_sent, self._memo = sent, {}
        key = (cue, inside_ok)
        if key not in self._memo:
            found = sent.cues.get(cue, [])
            self._memo[key] = found if inside_ok or not found else self.outside(sent, found)
        return self._memo[key]

    def after(self, sent: Sentence) -> None:
        """Carry the discourse state past a sentence the rules have read."""
        for m in sent.mentions:
            if m.type == "Work":
                self.last_work = m
            elif m.type in self.v.orgs:
                self.last_org[m.type] = m

    def antecedent(self, sent: Sentence) -> Mention | None:
        """What "the centre / 该中心" opening a sentence stands for: the last centre named (any
        organisation for "the group", "it")."""
        text = self.text[sent.start:sent.end].lower()
        if any(w in text for w in ("the centre", "the center", "该中心")):
            return self.last_org.get("CommunicationCenter")
        named = [m for m in self.last_org.values()]
        return max(named, key=lambda m: m.start) if named else None

    def opens_with_anaphor(self, sent: Sentence) -> bool:
        """Does a clause of the sentence open with "the centre / it / 该中心" standing for the last actor?"""
        known = self._anaphoric.get(sent.start)
        if known is None:
            known = self._anaphoric[sent.start] = self._opens_with_anaphor(sent)
        return known

    def _opens_with_anaphor(self, sent: Sentence) -> bool:
        if "subject_anaphor" not in sent.cues:
            return False
        for cs in sent.clause_starts or [sent.start]:
            head = self.stripped(self.text[cs:min(sent.end, cs + 40)])
            word = self.lex.startswith("subject_anaphor", head)
            if word is not None and (len(word) == len(head) or not (head[len(word)].isascii() and head[len(word)].isalnum())):
                return True
        return False

    def refers_back(self, sent: Sentence) -> bool:
        """Does the sentence name "双方" or "该片" while there is something for them to stand for?"""
        return (self.last_pair is not None and "both_sides" in sent.cues) or \
            (self.last_work is not None and "work_anaphor" in sent.cues)

    def both_sides(self, sent: Sentence, start: int, end: int) -> list[Mention]:
        """The two partners "双方 / both sides" refers to, when written in [start, end)."""
        if self.last_pair is None or not any(start <= c[0] and c[1] <= end for c in self.cues(sent, "both_sides")):
            return []
        return list(self.last_pair)

    def work_referred(self, sent: Sentence, start: int, end: int) -> Mention | None:
        """The work "该片 / the film" refers to, when written in [start, end)."""
        if self.last_work is None or not any(start <= c[0] and c[1] <= end for c in self.cues(sent, "work_anaphor")):
            return None
        return self.last_work

    def applicable(self, sent: Sentence) -> list[str]:
        """Names of the rules whose argument types and cues occur in the sentence at all."""
        types = {m.type for m in sent.mentions} | {m.type for m in sent.nested}
        out = []
        for name, (needs, cues) in self.requires.items():
            if types & needs and (not cues or any(c in sent.cues for c in cues)):
                out.append(name)
        return out

    def actor(self, sent: Sentence, pos: int, carried: Mention | None, exclude: frozenset[str] = frozenset(),
              kinds: frozenset[str] | None = None) -> tuple[Mention | None, float]:
        """Who does the verb at `pos`: the nearest clause-opening organisation before it in
        the sentence; else the nearest organisation that is not an object; else the
        actor carried over from the previous sentence."""
        v = self.v
        kinds = kinds or v.orgs
        before = [m for m in sent.mentions if m.end <= pos and m.type in kinds and m.id not in exclude]
        subj = [m for m in before if v.is_subject(sent, m)]
        if subj:
            return subj[-1], 1.0
        usable = carried is not None and carried.id not in exclude and carried.type in kinds
        if usable and self.opens_with_anaphor(sent):  # "The centre, which is part of X, runs …"
            return carried, 0.8
        if usable and not before:
            return carried, 0.6
        loose = [m for m in before if not self._is_object(sent, m)]
        if loose:
            return loose[-1], 0.7
        return None, 0.0

    def _is_object(self, sent: Sentence, m: Mention) -> bool:
        cs, _ = self.v.clause_of(sent, m.start)
        prefix = self.text[max(cs, m.start - 4):m.start].strip(FILLER)
        return self.lex.endswith("object_marker", prefix) is not None

    def group(self, sent: Sentence, idx: int, direction: int, kinds: frozenset[str], allow_yu: bool = False) -> list[Mention]:
        return [sent.mentions[i] for i in self.v.enumeration(sent, idx, direction, allow_yu) if sent.mentions[i].type in kinds]

    def index_before(self, sent: Sentence, pos: int) -> int:
        """Index of the last outer mention ending at or before `pos` (-1 if none)."""
        idx = -1
        for i, m in enumerate(sent.mentions):
            if m.end <= pos:
                idx = i
            else:
                break
        return idx

    def index_after(self, sent: Sentence, pos: int) -> int:
        for i, m in enumerate(sent.mentions):
            if m.start >= pos:
                return i
        return len(sent.mentions)

    def stripped(self, s: str) -> str:
        """`s` without fillers and lead-in adverbs at either end."""
        s = s.strip(FILLER)
        changed = True
        while s and changed:
            changed = False
            w = self.lex.endswith("adverb", s)
            if w:
                s, changed = s[: -len(w)].strip(FILLER), True
            lead = self.lex.startswith("adverb", s)
            if lead:
                s, changed = s[len(lead):].strip(FILLER), True
        return s

    # -- PARTNER_OF and co-founding --------------------------------------------
    def partner(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, orgs = self.v, self.v.orgs
        connectors = self.cues(sent, "connector")
        for ts, te in self.cues(sent, "partner"):
            strong = self.text[ts:te] not in ("合作", "cooperation", "联盟", "结成")
            base = 0.85 if strong else 0.65
            # "A、B与C、D签约": the connector before the cue splits the two sides
            before = [c for c in connectors if c[1] <= ts and ts - c[1] <= 60 and self.text[c[0]:c[1]] not in ("and",)]
            after = [c for c in self.v.cues.find("connector", ts, min(sent.end, te + 50))
                     if self.text[c[0]:c[1]].lower() == "with"]
            for cs, ce in reversed(before):
                j0 = self.index_after(sent, ce)
                if j0 >= len(sent.mentions) or sent.mentions[j0].end > ts:
                    continue
                right = [m for m in self.group(sent, j0, +1, orgs | v.locs) if m.end <= ts]
                left = self._left_of(sent, cs, carried)
                for a in left:
                    for b in right:
                        if b.type in orgs:
                            self.last_pair = (a, b)
                            yield Found("PARTNER_OF", a, b, base * self.decay(a, b))
                break
            for cs, ce in after[:1]:
                j0 = self.index_after(sent, ce)
                if j0 >= len(sent.mentions) or sent.mentions[j0].start - ce > 12:
                    continue
                right = self.group(sent, j0, +1, orgs)
                left = self._left_of(sent, ts, carried)
                for a in left:
                    for b in right:
                        self.last_pair = (a, b)
                        yield Found("PARTNER_OF", a, b, base * self.decay(a, b))
        # "X携手Y推出Z": the verb itself joins the two sides
        for ts, te in self.cues(sent, "partner_verb"):
            j = self.index_after(sent, te)
            if j >= len(sent.mentions) or self.stripped(self.gap_text(te, sent.mentions[j].start)):
                continue
            while j + 1 < len(sent.mentions) and v.is_loc(sent.mentions[j]) and sent.mentions[j + 1].start == sent.mentions[j].end:
                j += 1  # 携手尼泊尔加德满都邮报
            right = self.group(sent, j, +1, orgs)
            if not right or right[0] is not sent.mentions[j]:
                continue
            k = self.index_before(sent, ts)
            if k >= 0 and v.is_org(sent.mentions[k]) and not self.stripped(self.gap_text(sent.mentions[k].end, ts)):
                left, f = [sent.mentions[k]], 1.0
            else:
                a, f = self.actor(sent, ts, carried)
                left = [a] if a is not None else []
            for a in left:
                for b in right:
                    self.last_pair = (a, b)
                    yield Found("PARTNER_OF", a, b, 0.7 * f)
            _, ce = v.clause_of(sent, te)
            made = [m for m in sent.mentions if right[-1].end <= m.start <= ce and m.type in ("Work", "Event")]
            if made and self.cues(sent, "produce") and any(right[-1].end <= t[0] < made[0].start for t in self.cues(sent, "produce")):
                for a in left + right:
                    yield Found("PRODUCED", a, made[0], 0.7 * f)
        for ts, te in self.cues(sent, "co_found"):
            group = self._cofounders(sent, ts, carried)
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    self.last_pair = (a, b)
                    yield Found("PARTNER_OF", a, b, 0.75)
            _, clause_end = v.clause_of(sent, te)
            j = self.index_after(sent, te)
            if j < len(sent.mentions) and v.is_org(sent.mentions[j]) and sent.mentions[j].start <= clause_end \
                    and len(self.stripped(self.gap_text(te, sent.mentions[j].start))) <= 2:
                for a in group:  # "A与B共建澜湄媒体联盟": founders are members
                    if a.id != sent.mentions[j].id:
                        yield Found("PART_OF", a, sent.mentions[j], 0.6)
            made = [m for m in sent.mentions if te <= m.start < clause_end + 40 and m.type in ("Work", "Event")]
            if made:
                first = sent.position[id(made[0])]
                for w in self.group(sent, first, +1, frozenset({"Work", "Event"})):
                    for a in group:
                        yield Found("PRODUCED", a, w, 0.8 * self.decay(a, w) ** 0.5)

    def _left_of(self, sent: Sentence, pos: int, carried: Mention | None) -> list[Mention]:
        """The party written before a connector: an enumeration ending right there, else the clause actor."""
        k = self.index_before(sent, pos)
        if k >= 0 and len(self.stripped(self.gap_text(sent.mentions[k].end, pos))) <= 1:
            left = self.group(sent, k, -1, self.v.orgs)
            if left:
                return left
        a, _ = self.actor(sent, pos, carried)
        return [a] if a else []

    def gap_text(self, s: int, e: int) -> str:
        return self.text[s:e] if e > s else ""

    def _cofounders(self, sent: Sentence, ts: int, carried: Mention | None) -> list[Mention]:
        k = self.index_before(sent, ts)
        if k < 0:
            return []
        last = sent.mentions[k]
        if len(self.stripped(self.gap_text(last.end, ts))) > 2 or last.type not in self.v.orgs:
            return self._joined(sent, ts, carried)
        group = self.group(sent, k, -1, self.v.orgs, allow_yu=True)
        first = sent.mentions[min(self.v.enumeration(sent, k, -1, True))]
        lead = self.gap_text(max(sent.start, first.start - 3), first.start).strip(FILLER)
        if lead and lead[-1] in "与和同跟":
            a, _ = self.actor(sent, first.start - 1, carried)
            if a and a.id not in {m.id for m in group}:
                group.append(a)
        return group if len(group) >= 2 else group

    def _joined(self, sent: Sentence, ts: int, carried: Mention | None) -> list[Mention]:
        """"A……，与B……共同主办": the clause actor and every organisation a connector joins to it."""
        a, _ = self.actor(sent, ts, carried)
        if a is None:
            return []
        group = [a]
        for cs, ce in self.cues(sent, "connector"):
            if a.end <= cs and ce <= ts and self.text[cs:ce] in ("与", "同", "跟"):
                j = self.index_after(sent, ce)
                if j < len(sent.mentions) and sent.mentions[j].start - ce <= 1 and self.v.is_org(sent.mentions[j]):
                    group.append(sent.mentions[j])
        return group

    # -- SISTER_CITY_OF ---------------------------------------------------------
    def sister(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        cues = self.cues(sent, "sister_city", inside_ok=True)
        if not cues:
            return
        _, scope_end = self.v.clause_of(sent, cues[-1][0])  # places named after the cue's clause are elsewhere
        places = [m for m in sent.mentions if m.type == "Place" and m.start < scope_end]
        containers = set()
        ms = sent.mentions
        for a, b in zip(ms, ms[1:]):
            g = self.v.gap(a, b).strip(FILLER)
            if a.type == "Place" and b.type == "Place" and g in ("", "的"):
                containers.add(a.id)
        places = [p for p in places if p.id not in containers]
        if len(places) < 2:
            return
        head = places[0]
        for p in places[1:]:
            if p.id != head.id:
                yield Found("SISTER_CITY_OF", head, p, 0.8 * self.decay(head, p) ** 0.5)

    # -- LOCATED_IN ---------------------------------------------------------------
    def located(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms, text = self.v, sent.mentions, self.text
        locatable = self.locatable
        # adjacency chains: 日本山梨县甲府市, 巴西圣保罗报, 非洲加纳“金芒果”卫星频道
        i = 0
        while i < len(ms):
            chain = [ms[i]]
            j = i
            while j + 1 < len(ms) and (ms[j + 1].start - ms[j].end) <= 2 and v.is_loc(ms[j]) \
                    and ms[j + 1].type in locatable and v.gap(ms[j], ms[j + 1]).strip(FILLER) == "":
                nxt = ms[j + 1]
                if nxt.type == "CulturalIP" and not (nxt.text[:1] in "“\"《「" or v.gap(ms[j], nxt).strip()):
                    break  # 重庆火锅, 洛阳非遗: a local kind of a generic IP, not a located landmark
                if v.is_loc(nxt) and (LOCATION_RANK[nxt.type] > LOCATION_RANK[ms[j].type] or nxt.start != ms[j].end):
                    break  # 重庆“西部…”: a quoted place after a place is an epithet, not a part
                if v.is_loc(nxt) and nxt.type != "Place" and LOCATION_RANK[nxt.type] == LOCATION_RANK[ms[j].type]:
                    break
                chain.append(nxt)
                j += 1
            for a in range(len(chain)):
                for b in range(a + 1, len(chain)):
                    if v.is_loc(chain[a]) and (b == a + 1 or v.is_loc(chain[b])):
                        yield Found("LOCATED_IN", chain[b], chain[a], 0.8 if b == a + 1 else 0.7)
            i = j + 1 if j > i else i + 1
        # 日本的甲府、韩国的釜山与金泉
        for k, m in enumerate(ms):
            if not v.is_loc(m) or k + 1 >= len(ms) or ms[k + 1].start - m.end > 3 or v.gap(m, ms[k + 1]).strip(FILLER) != "的":
                continue
            for n in self.group(sent, k + 1, +1, locatable, allow_yu=True):
                if text[n.end:n.end + 1] == "的" and n is not ms[k + 1]:
                    break  # "韩国的釜山" starts a new possessive
                if not v.is_loc(n) or LOCATION_RANK[n.type] <= LOCATION_RANK[m.type]:
                    yield Found("LOCATED_IN", n, m, 0.7)
        # X在Y揭牌成立 / X落户Y / X based in Y
        for ts, te in self.cues(sent, "located_in"):
            k = self.index_before(sent, ts)
            j = self.index_after(sent, te)
            if k >= 0 and j < len(ms) and len(self.stripped(self.gap_text(ms[k].end, ts))) <= 1 \
                    and len(self.stripped(self.gap_text(te, ms[j].start))) <= 2 and v.is_loc(ms[j]):
                weak = text[ts:te] in ("立足", "扎根")
                yield Found("LOCATED_IN", ms[k], ms[j], 0.45 if weak else 0.8)
        for k, m in enumerate(ms):
            if not v.is_loc(m) or k == 0:
                continue
            pre = self.text[max(sent.start, m.start - 2):m.start]
            if not pre.endswith(("在", "于", "到", " in", " at")):
                continue
            prev = ms[k - 1]
            lead = self.stripped(self.gap_text(prev.end, m.start - (3 if pre.endswith((" in", " at")) else 1)))
            after = self.text[m.end:min(sent.end, m.end + 12)]
            hit = self.v.cues.first("located_verb", m.end, min(sent.end, m.end + 12))
            verb = hit is not None and hit[0] - m.end <= 4
            relative = verb and self.text[hit[1]:hit[1] + 1] == "的"  # 在北京举行的论坛: the forum's place
            hosts = verb and self.lex.has("hosting_verb", self.text[hit[0]:hit[1]])
            if prev.type in locatable and len(lead) <= 1 and verb and not relative:
                if not hosts or prev.type == "Event":
                    yield Found("LOCATED_IN", prev, m, 0.8)
                else:  # X在南宁举办Z: Z takes place there, X need not be based there
                    _, ce = v.clause_of(sent, hit[1])
                    held = [e for e in ms[k + 1:] if e.type == "Event" and e.start <= ce]
                    if held:
                        yield Found("LOCATED_IN", held[0], m, 0.75)
            # 在成都举行的创交会 / 到成都参加的创交会
            if verb or after.startswith(("参加", "参与")):
                rest = self.text[m.end:sent.end]
                de = rest.find("的")
                nxt = ms[k + 1] if k + 1 < len(ms) else None
                if 0 <= de <= 8 and nxt is not None and nxt.type == "Event" and nxt.start - (m.end + de) <= 8:
                    yield Found("LOCATED_IN", nxt, m, 0.7)
        # 成都举行的创交会
        for k, m in enumerate(ms[:-1]):
            if v.is_loc(m) and ms[k + 1].type == "Event" and text[m.end:m.end + 3] in ("举行的", "举办的", "召开的") \
                    and ms[k + 1].start - m.end <= 10:
                yield Found("LOCATED_IN", ms[k + 1], m, 0.7)
        # 重庆还建设陆海国际新闻中心: a place founding an organisation
        for ts, te in self.cues(sent, "part_of_found"):
            k = self.index_before(sent, ts)
            if k < 0 or ms[k].type != "Place" or not v.is_subject(sent, ms[k]) or self.stripped(self.gap_text(ms[k].end, ts)):
                continue
            for o in self._founded(sent, te):
                yield Found("LOCATED_IN", o, ms[k], 0.6)
        # a foreign country opening an organisation's name: 巴西圣保罗报, 肯尼亚民族日报
        for m in ms:
            if v.is_org(m) and len(m.text) >= 4:
                for n in v.prefixes(sent, m):
                    if n.type == "Country" and not self.lex.has("home_country", n.text) and len(m.text) - len(n.text) >= 2:
                        yield Found("LOCATED_IN", m, n, 0.6)
                        break
        # nested prefix: 重庆市渝中区 → 渝中区 in 重庆市
        for m in ms:
            if m.type != "Place" or len(m.text) < 4:
                continue
            for n in v.prefixes(sent, m):
                rest = m.text[n.end - m.start:]
                if v.is_loc(n) and n.id != m.id and 2 <= len(rest) <= 5 and _ADMIN_RE.fullmatch(rest) \
                        and not _DIRECTION_RE.fullmatch(rest):
                    yield Found("LOCATED_IN", m, n, 0.7)
        # English: "Nestled in the south of the Ningxia region, the city of Guyuan …"
        if sent.english:
            opening = self.cues(sent, "located_in")
            if opening and not self.text[sent.start:opening[0][0]].strip(FILLER):
                cs2 = next((c for c in sent.clause_starts if c > opening[0][1]), None)
                where = [m for m in ms if v.is_loc(m) and opening[0][1] <= m.start and (cs2 is None or m.end < cs2)]
                what = [m for m in ms if cs2 is not None and m.start >= cs2 and m.type in locatable]
                if where and what and v.clause_of(sent, what[0].start)[0] == cs2 \
                        and len(self.text[cs2:what[0].start].split()) <= 3:  # "the city of Guyuan"
                    yield Found("LOCATED_IN", what[0], where[-1], 0.7)
                elif where and cs2 is not None and carried is not None \
                        and self.lex.startswith("subject_anaphor", self.text[cs2:cs2 + 20].strip()):
                    yield Found("LOCATED_IN", carried, where[-1], 0.6)  # "Based in Kunming, the centre …"
        # English: "the Brussels Times in Belgium"
        if sent.english:
            for a, b in zip(ms, ms[1:]):
                if v.is_loc(b) and a.type in locatable and re.fullmatch(r",?\s+(?:in|of)\s+(?:the\s+)?", v.gap(a, b)):
                    yield Found("LOCATED_IN", a, b, 0.6)

    def _founded(self, sent: Sentence, te: int) -> list[Mention]:
        """Organisations that are the object of a founding verb ending at `te` (same clause, close, no preposition between)."""
        _, ce = self.v.clause_of(sent, te)
        out = []
        for m in sent.mentions:
            if m.start < te or m.start > ce or m.type not in self.v.orgs:
                continue
            g = self.gap_text(te, m.start)
            if len(g) > 16 or any(w in g for w in ("以", "与", "和", "为", "由", "在", "向", "对", "把")):
                break
            out.append(m)
            break
        return out

    # -- PRESENCE_IN ------------------------------------------------------------------
    def presence(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms = self.v, sent.mentions
        ends = {m.end for m in ms if v.is_org(m)}
        nouns = self.cues(sent, "presence_noun", inside_ok=True)
        outside = set(self.outside(sent, nouns))
        for ns, ne in nouns:
            if (ns, ne) not in outside and ne not in ends:
                continue
            holder = next((m for m in ms if m.start <= ns < m.end), None)
            if holder is not None:
                ns = holder.start
            cs, ce = v.clause_of(sent, ns)
            verb = self.v.cues.first("presence_verb", cs, ne)
            if verb is None:
                continue
            if sent.english:  # "bureaus in Nairobi, Cairo and Johannesburg"
                j = self.index_after(sent, ne)
                if j >= len(ms) or not v.is_loc(ms[j]) or ms[j].start - ne > 8:
                    continue
                locs = self.group(sent, j, +1, v.locs)
            else:
                locs = [m for m in ms if v.is_loc(m) and cs <= m.start and m.end <= ns]
                # 在阿拉木图设立中亚联络站: the place before the verb, not the one naming the office
                placed = [m for m in locs if m.end <= verb[0]]
                locs = placed or locs
                locs = [m for k, m in enumerate(locs) if not (k + 1 < len(locs) and v.gap(m, locs[k + 1]).strip(FILLER) == "")]
            if not locs:
                continue
            head, f = self.actor(sent, min(l.start for l in locs), carried)
            if head is None:
                head, f = self.actor(sent, ns, carried)
            if head is None:
                continue
            for loc in locs:
                yield Found("PRESENCE_IN", head, loc, 0.75 * f)

    # -- REACHES --------------------------------------------------------------------
    def reaches(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms = self.v, sent.mentions
        reachable = frozenset({"Country", "WorldRegion"})
        seen: set[tuple[str, str]] = set()
        backward = self.lex.words["reaches_before"]
        for ts, te in self.cues(sent, "reaches"):
            cs, ce = v.clause_of(sent, ts)
            trig = self.text[ts:te]
            tails = [m for m in ms if m.type in reachable and te <= m.start <= ce]
            if trig in backward:
                tails += [m for m in ms if m.type in reachable and cs <= m.start and m.end <= ts]
            if not tails:
                continue
            head, f = None, 0.0
            if trig == "面向":
                last = max(tails, key=lambda m: m.end)
                after = [m for m in ms if m.start >= last.end and m.start <= ce + 1 and m.type in v.orgs | {"Work", "Platform"}]
                if after and "的" in self.gap_text(last.end, after[0].start):
                    head, f = after[0], 1.0
            if head is None:
                head, f = self.actor(sent, min(ts, min(t.start for t in tails)), carried,
                                     kinds=v.orgs | {"Work", "Platform"})
            if head is None:
                continue
            for t in tails:
                if (head.id, t.id) not in seen:
                    seen.add((head.id, t.id))
                    yield Found("REACHES", head, t, 0.75 * f * self.decay(head, t) ** 0.5)
        for k, m in enumerate(ms if "audience" in sent.cues else ()):
            if m.type not in reachable:
                continue
            noun = self.v.cues.first("audience", m.end, min(sent.end, m.end + 8))
            if noun is None or len(self.stripped(self.text[m.end:noun[0]]).strip("等国家地区的各")) > 0:
                continue
            head, f = self.actor(sent, m.start, carried, kinds=v.orgs | {"Work", "Platform"})
            if head is not None and (head.id, m.id) not in seen:
                seen.add((head.id, m.id))
                yield Found("REACHES", head, m, 0.65 * f * self.decay(head, m) ** 0.5)
        if sent.english:
            for ns, ne in self.cues(sent, "audience"):
                j = self.index_after(sent, ne)
                if j < len(ms) and ms[j].type in reachable and re.fullmatch(r"\s+(?:in|from|across)\s+(?:the\s+)?",
                                                                          self.text[ne:ms[j].start]):
                    head, f = self.actor(sent, ns, carried, kinds=v.orgs | {"Work", "Platform"})
                    for t in self.group(sent, j, +1, reachable):
                        if head is not None and (head.id, t.id) not in seen:
                            seen.add((head.id, t.id))
                            yield Found("REACHES", head, t, 0.65 * f)
        for vs, ve in self.cues(sent, "shown_in"):
            cs, ce = v.clause_of(sent, vs)
            if sent.english:  # "was broadcast in Kazakhstan and Uzbekistan"
                j = self.index_after(sent, ve)
                if j >= len(ms) or ms[j].type not in reachable or len(self.text[ve:ms[j].start].strip()) > 4:
                    continue
                tails, at = self.group(sent, j, +1, reachable), vs
            else:  # "已在肯尼亚、坦桑尼亚等国播出"
                at = self.text.rfind("在", cs, vs)
                tails = [m for m in ms if m.type in reachable and at >= 0 and at < m.start and m.end <= vs]
                if not tails:
                    continue
                # what stands between the last country and the verb: outlets there, 等国, 网站 …
                rest = "".join(self.text[a:b] for a, b in _uncovered(tails[-1].end, vs, ms))
                if len(self.stripped(rest).strip("等国家地区的电视台媒体网站平台频道上")) > 4:
                    continue
            works = [m for m in ms if m.type in ("Work", "Platform") and m.end <= at]
            referred = self.work_referred(sent, sent.start, at)
            if works:
                head, f = works[-1], 0.9
            elif referred is not None:  # 该片计划在越南播出
                head, f = referred, 0.8
            else:
                head, f = self.actor(sent, at, carried, kinds=v.orgs | {"Work", "Platform"})
            for t in tails:
                if head is not None and (head.id, t.id) not in seen:
                    seen.add((head.id, t.id))
                    yield Found("REACHES", head, t, 0.7 * f)

    # -- OPERATES_ON (+ PART_OF of named accounts) -----------------------------
    def operates(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms = self.v, sent.mentions
        accounts = set()
        for k, m in enumerate(ms):
            pre = self.text[max(sent.start, m.start - 6):m.start].rstrip(FILLER)
            word = self.lex.endswith("account", pre)
            if v.is_org(m) and word and len(word) >= 2:
                accounts.add(m.id)
        for k, p in enumerate(ms):
            if p.type != "Platform":
                continue
            cs, ce = v.clause_of(sent, p.start)
            if self.v.cues.first("account", cs, ce) is None:
                continue
            head, f = self.actor(sent, p.start, carried, exclude=frozenset(accounts))
            if head is None:
                nxt = [m for m in ms if m.start > p.end and m.start <= ce and v.is_org(m) and m.id not in accounts]
                if nxt and sent.english:
                    head, f = nxt[0], 0.7
            if head is not None:
                yield Found("OPERATES_ON", head, p, 0.8 * f)
            # Facebook机构账号“Focus Cixi”: the named account runs on p and belongs to the actor
            if k + 1 < len(ms) and ms[k + 1].id in accounts and ms[k + 1].start - p.end <= 8:
                acc = ms[k + 1]
                yield Found("OPERATES_ON", acc, p, 0.8)
        for k, m in enumerate(ms):
            if m.id in accounts:
                owner, f = self.actor(sent, m.start, carried, exclude=frozenset(accounts))
                if k > 0 and v.is_org(ms[k - 1]) and ms[k - 1].id not in accounts and m.start - ms[k - 1].end <= 8:
                    owner, f = ms[k - 1], 1.0
                if owner is not None:
                    yield Found("PART_OF", m, owner, 0.75 * f)

    # -- PART_OF -------------------------------------------------------------------
    def part_of(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms, text = self.v, sent.mentions, self.text
        same_org = self.lex.words["same_org_suffix"]
        # nested prefix: 复旦大学全球传播全媒体研究院 ⊃ 复旦大学
        for m in ms:
            if not v.is_org(m):
                continue
            for n in v.prefixes(sent, m):
                if v.is_org(n):
                    rest = m.text[n.end - m.start:].strip()
                    if len(rest) >= 2 and rest not in same_org:
                        yield Found("PART_OF", m, n, 0.8, "nested")
        # X是Y直属…单位 / Y旗下的X / X隶属于Y
        for ts, te in self.cues(sent, "part_of_is"):
            k = self.index_before(sent, ts)
            j = self.index_after(sent, te)
            if text[ts:te].lower() in _CHILD_FIRST:
                if j < len(ms) and v.is_org(ms[j]) and len(self.stripped(self.gap_text(te, ms[j].start))) <= 2:
                    child, f = self.actor(sent, ts, carried)
                    if child is not None and child.id != ms[j].id:
                        yield Found("PART_OF", child, ms[j], 0.8 * f)
                continue
            if k >= 0 and len(self.stripped(self.gap_text(ms[k].end, ts))) <= 1 and v.is_org(ms[k]):
                parent = ms[k]
                lead = self.gap_text(max(sent.start, parent.start - 2), parent.start)
                if lead.endswith(("是", "为", "系")):
                    child, f = self.actor(sent, parent.start - 1, carried)
                    if child is not None:
                        yield Found("PART_OF", child, parent, 0.8 * f)
                elif j < len(ms) and len(self.stripped(self.gap_text(te, ms[j].start))) <= 3:
                    yield Found("PART_OF", ms[j], parent, 0.75)
        # 该中心由A指导、B承建运营
        for ys, ye in self.outside(sent, [(mt.start(), mt.end()) for mt in re.finditer("由", text[sent.start:sent.end])]):
            ys, ye = ys + sent.start, ye + sent.start
            child, f = self.actor(sent, ys, carried)
            if child is None:
                continue
            _, ce = v.clause_of(sent, ye)
            if "的" in self.text[ye:ce]:
                continue  # "由A主办的论坛": a relative clause about what follows, not about the actor
            for j in range(self.index_after(sent, ye), len(ms)):
                y = ms[j]
                if y.start > ce + 30:
                    break
                after = text[y.end:y.end + 6]
                if v.is_org(y) and self.lex.startswith("part_of_by", after):
                    yield Found("PART_OF", child, y, 0.8 * f)
        # X是Y(的)成员单位 / X is a member of Y / X加入Y
        for ts, te in self.cues(sent, "member"):
            k = self.index_before(sent, ts)
            if sent.english:
                j = self.index_after(sent, te)
                if j < len(ms) and v.is_org(ms[j]) and len(self.text[te:ms[j].start].strip()) <= 4:
                    child, f = self.actor(sent, ts, carried)
                    if child is not None and child.id != ms[j].id:
                        yield Found("PART_OF", child, ms[j], 0.75 * f)
                continue
            if k < 0 or not v.is_org(ms[k]) or self.stripped(self.gap_text(ms[k].end, ts)) not in ("", "的"):
                continue
            lead = self.gap_text(max(sent.start, ms[k].start - 2), ms[k].start)
            if lead.endswith(("是", "为", "成为")):
                child, f = self.actor(sent, ms[k].start - 1, carried)
                if child is not None and child.id != ms[k].id:
                    yield Found("PART_OF", child, ms[k], 0.75 * f)
        for ts, te in self.cues(sent, "join"):
            j = self.index_after(sent, te)
            if j < len(ms) and v.is_org(ms[j]) and len(self.stripped(self.gap_text(te, ms[j].start))) <= 2:
                child, f = self.actor(sent, ts, carried)
                if child is not None and child.id != ms[j].id:
                    yield Found("PART_OF", child, ms[j], 0.65 * f)
        # 成都传媒集团组建“熊猫军团运营中心” / 湖南日报社计划打造“THIS IS HUNAN”
        for ts, te in self.cues(sent, "part_of_found"):
            k = self.index_before(sent, ts)
            if k < 0:
                continue
            parent = ms[k]
            f = 1.0
            if not v.is_org(parent) or len(self.stripped(self.gap_text(parent.end, ts))) > 8:
                parent, f = self.actor(sent, ts, carried)
                if parent is None:
                    continue
                if not v.same_clause(sent, parent.start, ts):
                    f *= 0.85
            for o in self._founded(sent, te):
                if o.id != parent.id:
                    yield Found("PART_OF", o, parent, 0.65 * f)

    # -- PRODUCED ---------------------------------------------------------------------
    def produced(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms, text = self.v, sent.mentions, self.text
        triggers: list[tuple[int, int]] = []
        for t in self.cues(sent, "produce"):  # 策划推出, 组织策划实施: one verb group
            if triggers and triggers[-1][1] == t[0]:
                triggers[-1] = (triggers[-1][0], t[1])
            else:
                triggers.append(t)
        weak = self.cues(sent, "produce_weak")
        publish = self.cues(sent, "publish")
        for k, w in enumerate(ms):
            if w.type not in ("Work", "Event", "Platform"):
                continue
            cs, _ = v.clause_of(sent, w.start)
            trig = [t for t in triggers if cs <= t[0] and t[1] <= w.start]
            base = 0.8
            if not trig and w.type == "Event":
                trig = [t for t in weak if cs <= t[0] and t[1] <= w.start]
                base = 0.5
            if not trig:
                continue
            ts, te = trig[-1]
            if w.start - te > 80:
                continue
            for side in self.both_sides(sent, sent.start, ts):  # 双方合作拍摄的《泥与火》
                yield Found("PRODUCED" if w.type != "Platform" else "OPERATES_ON", side, w, 0.7)
            head, f = self._agent(sent, ts, te, carried)
            if head is None:
                continue
            if w.type == "Platform":
                yield Found("OPERATES_ON", head, w, 0.7 * f)
                continue
            yield Found("PRODUCED", head, w, base * f * self.decay(head, w) ** 0.5)
            # "A与B共同主办了C": both sides
            for co in self._coactors(sent, head):
                yield Found("PRODUCED", co, w, base * f * 0.9)
            # "由A主办、B承办的C": every organiser named right before its verb
            for ts2, te2 in trig[:-1]:
                k2 = self.index_before(sent, ts2)
                if k2 >= 0 and v.is_org(ms[k2]) and ms[k2].id != head.id and ms[k2].end >= cs \
                        and not self.stripped(self.gap_text(ms[k2].end, ts2)) \
                        and _LIST_TAIL_RE.match(self.text[te2:te2 + 2]) and w.start - te2 <= 80:
                    yield Found("PRODUCED", ms[k2], w, base * 0.95)
        # "Tatiana Prateres 在圣保罗报发表了《…》": venue + author
        for ps, pe in publish:
            k = self.index_before(sent, ps)
            if k < 0:
                continue
            venue = ms[k]
            first = k
            while first > 0 and v.is_loc(ms[first - 1]) and ms[first].start - ms[first - 1].end <= 1:
                first -= 1
            lead = text[max(sent.start, ms[first].start - 1):ms[first].start]
            author, f = self.actor(sent, venue.start, carried, kinds=frozenset({"Person"}))
            if author is None:
                persons = [m for m in ms if m.type == "Person" and m.end <= venue.start]
                author, f = (persons[0], 0.8) if persons else (None, 0.0)
            if author is None:
                continue
            at_venue = lead == "在" and v.is_org(venue) and not self.stripped(self.gap_text(venue.end, ps))
            if at_venue:
                yield Found("AFFILIATED_WITH", author, venue, 0.7 * f)
            elif not (venue is author and not self.stripped(self.gap_text(venue.end, ps))):
                continue
            _, ce = v.clause_of(sent, pe)
            works = [m for m in ms if pe <= m.start <= ce + 20 and m.type == "Work"]
            if works:
                yield Found("PRODUCED", author, works[0], 0.75 * f)

    def possessive(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        """English "the centre's documentary "X"" / "CGTN's series X": the owner produced it."""
        if not sent.english:
            return
        v, ms = self.v, sent.mentions
        for k, w in enumerate(ms):
            if w.type != "Work":
                continue
            lead_start = max(sent.start, w.start - 40)
            poss = _POSSESSIVE_RE.search(self.text, lead_start, w.start)
            if poss is None:
                continue
            if poss.group(1):  # "the centre's documentary"
                owner, f = self.actor(sent, poss.start(), carried)
            else:  # "CGTN's series"
                owner = next((m for m in ms[:k] if m.end == poss.start()), None)
                f = 1.0
            if owner is not None and (v.is_org(owner) or owner.type == "Person"):
                yield Found("PRODUCED", owner, w, 0.7 * f)

    def _agent(self, sent: Sentence, ts: int, te: int, carried: Mention | None) -> tuple[Mention | None, float]:
        """Agent of a producing verb: the organisation written right before it, the clause actor
        when only adverbs or a pronoun stand between, nobody when another noun phrase does."""
        ms = sent.mentions
        k = self.index_before(sent, ts)
        cs, _ = self.v.clause_of(sent, ts)
        if k >= 0 and ms[k].end >= cs:
            between = self.stripped(self.gap_text(ms[k].end, ts))
            if not between and (self.v.is_org(ms[k]) or ms[k].type == "Person"):
                lead = self.text[max(sent.start, ms[k].start - 1):ms[k].start]
                if lead not in ("在", "与", "和", "同", "向", "对"):
                    return ms[k], 1.0
                if lead in "与和同" and k > 0 and self.v.is_org(ms[k - 1]) and ms[k - 1].end == ms[k].start - 1:
                    return ms[k - 1], 1.0  # "A和B联合制作的": A, and B through _coactors
        lead_text = self.stripped(self.text[cs:ts])
        followed_by_de = self.text[te:te + 1] == "的"
        if lead_text and followed_by_de and not self.lex.endswith("pronoun", lead_text):
            return None, 0.0  # "外国摄影师拍摄的《…》": the agent is a phrase that is no entity
        return self.actor(sent, ts, carried, kinds=self.v.orgs)

    def _coactors(self, sent: Sentence, head: Mention) -> list[Mention]:
        """Organisations joined to `head` by 与/和 before a 共同/联合 verb."""
        ms = sent.mentions
        k = sent.position.get(id(head), -1)
        if k < 0:
            return []
        out = []
        for j in range(k + 1, len(ms)):
            g = self.v.gap(ms[j - 1], ms[j])
            if not self.v.is_org(ms[j]) or j > k + 4:
                break
            if re.match(r"^[^，。,;；]*?(?:与|和|同)", g) and re.search(r"^[^，。,;；]{0,20}(?:共同|联合|一起)", self.text[ms[j].end:ms[j].end + 24]):
                out.append(ms[j])
        return out

    # -- FEATURES and PROMOTES --------------------------------------------------------
    def features(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms = self.v, sent.mentions
        cues = self.cues(sent, "features")
        for k, t in enumerate(ms):
            if t.type != "CulturalIP":
                continue
            works = [m for m in ms[:k] if m.type in ("Work", "Event") and t.start - m.end <= 40]
            if works:
                w = works[-1]
                between = self.gap_text(w.end, t.start)
                if "。" not in between and between.count("，") + between.count(",") <= 1:
                    yield Found("FEATURES", w, t, 0.6 * self.decay(w, t) ** 0.5)
            cs, _ = v.clause_of(sent, t.start)
            referred = None if works else self.work_referred(sent, sent.start, t.start)
            if referred is not None and any(c[1] <= t.start for c in cues):  # 该片展示了瓯绣
                yield Found("FEATURES", referred, t, 0.55)
            if any(cs <= c[0] and c[1] <= t.start for c in cues):
                later = [i for i, m in enumerate(ms) if i > k and m.type in ("Work", "Event") and m.start - t.end <= 60]
                if later:
                    for w in self.group(sent, later[0], +1, frozenset({"Work", "Event"})):
                        yield Found("FEATURES", w, t, 0.6)

    def promotes(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms = self.v, sent.mentions
        cues = self.cues(sent, "promotes")
        for t in ms:
            if t.type != "CulturalIP":
                continue
            cs, _ = v.clause_of(sent, t.start)
            trig = [c for c in cues if cs <= c[0] and c[1] <= t.start]
            if not trig:
                continue
            head, f = self.actor(sent, trig[-1][0], carried)
            if head is None:
                places = [m for m in ms if m.type == "Place" and m.end <= trig[-1][0] and v.is_subject(sent, m)
                          and not self.stripped(self.gap_text(m.end, trig[-1][0]))]
                head, f = (places[-1], 0.8) if places else (None, 0.0)
            if head is not None:
                yield Found("PROMOTES", head, t, 0.75 * f * self.decay(head, t) ** 0.5)

    # -- AFFILIATED_WITH --------------------------------------------------------------
    def role_gap(self, gap: str, english: bool) -> bool:
        """Is `gap` (text between an organisation and a person) one or more job titles?"""
        gap = gap.strip(FILLER + " ")
        if not gap:
            return False
        parts = [p.strip(FILLER + " ") for p in _ROLE_SEP_RE.split(gap)]
        return all(p and self._one_role(p, english) for p in parts)

    def _one_role(self, part: str, english: bool) -> bool:
        if english or part.isascii():
            words = _ASCII_WORD_RE.findall(part)
            low = part.lower().removeprefix("'s").strip()
            return bool(words) and len(words) <= 4 and self.lex.endswith("role", low) is not None
        part = part.removeprefix("的")
        role = self.lex.endswith("role", part)
        if not role:
            return False
        pre = part[: -len(role)]
        for p in ("原", "前", "现任"):
            pre = pre.removeprefix(p)
        for p in ("常务", "执行", "首席", "高级", "资深", "特约", "驻站"):
            pre = pre.removesuffix(p)
        if len(pre) <= 4:
            return True
        return len(pre) <= 8 and self.lex.endswith("dept_suffix", pre) is not None

    def affiliated(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms, text = self.v, sent.mentions, self.text
        for k, p in enumerate(ms):
            if p.type != "Person":
                continue
            # ORG + 职务 + PERSON, chained: "A党委书记、副总编辑，B编委会主任王亚"
            j = k - 1
            gap = v.gap(ms[j], p) if j >= 0 else ""
            if j > 0 and v.is_loc(ms[j]) and v.is_org(ms[j - 1]) and self.gap_text(ms[j - 1].end, ms[j].start) in ("", "驻"):
                j -= 1  # 新华社驻肯尼亚记者站站长李明: the station's place is part of the title
                gap = v.gap(ms[j], p)
            if j >= 0 and v.is_org(ms[j]) and self.role_gap(gap, sent.english):
                yield Found("AFFILIATED_WITH", p, ms[j], 0.85)
                while j - 1 >= 0:
                    g = v.gap(ms[j - 1], ms[j]).strip(" ")
                    if not g or g[-1] not in "、，,;；" or not v.is_org(ms[j - 1]) or not self.role_gap(g[:-1], sent.english):
                        break
                    j -= 1
                    yield Found("AFFILIATED_WITH", p, ms[j], 0.8)
            # PERSON, ROLE of ORG
            if k + 1 < len(ms) and v.is_org(ms[k + 1]):
                g = v.gap(p, ms[k + 1])
                if sent.english and self._role_of.fullmatch(g):
                    yield Found("AFFILIATED_WITH", p, ms[k + 1], 0.8)
                elif not sent.english and re.fullmatch(r"[（(]\s*", g) and self.role_gap(
                        text[ms[k + 1].end:ms[k + 1].end + 12].split("）")[0].split(")")[0], False):
                    yield Found("AFFILIATED_WITH", p, ms[k + 1], 0.8)
        # PERSON 受聘为 ORG …大使 / PERSON 担任 ORG 职务
        for hs, he in self.cues(sent, "hire"):
            cs, _ = v.clause_of(sent, hs)
            k = self.index_before(sent, hs)
            if k >= 0 and ms[k].type == "Person" and ms[k].end >= cs and not self.stripped(self.gap_text(ms[k].end, hs)):
                person, f = ms[k], 1.0
            elif not self.stripped(self.gap_text(cs, hs)):
                persons = [m for m in ms if m.type == "Person" and m.end <= hs and v.is_subject(sent, m)]
                persons = persons or [m for m in ms if m.type == "Person" and m.end <= hs]
                person, f = (persons[0], 0.8) if persons else (None, 0.0)
            else:
                continue
            j = self.index_after(sent, he)
            if person is None or j >= len(ms) or not v.is_org(ms[j]):
                continue
            if len(self.stripped(self.gap_text(he, ms[j].start))) <= 2 and v.same_clause(sent, he, ms[j].start):
                yield Found("AFFILIATED_WITH", person, ms[j], 0.75 * f)
