"""A coarse tokenizer: one token per run of one script, split where entities start and end.

spaCy's Chinese tokenizer makes one token per character and runs at about
0.26 MB/s (FACTS.md): slower than everything else Qiao does to a report. Here
a token is a run of Chinese characters, a Latin word, a number, a punctuation
mark or a stretch of whitespace, cut further at every boundary of an entity
candidate. That keeps tokens few (a Doc costs per token) while every entity
span is still a whole number of tokens, so `doc.char_span` never has to guess.
The candidates are found once, here, and handed to the `qiao_entities`
component through `doc.user_data` instead of being searched for twice.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from extractors.recognisers import get_recogniser

CANDIDATES_KEY = "qiao_candidates"
_PIECE = re.compile(r"\s+|[A-Za-z]+|\d+(?:\.\d+)?|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|.", re.S)


def segment(text: str, cuts: list[int]) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags whose concatenation is exactly `text`."""
    words: list[str] = []
    spaces: list[bool] = []
    for m in _PIECE.finditer(text):
        s, e = m.span()
        piece = m.group()
        if piece.isspace():
            if words and not spaces[-1] and piece[0] == " ":
                spaces[-1] = True
                piece = piece[1:]
            if piece:
                words.append(piece)
                spaces.append(False)
            continue
        i = bisect_right(cuts, s)
        prev = s
        while i < len(cuts) and cuts[i] < e:
            words.append(text[prev:cuts[i]])
            spaces.append(False)
            prev = cuts[i]
            i += 1
        words.append(text[prev:e])
        spaces.append(False)
    return words, spaces


class QiaoTokenizer:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.recognise = get_recogniser()

    def __call__(self, text: str) -> Doc:
        cands = self.recognise(text)
        cuts = sorted({c.start for c in cands} | {c.end for c in cands})
        words, spaces = segment(text, cuts)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[CANDIDATES_KEY] = cands
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # Nothing to save: the tokenizer is rebuilt from the shipped word lists.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "QiaoTokenizer":
        return self

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        return None

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "QiaoTokenizer":
        return self


@registry.tokenizers("qiao.Tokenizer.v1")
def create_tokenizer():
    def make(nlp) -> QiaoTokenizer:
        return QiaoTokenizer(nlp.vocab)

    return make
