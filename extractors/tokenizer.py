"""A coarse tokenizer: one token per stretch between separators, split where entities start and end.

spaCy's Chinese tokenizer makes one token per character and runs at about
0.26 MB/s (FACTS.md): slower than everything else Qiao does to a report. Here
a token is what lies between whitespace and sentence-ending punctuation, cut
further at every boundary of an entity candidate. That keeps tokens few (a Doc costs per token) while every entity
span is still a whole number of tokens, so `doc.char_span` never has to guess.
The candidates are found once, here, and handed to the `qiao_entities`
component through `doc.user_data` instead of being searched for twice.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from extractors.extensions import TEXT_KEY
from extractors.recognisers import get_recogniser

CANDIDATES_KEY = "qiao_candidates"
# Separators that are tokens of their own: whitespace, sentence ends, a full stop before a space.
_SEP = re.compile(r"\s+|[。！？!?；;…]+[”’」』）)】》\"']*|\.(?=\s|$)")


def segment(text: str, cuts: list[int]) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags whose concatenation is exactly `text`: cut at
    separators and at `cuts`, nowhere else (a Doc costs per token)."""
    bounds = set(cuts)
    for m in _SEP.finditer(text):
        bounds.add(m.start())
        bounds.add(m.end())
    bounds.add(0)
    bounds.add(len(text))
    edges = sorted(b for b in bounds if 0 <= b <= len(text))
    words: list[str] = []
    spaces: list[bool] = []
    for a, b in zip(edges, edges[1:]):
        word = text[a:b]
        if word[0] == " " and words and not spaces[-1] and word.isspace():
            spaces[-1] = True
            word = word[1:]
            if not word:
                continue
        words.append(word)
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
        doc.user_data[TEXT_KEY] = text
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
