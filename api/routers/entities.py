"""Entities: search by name or alias (Chinese or English), and one entity with its evidence."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import Store
from api.schemas import EntityDetail, EntityOut, ErrorOut, Page
from graph.query import search
from graph.query.edges import Names, edge
from ontology import load_ontology

router = APIRouter(tags=["entities"])
MAX_SEARCH = 1000
MAX_RELATIONS = 500


@router.get("/entities", response_model=Page[EntityOut], responses={422: {"model": ErrorOut}})
def list_entities(
    store: Store,
    q: Annotated[str, Query(description="Text in a name or alias; empty lists every entity.")] = "",
    type: Annotated[list[str] | None, Query(description="Entity types to keep.")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page[EntityOut]:
    if q.strip():
        found = search(store, q.strip(), types=type, limit=MAX_SEARCH)  # total counts at most MAX_SEARCH hits
        return Page[EntityOut](items=found[offset:offset + limit], total=len(found), offset=offset, limit=limit)
    wanted = set(type or ())
    if wanted - set(load_ontology().entity_types):
        raise HTTPException(422, f"unknown entity type(s): {sorted(wanted - set(load_ontology().entity_types))}")
    counts = store.stats()["entities"]
    total = sum(n for t, n in counts.items() if not wanted or t in wanted)
    items, skip = [], offset
    for entity in store.iter_entities():
        if wanted and entity.type not in wanted:
            continue
        if skip:
            skip -= 1
            continue
        items.append(entity)
        if len(items) >= limit:
            break
    return Page[EntityOut](items=items, total=total, offset=offset, limit=limit)


@router.get("/entities/{entity_id:path}", response_model=EntityDetail, responses={404: {"model": ErrorOut}})
def get_entity(entity_id: str, store: Store) -> EntityDetail:
    entity = store.get_entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"unknown entity {entity_id!r}")
    names = Names(store, {entity.id: entity})
    relations = [edge(store, r, names) for r in store.relations(entity.id, limit=MAX_RELATIONS)]
    return EntityDetail.model_validate({
        **EntityOut.model_validate(entity).model_dump(),
        "relations": relations,
        "quantities": store.quantities(entity.id),
    })
