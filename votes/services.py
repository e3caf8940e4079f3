"""Writes of the votes capability: import the UN's metadata tables, keep the votes a parsed file carries, link a
record to its document.  Every write of a vote record goes through ``save_vote``."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from resolutions.models import Document, MemberState
from resolutions.services.member_states import state_index
from resolutions.un.state_names import match_names
from resolutions.un.bodies import GENERAL_ASSEMBLY
from resolutions.un.symbols import normalise_symbol, organ_of_symbol

from .models import AdoptionType, StateVote, Vote, VoteRecord
from .tables import TableVote, adoption_type, read_table


@dataclass
class ImportSummary:
    rows: int = 0
    created: int = 0
    updated: int = 0
    linked: int = 0
    state_votes: int = 0
    matched: int = 0
    matched_with_note: Counter = field(default_factory=Counter)    # (printed name, note) -> times
    unmatched: Counter = field(default_factory=Counter)            # (printed name, why) -> times
    skipped: list[str] = field(default_factory=list)

    @property
    def matched_share(self) -> float:
        return self.matched / self.state_votes if self.state_votes else 1.0


def _is_assembly(symbol_key: str) -> bool:
    """A document of the General Assembly itself (not of the Human Rights Council, whose symbols also start 'A/':
    its 47 members vote, not the Assembly's 193)."""
    return organ_of_symbol(symbol_key) == GENERAL_ASSEMBLY


@transaction.atomic
def save_vote(vote: TableVote, index: dict[str, MemberState], summary: ImportSummary | None = None,
              members: list[MemberState] | None = None) -> VoteRecord:
    """Create or replace the record of ``vote.symbol`` with its state votes (idempotent: the same row twice gives
    the same rows), linked to the document of that symbol when it is in the archive."""
    summary = summary or ImportSummary()
    symbol_key = normalise_symbol(vote.symbol)[:80]
    document = Document.objects.filter(symbol_key=symbol_key).only("id").first()
    record, created = VoteRecord.objects.update_or_create(symbol_key=symbol_key, defaults=dict(
        symbol=vote.symbol[:80], document=document, adoption_type=vote.adoption_type,
        adoption_type_as_printed=vote.adoption_type_as_printed, meeting=vote.meeting,
        meeting_record=vote.meeting_record, date=vote.date, in_favour=vote.in_favour, against=vote.against,
        abstaining=vote.abstaining, source=vote.source[:200]))
    summary.created += created
    summary.updated += not created
    summary.linked += document is not None
    if document is not None:
        # The document's page and API answer change: its validators (ETag, Last-Modified) read updated_at.
        Document.objects.filter(pk=document.pk).update(updated_at=timezone.now())
    record.state_votes.all().delete()
    rows, seen = [], set()
    for vote_value in (Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.NON_VOTING):
        printed = [name for name, value in vote.states if value == vote_value]
        for name, state, note in match_names(printed, index):
            if name in seen:
                continue
            seen.add(name)
            summary.state_votes += 1
            if state is None:
                summary.unmatched[(name, note)] += 1
            else:
                summary.matched += 1
                if note:
                    summary.matched_with_note[(name, note)] += 1
            rows.append(StateVote(record=record, state=state, name_as_printed=name[:160], vote=vote_value,
                                  match_note=note[:200]))
    if _is_assembly(symbol_key) and vote.adoption_type == AdoptionType.RECORDED_VOTE and rows:
        # A recorded vote of the Assembly lists those voting; every other Member State did not vote. (The member
        # list is today's: right for the sessions the tables cover, all after South Sudan's admission in 2011.)
        voted = {row.state_id for row in rows if row.state_id}
        if members is None:
            members = list(MemberState.objects.filter(kind=MemberState.Kind.MEMBER))
        for state in (member for member in members if member.pk not in voted):
            rows.append(StateVote(record=record, state=state, name_as_printed=state.name, vote=Vote.NON_VOTING,
                                  match_note="not in any list of the recorded vote"))
    StateVote.objects.bulk_create(rows)
    return record


def import_vote_tables(paths: list[Path], *, progress: bool = True) -> ImportSummary:
    """Import every row of the given metadata tables (files, or folders of ``*.json``)."""
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    summary = ImportSummary()
    index = state_index()
    rows = []
    for path in files:
        for _, vote, why in read_table(path):
            summary.rows += 1
            if vote is None:
                summary.skipped.append(f"{path.name}: {why}")
            else:
                rows.append(vote)
    members = list(MemberState.objects.filter(kind=MemberState.Kind.MEMBER))
    for vote in tqdm(rows, disable=not progress, file=sys.stderr, unit="row", desc="Importing votes"):
        save_vote(vote, index, summary, members)
    return summary


PARSED_SOURCE = "the uploaded file"


def record_parsed_votes(document: Document, parsed_votes, source: str) -> VoteRecord | None:
    """Keep the votes a parsed file carries (an AKN file's ``analysis/voting``, the closing line of a Council text:
    'Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1 abstention (China).') for the
    document's symbol.  A record imported from the UN's metadata tables is kept as it is (and linked): the tables
    list every state's vote, a file's closing line at most the few states it names."""
    if parsed_votes is None or not document.symbol:
        return None
    existing = VoteRecord.objects.filter(symbol_key=normalise_symbol(document.symbol)[:80]).first()
    if existing is not None and not existing.source.startswith(PARSED_SOURCE):
        link_votes(document)
        return existing
    counts = (parsed_votes.in_favour, parsed_votes.against, parsed_votes.abstaining)
    vote = TableVote(symbol=document.symbol, adoption_type=parsed_votes.adoption_type or adoption_type("", counts),
                     adoption_type_as_printed=parsed_votes.adoption_type or "", meeting=(parsed_votes.meeting or "")[:120],
                     meeting_record="", date=document.date, in_favour=parsed_votes.in_favour,
                     against=parsed_votes.against, abstaining=parsed_votes.abstaining,
                     states=[(v.state, v.vote) for v in parsed_votes.states if v.vote in Vote.values],
                     source=source)
    return save_vote(vote, state_index())


def link_votes(document: Document) -> int:
    """Attach the vote record of the document's symbol, imported before the document arrived."""
    if not document.symbol_key:
        return 0
    return VoteRecord.objects.filter(symbol_key=document.symbol_key).exclude(document=document).update(
        document=document)


def votes_after_ingest(document: Document, parsed) -> None:
    """Called by ingestion for each stored document: keep the votes its file carries, attach those imported."""
    if getattr(parsed, "votes", None) is not None:
        record_parsed_votes(document, parsed.votes, source=f"{PARSED_SOURCE} ({parsed.format})")
    else:
        link_votes(document)



def vote_record_edited(record: VoteRecord, previous_document_id: int | None = None) -> None:
    """After a staff edit of a record and its state votes (the admin): a corrected symbol moves the record to that
    symbol's document, and the pages of the documents it belongs or belonged to are marked changed (their ETag and
    Last-Modified read updated_at), as an import marks them."""
    symbol_key = normalise_symbol(record.symbol)[:80]
    if symbol_key != record.symbol_key:
        record.document = Document.objects.filter(symbol_key=symbol_key).only("id").first()
        record.symbol_key = symbol_key
        VoteRecord.objects.filter(pk=record.pk).update(symbol_key=symbol_key, document=record.document)
    _mark_changed({previous_document_id, record.document_id})


def vote_records_deleted(document_ids) -> None:
    """After staff delete records: the pages of their documents no longer show the votes."""
    _mark_changed(set(document_ids))


def _mark_changed(document_ids: set) -> None:
    Document.objects.filter(pk__in=[pk for pk in document_ids if pk is not None]).update(updated_at=timezone.now())
