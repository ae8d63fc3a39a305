"""Commands that write and read the store: ingest, remove, stats, search, show.

Relation and type labels come from the ontology at run time, so editing a label
in ontology/qiao.ttl (or pointing `QIAO_ONTOLOGY` at another file) changes what
`qiao show` prints without touching Python.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.cli.main import JobsOption, JsonOption, StoreOption, app, console, err_console, store_from
from extractors.loaders import SUPPORTED_SUFFIXES, LoadError
from graph.ingest import FileResult, IngestReport, collect_files, ingest_paths, stored_doc_id
from graph.model import Entity, Relation
from graph.store import GraphStore
from ontology import load_ontology


def _print_json(data: Any) -> None:
    """Plain stdout JSON (no rich wrapping), stable for diffs between runs."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively).")],
    store: StoreOption = None,
    jobs: JobsOption = 1,
) -> None:
    """Extract reports and merge them into the store; the same content twice changes nothing."""
    graph_store = store_from(store)
    try:
        if not collect_files(paths):
            err_console.print(f"[yellow]no supported files found[/yellow] ({' '.join(sorted(SUPPORTED_SUFFIXES))})")
        with Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=err_console, transient=True,
        ) as progress:
            task = progress.add_task("", total=None)

            def advance(result: FileResult, done: int, total: int) -> None:
                progress.update(task, total=total, completed=done, description=escape(Path(result.path).name))

            report = ingest_paths(graph_store, paths, n_process=jobs, on_progress=advance)
        _print_report(report)
    finally:
        graph_store.close()
    if not report.ok:
        raise typer.Exit(1)


def _print_report(report: IngestReport) -> None:
    table = Table(title="ingest", show_lines=False)
    table.add_column("file", overflow="fold")
    for column in ("status", "doc", "entities", "relations"):
        table.add_column(column, justify="right" if column in ("entities", "relations") else "left", no_wrap=True)
    style = {"added": "green", "unchanged": "dim", "failed": "red"}
    for r in report.results:
        counted = r.status == "added"
        table.add_row(escape(r.path), f"[{style[r.status]}]{r.status}[/]", r.doc_id[:12],
                      str(r.entities) if counted else "", str(r.relations) if counted else "")
    console.print(table)
    console.print(f"{report.added} added, {report.unchanged} unchanged, {len(report.failed)} failed")
    for failure in report.failed:
        err_console.print(f"[red]failed[/red] {escape(failure.path)}: {escape(failure.reason)}")


def _find_document(graph_store: GraphStore, ref: str) -> str | None:
    """A doc id from the id itself, a file with the same content, a unique id prefix,
    or the source path it was ingested from."""
    if graph_store.has_document(ref):
        return ref
    path = Path(ref)
    if path.is_file():
        try:
            known = stored_doc_id(graph_store, path)
        except LoadError:
            known = ""
        if known:
            return known
    target = path.resolve()
    by_prefix, by_source, offset = [], [], 0
    while batch := graph_store.list_documents(offset=offset, limit=500):
        for doc in batch:
            if len(ref) >= 6 and doc.doc_id.startswith(ref):
                by_prefix.append(doc.doc_id)
            if doc.source and (doc.source == ref or Path(doc.source).resolve() == target):
                by_source.append(doc.doc_id)
        offset += len(batch)
    for found in (by_prefix, by_source):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            err_console.print(f"[red]{escape(ref)} is ambiguous:[/red] {', '.join(d[:12] for d in found)}")
            raise typer.Exit(2)
    return None


@app.command()
def remove(
    doc: Annotated[str, typer.Argument(help="Document id, a unique id prefix, or the path it was ingested from.")],
    store: StoreOption = None,
) -> None:
    """Retract a document: its evidence, mentions and figures; facts nothing else supports are dropped."""
    graph_store = store_from(store)
    try:
        doc_id = _find_document(graph_store, doc)
        if doc_id is None or not graph_store.remove_document(doc_id):
            err_console.print(f"[red]no such document:[/red] {escape(doc)}")
            raise typer.Exit(1)
        console.print(f"removed {doc_id}")
    finally:
        graph_store.close()


