"""Internals of the embedded store that the contract cannot see: counters, the
trigram index and foreign keys stay consistent through adds and removes."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from graph.sqlite_store import SQLiteStore


def _check(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO labels_fts(labels_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute(
            "SELECT count(*) FROM entities e WHERE degree != "
            "(SELECT count(*) FROM relations r WHERE r.head = e.eid OR r.tail = e.eid)"
        ).fetchone()[0] == 0
        assert conn.execute(
            "SELECT count(*) FROM relations r WHERE n_evidence != (SELECT count(*) FROM evidence v WHERE v.rid = r.rid)"
        ).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM relations WHERE n_evidence = 0").fetchone()[0] == 0
        for kind in ("entities", "relations"):
            counted = conn.execute(f"SELECT type, count(*) FROM {kind} GROUP BY type ORDER BY type").fetchall()
            kept = conn.execute("SELECT type, n FROM type_counts WHERE kind = ? AND n > 0 ORDER BY type", (kind,)).fetchall()
            assert kept == counted
        assert conn.execute(
            "SELECT count(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM entity_docs d WHERE d.eid = e.eid)"
        ).fetchone()[0] == 0
    finally:
        conn.close()


def test_counters_index_and_keys_stay_consistent(tmp_path: Path, make_graph):
    path = tmp_path / "s.db"
    media = [("MediaOutlet", f"媒体{i}", [f"M{i}"]) for i in range(6)]
    kz = ("Country", "哈萨克斯坦", ["Kazakhstan"])
    docs = [
        make_graph(f"d{n}", [kz, *media[n: n + 3]],
                   [("REACHES", m[1], "哈萨克斯坦") for m in media[n: n + 3]]
                   + [("PARTNER_OF", media[n][1], media[n + 1][1]), ("PARTNER_OF", media[n + 2][1], media[n + 1][1])])
        for n in range(4)
    ]
    with SQLiteStore(path) as store:
        for d in docs:
            store.add_document(d)
        _check(path)
        for d in docs[::2]:
            store.remove_document(d.document.doc_id)
        _check(path)
        assert store.search("M0") == [] and store.search("媒体1")
        for d in docs:
            store.add_document(d)
        _check(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("this is not a database " * 100, encoding="utf-8")
    with pytest.raises(sqlite3.DatabaseError):
        SQLiteStore(path)


def test_a_newer_schema_is_refused(tmp_path: Path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(RuntimeError, match="schema version 99"):
        SQLiteStore(path)


def test_two_processes_adding_the_same_documents(tmp_path: Path, make_graph):
    """Two connections (as two processes would have) race to add the same documents:
    each document lands once, and neither side sees an error."""
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "race.db"
    graphs = [make_graph(f"r{i}", [("CommunicationCenter", f"中心{i}"), ("Country", "哈萨克斯坦")],
                         [("REACHES", f"中心{i}", "哈萨克斯坦")]) for i in range(20)]
    stores = [SQLiteStore(path), SQLiteStore(path)]
    try:
        with ThreadPoolExecutor(2) as pool:
            added = list(pool.map(lambda s: sum(s.add_document(g) for g in graphs), stores))
        assert sum(added) == 20
        assert stores[0].stats()["documents"] == 20 and stores[1].stats()["evidence"] == 20
    finally:
        for s in stores:
            s.close()
    _check(path)
