"""The HTTP API through the real app on a real store: routes, errors, auth, limits, CORS."""
from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from graph.sqlite_store import SQLiteStore
from query_fixtures import load


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "api.db"
    store = SQLiteStore(path)
    load(store)
    store.close()
    return path


@pytest.fixture
def client(db, monkeypatch):
    for var in ("QIAO_API_TOKEN", "QIAO_MAX_UPLOAD_MB", "QIAO_CORS_ORIGINS", "QIAO_STORE"):
        monkeypatch.delenv(var, raising=False)
    with TestClient(create_app(str(db))) as c:
        yield c


def test_health_stats_ontology(client, db):
    assert client.get("/api/health").json() == {"status": "ok", "store": str(db)}
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 3 and stats["relations"]["REACHES"] == 4
    onto = client.get("/api/ontology").json()
    reaches = next(r for r in onto["relation_types"] if r["name"] == "REACHES")
    assert reaches["labels"]["zh"] == "覆盖" and "Country" in reaches["range"]
    ttl = client.get("/api/ontology.ttl")
    assert ttl.headers["content-type"].startswith("text/turtle") and "qiao:REACHES" in ttl.text


def test_entities_search_and_detail(client):
    page = client.get("/api/entities", params={"q": "ZICC"}).json()
    assert [e["id"] for e in page["items"]] == ["center:浙江省国际传播中心"]
    assert page["total"] == 1 and page["offset"] == 0
    typed = client.get("/api/entities", params={"type": "Country", "limit": 1}).json()
    assert typed["total"] == 2 and len(typed["items"]) == 1 and typed["items"][0]["type"] == "Country"
    detail = client.get(f"/api/entities/{quote('center:浙江省国际传播中心')}").json()
    reaches = [r for r in detail["relations"] if r["type"] == "REACHES"]
    assert {r["tail_name"] for r in reaches} == {"哈萨克斯坦", "比利时"}
    assert reaches[0]["evidence"][0]["source"] == "d1.txt"
    assert detail["quantities"][0]["value"] == 15_000_000


def test_errors_are_json_with_the_right_status(client):
    missing = client.get(f"/api/entities/{quote('center:没有这个')}")
    assert missing.status_code == 404 and "没有这个" in missing.json()["detail"]
    assert client.get("/api/carry", params={"story": "不存在", "to": "KZ"}).status_code == 404
    bad = client.get("/api/carry", params={"story": "牡丹", "to": "KZ", "limit": 0})
    assert bad.status_code == 422 and "limit" in bad.json()["detail"]
    wrong_type = client.get("/api/neighbourhood", params={"id": "大熊猫", "relation_types": "LIKES"})
    assert wrong_type.status_code == 422 and "LIKES" in wrong_type.json()["detail"]
    assert client.get("/api/documents/nope").status_code == 404


