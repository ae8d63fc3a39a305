"""The Cypher export recreates the subgraph on a real Bolt server (FalkorDB, tests/bolt_server.py).

FalkorDB's Bolt endpoint serves one graph, so each test empties it first; the
connection goes through the store's FalkorDB dialect, which knows its quirks.
"""
from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

import pytest

from graph.export import Selection, select
from ontology import load_ontology
from test_export import CQDAILY, KZ, ZICC, render, tricky_store  # noqa: F401  (fixture)

bolt = pytest.importorskip("bolt_server", reason="tests/bolt_server.py (the FalkorDB Bolt fixture) is not there yet")
bolt_server = bolt.bolt_server
neo4j = pytest.importorskip("neo4j")
dialects = pytest.importorskip("graph.cypher_dialect", reason="the Bolt store's dialects are not there yet")

pytestmark = pytest.mark.bolt


@pytest.fixture
def session(bolt_server):
    """A session on the (emptied) graph of this worker's FalkorDB server."""
    parts = urlsplit(bolt_server)
    address = (parts.hostname, parts.port)
    dialect = dialects.DIALECTS["falkordb"]()
    dialect.before_connect(address)
    driver = neo4j.GraphDatabase.driver(f"bolt://{parts.hostname}:{parts.port}",
                                        auth=(parts.username or "falkordb", parts.password or ""),
                                        **dialect.driver_options())
    try:
        with driver.session() as opened:
            empty(opened)
            yield opened
            empty(opened)
    finally:
        driver.close()
        dialect.after_close(address)


def empty(session) -> None:
    """No nodes and no index left by an earlier test (the script creates the index)."""
    session.run("MATCH (n) DETACH DELETE n").consume()
    with contextlib.suppress(neo4j.exceptions.DatabaseError):  # absent after a test that failed early
        session.run("DROP INDEX ON :Entity(id)").consume()


def run_script(session, script: str) -> None:
    for line in script.splitlines():
        if line.strip() and not line.startswith("//"):
            session.run(line).consume()


def graph_counts(session) -> tuple[int, int]:
    nodes = session.run("MATCH (n:Entity) RETURN count(n) AS c").single()["c"]
    edges = session.run("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS c").single()["c"]
    return nodes, edges


@pytest.mark.parametrize("source", ["tricky", "sample"])
def test_cypher_script_recreates_the_graph(request, session, source):
    store = request.getfixturevalue(f"{source}_store")
    selected = select(store)
    entities, relations = list(selected.entities()), list(selected.relations())
    run_script(session, render(selected, "cypher"))
    assert graph_counts(session) == (len(entities), len(relations))
    by_type = dict(session.run("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c").values())
    expected: dict[str, int] = {}
    for r in relations:
        expected[r.type] = expected.get(r.type, 0) + 1
    assert by_type == expected
    first = relations[0]
    row = session.run(
        "MATCH (a:Entity {id: $h})-[r]->(b:Entity {id: $t}) WHERE type(r) = $type "
        "RETURN r.evidence_count AS n, r.evidence_sentences AS s, r.label_zh AS zh",
        h=first.head, t=first.tail, type=first.type,
    ).single()
    assert row["n"] == len(first.evidence) and row["s"] == [ev.text for ev in first.evidence]
    assert row["zh"] == load_ontology().label(first.type, "zh")


def test_cypher_keeps_quotes_newlines_and_labels(session, tricky_store):
    run_script(session, render(select(tricky_store, Selection(around=(ZICC,))), "cypher"))
    cq = session.run("MATCH (n:Entity {id: $id}) RETURN n.aliases AS a, labels(n) AS l", id=CQDAILY).single()
    assert cq["a"] == ["a\\b|c\x1fd", "重报集团"]
    assert {"Entity", "MediaOutlet", "Organisation"} == set(cq["l"])
    sentences = session.run(
        "MATCH (:Entity {id: $h})-[r:REACHES]->(:Entity {id: $t}) RETURN r.evidence_sentences AS s", h=ZICC, t=KZ,
    ).single()["s"]
    assert 'The centre said: "we reach Kazakhstan\\Uzbekistan;\r\nevery week".' in sentences


def test_running_the_script_twice_changes_nothing(session, tricky_store):
    script = render(select(tricky_store), "cypher")
    run_script(session, script)
    before = graph_counts(session)
    run_script(session, "\n".join(line for line in script.splitlines() if not line.startswith("CREATE INDEX")))
    assert graph_counts(session) == before
