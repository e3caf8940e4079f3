"""Build PDF, Word and HTML files of a resolution for the extraction tests.

The content comes from a real document (a ParsedDocument of a seed); the
builders lay it out the way the UN does: a header block, the sponsors line,
the title, 'The General Assembly,' in italics, paragraphs with italic leads,
superscript footnote markers, footnotes at the foot of the page under a rule
(PDF) or in Word's footnotes part (DOCX), running headers and footers.
"""
from __future__ import annotations

import io
import re
import zipfile
from html import escape

from resolutions.parser import ParsedDocument

HEADER_LINES = ["General Assembly", "Distr.: Limited", "10 October 2008", "Original: English", "Sixty-third session",
                "Third Committee", "Agenda item 97", "Crime prevention and criminal justice"]


def _tokens(paragraph) -> list[tuple[str, str]]:
    """(kind, text) pieces: 'lead', 'text', 'sup'. Markers go where the seed's text had them."""
    return []


def paragraph_runs(paragraph, source_text: str) -> list[tuple[str, str]]:
    """Split a paragraph into runs: its italic lead, plain text, and footnote markers at their places.

    ``source_text`` is the paragraph as the seed's markdown wrote it (with <sup>N</sup>)."""
    text = re.sub(r"\*", "", source_text)
    runs: list[tuple[str, str]] = []
    if paragraph.lead and text.startswith(paragraph.lead):
        runs.append(("lead", paragraph.lead))
        text = text[len(paragraph.lead):]
    for piece in re.split(r"(<sup>\d+</sup>)", text):
        marker = re.fullmatch(r"<sup>(\d+)</sup>", piece)
        if marker:
            runs.append(("sup", marker.group(1)))
        elif piece:
            runs.append(("text", piece))
    return runs


def seed_runs(doc: ParsedDocument, markdown: str) -> list[list[tuple[str, str]]]:
    """The runs of every paragraph of a markdown seed, found by each paragraph's opening words."""
    flat = re.sub(r"\s+", " ", markdown)
    result = []
    for paragraph in doc.paragraphs:
        start_words = re.escape(paragraph.text[len(paragraph.lead or ""):][:40].strip())
        # the paragraph in the markdown: from its lead (possibly starred) to its last characters
        pattern = re.escape(paragraph.lead or "").replace(r"\ ", r"\*?\s\*?")
        match = re.search(r"\*?" + pattern + r"\*?\s*" + start_words.replace(r"\ ", r"\s"), flat)
        assert match, paragraph.text[:60]
        end_text = re.escape(paragraph.text[-25:]).replace(r"\ ", r"\s")
        end = re.search(end_text + r"(?:<sup>\d+</sup>)?", flat[match.start():])
        assert end, paragraph.text[-40:]
        source = flat[match.start(): match.start() + end.end()]
        result.append(paragraph_runs(paragraph, source))
    return result


