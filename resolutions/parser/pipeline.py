"""Format detection and the per-format pipelines (placeholder until the parser issue lands)."""
from __future__ import annotations

from .document import ParsedDocument, ParseError


def detect_format(data: bytes, filename: str = "") -> str:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return "html"
    if filename.lower().endswith(".md"):
        return "markdown"
    return "text"


def parse(data: bytes, filename: str = "") -> ParsedDocument:
    if not data.strip():
        raise ParseError("The file is empty.")
    fmt = detect_format(data, filename)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"Not UTF-8 text: {exc}") from exc
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return ParsedDocument(format=fmt, title=lines[0] if lines else None)
