"""The questions planners ask: who carries a story where, which angles work, and the walks."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Store
from api.schemas import AnglesOut, CarryOut, ErrorOut, NeighbourhoodOut, PartnersOut, PathsOut
from graph import query

router = APIRouter(tags=["queries"])
ERRORS = {404: {"model": ErrorOut, "description": "An entity or location is unknown."},
          422: {"model": ErrorOut, "description": "Bad input."}}


@router.get("/carry", response_model=CarryOut, responses=ERRORS)
def carry(
    store: Store,
    story: Annotated[str, Query(min_length=1, description="Free text, or an entity id, name or alias.")],
    to: Annotated[str, Query(min_length=1, description="Country, world region or place: 哈萨克斯坦, Kazakhstan, KZ, 中亚.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> CarryOut:
    return CarryOut.model_validate(query.carry(store, story, to, limit=limit))


@router.get("/angles", response_model=AnglesOut, responses=ERRORS)
def angles(
    store: Store,
    to: Annotated[str, Query(min_length=1, description="Country, world region or place.")],
    from_: Annotated[str | None, Query(alias="from", description="Organisation or place that will tell the story.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> AnglesOut:
    return AnglesOut.model_validate(query.angles(store, to, from_=from_ or None, limit=limit))


@router.get("/paths", response_model=PathsOut, responses=ERRORS)
def paths(
    store: Store,
    source: Annotated[str, Query(min_length=1)],
    target: Annotated[str, Query(min_length=1)],
    max_length: Annotated[int, Query(ge=1, le=5)] = 3,
    k: Annotated[int, Query(ge=1, le=20)] = 5,
    relation_types: Annotated[list[str] | None, Query()] = None,
) -> PathsOut:
    found = query.paths(store, source, target, max_length=max_length, k=k, relation_types=relation_types)
    return PathsOut.model_validate(found)


@router.get("/neighbourhood", response_model=NeighbourhoodOut, responses=ERRORS)
def neighbourhood(
    store: Store,
    id: Annotated[list[str], Query(min_length=1, description="Entity ids, names or aliases.")],
    hops: Annotated[int, Query(ge=1, le=3)] = 1,
    entity_types: Annotated[list[str] | None, Query()] = None,
    relation_types: Annotated[list[str] | None, Query()] = None,
    fanout: Annotated[int, Query(ge=1, le=200)] = 50,
) -> NeighbourhoodOut:
    found = query.neighbourhood(store, id, hops=hops, entity_types=entity_types,
                                relation_types=relation_types, fanout=fanout)
    return NeighbourhoodOut.model_validate(found)


@router.get("/partners", response_model=PartnersOut, responses=ERRORS)
def partners(
    store: Store,
    of: Annotated[str, Query(min_length=1, description="Organisation or place: id, name or alias.")],
) -> PartnersOut:
    return PartnersOut.model_validate(query.partners(store, of))
