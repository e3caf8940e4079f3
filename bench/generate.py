"""The scale corpus: N drafts and resolutions recombined from real UN paragraphs, deterministic for a seed.

Where the text comes from (read, never copied into the project):
* the seeds (``samples/*.txt``) and the railcar Markdown of GA session 80, read with the project's own parser;
* the UN's AKN4UN XML (``unxml-*``): ``<preamble>`` containers and ``<mainBody>`` paragraphs, footnotes removed;
* titles, committees and agenda items from the GA ``data_extract`` JSON; sponsors from the member-state table.

How it is varied, so that term frequencies and repetition look like the real record:
* documents come in **series**: one title followed across sessions (draft, revised draft, adopted text),
  most paragraphs kept from one document to the next and a few changed, dropped or added;
* a changed paragraph is a **near-duplicate**: a word swapped from the corpus vocabulary (drawn uniformly over
  word types, which gives the long tail of rare words), a number or year changed, "also"/"further" inserted;
* sessions, dates, sponsors (from the member states), agenda items and symbols differ per document;
* each session of a series ends with the **resolution adopted**, and documents **cite** earlier resolutions of the
  corpus, a few of them very often (bench/citing.py), so that the citation network has something to measure.

Every document is rendered in one of the layouts of bench/layouts.py (the seeds' draft layouts, the adopted
resolutions' own) and :class:`GeneratedDocument` says how many paragraphs were written, so a test can check that
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

from bench import citing, layouts
from resolutions.un.bodies import MAIN_COMMITTEE_SERIES as COMMITTEES
from resolutions.un.member_states import STATES_FILE

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus" / "real"
SAMPLES_DIR = ROOT / "samples"
OUT_DIR = Path(__file__).resolve().parent / "corpus"
GENERATOR_VERSION = 4
SHARD_SIZE = 1000
LEAD_ROOM = 60       # characters at the start of a paragraph left alone by the variations (the lead phrase)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FALLBACK_STATES = ["Belarus", "Russian Federation", "Uzbekistan", "Philippines", "Mexico", "Nigeria", "Sweden",
                   "Peru", "Qatar", "Benin", "Cuba", "Angola", "Thailand", "Senegal", "Indonesia"]


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
    adopted: bool = False    # an adopted resolution (A/RES/..., S/RES/...), not a draft
    cites: tuple[str, ...] = ()   # the numbers of the generated resolutions it cites (bench/citing.py)


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


def _date(session: int, rng: random.Random) -> tuple[tuple[int, int, int], str]:
    year = 1945 + session
    month, day = rng.randint(9, 12), rng.randint(1, 28)
    return (year, month, day), f"{day} {MONTHS[month - 1]} {year}"


@lru_cache(maxsize=None)
def _series_head(family: int, seed: int) -> tuple[int, str]:
    """(first session, title) of a series: what the citation plan needs of it."""
    base = _series_base(family, seed, load_pool())
    return base["session"], base["topic"][0]


@lru_cache(maxsize=4)
def corpus_plan(count: int, seed: int) -> citing.Plan:
    """The adopted resolutions of the first ``count`` documents and their popularity (bench/citing.py)."""
    return citing.make_plan(family_layout(count, seed), seed, lambda family: _series_head(family, seed))


def generate_document(index: int, seed: int, layout: list[tuple[int, int]] | None = None,
                      count: int | None = None) -> GeneratedDocument:
    """Document ``index`` of the corpus for ``seed`` (the same bytes every time, whatever the corpus's size)."""
    pool = load_pool()
    if layout is None:
        layout = family_layout(max(index + 1, count or 0), seed)
    plan = corpus_plan(len(layout), seed)
    family, position = layout[index]
    base = _series_base(family, seed, pool)
    rng = random.Random(f"doc:{seed}:{index}")
    title, committee, agenda_number, agenda_name = base["topic"]
    council = citing.is_security_council(family, seed)
    # A series: a draft, its revision and the resolution adopted, each session (a Council series: a resolution a year).
    session = citing.session_of(base["session"], position, council)
    revised = position % 3 == 1
    pre = _vary(base["pre"], random.Random(f"pre:{seed}:{family}:{position}"), pool, pool.preambular, position)
    ops = _vary(base["ops"], random.Random(f"ops:{seed}:{family}:{position}"), pool, pool.operative, position)
    for i, text in enumerate(pre):
        if rng.random() < 0.05:
            pre[i] = near_duplicate(text, rng, pool)
    sponsors = [s for s in base["sponsors"] if rng.random() < 0.9] or base["sponsors"][:1]
    if rng.random() < 0.5:
        sponsors.append(rng.choice(pool.states))
    sponsors = list(dict.fromkeys(sponsors))
    day, date = _date(session, rng)
    adopted = plan.adopted.get(index)
    if adopted is not None:
        day, date = adopted.day, adopted.date
    agenda = str(int(agenda_number) + rng.choice([0, 0, 0, 1, -1]) if int(agenda_number) > 1 else agenda_number)
    notes = [rng.choice(pool.footnotes) for _ in range(rng.randint(0, 4))] if pool.footnotes else []
    cite_pre, cite_ops, cite_notes, cited = citing.citing_text(plan, index, day, "S" if council else "A", seed)
    pre, ops, notes = cite_pre + pre, cite_ops + ops, cite_notes + notes
    # Footnote markers go on the first preambular paragraphs (one each), as in the seeds.
    notes = notes[:sum(1 for text in pre if ", " in text[:-1])]
    markdown = adopted is None and rng.random() < 0.3     # the Markdown layout prints no symbol: drafts only
    if adopted is not None and council:
        symbol = adopted.symbol
        text = layouts.render_sc_resolution(symbol=symbol, number=adopted.number, date=date,
                                            meeting=4000 + index % 5000, pre=pre, ops=ops, notes=notes)
    elif adopted is not None:
        symbol = adopted.symbol
        text = layouts.render_ga_resolution(symbol=symbol, number=adopted.number, date=date, session=session,
                                            committee=committee, agenda=agenda, agenda_name=agenda_name,
                                            title=title, pre=pre, ops=ops, notes=notes)
    else:
        # Symbols must be unique across the corpus: the family number makes them so.
        symbol = f"{COMMITTEES[committee]}/{session}/L.{family + 1}" + ("/Rev.1" if revised else "")
        kind = "revised draft resolution" if revised else "draft resolution"
        lines = layouts.render_markdown if markdown else layouts.render_text
        text = lines(symbol=symbol, date=date, session=session, committee=committee, agenda=agenda,
                     agenda_name=agenda_name, sponsors=sponsors, kind=kind, title=title, pre=pre, ops=ops, notes=notes)
    name = f"{index:06d}_{re.sub(r'[^A-Za-z0-9]+', '_', symbol).strip('_')}.{'md' if markdown else 'txt'}"
    return GeneratedDocument(index, name, text.encode("utf-8"), symbol, family, len(pre) + len(ops), len(ops),
                             len(notes), adopted is not None, tuple(cited))


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
    return layouts.render_text(symbol="A/C.3/80/L.99", date="1 November 2025", session=80, committee="Third Committee",
                        agenda="28", agenda_name="Advancement of women", sponsors=["Mexico", "Sweden"],
                        kind="draft resolution", title="A long test input", pre=pre, ops=ops,
                        notes=[]).encode("utf-8")
