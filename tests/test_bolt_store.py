"""What only the Bolt store has: URIs, the FalkorDB dialect's workarounds, push/pull.

The store contract itself runs on the Bolt store through the `store` fixture
(tests/contract); these tests use the same FalkorDB server (tests/bolt_server.py).
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from graph.bolt_store import BoltStore, parse_bolt_uri, redact
from graph.cypher_dialect import literal, render
from graph.model import Document, DocumentGraph, Entity, Evidence, Mention, Relation, content_hash, entity_id
from graph.sqlite_store import SQLiteStore
from graph.transfer import copy_documents

pytestmark = pytest.mark.bolt


@pytest.fixture
def bolt(bolt_server):
    store = BoltStore(bolt_server)
    store.clear()
    try:
        yield store
    finally:
        store.close()


def test_uri_carries_auth_database_and_dialect(monkeypatch):
    monkeypatch.delenv("NEO4J_USER", raising=False)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    conf = parse_bolt_uri("neo4j+s://alice:s%40cret@db.example.org/qiao")
    assert conf["url"] == "neo4j+s://db.example.org:7687"
    assert conf["auth"] == ("alice", "s@cret")
    assert conf["database"] == "qiao" and conf["dialect"] is None
    assert parse_bolt_uri("bolt://h:7700?dialect=falkordb")["auth"] == ("falkordb", "")
    monkeypatch.setenv("NEO4J_USER", "bob")
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    assert parse_bolt_uri("bolt://h")["auth"] == ("bob", "pw")
    with pytest.raises(ValueError, match="dialect"):
        parse_bolt_uri("bolt://h?dialect=oracle")
    with pytest.raises(ValueError, match="unknown option"):
        parse_bolt_uri("bolt://h?timeout=3")
    assert redact("bolt://alice:secret@h:7687/db") == "bolt://alice:***@h:7687/db"


def test_literals_escape_what_falkordb_would_misread():
    assert literal('a"b\\c') == '"a\\"b\\\\c"'
    assert literal({"key": [1, 2.5, None, True], "odd key": "x"}) == '{key: [1, 2.5, null, true], `odd key`: "x"}'
    with pytest.raises(ValueError):
        literal(float("nan"))
    # a retried statement is shifted by spaces, its meaning unchanged
    assert render("RETURN $a", {"a": 1}, "  ") == "CYPHER   a=1 RETURN $a"


def test_dialect_is_detected_and_other_graphs_refused(bolt, bolt_server):
    assert bolt.dialect.name == "falkordb"
    with BoltStore(f"{bolt_server}?dialect=falkordb") as chosen:
        assert chosen.dialect.name == "falkordb"
        assert chosen.stats()["documents"] == 0
    with pytest.raises(ValueError, match="default graph"):
        BoltStore(f"{bolt_server}/another_graph")


def test_reopening_many_times_keeps_working(bolt_server, make_graph):
    # FalkorDB stalls the connection after a closed one; the dialect settles it.
    graph = make_graph("reopen", [("Country", "哈萨克斯坦")])
    for round_ in range(6):
        with BoltStore(bolt_server) as store:
            if round_ == 0:
                store.clear()
                assert store.add_document(graph)
            assert store.has_document(graph.document.doc_id)


def test_schema_is_created_once_and_holds_the_fulltext_index(bolt, bolt_server):
    with BoltStore(bolt_server):  # a second setup finds everything in place
        pass
    indexes = bolt._read("CALL db.indexes() YIELD label, properties, types RETURN label, properties, types")
    kinds = {(row["label"], prop, kind) for row in indexes for prop in row["properties"]
             for kind in row["types"][prop]}
    assert ("Entity", "id", "RANGE") in kinds
    assert ("Entity", "search", "FULLTEXT") in kinds
    assert ("Evidence", "rel", "RANGE") in kinds


def test_long_texts_with_quotes_survive_the_round_trip(bolt):
    sentence = '他说："重庆日报报业集团\'s partner" \\ 与哈萨克斯坦\n合作。'
    text = (sentence * 400)[:12_000]
    doc_id = content_hash(text)
    cq = Entity(entity_id("MediaOutlet", "重庆日报报业集团"), "MediaOutlet", "重庆日报报业集团", ['"重报"集团'])
    kz = Entity(entity_id("Country", "哈萨克斯坦"), "Country", "哈萨克斯坦")
    graph = DocumentGraph(
        Document(doc_id=doc_id, source="C:\\reports\\it's.txt", title='"quoted"', text=text),
        [cq, kz],
        {cq.id: [Mention(6, 14, "重庆日报报业集团")]},
        [Relation("REACHES", cq.id, kz.id, [Evidence(doc_id, 0, len(sentence), sentence, 0.7)])],
    )
    assert bolt.add_document(graph)
    stored = bolt.get_document(doc_id)
    assert stored.text == text and stored.source == "C:\\reports\\it's.txt" and stored.title == '"quoted"'
    assert bolt.get_entity(cq.id).aliases == ['"重报"集团']
    (rel,) = bolt.relations(cq.id)
    assert rel.evidence[0].text == sentence
    assert [e.id for e in bolt.search('"重报"')] == [cq.id]


def test_push_and_pull_the_sample_reports(sample_store, bolt, tmp_path):
    expected = sample_store.stats()
    assert expected["documents"] >= 10
    first = copy_documents(sample_store, bolt, batch_size=4)
    assert first.ok and len(first.copied) == expected["documents"]
    assert bolt.stats() == expected
    again = copy_documents(sample_store, bolt)
    assert again.copied == [] and len(again.skipped) == expected["documents"]

    with SQLiteStore(tmp_path / "pulled.db") as pulled:
        back = copy_documents(bolt, pulled, batch_size=3)
        assert back.ok and pulled.stats() == expected
        some = next(sample_store.iter_relations())
        assert pulled.relations(some.head) == sample_store.relations(some.head)


def test_same_answers_from_both_stores_on_the_sample_reports(sample_store, bolt):
    from graph.query import carry

    copy_documents(sample_store, bolt)
    asked = 0
    for story, target in [("大熊猫", "哈萨克斯坦"), ("牡丹", "哈萨克斯坦"), ("美食", "比利时")]:
        try:
            local = carry(sample_store, story, target)
        except LookupError:
            continue
        remote = carry(bolt, story, target)
        assert [c.entity.id for c in remote.carriers] == [c.entity.id for c in local.carriers]
        asked += 1
    assert asked, "none of the stories is in the sample reports"


def test_cli_push_then_pull(sample_store, bolt, bolt_server, tmp_path):
    from api.cli import app

    runner = CliRunner()
    pushed = runner.invoke(app, ["push", "--store", sample_store.uri, "--to", bolt_server, "--json"])
    assert pushed.exit_code == 0, pushed.output
    assert json.loads(pushed.stdout)["copied"] == sample_store.stats()["documents"]
    target = tmp_path / "pulled.db"
    pulled = runner.invoke(app, ["pull", "--from", bolt_server, "--store", str(target), "--json"])
    assert pulled.exit_code == 0, pulled.output
    with SQLiteStore(target) as local:
        assert local.stats() == sample_store.stats()


def test_dev_corpus_gives_equal_stats_and_carriers_from_both_stores(shared_dir, bolt, bolt_server, tmp_path):
    pytest.importorskip("extractors.pipeline", reason="the extractor is not available")
    from api.cli import app

    folder = tmp_path / "dev"
    folder.mkdir()
    for gold in sorted((shared_dir / "corpus" / "dev").glob("*.json")):
        (folder / f"{gold.stem}.txt").write_text(json.loads(gold.read_text(encoding="utf-8"))["text"], encoding="utf-8")
    runner = CliRunner()
    answers = {}
    for uri in (str(tmp_path / "dev.db"), bolt_server):
        ingested = runner.invoke(app, ["ingest", str(folder), "--store", uri])
        assert ingested.exit_code == 0, ingested.output
        stats = runner.invoke(app, ["stats", "--store", uri, "--json"])
        carried = runner.invoke(app, ["carry", "牡丹", "--to", "哈萨克斯坦", "--store", uri, "--json"])
        assert stats.exit_code == 0 and carried.exit_code == 0, stats.output + carried.output
        answers[uri] = (json.loads(stats.stdout), [c["entity"]["id"] for c in json.loads(carried.stdout)["carriers"]])
    local, remote = answers.values()
    assert local[0]["documents"] == 6 and local[1], local
    assert remote == local
