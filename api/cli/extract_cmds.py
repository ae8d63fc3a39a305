"""`qiao extract`: run the extraction pipeline on files and print what it finds.

With --json the output is the contract of ../shared/spec/SCHEMA.md: one JSON
object per input, in input order, JSON Lines, `source` = the path as given, so
a scorer can line outputs up with inputs. A file that cannot be read is
reported on stderr and skipped; the command fails only if every file failed.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from api.cli.main import JobsOption, JsonOption, app, console, err_console


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Report files: .txt (any encoding), .html, .pdf, .docx.")],
    json_out: JsonOption = False,
    jobs: JobsOption = 1,
) -> None:
    """Extract entities, relations and figures from reports (nothing is stored)."""
    from extractors import extract_many
    from extractors.loaders import LoadError

    failed = 0
    for path, graph in zip(files, extract_many(files, n_process=jobs, return_exceptions=True)):
        if isinstance(graph, Exception):
            failed += 1
            what = "cannot extract" if isinstance(graph, (LoadError, OSError)) else "extraction failed"
            err_console.print(f"[red]{what}[/red] {escape(str(path))}: {escape(str(graph))}")
            continue
        if json_out:
            typer.echo(json.dumps(graph.to_json(), ensure_ascii=False))
            continue
        table = Table(title=f"{escape(str(path))} ({graph.document.lang}, {len(graph.entities)} entities, "
                      f"{len(graph.relations)} relations, {len(graph.quantities)} figures)")
        for col in ("type", "name", "aliases", "mentions"):
            table.add_column(col)
        for ent in sorted(graph.entities, key=lambda e: (e.type, e.name)):
            table.add_row(ent.type, escape(ent.name), escape(", ".join(ent.aliases[:4])), str(len(graph.mentions.get(ent.id, []))))
        console.print(table)
        names = {e.id: e.name for e in graph.entities}
        for rel in graph.relations:
            console.print(f"  {rel.type}: {escape(names[rel.head])} → {escape(names[rel.tail])} ({rel.confidence:.2f})")
        counts = Counter(e.type for e in graph.entities)
        console.print("  " + ", ".join(f"{t} {n}" for t, n in counts.most_common()))
    if files and failed == len(files):
        raise typer.Exit(1)
