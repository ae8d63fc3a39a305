"""Turn what a user typed (an id, a name, an alias, a code, or a sentence) into entities."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.model import Entity
from graph.store import GraphStore
from ontology import load_ontology

TEXT_STORY_MIN = 12  # longer inputs (or ones with spaces) are read as a story, not a name
MAX_STORY_ENTITIES = 8
STORY_TYPES = ("CulturalIP", "Work", "Event", "Place", "CommunicationCenter", "MediaOutlet",
               "OverseasAssociation", "Organization", "Person", "Platform")


class UnknownEntity(LookupError):
    """The input names nothing in the store; the message says what was tried."""


def resolve_entity(store: GraphStore, ref: str, types: Iterable[str] | None = None) -> Entity:
    """By id, then exact name/alias, then substring search; best-connected wins a tie."""
    ref = ref.strip()
    if not ref:
        raise UnknownEntity("empty entity reference")
    wanted = set(types) if types else None
    found = store.get_entity(ref)
    if found is not None and (wanted is None or found.type in wanted):
        return found
    candidates = [e for e in store.lookup(ref) if wanted is None or e.type in wanted]
    if not candidates:
        candidates = store.search(ref, types=wanted, limit=5)
    if not candidates:
        kinds = f" of type {', '.join(sorted(wanted))}" if wanted else ""
        raise UnknownEntity(f"no entity{kinds} named {ref!r}")
    return _best(store, candidates)


def _best(store: GraphStore, candidates: list[Entity]) -> Entity:
    if len(candidates) == 1:
        return candidates[0]
    return max(candidates, key=lambda e: len(store.relations(e.id, limit=50)))


def resolve_location(store: GraphStore, ref: str) -> Entity:
    """A country, world region or place from Chinese, English, ISO code or id.

    The gazetteer (extractors.geo) knows names the store may never have seen
    (KZ, Kazakhstan): its canonical id and names are tried in the store, and a
    location the store lacks is still returned so that its region can be expanded.
    """
    locations = load_ontology().members("Location")
    ref = ref.strip()
    found = store.get_entity(ref)
    if found is not None and found.type in locations:
        return found
    exact = [e for e in store.lookup(ref) if e.type in locations] if ref else []
    if exact:
        return _best(store, exact)
    loc = _gazetteer(ref)
    if loc is not None:
        found = store.get_entity(loc.id)
        for name in (loc.name, *loc.aliases):
            found = found or next((e for e in store.lookup(name) if e.type in locations), None)
        if found is not None:
            return found
        attrs = {k: getattr(loc, k) for k in ("iso2", "lat", "lon") if getattr(loc, k, None) is not None}
        return Entity(id=loc.id, type=loc.type, name=loc.name, aliases=list(loc.aliases), attrs=attrs)
    hits = store.search(ref, types=locations, limit=5) if ref else []
    if hits:
        return _best(store, hits)
    raise UnknownEntity(f"no country, region or place named {ref!r}")


def _gazetteer(ref: str) -> Any:
    """extractors.geo's Location for a name or code, if that module is installed."""
    if not ref:
        return None
    try:
        from extractors.geo import find_location
    except ImportError:
        return None
    return find_location(ref)


def resolve_story(store: GraphStore, story: str) -> list[Entity]:
    """A story is an entity reference, or free text whose mentioned entities are the story."""
    story = story.strip()
    try:
        return [resolve_entity(store, story)]
    except UnknownEntity:
        if len(story) <= TEXT_STORY_MIN and " " not in story:
            raise
    found = _mentioned(store, story)
    if not found:
        raise UnknownEntity(f"the story {story[:60]!r} names no entity known to the store")
    return found


def _mentioned(store: GraphStore, text: str) -> list[Entity]:
    """Entities the extractor finds in the text that the store knows, story-like types first."""
    try:
        from extractors import extract_text
    except ImportError:
        return []
    graph = extract_text(text)
    out: dict[str, Entity] = {}
    for entity in graph.entities:
        known = store.get_entity(entity.id) or next(iter(store.lookup(entity.name)), None)
        if known is not None and known.type in STORY_TYPES:
            out.setdefault(known.id, known)
    order = {t: i for i, t in enumerate(STORY_TYPES)}
    return sorted(out.values(), key=lambda e: order[e.type])[:MAX_STORY_ENTITIES]