def build_pdf(doc: ParsedDocument, runs: list[list[tuple[str, str]]], *, symbol: str = "A/C.3/63/L.20",
              job: str = "08-54321") -> bytes:
    """A UN-style PDF: Times, italic leads, raised small markers, footnotes under a rule, running furniture."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    width, height = letter
    left, right, top, bottom = 72, width - 72, height - 72, 72
    body_size, note_size = 10, 8
    line_height = 12
    footnote_reserve = 110
    notes = {f.marker: f.text for f in doc.footnotes}
    state = {"page": 1, "y": top, "notes": []}

    def furniture():
        pdf.setFont("Times-Roman", 8)
        if state["page"] > 1:
            pdf.drawString(left, height - 40, symbol)
        pdf.drawString(left, 40, f"{job}" if state["page"] == 1 else f"{state['page']} {job}")
        pdf.drawRightString(right, 40, str(state["page"]))

    def flush_notes():
        if not state["notes"]:
            return
        y = bottom + footnote_reserve - 20
        pdf.setFont("Times-Roman", note_size)
        pdf.drawString(left, y, "__________________")
        for marker in state["notes"]:
            y -= 11
            pdf.setFont("Times-Roman", 5.5)
            pdf.drawString(left, y + 3, marker)
            pdf.setFont("Times-Roman", note_size)
            pdf.drawString(left + 8, y, notes[marker])
        state["notes"] = []

    def new_page():
        flush_notes()
        furniture()
        pdf.showPage()
        state["page"] += 1
        state["y"] = top

    def write_line(text, font="Times-Roman", size=body_size, x=left, gap=line_height):
        if state["y"] < bottom + footnote_reserve:
            new_page()
        pdf.setFont(font, size)
        pdf.drawString(x, state["y"], text)
        state["y"] -= gap

    write_line(symbol, "Times-Bold", 12, x=right - 100, gap=20)
    for text in HEADER_LINES:
        write_line(text, gap=16)
    sponsors = ", ".join(s.name for s in doc.sponsors[:-1]) + f" and {doc.sponsors[-1].name}: {doc.document_type}"
    write_line(sponsors, "Times-Bold", 10, gap=20)
    write_line(doc.title, "Times-Bold", 12, gap=22)
    write_line("The General Assembly,", "Times-Italic", body_size, x=left + 24, gap=20)

    for paragraph, paragraph_runs_ in zip(doc.paragraphs, runs):
        indent = 24
        words: list[tuple[str, str]] = []  # (font, word) with "sup" pseudo font for markers
        if paragraph.number:
            words.append(("Times-Roman", f"{paragraph.number}."))
        for kind, text in paragraph_runs_:
            if kind == "sup":
                words.append(("sup", text))
            else:
                font = "Times-Italic" if kind == "lead" else "Times-Roman"
                for i, word in enumerate(text.split(" ")):
                    if word:
                        words.append((font, word))
                    elif i == 0 and words and words[-1][0] != "sup":
                        pass
        x = left + indent
        if state["y"] < bottom + footnote_reserve:
            new_page()
        first_on_line = True
        for font, word in words:
            if font == "sup":
                pdf.setFont("Times-Roman", 6)
                pdf.drawString(x, state["y"] + 4, word)
                x += stringWidth(word, "Times-Roman", 6) + 0.5
                if word not in state["notes"] and word in notes:
                    state["notes"].append(word)
                continue
            w = stringWidth(word, font, body_size)
            space = stringWidth(" ", font, body_size)
            if not first_on_line and x + space + w > right:
                state["y"] -= line_height
                if state["y"] < bottom + footnote_reserve:
                    new_page()
                x = left
                first_on_line = True
            if not first_on_line:
                x += space
            pdf.setFont(font, body_size)
            pdf.drawString(x, state["y"], word)
            x += w
            first_on_line = False
        state["y"] -= line_height + 6
    flush_notes()
    furniture()
    pdf.save()
    return buffer.getvalue()


def build_docx(doc: ParsedDocument, runs: list[list[tuple[str, str]]]) -> bytes:
    """A Word document with italic leads and real Word footnotes (a footnotes part written by hand)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for text in HEADER_LINES:
        document.add_paragraph(text)
    document.add_paragraph(", ".join(s.name for s in doc.sponsors[:-1]) + f" and {doc.sponsors[-1].name}: "
                           f"{doc.document_type}")
    document.add_paragraph(doc.title)
    subject = document.add_paragraph()
    subject.add_run("The General Assembly,").italic = True
    notes = {f.marker: f.text for f in doc.footnotes}
    used: list[str] = []
    for paragraph, paragraph_runs_ in zip(doc.paragraphs, runs):
        p = document.add_paragraph()
        if paragraph.number:
            p.add_run(f"{paragraph.number}. ")
        for kind, text in paragraph_runs_:
            if kind == "sup":
                if text not in used:
                    used.append(text)
                run = p.add_run()
                reference = OxmlElement("w:footnoteReference")
                reference.set(qn("w:id"), str(used.index(text) + 1))
                run._r.append(reference)
            else:
                run = p.add_run(text)
                run.italic = kind == "lead"
    buffer = io.BytesIO()
    document.save(buffer)
    return _add_footnotes_part(buffer.getvalue(), [notes[m] for m in used])


def _add_footnotes_part(docx_bytes: bytes, texts: list[str]) -> bytes:
    """Write word/footnotes.xml, its relationship and content type into a .docx."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(texts, start=1))
    footnotes_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {ns}>'
                     '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                     '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                     f"{notes}</w:footnotes>")
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFootnotes" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", footnotes_xml)
    return out.getvalue()


def build_html(doc: ParsedDocument, runs: list[list[tuple[str, str]]]) -> bytes:
    """An exported HTML page: headings, <em> leads, <sup> markers linked to a footnotes list."""
    parts = ["<!DOCTYPE html><html><head><title>x</title><style>p{}</style><script>var x=1;</script></head><body>"]
    parts.extend(f"<p>{escape(t)}</p>" for t in HEADER_LINES)
    sponsors = ", ".join(s.name for s in doc.sponsors[:-1]) + f" and {doc.sponsors[-1].name}: {doc.document_type}"
    parts.append(f"<h2>{escape(sponsors)}</h2><h1>{escape(doc.title)}</h1><p><em>The General Assembly,</em></p>")
    for paragraph, paragraph_runs_ in zip(doc.paragraphs, runs):
        html = f"{paragraph.number}. " if paragraph.number else ""
        for kind, text in paragraph_runs_:
            if kind == "sup":
                html += f'<sup><a href="#fn{text}" id="fnref{text}">{text}</a></sup>'
            elif kind == "lead":
                html += f"<em>{escape(text)}</em>"
            else:
                html += escape(text)
        parts.append(f"<p>{html}</p>")
    parts.append('<section class="footnotes"><ol>')
    parts.extend(f'<li id="fn{f.marker}">{escape(f.text)} <a href="#fnref{f.marker}">↩</a></li>' for f in doc.footnotes)
    parts.append("</ol></section></body></html>")
    return "".join(parts).encode()
