"""Documents: upload reports (files or text) to extract and merge, list, read, delete.

Each upload is extracted and written as one transaction by the store, so a bad
file is reported as `failed` with its reason and never leaves half a document.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from api.deps import AppSettings, Store, WriteAccess
from api.schemas import DeletedOut, DocumentDetail, DocumentOut, ErrorOut, IngestOut, Page, TextIn
from graph.store import GraphStore

router = APIRouter(tags=["documents"])
MAX_FILES = 100

UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                "required": ["files"],
            }
        },
        "application/json": {"schema": TextIn.model_json_schema()},
    },
}


@router.get("/documents", response_model=Page[DocumentOut])
def list_documents(
    store: Store,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page[DocumentOut]:
    items = store.list_documents(offset=offset, limit=limit)
    total = int(store.stats()["documents"])
    return Page[DocumentOut](items=items, total=total, offset=offset, limit=limit)


@router.get("/documents/{doc_id}", response_model=DocumentDetail, responses={404: {"model": ErrorOut}})
def get_document(doc_id: str, store: Store) -> DocumentDetail:
    document = store.get_document(doc_id)
    if document is None:
        raise HTTPException(404, f"unknown document {doc_id!r}")
    return DocumentDetail.model_validate(document)


@router.delete("/documents/{doc_id}", response_model=DeletedOut, dependencies=[WriteAccess],
               responses={401: {"model": ErrorOut}, 404: {"model": ErrorOut}})
def delete_document(doc_id: str, store: Store) -> DeletedOut:
    if not store.remove_document(doc_id):
        raise HTTPException(404, f"unknown document {doc_id!r}")
    return DeletedOut(doc_id=doc_id, deleted=True)


@router.post(
    "/documents", response_model=list[IngestOut], dependencies=[WriteAccess], openapi_extra={"requestBody": UPLOAD_BODY},
    responses={401: {"model": ErrorOut}, 413: {"model": ErrorOut}, 415: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
async def upload_documents(request: Request, store: Store, settings: AppSettings) -> list[IngestOut]:
    """Multipart `files` (one or more), or JSON `{"text", "source"?, "title"?}`."""
    limit = settings.max_upload_bytes
    too_large = HTTPException(413, f"upload larger than {settings.max_upload_mb:g} MB (QIAO_MAX_UPLOAD_MB)")
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise too_large
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        if not files:
            raise HTTPException(422, "a multipart upload needs one or more `files` parts")
        if sum(f.size or 0 for f in files) > limit:
            raise too_large
        uploads = [(Path(f.filename or "upload.txt").name or "upload.txt", await f.read()) for f in files]
        return await run_in_threadpool(lambda: [_ingest_file(store, name, data) for name, data in uploads])
    if ctype == "application/json":
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise too_large
        try:
            text_in = TextIn.model_validate_json(bytes(body))
        except ValidationError as exc:
            raise HTTPException(422, _first_error(exc)) from None
        return [await run_in_threadpool(_ingest_text, store, text_in)]
    raise HTTPException(415, "send multipart/form-data with `files`, or application/json with `text`")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ())) or "body"
    return f"{where}: {err['msg']}"


def _ingest_file(store: GraphStore, name: str, data: bytes) -> IngestOut:
    """Extract from a temporary copy (loaders pick the format by suffix), recorded under the upload's name."""
    from extractors import extract_file

    with tempfile.TemporaryDirectory(prefix="qiao-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            graph = extract_file(path, store=store)
            graph.document.source = name
            return _merge(store, name, graph)
        except Exception as exc:  # noqa: BLE001 - a bad file is reported, the batch goes on
            return IngestOut(source=name, status="failed", error=getattr(exc, "reason", None) or str(exc) or type(exc).__name__)


def _ingest_text(store: GraphStore, text_in: TextIn) -> IngestOut:
    from extractors import extract_text

    source = text_in.source or "api:text"
    try:
        graph = extract_text(text_in.text, source=source, title=text_in.title, store=store)
        return _merge(store, source, graph)
    except Exception as exc:  # noqa: BLE001 - reported to the caller, nothing written
        return IngestOut(source=source, status="failed", error=str(exc) or type(exc).__name__)


def _merge(store: GraphStore, source: str, graph) -> IngestOut:
    added = store.add_document(graph)
    return IngestOut(source=source, doc_id=graph.document.doc_id, status="added" if added else "unchanged")
