"""Breadth-first walks over the relations table, one indexed query per level.

A hub (a country or platform with 100k edges) is never read whole: nodes whose
degree exceeds `fanout` are expanded through the (node, n_evidence DESC) index
with a LIMIT, so only their best-supported edges are followed; every other node
of a level is expanded by one batched query. Path search meets in the middle
and hands the small fetched subgraph to networkx for the k shortest simple paths.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from itertools import islice

import networkx as nx

# rid, head, tail, n_evidence
Edge = tuple[int, int, int, int]


def _json(values: Iterable[object]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def expand(conn: sqlite3.Connection, frontier: list[int], relation_types: list[str], fanout: int) -> list[Edge]:
    """Edges touching the frontier, at most `fanout` best-supported ones per hub node."""
    if not frontier:
        return []
    type_sql = " AND type IN (SELECT value FROM json_each(:types))" if relation_types else ""
    params: dict[str, object] = {"types": _json(relation_types), "n": fanout}
    degrees = conn.execute(
        "SELECT eid, degree FROM entities WHERE eid IN (SELECT value FROM json_each(?))", (_json(frontier),)
    ).fetchall()
    small = [eid for eid, degree in degrees if degree <= fanout]
    hubs = sorted(eid for eid, degree in degrees if degree > fanout)
    edges: list[Edge] = []
    if small:
        params["nodes"] = _json(small)
        edges += conn.execute(
            f"SELECT rid, head, tail, n_evidence FROM relations WHERE head IN (SELECT value FROM json_each(:nodes)){type_sql} "
            f"UNION SELECT rid, head, tail, n_evidence FROM relations WHERE tail IN (SELECT value FROM json_each(:nodes)){type_sql} "
            "ORDER BY rid",
            params,
        ).fetchall()
    for hub in hubs:
        params["hub"] = hub
        best = conn.execute(
            f"SELECT rid, head, tail, n_evidence FROM relations WHERE head = :hub{type_sql} "
            "ORDER BY n_evidence DESC, rid LIMIT :n",
            params,
        ).fetchall() + conn.execute(
            f"SELECT rid, head, tail, n_evidence FROM relations WHERE tail = :hub{type_sql} "
            "ORDER BY n_evidence DESC, rid LIMIT :n",
            params,
        ).fetchall()
        edges += sorted(set(best), key=lambda e: (-e[3], e[0]))[:fanout]
    return edges


def neighbourhood(
    conn: sqlite3.Connection,
    seeds: list[int],
    *,
    hops: int,
    entity_types: Iterable[str] | None,
    relation_types: Iterable[str] | None,
    fanout: int,
) -> tuple[set[int], list[int]]:
    """Nodes within `hops` of the seeds and the edges followed to reach them."""
    rel_types = sorted(set(relation_types or ()))
    ent_types = sorted(set(entity_types or ()))
    visited = set(seeds)
    frontier = sorted(visited)
    rids: dict[int, None] = {}
    for _ in range(max(hops, 0)):
        edges = expand(conn, frontier, rel_types, fanout)
        fresh = {end for _, head, tail, _ in edges for end in (head, tail)} - visited
        if ent_types and fresh:
            fresh = {
                row[0]
                for row in conn.execute(
                    "SELECT eid FROM entities WHERE eid IN (SELECT value FROM json_each(?)) "
                    "AND type IN (SELECT value FROM json_each(?))",
                    (_json(fresh), _json(ent_types)),
                )
            }
        allowed = visited | fresh
        for rid, head, tail, _ in edges:
            if head in allowed and tail in allowed:
                rids.setdefault(rid, None)
        visited |= fresh
        frontier = sorted(fresh)
        if not frontier:
            break
    return visited, list(rids)


def paths(
    conn: sqlite3.Connection,
    source: int,
    target: int,
    *,
    max_length: int,
    relation_types: Iterable[str] | None,
    k: int,
    fanout: int,
) -> list[tuple[list[int], list[int]]]:
    """Up to k shortest simple paths as (nodes, rids), meeting in the middle.

    After `rs` levels from the source and `rt` from the target, every path of
    length ≤ rs + rt (within the fanout caps) lies in the fetched subgraph, so
    once k of them are found no further level can yield a shorter one.
    """
    rel_types = sorted(set(relation_types or ()))
    graph = nx.Graph()
    graph.add_nodes_from((source, target))
    seen = {source: {source}, target: {target}}
    frontier = {source: [source], target: [target]}
    radius = {source: 0, target: 0}
    found: list[tuple[list[int], list[int]]] = []
    while radius[source] + radius[target] < max_length:
        live = [side for side in (source, target) if frontier[side]]
        if not live:
            break
        side = min(live, key=lambda s: (len(frontier[s]), s != source))
        edges = expand(conn, frontier[side], rel_types, fanout)
        for rid, head, tail, n_evidence in edges:
            if head == tail:
                continue
            current = graph.get_edge_data(head, tail)
            if current is None or (n_evidence, -rid) > (current["n"], -current["rid"]):
                graph.add_edge(head, tail, rid=rid, n=n_evidence)
        fresh = sorted({end for _, head, tail, _ in edges for end in (head, tail)} - seen[side])
        seen[side].update(fresh)
        frontier[side] = fresh
        radius[side] += 1
        found = _shortest(graph, source, target, radius[source] + radius[target], k)
        if len(found) >= k:
            break
    return found


def _shortest(graph: nx.Graph, source: int, target: int, max_length: int, k: int) -> list[tuple[list[int], list[int]]]:
    if not nx.has_path(graph, source, target):
        return []
    out = []
    for nodes in islice(nx.shortest_simple_paths(graph, source, target), k):
        if len(nodes) - 1 > max_length:
            break
        out.append((nodes, [graph.edges[a, b]["rid"] for a, b in zip(nodes, nodes[1:])]))
    out.sort(key=lambda p: (len(p[1]), -sum(graph.edges[a, b]["n"] for a, b in zip(p[0], p[0][1:])), p[0]))
    return out
