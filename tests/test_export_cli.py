"""`qiao export` and `GET /api/export` write the same exports as the library."""
from __future__ import annotations

import io
import json
import zipfile

import networkx as nx
import pytest
import rdflib
from typer.testing import CliRunner

from api.cli import app
from graph.export import select
from test_export import CQDAILY, KZ, ZICC, render, tricky_store  # noqa: F401  (fixture)

runner = CliRunner()


def qiao(*args: str):
    return runner.invoke(app, ["export", *args])


def test_stdout_export_is_the_library_export(tricky_store):
    result = qiao("--format", "json", "--store", tricky_store.uri)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads(render(select(tricky_store), "json"))


def test_selection_options_and_file_output(tricky_store, tmp_path):
    out = tmp_path / "kz.graphml"
    result = qiao("-f", "graphml", "--store", tricky_store.uri, "--country", "Kazakhstan", "--min-evidence", "2",
                  "--out", str(out))
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out, force_multigraph=True)
    assert set(graph.nodes) == {ZICC, KZ} and graph.number_of_edges() == 1
    assert not list(tmp_path.glob("*.part"))


def test_neo4j_csv_needs_a_folder(tricky_store, tmp_path):
    assert qiao("-f", "neo4j-csv", "--store", tricky_store.uri).exit_code == 2
    result = qiao("-f", "neo4j-csv", "--store", tricky_store.uri, "--out", str(tmp_path / "neo"),
                  "--relation", "PRESENCE_IN")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "neo").iterdir()) == [
        "import.sh", "nodes.csv", "relationships_PRESENCE_IN.csv"]


@pytest.mark.parametrize("args, message", [
    (["--type", "Centre"], "unknown entity type"),
    (["--around", "nobody at all"], "no entity"),
    (["--doc", "0" * 64], "no document"),
])
def test_bad_selections_exit_2_with_the_reason(tricky_store, args, message):
    result = qiao("-f", "ttl", "--store", tricky_store.uri, *args)
    assert result.exit_code == 2 and message in result.output


# -- HTTP ------------------------------------------------------------------------------
@pytest.fixture
def client(tricky_store):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(tricky_store.uri)) as http:
        yield http


def test_api_streams_rdf_with_its_media_type(client, tricky_store):
    response = client.get("/api/export", params={"format": "ttl"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    assert "attachment" in response.headers["content-disposition"]
    parsed = rdflib.Graph().parse(data=response.text, format="turtle")
    assert len(parsed) == len(rdflib.Graph().parse(data=render(select(tricky_store), "ttl"), format="turtle"))


def test_api_selection_matches_the_cli(client, tricky_store):
    params = {"format": "json", "country": "Kazakhstan", "min_evidence": 2}
    response = client.get("/api/export", params=params)
    cli = qiao("-f", "json", "--store", tricky_store.uri, "--country", "Kazakhstan", "--min-evidence", "2")
    assert response.status_code == 200 and json.loads(response.text) == json.loads(cli.stdout)


def test_api_neo4j_csv_is_a_zip_of_the_folder(client, tricky_store):
    response = client.get("/api/export", params={"format": "neo4j-csv", "relation": ["PRESENCE_IN", "REACHES"]})
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["import.sh", "nodes.csv", "relationships_PRESENCE_IN.csv",
                                          "relationships_REACHES.csv"]
    nodes = archive.read("nodes.csv").decode("utf-8").splitlines()
    assert nodes[0].startswith("id:ID,") and any(line.startswith(CQDAILY) for line in nodes)


@pytest.mark.parametrize("params, status", [
    ({"format": "ttl", "around": "nobody at all"}, 404),
    ({"format": "ttl", "type": "Centre"}, 422),
    ({"format": "xlsx"}, 422),
])
def test_api_bad_selections_are_errors_before_streaming(client, params, status):
    response = client.get("/api/export", params=params)
    assert response.status_code == status and response.json()["detail"]
