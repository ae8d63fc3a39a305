"""GraphML and GEXF, the XML formats Gephi, Cytoscape desktop and networkx read.

A materialised selection goes through networkx's own writers. A whole-graph
selection is written element by element in the schema those writers produce
(the tests read both back with networkx and compare), because building a
networkx graph of a million entities would hold the graph in memory twice.
Attributes are typed; lists and evidence are JSON text, as XML attributes
hold scalars only.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from graph.export.properties import AttrSchema, entity_record, relation_record
from graph.export.selection import Selected

GRAPHML_TYPES = {"bool": "boolean", "int": "long", "float": "double"}
GEXF_TYPES = GRAPHML_TYPES
# Characters XML 1.0 cannot carry at all (PDF extraction leaves some behind).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Record keys written as XML attributes of the element rather than as data/attvalues:
# GraphML keeps the edge id as data too, so networkx reads it back like the GEXF one.
_NODE_SKIP = ("id",)
_ENDS = ("source", "target")
_GEXF_NODE_SKIP = ("id", "label")
_GEXF_EDGE_SKIP = ("id", "source", "target")


def graphml(selected: Selected) -> Iterator[str]:
    return _networkx(selected, nx.generate_graphml) if selected.bounded else _stream_graphml(selected)


def gexf(selected: Selected) -> Iterator[str]:
    return _networkx(selected, nx.generate_gexf) if selected.bounded else _stream_gexf(selected)


def to_networkx(selected: Selected) -> nx.MultiDiGraph:
    """The selection as a networkx multigraph keyed by relation id, attributes as written."""
    nodes, edges, node_schema, edge_schema = _schemas(selected)
    graph = nx.MultiDiGraph()
    for record in nodes():
        graph.add_node(record["id"], **_typed(record, node_schema, skip=("id",)))
    for record in edges():
        graph.add_edge(record["source"], record["target"], key=record["id"],
                       **_typed(record, edge_schema, skip=_ENDS))
    return graph


def _networkx(selected: Selected, generate: Any) -> Iterator[str]:
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    for line in generate(to_networkx(selected)):
        yield line + "\n"


def _schemas(selected: Selected):
    def nodes() -> Iterator[dict[str, Any]]:
        return (entity_record(e) for e in selected.entities())

    def edges() -> Iterator[dict[str, Any]]:
        return (relation_record(r) for r in selected.relations())

    return nodes, edges, AttrSchema.of(nodes()), AttrSchema.of(edges())


def _typed(record: dict[str, Any], schema: AttrSchema, skip: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for key, value in record.items():
        if key not in skip:
            value = schema.coerce(key, value, arrays=False)
            out[key] = _XML_ILLEGAL.sub("", value) if isinstance(value, str) else value
    return out


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _XML_ILLEGAL.sub("", str(value))


def _columns(schema: AttrSchema, skip: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(k, GRAPHML_TYPES.get(schema.kind(k), "string")) for k in schema.kinds if k not in skip]


# -- GraphML ----------------------------------------------------------------------


def _stream_graphml(selected: Selected) -> Iterator[str]:
    nodes, edges, node_schema, edge_schema = _schemas(selected)
    node_keys = {name: f"n{i}" for i, (name, _) in enumerate(_columns(node_schema, _NODE_SKIP))}
    edge_keys = {name: f"e{i}" for i, (name, _) in enumerate(_columns(edge_schema, _ENDS))}
    yield (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for scope, schema, skip, ids in (("node", node_schema, _NODE_SKIP, node_keys),
                                     ("edge", edge_schema, _ENDS, edge_keys)):
        for name, xml_type in _columns(schema, skip):
            yield f'  <key id="{ids[name]}" for="{scope}" attr.name={quoteattr(name)} attr.type="{xml_type}" />\n'
    yield '  <graph edgedefault="directed">\n'
    for record in nodes():
        yield f"    <node id={quoteattr(_text(record['id']))}>\n"
        yield from _graphml_data(_typed(record, node_schema, _NODE_SKIP), node_keys)
        yield "    </node>\n"
    for record in edges():
        yield (f"    <edge source={quoteattr(_text(record['source']))} "
               f"target={quoteattr(_text(record['target']))} id={quoteattr(_text(record['id']))}>\n")
        yield from _graphml_data(_typed(record, edge_schema, _ENDS), edge_keys)
        yield "    </edge>\n"
    yield "  </graph>\n</graphml>\n"


def _graphml_data(values: dict[str, Any], keys: dict[str, str]) -> Iterator[str]:
    for name, value in values.items():
        yield f'      <data key="{keys[name]}">{escape(_text(value))}</data>\n'


# -- GEXF -------------------------------------------------------------------------


def _stream_gexf(selected: Selected) -> Iterator[str]:
    nodes, edges, node_schema, edge_schema = _schemas(selected)
    node_cols = _columns(node_schema, _GEXF_NODE_SKIP)
    edge_cols = _columns(edge_schema, _GEXF_EDGE_SKIP)
    node_ids = {name: str(i) for i, (name, _) in enumerate(node_cols)}
    edge_ids = {name: str(i + len(node_cols)) for i, (name, _) in enumerate(edge_cols)}
    yield (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
        f'  <meta lastmodifieddate="{date.today().isoformat()}">\n    <creator>Qiao</creator>\n  </meta>\n'
        '  <graph defaultedgetype="directed" mode="static" name="">\n'
    )
    for scope, cols, ids in (("edge", edge_cols, edge_ids), ("node", node_cols, node_ids)):
        yield f'    <attributes mode="static" class="{scope}">\n'
        for name, xml_type in cols:
            yield f'      <attribute id="{ids[name]}" title={quoteattr(name)} type="{xml_type}" />\n'
        yield "    </attributes>\n"
    yield "    <nodes>\n"
    for record in nodes():
        yield (f"      <node id={quoteattr(_text(record['id']))} "
               f"label={quoteattr(_text(record.get('label', record['id'])))}>\n")
        yield from _gexf_values(_typed(record, node_schema, _GEXF_NODE_SKIP), node_ids)
        yield "      </node>\n"
    yield "    </nodes>\n    <edges>\n"
    for record in edges():
        yield (f"      <edge source={quoteattr(_text(record['source']))} "
               f"target={quoteattr(_text(record['target']))} id={quoteattr(_text(record['id']))}>\n")
        yield from _gexf_values(_typed(record, edge_schema, _GEXF_EDGE_SKIP), edge_ids)
        yield "      </edge>\n"
    yield "    </edges>\n  </graph>\n</gexf>\n"


def _gexf_values(values: dict[str, Any], ids: dict[str, str]) -> Iterator[str]:
    yield "        <attvalues>\n"
    for name, value in values.items():
        yield f'          <attvalue for="{ids[name]}" value={quoteattr(_text(value))} />\n'
    yield "        </attvalues>\n"
