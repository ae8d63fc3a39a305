"""Normalise a document for matching while keeping an exact map to the text as read.

Three steps, chosen so that only one of them changes lengths:

1. Rejoin lines that a newspaper or PDF layout hard-wrapped mid-sentence
   ("国际传\\n播" → "国际传播", "Tatiana\\nPrateres" → "Tatiana Prateres"). A line
   break is kept when it is a paragraph break (blank line), when the line before
   it ends a sentence, when the next line starts a list item or is indented, and
   inside blocks that have no punctuation at all (stacked headlines). A short
   unpunctuated line above a long one-line paragraph is a heading and keeps
   its break too. A sentence running over a PDF page break (form feed) is
   rejoined the same way unless a page number sits at the break. Zero-width
   characters are dropped. These deletions are the
   only length changes; they are recorded and `to_original` undoes them.
2. Fold full-width letters, digits and the symbols that occur inside names and
   numbers (ＡＢＣ１２３ → ABC123, ４３．４％ → 43.4%, ＆ ＋ － ／ ＠ …) and
   full-width/no-break spaces to ASCII, one character for one. Chinese sentence
   punctuation (，。、：；！？（）「」《》“”) is kept as written: it is the normal
   punctuation of Chinese text, downstream rules (works in 《》, aliases in
   （以下简称…）) are written against it, and folding only some reports'
   punctuation would give those rules two forms to match instead of one.
3. Traditional → Simplified with OpenCC `t2s` (phrase-aware), accepted only
   where it keeps the length; elsewhere a character-by-character table is used,
   so positions stay aligned.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

# Full-width forms folded to ASCII: letters, digits and the symbols used inside
# names, handles and figures. Sentence punctuation stays (see module docstring).
_FOLD_SYMBOLS = "#$%&*+-./<=>@\\^_`|~"
_FOLD = {0xFF00 + ord(c) - 0x20: c for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + _FOLD_SYMBOLS}
_FOLD[0x3000] = " "
_FOLD[0x00A0] = " "
_FOLD_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]+")

# A single line break (optionally with trailing spaces / \r) between two
# non-space characters: the candidates for a hard-wrap rejoin.
_BREAK_RE = re.compile(r"(?<=\S)[ \t\u3000\u00a0]*\r?\n(?=[^\s])")
_PAGE_BREAK_RE = re.compile(r"(?<=\S)[ \t\u3000]*\n*\x0c[ \t\n]*(?=\S)")
_PAGE_NUMBER_RE = re.compile(r"[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页|/\s*\d{1,4})?[-—–\s]*|[Pp]age\s*\d{1,4}")
_BLANK_RE = re.compile(r"\n[ \t\r\u3000\u00a0]*\n")
_SENTENCE_END = frozenset("。！？!?…；;:：")
_CLOSERS = frozenset("”’\"'」』）)】》")
# Any punctuation that running prose has and a stacked headline usually lacks.
_PUNCT_RE = re.compile(r"[，。、；：！？,.;:!?“”（）]")
# Starts of list items, headings and bylines: the line before them is complete.
_ITEM_RE = re.compile(
    r"[•·●○■□◆◇▲△★☆▶►\-\*—【#]|\d{1,2}[.、)）]\s*\D|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}[、.]|第[一二三四五六七八九十\d]{1,3}[章节部分条]|[①-⑳]"
)
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_META_RE = re.compile(r"(?:来源|责任编辑|编辑|作者|记者|通讯员|发布时间|时间)[:：]|\d{4}-\d{1,2}-\d{1,2}\s")


@dataclass(frozen=True)
class NormalisedText:
    """`text` is what matchers read; `to_original` maps its offsets back to `original`."""

    original: str
    text: str
    # Deleted original ranges, as the normalised index where each gap sits and the
    # total number of original characters deleted up to and including it.
    _gaps: tuple[int, ...] = field(default=(), repr=False)
    _deleted: tuple[int, ...] = field(default=(), repr=False)

    def to_original(self, i: int) -> int:
        """Original index of the character at normalised index `i` (len(text) → len(original))."""
        k = bisect_right(self._gaps, i)
        return i + (self._deleted[k - 1] if k else 0)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span whose text, less the deleted layout characters, is `text[start:end]`.
        Deleted characters at the edges stay out; those inside stay in."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


def normalise(original: str) -> NormalisedText:
    deletions = _deletions(original)
    if deletions:
        pieces: list[str] = []
        gaps: list[int] = []
        deleted: list[int] = []
        pos = total = 0
        for start, end, replacement in deletions:
            pieces.append(original[pos:start])
            pieces.append(replacement)
            total += end - start - len(replacement)
            gaps.append(end - total)
            deleted.append(total)
            pos = end
        pieces.append(original[pos:])
        text = "".join(pieces)
    else:
        text, gaps, deleted = original, [], []
    if _FOLD_RE.search(text):
        text = text.translate(_FOLD)
    text = _to_simplified(text)
    return NormalisedText(original=original, text=text, _gaps=tuple(gaps), _deleted=tuple(deleted))


def _deletions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits in order; the replacement is "" or one space
    that takes the place of the first character of the range."""
    edits = [(m.start(), m.end(), "") for m in _ZERO_WIDTH_RE.finditer(text)]
    if "\n" in text:
        # Disjoint by construction: a rejoin range holds only whitespace.
        edits.extend(_rejoins(text))
        edits.sort()
    return edits


