"""Rules about where things are and reach: sister cities, locations, offices abroad, audiences.

SISTER_CITY_OF, LOCATED_IN (place chains "日本静冈县滨松市", "X的Y", "在Y揭牌", relative
clauses), PRESENCE_IN ("在X设立办事处", "驻X记者站") and REACHES ("覆盖/面向X", "X受众",
"在X播出").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.recognisers import NATIONAL_NAME_STARTS
from extractors.relations.base import Found, RuleBase, uncovered
from extractors.relations.structure import FILLER, Mention, Sentence

LOCATION_RANK = {"Place": 1, "Country": 2, "WorldRegion": 3}
_DIRECTION_RE = re.compile(r"[东西南北中]+部?(?:地区|地带)?|地区|片区|一带")
_PAIR_JOINS = frozenset({"—", "－", "-", "–", "——", "与", "和", "同"})
_CITY_OF = re.compile(r"的?(?:首都|首府|旧都|古都|最大城市|第[二三四五]大城市|港口城市|港城|边境城市|城市|港口)")
_AUDIENCE_WHERE = re.compile(r"(?:受众|用户|粉丝|观众|读者|听众)(?:群体|群)?(?:主要|大多|大部分|多|则)?"
                             r"(?:以|来自|分布在|分布于|集中在|集中于|遍布|覆盖)")
_CAPITAL_OF = re.compile(r"的?(?:省会|首府|省城)")
_DATE_RE = re.compile(r"\d{2,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?")
_ADMIN_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[省市县区镇乡村州盟旗]")


class PlaceRules(RuleBase):
    """Rules about where things are and reach: sister cities, locations, offices abroad, audiences."""

    # -- SISTER_CITY_OF ---------------------------------------------------------
    def sister(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        cues = self.cues(sent, "sister_city", inside_ok=True)
        if not cues:
            return
        _, scope_end = self.v.clause_of(sent, cues[-1][0])  # places named after the cue's clause are elsewhere
        if self.text[scope_end:scope_end + 1] in ("：", ":"):
            scope_end = sent.end  # 友城分别是：A—B、C—D
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
        pairs = self._city_pairs(places, ms)
        if pairs:  # 南京—意大利佛罗伦萨、天津—日本神户 / 沈阳与芝加哥、石家庄与得梅因
            for a, b in pairs:
                yield Found("SISTER_CITY_OF", a, b, 0.8)
            return
        head = places[0]
        for p in places[1:]:
            if p.id != head.id:
                yield Found("SISTER_CITY_OF", head, p, 0.8 * self.decay(head, p) ** 0.5)

    def _city_pairs(self, places: list[Mention], ms: list[Mention]) -> list[tuple[Mention, Mention]]:
        """Places written as pairs (A—B、C—D or A与B、C与D): the pairs, else nothing."""
        links = []
        for a, b in zip(places, places[1:]):
            gap = "".join(self.text[x:y] for x, y in uncovered(a.end, b.start, ms)).strip(" \u3000")
            links.append("pair" if gap in _PAIR_JOINS else "list" if gap in ("、", "，", ",", "；", ";") else "other")
        if links.count("pair") < 2 or "other" in links:
            return []
        pairs, i = [], 0
        while i < len(links):
            if links[i] != "pair" or (i + 1 < len(links) and links[i + 1] == "pair"):
                return []  # A—B—C or a lone place: not a list of pairs
            pairs.append((places[i], places[i + 1]))
            i += 2
        return pairs if len(pairs) * 2 == len(places) else []

    # -- LOCATED_IN ---------------------------------------------------------------
    def located(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms, text = self.v, sent.mentions, self.text
        locatable = self.locatable
        places = [(k, m) for k, m in enumerate(ms) if m.type in v.locs]
        # adjacency chains: 日本静冈县滨松市, 泰国民族报, 非洲肯尼亚“丝路之声”广播频道
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
        # 马来西亚首都吉隆坡, 塞尔维亚第二大城市诺维萨德, 山西省会太原
        for (k, m), (k2, n) in zip(places, places[1:]):
            if k2 == k + 1 and n.type == "Place" and m.type in ("Country", "Place") \
                    and (_CITY_OF if m.type == "Country" else _CAPITAL_OF).fullmatch(v.gap(m, n).strip(FILLER)):
                yield Found("LOCATED_IN", n, m, 0.8)
        # 日本的静冈、韩国的仁川与大邱
        for k, m in places:
            if k + 1 >= len(ms) or ms[k + 1].start - m.end > 3 or v.gap(m, ms[k + 1]).strip(FILLER) != "的":
                continue
            group = self.group(sent, k + 1, +1, locatable, allow_yu=True) if v.is_loc(ms[k + 1]) else [ms[k + 1]]
            for n in group:  # 郑州的A与B签约: only A is 郑州's
                if text[n.end:n.end + 1] == "的" and n is not ms[k + 1]:
                    break  # "韩国的釜山" starts a new possessive
                if not v.is_loc(n) or LOCATION_RANK[n.type] <= LOCATION_RANK[m.type]:
                    yield Found("LOCATED_IN", n, m, 0.7)
        # X在Y揭牌成立 / X落户Y / X based in Y
        for ts, te in self.cues(sent, "located_in"):
            k = self.index_before(sent, ts)
            j = self.index_after(sent, te)
            if j + 1 < len(ms) and v.is_loc(ms[j]) and ms[j + 1].type in locatable \
                    and len(self.stripped(self.gap_text(te, ms[j].start))) <= 1 and v.gap(ms[j], ms[j + 1]).strip(FILLER) == "的":
                yield Found("LOCATED_IN", ms[j + 1], ms[j], 0.8)  # 总部位于郑州的河南国际传播中心
                continue
            if k >= 0 and j < len(ms) and len(self.stripped(self.gap_text(ms[k].end, ts))) <= 1 \
                    and len(self.stripped(self.gap_text(te, ms[j].start))) <= 2 and v.is_loc(ms[j]):
                weak = text[ts:te] in ("立足", "扎根")
                yield Found("LOCATED_IN", ms[k], ms[j], 0.45 if weak else 0.8)
        for k, m in places:
            if k == 0:
                continue
            pre = self.text[max(sent.start, m.start - 2):m.start]
            if not pre.endswith(("在", "于", "到", " in", " at")):
                continue
            prev = ms[k - 1]
            lead = _DATE_RE.sub("", self.stripped(self.gap_text(prev.end, m.start - (3 if pre.endswith((" in", " at")) else 1))))
            # 在宁夏首府银川挂牌: the place is the last of its chain
            while k + 1 < len(ms) and ms[k + 1].type == "Place" and \
                    (_CAPITAL_OF.fullmatch(v.gap(m, ms[k + 1]).strip(FILLER)) or not v.gap(m, ms[k + 1]).strip(FILLER)):
                k, m = k + 1, ms[k + 1]
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
            # 在南宁举行的东博会 / 到南宁参加的东博会
            if verb or after.startswith(("参加", "参与")):
                rest = self.text[m.end:sent.end]
                de = rest.find("的")
                nxt = ms[k + 1] if k + 1 < len(ms) else None
                if 0 <= de <= 8 and nxt is not None and nxt.type == "Event" and nxt.start - (m.end + de) <= 8:
                    yield Found("LOCATED_IN", nxt, m, 0.7)
        # 南宁举行的东博会
        for k, m in places:
            if k + 1 < len(ms) and ms[k + 1].type == "Event" and text[m.end:m.end + 3] in ("举行的", "举办的", "召开的") \
                    and ms[k + 1].start - m.end <= 10:
                yield Found("LOCATED_IN", ms[k + 1], m, 0.7)
        # 海南还建设自贸港国际传播中心: a place founding an organisation
        for ts, te in self.cues(sent, "part_of_found"):
            k = self.index_before(sent, ts)
            if k < 0 or ms[k].type != "Place" or not v.is_subject(sent, ms[k]) or self.stripped(self.gap_text(ms[k].end, ts)):
                continue
            for o in self._founded(sent, te):
                yield Found("LOCATED_IN", o, ms[k], 0.6)
        # a foreign country before a media outlet's own name: 巴西圣保罗报, 肯尼亚民族日报 (not
        # 老挝国家电视台 or 越南之声广播电台, whose country is part of the name)
        for m in ms:
            if m.type == "MediaOutlet" and len(m.text) >= 4:
                for n in v.prefixes(sent, m):
                    rest = m.text[n.end - m.start:]
                    if n.type == "Country" and not self.lex.has("home_country", n.text) and len(rest) >= 2 \
                            and not rest.lstrip("国 ").startswith(NATIONAL_NAME_STARTS) \
                            and text[m.start - 1:m.start] != "《":  # 《菲律宾星报》: all one title
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

    def _work_reaching(self, sent: Sentence, cs: int, pos: int) -> tuple[Mention | None, float]:
        """The work that reaches an audience: named in the clause before the verb (……合拍的纪录片
        《X》将面向老挝观众播出, 让《X》触达…), or "该片" earlier in the sentence."""
        works = [m for m in sent.mentions if m.type == "Work" and cs <= m.start and m.end <= pos
                 and not re.search("[，,；;]", self.gap_text(m.end, pos))]
        if works:
            return works[-1], 0.9
        referred = self.work_referred(sent, sent.start, pos)
        return (referred, 0.8) if referred is not None else (None, 0.0)

    # -- PRESENCE_IN ------------------------------------------------------------------
    def presence(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms = self.v, sent.mentions
        # 温州市国际传播中心米兰海外传播基地 / 新华社内罗毕分社: a named office of a parent, in a place
        for m in ms:
            if v.is_org(m) and len(m.text) >= 5 and self.lex.endswith("presence_noun", m.text):
                parents = [n for n in v.prefixes(sent, m) if v.is_org(n)]
                places = [n for n in v.inside(sent, m, v.locs) if not parents or n.start >= parents[0].end]
                if parents and places:
                    yield Found("PRESENCE_IN", parents[0], places[-1], 0.75)
                    yield Found("LOCATED_IN", m, places[-1], 0.7)
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
            if verb is None and not sent.english:
                # 海外工作站在韩国首尔挂牌 / 吉隆坡工作站相继落地: the verb after the office
                verb = self.v.cues.first("presence_verb", ne, ce) or self.v.cues.first("located_verb", ne, ce)
                if verb is None:
                    continue
                after = [m for m in ms if v.is_loc(m) and ne <= m.start and m.end <= verb[0]]
                if after and self.text[ne:after[0].start].strip(FILLER) == "在":
                    head, f = self.actor(sent, ns, carried)
                    for loc in after if head is not None else ():
                        yield Found("PRESENCE_IN", head, loc, 0.7 * f)
                    continue
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
                # 在韩国首尔设立工作站: present in the city and so in its country (a region
                # before them only says where the country is: 非洲加纳)
                locs = [m for k, m in enumerate(locs) if not (m.type == "WorldRegion" and k + 1 < len(locs)
                                                              and v.gap(m, locs[k + 1]).strip(FILLER) == "")]
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
                elif self.text[last.end:last.end + 6].lstrip("等国家地区").startswith("的"):
                    continue  # 面向中亚的区域研究: aimed at, said of something that is no entity
            if head is None:
                head, f = self._work_reaching(sent, cs, min(ts, min(t.start for t in tails)))
            if head is None:
                head, f = self.actor(sent, min(ts, min(t.start for t in tails)), carried,
                                     kinds=v.orgs | {"Work", "Platform"})
            if head is None or (head.type == "Platform" and not v.is_subject(sent, head)):
                continue  # 在脸书等平台发起话题，吸引欧洲网友: the platform is where, not who
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
            if head is not None and head.type == "Platform" and not v.is_subject(sent, head):
                head, f = self.actor(sent, m.start, carried)  # 在脸书等平台发起话题，吸引北美网友: not the platform
            if head is not None and (head.id, m.id) not in seen:
                seen.add((head.id, m.id))
                yield Found("REACHES", head, m, 0.65 * f * self.decay(head, m) ** 0.5)
        # 其海外受众以东南亚和中东为主 / 账号受众主要分布在北美和欧洲: the audience first, then where it is
        for au in _AUDIENCE_WHERE.finditer(self.text, sent.start, sent.end):
            _, ce = v.clause_of(sent, au.start())
            tails = [m for m in ms if m.type in reachable and au.end() <= m.start <= ce]
            if not tails:
                continue
            head, f = self._work_reaching(sent, v.clause_of(sent, au.start())[0], au.start())
            if head is None:
                head, f = self.actor(sent, au.start(), carried, kinds=v.orgs | {"Work", "Platform"})
            for t in tails if head is not None else ():
                if (head.id, t.id) not in seen:
                    seen.add((head.id, t.id))
                    yield Found("REACHES", head, t, 0.7 * f)
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
                rest = "".join(self.text[a:b] for a, b in uncovered(tails[-1].end, vs, ms))
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
