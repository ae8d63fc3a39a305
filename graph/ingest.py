"""Files and folders in, documents in the store out, one transaction per file.

A file that cannot be read or extracted is reported with its reason and the
batch goes on; because each document is written in one transaction by the
store, a failure never leaves part of a document behind.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from graph.model import content_hash
from graph.store import GraphStore

Status = Literal["added", "unchanged", "failed"]


@dataclass(frozen=True)
class FileResult:
    path: str
    status: Status
    doc_id: str = ""
    reason: str = ""
    entities: int = 0
    relations: int = 0


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    def _count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def added(self) -> int:
        return self._count("added")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed


ProgressCallback = Callable[[FileResult, int, int], None]


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly (whatever their suffix: a bad one should be reported,
    not skipped) and supported files under folders, recursively, in sorted order."""
    from extractors.loaders import SUPPORTED_SUFFIXES

    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def _already_done(store: GraphStore, path: Path) -> FileResult | None:
    """A file that needs no extraction: missing, unreadable, or stored with this content."""
    if not path.exists():
        return FileResult(str(path), "failed", reason="does not exist")
    try:
        known = stored_doc_id(store, path)
    except Exception as exc:  # noqa: BLE001 - this file's failure, reported
        return _failed(path, exc)
    return FileResult(str(path), "unchanged", doc_id=known) if known else None


def _failed(path: Path, exc: BaseException) -> FileResult:
    reason = getattr(exc, "reason", None) or str(exc) or type(exc).__name__
    return FileResult(str(path), "failed", reason=reason)


def stored_doc_id(store: GraphStore, path: Path) -> str:
    """The id of a stored document with this file's content, found without running
    the pipeline (the extractor ids a document by the hash of its normalised text).
    Empty when not stored; extraction then decides, so a different id scheme only
    costs time, never correctness."""
    from extractors.loaders import load_path
    from extractors.normalise import normalise

    doc_id = content_hash(normalise(load_path(path).text).text)
    return doc_id if store.has_document(doc_id) else ""


def ingest_paths(
    store: GraphStore, paths: Iterable[str | Path], *, n_process: int = 1,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest files and folders; `on_progress(result, done, total)` after each file, the
    report in sorted file order. With `n_process > 1` extraction runs in that many worker
    processes while this one writes, each document in its own transaction as it comes."""
    from extractors import extract_many

    files = collect_files(paths)
    results: dict[Path, FileResult] = {}

    def record(result: FileResult, path: Path) -> None:
        results[path] = result
        if on_progress is not None:
            on_progress(result, len(results), len(files))

    todo = []
    for path in files:
        early = _already_done(store, path)
        if early is None:
            todo.append(path)
        else:
            record(early, path)
    for path, graph in zip(todo, extract_many(todo, n_process=n_process, store=store, return_exceptions=True)):
        if isinstance(graph, Exception):
            record(_failed(path, graph), path)
            continue
        try:
            added = store.add_document(graph)
        except Exception as exc:  # noqa: BLE001 - the store rolled this document back; the batch goes on
            record(_failed(path, exc), path)
            continue
        record(FileResult(str(path), "added" if added else "unchanged", doc_id=graph.document.doc_id,
                          entities=len(graph.entities), relations=len(graph.relations)), path)
    return IngestReport([results[p] for p in files])
