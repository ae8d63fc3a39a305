"""Who can carry a story to a target: ranked carriers with paths, evidence and reasons.

Two bounded walks run inside the store, one from each end:
- from the target's locations: edges into them (REACHES, PRESENCE_IN, LOCATED_IN,
  SISTER_CITY_OF), then one relay hop behind the best of those (who PRODUCED the
  work that reached there, who is PARTNER_OF the organisation based there, …);
- from the story: two hops over owner-ish relations (PROMOTES, PRODUCED, FEATURES,
  PART_OF, PARTNER_OF, …), skipping countries and regions, which join everything.
A carrier is an entity with a channel into the target; it is linked when the story
walk reaches it too. When none is linked, the story's owner is paired with the best
channel, so the planner still gets an actionable answer.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from graph.model import Entity, Relation, Subgraph
from graph.query.edges import Edge, Names, edge, other_end, phrase, walk_text
from graph.query.ranking import (
    CHANNEL_WEIGHT, LINK_FACTOR, OWNER_RELATIONS, RELAY_WEIGHT, STORY_WEIGHT, Reason,
    audience_bonus, combine, contributions, edge_strength, evidence_bonus,
)
from graph.query.resolve import resolve_location, resolve_story
from graph.query.target import TargetLocation, expand_target
from graph.store import GraphStore
from ontology import load_ontology

FANOUT = 50  # edges followed per node from the story: hubs cannot blow a query up
CHANNEL_FANOUT = 20  # edges into each target location, best-supported first
MAX_RELAYS = 15  # intermediaries (with the strongest channels) whose carriers are looked up
RELAY_FANOUT = 10  # carriers looked up behind each of them
CHANNEL_PATHS_SHOWN = 3


@dataclass
class Channel:
    """One way a carrier gets into the target: 1 or 2 relations, carrier first."""

    relations: list[Relation]
    location: TargetLocation
    strength: float
    text: str


@dataclass
class Carrier:
    entity: Entity
    score: float
    linked: bool
    reasons: list[Reason] = field(default_factory=list)
    paths: list[list[Edge]] = field(default_factory=list)


@dataclass
class Owner:
    entity: Entity
    score: float
    path: list[Edge]


@dataclass
class Pairing:
    owner: Owner
    channel: Carrier
    text: str


@dataclass
class CarryResult:
    story: list[Entity]
    target: Entity
    locations: list[TargetLocation]
    carriers: list[Carrier]
    owners: list[Owner]
    pairing: Pairing | None
    message: str


def carrier_types() -> frozenset[str]:
    """Who can carry: organisations, platforms, people, and (through twinning) places."""
    return load_ontology().members("Organisation") | {"Platform", "Person", "Place"}


def carry(store: GraphStore, story: str, target: str, limit: int = 10) -> CarryResult:
    story_entities = resolve_story(store, story)
    target_entity = resolve_location(store, target)
    locations = expand_target(store, target_entity)
    names = Names(store, {e.id: e for e in story_entities} | {t.entity.id: t.entity for t in locations})

    found, channel_graph = find_channels(store, locations)
    names.add(channel_graph.entities)
    story_graph = _story_walk(store, [e.id for e in story_entities])
    names.add(story_graph.entities)
    links = _links(story_graph, [e.id for e in story_entities])
    # platforms are hubs whose type-filtered walks read every edge; the target side finds them
    near_story = sorted((i for i in links if names.entity(i).type != "Platform"),
                        key=lambda i: -links[i].strength)[:MAX_RELAYS]
    story_side = channels_of(store, near_story, locations)
    _merge(found, story_side)
    where = {t.entity.id for t in locations}
    _merge(found, relay_channels(story_graph.relations, story_side, names.name, where))
    channels = _carriers_only(found, names.entities)

    base = {cid: _base_score(chans, links.get(cid)) for cid, chans in channels.items()}
    ranked = sorted(base, key=lambda cid: (-base[cid], cid))[: 2 * limit]
    carriers = [_carrier(store, names, cid, channels[cid], links.get(cid)) for cid in ranked]
    carriers.sort(key=lambda c: (-c.score, c.entity.name, c.entity.id))
    carriers = carriers[:limit]
    owners = _owners(store, names, story_graph, story_entities, links)
    pairing = None
    story_names = "、".join(e.name for e in story_entities)
    if not carriers:
        message = f"No carrier into {target_entity.name} found in the graph."
    elif any(c.linked for c in carriers):
        message = f"{sum(c.linked for c in carriers)} carrier(s) link {story_names} to {target_entity.name}."
    else:
        message = f"No single carrier links {story_names} to {target_entity.name}."
        if owners:
            pairing = Pairing(
                owner=owners[0], channel=carriers[0],
                text=f"Pair {owners[0].entity.name} (owner of {story_names}) with "
                f"{carriers[0].entity.name} (channel into {target_entity.name}).",
            )
            message += " " + pairing.text
    return CarryResult(story_entities, target_entity, locations, carriers, owners, pairing, message)


# -- the target side -------------------------------------------------------------
def find_channels(store: GraphStore, locations: list[TargetLocation]) -> tuple[dict[str, list[Channel]], Subgraph]:
    """Entity id → its channels into the target (works and events too, not only carriers),
    and every entity and edge walked."""
    where = {t.entity.id: t for t in locations}
    seen = Subgraph()
    direct = store.neighbourhood(list(where), hops=1, relation_types=list(CHANNEL_WEIGHT), fanout=CHANNEL_FANOUT)
    seen.entities.update(direct.entities)
    into: dict[str, list[Channel]] = {}  # entity → its direct channels (carrier or not)
    for rel in direct.relations:
        hit = _direct(rel, where, direct.entities)
        if hit is not None:
            into.setdefault(hit[0], []).append(hit[1])
    channels: dict[str, list[Channel]] = {eid: list(chans) for eid, chans in into.items()}
    relays = sorted(into, key=lambda eid: -max(c.strength for c in into[eid]))[:MAX_RELAYS]
    relay_types = sorted({t for t, _ in RELAY_WEIGHT})
    behind = (store.neighbourhood(relays, hops=1, relation_types=relay_types, fanout=RELAY_FANOUT)
              if relays else Subgraph())
    seen.entities.update(behind.entities)
    relayed = relay_channels(behind.relations, {m: into[m] for m in relays},
                             lambda i: seen.entities[i].name if i in seen.entities else i, set(where))
    _merge(channels, relayed)
    seen.relations = direct.relations + behind.relations
    return channels, seen


def relay_channels(relations: list[Relation], direct: dict[str, list[Channel]], name_of: Callable[[str], str],
                   exclude: set[str]) -> dict[str, list[Channel]]:
    """Channels one relation behind an entity with a direct channel (RELAY_WEIGHT patterns)."""
    out: dict[str, list[Channel]] = {}
    for rel in relations:
        for mid in {rel.head, rel.tail} & direct.keys():
            carrier = other_end(rel, mid)
            weight = RELAY_WEIGHT.get((rel.type, rel.head == carrier)) or RELAY_WEIGHT.get((rel.type, None))
            if weight is None or carrier in exclude or carrier == mid:
                continue
            mid_name = name_of(mid)
            for chan in direct[mid]:
                out.setdefault(carrier, []).append(Channel(
                    relations=[rel, *chan.relations], location=chan.location,
                    strength=edge_strength(rel, weight) * chan.strength,
                    text=f"{phrase(rel, carrier)} {mid_name}, which {chan.text}",
                ))
    return out


def _merge(into: dict[str, list[Channel]], more: dict[str, list[Channel]]) -> None:
    """Add channels not already known (the two walks can find the same one)."""
    for eid, chans in more.items():
        have = {tuple(r.key for r in c.relations) for c in into.get(eid, [])}
        for chan in chans:
            key = tuple(r.key for r in chan.relations)
            if key not in have:
                have.add(key)
                into.setdefault(eid, []).append(chan)


def channels_of(store: GraphStore, entity_ids: list[str], locations: list[TargetLocation]) -> dict[str, list[Channel]]:
    """Direct channels of given entities: the walk from the story's side, which finds
    carriers of the story that a hub target's capped walk would not reach."""
    if not entity_ids:
        return {}
    where = {t.entity.id: t for t in locations}
    sub = store.neighbourhood(entity_ids, hops=1, relation_types=list(CHANNEL_WEIGHT), fanout=CHANNEL_FANOUT)
    wanted = set(entity_ids)
    out: dict[str, list[Channel]] = {}
    for rel in sub.relations:
        hit = _direct(rel, where, sub.entities)
        if hit is not None and hit[0] in wanted:
            out.setdefault(hit[0], []).append(hit[1])
    return out


