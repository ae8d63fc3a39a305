"""Decide which candidates are the same entity, and give each entity a stable id.

A report names one organisation many ways: 重庆日报报业集团, then 重报集团, then 集团;
浙江省国际传播中心 (ZICC), then ZICC, then 中心. The resolver folds these into one
entity (with the short forms as aliases) so that relations and the graph see
one node. Ids are stable across documents: lexicon and geo entries keep their
own ids (countries by ISO code), other names get `graph.model.entity_id(type, name)`;
`link_to_store` then reuses the id of an entity the store already knows under
the same or a near-identical name.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from extractors.gazetteer import Gazetteer
from extractors.recognisers import LOCATION_TYPES, ORG_TYPES, Candidate, select
from graph.model import Entity, entity_id

if TYPE_CHECKING:
    from graph.store import GraphStore

_PAREN = re.compile(
    r"[”\"’\s]*[（(]\s*(以下简称|以下称|下称|简称)?\s*[“\"《]?([^（()）“”\"《》，,。]{1,30}?)[”\"》]?\s*[）)]"
)
# （Shandong International Communication Center，以下简称“SICC”）: a second name, then the short one
_PAREN_PAIR = re.compile(
    r"[”\"’\s]*[（(]\s*([^（()）“”\"，,。]{2,60}?)\s*[，,；;]\s*(?:以下简称|以下称|下称|简称)\s*[“\"]?"
    r"([^（()）“”\"，,。]{1,12}?)[”\"]?\s*[）)]"
)
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]{1,9}")
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")
_DETERMINERS = ("该", "本", "其", "此", "这")
_EVENT_DETERMINERS = ("本届", "本次", "此次", "这次", "该", "此届", "这届", "这一")
FUZZY_STORE_SCORE = 92


@dataclass
class ResolvedSpan:
    """A mention in the normalised text, tied to an entity id."""

    start: int
    end: int
    type: str
    entity_id: str
    confidence: float
    anaphor: bool = False


@dataclass
class _Group:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    spans: list[ResolvedSpan] = field(default_factory=list)
    known: bool = False  # from the lexicon or geo: its id and name are fixed

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass
class Resolution:
    entities: dict[str, Entity]
    spans: list[ResolvedSpan]


def _compatible(a: str, b: str) -> bool:
    return a == b or (a in ORG_TYPES and b in ORG_TYPES)


def _written_first(g: _Group, text: str) -> list[str]:
    """Aliases as the report wrote them first, then the lexicon's: readers (and scorers,
    who look at the first few) want the forms of this text."""
    written = {text[sp.start:sp.end] for sp in g.spans}
    aliases = [a for a in g.aliases if a != g.name]
    return [a for a in aliases if a in written] + [a for a in aliases if a not in written]


def is_abbreviation(short: str, full: str) -> bool:
    """重报集团 ⊂ 重庆日报报业集团: same first character, same head, characters in order."""
    if len(short) < 2 or len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    if short in full:
        return False  # a contiguous part is a parent or a suffix, not an abbreviation
    it = iter(full)
    return all(ch in it for ch in short)


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __call__(self, text: str, cands: list[Candidate]) -> Resolution:
        kept = select(cands, text)
        groups: dict[str, _Group] = {}
        span_group: list[tuple[Candidate, _Group]] = []
        types = self._majority_types(kept)
        memo: dict[tuple, _Group] = {}
        for c in kept:
            key = (c.name, c.type, c.entry.id if c.entry else None)
            g = memo.get(key)
            if g is None or g.id not in groups:
                g = memo[key] = self._group_for(c, groups, types)
            g.spans.append(ResolvedSpan(c.start, c.end, g.type, g.id, c.confidence))
            for alias in c.aliases:
                g.add_alias(alias)
            surface = text[c.start:c.end]
            if c.source != "echo":
                g.add_alias(surface)
            span_group.append((c, g))
        alias_of: dict[str, str] = {}
        self._parenthetical(text, span_group, groups, alias_of)
        self._place_variants(groups, alias_of)
        self._suffix_aliases(groups, alias_of)
        self._known_by_alias(groups, alias_of)
        self._abbreviations(text, cands, groups, alias_of)
        self._late_mentions(text, cands, groups)
        spans = [s for g in groups.values() for s in g.spans]
        spans += self._anaphors(text, cands, groups, spans)
        entities = {g.id: Entity(g.id, g.type, g.name, _written_first(g, text), dict(g.attrs)) for g in groups.values()}
        for s in spans:
            s.entity_id = _follow(alias_of, s.entity_id)
        spans = [s for s in spans if s.entity_id in entities]
        spans.sort(key=lambda s: (s.start, -s.end))
        return Resolution(entities, spans)

    # -- identity -----------------------------------------------------------------
    def _majority_types(self, kept: list[Candidate]) -> dict[str, str]:
        """One type per pattern name in a document: the reading most rules agree on."""
        votes: dict[str, Counter] = {}
        for c in kept:
            if c.entry is None and c.source != "echo":
                votes.setdefault(c.name, Counter())[c.type] += 1
        return {k: v.most_common(1)[0][0] for k, v in votes.items() if len(v) > 1}

    def _group_for(self, c: Candidate, groups: dict[str, _Group], types: dict[str, str]) -> _Group:
        entry = c.entry
        if entry is None:
            known = self.gaz.get(c.name)
            if known is None and c.name.endswith("社") and c.type == "MediaOutlet":
                known = self.gaz.get(c.name[:-1])  # 南方日报社 is the publisher of 南方日报
            if known is not None and _compatible(known.type, c.type) and c.type != "Work":
                entry = known
        if entry is not None and entry.id:
            g = groups.get(entry.id)
            if g is None:
                g = groups[entry.id] = _Group(entry.id, entry.type, entry.name, list(entry.aliases), dict(entry.attrs), known=True)
            return g
        etype = types.get(c.name, c.type)
        gid = entity_id(etype, c.name)
        g = groups.get(gid)
        if g is None:
            g = groups[gid] = _Group(gid, etype, c.name, attrs=dict(c.attrs))
        return g

    # -- aliases ------------------------------------------------------------------
    def _merge(self, src: _Group, dst: _Group, groups: dict[str, _Group], alias_of: dict[str, str]) -> None:
        if src is dst:
            return
        dst.add_alias(src.name)
        for a in src.aliases:
            dst.add_alias(a)
        for s in src.spans:
            s.entity_id, s.type = dst.id, dst.type
        dst.spans.extend(src.spans)
        alias_of[src.id] = dst.id
        groups.pop(src.id, None)

    def _parenthetical(self, text: str, span_group, groups, alias_of) -> None:
        """浙江省国际传播中心(ZICC), 《Let's Meet》（《渝见》）, "… Center" (固原国际传播中心), （以下简称“X”）,
        （English name，以下简称“X”）."""
        by_start = {c.start: (c, g) for c, g in span_group}
        for c, g in span_group:
            if g.id not in groups or c.source == "echo":
                continue
            at = c.end + (1 if c.source == "work" else 0)
            pair = _PAREN_PAIR.match(text, at)
            if pair:
                inner = by_start.get(pair.start(1))
                if inner is not None and inner[1].id in groups and inner[1] is not g and _compatible(inner[1].type, g.type):
                    self._merge(inner[1], g, groups, alias_of)
                g.add_alias(pair.group(1).strip())
                g.add_alias(pair.group(2).strip())
                continue
            m = _PAREN.match(text, at)
            if not m:
                continue
            alias = m.group(2).strip()
            inner = next((by_start[i] for i in range(m.start(2) - 1, m.start(2) + 1) if i in by_start), None)
            latin_name = not _HAS_CJK.search(g.name)
            accept = (
                m.group(1) is not None
                or _ACRONYM.fullmatch(alias) is not None and alias.upper() == alias
                or (latin_name and _HAS_CJK.search(alias) and inner is not None and _compatible(inner[1].type, g.type))
                or (inner is not None and inner[0].end >= m.end(2) - 1 and _compatible(inner[1].type, g.type) and inner[1].type not in LOCATION_TYPES)
            )
            if not accept:
                continue
            if inner is not None and inner[1].id in groups and inner[1] is not g and _compatible(inner[1].type, g.type):
                self._merge(inner[1], g, groups, alias_of)
            g.add_alias(alias)

    def _place_key(self, name: str) -> str | None:
        """深圳市国际传播中心 and 深圳国际传播中心 share a key: the place's id, then the rest."""
        for size in range(min(6, len(name) - 2), 1, -1):
            entry = self.gaz.get(name[:size])
            if entry is not None and entry.type in LOCATION_TYPES:
                return f"{entry.id}|{name[size:]}"
        return None

    def _place_variants(self, groups, alias_of) -> None:
        """One organisation written with and without 市/省 after its place: the form
        mentioned most (then the longer) is the name, the other an alias."""
        by_key: dict[tuple[str, str], list[_Group]] = {}
        for g in groups.values():
            if g.known or g.type not in ORG_TYPES:
                continue
            key = self._place_key(g.name)
            if key is not None:
                by_key.setdefault((key, "org"), []).append(g)
        for variants in by_key.values():
            if len(variants) < 2:
                continue
            variants.sort(key=lambda g: (len(g.spans), len(g.name)), reverse=True)
            for other in variants[1:]:
                self._merge(other, variants[0], groups, alias_of)

    def _suffix_aliases(self, groups, alias_of) -> None:
        """文博会 = 深圳文博会, 江北区 = 宁波市江北区: a pattern name that ends a longer one."""
        shorts = [g for g in groups.values() if not g.known and g.type != "Person" and len(g.name) >= 3]
        if not shorts:
            return
        wanted = {g.type for g in shorts}
        if wanted & ORG_TYPES:
            wanted |= ORG_TYPES
        ending: dict[str, _Group] = {}  # proper suffix of a name → the shortest name it ends
        for g in sorted((g for g in groups.values() if g.type in wanted), key=lambda g: len(g.name), reverse=True):
            for n in (g.name, *g.aliases):
                for i in range(1, len(n) - 2):
                    ending[n[i:]] = g
        for short in sorted(shorts, key=lambda g: len(g.name)):
            if short.id not in groups:
                continue
            full = ending.get(short.name)
            if full is not None and full is not short and full.id in groups and _compatible(full.type, short.type):
                self._merge(short, full, groups, alias_of)

    def _known_by_alias(self, groups, alias_of) -> None:
        """马来西亚星洲日报 (a pattern name, alias 星洲日报) is the lexicon's 星洲日报."""
        known: dict[str, _Group] = {}
        for g in groups.values():
            if g.known and g.type in ORG_TYPES:
                for n in (g.name, *g.aliases):
                    known.setdefault(n, g)
        for g in list(groups.values()):
            if g.known or g.type not in ORG_TYPES or g.id not in groups:
                continue
            target = next((known[a] for a in g.aliases if len(a) >= 3 and a in known), None)
            if target is None:  # the lexicon knows the short name though the text never wrote it alone
                entry = next((e for a in g.aliases if len(a) >= 3 and (e := self.gaz.get(a)) is not None
                              and e.type in ORG_TYPES and e.id), None)
                if entry is not None:  # (its group may already have been merged into another, even into g)
                    tid = _follow(alias_of, entry.id)
                    if tid == entry.id and tid not in groups:
                        groups[tid] = _Group(entry.id, entry.type, entry.name, list(entry.aliases), dict(entry.attrs),
                                             known=True)
                    target = groups.get(tid)
            if target is not None and target.id in groups and target is not g:
                self._merge(g, target, groups, alias_of)

    def _abbreviations(self, text: str, cands: list[Candidate], groups, alias_of) -> None:
        """重报集团 → 重庆日报报业集团; weak candidates live only through this."""
        orgs = [g for g in groups.values() if g.type in ORG_TYPES]
        for g in list(groups.values()):
            if g.known or g.type not in ORG_TYPES or len(g.name) > 6 or g.id not in groups:
                continue
            full = next((o for o in orgs if o is not g and o.id in groups and is_abbreviation(g.name, o.name)), None)
            if full is not None:
                self._merge(g, full, groups, alias_of)
        for c in cands:
            if not c.weak or c.type not in ORG_TYPES or len(c.name) > 6:
                continue
            full = next((o for o in orgs if o.id in groups and is_abbreviation(c.name, o.name)), None)
            if full is not None:
                full.add_alias(c.name)
                full.spans.append(ResolvedSpan(c.start, c.end, full.type, full.id, 0.6))

    def _late_mentions(self, text: str, cands: list[Candidate], groups) -> None:
        """Occurrences of a name that became an alias only now (ZICC after "(ZICC)")."""
        by_alias: dict[str, _Group] = {}
        for g in groups.values():
            for a in g.aliases:
                if len(a) >= 2 and a != g.name:
                    by_alias.setdefault(a, g)
        if not by_alias:
            return
        covered = bytearray(len(text) + 1)
        for g in groups.values():
            for s in g.spans:
                covered[s.start:s.end] = b"\x01" * (s.end - s.start)
        for c in cands:
            if not (c.weak or c.source in ("echo", "abbrev")):
                continue
            g = by_alias.get(text[c.start:c.end])
            if g is None or g.id not in groups or any(covered[c.start:c.end]):
                continue
            g.spans.append(ResolvedSpan(c.start, c.end, g.type, g.id, 0.7))
            covered[c.start:c.end] = b"\x01" * (c.end - c.start)

    def _anaphors(self, text: str, cands: list[Candidate], groups, spans: list[ResolvedSpan]) -> list[ResolvedSpan]:
        """该中心 / 中心 / 省委宣传部 → the nearest named organisation they can stand for."""
        named = sorted((s for s in spans if s.type in ORG_TYPES and not s.anaphor), key=lambda s: s.start)
        events = sorted((s for s in spans if s.type == "Event" and not s.anaphor), key=lambda s: s.start)
        taken = {(s.start, s.end) for s in spans}
        out = []
        for c in cands:
            if not c.anaphor or (c.start, c.end) in taken:
                continue
            surface = text[c.start:c.end]
            head = c.attrs.get("head", c.name)
            if c.type == "Event":  # 本届论坛 is the forum named last; 第三届论坛 is another edition
                if surface.startswith(_EVENT_DETERMINERS):
                    fits = [s for s in events if s.end <= c.start and groups.get(s.entity_id)
                            and groups[s.entity_id].name.endswith(head)]
                    if fits:
                        g = groups[fits[-1].entity_id]
                        out.append(ResolvedSpan(c.start, c.end, g.type, g.id, 0.5, anaphor=True))
                continue
            # 省委宣传部 names its organisation more than 该中心 does: it becomes an alias.
            specific = not surface.startswith(_DETERMINERS) and (surface != head or len(head) == 3)
            target = surface if specific else head
            fits = [s for s in named if groups.get(s.entity_id) and groups[s.entity_id].name.endswith(target) and groups[s.entity_id].name != target]
            before = [s for s in fits if s.end <= c.start]
            pick = before[-1] if before else (fits[0] if fits and specific and len(target) >= 3 else None)
            if pick is None:
                continue
            g = groups[pick.entity_id]
            if specific and len(surface) >= 3 and not surface.startswith(_DETERMINERS):
                g.add_alias(surface)
            out.append(ResolvedSpan(c.start, c.end, g.type, g.id, 0.5, anaphor=True))
        return out


