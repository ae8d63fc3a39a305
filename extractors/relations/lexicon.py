"""The trigger lexicon of the relation extractor, compiled to one regex per cue class.

The words live in `extractors/data/relation_triggers.json` so that widening a
cue (a new verb for "signed with") is a data edit, not a code change. Chinese
terms match as substrings (Chinese has no spaces to anchor on); English terms
match on word boundaries, case-insensitively.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "relation_triggers.json"


def _alternation(zh: list[str], en: list[str]) -> re.Pattern[str]:
    parts = [re.escape(t) for t in sorted(set(zh), key=len, reverse=True)]
    parts += [r"\b" + re.escape(t).replace(r"\ ", r"\s+") + r"\b" for t in sorted(set(en), key=len, reverse=True)]
    return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Cue class name → compiled pattern, plus the raw word sets some rules test membership in."""

    patterns: dict[str, re.Pattern[str]]
    words: dict[str, frozenset[str]]

    def find(self, cue: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Character ranges of every `cue` match inside text[start:end]."""
        return [m.span() for m in self.patterns[cue].finditer(text, start, len(text) if end is None else end)]

    def search(self, cue: str, text: str) -> re.Match[str] | None:
        return self.patterns[cue].search(text)

    def fullmatch(self, cue: str, text: str) -> bool:
        return self.patterns[cue].fullmatch(text) is not None

    def endswith(self, cue: str, text: str) -> str | None:
        """The longest `cue` word that `text` ends with, if any."""
        best = None
        for w in self.words[cue]:
            if text.lower().endswith(w.lower()) and (best is None or len(w) > len(best)):
                best = w
        return best


@cache
def load_lexicon(path: str | None = None) -> Lexicon:
    raw = json.loads(Path(path or DATA_PATH).read_text(encoding="utf-8"))
    patterns, words = {}, {}
    for cue, langs in raw.items():
        if cue.startswith("_"):
            continue
        zh, en = list(langs.get("zh", [])), list(langs.get("en", []))
        patterns[cue] = _alternation(zh, en)
        words[cue] = frozenset(zh + en)
    return Lexicon(patterns, words)
