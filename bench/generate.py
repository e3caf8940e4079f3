"""The scale corpus: N draft resolutions recombined from real UN paragraphs, deterministic for a seed.

Where the text comes from (read, never copied into the project):
* the seeds (``samples/*.txt``) and the railcar Markdown of GA session 80, read with the project's own parser;
* the UN's AKN4UN XML (``unxml-*``): ``<preamble>`` containers and ``<mainBody>`` paragraphs, footnotes removed;
* titles, committees and agenda items from the GA ``data_extract`` JSON; sponsors from the member-state table.

How it is varied, so that term frequencies and repetition look like the real record:
* documents come in **series**: one title followed across sessions (draft, revised draft, adopted text),
  most paragraphs kept from one document to the next and a few changed, dropped or added;
* a changed paragraph is a **near-duplicate**: a word swapped from the corpus vocabulary (drawn uniformly over
  word types, which gives the long tail of rare words), a number or year changed, "also"/"further" inserted;
* sessions, dates, sponsors (from the member states), agenda items and symbols differ per document.

Every document is rendered in one of the seeds' layouts (plain text like samples/002, Markdown like
samples/000) and :class:`GeneratedDocument` says how many paragraphs were written, so a test can check that
the real parser reads them all.  Files are written lazily in shards of 1,000 under
``bench/corpus/<N>-<seed>/`` and reused when the manifest is present.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from resolutions.un.bodies import MAIN_COMMITTEE_SERIES as COMMITTEES
from resolutions.un.member_states import STATES_FILE

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus" / "real"
SAMPLES_DIR = ROOT / "samples"
OUT_DIR = Path(__file__).resolve().parent / "corpus"
GENERATOR_VERSION = 3
SHARD_SIZE = 1000
LEAD_ROOM = 60       # characters at the start of a paragraph left alone by the variations (the lead phrase)

ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth"]
TENS_ORD = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth", 70: "seventieth",
            80: "eightieth", 90: "ninetieth"}
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
        90: "ninety"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FALLBACK_STATES = ["Belarus", "Russian Federation", "Uzbekistan", "Philippines", "Mexico", "Nigeria", "Sweden",
                   "Peru", "Qatar", "Benin", "Cuba", "Angola", "Thailand", "Senegal", "Indonesia"]


def ordinal(n: int) -> str:
    """'Sixty-third' for 63 (sessions 1 to 99)."""
    if n < 20:
        word = ORDINALS[n]
    elif n % 10 == 0:
        word = TENS_ORD[n]
    else:
        word = f"{TENS[n - n % 10]}-{ORDINALS[n % 10]}"
    return word[0].upper() + word[1:]


# ---------------------------------------------------------------------------
# The pool of real text


@dataclass(frozen=True)
class Pool:
    preambular: tuple[str, ...]
    operative: tuple[str, ...]
    footnotes: tuple[str, ...]
    topics: tuple[tuple[str, str, str, str], ...]   # (title, committee, agenda number, agenda name)
    states: tuple[str, ...]
    vocabulary: tuple[str, ...]


def _clean(text: str) -> str:
    return " ".join(text.split())


def _usable(text: str) -> bool:
    """A paragraph the generator can write on one line and the parser will read back as one paragraph."""
    return (40 <= len(text) <= 1500 and not re.search(r"\(\s*[a-z]\s*\)|\b[ivx]+\)|\s\d+\.\s|\u00a0|\*|#|<|>|_", text)
            and text[-1] in ",;.:" and not text.endswith(":") and text[0].isupper())


def _xml_paragraphs(path: Path):
    from lxml import etree

    try:
        tree = etree.parse(str(path))
    except etree.XMLSyntaxError:
        return [], []
    notes = {el.tag for el in tree.iter() if isinstance(el.tag, str) and el.tag.endswith("authorialNote")}
    if notes:
        etree.strip_elements(tree, *notes, with_tail=False)  # footnote texts out, the text after them kept
    pre = [_clean("".join(el.itertext())) for el in tree.xpath('//*[local-name()="preamble"]/*[local-name()="container"]')]
    ops = []
    for el in tree.xpath('//*[local-name()="mainBody"]//*[local-name()="paragraph"]/*[local-name()="content"]'):
        ops.append(_clean("".join(el.itertext())))
    return pre, ops


@lru_cache(maxsize=1)
def load_pool() -> Pool:
    """Read the real paragraphs once per process (about two seconds)."""
    from resolutions.parser import parse

    pre, ops, notes = [], [], []
    parsed_inputs = sorted(SAMPLES_DIR.glob("*.txt")) + sorted((CORPUS_DIR / "railcar-ga80-text").rglob("*.md"))
    for path in parsed_inputs:
        try:
            doc = parse(path.read_bytes(), path.name)
        except Exception:  # a file the parser refuses gives no paragraphs; the pool is large enough without it
            continue
        for p in doc.paragraphs:
            if not p.subparagraphs:
                (pre if p.kind == "preambular" else ops).append(_clean(p.text))
        notes.extend(_clean(f.text) for f in doc.footnotes)
    for path in sorted(CORPUS_DIR.glob("unxml-*/**/*.xml")):
        if set(path.parts) & {"French", "Spanish", "Arabic", "Chinese", "Russian", "German"}:
            continue
        p_, o_ = _xml_paragraphs(path)
        pre.extend(p_)
        ops.extend(o_)
    from resolutions.parser.leads import match_lead

    # Only paragraphs opening with a lead phrase of the UN's list (the parser's vocabulary): a paragraph with an
    # unlisted opening would be read as the continuation of the one before, as it is in the real record.
    pre = sorted({t for t in pre if _usable(t) and match_lead(t) and not t.endswith(";") and not t.endswith(".")})
    ops = sorted({t for t in ops if _usable(t) and not t.endswith(",") and match_lead(t)})
    notes = sorted({t for t in notes if 5 <= len(t) <= 300 and not re.search(r"[<>*_#]", t)})
    topics = set()
    for path in sorted((CORPUS_DIR / "unxml-ga-resolutions" / "data_extract").glob("*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            title, committee = _clean(row.get("title") or ""), row.get("committee") or ""
            number = re.sub(r"(?i)^agenda items?\s*", "", row.get("agenda_item") or "").strip()
            name = _clean(row.get("agenda_item_name") or "")
            if (committee in COMMITTEES and 10 < len(title) < 200 and re.fullmatch(r"\d{1,3}", number) and name
                    and not re.search(r"[<>*_#:]", title + name)):
                topics.add((title, committee, number, name))
    states_file = STATES_FILE
    states = FALLBACK_STATES
    if states_file.exists():
        states = [s["name"] for s in json.loads(states_file.read_text(encoding="utf-8"))["states"]
                  if s.get("kind") == "member" and "," not in s["name"] and ":" not in s["name"]]
    words = set()
    for text in pre + ops:
        words.update(w for w in re.findall(r"\b[a-z]{7,}\b", text))
    return Pool(tuple(pre), tuple(ops), tuple(notes), tuple(sorted(topics)), tuple(sorted(states)),
                tuple(sorted(words)))


# ---------------------------------------------------------------------------
# Series and documents


@dataclass
class GeneratedDocument:
    index: int
    name: str
    data: bytes
    symbol: str
    series: int
    paragraphs: int          # preambular + operative paragraphs written
    operative: int
    footnotes: int


def family_layout(count: int, seed: int) -> list[tuple[int, int]]:
    """(series number, position in the series) of each document: series of 1 to 12 documents."""
    rng = random.Random(f"layout:{seed}")
    out: list[tuple[int, int]] = []
    family = 0
    while len(out) < count:
        size = rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 10, 12])
        out.extend((family, k) for k in range(size))
        family += 1
    return out[:count]


def _swap_word(text: str, rng: random.Random, pool: Pool) -> str:
    spots = [m for m in re.finditer(r"\b[a-z]{7,}\b", text) if m.start() > LEAD_ROOM]
    if not spots:
        return text
    m = rng.choice(spots)
    return text[:m.start()] + rng.choice(pool.vocabulary) + text[m.end():]


def _change_number(text: str, rng: random.Random) -> str:
    spots = list(re.finditer(r"\b(19|20)\d\d\b|\b\d{2}/\d{1,3}\b", text))
    if not spots:
        return text
    m = rng.choice(spots)
    value = m.group(0)
    if "/" in value:
        a, b = value.split("/")
        new = f"{int(a) + rng.randint(1, 3)}/{rng.randint(1, 250)}"
    else:
        new = str(min(2026, int(value) + rng.randint(1, 4)))
    return text[:m.start()] + new + text[m.end():]


def near_duplicate(text: str, rng: random.Random, pool: Pool) -> str:
    """A drafting variant of a paragraph: a swapped word, a changed number, an inserted adverb."""
    choice = rng.random()
    if choice < 0.5:
        text = _swap_word(text, rng, pool)
    elif choice < 0.75:
        text = _change_number(text, rng)
        if rng.random() < 0.5:
            text = _swap_word(text, rng, pool)
    else:
        words = text.split(" ")
        at = rng.randint(min(8, len(words) - 1), max(8, len(words) - 1))
        words.insert(at, rng.choice(["also", "further", "in particular", "inter alia", "fully", "strongly"]))
        text = " ".join(words)
    return text


def _series_base(family: int, seed: int, pool: Pool) -> dict:
    rng = random.Random(f"series:{seed}:{family}")
    topic = rng.choice(pool.topics) if pool.topics else ("Improving the coordination of efforts against "
                                                         "trafficking in persons", "Third Committee", "98",
                                                         "Crime prevention and criminal justice")
    return {
        "topic": topic,
        "session": rng.randint(48, 80),
        "pre": [rng.choice(pool.preambular) for _ in range(rng.randint(5, 19))],
        "ops": [rng.choice(pool.operative) for _ in range(rng.randint(9, 27))],
        "sponsors": rng.sample(pool.states, min(len(pool.states), rng.randint(2, 30))),
        "number": rng.randint(1, 80),
    }


def _vary(paragraphs: list[str], rng: random.Random, pool: Pool, source: tuple[str, ...], steps: int) -> list[str]:
    """Each later document of a series keeps most paragraphs; a few change, go or come."""
    out = list(paragraphs)
    for _ in range(steps):
        nxt = []
        for text in out:
            r = rng.random()
            if r < 0.86:
                nxt.append(text)
            elif r < 0.95:
                nxt.append(near_duplicate(text, rng, pool))
            elif r < 0.98:
                nxt.append(rng.choice(source))
            # else: dropped
        if rng.random() < 0.4:
            nxt.insert(rng.randint(0, len(nxt)), rng.choice(source))
        out = nxt or [rng.choice(source)]
    return out


def _date(session: int, rng: random.Random) -> tuple[int, str]:
    year = 1945 + session
    month = rng.randint(9, 12)
    return year, f"{rng.randint(1, 28)} {MONTHS[month - 1]} {year}"


def _sponsor_line(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def generate_document(index: int, seed: int, layout: list[tuple[int, int]] | None = None,
                      count: int | None = None) -> GeneratedDocument:
    """Document ``index`` of the corpus for ``seed`` (the same bytes every time)."""
    pool = load_pool()
    if layout is None:
        layout = family_layout(max(index + 1, count or 0), seed)
    family, position = layout[index]
    base = _series_base(family, seed, pool)
    rng = random.Random(f"doc:{seed}:{index}")
    title, committee, agenda_number, agenda_name = base["topic"]
    # A series: one draft and its revision per session, then the next session.
    session = min(99, base["session"] + position // 2)
    revised = position % 2 == 1
    pre = _vary(base["pre"], random.Random(f"pre:{seed}:{family}:{position}"), pool, pool.preambular, position)
    ops = _vary(base["ops"], random.Random(f"ops:{seed}:{family}:{position}"), pool, pool.operative, position)
    for i, text in enumerate(pre):
        if rng.random() < 0.05:
            pre[i] = near_duplicate(text, rng, pool)
    sponsors = [s for s in base["sponsors"] if rng.random() < 0.9] or base["sponsors"][:1]
    if rng.random() < 0.5:
        sponsors.append(rng.choice(pool.states))
    sponsors = list(dict.fromkeys(sponsors))
    year, date = _date(session, rng)
    # Symbols must be unique across the corpus: the family number makes them so.
    symbol = f"{COMMITTEES[committee]}/{session}/L.{family + 1}" + ("/Rev.1" if revised else "")
    kind = "revised draft resolution" if revised else "draft resolution"
    agenda = str(int(agenda_number) + rng.choice([0, 0, 0, 1, -1]) if int(agenda_number) > 1 else agenda_number)
    notes = [rng.choice(pool.footnotes) for _ in range(rng.randint(0, 4))] if pool.footnotes else []
    # Footnote markers go on the first preambular paragraphs (one each), as in the seeds.
    notes = notes[:sum(1 for text in pre if ", " in text[:-1])]
    markdown = rng.random() < 0.3
    lines = _render_markdown if markdown else _render_text
    text = lines(symbol=symbol, date=date, session=session, committee=committee, agenda=agenda,
                 agenda_name=agenda_name, sponsors=sponsors, kind=kind, title=title, pre=pre, ops=ops, notes=notes)
    name = f"{index:06d}_{symbol.replace('/', '_').replace('.', '')}.{'md' if markdown else 'txt'}"
    return GeneratedDocument(index, name, text.encode("utf-8"), symbol, family, len(pre) + len(ops), len(ops),
                             len(notes))


def _with_marker(text: str, marker: str, markdown: bool) -> str:
    """The marker after the paragraph's first inner comma ('Crime,2 and welcoming'), as the seeds print it."""
    mark = f"<sup>{marker}</sup>" if markdown else marker
    at = text.index(", ") + 1
    return text[:at] + mark + text[at:]


