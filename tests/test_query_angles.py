"""angles(): IPs and works ranked by evidence that they resonate in a target; on every store kind."""
from __future__ import annotations

import pytest

from graph.query import UnknownEntity, angles
from query_fixtures import load


@pytest.fixture
def qstore(store):
    load(store)
    return store


def test_ips_and_works_with_evidence_in_the_target(qstore):
    result = angles(qstore, "哈萨克斯坦")
    names = [a.entity.name for a in result.angles]
    assert names[0] == "大熊猫"  # featured in a work shown in the region and promoted by a partner there
    assert "智者非洲" in names  # produced by a centre that reaches Kazakhstan
    assert "牡丹" not in names  # its owner has no channel there
    assert {a.entity.type for a in result.angles} <= {"CulturalIP", "Work"}
    panda = result.angles[0]
    assert len([r for r in panda.reasons if r.kind == "channel"]) == 2
    locations = {t.entity.id for t in result.locations}
    for path in panda.paths:
        assert path[-1].head in locations or path[-1].tail in locations
        assert all(e.evidence for e in path)
    scores = [a.score for a in result.angles]
    assert scores == sorted(scores, reverse=True)
    for a in result.angles:
        assert a.score == pytest.approx(sum(r.weight for r in a.reasons), abs=1e-3)


def test_from_narrows_to_what_the_teller_can_tell(qstore):
    chengdu = angles(qstore, "KZ", from_="成都传媒集团")
    assert [a.entity.name for a in chengdu.angles] == ["大熊猫"]
    assert any(r.kind == "teller" for r in chengdu.angles[0].reasons)
    luoyang = angles(qstore, "KZ", from_="洛阳国际传播中心")
    assert [a.entity.name for a in luoyang.angles] == ["牡丹"]
    assert luoyang.angles[0].score == 0 and any(r.kind == "target" for r in luoyang.angles[0].reasons)


def test_audience_figures_of_a_work_add_to_its_score(qstore, make_graph):
    before = {a.entity.name: a.score for a in angles(qstore, "KZ").angles}
    figure = make_graph("figures", [("Work", "智者非洲")], quantities=[("智者非洲", "views", 2_000_000, "views")])
    assert figure.entities[0].id == "work:智者非洲"
    qstore.add_document(figure)
    after = {a.entity.name: a for a in angles(qstore, "KZ").angles}
    assert after["智者非洲"].score > before["智者非洲"]
    assert any(r.kind == "audience" for r in after["智者非洲"].reasons)


def test_unknown_target(qstore):
    with pytest.raises(UnknownEntity):
        angles(qstore, "亚特兰蒂斯")
