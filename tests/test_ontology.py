"""Labels come from the Turtle file: editing it changes `qiao show` with no Python change."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graph.sqlite_store import SQLiteStore
from ontology import TTL_PATH, load_ontology


def _show(store: Path, env_extra: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items() if k != "QIAO_ONTOLOGY"} | env_extra | {"COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-c", "from api.cli import app; app()", "show", "ZICC", "--store", str(store)],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )
    return done.stdout


def test_a_changed_label_in_the_turtle_file_changes_show(tmp_path: Path, make_graph):
    assert load_ontology().label("REACHES", "zh") == "覆盖"
    store = tmp_path / "o.db"
    with SQLiteStore(store) as s:
        s.add_document(make_graph("d", [("CommunicationCenter", "浙江省国际传播中心", ["ZICC"]), ("Country", "哈萨克斯坦")],
                                  [("REACHES", "浙江省国际传播中心", "哈萨克斯坦")]))
    ttl = TTL_PATH.read_text(encoding="utf-8")
    assert '"覆盖"@zh, "reaches"@en' in ttl
    edited = tmp_path / "edited.ttl"
    edited.write_text(ttl.replace('"覆盖"@zh, "reaches"@en', '"触达受众"@zh, "reaches audiences in"@en'), encoding="utf-8")

    before = _show(store, {})
    after = _show(store, {"QIAO_ONTOLOGY": str(edited)})
    assert "覆盖 / reaches" in before and "触达受众" not in before
    assert "触达受众 / reaches audiences in" in after and "覆盖 / reaches" not in after
