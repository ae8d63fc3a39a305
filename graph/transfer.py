"""Copy a graph between stores, one document at a time (`qiao push` / `qiao pull`).

A document is the unit because it is the unit of writing: `document_graph`
rebuilds exactly what one report contributed (entities as it named them,
mentions, relations with their evidence, figures), and `add_document` merges it
in one transaction on the other side, so the target ends up with the same
merged graph as if the reports had been ingested there. Documents the target
already holds are skipped, which makes an interrupted copy resumable.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graph.store import GraphStore


@dataclass
class TransferReport:
    copied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already in the target
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, reason)

    @property
    def ok(self) -> bool:
        return not self.failed


def copy_documents(
    source: GraphStore,
    target: GraphStore,
    *,
    batch_size: int = 200,
    on_document: Callable[[str, str], None] | None = None,
) -> TransferReport:
    """Copy every document of `source` missing from `target`; `on_document(doc_id, outcome)` after each.

    Documents are listed in ingestion order, `batch_size` at a time, so memory
    stays flat on large stores. A document the target refuses is reported and
    the copy goes on.
    """
    report = TransferReport()
    offset = 0
    while True:
        batch = source.list_documents(offset=offset, limit=batch_size)
        if not batch:
            return report
        offset += len(batch)
        for doc in batch:
            outcome = _copy_one(source, target, doc.doc_id, report)
            if on_document is not None:
                on_document(doc.doc_id, outcome)


def _copy_one(source: GraphStore, target: GraphStore, doc_id: str, report: TransferReport) -> str:
    if target.has_document(doc_id):
        report.skipped.append(doc_id)
        return "skipped"
    graph = source.document_graph(doc_id)
    if graph is None:  # removed from the source while we were copying
        report.skipped.append(doc_id)
        return "skipped"
    try:
        target.add_document(graph)
    except ValueError as exc:
        report.failed.append((doc_id, str(exc)))
        return "failed"
    report.copied.append(doc_id)
    return "copied"
