"""Rules about story products: who made them and which cultural IP they and their makers use.

PRODUCED (agent right before the verb, clause actor, "由A主办、B承办", "双方", English
possessives), FEATURES (a work next to or focused on an IP) and PROMOTES (an actor building on
an IP).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.relations.base import Found, RuleBase
from extractors.relations.structure import FILLER, Mention, Sentence

# "…'s documentary "X"": group 1 is empty when an entity mention ends right before the 's
_POSSESSIVE_RE = re.compile(r"(?:(the (?:centre|center|group|agency|station|broadcaster))|)['’]s\s+(?:[\w\-]+\s+){0,3}[\"“]?$",
                            re.IGNORECASE)
_OWN_WORK = re.compile(r"(?:其|该中心的?|该台的?|该社的?|该集团的?)(?:[\u4e00-\u9fff]{0,4}(?:语|文|版))?"
                       r"[\u4e00-\u9fff]{0,6}(?:栏目|节目|专栏|纪录片|短片|系列|视频|品牌|账号|作品|专题)?")
_LIST_TAIL_RE = re.compile(r"[、和及与]|$")
# "3.北京广播电视台：《京剧·拉美行》融媒体报道": an item of a list, its maker before the colon
_ITEM_LEAD_RE = re.compile(r"\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,2}、|[•·●■◆-])?\s*$")


class ContentRules(RuleBase):
    """Rules about story products: who made them and which cultural IP they and their makers use."""

    # -- list items ---------------------------------------------------------------------
    def listed(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        """An item "ORG：what it did" (case lists, award lists): the organisation made the
        works and events of the item, builds on its cultural IP and aims at its regions."""
        ms, text = sent.mentions, self.text
        if not ms or not self.v.is_org(ms[0]) or text[ms[0].end:ms[0].end + 1] not in "：:" \
                or not _ITEM_LEAD_RE.fullmatch(text[sent.start:ms[0].start]):
            return
        org = ms[0]
        for m in ms[1:]:
            if m.type in ("Work", "Event"):
                yield Found("PRODUCED", org, m, 0.7)
            elif m.type == "CulturalIP":
                yield Found("PROMOTES", org, m, 0.6)
            elif m.type in ("WorldRegion", "Country") and not self.lex.has("home_country", m.text):
                yield Found("REACHES", org, m, 0.5)

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
        yield from self._made_by(sent, triggers)
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
        # "Maria Silva 在侨报发表了《…》": venue + author
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

    def owned(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        """其英文视频栏目《熊猫邮差》: a possessive pronoun opening the clause names the work of
        the actor carried over from the sentence before."""
        if carried is None or not self.v.is_org(carried):
            return
        for w in sent.mentions:
            cs, _ = self.v.clause_of(sent, w.start)
            prefix = self.text[cs:w.start].strip(FILLER)
            if w.type == "Work" and _OWN_WORK.fullmatch(prefix) and not prefix.startswith(("其中", "其他", "其余", "其实", "其次")):
                yield Found("PRODUCED", carried, w, 0.6)

    def _made_by(self, sent: Sentence, triggers: list[tuple[int, int]]) -> Iterator[Found]:
        """"本届论坛由A与B共同主办" / "该片由A出品、B承制": the work opens the clause, its makers follow 由."""
        v, ms, text = self.v, sent.mentions, self.text
        ends = {ts: te for ts, te in triggers}
        for k, w in enumerate(ms):
            if w.type not in ("Work", "Event") or not v.is_subject(sent, w) or k + 1 >= len(ms):
                continue
            if self.stripped(text[w.end:ms[k + 1].start]) != "由":
                continue
            _, ce = v.clause_of(sent, ms[k + 1].start)
            j = k + 1
            while j < len(ms) and ms[j].start <= ce and v.is_org(ms[j]):
                group = v.enumeration(sent, j, +1, allow_yu=True)
                last = ms[group[-1]]
                rest = self.stripped(text[last.end:last.end + 8])
                verb = next((ts for ts in ends if ts >= last.end and self.stripped(text[last.end:ts]) == ""), None)
                if verb is None and not rest:
                    break
                if verb is not None:
                    for i in group:
                        if v.is_org(ms[i]):
                            yield Found("PRODUCED", ms[i], w, 0.8)
                j = group[-1] + 1

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
            if re.match(r"^[^，。,;；]*?(?:与|和|同)", g) and re.search(r"^[^，。,;；]{0,20}(?:共同|联合|一起|合作|合拍|携手)", self.text[ms[j].end:ms[j].end + 24]):
                out.append(ms[j])
        return out

    # -- FEATURES and PROMOTES --------------------------------------------------------
    def features(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        v, ms = self.v, sent.mentions
        for n in sent.nested:  # 《京剧·拉美行》, “汉服之夜”: the IP named in the title
            if n.type == "CulturalIP":
                w = next((m for m in ms if m.start <= n.start and n.end <= m.end), None)
                if w is not None and w.type in ("Work", "Event"):
                    yield Found("FEATURES", w, n, 0.7)
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
            # 《闽江入海》以闽江为线索，……，串联起三坊七巷、船政文化: the work the sentence is about,
            # however many clauses later, when a featuring verb leads to the IP
            opening = next((m for m in ms[:k] if m.type in ("Work", "Event")), None)
            if opening is not None and opening is not (works[-1] if works else None) and v.is_subject(sent, opening) \
                    and not re.search("[；;]", self.gap_text(opening.end, t.start)) \
                    and not any(m.type in ("Work", "Event") for m in ms[ms.index(opening) + 1:k]) \
                    and any(opening.end <= c[0] and c[1] <= t.start for c in cues):
                yield Found("FEATURES", opening, t, 0.55)
            cs, _ = v.clause_of(sent, t.start)
            referred = None if works else self.work_referred(sent, sent.start, t.start)
            if referred is not None and any(c[1] <= t.start for c in cues):  # 该片展示了瓯绣
                yield Found("FEATURES", referred, t, 0.55)
            if any(cs <= c[0] and c[1] <= t.start for c in cues):
                later = [i for i, m in enumerate(ms) if i > k and m.type in ("Work", "Event") and m.start - t.end <= 60
                         and not re.search("[；;]", self.gap_text(t.end, m.start))]  # 第一集…；第三集《X》
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
