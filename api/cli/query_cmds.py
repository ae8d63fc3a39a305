"""Commands that ask the graph questions: carry, angles, paths, neighbours, partners; and serve.

`--json` prints exactly what the HTTP API returns for the same question (both go
through api.schemas), so scripts can switch between the two.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Optional

import typer
from pydantic import BaseModel
from rich.markup import escape
from rich.table import Table

from api.cli.main import JsonOption, StoreOption, app, console, err_console, store_from
from api.schemas import AnglesOut, CarryOut, NeighbourhoodOut, PartnersOut, PathsOut
from graph import query
from graph.store import GraphStore, resolve_uri

LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, max=100, help="How many results.")]


def _run(store: str | None, ask: Callable[[GraphStore], Any], schema: type[BaseModel]) -> BaseModel:
    """Open the store, ask, close; unknown names and bad input exit 2 with the reason."""
    graph_store = store_from(store)
    try:
        return schema.model_validate(ask(graph_store))
    except (query.UnknownEntity, ValueError) as exc:
        err_console.print(f"[red]{escape(str(exc.args[0]) if exc.args else str(exc))}[/red]")
        raise typer.Exit(2) from exc
    finally:
        graph_store.close()


def _echo_json(model: BaseModel) -> None:
    typer.echo(json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2))


def _walk(edges: list[Any]) -> str:
    return " · ".join(f"{e.head_name} -{e.type}→ {e.tail_name}" for e in edges)


def _first_evidence(edges: list[Any]) -> str:
    for e in reversed(edges):
        if e.evidence:
            ev = e.evidence[0]
            return f"“{ev.text}” ({ev.source or ev.doc_id[:12]})"
    return ""


@app.command()
def carry(
    story: Annotated[str, typer.Argument(help="A cultural IP, work, place or organisation (id, name, alias), or free text.")],
    to: Annotated[str, typer.Option("--to", help="Country, world region or place: 哈萨克斯坦, Kazakhstan, KZ, 中亚.")],
    limit: LimitOption = 10,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who can carry STORY to a target: ranked carriers with paths, evidence and reasons."""
    result = _run(store, lambda s: query.carry(s, story, to, limit=limit), CarryOut)
    if as_json:
        return _echo_json(result)
    console.print(f"[bold]{escape(', '.join(e.name for e in result.story))}[/bold] → "
                  f"[bold]{escape(result.target.name)}[/bold]: {escape(result.message)}")
    table = Table(show_lines=True)
    for column in ("#", "carrier", "type", "score", "linked", "why", "evidence"):
        table.add_column(column)
    for i, c in enumerate(result.carriers, 1):
        why = "\n".join(f"+{r.weight:.2f} {r.text}" for r in c.reasons)
        table.add_row(str(i), escape(c.entity.name), c.entity.type, f"{c.score:.2f}", "yes" if c.linked else "",
                      escape(why), escape(_first_evidence(c.paths[0]) if c.paths else ""))
    console.print(table)
    if result.owners:
        console.print("story owner(s): " + escape(", ".join(f"{o.entity.name} ({o.score:.2f})" for o in result.owners[:5])))


@app.command()
def angles(
    to: Annotated[str, typer.Option("--to", help="Country, world region or place.")],
    from_: Annotated[Optional[str], typer.Option("--from", help="Organisation or place that will tell the story.")] = None,
    limit: LimitOption = 10,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Which cultural IPs and works resonate in a target, ranked by evidence."""
    result = _run(store, lambda s: query.angles(s, to, from_=from_, limit=limit), AnglesOut)
    if as_json:
        return _echo_json(result)
    console.print(escape(result.message))
    table = Table(show_lines=True)
    for column in ("#", "angle", "type", "score", "why", "evidence"):
        table.add_column(column)
    for i, a in enumerate(result.angles, 1):
        why = "\n".join(f"+{r.weight:.2f} {r.text}" for r in a.reasons)
        table.add_row(str(i), escape(a.entity.name), a.entity.type, f"{a.score:.2f}", escape(why),
                      escape(_first_evidence(a.paths[0]) if a.paths else ""))
    console.print(table)


@app.command()
def paths(
    source: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    target: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    max_length: Annotated[int, typer.Option("--max-length", min=1, max=5)] = 3,
    k: Annotated[int, typer.Option("-k", min=1, max=20, help="How many paths.")] = 5,
    relation: Annotated[Optional[list[str]], typer.Option("--relation", "-r", help="Relation types to follow.")] = None,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """The k shortest paths between two entities, each edge with its evidence."""
    result = _run(store, lambda s: query.paths(s, source, target, max_length=max_length, k=k,
                                               relation_types=relation), PathsOut)
    if as_json:
        return _echo_json(result)
    if not result.paths:
        console.print(f"no path of length ≤ {max_length} between {escape(result.source.name)} and {escape(result.target.name)}")
    for i, p in enumerate(result.paths, 1):
        console.print(f"[bold]{i}.[/bold] {escape(_walk(p.edges))}")
        for e in p.edges:
            if e.evidence:
                console.print(f"    {escape(e.type)}: “{escape(e.evidence[0].text)}” ({escape(e.evidence[0].source)})")


@app.command()
def neighbours(
    entity: Annotated[list[str], typer.Argument(help="Entity ids, names or aliases.")],
    hops: Annotated[int, typer.Option("--hops", min=1, max=3)] = 1,
    entity_type: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="Entity types to keep.")] = None,
    relation: Annotated[Optional[list[str]], typer.Option("--relation", "-r", help="Relation types to follow.")] = None,
    fanout: Annotated[int, typer.Option("--fanout", min=1, max=200, help="Edges followed per node.")] = 50,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Entities within k hops, with the edges that reach them."""
    result = _run(store, lambda s: query.neighbourhood(s, entity, hops=hops, entity_types=entity_type,
                                                       relation_types=relation, fanout=fanout), NeighbourhoodOut)
    if as_json:
        return _echo_json(result)
    table = Table(title=f"{len(result.entities)} entities, {len(result.edges)} edges")
    for column in ("head", "relation", "tail", "evidence"):
        table.add_column(column)
    for e in result.edges:
        table.add_row(escape(e.head_name), e.type, escape(e.tail_name), str(e.evidence_count))
    console.print(table)


@app.command()
def partners(
    entity: Annotated[str, typer.Argument(help="Organisation or place: id, name or alias.")],
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Partners and sister cities of an organisation or place, grouped by country."""
    result = _run(store, lambda s: query.partners(s, entity), PartnersOut)
    if as_json:
        return _echo_json(result)
    console.print(f"[bold]{escape(result.entity.name)}[/bold]: {result.total} partner(s)")
    for group in result.groups:
        console.print(f"[bold]{escape(group.country.name if group.country else 'country unknown')}[/bold]")
        for p in group.partners:
            console.print(f"  {escape(p.entity.name)} ({p.relation}, {p.evidence_count} evidence)")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    store: StoreOption = None,
) -> None:
    """Run the HTTP API (OpenAPI at /docs) and the web app."""
    import uvicorn

    from api.app import create_app

    err_console.print(f"serving store {resolve_uri(store)!r} on http://{host}:{port} (API docs at /docs)")
    uvicorn.run(create_app(store), host=host, port=port)
