"""CSV for `neo4j-admin database import full`: one node file, one file per relation type.

Headers are typed (`id:ID`, `aliases:string[]`, `evidence_count:int`, `:LABEL`, …).
Sentences hold commas, semicolons and newlines, so arrays are split on U+001F
instead of `;`, and the folder carries `import.sh` with the matching flags.
Files are written row by row; the relation files are open side by side so that
the relations are read once.
"""
from __future__ import annotations

import csv
import io
import shlex
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from graph.export.properties import (
    AttrSchema, entity_record, property_graph_record, relation_record, relation_schema, to_json,
)
from graph.export.selection import Selected
from ontology import load_ontology

ARRAY_DELIMITER = "\x1f"
NODES_FILE = "nodes.csv"
NEO4J_TYPES = {"bool": "boolean", "int": "int", "float": "float", "string": "string"}
# Record keys spelled by the header's special columns rather than as properties.
_NODE_DROP = ("id", "label")
_EDGE_DROP = ("id", "source", "target", "relation")


def relationships_file(relation_type: str) -> str:
    return f"relationships_{relation_type}.csv"


def labels(entity_type: str) -> list[str]:
    """The entity's class and its ontology ancestors, most specific first."""
    et = load_ontology().entity_type(entity_type)
    return [entity_type, *sorted(et.ancestors)]


def header(name: str, kind: str) -> str:
    if kind.endswith("[]"):
        return f"{name}:{NEO4J_TYPES.get(kind[:-2], 'string')}[]"
    return f"{name}:{NEO4J_TYPES.get(kind, 'string')}" if kind != "string" else name


def write_folder(selected: Selected, folder: Path) -> list[Path]:
    """Write nodes.csv, relationships_<TYPE>.csv and import.sh into `folder`; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)

    def node_rows() -> Iterator[dict[str, Any]]:
        return (property_graph_record(entity_record(e)) for e in selected.entities())

    node_schema = AttrSchema.of(node_rows())
    edge_schema = relation_schema(property_graph=True)
    node_cols = [k for k in node_schema.kinds if k not in _NODE_DROP]
    edge_cols = [k for k in edge_schema.kinds if k not in _EDGE_DROP]

    written = [folder / NODES_FILE]
    with written[0].open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["id:ID", *(header(k, node_schema.kind(k)) for k in node_cols), ":LABEL"])
        for record in node_rows():
            out.writerow([record["id"], *(_cell(record, k, node_schema) for k in node_cols),
                          ARRAY_DELIMITER.join(labels(record["type"]))])

    files: dict[str, tuple[TextIO, Any]] = {}
    try:
        for relation in selected.relations():
            record = property_graph_record(relation_record(relation))
            rtype = record["relation"]
            if rtype not in files:
                path = folder / relationships_file(rtype)
                fh = path.open("w", newline="", encoding="utf-8")
                files[rtype] = (fh, csv.writer(fh))
                written.append(path)
                files[rtype][1].writerow(
                    [":START_ID", ":END_ID", ":TYPE", *(header(k, edge_schema.kind(k)) for k in edge_cols)]
                )
            files[rtype][1].writerow([record["source"], record["target"], rtype,
                                      *(_cell(record, k, edge_schema) for k in edge_cols)])
    finally:
        for fh, _ in files.values():
            fh.close()
    script = folder / "import.sh"
    script.write_text(_import_script(written), encoding="utf-8")
    script.chmod(0o755)
    return [*written, script]


def zip_stream(selected: Selected, chunk_size: int = 1 << 16) -> Iterator[bytes]:
    """The folder as a zip, produced chunk by chunk (the files go through a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="qiao-neo4j-") as tmp:
        files = write_folder(selected, Path(tmp))
        sink = _Chunks()
        with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                with path.open("rb") as src, archive.open(path.name, "w") as dest:
                    while block := src.read(chunk_size):
                        dest.write(block)
                        yield from sink.drain()
        yield from sink.drain()


def _cell(record: dict[str, Any], key: str, schema: AttrSchema) -> str:
    if key not in record:
        return ""
    value = schema.coerce(key, record[key], arrays=True)
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_scalar(v) for v in value)
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value.replace(ARRAY_DELIMITER, " ")
    if isinstance(value, int | float):
        return repr(value)
    return to_json(value)


def _import_script(files: list[Path]) -> str:
    args = [f"--nodes={files[0].name}"] + [f"--relationships={p.name}" for p in files[1:]]
    return (
        "#!/bin/sh\n"
        "# Import this folder into an empty Neo4j database: ./import.sh [database] (default neo4j).\n"
        'cd "$(dirname "$0")" && neo4j-admin database import full '
        "--array-delimiter=U+001F --multiline-fields=true --skip-duplicate-nodes=true "
        + " ".join(shlex.quote(a) for a in args)
        + ' "${1:-neo4j}"\n'
    )


class _Chunks(io.RawIOBase):
    """A write-only sink the zip writes into and the response drains."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.parts.append(bytes(data))
        return len(data)

    def drain(self) -> Iterator[bytes]:
        if self.parts:
            out, self.parts = b"".join(self.parts), []
            yield out