def test_carry_api_equals_cli_json(client, db):
    api = client.get("/api/carry", params={"story": "牡丹", "to": "哈萨克斯坦"}).json()
    names = [c["entity"]["name"] for c in api["carriers"]]
    assert "浙江省国际传播中心" in names
    assert api["pairing"]["owner"]["entity"]["name"] == "洛阳国际传播中心"
    out = CliRunner().invoke(cli, ["carry", "牡丹", "--to", "哈萨克斯坦", "--json", "--store", str(db)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == api


def test_angles_api_equals_cli_json(client, db):
    api = client.get("/api/angles", params={"to": "KZ"}).json()
    assert api["angles"][0]["entity"]["name"] == "大熊猫"
    out = CliRunner().invoke(cli, ["angles", "--to", "KZ", "--json", "--store", str(db)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == api
    told = client.get("/api/angles", params={"to": "KZ", "from": "洛阳国际传播中心"}).json()
    assert [a["entity"]["name"] for a in told["angles"]] == ["牡丹"] and told["teller"]["name"] == "洛阳国际传播中心"


def test_paths_neighbourhood_partners(client):
    found = client.get("/api/paths", params={"source": "大熊猫", "target": "哈萨克斯坦", "k": 2}).json()
    assert found["paths"] and found["paths"][0]["length"] == len(found["paths"][0]["edges"])
    assert all(e["evidence"] for p in found["paths"] for e in p["edges"])
    near = client.get("/api/neighbourhood", params={"id": "成都传媒集团", "hops": 1}).json()
    assert {e["name"] for e in near["entities"]} >= {"成都传媒集团", "大熊猫", "哈萨克国际通讯社", "成都"}
    typed = client.get("/api/neighbourhood", params={"id": "成都传媒集团", "entity_types": "CulturalIP"}).json()
    assert {e["type"] for e in typed["entities"][1:]} == {"CulturalIP"}
    partners = client.get("/api/partners", params={"of": "成都"}).json()
    assert partners["groups"][0]["country"]["name"] == "哈萨克斯坦"
    assert partners["groups"][0]["partners"][0]["entity"]["name"] == "阿拉木图"


def test_partner_map_geojson(client):
    res = client.get("/api/map.geojson", params={"org": "成都传媒集团"})
    assert res.headers["content-type"].startswith("application/geo+json")
    fc = res.json()
    assert fc["type"] == "FeatureCollection"
    kz = next(f for f in fc["features"] if f["properties"]["id"] == "country:kz")
    assert kz["geometry"]["coordinates"] == [67.0, 48.0]
    assert kz["properties"]["partners"][0]["name"] == "哈萨克国际通讯社"
    overview = client.get("/api/map.geojson").json()
    almaty = next(f for f in overview["features"] if f["properties"]["id"] == "place:阿拉木图")
    assert almaty["properties"]["partners"][0]["name"] == "成都"
    strict = client.get("/api/map.geojson", params={"org": "成都传媒集团", "min_evidence": 2}).json()
    assert strict["features"] == []


def test_documents_list_get_delete(client):
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 2 and "text" not in page["items"][0]
    doc_id = page["items"][0]["doc_id"]
    assert client.get(f"/api/documents/{doc_id}").json()["text"]
    assert client.delete(f"/api/documents/{doc_id}").json() == {"doc_id": doc_id, "deleted": True}
    assert client.get("/api/documents").json()["total"] == 2
    assert client.delete(f"/api/documents/{doc_id}").status_code == 404


def test_write_routes_need_the_token_when_set(db, monkeypatch):
    monkeypatch.setenv("QIAO_API_TOKEN", "s3cret")
    with TestClient(create_app(str(db))) as c:
        doc_id = c.get("/api/documents").json()["items"][0]["doc_id"]
        assert c.delete(f"/api/documents/{doc_id}").status_code == 401
        wrong = c.delete(f"/api/documents/{doc_id}", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.json()["detail"]
        assert c.post("/api/documents", json={"text": "x"}).status_code == 401
        assert c.delete(f"/api/documents/{doc_id}", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/api/stats").status_code == 200  # reads stay open


def test_uploads_are_size_limited(db, monkeypatch):
    monkeypatch.setenv("QIAO_MAX_UPLOAD_MB", "0.001")
    with TestClient(create_app(str(db))) as c:
        big = "长" * 2000
        assert c.post("/api/documents", json={"text": big}).status_code == 413
        files = {"files": ("big.txt", big.encode(), "text/plain")}
        assert c.post("/api/documents", files=files).status_code == 413
        assert c.post("/api/documents", content=b"x", headers={"content-type": "text/plain"}).status_code == 415
        assert c.get("/api/stats").json()["documents"] == 3


def test_cors_origins_are_configurable(db, monkeypatch):
    monkeypatch.setenv("QIAO_CORS_ORIGINS", "https://planner.example")
    with TestClient(create_app(str(db))) as c:
        res = c.get("/api/health", headers={"Origin": "https://planner.example"})
        assert res.headers["access-control-allow-origin"] == "https://planner.example"
        other = c.get("/api/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_openapi_documents_every_route(client):
    spec = client.get("/openapi.json").json()
    for route in ("/api/carry", "/api/angles", "/api/paths", "/api/neighbourhood", "/api/partners",
                  "/api/map.geojson", "/api/documents", "/api/entities/{entity_id}"):
        assert route in spec["paths"]
    body = spec["paths"]["/api/documents"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "application/json"} <= set(body)
    assert client.get("/docs").status_code == 200


def test_upload_appears_in_list_then_delete(client):
    pytest.importorskip("extractors.pipeline", reason="the extractor is not available")
    text = "浙江省国际传播中心与阿拉木图的一家媒体签署合作协议，共同制作纪录片。"
    files = [("files", ("report.txt", text.encode("utf-8"), "text/plain")),
             ("files", ("broken.docx", b"PK\x03\x04 not a zip", "application/octet-stream"))]
    results = client.post("/api/documents", files=files).json()
    assert [(r["source"], r["status"]) for r in results] == [("report.txt", "added"), ("broken.docx", "failed")]
    assert results[1]["error"]
    doc_id = results[0]["doc_id"]
    listed = client.get("/api/documents", params={"limit": 50}).json()
    assert listed["total"] == 4 and doc_id in [d["doc_id"] for d in listed["items"]]
    assert client.get(f"/api/documents/{doc_id}").json()["source"] == "report.txt"
    again = client.post("/api/documents", files=files[:1]).json()
    assert again[0]["status"] == "unchanged"
    typed = client.post("/api/documents", json={"text": "成都传媒集团推广大熊猫。", "source": "note"}).json()
    assert typed[0]["status"] == "added" and typed[0]["source"] == "note"
    assert client.delete(f"/api/documents/{doc_id}").status_code == 200
    assert doc_id not in [d["doc_id"] for d in client.get("/api/documents").json()["items"]]
    assert client.post("/api/documents", json={"text": ""}).status_code == 422


def test_queries_on_the_sample_reports(sample_store):
    """The same routes over examples/reports as extracted: carriers and angles come with sources."""
    with TestClient(create_app(sample_store.uri)) as c:
        carried = c.get("/api/carry", params={"story": "大熊猫", "to": "哈萨克斯坦"}).json()
        assert carried["carriers"], carried["message"]
        sources = {ev["source"] for car in carried["carriers"] for p in car["paths"] for e in p for ev in e["evidence"]}
        assert sources and all(s.endswith((".txt", ".html", ".docx")) for s in sources), sources
        angles = c.get("/api/angles", params={"to": "Kazakhstan"}).json()
        assert angles["angles"] and angles["target"]["attrs"].get("iso2") == "KZ"
        fc = c.get("/api/map.geojson").json()
        assert any(f["properties"].get("iso2") == "KZ" for f in fc["features"])
