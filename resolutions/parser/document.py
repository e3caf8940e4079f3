"""The parser's output: a plain dataclass tree, no Django.

``ParsedDocument.to_dict()`` is the JSON contract printed by
``manage.py parse --format json`` (see issue 3); tests and tools rely on its keys.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from resolutions.citations.types import Citation  # noqa: F401  (the citation finder's type, part of the contract)


class ParseError(Exception):
    """The input cannot be turned into a resolution; the message says why."""


@dataclass
class AgendaItemRef:
    number: str
    title: str | None = None


@dataclass
class SponsorRef:
    name: str                 # as printed ("Iran", "the former Yugoslav Republic of Macedonia")
    state: str | None = None  # today's official UN short name ("Iran (Islamic Republic of)") or None if unknown


@dataclass
class SubParagraph:
    label: str                # "a", "b", ... or "i", "ii"
    text: str
    footnote_refs: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    kind: str                 # "preambular" | "operative"
    text: str                 # whole paragraph, lead included, markers removed, one line
    number: str | None = None # operative number ("1"), None for preambular
    lead: str | None = None   # "Recalling also", "Urges"
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    footnote_refs: list[str] = field(default_factory=list)
    heading: str | None = None  # the heading printed above it: a section of the resolution ("II Request for ...")


@dataclass
class Footnote:
    marker: str
    text: str


@dataclass
class Annex:
    """A part of the document after (or adopted within) the resolution: an annex, appendix or declaration.

    Its paragraphs have the same shape as the resolution's own: kind "preambular" / "operative" for a
    declaration or programme with a preamble and numbered paragraphs, "text" for unnumbered prose
    (lists, procedures, tables read as lines). ``heading`` on a paragraph keeps the headings printed
    inside the annex (chapters, sections), as it does for a resolution in sections.
    """
    label: str                                    # as printed: "Annex", "Annex I", "Appendix II", "Declaration"
    title: str | None = None                      # "Political declaration of the high-level meeting on ..."
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass
class Vote:
    state: str                                    # today's UN short name where known, else as printed
    vote: str                                     # "yes" | "no" | "abstain" | "non-voting"


@dataclass
class Votes:
    adoption_type: str | None = None              # "recorded vote" | "without a vote" | "consensus" | "unanimous"
    meeting: str | None = None                    # "2330th meeting", "S/PV.9000", "A/80/PV.12"
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    states: list[Vote] = field(default_factory=list)


@dataclass
class ParsedDocument:
    format: str                                   # "text" | "markdown" | "pdf" | "docx" | "html" | "akn"
    symbol: str | None = None
    body: str | None = None
    session: int | None = None
    committee: str | None = None
    date: str | None = None                       # ISO date: of adoption for a resolution, else of issue
    issued: str | None = None                     # ISO date of issue printed under 'Distr.' (a resolution's differs)
    distribution: str | None = None
    original_language: str | None = None
    agenda_items: list[AgendaItemRef] = field(default_factory=list)
    document_type: str | None = None
    sponsors: list[SponsorRef] = field(default_factory=list)
    title: str | None = None
    preamble_subject: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    # Text the structuring step could not place (kept word for word, in reading order, with a warning):
    # nothing of the source is dropped silently.
    unplaced: list[str] = field(default_factory=list)
    language: str | None = None                   # ISO 639-1 of this text: "en", "fr", "es", "ru", "ar", "zh"
    votes: Votes | None = None                    # how the text was adopted, when the source says
    draft_symbol: str | None = None               # the draft this resolution was adopted from ("A/C.3/78/L.41")
    committee_report: str | None = None           # the committee report recommending it ("A/78/481/Add.3")
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
