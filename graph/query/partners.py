"""Partners of an organisation or place, grouped by the country they are in.

The country of a partner is the nearest Country up its LOCATED_IN chain in the
store, else the gazetteer's answer for its name (a foreign city the reports name
without saying where it is), else unknown.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import Entity, Relation
from graph.query.edges import Edge, Names, edge, other_end
from graph.query.resolve import resolve_entity
from graph.store import GraphStore
from ontology import load_ontology

PARTNER_RELATIONS = ("PARTNER_OF", "SISTER_CITY_OF")
MAX_PARTNERS = 500


@dataclass
class Partner:
    entity: Entity
    relation: str
    evidence_count: int
    confidence: float
    edge: Edge


@dataclass
class CountryGroup:
    country: Entity | None
    partners: list[Partner] = field(default_factory=list)


@dataclass
class PartnersResult:
    entity: Entity
    groups: list[CountryGroup]
    total: int


def partners(store: GraphStore, ref: str, relation_types: tuple[str, ...] = PARTNER_RELATIONS) -> PartnersResult:
    kinds = load_ontology().members("Organisation") | {"Place"}
    entity = resolve_entity(store, ref, kinds)
    names = Names(store, {entity.id: entity})
    rels = store.relations(entity.id, types=list(relation_types), limit=MAX_PARTNERS)
    groups: dict[str | None, CountryGroup] = {}
    for rel in rels:
        other = names.entity(other_end(rel, entity.id))
        country = country_of(store, other)
        group = groups.setdefault(country.id if country else None, CountryGroup(country))
        group.partners.append(_partner(store, rel, other, names))
    for group in groups.values():
        group.partners.sort(key=lambda p: (-p.evidence_count, p.entity.name))
    ordered = sorted(groups.values(), key=lambda g: (g.country is None, -len(g.partners),
                                                     g.country.name if g.country else ""))
    return PartnersResult(entity, ordered, len(rels))


def _partner(store: GraphStore, rel: Relation, other: Entity, names: Names) -> Partner:
    view = edge(store, rel, names)
    return Partner(other, rel.type, view.evidence_count, view.confidence, view)


def country_of(store: GraphStore, entity: Entity, depth: int = 3) -> Entity | None:
    """The Country an entity is in, from the store's LOCATED_IN chain, then the gazetteer."""
    frontier = [entity]
    seen = {entity.id}
    for _ in range(depth + 1):
        nxt = []
        for current in frontier:
            if current.type == "Country":
                return current
            for rel in store.relations(current.id, types=["LOCATED_IN"], direction="out", limit=10):
                outer = store.get_entity(rel.tail)
                if outer is not None and outer.id not in seen:
                    seen.add(outer.id)
                    nxt.append(outer)
        frontier = nxt
    return _gazetteer_country(store, entity)


def _gazetteer_country(store: GraphStore, entity: Entity) -> Entity | None:
    try:
        from extractors.geo import country_of as geo_country_of, find_location, get_location
    except ImportError:
        return None
    loc = get_location(entity.id) or find_location(entity.name)
    country = get_location(geo_country_of(loc.id) or "") if loc is not None else None
    if country is None:
        return None
    found = store.get_entity(country.id) or next((e for e in store.lookup(country.name) if e.type == "Country"), None)
    attrs = {"iso2": country.iso2, "lat": country.lat, "lon": country.lon}
    return found or Entity(id=country.id, type="Country", name=country.name, aliases=list(country.aliases),
                           attrs={k: v for k, v in attrs.items() if v is not None})
