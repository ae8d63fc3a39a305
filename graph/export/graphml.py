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
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import networkx as nx

from graph.export.properties import AttrSchema, entity_record, relation_record, relation_schema
from graph.export.selection import Selected

XML_TYPES = {"bool": "boolean", "int": "long", "float": "double"}  # as networkx's writers name them
# XML 1.0 cannot carry these characters at all (PDF extraction leaves some behind): dropped.
_ILLEGAL = {c: None for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"} | _ILLEGAL)
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                       "\t": "&#9;"} | _ILLEGAL)
# Most values need no escaping: a regex search (a C loop) decides before the slower translate.
_NEEDS = {id(table): re.compile("[" + re.escape("".join(map(chr, table))) + "]") for table in (_TEXT, _ATTR)}
# Record keys written on the element rather than as data/attvalues. GraphML keeps the
# edge id as data too, so that networkx reads it back as it reads GEXF's edge id.
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
    node_schema, edge_schema = _schemas(selected)
    graph = nx.MultiDiGraph()
    for entity in selected.entities():
        record = entity_record(entity)
        graph.add_node(record["id"], **_legal(_typed(record, node_schema, _NODE_SKIP)))
    for relation in selected.relations():
        record = relation_record(relation)
        graph.add_edge(record["source"], record["target"], key=record["id"],
                       **_legal(_typed(record, edge_schema, _ENDS)))
    return graph


def _networkx(selected: Selected, generate: Callable[[nx.Graph], Iterator[str]]) -> Iterator[str]:
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    for line in generate(to_networkx(selected)):
        yield line + "\n"


def _schemas(selected: Selected) -> tuple[AttrSchema, AttrSchema]:
    """Node columns need a pass over the entities (their attrs are open-ended); edge columns are fixed."""
    return AttrSchema.of(entity_record(e) for e in selected.entities()), relation_schema()


def _typed(record: dict[str, Any], schema: AttrSchema, skip: tuple[str, ...]) -> dict[str, Any]:
    return {k: schema.coerce(k, v, arrays=False) for k, v in record.items() if k not in skip}


def _legal(values: dict[str, Any]) -> dict[str, Any]:
    """networkx's writers copy strings as they are: drop what XML cannot carry."""
    return {k: v.translate(_ILLEGAL) if isinstance(v, str) else v for k, v in values.items()}


def _columns(schema: AttrSchema, skip: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(k, XML_TYPES.get(schema.kind(k), "string")) for k in schema.kinds if k not in skip]


def _text(value: Any, table: dict[int, Any]) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    text = str(value)
    return text.translate(table) if _NEEDS[id(table)].search(text) else text


# -- GraphML ----------------------------------------------------------------------
def _stream_graphml(selected: Selected) -> Iterator[str]:
    node_schema, edge_schema = _schemas(selected)
    node_keys = {name: f"n{i}" for i, (name, _) in enumerate(_columns(node_schema, _NODE_SKIP))}
    edge_keys = {name: f"e{i}" for i, (name, _) in enumerate(_columns(edge_schema, _ENDS))}
    head = [
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    ]
    for scope, schema, skip, ids in (("node", node_schema, _NODE_SKIP, node_keys),
                                     ("edge", edge_schema, _ENDS, edge_keys)):
        for name, xml_type in _columns(schema, skip):
            head.append(f'  <key id="{ids[name]}" for="{scope}" attr.name="{_text(name, _ATTR)}" '
                        f'attr.type="{xml_type}" />\n')
    head.append('  <graph edgedefault="directed">\n')
    yield "".join(head)
    for entity in selected.entities():
        record = entity_record(entity)
        yield (f'    <node id="{_text(record["id"], _ATTR)}">\n'
               f"{_graphml_data(_typed(record, node_schema, _NODE_SKIP), node_keys)}    </node>\n")
    for relation in selected.relations():
        record = relation_record(relation)
        yield (f'    <edge source="{_text(record["source"], _ATTR)}" target="{_text(record["target"], _ATTR)}" '
               f'id="{_text(record["id"], _ATTR)}">\n'
               f"{_graphml_data(_typed(record, edge_schema, _ENDS), edge_keys)}    </edge>\n")
    yield "  </graph>\n</graphml>\n"


def _graphml_data(values: dict[str, Any], keys: dict[str, str]) -> str:
    return "".join(f'      <data key="{keys[k]}">{_text(v, _TEXT)}</data>\n' for k, v in values.items())


# -- GEXF -------------------------------------------------------------------------
def _stream_gexf(selected: Selected) -> Iterator[str]:
    node_schema, edge_schema = _schemas(selected)
    node_cols = _columns(node_schema, _GEXF_NODE_SKIP)
    edge_cols = _columns(edge_schema, _GEXF_EDGE_SKIP)
    node_ids = {name: str(i) for i, (name, _) in enumerate(node_cols)}
    edge_ids = {name: str(i + len(node_cols)) for i, (name, _) in enumerate(edge_cols)}
    head = [
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
        f'  <meta lastmodifieddate="{date.today().isoformat()}">\n    <creator>Qiao</creator>\n  </meta>\n'
        '  <graph defaultedgetype="directed" mode="static" name="">\n'
    ]
    for scope, cols, ids in (("edge", edge_cols, edge_ids), ("node", node_cols, node_ids)):
        head.append(f'    <attributes mode="static" class="{scope}">\n')
        head += [f'      <attribute id="{ids[name]}" title="{_text(name, _ATTR)}" type="{xml_type}" />\n'
                 for name, xml_type in cols]
        head.append("    </attributes>\n")
    head.append("    <nodes>\n")
    yield "".join(head)
    for entity in selected.entities():
        record = entity_record(entity)
        yield (f'      <node id="{_text(record["id"], _ATTR)}" label="{_text(record["label"], _ATTR)}">\n'
               f"{_gexf_values(_typed(record, node_schema, _GEXF_NODE_SKIP), node_ids)}      </node>\n")
    yield "    </nodes>\n    <edges>\n"
    for relation in selected.relations():
        record = relation_record(relation)
        yield (f'      <edge source="{_text(record["source"], _ATTR)}" target="{_text(record["target"], _ATTR)}" '
               f'id="{_text(record["id"], _ATTR)}">\n'
               f"{_gexf_values(_typed(record, edge_schema, _GEXF_EDGE_SKIP), edge_ids)}      </edge>\n")
    yield "    </edges>\n  </graph>\n</gexf>\n"


def _gexf_values(values: dict[str, Any], ids: dict[str, str]) -> str:
    rows = "".join(f'          <attvalue for="{ids[k]}" value="{_text(v, _ATTR)}" />\n' for k, v in values.items())
    return f"        <attvalues>\n{rows}        </attvalues>\n"
