"""Extraction: reports in, `DocumentGraph`s (entities, mentions, relations, figures) out.

    from extractors import extract_text, extract_file, extract_many, get_pipeline

The spaCy pipeline behind these is built once per process from
`extractors/pipeline.cfg`; importing this package stays cheap (spaCy loads on
first use) so that the loaders and the CLI start fast.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from graph.model import DocumentGraph
    from graph.store import GraphStore

__all__ = ["extract_file", "extract_many", "extract_text", "get_pipeline"]


def get_pipeline() -> "Language":
    from extractors.pipeline import get_pipeline as build

    return build()


def extract_text(text: str, *, doc_id: str | None = None, source: str = "", title: str = "",
                 store: "GraphStore | None" = None) -> "DocumentGraph":
    from extractors.pipeline import extract_text as run

    return run(text, doc_id=doc_id, source=source, title=title, store=store)


def extract_file(path: str | Path, *, store: "GraphStore | None" = None) -> "DocumentGraph":
    from extractors.pipeline import extract_file as run

    return run(path, store=store)


def extract_many(texts_or_paths: Iterable[str | Path], *, n_process: int = 1, store: "GraphStore | None" = None,
                 return_exceptions: bool = False) -> Iterator["DocumentGraph | Exception"]:
    from extractors.pipeline import extract_many as run

    return run(texts_or_paths, n_process=n_process, store=store, return_exceptions=return_exceptions)
