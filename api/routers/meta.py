"""What the service is and holds: health, counts, and the ontology it speaks."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import AppSettings, Store
from api.schemas import EntityTypeOut, HealthOut, OntologyOut, RelationTypeOut, StatsOut
from ontology import load_ontology

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=HealthOut)
def health(settings: AppSettings) -> HealthOut:
    return HealthOut(status="ok", store=settings.store_uri)


@router.get("/stats", response_model=StatsOut)
def stats(store: Store) -> StatsOut:
    return StatsOut.model_validate(store.stats())


@router.get("/ontology", response_model=OntologyOut)
def ontology() -> OntologyOut:
    onto = load_ontology()
    return OntologyOut(
        entity_types=[EntityTypeOut(name=t.name, labels=t.labels, id_prefix=t.id_prefix, ancestors=sorted(t.ancestors))
                      for t in onto.entity_types.values()],
        relation_types=[RelationTypeOut(name=r.name, labels=r.labels, domain=sorted(r.domain), range=sorted(r.range),
                                        symmetric=r.symmetric) for r in onto.relation_types.values()],
    )


@router.get("/ontology.ttl", response_class=Response,
            responses={200: {"content": {"text/turtle": {"schema": {"type": "string"}}}}})
def ontology_turtle() -> Response:
    return Response(load_ontology().path.read_text(encoding="utf-8"), media_type="text/turtle")
