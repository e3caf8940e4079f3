"""Build test PDF, DOCX and HTML files from a structured description of a resolution.

The description (``Spec``) is read from a seed written in the archive's markdown
dialect (``describe_markdown``), never from the parser's output, so the built
files carry a real document: header lines, paragraphs with italic leads and
``<sup>N</sup>`` markers, and footnotes.  Each builder writes its format the way
its producer would:

* ``build_pdf``: reportlab canvas, Times-Roman body, Times-Italic leads, raised
  small markers, footnotes at the foot of the page that cites them below a drawn
  rule, a running header (symbol) and footer (job number, page number) on every
  page, paragraphs flowing across page breaks, optional line-end hyphenation.
* ``build_docx``: python-docx paragraphs and italic runs, operative numbers as
  Word automatic numbering (``w:numPr``), and real Word footnotes: a
  ``word/footnotes.xml`` part with its relationship and content type, referenced
  by ``w:footnoteReference`` runs (python-docx cannot write those itself).
* ``build_html``: an exported page with ``<h*>``, ``<p>``, ``<em>``, ``<sup>``
  markers linking to a footnotes list with back-links, plus script and style
  elements that must be ignored.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field

RUN = re.compile(r"<sup>(\d+)</sup>|\*([^*]+)\*")


@dataclass
class Block:
    kind: str                          # "heading" | "para"
    runs: list[tuple[str, str]]        # (style, text); style "" | "i" | "sup"
    number: str | None = None          # operative number ("1") shown before the text
    level: int = 1                     # heading level

    @property
    def plain(self) -> str:
        return "".join(t for s, t in self.runs if s != "sup")


@dataclass
class Spec:
    blocks: list[Block]
    footnotes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)   # marker -> runs
    running_header: str = "A/C.3/63/L.27"
    job_number: str = "08-54321"


def parse_runs(text: str) -> list[tuple[str, str]]:
    """'*Recalling* its resolution<sup>1</sup>' -> [('i','Recalling'), ('',' its resolution'), ('sup','1')]."""
    runs: list[tuple[str, str]] = []
    position = 0
    for match in RUN.finditer(text):
        if match.start() > position:
            runs.append(("", text[position:match.start()]))
        if match.group(1):
            runs.append(("sup", match.group(1)))
        else:
            runs.append(("i", match.group(2)))
        position = match.end()
    if position < len(text):
        runs.append(("", text[position:]))
    return runs


SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def describe_markdown(text: str) -> Spec:
    """A seed in the markdown dialect -> Spec: every non-blank line a block, footnote lines to footnotes.

    Seed 004's conventions are read too: unicode superscript markers (``¹``), ``[64/293](#)`` links, and a
    block that opens in lower case continuing the paragraph a page break cut
    (as does a block after a paragraph that stops mid-sentence)."""
    blocks: list[Block] = []
    footnotes: dict[str, list[tuple[str, str]]] = {}
    in_body = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line == "---":
            continue
        line = re.sub(r"\[([^\]]*)\]\(#?[^)]*\)", r"\1", line)
        line = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", lambda m: f"<sup>{m.group(0).translate(SUPERSCRIPTS)}</sup>", line)
        cut = in_body and not line.startswith("<sup>") and blocks[-1].kind == "para" and (re.match(r"[a-z]", line)
                                                        or re.search(r"[A-Za-z]$", blocks[-1].plain.rstrip()))
        if cut:
            blocks[-1].runs.extend([("", " ")] + parse_runs(line))
            continue
        in_body = in_body or bool(re.fullmatch(r"\*?The (General Assembly|Security Council|Economic and Social "
                                               r"Council)\*?,?\*?", line))
        note = re.match(r"<sup>(\d+)</sup>\s*(.*)$", line)
        if note:
            footnotes[note.group(1)] = parse_runs(note.group(2))
            continue
        heading = re.match(r"(#+)\s*(.*)$", line)
        if heading:
            content = heading.group(2).replace("**", "").strip()
            blocks.append(Block("heading", [("", content)], level=len(heading.group(1))))
            continue
        numbered = re.match(r"(\d+)\.\s+(.*)$", line)
        if numbered:
            blocks.append(Block("para", parse_runs(numbered.group(2)), number=numbered.group(1)))
        else:
            blocks.append(Block("para", parse_runs(line)))
    return Spec(blocks=blocks, footnotes=footnotes)


# --------------------------------------------------------------------------- PDF

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 72.0, 523.0
TOP, BOTTOM = 750.0, 80.0
BODY, LEADING = 10.0, 12.0
NOTE, NOTE_LEADING = 8.0, 9.5
SUP = 6.5
INDENT = 36.0
FONTS = {"": "Times-Roman", "i": "Times-Italic", "sup": "Times-Roman", "b": "Times-Bold"}


@dataclass
class PdfLayout:
    pages: int = 0
    split_blocks: list[int] = field(default_factory=list)   # blocks whose lines sit on two pages
    hyphenated: list[str] = field(default_factory=list)     # words cut at a line end with a hyphen


def _tokens(runs: list[tuple[str, str]]) -> list[tuple[str, str, bool]]:
    """Runs -> (style, word, space_before) tokens; a marker sticks to the word before it."""
    tokens = []
    for style, text in runs:
        if style == "sup":
            tokens.append(("sup", text))
            continue
        for piece in re.split(r"(\s+)", text):
            if not piece:
                continue
            tokens.append(("space", " ") if piece.isspace() else (style, piece))
    out = []
    space = False
    for style, word in tokens:
        if style == "space":
            space = True
            continue
        out.append((style, word, space and bool(out)))
        space = False
    return out


def _width(style: str, word: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(word, FONTS[style], SUP if style == "sup" else size)


def _wrap(runs, first_x: float, size: float, hyphenate: set[str], layout: PdfLayout):
    """Runs -> lines of (x, style, text) placements; the first line starts at first_x, the others at LEFT."""
    lines: list[list[tuple[float, str, str]]] = []
    line: list[tuple[float, str, str]] = []
    x = first_x
    space_w = _width("", " ", size)
    queue = list(_tokens(runs))
    while queue:
        style, word, space = queue.pop(0)
        gap = space_w if space and line else 0.0
        w = _width(style, word, size)
        if x + gap + w > RIGHT and line and style != "sup":
            core = word.rstrip(",;:.")
            if core in hyphenate and len(core) > 6:
                cut = len(core) // 2
                head = word[:cut] + "-"
                if x + gap + _width(style, head, size) <= RIGHT:
                    line.append((x + gap, style, head))
                    layout.hyphenated.append(core)
                    queue.insert(0, (style, word[cut:], False))
                    lines.append(line)
                    line, x = [], LEFT
                    continue
            lines.append(line)
            line, x = [], LEFT
            gap = 0.0
        line.append((x + gap, style, word))
        x += gap + w
    if line:
        lines.append(line)
    return lines


def build_pdf(spec: Spec, hyphenate: set[str] | None = None) -> tuple[bytes, PdfLayout]:
    """Spec -> (PDF bytes, layout facts).  Footnotes go to the foot of the page whose text cites them."""
    from reportlab.pdfgen import canvas

    hyphenate = hyphenate or set()
    layout = PdfLayout()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H))
    state = {"page": 1, "y": TOP, "notes": []}

    def note_lines(marker: str):
        runs = list(spec.footnotes.get(marker, [("", "")]))
        runs[0] = (runs[0][0], " " + runs[0][1])
        return _wrap([("sup", marker)] + runs, LEFT + 18, NOTE, set(), PdfLayout())

    def notes_height(markers) -> float:
        if not markers:
            return 0.0
        return 14 + sum(len(note_lines(m)) * NOTE_LEADING + 2 for m in markers)

    def furniture():
        page = state["page"]
        pdf.setFont("Times-Roman", 9)
        if page > 1:
            pdf.drawString(LEFT, PAGE_H - 40, spec.running_header)
            pdf.drawRightString(RIGHT, PAGE_H - 40, spec.running_header)
        pdf.drawString(LEFT, 40, spec.job_number if page == 1 else f"{page}/9")
        pdf.drawRightString(RIGHT, 40, f"{page}/9" if page == 1 else spec.job_number)

    def finish_page():
        notes = state["notes"]
        if notes:
            y = BOTTOM + notes_height(notes) - 6
            pdf.setLineWidth(0.5)
            pdf.line(LEFT, y, LEFT + 72, y)
            y -= 12
            for marker in notes:
                for line in note_lines(marker):
                    _draw_line(pdf, line, y, NOTE)
                    y -= NOTE_LEADING
                y -= 2
        furniture()
        pdf.showPage()
        state["page"] += 1
        state["y"] = TOP
        state["notes"] = []

    seen_notes: set[str] = set()
    for index, block in enumerate(spec.blocks):
        size = BODY if block.kind == "para" else (14.0 if block.level <= 1 else 11.0)
        runs = block.runs if block.kind == "para" else [("b" if block.level >= 3 else "", block.plain)]
        first_x = LEFT + INDENT if block.kind == "para" else LEFT
        number = None
        if block.number:
            number = (LEFT + INDENT, f"{block.number}.")
            first_x = LEFT + INDENT + 18
        lines = _wrap(runs, first_x, size, hyphenate, layout)
        pages_of_block = set()
        for line_index, line in enumerate(lines):
            markers = [text for _, style, text in line if style == "sup" and text not in seen_notes
                       and text in spec.footnotes]
            needed = notes_height(state["notes"] + markers)
            if state["y"] - LEADING < BOTTOM + needed:
                finish_page()
            if number and line_index == 0:
                pdf.setFont("Times-Roman", size)
                pdf.drawString(number[0], state["y"], number[1])
            _draw_line(pdf, line, state["y"], size)
            pages_of_block.add(state["page"])
            for marker in markers:
                seen_notes.add(marker)
                state["notes"].append(marker)
            state["y"] -= LEADING if size == BODY else size * 1.3
        if len(pages_of_block) > 1:
            layout.split_blocks.append(index)
        state["y"] -= 6
    finish_page()
    layout.pages = state["page"] - 1
    pdf.save()
    return buffer.getvalue(), layout


def _draw_line(pdf, line, y: float, size: float) -> None:
    for x, style, text in line:
        if style == "sup":
            pdf.setFont("Times-Roman", SUP)
            pdf.drawString(x, y + size * 0.38, text)
        else:
            pdf.setFont(FONTS[style], size)
            pdf.drawString(x, y, text)


# --------------------------------------------------------------------------- DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def build_docx(spec: Spec, numbering: bool = True) -> bytes:
    """Spec -> .docx bytes: italic runs, automatic numbering for operative numbers, real Word footnotes."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    footnote_ids: dict[str, int] = {}
    for block in spec.blocks:
        if block.kind == "heading":
            document.add_heading(block.plain, level=min(block.level, 4))
            continue
        if block.number and numbering:
            paragraph = document.add_paragraph(style="List Number")
        else:
            paragraph = document.add_paragraph()
            if block.number:
                paragraph.add_run(f"{block.number}.\t")
        for style, text in block.runs:
            if style == "sup":
                if text not in footnote_ids:
                    footnote_ids[text] = len(footnote_ids) + 1
                run = paragraph.add_run()
                rpr = run._r.get_or_add_rPr()
                valign = OxmlElement("w:vertAlign")
                valign.set(qn("w:val"), "superscript")
                rpr.append(valign)
                ref = OxmlElement("w:footnoteReference")
                ref.set(qn("w:id"), str(footnote_ids[text]))
                run._r.append(ref)
            else:
                run = paragraph.add_run(text)
                run.italic = style == "i" or None
    buffer = io.BytesIO()
    document.save(buffer)
    return add_footnotes_part(buffer.getvalue(), {i: spec.footnotes[m] for m, i in footnote_ids.items()
                                                  if m in spec.footnotes})