def _follow(alias_of: dict[str, str], gid: str) -> str:
    seen = {gid}
    while gid in alias_of and alias_of[gid] not in seen:  # a cycle ends where it closes
        gid = alias_of[gid]
        seen.add(gid)
    return gid


def link_to_store(entities: dict[str, Entity], store: "GraphStore") -> dict[str, str]:
    """Map new entity ids onto the ids of entities the store already holds under the
    same name, or a near-identical one of the same type (rapidfuzz ratio ≥ 92)."""
    remap: dict[str, str] = {}
    for eid, ent in entities.items():
        if store.get_entity(eid) is not None:
            continue
        hit = next((e for e in store.lookup(ent.name) if e.type == ent.type), None)
        if hit is None:
            for alias in ent.aliases:
                hit = next((e for e in store.lookup(alias) if e.type == ent.type), None)
                if hit:
                    break
        if hit is None and len(ent.name) >= 4:
            # The whole name finds longer names that contain it; its first characters
            # find names that differ further on (湘西州… for 湘西…).
            pool = {e.id: e for q in (ent.name, ent.name[:2]) for e in store.search(q, types=[ent.type], limit=20)}
            best = max(pool.values(), key=lambda e: fuzz.ratio(e.name, ent.name), default=None)
            if best is not None and fuzz.ratio(best.name, ent.name) >= FUZZY_STORE_SCORE:
                hit = best
        if hit is not None and hit.id != eid:
            remap[eid] = hit.id
    return remap
