"""`GET /api/export`: the same exports as `qiao export`, streamed.

The selection is resolved before the response starts, so an unknown entity is
a 404 and a bad type a 422; the body is then produced chunk by chunk from the
store (a zip for neo4j-csv), never held whole in memory.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import Store
from api.schemas import ErrorOut
from graph.export import FORMATS, Selection, get_format, select
from graph.export.neo4j_csv import zip_stream

router = APIRouter(tags=["export"])
ExportFormat = Enum("ExportFormat", {name: name for name in FORMATS}, type=str)
CHUNK = 1 << 16


@router.get(
    "/export",
    responses={
        200: {"description": "The export file.",
              "content": {spec.media_type: {} for spec in FORMATS.values()}},
        404: {"model": ErrorOut, "description": "A seed entity or place is unknown."},
        422: {"model": ErrorOut, "description": "Bad input: unknown type, document or format."},
    },
)
def export(
    store: Store,
    format: Annotated[ExportFormat, Query(description="Output format.")],
    around: Annotated[list[str] | None, Query(description="Seed entities (id, name or alias).")] = None,
    hops: Annotated[int, Query(ge=0, le=6, description="Hops around the seeds.")] = 1,
    fanout: Annotated[int, Query(ge=1, le=10_000, description="Edges followed per node when walking.")] = 50,
    type: Annotated[list[str] | None, Query(description="Entity types to keep.")] = None,
    relation: Annotated[list[str] | None, Query(description="Relation types to keep.")] = None,
    country: Annotated[list[str] | None, Query(description="Countries, regions or places: what relates to them.")] = None,
    doc: Annotated[list[str] | None, Query(description="Document ids: what these reports say.")] = None,
    min_evidence: Annotated[int, Query(ge=0, le=1000)] = 0,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
) -> StreamingResponse:
    spec = get_format(format.value)
    selected = select(store, Selection(
        around=tuple(around or ()), hops=hops, fanout=fanout, entity_types=tuple(type or ()),
        relation_types=tuple(relation or ()), places=tuple(country or ()), documents=tuple(doc or ()),
        min_evidence=min_evidence, min_confidence=min_confidence,
    ))
    body = zip_stream(selected) if spec.render is None else _batched(spec.render(selected))
    return StreamingResponse(
        body, media_type=spec.media_type,
        headers={"Content-Disposition": f'attachment; filename="qiao-export{spec.suffix}"'},
    )


def _batched(chunks: Iterable[str]) -> Iterator[bytes]:
    """Writers yield one record at a time; the response sends ~64 KB at a time."""
    buffer: list[bytes] = []
    size = 0
    for chunk in chunks:
        data = chunk.encode("utf-8")
        buffer.append(data)
        size += len(data)
        if size >= CHUNK:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)