def _carriers_only(channels: dict[str, list[Channel]], entities: dict[str, Entity]) -> dict[str, list[Channel]]:
    kinds = carrier_types()
    out: dict[str, list[Channel]] = {}
    for eid, chans in channels.items():
        etype = entities[eid].type if eid in entities else ""
        if etype == "Place":  # a place carries through its twin there, not by lying there
            chans = [c for c in chans if c.relations[0].type == "SISTER_CITY_OF"]
        if etype in kinds and chans:
            out[eid] = chans
    return out


def _direct(rel: Relation, where: dict[str, TargetLocation], entities: dict[str, Entity]) -> tuple[str, Channel] | None:
    """(entity, channel) when the relation points from an entity into a target location."""
    if rel.type == "SISTER_CITY_OF":
        inside = rel.tail if rel.tail in where else rel.head if rel.head in where else None
        if inside is None:
            return None
        src = other_end(rel, inside)
        if src in where:
            return None
    elif rel.tail in where and rel.head not in where:
        inside, src = rel.tail, rel.head
    else:
        return None
    loc = where[inside]
    strength = edge_strength(rel, CHANNEL_WEIGHT[rel.type]) * loc.weight
    via = "" if loc.via == "target" else f" ({loc.via} of the target)"
    return src, Channel([rel], loc, strength, f"{phrase(rel, src)} {loc.entity.name}{via}")


