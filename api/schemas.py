"""Pydantic models of every request and response body of the HTTP API.

The query engine returns dataclasses; these models read them by attribute
(`from_attributes`), so the CLI's `--json` and the API serialise one way.
"""
from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Model(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(Model, Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int


class ErrorOut(Model):
    detail: str


class HealthOut(Model):
    status: Literal["ok"]
    store: str


class StatsOut(Model):
    model_config = ConfigDict(extra="allow")
    documents: int
    entities: dict[str, int]
    relations: dict[str, int]
    evidence: int
    quantities: int


class EntityTypeOut(Model):
    name: str
    labels: dict[str, str]
    id_prefix: str
    ancestors: list[str]


class RelationTypeOut(Model):
    name: str
    labels: dict[str, str]
    domain: list[str]
    range: list[str]
    symmetric: bool


class OntologyOut(Model):
    entity_types: list[EntityTypeOut]
    relation_types: list[RelationTypeOut]


# -- documents ---------------------------------------------------------------------
class DocumentOut(Model):
    doc_id: str
    source: str = ""
    title: str = ""
    lang: str = ""
    ingested_at: str = ""


class DocumentDetail(DocumentOut):
    text: str = ""


class TextIn(Model):
    text: str = Field(min_length=1, description="The report's text.")
    source: str = Field("", description="Where it came from (path or URL); shown with evidence.")
    title: str = ""


class IngestOut(Model):
    source: str
    doc_id: str | None = None
    status: Literal["added", "unchanged", "failed"]
    error: str | None = None


class DeletedOut(Model):
    doc_id: str
    deleted: bool


# -- entities and edges --------------------------------------------------------------
class EntityOut(Model):
    id: str
    type: str
    name: str
    aliases: list[str] = []
    attrs: dict[str, Any] = {}


class EvidenceOut(Model):
    doc_id: str
    source: str = ""
    start: int
    end: int
    text: str
    confidence: float


class EdgeOut(Model):
    type: str
    label: str
    head: str
    tail: str
    head_name: str
    tail_name: str
    confidence: float
    evidence_count: int
    evidence: list[EvidenceOut]


class QuantityOut(Model):
    metric: str
    value: float
    unit: str
    evidence: EvidenceOut


class EntityDetail(EntityOut):
    relations: list[EdgeOut]
    quantities: list[QuantityOut]


# -- queries ---------------------------------------------------------------------------
class ReasonOut(Model):
    kind: str
    weight: float
    text: str


class TargetLocationOut(Model):
    entity: EntityOut
    weight: float
    via: str


class CarrierOut(Model):
    entity: EntityOut
    score: float
    linked: bool = Field(description="True when the story walk reaches this carrier too.")
    reasons: list[ReasonOut]
    paths: list[list[EdgeOut]] = Field(description="Story → carrier → target when linked, else carrier → target.")


class OwnerOut(Model):
    entity: EntityOut
    score: float
    path: list[EdgeOut]


class PairingOut(Model):
    owner: OwnerOut
    channel: CarrierOut
    text: str


class CarryOut(Model):
    story: list[EntityOut]
    target: EntityOut
    locations: list[TargetLocationOut]
    carriers: list[CarrierOut]
    owners: list[OwnerOut]
    pairing: PairingOut | None
    message: str


class AngleOut(Model):
    entity: EntityOut
    score: float
    reasons: list[ReasonOut]
    paths: list[list[EdgeOut]]


class AnglesOut(Model):
    target: EntityOut
    teller: EntityOut | None
    locations: list[TargetLocationOut]
    angles: list[AngleOut]
    message: str


class PathOut(Model):
    nodes: list[EntityOut]
    edges: list[EdgeOut]
    length: int


class PathsOut(Model):
    source: EntityOut
    target: EntityOut
    paths: list[PathOut]


class NeighbourhoodOut(Model):
    seeds: list[EntityOut]
    entities: list[EntityOut]
    edges: list[EdgeOut]


class PartnerOut(Model):
    entity: EntityOut
    relation: str
    evidence_count: int
    confidence: float
    edge: EdgeOut


class CountryGroupOut(Model):
    country: EntityOut | None
    partners: list[PartnerOut]


class PartnersOut(Model):
    entity: EntityOut
    groups: list[CountryGroupOut]
    total: int


class GeometryOut(Model):
    type: Literal["Point"]
    coordinates: list[float] = Field(description="[lon, lat]")


class FeatureOut(Model):
    type: Literal["Feature"]
    geometry: GeometryOut
    properties: dict[str, Any]


class FeatureCollectionOut(Model):
    type: Literal["FeatureCollection"]
    features: list[FeatureOut]
    unplaced: list[str] = Field(description="Partners without known coordinates.")
