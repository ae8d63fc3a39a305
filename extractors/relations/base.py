"""Shared machinery of the relation rules: the `Found` record, actor selection and discourse state.

Confidence = cue strength x distance decay (x 0.6 when the actor had to be carried over
from an earlier sentence). Types are not checked by the rules: the component keeps only
pairs the ontology accepts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.relations.structure import FILLER, DocView, Mention, Sentence


@dataclass(frozen=True, slots=True)
class Found:
    type: str
    head: Mention
    tail: Mention
    confidence: float
    rule: str = ""


def uncovered(start: int, end: int, mentions: list[Mention]) -> list[tuple[int, int]]:
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


class RuleBase:
    """State and helpers every rule family shares: cue lookup, actors, enumerations, discourse state."""

    def __init__(self, view: DocView) -> None:
        self.v = view
        self.text = view.text
        self.lex = view.lex
        roles = "|".join(re.escape(r) for r in sorted(self.lex.words["role"], key=len, reverse=True) if r.isascii())
        self.locatable = view.orgs | {"Place", "Country", "WorldRegion", "CulturalIP", "Event"}
        # discourse state: "双方" = the last two partners, "该片" = the last work named
        self.last_pair: tuple[Mention, Mention] | None = None
        self.last_work: Mention | None = None
        self.last_org: dict[str, Mention] = {}  # organisation type → last one named
        self._anaphoric: dict[int, bool] = {}  # sentence start → opens a clause with an anaphor
        self._memo_sent: Sentence | None = None
        self.sentence: Sentence | None = None  # the sentence the rules are reading (set by extract_relations)
        self._memo: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        orgs, locs = view.orgs, view.locs
        # rule → (argument types of which one must occur, cues of which one must occur)
        self.requires: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
            "partner": (orgs, ("partner", "co_found", "partner_verb")),
            "sister": (frozenset({"Place"}), ("sister_city",)),
            "located": (locs, ()),
            "presence": (locs, ("presence_noun",)),
            "reaches": (frozenset({"Country", "WorldRegion"}), ("reaches", "shown_in", "audience")),
            "operates": (frozenset({"Platform"}), ()),
            "part_of": (orgs, ()),
            "produced": (frozenset({"Work", "Event", "Platform"}), ("produce", "produce_weak", "publish")),
            "features": (frozenset({"CulturalIP"}), ()),
            "listed": (orgs, ()),
            "owned": (frozenset({"Work"}), ()),
            "possessive": (frozenset({"Work"}), ()),
            "promotes": (frozenset({"CulturalIP"}), ("promotes",)),
            "affiliated": (frozenset({"Person"}), ()),
            # English sentences (english.py): each returns at once for any other sentence
            "en_partner": (orgs, ()),
            "en_produced": (frozenset({"Work", "Event"}) | orgs, ()),
            "en_affiliated": (frozenset({"Person"}), ()),
            "en_located": (locs | orgs, ()),
            "en_presence": (locs, ("presence_noun",)),
            "en_sister": (frozenset({"Place"}), ("sister_city",)),
            "en_operates": (frozenset({"Platform"}), ()),
            "en_part_of": (orgs, ()),
            "en_content": (frozenset({"CulturalIP"}), ()),
            "en_reaches": (frozenset({"Country", "WorldRegion"}), ()),
        }
        # "Maria Lopez, a columnist for El Pais"
        self._role_of = re.compile(r",?\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,3}?(?:%s)\s+(?:of|at|for|with)\s+(?:the\s+)?"
                                   % roles, re.I)

    # -- shared helpers ---------------------------------------------------------
    def decay(self, a: Mention, b: Mention) -> float:
        """Closer mentions, likelier pair; an actor carried over from an earlier sentence is
        discounted where it is carried (`actor`), not again for its distance."""
        if self.sentence is not None and min(a.start, b.start) < self.sentence.start:
            return 1.0
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
        named = list(self.last_org.values())
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
        out = []
        for name, (needs, cues) in self.requires.items():
            if not needs.isdisjoint(sent.types) and (not cues or any(c in sent.cues for c in cues)):
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
        if usable:  # 据中心统计，受众…: every organisation before is an object; the actor carries on
            return carried, 0.6
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

    def gap_text(self, s: int, e: int) -> str:
        return self.text[s:e] if e > s else ""

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
