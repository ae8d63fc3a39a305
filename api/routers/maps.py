"""Partner maps as GeoJSON for the web app's map and for GIS tools."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from api.deps import Store
from api.schemas import ErrorOut, FeatureCollectionOut
from graph.query import partner_map

router = APIRouter(tags=["maps"])


@router.get("/map.geojson", response_model=FeatureCollectionOut,
            responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
def map_geojson(
    store: Store,
    org: Annotated[str | None, Query(description="Organisation or place; empty maps every country and place.")] = None,
    types: Annotated[list[str] | None, Query(description="Relation types to map.")] = None,
    min_evidence: Annotated[int, Query(ge=0, le=1000)] = 0,
) -> JSONResponse:
    collection = FeatureCollectionOut.model_validate(partner_map(store, org or None, types, min_evidence))
    return JSONResponse(collection.model_dump(mode="json"), media_type="application/geo+json")