def _render_text(*, symbol, date, session, committee, agenda, agenda_name, sponsors, kind, title, pre, ops,
                 notes) -> str:
    out = [" ", f"United Nations {symbol}", "", "", "", f"Distr.: Limited {date}", "", "Original: English", "",
           f"{ordinal(session)} session {committee}", "", f"Agenda item {agenda}", "", agenda_name, "",
           f"{_sponsor_line(sponsors)}: {kind}", "", title, "", "The General Assembly,", ""]
    marker = 0
    for text in pre:
        if marker < len(notes) and ", " in text[:-1]:
            marker += 1
            text = _with_marker(text, str(marker), False)
        out += [text, ""]
    for n, text in enumerate(ops, 1):
        out += [f"{n}. {text}", ""]
    if notes:
        out += ["__________________", ""]
        out += [f" {i}  {note}" for i, note in enumerate(notes, 1)]
        out.append("")
    return "\n".join(out)


def _render_markdown(*, symbol, date, session, committee, agenda, agenda_name, sponsors, kind, title, pre, ops,
                     notes) -> str:
    out = ["", "", "", "", "# General Assembly", "", f"Distr.: Limited  ", date, "", "Original: English", "", "---",
           "", f"## {ordinal(session)} session {committee}", "", f"Agenda item {agenda}", "", f"### {agenda_name}", "",
           f"#### **{_sponsor_line(sponsors)}: {kind}**", "", f"#### **{title}**", "", "*The General Assembly,*", ""]
    marker = 0
    for text in pre:
        if marker < len(notes) and ", " in text[:-1]:
            marker += 1
            text = _with_marker(text, str(marker), True)
        out += [text, ""]
    for n, text in enumerate(ops, 1):
        out += [f"{n}. {text}", ""]
    if notes:
        out += ["---", ""]
        for i, note in enumerate(notes, 1):
            out += [f"<sup>{i}</sup> {note}", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Writing the corpus to disk


def corpus_path(count: int, seed: int, base: Path | None = None) -> Path:
    return (base or OUT_DIR) / f"{count}-{seed}"


def ensure_corpus(count: int, seed: int = 1, base: Path | None = None, progress=None) -> tuple[Path, dict]:
    """Write (or reuse) the corpus of ``count`` documents; return its folder and manifest."""
    folder = corpus_path(count, seed, base)
    manifest_file = folder / "manifest.json"
    if manifest_file.exists():
        manifest = json.loads(manifest_file.read_text())
        if manifest.get("version") == GENERATOR_VERSION and manifest.get("count") == count:
            return folder, manifest
    layout = family_layout(count, seed)
    total_paragraphs = 0
    files = []
    for index in range(count):
        doc = generate_document(index, seed, layout)
        shard = folder / f"shard-{index // SHARD_SIZE:04d}"
        if index % SHARD_SIZE == 0:
            shard.mkdir(parents=True, exist_ok=True)
        (shard / doc.name).write_bytes(doc.data)
        total_paragraphs += doc.paragraphs
        files.append([f"{shard.name}/{doc.name}", doc.paragraphs, doc.series])
        if progress and index % 1000 == 999:
            progress(index + 1)
    manifest = {"version": GENERATOR_VERSION, "count": count, "seed": seed, "paragraphs": total_paragraphs,
                "series": layout[-1][0] + 1 if layout else 0, "files": files}
    manifest_file.write_text(json.dumps(manifest))
    return folder, manifest


def corpus_files(folder: Path, manifest: dict) -> list[Path]:
    return [folder / rel for rel, _, _ in manifest["files"]]


def large_input(target_bytes: int, seed: int = 1) -> bytes:
    """One plain-text document of about ``target_bytes``: many real paragraphs under one header."""
    pool = load_pool()
    rng = random.Random(f"large:{seed}:{target_bytes}")
    pre, ops, size = [], [], 600
    while size < target_bytes:
        text = rng.choice(pool.preambular) if len(pre) < 10 else rng.choice(pool.operative)
        (pre if len(pre) < 10 else ops).append(text)
        size += len(text) + 6
    return _render_text(symbol="A/C.3/80/L.99", date="1 November 2025", session=80, committee="Third Committee",
                        agenda="28", agenda_name="Advancement of women", sponsors=["Mexico", "Sweden"],
                        kind="draft resolution", title="A long test input", pre=pre, ops=ops,
                        notes=[]).encode("utf-8")
