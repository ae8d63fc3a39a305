"""Rules between organisations and people: partners, co-founders, parents, accounts, staff.

PARTNER_OF ("A、B与C签约", "X携手Y"), PART_OF (nested names, "X是Y直属", "由Y承建运营",
"Y组建X", membership), OPERATES_ON (accounts on platforms) and AFFILIATED_WITH (job titles
between an organisation and a person).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.relations.base import Found, RuleBase
from extractors.relations.structure import DATELINE, FILLER, Mention, Sentence, is_enum_gap

_CHILD_FIRST = frozenset({"隶属于", "隶属", "under", "part of", "a unit of", "subsidiary of", "owned by", "run by",
                          "affiliated to"})
_ROLE_SEP_RE = re.compile(r"[、，,/]|\s+and\s+")
# Account words between platforms of one owner: "Facebook page and YouTube channel", "脸书专页和YouTube频道"
_ACCOUNT_WORDS = re.compile(r"(?i)\b(?:pages?|channels?|accounts?|handles?)\b|专页|主页|频道|账号|帐号|官方号")
# What may stand between a verb and the organisation it names: nothing, or a description of it.
_DESCRIPTOR = re.compile(r"(?:[\u4e00-\u9fff]{0,6}(?:媒体|电视台|电台|报纸|报社|通讯社|机构|高校|大学|侨团|社团|企业|组织|平台|公司))?")
_DATELINE_START = re.compile(r"\s*(?:【[^】\n]{1,12}】)?\s*")
_DATELINE_FULL = re.compile(f"(?:{DATELINE})\\s*[（(][^（()）\\n]{{0,40}}[）)]")
_JOINT_AFTER = re.compile(r"\s*[》”」]?\s*(?:联合|共同|合作|一起|携手)")
_AT_PLATFORM = re.compile(r"在(?:[\u4e00-\u9fff]{0,6}(?:平台|网站))?$")  # 在脸书 / 在俄罗斯社交平台VK
_ON_PLATFORMS = re.compile(r"\s*(?:等)?(?:海外|国际|境外)?(?:社交|视频|新媒体)?(?:媒体)?(?:平台|上)?\s*"
                           r"(?:发起|发布|推出|开展|上线|播出|直播|更新|推送|累计|持续|同步|首发|获赞|收获)")
_ACCOUNT_ON = re.compile(r"[”\"」]?\s*(?:覆盖|在|入驻|登陆|开通|同步|上线于|落地)?")
_BUILT_ON = re.compile(r"(?:依托|依靠|由)(?=[^，。；]{2,30}?(?:负责)?(?:建设|运营|组建|承建|主办|管理))")
_BUILT_VERB = re.compile(r"(?:负责|牵头|全面)?(?:建设|运营|组建|承建|主办|管理)")
_ASCII_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*")


class OrganisationRules(RuleBase):
    """Rules between organisations and people: partners, co-founders, parents, accounts, staff."""

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
            if j >= len(sent.mentions) or not _DESCRIPTOR.fullmatch(self.stripped(self.gap_text(te, sent.mentions[j].start))):
                continue  # "联合当地华文媒体《澳洲新报》": a description may stand between
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
        # "(并)与B联合开设《X》": a clause opening with 与B and a joint verb; its actor is the partner
        for j, b in enumerate(sent.mentions):
            if not v.is_org(b) or sent.english:
                continue
            cs, ce = v.clause_of(sent, b.start)
            first = j
            while first > 0 and v.is_loc(sent.mentions[first - 1]) and not v.gap(sent.mentions[first - 1], sent.mentions[first]).strip(FILLER):
                first -= 1  # 与马来西亚《星洲日报》: the country belongs to the outlet
            lead = self.stripped(self.gap_text(cs, sent.mentions[first].start))
            joint = _JOINT_AFTER.match(self.text, b.end)
            if lead[-1:] not in ("与", "和", "同", "跟") or len(lead) > 3 or joint is None:
                continue
            a, f = self.actor(sent, cs, carried)
            if a is None or a.id == b.id:
                continue
            self.last_pair = (a, b)
            yield Found("PARTNER_OF", a, b, 0.75 * f)
            made = [m for m in sent.mentions[j + 1:] if m.type in ("Work", "Event") and m.start <= ce + 12]
            if made and self.v.cues.first("produce", joint.end() - 2, made[0].start) is not None:
                for maker in (a, b):
                    yield Found("PRODUCED", maker, made[0], 0.7 * f)
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
            last = k
            while last + 1 < len(ms) and ms[last + 1].type == "Platform" and is_enum_gap(v.gap(ms[last], ms[last + 1]).strip(FILLER)):
                last += 1
            first = ms[min(v.enumeration(sent, k, -1))]
            on = _AT_PLATFORM.search(self.text, max(cs, first.start - 12), first.start) is not None
            if on and _ON_PLATFORMS.match(self.text, ms[last].end):
                head, f = self.actor(sent, p.start, carried, exclude=frozenset(accounts))
                if head is not None:  # 在脸书、优兔等海外平台发起话题互动: it acts there
                    yield Found("OPERATES_ON", head, p, 0.7 * f)
                    continue
            if self.v.cues.first("account", cs, ce) is None:
                continue
            # QMG's Facebook page / 集团的脸书专页和YouTube频道: the owner before the platforms
            first = k
            while first > 0 and ms[first - 1].type == "Platform" and is_enum_gap(
                    _ACCOUNT_WORDS.sub("", v.gap(ms[first - 1], ms[first])).strip(FILLER), english=sent.english):
                first -= 1
            if first > 0 and v.is_org(ms[first - 1]) and v.gap(ms[first - 1], ms[first]).strip(FILLER) in ("的", "'s", "’s", "s"):
                yield Found("OPERATES_ON", ms[first - 1], p, 0.85)
                continue
            head, f = self.actor(sent, p.start, carried, exclude=frozenset(accounts))
            if head is None:
                nxt = [m for m in ms if m.start > p.end and m.start <= ce and v.is_org(m) and m.id not in accounts]
                if nxt and sent.english:
                    head, f = nxt[0], 0.7
            if head is not None:
                yield Found("OPERATES_ON", head, p, 0.8 * f)
            # Facebook官方账号“Hello Hainan”: the named account runs on p and belongs to the actor
            if k + 1 < len(ms) and ms[k + 1].id in accounts and ms[k + 1].start - p.end <= 8:
                acc = ms[k + 1]
                yield Found("OPERATES_ON", acc, p, 0.8)
        # 账号“Changchun Now”覆盖Facebook、YouTube / 账号“Shanxi Insight”在Facebook和YouTube直播: the
        # named account runs on the platforms that follow it in its clause
        for k, acc in enumerate(ms):
            if acc.id not in accounts:
                continue
            _, ce = v.clause_of(sent, acc.start)
            j = k + 1
            if j < len(ms) and ms[j].type == "Platform" and _ACCOUNT_ON.fullmatch(self.stripped(v.gap(acc, ms[j]))):
                for i in v.enumeration(sent, j, +1):
                    if ms[i].type == "Platform" and ms[i].start <= ce:
                        yield Found("OPERATES_ON", acc, ms[i], 0.8)
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
                elif j < len(ms) and (len(self.stripped(self.gap_text(te, ms[j].start))) <= 3
                                      or _DESCRIPTOR.fullmatch(self.stripped(self.gap_text(te, ms[j].start)).lstrip("的"))):
                    for child in self.group(sent, j, +1, v.orgs):  # Y下设A、B、C / Y旗下英文媒体X
                        yield Found("PART_OF", child, parent, 0.75)
        # 河南国际传播中心依托河南广播电视台建设 / 由山西日报报业集团负责建设和日常运营
        for m in _BUILT_ON.finditer(text, sent.start, sent.end):
            j = self.index_after(sent, m.end())
            if j < len(ms) and v.is_org(ms[j]) and _BUILT_VERB.match(text, ms[j].end):
                child, f = self.actor(sent, m.start(), carried)
                if child is not None and child.id != ms[j].id:
                    yield Found("PART_OF", child, ms[j], 0.75 * f)
        # 该中心由A指导、B承建运营
        for ys, ye in self.outside(sent, [(mt.start(), mt.end()) for mt in re.finditer("由", text[sent.start:sent.end])]):
            ys, ye = ys + sent.start, ye + sent.start
            k = self.index_before(sent, ys)
            if k >= 0 and not v.is_org(ms[k]) and not self.stripped(self.gap_text(ms[k].end, ys)):
                continue  # 本届论坛由A主办: A made the forum (PRODUCED); nobody is A's part
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
                after = self.stripped(text[y.end:y.end + 8])  # "共同组建": adverbs before the verb
                if v.is_org(y) and self.lex.startswith("part_of_by", after):
                    parents = [p for p in self.group(sent, j, -1, v.orgs, allow_yu=True) if p.end > ye]  # 由A和B共同组建
                    if any(p.id == child.id for p in parents):
                        break  # 工作站由中心与B共同运营: run by the actor itself, with a partner
                    for parent in parents:
                        yield Found("PART_OF", child, parent, 0.8 * f)
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
        # 广西日报传媒集团组建“东盟传播运营中心” / 海南日报社计划打造“HELLO HAINAN”
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
                if o.id == parent.id:
                    continue
                if self.lex.endswith("alliance_suffix", o.text.strip(FILLER)):  # X牵头成立Y联盟: X is a member
                    yield Found("PART_OF", parent, o, 0.65 * f)
                else:
                    yield Found("PART_OF", o, parent, 0.65 * f)

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

    def _bylines(self, sent: Sentence) -> Iterator[Found]:
        """新华社X地3月18日电（记者周一鸣、李明）: the reporters work for the outlet. (A page's
        "来源：X 责任编辑：Y" line is metadata of the page, not a fact the report states.)"""
        ms, text = sent.mentions, self.text
        line = text[sent.start:sent.end]
        if ms and self.v.is_org(ms[0]) and _DATELINE_START.match(text, sent.start, ms[0].start + 1) is not None \
                and _DATELINE_FULL.fullmatch(line):
            for p in ms[1:]:
                if p.type == "Person" and text.rfind("记者", sent.start, p.start) >= 0:
                    yield Found("AFFILIATED_WITH", p, ms[0], 0.75)

    def affiliated(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms, text = self.v, sent.mentions, self.text
        yield from self._bylines(sent)
        for k, p in enumerate(ms):
            if p.type != "Person":
                continue
            # ORG + 职务 + PERSON, chained: "A党委副书记、总编辑，B编委会主任李明"
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
