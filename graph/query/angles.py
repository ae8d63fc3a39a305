"""Which story angles work in a target: cultural IPs and works ranked by evidence.

Evidence that an IP or work resonates somewhere, strongest first: the work itself
reached the target; the IP is featured in such a work; a carrier into the target
(a partner or sister city there, a centre that reaches it) promotes the IP or
produced the work. Audience figures of a work add to it. With `from_`, only what
that organisation or place can tell (its own IPs and works, and its partners')
is ranked, so the answer is a menu for that teller.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import Entity, Relation, Subgraph
from graph.query.carry import FANOUT, Channel, find_channels
from graph.query.edges import Edge, Names, edge, phrase, walk_text
from graph.query.ranking import Reason, audience_bonus, combine, contributions, edge_strength, evidence_bonus
from graph.query.resolve import resolve_entity, resolve_location
from graph.query.target import TargetLocation, expand_target
from graph.store import GraphStore
from ontology import load_ontology

ANGLE_TYPES = ("CulturalIP", "Work")
SEEDS = 40  # entities with the strongest channels whose IPs and works are looked at
ANGLE_FANOUT = 20  # IPs and works read per seed (and per work), best-supported first
# relation (or chain) from a seed with a channel → share of that channel's strength
SHARE = {"FEATURES": 0.9, "PRODUCED": 0.6, "PROMOTES": 0.6, "PRODUCED+FEATURES": 0.5}


@dataclass
class Angle:
    entity: Entity
    score: float
    reasons: list[Reason] = field(default_factory=list)
    paths: list[list[Edge]] = field(default_factory=list)


@dataclass
class AnglesResult:
    target: Entity
    teller: Entity | None
    locations: list[TargetLocation]
    angles: list[Angle]
    message: str


@dataclass
class _Support:
    strength: float
    relations: list[Relation]  # from the angle towards the target
    text: str


def angles(store: GraphStore, target: str, from_: str | None = None, limit: int = 10) -> AnglesResult:
    target_entity = resolve_location(store, target)
    locations = expand_target(store, target_entity)
    teller = None
    if from_:
        teller = resolve_entity(store, from_, load_ontology().members("Organisation") | {"Place", "Person"})
    channels, seen = find_channels(store, locations)
    names = Names(store, seen.entities | {t.entity.id: t.entity for t in locations})
    support = _support(store, channels, names)
    pool = _tellable(store, teller, names) if teller is not None else None

    candidates = set(support) if pool is None else set(pool)
    ranked = sorted(candidates, key=lambda a: (-_strength(support.get(a, [])), a))[: 2 * limit]
    result = [_angle(store, names, a, support.get(a, []), pool) for a in ranked]
    result.sort(key=lambda a: (-a.score, a.entity.name, a.entity.id))
    result = result[:limit]
    where = target_entity.name
    if not result:
        message = f"No cultural IP or work with evidence in {where}" + (f" that {teller.name} can tell." if teller else ".")
    else:
        message = f"{len(result)} angle(s) for {where}" + (f" that {teller.name} can tell." if teller else ".")
    return AnglesResult(target_entity, teller, locations, result, message)


def _support(store: GraphStore, channels: dict[str, list[Channel]], names: Names) -> dict[str, list[_Support]]:
    """Angle id → the ways it is tied to the target, walking out from the best channels."""
    ranked = {eid: sorted(channels[eid], key=lambda c: -c.strength) for eid in channels}
    seeds = sorted(ranked, key=lambda eid: -ranked[eid][0].strength)[:SEEDS]
    walk = store.neighbourhood(seeds, hops=2, relation_types=["PROMOTES", "PRODUCED", "FEATURES"],
                               fanout=ANGLE_FANOUT) if seeds else Subgraph()
    names.add(walk.entities)
    out: dict[str, list[_Support]] = {}

    def add(angle: str, share: str, via: list[Relation], seed: str, text: str) -> None:
        """Support through the seed's best channel that does not pass through the angle itself."""
        if names.entity(angle).type not in ANGLE_TYPES:
            return
        chan = next((c for c in ranked[seed] if not _touches(c.relations, angle)), None)
        if chan is None:
            return
        strength = SHARE[share] * chan.strength
        for rel in via:
            strength = edge_strength(rel, strength)
        out.setdefault(angle, []).append(_Support(strength, [*via, *chan.relations], f"{text}, which {chan.text}"))

    out_of: dict[str, list[Relation]] = {}
    for rel in walk.relations:
        out_of.setdefault(rel.head, []).append(rel)
    for seed in seeds:
        seed_name = names.name(seed)
        if names.entity(seed).type in ANGLE_TYPES:
            out.setdefault(seed, []).append(_Support(ranked[seed][0].strength, ranked[seed][0].relations,
                                                     ranked[seed][0].text))
        for rel in out_of.get(seed, []):
            add(rel.tail, rel.type, [rel], seed, f"{phrase(rel, rel.tail)} {seed_name}")
            if rel.type == "PRODUCED":
                for feat in out_of.get(rel.tail, []):
                    if feat.type == "FEATURES":
                        add(feat.tail, "PRODUCED+FEATURES", [feat, rel], seed,
                            f"is featured in {names.name(rel.tail)}, produced by {seed_name}")
    return out


