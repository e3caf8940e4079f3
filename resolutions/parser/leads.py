"""The vocabulary of lead phrases ('Recalling also', 'Urges', 'Bearing in mind') and matching against it.

The list in data/leads.txt comes from the UN's own material: the italic leads
and ``<container name>`` attributes of the UN's AKN4UN XML and the phrase lists
derived from UN Terminology Bulletin No. 313.  Adverbial variants ('Also
decides', 'Further recalling', 'Recalling also') are recognised by rule.

Where a lead ends when the source has no italics is a matter of the body's
house style (data/lead_styles.txt): the General Assembly italicizes the verb
with its object of attitude and its manner ('Reiterates its request', 'Notes
with concern'), the Security Council the verb alone ('Expressing concern' is
printed *Expressing* concern).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from resolutions.un.bodies import GENERAL_ASSEMBLY

DATA = Path(__file__).resolve().parent / "data" / "leads.txt"
STYLES = Path(__file__).resolve().parent / "data" / "lead_styles.txt"
ADVERBS = ("Also", "Further", "Once again", "Again", "Strongly", "Firmly", "Fully", "Deeply", "Further also",
           "Moreover", "Finally", "Lastly", "Similarly", "Likewise", "Hereby", "Urgently", "Emphatically", "Solemnly",
           "Earnestly", "Vigorously", "Resolutely", "Categorically", "Unreservedly", "Formally", "Warmly",
           "Respectfully", "Unequivocally", "Reluctantly", "Therefore", "Accordingly")
TRAILING_ADVERBS = ("also", "further", "once again", "again", "with appreciation", "with satisfaction",
                    "with concern", "with deep concern", "with grave concern", "with interest", "in particular",
                    "furthermore", "moreover")
MAX_LEAD_WORDS = 7
DEFAULT_STYLE = GENERAL_ASSEMBLY


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    phrases = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            # 'Taking note of' and 'Takes note of' are written 'Taking note', 'Takes note' in the UN's markup.
            phrases.add(re.sub(r" (?:of|that|to|the)$", "", line))
    return frozenset(phrases)


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    return frozenset(p.split()[0] for p in vocabulary())


@lru_cache(maxsize=1)
def _style_data() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Read data/lead_styles.txt: {style: extensions it italicizes}, {word list name: words}."""
    styles: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    style = None
    word_list = None
    for raw in STYLES.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            word_list = None
            continue
        if word_list is not None and raw[:1].isspace():
            words[word_list].update(line.split())
            continue
        header = re.fullmatch(r"\[(.+)\]", line.strip())
        if header:
            style, word_list = header.group(1), None
            styles[style] = set()
            continue
        listed = re.fullmatch(r"words ([a-z-]+):(.*)", line.strip())
        if listed:
            word_list = listed.group(1)
            words.setdefault(word_list, set()).update(listed.group(2).split())
            continue
        setting = re.fullmatch(r"([a-z-]+):\s*(yes|no)", line.strip())
        if setting and style is not None:
            if setting.group(2) == "yes":
                styles[style].add(setting.group(1))
            continue
        raise ValueError(f"{STYLES.name}: cannot read line {raw!r}")
    return ({k: frozenset(v) for k, v in styles.items()}, {k: frozenset(v) for k, v in words.items()})


def style_for(body: str | None) -> frozenset[str]:
    """The extensions of a lead the body's house style italicizes (the GA's for any body not listed)."""
    styles, _ = _style_data()
    return styles.get(body or DEFAULT_STYLE, styles[DEFAULT_STYLE])


def _words(name: str) -> frozenset[str]:
    return _style_data()[1][name]


def _is_lead(phrase: str) -> bool:
    vocab = vocabulary()
    if phrase in vocab:
        return True
    for adverb in ADVERBS:
        if phrase.startswith(adverb + " "):
            rest = phrase[len(adverb) + 1:]
            if rest and (rest[0].upper() + rest[1:]) in vocab:
                return True
    for adverb in TRAILING_ADVERBS:
        if phrase.endswith(" " + adverb) and _is_lead(phrase[: -len(adverb) - 1]):
            return True
    return False


def _extension(words: list[str], index: int) -> tuple[str, int] | None:
    """The kind and length in words of the extension that starts at words[index] of a lead, if any
    ('its deep concern' -> ('its-object', 3))."""
    word = words[index]
    after = words[index + 1:]
    adjectives, nouns = _words("attitude-adjectives"), _words("attitude-nouns")

    def object_length(start: int) -> int:  # adjectives, then a noun of attitude: 'deep concern' -> 2
        end = start
        while end < len(words) and words[end] in adjectives and words[end] not in nouns:
            end += 1
        return end - start + 1 if end < len(words) and words[end] in nouns else 0

    if word == "the":
        return "the-object", len(words) - index
    if word == "its":
        return "its-object", 1 + (object_length(index + 1) or len(after))
    if word == "by":
        return "by-particle", 1
    if word == "once" and after[:1] in (["again"], ["more"]):
        return "once-again", 2
    if word == "in" and after[:2] == ["the", "strongest"]:
        return "strongest-terms", 5 if after[2:3] == ["possible"] else 4
    if word == "in" and after[:1] == ["particular"]:
        return "in-particular", 2
    if word == "with":
        length = object_length(index + 1)
        noun = words[index + length] if length else ""
        kind = "with-appreciation" if noun in _words("with-appreciation") else "with-concern"
        return kind, 1 + (length or len(after))
    if word == "further" and after and after[0][:1].islower() and after[0] not in _words("function-words"):
        return "further-adjective", len(words) - index   # 'Encourages further negotiations': qualifies the object
    if index and words[index - 1].lower() in _words("express-verbs"):
        length = object_length(index)
        if length:   # 'Expresses concern' (operative), 'Expressing concern' (preambular): the SC differs
            return ("participle-object" if words[index - 1].endswith("ing") else "bare-object"), length
    return None


