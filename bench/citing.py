"""The scale corpus's adopted resolutions and the citations between its documents (read by bench/generate.py).

Why: a corpus of drafts whose citations name only resolutions it does not hold has no citation network, so the
network panel, the most-cited page, the cited-by sort and the thematic clusters would have nothing to measure.
So some of the generated documents are adopted resolutions, and every document cites earlier ones in the forms
the citation finder reads:

* in each General Assembly series, a session's draft and revised draft are followed by the **resolution adopted**
  (``A/RES/63/5``, numbered in order within its session, adopted in December of the session's year); a few
  series are **Security Council** resolutions renewed year after year (``S/RES/1454 (2002)``, numbered in the
  order of their years across the corpus);
* a document recalls the **last resolution of its own series** ("Recalling its resolution 62/5 of 10 December
  2007 on <its title>", as a series does every year) and one to three others chosen with a **skew**: each
  resolution has a popularity of ``1 / rank ** ZIPF_EXPONENT`` in effect (see ``make_plan``), so a few are
  cited very often and most rarely.  0.6 is the rank exponent of an in-degree distribution with a tail exponent of about 2.7,
  the order of what citation networks show; the top resolution of a 100,000-document corpus is cited by about
  a thousand documents, the median one by a handful;
* the forms: the preamble ("Recalling also its resolutions 61/180 of ... and 62/5 of ...", "Bearing in mind
  Security Council resolution 1454 (2002) of ..."), a footnote ("A/RES/61/180, S/RES/1454 (2002)") on a
  "Recalling the relevant resolutions" paragraph, and sometimes an operative paragraph naming a paragraph
  ("Recalls paragraph 12 of its resolution 61/180 and requests the Secretary-General to report ...", a pinpoint
  and an addressee).

Only resolutions earlier in the corpus and adopted before the citing document's date are cited, so a document's
bytes depend on the documents before it only.  Deterministic for a seed.
"""
from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field

ZIPF_EXPONENT = 0.6
SC_SHARE = 0.08                  # of the series: Security Council resolutions
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ADDRESSEES = ["the Secretary-General", "Member States", "all States", "the Economic and Social Council",
              "the United Nations Office on Drugs and Crime", "the Human Rights Council"]


@dataclass(frozen=True)
class Adopted:
    index: int          # the document's place in the corpus
    body: str           # "A" | "S"
    number: str         # "63/5" | "1454 (2002)"
    symbol: str         # "A/RES/63/5" | "S/RES/1454 (2002)"
    day: tuple[int, int, int]     # (year, month, day) of adoption
    title: str

    @property
    def date(self) -> str:
        year, month, day = self.day
        return f"{day} {MONTHS[month - 1]} {year}"


@dataclass
class Plan:
    """Which documents are adopted resolutions, in the corpus's order, with the popularity of each."""
    adopted: dict[int, Adopted] = field(default_factory=dict)
    in_order: list[Adopted] = field(default_factory=list)       # every resolution, in the corpus's order
    indexes: list[int] = field(default_factory=list)
    cumulative: list[float] = field(default_factory=list)       # popularity summed along ``in_order``
    last_of_series: dict[int, Adopted] = field(default_factory=dict)   # document index -> its series' last before


def is_security_council(family: int, seed: int) -> bool:
    return random.Random(f"body:{seed}:{family}").random() < SC_SHARE


