"""`qiao export`: a subgraph in the format a researcher's tool reads.

Text formats go to stdout or a file (written under a temporary name and renamed,
so a failed export never leaves a truncated file behind); neo4j-csv is a folder.
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from api.cli.main import StoreOption, app, err_console, store_from
from graph.export import FORMATS, Selection, SelectionError, select, write
from graph.query import UnknownEntity

# The --format choices, straight from the format registry.
ExportFormat = Enum("ExportFormat", {name: name for name in FORMATS}, type=str)

@app.command()
def export(
    fmt_choice: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    around: Annotated[Optional[list[str]], typer.Option(
        "--around", help="Seed entity (id, name or alias); repeatable.", show_default=False)] = None,
    hops: Annotated[int, typer.Option("--hops", min=0, max=6, help="Hops around the --around seeds.")] = 1,
    fanout: Annotated[int, typer.Option("--fanout", min=1, help="Edges followed per node when walking.")] = 50,
    types: Annotated[Optional[list[str]], typer.Option(
        "--type", help="Keep only entities of this ontology type; repeatable.", show_default=False)] = None,
    relations: Annotated[Optional[list[str]], typer.Option(
        "--relation", help="Keep only relations of this type; repeatable.", show_default=False)] = None,
    countries: Annotated[Optional[list[str]], typer.Option(
        "--country", help="Country, world region or place (哈萨克斯坦, KZ, 中亚): everything related to it; "
        "repeatable.", show_default=False)] = None,
    docs: Annotated[Optional[list[str]], typer.Option(
        "--doc", help="Document id: what this report says; repeatable.", show_default=False)] = None,
    min_evidence: Annotated[int, typer.Option("--min-evidence", min=0, help="Relations with at least N sentences.")] = 0,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                  help="Relations with at least this confidence.")] = 0.0,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="File (folder for neo4j-csv); stdout if absent.",
                                                show_default=False)] = None,
    store: StoreOption = None,
) -> None:
    """Export the whole graph or a selection of it: GraphML/GEXF (Gephi), JSON (networkx, d3,
    Cytoscape.js), RDF (Turtle, JSON-LD, N-Triples), neo4j-admin CSV or a Cypher script."""
    fmt = fmt_choice.value
    try:
        selection = Selection(
            around=tuple(around or ()), hops=hops, fanout=fanout, entity_types=tuple(types or ()),
            relation_types=tuple(relations or ()), places=tuple(countries or ()), documents=tuple(docs or ()),
            min_evidence=min_evidence, min_confidence=min_confidence,
        )
    except SelectionError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if FORMATS[fmt].render is None and out is None:
        raise typer.BadParameter(f"{fmt} writes a folder of files: give --out FOLDER")
    graph_store = store_from(store)
    try:
        selected = select(graph_store, selection)
        if out is None:
            if hasattr(sys.stdout, "reconfigure"):
                sys.stdout.reconfigure(encoding="utf-8")
            write(selected, fmt, sys.stdout)
            sys.stdout.flush()
        elif FORMATS[fmt].render is None:
            write(selected, fmt, out)
            err_console.print(f"wrote {escape(str(out))}/ (run its import.sh to load it into Neo4j)")
        else:
            partial = out.with_name(out.name + ".part")
            try:
                write(selected, fmt, partial)
                os.replace(partial, out)
            finally:
                partial.unlink(missing_ok=True)
            err_console.print(f"wrote {escape(str(out))} ({out.stat().st_size:,} bytes)")
    except (SelectionError, UnknownEntity) as exc:
        err_console.print(f"[red]{escape(str(exc.args[0]) if exc.args else str(exc))}[/red]")
        raise typer.Exit(2) from exc
    finally:
        graph_store.close()