def _fit_style(words: list[str], n: int, allowed: frozenset[str]) -> int:
    """Read: the words of a paragraph's start and the length of its vocabulary lead.  Write: the length the
    style keeps: cut at the first extension the style does not italicize, and extended by 'its' + a noun of
    attitude ('Reaffirms its condemnation') and 'in the strongest possible terms' where the vocabulary stops
    at the verb."""
    index = 1
    while index < n:
        found = _extension(words, index)
        if found is None:
            index += 1
            continue
        kind, length = found
        if kind not in allowed:
            return index
        index += length
    last = words[n - 1].lower()
    if n == 1 or last not in {a.split()[-1] for a in TRAILING_ADVERBS}:
        if "its-object" in allowed and words[n:n + 1] == ["its"]:
            if len(words) > n + 1 and words[n + 1] in _words("attitude-nouns"):
                n += 2   # 'its' and a noun; with adjectives only where the vocabulary has the phrase
                if words[n - 1] in ("call", "calls") and words[n:n + 1] in (["for"], ["upon"], ["on"]):
                    n += 1
        if "strongest-terms" in allowed and words[n:n + 3] == ["in", "the", "strongest"]:
            n += _extension(words, n)[1]
    if "coordinated-verb" in allowed and words[n:n + 1] == ["and"] and len(words) > n + 1 \
            and words[n + 1][:1].islower() and _same_form(words[n - 1], words[n + 1]):
        second = words[n + 1:]
        second = [second[0][:1].upper() + second[0][1:]] + second[1:]
        for m in range(min(len(second), MAX_LEAD_WORDS), 0, -1):
            if _is_lead(" ".join(second[:m])):   # 'Welcomes and expresses strong support', 'Stresses and re-emphasizes'
                n += 1 + _fit_style(second, m, allowed)
                break
    return min(n, len(words))


def _same_form(first: str, second: str) -> bool:
    """Two verbs in the same form: 'Welcomes and urges', 'Welcoming and encouraging'."""
    return first.endswith("ing") == second.endswith("ing") and first.endswith("s") == second.endswith("s")


def match_lead(text: str, body: str | None = None) -> str | None:
    """The lead phrase at the start of ``text`` as the body's style prints it in italics, or None.

    The longest known phrase is found first (words compared up to the first punctuation: 'Recalling also
    its resolution' gives 'Recalling also', 'Urges Member States' gives 'Urges'), then cut or extended to
    the body's style: 'Expressing grave concern' is the whole lead in a GA text, 'Expressing' in an SC one.
    """
    head = re.match(r"[A-Za-z][A-Za-z' -]{0,160}", text)
    if not head:
        return None
    words = head.group(0).split()
    if not words:
        return None
    first = words[0]
    if first not in first_words() and first not in {a.split()[0] for a in ADVERBS}:
        return None
    for n in range(min(len(words), MAX_LEAD_WORDS), 0, -1):
        if _is_lead(" ".join(words[:n])):
            return " ".join(words[:_fit_style(words, n, style_for(body))])
    return None


def starts_with_lead(text: str) -> bool:
    return match_lead(text) is not None


OTHER_LANGUAGES = Path(__file__).resolve().parent / "data" / "leads_other_languages.txt"
UNSPACED_SCRIPT = re.compile(r"[\u4e00-\u9fff]")   # Chinese: a lead runs into the next word without a space


@lru_cache(maxsize=1)
def other_language_leads() -> tuple[str, ...]:
    """The lead phrases of the French, Spanish, Russian, Arabic and Chinese texts (data/leads_other_languages.txt,
    from the UN's markup), longest first so 'Rappelant également' is found before 'Rappelant'."""
    phrases = set()
    for line in OTHER_LANGUAGES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            # apostrophes as the text stages write them ('l’attention' -> "l'attention")
            phrases.add(line.split("\t", 1)[1].strip().replace("\u2019", "'"))
    return tuple(sorted(phrases, key=len, reverse=True))


def match_other_language_lead(text: str) -> str | None:
    """The lead a French, Spanish, Russian, Arabic or Chinese paragraph opens with ('Rappelant également',
    'ссылаясь', 'وإذ تشير', '回顾'), or None.  A phrase must end at a word boundary, except in Chinese."""
    text = text.lstrip().replace("\u2019", "'")
    if not text or (text[0].isascii() and not text[0].isupper()):
        return None   # an English continuation line ('the Council ...') is never a foreign lead
    for phrase in other_language_leads():
        if text.startswith(phrase):
            rest = text[len(phrase):len(phrase) + 1]
            if not rest or not rest.isalnum() or UNSPACED_SCRIPT.match(phrase[-1]):
                return phrase
    return None
