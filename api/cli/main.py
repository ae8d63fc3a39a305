"""The `qiao` Typer app and the options every command shares."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console

from graph.store import GraphStore, open_store, resolve_uri

app = typer.Typer(
    name="qiao",
    help="Qiao 桥: who can carry a story where. Extract, store and query a knowledge graph of reports.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
console = Console()
err_console = Console(stderr=True)

StoreOption = Annotated[
    Optional[str],
    typer.Option(
        "--store",
        help="Store URI: a file path for the embedded store (default ./qiao.db), "
        "or bolt://user:pass@host:7687/db, neo4j://…, neo4j+s://…. Env: QIAO_STORE, NEO4J_URI.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", min=1, help="Worker processes for extraction (large batches: one per core).")]


def store_from(uri: str | None) -> GraphStore:
    """Open the store a command was pointed at, or exit with a readable error."""
    try:
        return open_store(uri)
    except Exception as exc:  # noqa: BLE001 - any failure to open is the user's to fix
        err_console.print(f"[red]cannot open store {resolve_uri(uri)!r}:[/red] {exc}")
        raise typer.Exit(2) from exc
