"""python manage.py parse FILE [--format json|text]: print the parse of a file, storing nothing."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.parser import ParseError, parse


class Command(BaseCommand):
    help = "Parse a resolution file (PDF, Word, HTML, markdown or text) and print the result; nothing is stored."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            document = parse(data, path.name)
        except ParseError as exc:
            raise CommandError(f"{path.name}: {exc}") from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(self._as_text(document))

    @staticmethod
    def _as_text(document) -> str:
        lines = [
            f"Format:       {document.format}",
            f"Symbol:       {document.symbol or '-'}",
            f"Body:         {document.body or '-'}    Session: {document.session or '-'}    "
            f"Committee: {document.committee or '-'}",
            f"Date:         {document.date or '-'}    Distribution: {document.distribution or '-'}",
            f"Agenda items: " + ("; ".join(f"{a.number} {a.title or ''}".strip() for a in document.agenda_items) or "-"),
            f"Type:         {document.document_type or '-'}",
            f"Sponsors:     " + (", ".join(s.name if s.state in (None, s.name) else f"{s.name} [{s.state}]"
                                          for s in document.sponsors) or "-"),
            f"Title:        {document.title or '-'}",
            f"Language:     {document.language or '-'}    Draft: {document.draft_symbol or '-'}    "
            f"Report: {document.committee_report or '-'}",
            f"Votes:        {_votes(document.votes)}",
            "",
            f"{document.preamble_subject},",
        ]
        for paragraph in document.paragraphs:
            prefix = f"{paragraph.number}." if paragraph.number else "  "
            refs = f"  [notes {', '.join(paragraph.footnote_refs)}]" if paragraph.footnote_refs else ""
            lines.append(f"{prefix:>4} {paragraph.kind[:3]} <{paragraph.lead or '?'}> {paragraph.text}{refs}")
            for sub in paragraph.subparagraphs:
                lines.append(f"        ({sub.label}) {sub.text}")
        if document.footnotes:
            lines.append("")
            lines.extend(f"  {f.marker}  {f.text}" for f in document.footnotes)
        if document.citations:
            lines.append("")
            lines.append("Citations:")
            for c in document.citations:
                where = f"paragraph {c.paragraph}" if c.paragraph is not None else f"footnote {c.footnote}"
                lines.append(f"  {c.kind:<10} {c.target_key:<40} {where}: {c.text}")
        if document.warnings:
            lines.append("")
            lines.extend(f"Warning: {w}" for w in document.warnings)
        return "\n".join(lines)


def _votes(votes) -> str:
    """'recorded vote, 78-30-68, 50th plenary meeting (176 states named)', or '-'."""
    if votes is None:
        return "-"
    counts = "-".join("?" if n is None else str(n) for n in (votes.in_favour, votes.against, votes.abstaining))
    parts = [votes.adoption_type or "adoption not stated"]
    if any(n is not None for n in (votes.in_favour, votes.against, votes.abstaining)):
        parts.append(counts)
    if votes.meeting:
        parts.append(votes.meeting)
    named = f" ({len(votes.states)} states named)" if votes.states else ""
    return ", ".join(parts) + named
