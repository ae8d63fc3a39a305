"""The trigger lexicon of the relation extractor, and one scan of a document for all of its cues.

The words live in `extractors/data/relation_triggers.json` so that widening a
cue (a new verb for "signed with") is a data edit, not a code change. All cue
classes share one Aho-Corasick automaton, so a document is scanned once,
whatever the number of words; rules then look cues up by character range.
Chinese terms match as substrings (Chinese has no spaces to anchor on);
English terms match on word boundaries, case-insensitively. Within one cue
class the leftmost-longest match wins, as a regex alternation would choose.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "relation_triggers.json"
# Word lists the rules only test a given string against (never searched for in
# running text): kept out of the scan, which they would flood with one-character hits.
WORD_SETS = frozenset({"adverb", "object_marker", "pronoun", "role", "dept_suffix", "same_org_suffix",
                       "part_of_by", "reaches_before", "speech", "verb_anaphor", "home_country", "hosting_verb", "alliance_suffix"})
# ... and the English word lists the English rules build their patterns from (relations/english.py)
WORD_SETS |= frozenset({"en_agreement", "en_sign", "en_with_partner", "en_co_verb", "en_make", "en_by_verb", "en_found",
                        "en_parent_by", "en_child_noun", "en_member", "en_place_noun", "en_stream", "en_reach",
                        "en_feature", "en_promote_made", "en_audience_prep", "en_ref_center", "en_ref_association",
                        "en_ref_media", "en_ref_org", "en_ref_event", "en_ref_work", "en_ref_pair",
                        "en_ref_newspaper", "en_ref_broadcaster", "en_heads_newspaper", "en_heads_broadcaster",
                        "en_pair_noun", "en_unit_heads"})


def _lower(text: str) -> str:
    """Lower case without changing any offset (a few characters lengthen when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


@dataclass
class CueIndex:
    """Every cue match of one text, per cue class, sorted by start."""

    matches: dict[str, list[tuple[int, int]]]
    starts: dict[str, list[int]]
    all: list[tuple[int, int, str]]
    all_starts: list[int]

    def find(self, cue: str, start: int, end: int) -> list[tuple[int, int]]:
        """Matches of `cue` lying inside [start, end)."""
        ms = self.matches.get(cue, [])
        i = bisect_left(self.starts.get(cue, []), start)
        out = []
        while i < len(ms) and ms[i][0] < end:
            if ms[i][1] <= end:
                out.append(ms[i])
            i += 1
        return out

    def within(self, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
        """All matches inside [start, end), per cue class (one bisect over the merged list)."""
        out: dict[str, list[tuple[int, int]]] = {}
        i = bisect_left(self.all_starts, start)
        while i < len(self.all) and self.all[i][0] < end:
            s, e, cue = self.all[i]
            if e <= end:
                out.setdefault(cue, []).append((s, e))
            i += 1
        return out

    def first(self, cue: str, start: int, end: int) -> tuple[int, int] | None:
        found = self.find(cue, start, end)
        return found[0] if found else None


class Lexicon:
    """Cue class name → words; `scan` finds them all in a text at once."""

    def __init__(self, raw: dict[str, dict[str, list[str]]]) -> None:
        self.words: dict[str, frozenset[str]] = {}
        self._lower: dict[str, frozenset[str]] = {}
        self._maxlen: dict[str, int] = {}
        self._auto = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, bool]]] = {}
        for cue, langs in raw.items():
            if cue.startswith("_"):
                continue
            zh, en = list(langs.get("zh", [])), list(langs.get("en", []))
            self.words[cue] = frozenset(zh + en)
            self._lower[cue] = frozenset(w.lower() for w in zh + en)
            self._maxlen[cue] = max((len(w) for w in zh + en), default=0)
            if cue in WORD_SETS:
                continue
            for w in zh:
                entries.setdefault(w.lower(), []).append((cue, False))
            for w in en:
                entries.setdefault(w.lower(), []).append((cue, True))
        for key, cues in entries.items():
            self._auto.add_word(key, (len(key), tuple(cues), any(en for _, en in cues)))
        self._auto.make_automaton()

    def scan(self, text: str) -> CueIndex:
        low = _lower(text)
        per_cue: dict[str, list[tuple[int, int]]] = {}
        for end, (n, cues, any_english) in self._auto.iter(low):
            start, stop = end - n + 1, end + 1
            bounded = any_english and (start == 0 or not _word_char(low[start - 1])) \
                and (stop >= len(low) or not _word_char(low[stop]))
            for cue, english in cues:
                if not english or bounded:
                    per_cue.setdefault(cue, []).append((start, stop))
        matches, starts = {}, {}
        for cue, found in per_cue.items():
            found.sort(key=lambda m: (m[0], -m[1]))
            kept: list[tuple[int, int]] = []
            for m in found:
                if not kept or m[0] >= kept[-1][1]:
                    kept.append(m)
            matches[cue] = kept
            starts[cue] = [m[0] for m in kept]
        merged = sorted((s, e, cue) for cue, kept in matches.items() for s, e in kept)
        return CueIndex(matches, starts, merged, [m[0] for m in merged])

    def has(self, cue: str, word: str) -> bool:
        return word.lower() in self._lower[cue]

    def endswith(self, cue: str, text: str) -> str | None:
        """The longest `cue` word that `text` ends with (case-insensitively), if any."""
        low = text.lower()
        for k in range(min(self._maxlen[cue], len(low)), 0, -1):
            if low[-k:] in self._lower[cue]:
                return text[-k:]
        return None

    def startswith(self, cue: str, text: str) -> str | None:
        """The longest `cue` word that `text` starts with, if any."""
        low = text.lower()
        for k in range(min(self._maxlen[cue], len(low)), 0, -1):
            if low[:k] in self._lower[cue]:
                return text[:k]
        return None


@cache
def load_lexicon(path: str | None = None) -> Lexicon:
    return Lexicon(json.loads(Path(path or DATA_PATH).read_text(encoding="utf-8")))