@app.command()
def stats(store: StoreOption = None, as_json: JsonOption = False) -> None:
    """Counts of documents, entities and relations per type, evidence, mentions and figures."""
    graph_store = store_from(store)
    try:
        data = graph_store.stats()
    finally:
        graph_store.close()
    if as_json:
        _print_json(data)
        return
    onto = load_ontology()
    table = Table(title=f"{data['documents']} documents")
    table.add_column("kind")
    table.add_column("type")
    table.add_column("label")
    table.add_column("count", justify="right")
    for kind in ("entities", "relations"):
        for name, count in data[kind].items():
            table.add_row(kind, name, onto.label(name, "zh"), str(count))
    for kind in ("evidence", "mentions", "quantities"):
        table.add_row(kind, "", "", str(data[kind]))
    console.print(table)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Part of a name or alias, Chinese or not.")],
    type_: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="Only these entity types (repeatable).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many entities.")] = 20,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find entities by name or alias: exact matches first, then prefixes, then substrings."""
    onto = load_ontology()
    unknown = sorted(set(type_ or ()) - set(onto.entity_types))
    if unknown:
        err_console.print(f"[red]unknown type {', '.join(unknown)};[/red] known: {', '.join(sorted(onto.entity_types))}")
        raise typer.Exit(2)
    graph_store = store_from(store)
    try:
        found = graph_store.search(text, types=type_, limit=limit)
    finally:
        graph_store.close()
    if as_json:
        _print_json([asdict(e) for e in found])
        return
    if not found:
        console.print(f"nothing matches {escape(text)!s}")
        return
    table = Table()
    for column in ("id", "type", "name", "aliases"):
        table.add_column(column)
    for e in found:
        table.add_row(escape(e.id), onto.label(e.type, "zh"), escape(e.name), escape(", ".join(e.aliases)))
    console.print(table)


def _resolve_entity(graph_store: GraphStore, ref: str) -> tuple[Entity | None, list[Entity]]:
    """The entity an id, name or alias names, and the other candidates if ambiguous."""
    entity = graph_store.get_entity(ref)
    if entity is not None:
        return entity, []
    candidates = graph_store.lookup(ref) or graph_store.search(ref, limit=5)
    return (candidates[0], candidates[1:]) if candidates else (None, [])


def entity_report(graph_store: GraphStore, entity: Entity, limit: int) -> dict[str, Any]:
    """Everything `show` prints, as data: labels from the ontology, relations with evidence."""
    onto = load_ontology()
    relations = graph_store.relations(entity.id, limit=limit)
    others: dict[str, Entity | None] = {}
    for rel in relations:
        other = rel.tail if rel.head == entity.id else rel.head
        if other not in others:
            others[other] = graph_store.get_entity(other)
    return {
        "entity": asdict(entity),
        "type_labels": {"zh": onto.label(entity.type, "zh"), "en": onto.label(entity.type, "en")},
        "relations": [_relation_json(rel, entity.id, others) for rel in relations],
        "quantities": [asdict(q) for q in graph_store.quantities(entity.id)],
    }


def _relation_json(rel: Relation, subject: str, others: dict[str, Entity | None]) -> dict[str, Any]:
    onto = load_ontology()
    outgoing = rel.head == subject
    other_id = rel.tail if outgoing else rel.head
    other = others.get(other_id)
    return {
        "type": rel.type,
        "labels": {"zh": onto.label(rel.type, "zh"), "en": onto.label(rel.type, "en")},
        "direction": "out" if outgoing else "in",
        "head": rel.head,
        "tail": rel.tail,
        "other": {"id": other_id, "name": other.name if other else other_id, "type": other.type if other else ""},
        "confidence": round(rel.confidence, 3),
        "evidence": [asdict(ev) for ev in rel.evidence],
    }


@app.command()
def show(
    entity: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many relations.")] = 50,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """An entity with its aliases, relations (ontology labels), evidence sentences and figures."""
    graph_store = store_from(store)
    try:
        found, others = _resolve_entity(graph_store, entity)
        if found is None:
            err_console.print(f"[red]no entity matches[/red] {escape(entity)}")
            raise typer.Exit(1)
        report = entity_report(graph_store, found, limit)
    finally:
        graph_store.close()
    if as_json:
        _print_json(report | {"also_matching": [e.id for e in others]})
        return
    _print_entity(report, others)


def _print_entity(report: dict[str, Any], others: list[Entity]) -> None:
    e, labels = report["entity"], report["type_labels"]
    console.print(f"[bold]{escape(e['name'])}[/bold]  {labels['zh']} / {labels['en']}  [dim]{escape(e['id'])}[/dim]")
    if e["aliases"]:
        console.print(f"aliases: {escape(', '.join(e['aliases']))}")
    for key, value in sorted(e["attrs"].items()):
        console.print(f"{escape(key)}: {escape(str(value))}")
    if others:
        console.print(f"[dim]also matching: {escape(', '.join(o.id for o in others))}[/dim]")
    if report["relations"]:
        table = Table(title="relations", show_lines=True)
        for column in ("relation", "", "entity", "evidence"):
            table.add_column(column)
        for rel in report["relations"]:
            arrow = "→" if rel["direction"] == "out" else "←"
            evidence = "\n".join(
                f"“{escape(ev['text'].strip())}” [dim]({escape(ev['source'] or ev['doc_id'][:12])})[/dim]"
                for ev in rel["evidence"]
            )
            table.add_row(
                f"{rel['labels']['zh']} / {rel['labels']['en']}\n[dim]{rel['type']}[/dim]",
                arrow,
                f"{escape(rel['other']['name'])}\n[dim]{escape(rel['other']['id'])}[/dim]",
                evidence,
            )
        console.print(table)
    if report["quantities"]:
        table = Table(title="figures")
        for column in ("metric", "value", "unit", "evidence"):
            table.add_column(column)
        for q in report["quantities"]:
            ev = q["evidence"]
            table.add_row(q["metric"], f"{q['value']:,.0f}", q["unit"],
                          f"“{escape(ev['text'].strip())}” [dim]({escape(ev['source'] or ev['doc_id'][:12])})[/dim]")
        console.print(table)
