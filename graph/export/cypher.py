"""A Cypher script that recreates the selection in Neo4j or FalkorDB.

One statement per line, values inlined as escaped literals (a script has no
parameters), nodes merged on `:Entity {id}` and labelled with their ontology
class and its ancestors, relations typed with the ontology property. Rows are
grouped into `UNWIND` batches per label or type: one round trip per batch
instead of per record, and still streamable.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from graph.export.neo4j_csv import labels
from graph.export.properties import entity_record, property_graph_record, relation_record, to_json, value_kind
from graph.export.selection import Selected

BATCH = 500
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = str.maketrans({"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def name(identifier: str) -> str:
    """A label, type or property key, backquoted unless plain."""
    return identifier if _PLAIN_NAME.match(identifier) else "`" + identifier.replace("`", "``") + "`"


def literal(value: Any) -> str:
    """A Cypher literal; maps and mixed lists (not storable as properties) become JSON text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return "'" + value.translate(_ESCAPES) + "'"
    if isinstance(value, list | tuple) and value_kind(value) != "json":
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return literal(to_json(value))


def _map(values: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{name(k)}: {literal(v)}" for k, v in values.items()) + "}"


def _row(props: dict[str, Any], **keys: str) -> str:
    """One UNWIND row: its match keys and the properties map to set."""
    return "{" + "".join(f"{k}: {literal(v)}, " for k, v in keys.items()) + f"props: {_map(props)}}}"


def cypher(selected: Selected) -> Iterator[str]:
    yield ("// Qiao subgraph, for an empty Neo4j or FalkorDB database. One statement per line: "
           "cypher-shell -f this.cypher, or run line by line.\n"
           "// The index line fails where the index already exists: skip it when adding to a Qiao graph.\n")
    yield "CREATE INDEX FOR (n:Entity) ON (n.id);\n"
    batches: dict[tuple[str, ...], list[str]] = {}
    for entity in selected.entities():
        props = property_graph_record(entity_record(entity))
        row = _row(id=props.pop("id"), props={k: v for k, v in props.items() if k != "label"})
        key = tuple(labels(entity.type))
        batches.setdefault(key, []).append(row)
        if len(batches[key]) >= BATCH:
            yield _nodes(key, batches.pop(key))
    for key, rows in batches.items():
        yield _nodes(key, rows)
    rel_batches: dict[str, list[str]] = {}
    for relation in selected.relations():
        props = property_graph_record(relation_record(relation))
        row = _row(s=props.pop("source"), t=props.pop("target"),
                   props={k: v for k, v in props.items() if k not in ("relation", "id")})
        rel_batches.setdefault(relation.type, []).append(row)
        if len(rel_batches[relation.type]) >= BATCH:
            yield _relations(relation.type, rel_batches.pop(relation.type))
    for rtype, rows in rel_batches.items():
        yield _relations(rtype, rows)


def _nodes(node_labels: tuple[str, ...], rows: list[str]) -> str:
    extra = "".join(f":{name(label)}" for label in node_labels if label != "Entity")
    return (f"UNWIND [{', '.join(rows)}] AS row MERGE (n:Entity {{id: row.id}}) "
            f"SET n{extra} SET n += row.props;\n")


def _relations(rtype: str, rows: list[str]) -> str:
    return (f"UNWIND [{', '.join(rows)}] AS row MATCH (a:Entity {{id: row.s}}) MATCH (b:Entity {{id: row.t}}) "
            f"MERGE (a)-[r:{name(rtype)}]->(b) SET r += row.props;\n")
