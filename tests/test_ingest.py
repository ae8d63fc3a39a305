"""Ingest through the real extractor into real embedded stores."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.ingest import collect_files, ingest_paths
from graph.sqlite_store import SQLiteStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


@pytest.fixture
def extractor_ready() -> None:
    import extractors

    if not hasattr(extractors, "extract_file"):
        pytest.skip("extractors.extract_file has not landed yet")


def test_collect_files_is_recursive_sorted_and_keeps_named_files(tmp_path: Path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.txt", "a.html", "b/a.docx", "notes.bin", "b/image.png"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in collect_files([tmp_path])] == ["a.html", "b/a.docx", "b/z.txt"]
    named = tmp_path / "notes.bin"
    assert collect_files([named, tmp_path / "a.html", named]) == [named, tmp_path / "a.html"]


def test_missing_path_is_reported_not_raised(tmp_path: Path):
    with SQLiteStore(tmp_path / "s.db") as store:
        report = ingest_paths(store, [tmp_path / "nope.txt"])
        assert [(r.status, r.reason) for r in report.results] == [("failed", "does not exist")]
        assert store.stats()["documents"] == 0


def test_examples_twice_give_identical_stats(tmp_path: Path, extractor_ready):
    with SQLiteStore(tmp_path / "s.db") as store:
        seen = []
        first = ingest_paths(store, [EXAMPLES], on_progress=lambda r, done, total: seen.append((done, total)))
        assert first.ok, [(r.path, r.reason) for r in first.failed]
        assert first.added == len(seen) == seen[-1][1] >= 12
        stats = store.stats()
        assert stats["documents"] == first.added
        second = ingest_paths(store, [EXAMPLES])
        assert second.added == 0 and second.unchanged == first.added
        assert store.stats() == stats
    with SQLiteStore(tmp_path / "parallel.db") as store:
        parallel = ingest_paths(store, [EXAMPLES], n_process=2)
        assert [r.doc_id for r in parallel.results] == [r.doc_id for r in first.results]
        assert store.stats() == stats


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_corrupt_file_fails_alone(tmp_path: Path, extractor_ready, n_process: int):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("01_zh_chengdu_panda_kazakhstan.txt", "09_zh_hunan_ceramics.html"):
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    with SQLiteStore(tmp_path / "s.db") as store:
        report = ingest_paths(store, [folder], n_process=n_process)
        assert [Path(r.path).name for r in report.results] == [
            "01_zh_chengdu_panda_kazakhstan.txt", "09_zh_hunan_ceramics.html", "binary.txt", "corrupt.docx"]
        assert sorted(Path(r.path).name for r in report.failed) == ["binary.txt", "corrupt.docx"]
        assert all(r.reason for r in report.failed)
        assert report.added == 2
        assert store.stats()["documents"] == 2


def test_dev_corpus_ingest_is_idempotent_and_remove_readd_restores(tmp_path: Path, shared_dir: Path, extractor_ready):
    corpus = tmp_path / "dev"
    corpus.mkdir()
    for gold in sorted((shared_dir / "corpus" / "dev").glob("*.json")):
        (corpus / f"{gold.stem}.txt").write_text(json.loads(gold.read_text(encoding="utf-8"))["text"], encoding="utf-8")
    store = str(tmp_path / "dev.db")
    runner = CliRunner()

    def stats() -> str:
        result = runner.invoke(app, ["stats", "--json", "--store", store])
        assert result.exit_code == 0
        return result.stdout

    assert runner.invoke(app, ["ingest", str(corpus), "--store", store]).exit_code == 0
    once = stats()
    assert json.loads(once)["documents"] == len(list(corpus.iterdir()))
    assert runner.invoke(app, ["ingest", str(corpus), "--store", store]).exit_code == 0
    assert stats() == once
    victim = sorted(corpus.iterdir())[0]
    assert runner.invoke(app, ["remove", str(victim), "--store", store]).exit_code == 0
    assert json.loads(stats())["documents"] == json.loads(once)["documents"] - 1
    assert runner.invoke(app, ["ingest", str(victim), "--store", store]).exit_code == 0
    assert stats() == once


def test_sample_reports_resolve_aliases_to_one_entity(sample_store):
    (group,) = sample_store.lookup("重报集团")
    assert group.name == "重庆日报报业集团" and group.type == "MediaOutlet"
    (facebook,) = sample_store.lookup("脸书")
    assert facebook.type == "Platform" and "Facebook" in [facebook.name, *facebook.aliases]
    (zicc,) = sample_store.lookup("ZICC")
    assert "浙江省国际传播中心" in [zicc.name, *zicc.aliases]
    sources = {Path(ev.source) for rel in sample_store.relations(zicc.id) for ev in rel.evidence}
    assert sources and all(s.parent == EXAMPLES for s in sources)
    assert any("zicc" in s.name for s in sources)
