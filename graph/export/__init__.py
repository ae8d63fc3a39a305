"""Exports of a selected subgraph in the formats researchers' tools read.

`FORMATS` maps each format name (as the CLI and the API spell it) to how it is
written: text formats are generators of text chunks, so the CLI writes them to
a file or stdout and the API streams them; `neo4j-csv` is a folder of files
(a zip over HTTP).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from graph.export import cypher, graphml, json, neo4j_csv, rdf
from graph.export.selection import Selected, Selection, SelectionError, select


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    suffix: str
    render: Callable[[Selected], Iterator[str]] | None  # None: a folder of files (neo4j-csv)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("graphml", "application/graphml+xml", ".graphml", graphml.graphml),
    Format("gexf", "application/gexf+xml", ".gexf", graphml.gexf),
    Format("json", "application/json", ".json", json.node_link),
    Format("cytoscape", "application/json", ".cyjs", json.cytoscape),
    Format("ttl", "text/turtle", ".ttl", rdf.turtle),
    Format("jsonld", "application/ld+json", ".jsonld", rdf.jsonld),
    Format("nt", "application/n-triples", ".nt", rdf.ntriples),
    Format("neo4j-csv", "application/zip", ".zip", None),
    Format("cypher", "application/x-cypher-query", ".cypher", cypher.cypher),
)}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise SelectionError(f"unknown export format {name!r}; known: {', '.join(FORMATS)}") from None


def write(selected: Selected, fmt: str, out: TextIO | Path) -> None:
    """Write one export: text formats to a stream or file, neo4j-csv into a folder."""
    spec = get_format(fmt)
    if spec.render is None:
        if not isinstance(out, Path):
            raise SelectionError(f"{fmt} writes a folder of files: give an output folder")
        neo4j_csv.write_folder(selected, out)
        return
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            fh.writelines(spec.render(selected))
    else:
        out.writelines(spec.render(selected))


__all__ = ["FORMATS", "Format", "Selected", "Selection", "SelectionError", "get_format", "select", "write"]
