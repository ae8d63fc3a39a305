"""`qiao push` and `qiao pull`: copy a graph between the embedded store and Neo4j.

Both directions are the same copy (`graph.transfer.copy_documents`) with the
ends swapped; either end may be any store URI. Re-running after an interruption
skips what already arrived.
"""
from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.cli.main import JsonOption, StoreOption, app, console, err_console, store_from
from graph.store import GraphStore
from graph.transfer import TransferReport, copy_documents

BatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Documents listed per round trip.")]


@app.command()
def push(
    to: Annotated[str, typer.Option("--to", help="Target store URI, e.g. bolt://neo4j:secret@host:7687/neo4j.")],
    store: StoreOption = None,
    batch_size: BatchOption = 200,
    as_json: JsonOption = False,
) -> None:
    """Copy every document of the local store (evidence included) into another store, e.g. Neo4j."""
    _copy(store, to, batch_size, as_json)


@app.command()
def pull(
    from_: Annotated[str, typer.Option("--from", help="Source store URI, e.g. neo4j+s://….databases.neo4j.io.")],
    store: StoreOption = None,
    batch_size: BatchOption = 200,
    as_json: JsonOption = False,
) -> None:
    """Copy every document of another store (e.g. Neo4j) into the local store."""
    _copy(from_, store, batch_size, as_json)


def _copy(source_uri: str | None, target_uri: str | None, batch_size: int, as_json: bool) -> None:
    source = store_from(source_uri)
    try:
        target = store_from(target_uri)
        try:
            report = _run(source, target, batch_size)
        finally:
            target.close()
    finally:
        source.close()
    if as_json:
        typer.echo(json.dumps({"copied": len(report.copied), "skipped": len(report.skipped),
                               "failed": [{"doc_id": d, "reason": r} for d, r in report.failed]},
                              ensure_ascii=False, indent=2))
    else:
        console.print(f"copied {len(report.copied)}, already there {len(report.skipped)}, "
                      f"failed {len(report.failed)}")
        for doc_id, reason in report.failed:
            err_console.print(f"[red]{doc_id[:12]}[/red] {reason}")
    if not report.ok:
        raise typer.Exit(1)


def _run(source: GraphStore, target: GraphStore, batch_size: int) -> TransferReport:
    total = source.stats()["documents"]
    with Progress(
        TextColumn("[bold]copy"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err_console, transient=True,
    ) as progress:
        task = progress.add_task("", total=total)

        def advance(doc_id: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome} {doc_id[:12]}")

        return copy_documents(source, target, batch_size=batch_size, on_document=advance)