def session_of(base_session: int, position: int, council: bool) -> int:
    """A General Assembly series moves on a session after each draft, revision and resolution; a Council series
    one year per resolution."""
    return min(99, base_session + (position if council else position // 3))


def is_adopted(position: int, council: bool) -> bool:
    return council or position % 3 == 2


def make_plan(layout: list[tuple[int, int]], seed: int, series_of) -> Plan:
    """``series_of(family)`` -> (base session, title).

    Everything about document N depends on documents 0..N only, so a corpus of 1,000 is the first 1,000 of one of
    100,000: numbers follow the corpus's order within a session (General Assembly) or across the years (Security
    Council), and a resolution's popularity is its own draw: ``u ** -ZIPF_EXPONENT`` for a uniform ``u`` is what
    ``rank ** -ZIPF_EXPONENT`` over a random order of ranks gives, without knowing how many there will be.
    """
    plan = Plan()
    per_session: dict[int, int] = {}
    council_number = 1000
    last: dict[int, Adopted] = {}
    total = 0.0
    for index, (family, position) in enumerate(layout):
        if family in last:
            plan.last_of_series[index] = last[family]
        council = is_security_council(family, seed)
        if not is_adopted(position, council):
            continue
        base, title = series_of(family)
        session = session_of(base, position, council)
        year = 1945 + session
        rng = random.Random(f"adopted:{seed}:{index}")
        day = (year, 12, rng.randint(1, 23)) if not council else (year, rng.randint(1, 12), rng.randint(1, 28))
        if council:
            council_number += 1
            number, symbol = f"{council_number} ({year})", f"S/RES/{council_number} ({year})"
        else:
            per_session[session] = per_session.get(session, 0) + 1
            number = f"{session}/{per_session[session]}"
            symbol = f"A/RES/{number}"
        adopted = Adopted(index, "S" if council else "A", number, symbol, day, title)
        plan.adopted[index] = last[family] = adopted
        plan.in_order.append(adopted)
        plan.indexes.append(index)
        total += (1.0 - rng.random()) ** -ZIPF_EXPONENT
        plan.cumulative.append(total)
    return plan


def pick_cited(plan: Plan, index: int, before: tuple[int, int, int], rng: random.Random,
               count: int) -> list[Adopted]:
    """Up to ``count`` different resolutions earlier in the corpus and adopted before ``before``, by popularity."""
    end = bisect.bisect_left(plan.indexes, index)
    if end == 0:
        return []
    chosen: dict[int, Adopted] = {}
    for _ in range(count * 4):
        if len(chosen) == count:
            break
        at = bisect.bisect_left(plan.cumulative, rng.random() * plan.cumulative[end - 1], 0, end - 1)
        if plan.in_order[at].day < before:
            chosen.setdefault(plan.in_order[at].index, plan.in_order[at])
    return list(chosen.values())


def _named(adopted: Adopted, own_body: str) -> str:
    """'resolution 61/180 of 19 December 2006 on <title>' as the citing body names it."""
    if adopted.body == own_body:
        head = f"its resolution {adopted.number}"
    else:
        head = f"{'Security Council' if adopted.body == 'S' else 'General Assembly'} resolution {adopted.number}"
    about = f" on {adopted.title[0].lower()}{adopted.title[1:]}" if adopted.title and adopted.body == "A" else ""
    return f"{head} of {adopted.date}{about}"


def citing_text(plan: Plan, index: int, day: tuple[int, int, int], own_body: str,
                seed: int) -> tuple[list[str], list[str], list[str], list[str]]:
    """(preambular paragraphs to open the preamble with, an operative paragraph to open the operative part with or
    none, footnotes to put on the first preambular paragraph or none, the numbers cited)."""
    rng = random.Random(f"cites:{seed}:{index}")
    pre, ops, notes, cited = [], [], [], []
    previous = plan.last_of_series.get(index)
    if previous is not None and previous.day < day:
        pre.append(f"Recalling {_named(previous, own_body)},")
        cited.append(previous.number)
    others = [a for a in pick_cited(plan, index, day, rng, rng.choice([1, 1, 2, 2, 3]))
              if previous is None or a.index != previous.index]
    cited += [a.number for a in others]
    same = [a for a in others if a.body == own_body]
    other_body = [a for a in others if a.body != own_body]
    if same:
        lead = "Recalling also" if pre else "Recalling"
        if len(same) == 1:
            pre.append(f"{lead} {_named(same[0], own_body)},")
        else:
            names = [_named(a, own_body).replace("its resolution ", "", 1) for a in same]
            pre.append(f"{lead} its resolutions {', '.join(names[:-1])} and {names[-1]},")
    for adopted in other_body:
        pre.append(f"Bearing in mind {_named(adopted, own_body)},")
    if rng.random() < 0.3:
        noted = pick_cited(plan, index, day, rng, rng.choice([1, 2, 3]))
        if noted:
            pre.insert(0, "Recalling the relevant resolutions of the General Assembly, the Security Council and "
                          "the Economic and Social Council,")
            names = [a.symbol for a in noted]
            cited += [a.number for a in noted]
            notes.append((", ".join(names[:-1]) + " and " if len(names) > 1 else "") + names[-1] + ".")
    if rng.random() < 0.2:
        pinned = pick_cited(plan, index, day, rng, 1)
        if pinned:
            cited.append(pinned[0].number)
            whose = "its" if pinned[0].body == own_body else (
                "Security Council" if pinned[0].body == "S" else "General Assembly")
            ops.append(f"Recalls paragraph {rng.randint(1, 12)} of {whose} resolution {pinned[0].number}, and "
                       f"requests {rng.choice(ADDRESSEES)} to report on its implementation;")
    return pre, ops, notes, cited
