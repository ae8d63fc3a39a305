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


def ingest_file(store: GraphStore, path: Path) -> FileResult:
    """Extract one file and merge it; every failure becomes a `failed` result."""
    if not path.exists():
        return FileResult(str(path), "failed", reason="does not exist")
    try:
        from extractors import extract_file

        known = stored_doc_id(store, path)
        if known:
            return FileResult(str(path), "unchanged", doc_id=known)
        graph = extract_file(path, store=store)
        added = store.add_document(graph)
    except Exception as exc:  # noqa: BLE001 - any failure is this file's, reported, and the batch goes on
        reason = getattr(exc, "reason", None) or str(exc) or type(exc).__name__
        return FileResult(str(path), "failed", reason=reason)
    return FileResult(
        str(path),
        "added" if added else "unchanged",
        doc_id=graph.document.doc_id,
        entities=len(graph.entities),
        relations=len(graph.relations),
    )


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
    store: GraphStore, paths: Iterable[str | Path], *, on_progress: ProgressCallback | None = None
) -> IngestReport:
    """Ingest files and folders in sorted order; `on_progress(result, done, total)` after each file."""
    files = collect_files(paths)
    report = IngestReport()
    for done, path in enumerate(files, 1):
        result = ingest_file(store, path)
        report.results.append(result)
        if on_progress is not None:
            on_progress(result, done, len(files))
    return report