def _touches(relations: list[Relation], entity_id: str) -> bool:
    return any(entity_id in (r.head, r.tail) for r in relations)


def _tellable(store: GraphStore, teller: Entity, names: Names) -> dict[str, list[Relation]]:
    """IPs and works the teller owns, or its partners, twins and located units own."""
    hubs = {"Country", "WorldRegion"}
    walk = store.neighbourhood(
        [teller.id], hops=2,
        relation_types=["PROMOTES", "PRODUCED", "FEATURES", "PARTNER_OF", "SISTER_CITY_OF", "LOCATED_IN", "PART_OF"],
        entity_types=[t for t in load_ontology().entity_types if t not in hubs], fanout=FANOUT,
    )
    names.add(walk.entities)
    pool: dict[str, list[Relation]] = {}
    first = {}
    for rel in walk.relations:
        if teller.id in (rel.head, rel.tail):
            first[rel.tail if rel.head == teller.id else rel.head] = rel
    for rel in walk.relations:
        if rel.type not in ("PROMOTES", "PRODUCED", "FEATURES") or names.entity(rel.tail).type not in ANGLE_TYPES:
            continue
        if rel.head == teller.id:
            pool.setdefault(rel.tail, [rel])
        elif rel.head in first and first[rel.head].type != "FEATURES":
            pool.setdefault(rel.tail, [rel, first[rel.head]])
    return pool


def _strength(supports: list[_Support]) -> float:
    return combine(s.strength for s in supports)  # an upper bound before _angle drops repeats


def _angle(store: GraphStore, names: Names, angle_id: str, supports: list[_Support],
           pool: dict[str, list[Relation]] | None) -> Angle:
    # one support per edge into the target: two routes to the same broadcast are not two broadcasts
    independent: dict[tuple[str, str, str], _Support] = {}
    for sup in sorted(supports, key=lambda s: -s.strength):
        independent.setdefault(sup.relations[-1].key, sup)
    supports = list(independent.values())
    adds = contributions(s.strength for s in supports)
    reasons = [Reason("channel", round(w, 4), s.text) for s, w in zip(supports, adds)]
    score = sum(adds)
    relations = {r.key: r for s in supports for r in s.relations}
    if supports:
        bonus, count = evidence_bonus(relations.values())
        score += bonus
        reasons.append(Reason("evidence", round(bonus, 4), f"{count} evidence sentence(s)"))
    else:
        reasons.append(Reason("target", 0.0, "no evidence yet that it reaches the target"))
    aud, figure = audience_bonus(store.quantities(angle_id))
    if figure is not None:
        score += aud
        reasons.append(Reason("audience", aud, f"{figure.metric} {figure.value:,.0f} {figure.unit}".strip()))
    paths = [[edge(store, r, names) for r in s.relations] for s in supports[:3]]
    if pool is not None and angle_id in pool:
        how = walk_text(pool[angle_id], angle_id, names)
        reasons.append(Reason("teller", 0.0, f"the teller can tell it: {how}"))
        paths.insert(0, [edge(store, r, names) for r in reversed(pool[angle_id])])
    return Angle(names.entity(angle_id), round(score, 4), reasons, paths)