def _entity_type(sub: Subgraph, entity_id: str) -> str:
    entity = sub.entities.get(entity_id)
    return entity.type if entity is not None else ""


# -- the story side --------------------------------------------------------------
def _story_walk(store: GraphStore, story_ids: list[str]) -> Subgraph:
    hubs = {"Country", "WorldRegion"}
    types = [t for t in load_ontology().entity_types if t not in hubs]
    return store.neighbourhood(story_ids, hops=2, relation_types=list(STORY_WEIGHT),
                               entity_types=types, fanout=FANOUT)


@dataclass
class _Link:
    strength: float
    relations: list[Relation]
    start: str  # the story entity the path starts from


def _links(sub: Subgraph, story_ids: list[str]) -> dict[str, _Link]:
    """Strongest path from the story to every entity of its walk (cost = −log strength)."""
    g = nx.Graph()
    for rel in sub.relations:
        cost = -math.log(max(edge_strength(rel, STORY_WEIGHT.get(rel.type, 0.3)), 1e-6))
        if not g.has_edge(rel.head, rel.tail) or g[rel.head][rel.tail]["weight"] > cost:
            g.add_edge(rel.head, rel.tail, weight=cost, relation=rel)
    out = {sid: _Link(1.0, [], sid) for sid in story_ids}
    sources = [s for s in story_ids if s in g]
    if not sources:
        return out
    dist, paths = nx.multi_source_dijkstra(g, sources)
    for node, cost in dist.items():
        if node not in out:
            nodes = paths[node]
            rels = [g[a][b]["relation"] for a, b in zip(nodes, nodes[1:])]
            out[node] = _Link(math.exp(-cost), rels, nodes[0])
    return out


def _owners(store: GraphStore, names: Names, sub: Subgraph, story: list[Entity],
            links: dict[str, _Link]) -> list[Owner]:
    """Who PROMOTES or PRODUCED the story, directly or through a work featuring it."""
    story_ids = {e.id for e in story}
    owner_kinds = load_ontology().members("Organisation") | {"Place", "Person"}
    owners = {e.id for e in story if e.type in owner_kinds}
    features = {r.head for r in sub.relations if r.type == "FEATURES" and r.tail in story_ids}
    for rel in sub.relations:
        if rel.type in OWNER_RELATIONS and (rel.tail in story_ids or rel.tail in features):
            owners.add(rel.head)
    out = [Owner(names.entity(o), round(links[o].strength, 4), [edge(store, r, names) for r in links[o].relations])
           for o in owners if o in links]
    out.sort(key=lambda o: (-o.score, o.entity.name))
    return out


# -- scoring ---------------------------------------------------------------------
def _base_score(chans: list[Channel], link: _Link | None) -> float:
    """Everything but audience figures, which cost a read each: enough to pick who to detail."""
    relations = {r.key: r for c in chans for r in c.relations}
    score = combine(c.strength for c in chans) + evidence_bonus(relations.values())[0]
    return score + (LINK_FACTOR * link.strength if link is not None else 0.0)


def _carrier(store: GraphStore, names: Names, carrier_id: str, chans: list[Channel], link: _Link | None) -> Carrier:
    chans = sorted(chans, key=lambda c: -c.strength)
    adds = contributions(c.strength for c in chans)
    channel_score = sum(adds)
    reasons = [Reason("channel", round(w, 4), c.text) for c, w in zip(chans, adds)]
    relations = {r.key: r for c in chans for r in c.relations}
    ev_bonus, ev_count = evidence_bonus(relations.values())
    reasons.append(Reason("evidence", round(ev_bonus, 4), f"{ev_count} evidence sentence(s) on its channels"))
    score = channel_score + ev_bonus
    if link is not None:
        story_part = LINK_FACTOR * link.strength
        score += story_part
        how = walk_text(link.relations, link.start, names) if link.relations else "it is the story itself"
        reasons.append(Reason("story", round(story_part, 4), f"tied to the story: {how}"))
    aud, figure = audience_bonus(store.quantities(carrier_id))
    if figure is not None:
        score += aud
        reasons.append(Reason("audience", aud, f"{figure.metric} {figure.value:,.0f} {figure.unit}".strip()))
    prefix = [edge(store, r, names) for r in link.relations] if link is not None else []
    paths = [prefix + [edge(store, r, names) for r in c.relations] for c in chans[:CHANNEL_PATHS_SHOWN]]
    return Carrier(names.entity(carrier_id), round(score, 4), link is not None, reasons, paths)
