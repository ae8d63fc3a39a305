"""The dev corpus, scored by the shared scorer through `qiao extract --json`.

Floors are what the extractor reaches today on ../shared/corpus/dev (SCHEMA.md
contract, issue 3 targets: entity F1 ≥ 0.85, relation F1 ≥ 0.60).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTITY_F1_FLOOR = 0.85
RELATION_F1_FLOOR = 0.60


def test_dev_corpus_scores(shared_dir):
    scorer = shared_dir / "tools" / "score_extraction.py"
    qiao = Path(sys.executable).with_name("qiao")
    cmd = f"{qiao} extract --json {{files}}" if qiao.exists() else f"{sys.executable} -m api.cli.main extract --json {{files}}"
    out = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(shared_dir / "corpus" / "dev"), "--cmd", cmd],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    m = re.search(r"entity_f1=([\d.]+) relation_f1=([\d.]+) docs=(\d+)", out.stdout)
    assert m, out.stdout[-2000:]
    entity_f1, relation_f1, docs = float(m.group(1)), float(m.group(2)), int(m.group(3))
    assert docs >= 6
    assert entity_f1 >= ENTITY_F1_FLOOR, out.stdout
    assert relation_f1 >= RELATION_F1_FLOOR, out.stdout
