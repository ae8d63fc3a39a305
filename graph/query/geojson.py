"""Partner maps as GeoJSON: one Point per country or city, partners in its properties.

Coordinates come from the entity's attrs (lat/lon), else from the gazetteer
(extractors.geo), else from the country the entity is in; a partner nowhere on
the map is counted in the collection's `unplaced` member rather than dropped silently.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.model import Entity
from graph.query.edges import Names, other_end, with_evidence
from graph.query.partners import country_of
from graph.query.resolve import resolve_entity
from graph.query.walks import check_types
from graph.store import GraphStore
from ontology import load_ontology

MAP_RELATIONS = ("PARTNER_OF", "SISTER_CITY_OF", "PRESENCE_IN", "REACHES", "LOCATED_IN")
INTO_RELATIONS = ("REACHES", "PRESENCE_IN", "LOCATED_IN", "SISTER_CITY_OF")
MAX_EDGES = 1000
MAX_LOCATIONS = 300  # countries on the overview map
PLACES_PER_COUNTRY = 50


def partner_map(store: GraphStore, org: str | None = None, types: Iterable[str] | None = None,
                min_evidence: int = 0) -> dict[str, Any]:
    types = tuple(types) if types else MAP_RELATIONS
    check_types(None, types)
    points: dict[str, dict[str, Any]] = {}
    unplaced: list[str] = []
    if org:
        centre = resolve_entity(store, org, load_ontology().members("Organisation") | {"Place", "Person"})
        names = Names(store, {centre.id: centre})
        for rel in store.relations(centre.id, types=list(types), limit=MAX_EDGES):
            _place(store, points, unplaced, names.entity(other_end(rel, centre.id)), rel, names, min_evidence)
    else:
        locations = list(_locations(store))
        names = Names(store, {e.id: e for e in locations})
        for loc in locations:
            for rel in store.relations(loc.id, types=[t for t in types if t in INTO_RELATIONS],
                                       direction="in", limit=50):
                _place(store, points, unplaced, names.entity(rel.head), rel, names, min_evidence, at=loc)
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.pop("lon"), p.pop("lat")]},
         "properties": p}
        for p in sorted(points.values(), key=lambda p: -p["evidence_count"])
    ]
    return {"type": "FeatureCollection", "features": features, "unplaced": sorted(set(unplaced))}


def _locations(store: GraphStore) -> Iterable[Entity]:
    """The countries the store knows (found by the gazetteer's ids, so a million-entity
    store is not scanned) and the places LOCATED_IN each of them."""
    from extractors.geo import locations

    count = 0
    for loc in locations():
        country = store.get_entity(loc.id) if loc.type == "Country" else None
        if country is None:
            continue
        yield country
        for rel in store.relations(country.id, types=["LOCATED_IN"], direction="in", limit=PLACES_PER_COUNTRY):
            place = store.get_entity(rel.head)
            if place is not None and place.type == "Place":
                yield place
        count += 1
        if count >= MAX_LOCATIONS:
            return


def _place(store: GraphStore, points: dict[str, dict[str, Any]], unplaced: list[str], partner: Entity,
           rel: Any, names: Names, min_evidence: int, at: Entity | None = None) -> None:
    rel = with_evidence(store, rel)
    if len(rel.evidence) < min_evidence:
        return
    where = at or partner
    located = where if coordinates(store, where) else country_of(store, where)
    coords = coordinates(store, located) if located is not None else None
    if coords is None:
        unplaced.append(partner.name)
        return
    point = points.setdefault(located.id, {
        "id": located.id, "name": located.name, "type": located.type,
        "iso2": located.attrs.get("iso2", ""), "lat": coords[0], "lon": coords[1],
        "evidence_count": 0, "relations": {}, "partners": [],
    })
    point["evidence_count"] += len(rel.evidence)
    point["relations"][rel.type] = point["relations"].get(rel.type, 0) + 1
    point["partners"].append({
        "id": partner.id, "name": partner.name, "type": partner.type, "relation": rel.type,
        "evidence_count": len(rel.evidence), "confidence": round(rel.confidence, 4),
        "evidence": [ev.text for ev in rel.evidence[:2]],
        "sources": sorted({ev.source for ev in rel.evidence if ev.source}),
    })


def coordinates(store: GraphStore, entity: Entity) -> tuple[float, float] | None:
    """(lat, lon) of a country or place: its attrs, else the gazetteer's."""
    lat, lon = entity.attrs.get("lat"), entity.attrs.get("lon")
    if lat is not None and lon is not None:
        return float(lat), float(lon)
    if entity.type not in ("Country", "Place", "WorldRegion"):
        return None
    try:
        from extractors.geo import find_location, get_location
    except ImportError:
        return None
    loc = get_location(entity.id) or find_location(entity.name)
    if loc is None or loc.type != entity.type or loc.lat is None or loc.lon is None:
        return None
    return float(loc.lat), float(loc.lon)
