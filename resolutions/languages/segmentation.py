"""Chinese text cut into words, for PostgreSQL, which has no Chinese parser (its ``simple`` configuration then
indexes the words as given).

rjieba (jieba-rs, the Rust port of jieba, with jieba's dictionary built in) segments.  The index is cut for search
(``cut_for_search``: each long word and the dictionary words inside it, so 安全理事会 is found by 安全 and by 理事会);
a query is cut precisely (``cut``), so the query's words are the longest ones the dictionary knows, each of which
the index holds.  Other languages pass through unchanged: their configuration's parser finds the words.
"""
from __future__ import annotations

import re

import rjieba

# Punctuation and spaces between the words are dropped: PostgreSQL would drop them too, and websearch syntax
# must not see a stray quote or minus sign cut out of the text.
_WORD = re.compile(r"\w", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def needs_segmentation(language: str | None) -> bool:
    return language == "zh"


def index_text(text: str, language: str | None) -> str:
    """The text as the index should read it: words separated by spaces for Chinese, else as it is."""
    if not needs_segmentation(language) or not _HAN.search(text or ""):
        return text or ""
    return " ".join(word for word in rjieba.cut_for_search(text) if _WORD.search(word))


def query_text(text: str, language: str | None) -> str:
    """A typed query as the index reads it: Chinese runs cut into words; quotes, OR and -word kept (websearch)."""
    if not needs_segmentation(language) or not _HAN.search(text or ""):
        return text or ""
    # Only the runs of Chinese are cut: a quoted phrase stays a phrase, 'OR' and '-' keep their meaning.
    return re.sub(r"[\u3400-\u9fff\uf900-\ufaff]+",
                  lambda m: " ".join(w for w in rjieba.cut(m.group(0)) if _WORD.search(w)), text)


def comparable_text(text: str, language: str | None) -> str:
    """The text as word-level comparison reads it (similarity, MinHash bands): Chinese cut into words precisely,
    other languages as they are (their words are separated already)."""
    return query_text(text, language)


def mark_words(text: str, query: str, language: str | None, start: str, end: str) -> str:
    """``text`` with the query's Chinese words between ``start`` and ``end``: PostgreSQL's ``ts_headline`` cannot
    see words in Chinese (it has no parser for it), so a Chinese snippet is marked here; other languages unchanged."""
    if not needs_segmentation(language) or not text or start in text:
        return text
    words = sorted({w for w in rjieba.cut(query) if _HAN.search(w)}, key=len, reverse=True)
    if not words:
        return text
    return re.sub("|".join(re.escape(w) for w in words), lambda m: f"{start}{m.group(0)}{end}", text)
