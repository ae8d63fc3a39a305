"""A target as the set of locations that count as "there", each with a weight.

A country also matches its places (an office in Almaty is in Kazakhstan), a world
region matches its member countries, and a country matches its regions at a lower
weight (a channel into Central Asia is only partly a channel into Kazakhstan).
Membership comes from LOCATED_IN edges in the store and from the gazetteer.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph.model import Entity
from graph.query.ranking import TARGET_WEIGHT
from graph.store import GraphStore

MAX_LOCATIONS = 15  # places of a big country: enough to find offices, bounded for hubs


@dataclass
class TargetLocation:
    entity: Entity
    weight: float
    via: str  # target | place | member | region | country


def expand_target(store: GraphStore, target: Entity) -> list[TargetLocation]:
    out: dict[str, TargetLocation] = {target.id: TargetLocation(target, TARGET_WEIGHT["target"], "target")}

    def add(entity: Entity | None, via: str) -> None:
        if entity is not None and entity.id not in out and len(out) < MAX_LOCATIONS:
            out[entity.id] = TargetLocation(entity, TARGET_WEIGHT[via], via)

    for place in _inside(store, target.id, "Place", depth=2):
        add(place, "place")
    if target.type == "WorldRegion":
        for country in _inside(store, target.id, "Country", depth=1) + _gazetteer_members(store, target.id):
            add(country, "member")
    else:
        for outer in _containing(store, target.id):
            add(outer, "region" if outer.type == "WorldRegion" else "country")
        for region in _gazetteer_regions(store, target.id):
            add(region, "region")
    return sorted(out.values(), key=lambda t: -t.weight)


def _inside(store: GraphStore, location_id: str, entity_type: str, depth: int) -> list[Entity]:
    """Locations LOCATED_IN this one, then (depth 2, while under the cap) in those:
    a province's cities count, without walking every city of a big country twice."""
    found: dict[str, Entity] = {}
    frontier = [location_id]
    for _ in range(depth):
        if not frontier or len(found) >= MAX_LOCATIONS:
            break
        sub = store.neighbourhood(frontier, hops=1, relation_types=["LOCATED_IN"], entity_types=[entity_type],
                                  fanout=MAX_LOCATIONS)
        inside = {r.head for r in sub.relations if r.tail in frontier} - found.keys() - {location_id}
        found.update({i: sub.entities[i] for i in sorted(inside) if sub.entities[i].type == entity_type})
        frontier = sorted(inside)
    return list(found.values())[:MAX_LOCATIONS]


def _containing(store: GraphStore, location_id: str) -> list[Entity]:
    """Countries and regions this location is LOCATED_IN (two levels: city → country → region)."""
    out: list[Entity] = []
    frontier = [location_id]
    for _ in range(2):
        nxt = []
        for loc in frontier:
            for rel in store.relations(loc, types=["LOCATED_IN"], direction="out", limit=10):
                outer = store.get_entity(rel.tail)
                if outer is not None and outer.type in ("Country", "WorldRegion"):
                    out.append(outer)
                    nxt.append(outer.id)
        frontier = nxt
    return out


def _gazetteer_regions(store: GraphStore, location_id: str) -> list[Entity]:
    try:
        from extractors.geo import regions_of
    except ImportError:
        return []
    return [e for e in (_in_store(store, loc) for loc in sorted(regions_of(location_id))) if e is not None]


def _gazetteer_members(store: GraphStore, region_id: str) -> list[Entity]:
    try:
        from extractors.geo import region_members
    except ImportError:
        return []
    return [e for e in (_in_store(store, loc) for loc in sorted(region_members(region_id))) if e is not None]


def _in_store(store: GraphStore, location_id: str) -> Entity | None:
    """A gazetteer location as a store entity, by id then by name; a location the store
    lacks is skipped, since no edge in the store can point at it."""
    found = store.get_entity(location_id)
    if found is not None:
        return found
    from extractors.geo import get_location

    loc = get_location(location_id)
    if loc is None:
        return None
    return next((e for name in (loc.name, *loc.aliases) for e in store.lookup(name) if e.type == loc.type), None)
