"""The store commands through Typer's CliRunner on a real embedded store in tmp_path."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.model import entity_id
from graph.sqlite_store import SQLiteStore

runner = CliRunner()
ZICC = entity_id("CommunicationCenter", "浙江省国际传播中心")


@pytest.fixture
def db(tmp_path: Path, make_graph) -> tuple[str, list]:
    path = tmp_path / "cli.db"
    docs = [
        make_graph("d1", [("CommunicationCenter", "浙江省国际传播中心", ["ZICC"]), ("Country", "哈萨克斯坦", ["Kazakhstan"]),
                          ("MediaOutlet", "哈巴尔电视台", ["Khabar"])],
                   [("PARTNER_OF", "浙江省国际传播中心", "哈巴尔电视台"), ("REACHES", "浙江省国际传播中心", "哈萨克斯坦")],
                   [("浙江省国际传播中心", "followers", 12_000_000, "people")], source="reports/zicc.txt"),
        make_graph("d2", [("CommunicationCenter", "浙江省国际传播中心"), ("Country", "哈萨克斯坦")],
                   [("REACHES", "浙江省国际传播中心", "哈萨克斯坦")], source="reports/zicc-2.txt"),
    ]
    with SQLiteStore(path) as store:
        for d in docs:
            store.add_document(d)
    return str(path), docs


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_stats_json_is_the_stats_dict_and_stable(db):
    path, _ = db
    first, second = run("stats", "--json", "--store", path), run("stats", "--json", "--store", path)
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    with SQLiteStore(path) as store:
        assert json.loads(first.stdout) == store.stats()
    table = run("stats", "--store", path)
    assert "国际传播中心" in table.stdout and "2 documents" in table.stdout


def test_store_from_environment(db, monkeypatch):
    path, _ = db
    monkeypatch.setenv("QIAO_STORE", path)
    assert json.loads(run("stats", "--json").stdout)["documents"] == 2


def test_search_chinese_alias_and_type_filter(db):
    path, _ = db
    out = json.loads(run("search", "传播中", "--json", "--store", path).stdout)
    assert [e["id"] for e in out] == [ZICC]
    assert [e["id"] for e in json.loads(run("search", "khabar", "--json", "--store", path).stdout)] == [
        entity_id("MediaOutlet", "哈巴尔电视台")]
    assert json.loads(run("search", "哈", "--type", "Country", "--json", "--store", path).stdout)[0]["name"] == "哈萨克斯坦"
    assert run("search", "x", "--type", "Spaceship", "--store", path).exit_code == 2
    assert "nothing matches" in run("search", "不存在", "--store", path).stdout


def test_show_by_alias_with_labels_evidence_and_sources(db):
    path, docs = db
    result = run("show", "ZICC", "--json", "--store", path)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["entity"]["id"] == ZICC and report["entity"]["aliases"] == ["ZICC"]
    reaches = next(r for r in report["relations"] if r["type"] == "REACHES")
    assert reaches["labels"] == {"zh": "覆盖", "en": "reaches"}
    assert reaches["other"]["name"] == "哈萨克斯坦"
    assert {ev["source"] for ev in reaches["evidence"]} == {"reports/zicc.txt", "reports/zicc-2.txt"}
    assert report["quantities"][0]["value"] == 12_000_000
    text = run("show", "浙江省国际传播中心", "--store", path).stdout
    assert "覆盖 / reaches" in text and "合作伙伴 / partner of" in text and "reports/zicc.txt" in text
    assert run("show", "nobody", "--store", path).exit_code == 1


def test_remove_by_id_prefix_or_source(db):
    path, docs = db
    d1, d2 = (d.document.doc_id for d in docs)
    assert run("remove", "nonexistent-doc", "--store", path).exit_code == 1
    assert run("remove", "reports/zicc-2.txt", "--store", path).exit_code == 0
    assert run("remove", d1[:10], "--store", path).exit_code == 0
    assert json.loads(run("stats", "--json", "--store", path).stdout)["documents"] == 0
    assert run("remove", d2, "--store", path).exit_code == 1


def test_ingest_reports_failures_and_goes_on(tmp_path: Path):
    pytest.importorskip("extractors", reason="needs the extractor package")
    from extractors import loaders

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("浙江省国际传播中心（ZICC）与哈萨克斯坦哈巴尔电视台签署合作协议。", encoding="utf-8")
    (tmp_path / "in" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert ".txt" in loaders.SUPPORTED_SUFFIXES
    store = str(tmp_path / "i.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--store", store])
    if "cannot import name 'extract_file'" in result.output:
        pytest.skip("extractors.extract_file has not landed yet")
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "binary" in result.output
    assert "1 added, 0 unchanged, 1 failed" in result.stdout
    again = runner.invoke(app, ["ingest", str(tmp_path / "in" / "good.txt"), "--store", store])
    assert again.exit_code == 0 and "0 added, 1 unchanged, 0 failed" in again.stdout


def test_remove_by_a_file_with_the_same_content(tmp_path: Path):
    import extractors

    if not hasattr(extractors, "extract_file"):
        pytest.skip("extractors.extract_file has not landed yet")
    report = tmp_path / "a" / "report.txt"
    report.parent.mkdir()
    report.write_text("洛阳国际传播中心长期推广牡丹。", encoding="utf-8")
    store = str(tmp_path / "r.db")
    assert run("ingest", str(report), "--store", store).exit_code == 0
    moved = tmp_path / "copy.txt"
    moved.write_bytes(report.read_bytes())
    assert run("remove", str(moved), "--store", store).exit_code == 0
    assert json.loads(run("stats", "--json", "--store", store).stdout)["documents"] == 0
