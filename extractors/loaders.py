"""Turn a file (plain text, HTML, PDF, DOCX) into the text that extraction reads.

Offsets in extraction output point into `LoadedDocument.text`, so for plain
text that field is exactly the decoded file: nothing is stripped or rewritten
here (normalisation happens later, with an offset map back to this text).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}

# Magic numbers of formats that are certainly not text we can read.
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"\x7fELF", b"MZ", b"\x1f\x8b",
    b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"ID3", b"OggS",
    b"RIFF", b"\x00\x00\x01\x00", b"SQLite format 3",
)
# Control characters that never occur in real text (tab, newlines, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Encodings a Chinese report really comes in; anything else charset-normalizer
# proposes for bytes that also decode as one of these is a weak guess.
_CHINESE_ENCODINGS = ("gb18030", "big5")


class LoadError(Exception):
    """A file that cannot become text; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # picklable, to come back from a worker process
        return LoadError, (self.path, self.reason)


@dataclass(frozen=True)
class LoadedDocument:
    text: str
    source: str
    title: str
    media_type: str


def load_path(path: str | Path) -> LoadedDocument:
    """Read a file from disk; its type comes from the suffix, then from its bytes."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise LoadError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror or exc})") from None
    return load_bytes(data, str(path))


def load_bytes(data: bytes, name: str) -> LoadedDocument:
    """Read an upload: `name` gives the source and the type by its extension;
    without a known extension the bytes decide (PDF, DOCX, HTML, else text)."""
    if not data or not data.strip():
        raise LoadError(name, "is empty")
    kind = _kind(data, Path(name).suffix.lower(), name)
    if kind == "pdf":
        return _load_pdf(data, name)
    if kind == "docx":
        return _load_docx(data, name)
    text = decode_text(data, name)
    if kind == "html":
        return _load_html(text, name)
    return LoadedDocument(text=text, source=name, title=_first_line(text), media_type="text/plain")


def _kind(data: bytes, suffix: str, name: str) -> str:
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        return "pdf"
    if suffix == ".docx" or (data.startswith(b"PK\x03\x04") and _is_docx(data)):
        return "docx"
    if suffix not in SUPPORTED_SUFFIXES and any(data.startswith(m) for m in _BINARY_MAGIC):
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise LoadError(name, f"has an unsupported file type {suffix or '(no extension)'} (supported: {supported})")
    head = data[:1024].lstrip().lower()
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:256]:
        return "html"
    return "text"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes of unknown encoding; raise `LoadError` for binary data.

    Order matters for short Chinese text, where statistical guessers are weak:
    a BOM decides; UTF-8 next (it almost never decodes by accident, so a
    handful of broken sequences in long text is damage, not another encoding);
    then charset-normalizer, but its guess only wins over GB18030/Big5 when it
    is itself one of those, when neither decodes the bytes strictly, or when
    their decoding is mostly rare hanzi (Latin-1 text read as GB18030).
    """
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        raise LoadError(name, "is binary data, not text")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), name)
            except UnicodeDecodeError:
                raise LoadError(name, f"starts with a {codec} byte order mark but does not decode") from None
    if b"\x00" in data:
        wide = from_bytes(data).best()  # UTF-16/32 without a BOM is all NULs and ASCII
        if wide is not None and wide.encoding.startswith(("utf_16", "utf_32")):
            return _checked(str(wide), name)
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    # A few broken sequences (a file cut mid-character) do not make UTF-8 text
    # another encoding; GBK or Big5 read as UTF-8 breaks at nearly every hanzi.
    if bad == 0 or (len(loose) >= 20 and bad <= 1 + len(loose) // 200):
        return _checked(loose, name)
    strict = {}
    if b"\x00" not in data:
        for codec in _CHINESE_ENCODINGS:
            try:
                strict[codec] = data.decode(codec)
            except UnicodeDecodeError:
                continue
    best = from_bytes(data).best()
    guess = best.encoding.replace("_", "") if best is not None else None
    if strict:
        if guess in strict and len(data) >= 64:
            return _checked(strict[guess], name)
        codec = max(strict, key=lambda c: (_chinese_score(strict[c]), c == "gb18030"))
        # Latin-1 bytes also decode as GB18030, into rare hanzi: then the guess wins.
        if best is None or len(data) < 64 or _chinese_score(strict[codec]) >= 0.6:
            return _checked(strict[codec], name)
    if best is None:
        if b"\x00" in data:
            raise LoadError(name, "is binary data, not text")
        raise LoadError(name, "is not decodable text in any known encoding")
    return _checked(str(best), name)


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise LoadError(name, "is empty")
    if len(_CONTROL.findall(text[:8192])) > max(2, len(text[:8192]) // 100):
        raise LoadError(name, "is binary data, not text")
    return text


_COMMON_HANZI: frozenset[str] | None = None


def _chinese_score(text: str) -> float:
    """Share of CJK characters among the ~3,755 most common hanzi (GB2312 level 1)
    or their traditional forms: text decoded with the wrong codec is full of rare ones."""
    global _COMMON_HANZI
    if _COMMON_HANZI is None:
        import opencc

        simplified = "".join(
            bytes((hi, lo)).decode("gb2312") for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF)
            if not (hi == 0xD7 and lo > 0xF9)
        )
        traditional = opencc.OpenCC("s2t").convert(simplified)
        _COMMON_HANZI = frozenset(simplified) | frozenset(traditional)
    hanzi = _CJK.findall(text)
    if not hanzi:
        return 0.0
    return sum(ch in _COMMON_HANZI for ch in hanzi) / len(hanzi)


def _load_html(text: str, name: str) -> LoadedDocument:
    import trafilatura

    # Precision first: on small pages recall mode keeps menus and footers.
    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise LoadError(name, "is an HTML page without any main text")
    return LoadedDocument(text=doc.text, source=name, title=doc.title or _first_line(doc.text),
                          media_type="text/html")


def _load_pdf(data: bytes, name: str) -> LoadedDocument:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        text = extract_text(io.BytesIO(data))
    except PDFSyntaxError as exc:
        raise LoadError(name, f"is a corrupt PDF ({exc})") from None
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise LoadError(name, f"is a PDF that cannot be read ({type(exc).__name__}: {exc})") from None
    # Form feeds (page ends) stay: the normaliser rejoins sentences across them.
    if not text.strip():
        raise LoadError(name, "is a PDF without extractable text (scanned images need OCR)")
    return LoadedDocument(text=text, source=name, title=_first_line(text), media_type="application/pdf")


def _load_docx(data: bytes, name: str) -> LoadedDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(name, f"is not a readable DOCX file ({exc})") from None
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                if cell.text not in cells:  # merged cells repeat their text
                    cells.append(cell.text)
            blocks.append("\t".join(cells))
    text = "\n".join(blocks)
    if not text.strip():
        raise LoadError(name, "is a DOCX file without text")
    title = (document.core_properties.title or "").strip() or _first_line(text)
    return LoadedDocument(
        text=text, source=name, title=title,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""
