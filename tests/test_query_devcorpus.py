"""Issue 4's done-when check on the real dev reports, through the CLI and the API.

Depends on the extractors: if 浙江省国际传播中心 REACHES 哈萨克斯坦 or 洛阳国际传播中心
PROMOTES 牡丹 is not extracted, this test says so.
"""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli


@pytest.fixture(scope="module")
def dev_store(shared_dir, tmp_path_factory):
    pytest.importorskip("extractors.pipeline", reason="the extractor is not available")
    folder = tmp_path_factory.mktemp("dev")
    for gold in sorted((shared_dir / "corpus" / "dev").glob("*.json")):
        text = json.loads(gold.read_text(encoding="utf-8"))["text"]
        (folder / f"{gold.stem}.txt").write_text(text, encoding="utf-8")
    db = str(folder / "dev.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--store", db])
    assert result.exit_code == 0, result.output
    return db


def _cli_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_peony_to_kazakhstan_names_zicc_and_the_owner(dev_store):
    carried = _cli_json("carry", "牡丹", "--to", "哈萨克斯坦", "--store", dev_store)
    zicc = [c for c in carried["carriers"] if c["entity"]["name"] == "浙江省国际传播中心"]
    assert zicc, f"浙江省国际传播中心 is not a carrier: {[c['entity']['name'] for c in carried['carriers']]}"
    texts = [ev["text"] for path in zicc[0]["paths"] for edge in path for ev in edge["evidence"]]
    assert any("哈萨克斯坦" in t for t in texts), texts
    owners = [o["entity"]["name"] for o in carried["owners"]]
    assert "洛阳国际传播中心" in owners, f"the 牡丹 story's owner is missing: {owners}"
    if carried["pairing"] is not None:
        assert carried["pairing"]["owner"]["entity"]["name"] == "洛阳国际传播中心"
    with TestClient(create_app(dev_store)) as client:
        assert client.get("/api/carry", params={"story": "牡丹", "to": "哈萨克斯坦"}).json() == carried


def test_angles_for_kazakhstan_agree_between_cli_and_api(dev_store):
    told = _cli_json("angles", "--to", "哈萨克斯坦", "--store", dev_store)
    assert told["angles"], told["message"]
    assert all(a["entity"]["type"] in ("CulturalIP", "Work") for a in told["angles"])
    with TestClient(create_app(dev_store)) as client:
        assert client.get("/api/angles", params={"to": "哈萨克斯坦"}).json() == told
        assert client.get("/api/angles", params={"to": "Kazakhstan"}).json() == told