def _rejoins(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    block_start = 0
    for sep in [*_BLANK_RE.finditer(text), None]:
        block_end = sep.start() if sep else len(text)
        if "\n" in text[block_start:block_end] and _PUNCT_RE.search(text, block_start, block_end):
            edits.extend(_rejoins_in_block(text, block_start, block_end))
        block_start = sep.end() if sep else len(text)
    if "\x0c" in text:
        edits.extend(_page_rejoins(text))
    return edits


def _rejoins_in_block(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    edits = []
    for m in _BREAK_RE.finditer(text, start, end):
        line_start = max(start, text.rfind("\n", start, m.start()) + 1)
        next_end = text.find("\n", m.end(), end)
        if next_end < 0:
            next_end = end
        joiner = _joiner(text[line_start:m.start()].strip(), text[m.end():next_end])
        if joiner is not None:
            edits.append((m.start(), m.end(), joiner))
    return edits


def _page_rejoins(text: str) -> list[tuple[int, int, str]]:
    """A sentence running over a PDF page break (form feed) is one sentence, unless
    a page number or a heading sits at the break."""
    edits = []
    for m in _PAGE_BREAK_RE.finditer(text):
        prev_line = text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()
        next_end = text.find("\n", m.end())
        next_line = text[m.end():next_end if next_end >= 0 else len(text)]
        if _PAGE_NUMBER_RE.fullmatch(prev_line) or _PAGE_NUMBER_RE.fullmatch(next_line.strip()):
            continue
        if not _PUNCT_RE.search(prev_line) and len(prev_line) < 15:
            continue  # a short heading or running title
        joiner = _joiner(prev_line, next_line)
        if joiner is not None:
            edits.append((m.start(), m.end(), joiner))
    return edits


def _joiner(prev_line: str, next_line: str) -> str | None:
    """What replaces the break between two lines: "" (CJK), " " (spaced scripts),
    or None when the break is real."""
    if not prev_line or not next_line or _PAGE_NUMBER_RE.fullmatch(prev_line):
        return None
    last, first = prev_line[-1], next_line[0]
    if last in _SENTENCE_END or (last in _CLOSERS and len(prev_line) > 1 and prev_line[-2] in _SENTENCE_END):
        return None
    if last == "." and not first.islower():
        return None  # an English sentence ends the line
    if _ITEM_RE.match(next_line):
        return None
    if not _PUNCT_RE.search(prev_line) and _is_heading(prev_line, next_line.rstrip()):
        return None
    if _META_RE.search(prev_line):
        return None  # "来源：福州新闻网　责任编辑：林可欣": a metadata line, never a wrapped sentence
    if _ITEM_RE.match(prev_line) and len(prev_line) <= 30 and len(next_line.rstrip()) >= len(prev_line) + 8:
        return None  # "（一）X：Y" above a longer line, even in a narrow column: a numbered heading
    if _spaced(last) and _spaced(first) and not (last.isdigit() and first.isdigit()):
        return " "
    return ""


def _is_heading(line: str, next_line: str) -> bool:
    """A short unpunctuated line above a paragraph kept on one long line: wrapped
    columns are narrow, so a long next line means the layout did not wrap here."""
    return len(line) <= 25 and len(next_line) >= max(40, 2 * len(line))


def _spaced(ch: str) -> bool:
    """A character of a script that separates words with spaces (Latin letters,
    digits, ASCII punctuation): a break between two of them becomes a space."""
    return ch.isascii() or bool(_LATIN_RE.match(ch))


def _to_simplified(text: str) -> str:
    converter = _converter()
    simplified = converter.convert(text)
    if len(simplified) == len(text):
        return simplified
    # Rare phrase conversions change length: convert line by line, and where a
    # line still changes length fall back to single characters.
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = converter.convert(line)
        out.append(converted if len(converted) == len(line) else line.translate(_char_table()))
    return "\n".join(out)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    converter = _converter()
    table = {}
    for cp in range(0x3400, 0xA000):
        ch = chr(cp)
        out = converter.convert(ch)
        if out != ch and len(out) == 1:
            table[cp] = out
    return table
