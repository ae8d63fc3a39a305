"""Node-link JSON (networkx's `node_link_graph`, d3) and Cytoscape.js JSON.

Written record by record, so a whole-graph export streams; lists and
evidence stay JSON arrays and objects.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graph.export.properties import entity_record, relation_record, to_json
from graph.export.selection import Selected


def node_link(selected: Selected) -> Iterator[str]:
    """`{"directed", "multigraph", "graph", "nodes": [{"id", …}], "edges": [{"source", "target", "key", …}]}`."""
    yield '{"directed":true,"multigraph":true,"graph":{"name":"qiao"},\n"nodes":'
    yield from _array(entity_record(e) for e in selected.entities())
    yield ',\n"edges":'
    yield from _array({**r, "key": r["id"]} for r in map(relation_record, selected.relations()))
    yield "}\n"


def cytoscape(selected: Selected) -> Iterator[str]:
    """`{"elements": {"nodes": [{"data": …}], "edges": [{"data": {"id", "source", "target", …}}]}}`."""
    yield '{"data":{"name":"qiao"},"directed":true,"multigraph":true,"elements":{\n"nodes":'
    yield from _array({"data": entity_record(e)} for e in selected.entities())
    yield ',\n"edges":'
    yield from _array({"data": relation_record(r)} for r in selected.relations())
    yield "}}\n"


def _array(items: Iterable[Any]) -> Iterator[str]:
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + to_json(item)
        first = False
    yield "[]" if first else "\n]"
