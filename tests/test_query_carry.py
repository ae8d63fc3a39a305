"""carry(): ranked carriers, paths with evidence, target expansion, pairing; on every store kind."""
from __future__ import annotations

import pytest

from graph.model import Document, DocumentGraph, Entity, Evidence, Relation, content_hash
from graph.query import UnknownEntity, carry
from graph.query.carry import CHANNEL_FANOUT, MAX_RELAYS, RELAY_FANOUT, find_channels
from graph.query.target import expand_target
from query_fixtures import load


@pytest.fixture
def qstore(store):
    load(store)
    return store


def _ids(result) -> list[str]:
    return [c.entity.id for c in result.carriers]


def _chain_ok(path, start: str, end_ids: set[str]) -> bool:
    """Consecutive edges share an end, the walk starts at `start` and ends in `end_ids`."""
    current = start
    for e in path:
        if current not in (e.head, e.tail):
            return False
        current = e.tail if e.head == current else e.head
    return current in end_ids


def test_no_linking_carrier_pairs_the_owner_with_the_best_channel(qstore):
    result = carry(qstore, "牡丹", "哈萨克斯坦")
    assert "center:浙江省国际传播中心" in _ids(result)
    zicc = next(c for c in result.carriers if c.entity.id == "center:浙江省国际传播中心")
    assert not zicc.linked
    assert any("哈萨克斯坦" in ev.text for path in zicc.paths for e in path for ev in e.evidence)
    assert all(ev.source for path in zicc.paths for e in path for ev in e.evidence)
    assert not any(c.linked for c in result.carriers)
    assert result.owners[0].entity.id == "center:洛阳国际传播中心"
    assert result.pairing is not None
    assert result.pairing.owner.entity.id == "center:洛阳国际传播中心"
    assert result.pairing.channel.entity.id == result.carriers[0].entity.id
    assert "洛阳国际传播中心" in result.message


def test_carrier_tied_to_the_story_outranks_one_that_only_reaches(qstore):
    result = carry(qstore, "大熊猫", "Kazakhstan")
    first = result.carriers[0]
    assert first.entity.id == "media:成都传媒集团" and first.linked
    locations = {t.entity.id for t in result.locations}
    assert _chain_ok(first.paths[0], "ip:大熊猫", locations)
    kinds = {r.kind for r in first.reasons}
    assert {"channel", "story", "evidence"} <= kinds
    for c in result.carriers:  # the reasons are the score, term by term
        assert c.score == pytest.approx(sum(r.weight for r in c.reasons), abs=1e-3)
    # the twin city carries through 阿拉木图, a place of the target
    chengdu = next(c for c in result.carriers if c.entity.id == "place:成都")
    assert chengdu.linked and any(e.type == "SISTER_CITY_OF" for e in chengdu.paths[0])
    assert result.pairing is None
    scores = [c.score for c in result.carriers]
    assert scores == sorted(scores, reverse=True)


def test_audience_figures_count(qstore):
    result = carry(qstore, "牡丹", "KZ")
    zicc = next(c for c in result.carriers if c.entity.id == "center:浙江省国际传播中心")
    assert any(r.kind == "audience" and "15,000,000" in r.text for r in zicc.reasons)


def test_every_spelling_of_the_target_gives_the_same_answer(qstore):
    expected = _ids(carry(qstore, "大熊猫", "哈萨克斯坦"))
    for spelling in ("Kazakhstan", "KZ", "kz", "country:kz"):
        assert _ids(carry(qstore, "大熊猫", spelling)) == expected, spelling


def test_country_expands_to_its_places_and_regions(qstore):
    kz = qstore.get_entity("country:kz")
    by_id = {t.entity.id: t for t in expand_target(qstore, kz)}
    assert by_id["country:kz"].weight == 1.0
    assert by_id["place:阿拉木图"].via == "place"
    assert by_id["region:中亚"].via == "region" and by_id["region:中亚"].weight < by_id["place:阿拉木图"].weight


def test_region_expands_to_member_countries(qstore):
    result = carry(qstore, "牡丹", "中亚")
    assert {t.entity.id: t.via for t in result.locations}["country:kz"] == "member"
    assert "center:浙江省国际传播中心" in _ids(result)


def test_story_given_by_alias_or_id(qstore):
    assert _ids(carry(qstore, "giant panda", "KZ")) == _ids(carry(qstore, "ip:大熊猫", "KZ"))


def test_unknown_inputs_say_what_was_not_found(qstore):
    with pytest.raises(UnknownEntity, match="不存在的东西"):
        carry(qstore, "不存在的东西", "KZ")
    with pytest.raises(UnknownEntity, match="Atlantis"):
        carry(qstore, "大熊猫", "Atlantis")


def test_an_organisation_as_story_is_its_own_owner(qstore):
    result = carry(qstore, "浙江省国际传播中心", "比利时")
    assert result.carriers[0].entity.id == "center:浙江省国际传播中心" and result.carriers[0].linked
    assert result.owners[0].entity.id == "center:浙江省国际传播中心"


def test_hub_target_is_walked_within_the_fanout(qstore):
    """A country with hundreds of better-supported carriers: the target-side walk reads a
    capped number of edges, and the story-side walk still finds the story's own carriers."""
    sentences = [f"第{i}号媒体覆盖哈萨克斯坦。" for i in range(400)]
    text = "".join(sentences) * 2
    doc = content_hash(text)
    graph = DocumentGraph(Document(doc_id=doc, source="hub.txt", text=text),
                          [Entity("country:kz", "Country", "哈萨克斯坦")])
    for i, sentence in enumerate(sentences):
        graph.entities.append(Entity(f"media:hub-{i}", "MediaOutlet", f"第{i}号媒体"))
        spans = [text.index(sentence), text.rindex(sentence)]
        graph.relations.append(Relation("REACHES", f"media:hub-{i}", "country:kz",
                                        [Evidence(doc, at, at + len(sentence), sentence, 0.7) for at in spans]))
    qstore.add_document(graph)
    locations = expand_target(qstore, qstore.get_entity("country:kz"))
    _, walked = find_channels(qstore, locations)
    assert len(walked.relations) <= CHANNEL_FANOUT * len(locations) + RELAY_FANOUT * MAX_RELAYS
    assert "media:哈萨克国际通讯社" not in walked.entities  # crowded out of the hub's best edges
    result = carry(qstore, "大熊猫", "KZ", limit=5)
    assert len(result.carriers) == 5
    linked = [c.entity.id for c in result.carriers if c.linked]
    assert {"media:成都传媒集团", "media:哈萨克国际通讯社"} <= set(linked)
    assert result.carriers[0].linked


def test_free_text_story_uses_the_entities_it_names(qstore):
    pytest.importorskip("extractors.pipeline", reason="the extractor is not available")
    result = carry(qstore, "我们想把大熊猫的故事讲给哈萨克斯坦的年轻人听", "KZ")
    assert "ip:大熊猫" in [e.id for e in result.story]
    assert "country:kz" not in [e.id for e in result.story]  # the target is not the story
    assert result.carriers[0].linked