def _footnotes_xml(notes: dict[int, list[tuple[str, str]]]) -> bytes:
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">',
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
             '</w:p></w:footnote>']
    for number, runs in notes.items():
        body = ['<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>',
                '<w:r><w:t xml:space="preserve"> </w:t></w:r>']
        for style, text in runs:
            italic = "<w:rPr><w:i/></w:rPr>" if style == "i" else ""
            body.append(f'<w:r>{italic}<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>')
        parts.append(f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                     f'{"".join(body)}</w:p></w:footnote>')
    parts.append("</w:footnotes>")
    return "".join(parts).encode("utf-8")


def add_footnotes_part(data: bytes, notes: dict[int, list[tuple[str, str]]]) -> bytes:
    """Add word/footnotes.xml, its relationship from document.xml and its content type to a .docx."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>", f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_CT}"/>'
                    "</Types>".encode())
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>", f'<Relationship Id="rIdFootnotes1" Type="{FOOTNOTES_REL}" '
                    'Target="footnotes.xml"/></Relationships>'.encode())
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", _footnotes_xml(notes))
    return out.getvalue()


# --------------------------------------------------------------------------- HTML

def build_html(spec: Spec, footnote_style: str = "div") -> bytes:
    """Spec -> an exported HTML page; footnotes as <div class="footnotes"><ol> with back-links,
    or (footnote_style="ol") a bare <ol> of notes whose items link back to their markers."""
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>Resolution</title>",
           "<style>p { margin: 0 } .x::after { content: '*Not text*' }</style>",
           "<script>var note = '<p>Not a paragraph</p>';</script></head><body>"]
    for block in spec.blocks:
        if block.kind == "heading":
            level = min(block.level, 6)
            out.append(f"<h{level}>{html.escape(block.plain)}</h{level}>")
            continue
        parts = [f"{block.number}. " if block.number else ""]
        for style, text in block.runs:
            if style == "sup":
                parts.append(f'<sup id="fnref{text}"><a href="#fn{text}">{text}</a></sup>')
            elif style == "i":
                parts.append(f"<em>{html.escape(text)}</em>")
            else:
                parts.append(html.escape(text))
        out.append(f"<p>{''.join(parts)}</p>")
    items = []
    for marker, runs in spec.footnotes.items():
        text = "".join(f"<i>{html.escape(t)}</i>" if s == "i" else html.escape(t) for s, t in runs)
        items.append(f'<li id="fn{marker}">{text} <a href="#fnref{marker}" class="footnote-back">\u21a9</a></li>')
    if footnote_style == "div":
        out.append(f'<div class="footnotes"><hr><ol>{"".join(items)}</ol></div>')
    else:
        out.append(f'<ol>{"".join(items)}</ol>')
    out.append("<script>document.write('<p>1. Injected</p>')</script></body></html>")
    return "\n".join(out).encode("utf-8")


def parse_damaged(data, built: bytes, filename: str) -> None:
    """Overwrite a few random bytes of a built file and cut it short, then parse: a result or a ParseError
    with a message, never anything else (``data`` is hypothesis's ``st.data()``)."""
    from hypothesis import strategies as st

    from resolutions.parser import ParseError, parse

    damaged = bytearray(built)
    for _ in range(data.draw(st.integers(1, 12))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(damaged) // 4, len(damaged)))
    try:
        parse(bytes(damaged[:cut]), filename)
    except ParseError as error:
        assert str(error)


def build_word_html(spec: Spec) -> bytes:
    """Spec -> a page in the shape Word's "Save as Web Page" writes: windows-1252, numbered paragraphs as
    MsoListParagraph with the number in a ``mso-list:Ignore`` span inside ``<![if !supportLists]>``, footnote
    markers as links ``#_ftn1`` around ``[1]`` in MsoFootnoteReference spans (no ``<sup>``), and the notes at
    the end in ``<div style='mso-element:footnote-list'>``, each linking back with ``#_ftnref1``."""
    out = ["<html xmlns:o='urn:schemas-microsoft-com:office:office' xmlns:w='urn:schemas-microsoft-com:office:word'>",
           "<head><meta http-equiv=Content-Type content='text/html; charset=windows-1252'>",
           "<meta name=Generator content='Microsoft Word 15 (filtered)'><style><!-- p.MsoNormal {margin:0in;} --></style>",
           "</head><body lang=EN-US><div class=WordSection1>"]
    order: dict[str, int] = {}
    for block in spec.blocks:
        if block.kind == "heading":
            out.append(f"<p class=MsoTitle><b>{html.escape(block.plain)}</b></p>")
            continue
        parts = []
        if block.number:
            parts.append("<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l0 level1 lfo1'>"
                         "<![if !supportLists]><span style='mso-list:Ignore'>"
                         f"{block.number}.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; "
                         "</span></span><![endif]>")
        else:
            parts.append("<p class=MsoNormal>")
        for style, text in block.runs:
            if style == "sup":
                number = order.setdefault(text, len(order) + 1)
                parts.append(f"<a href=\"#_ftn{number}\" name=\"_ftnref{number}\" title=\"\"><span "
                             f"class=MsoFootnoteReference><span class=MsoFootnoteReference><span "
                             f"style='font-size:10.0pt'>[{number}]</span></span></span></a>")
            elif style == "i":
                parts.append(f"<i>{html.escape(text)}</i>")
            else:
                parts.append(html.escape(text))
        out.append("".join(parts) + "</p>")
    out.append("</div><div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width=\"33%\">")
    for marker, number in order.items():
        runs = spec.footnotes.get(marker, [])
        text = "".join(f"<i>{html.escape(t)}</i>" if s == "i" else html.escape(t) for s, t in runs)
        out.append(f"<div id=ftn{number}><p class=MsoFootnoteText><a href=\"#_ftnref{number}\" name=\"_ftn{number}\" "
                   f"title=\"\"><span class=MsoFootnoteReference><span class=MsoFootnoteReference>"
                   f"<span style='font-size:10.0pt'>[{number}]</span></span></span></a> {text}</p></div>")
    out.append("</div></body></html>")
    return "\n".join(out).encode("cp1252", errors="xmlcharrefreplace")
