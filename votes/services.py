"""Writes of the votes capability: import the UN's metadata tables, keep the votes a parsed file carries, link a
record to its document.  Every write of a vote record goes through ``save_vote``."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from resolutions import page_cache
from resolutions.models import Document, MemberState
from resolutions.services.agenda import name_items_of
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


RECORD_FIELDS = ("symbol", "document_id", "adoption_type", "adoption_type_as_printed", "meeting", "meeting_record",
                 "date", "in_favour", "against", "abstaining", "source")


def _fill_record(record: VoteRecord, vote: TableVote, document_id: int | None) -> None:
    values = (vote.symbol[:80], document_id, vote.adoption_type, vote.adoption_type_as_printed, vote.meeting,
              vote.meeting_record, vote.date, vote.in_favour, vote.against, vote.abstaining, vote.source[:200])
    for name, value in zip(RECORD_FIELDS, values):
        setattr(record, name, value)


def _state_vote_rows(record: VoteRecord, vote: TableVote, index: dict, summary: ImportSummary,
                     members: list[MemberState], matched: dict) -> list[tuple]:
    """One record's state votes as rows (record id, state id, name as printed, vote, match note), and the summary's
    counts of names matched.  ``matched`` caches each list's matches by its names (the same names recur in every
    row of a session)."""
    rows, seen, voted = [], set(), set()
    for vote_value in (Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.NON_VOTING):
        printed = tuple(name for name, value in vote.states if value == vote_value)
        if printed not in matched:
            matched[printed] = match_names(list(printed), index)
        for name, state, note in matched[printed]:
            if name in seen:
                continue
            seen.add(name)
            summary.state_votes += 1
            if state is None:
                summary.unmatched[(name, note)] += 1
            else:
                summary.matched += 1
                voted.add(state.pk)
                if note:
                    summary.matched_with_note[(name, note)] += 1
            rows.append((record.pk, state.pk if state else None, name[:160], vote_value.value, note[:200]))
    if _is_assembly(record.symbol_key) and vote.adoption_type == AdoptionType.RECORDED_VOTE and rows:
        # A recorded vote of the Assembly lists those voting; every other Member State did not vote. (The member
        # list is today's: right for the sessions the tables cover, all after South Sudan's admission in 2011.)
        rows.extend((record.pk, state.pk, state.name, Vote.NON_VOTING.value, "not in any list of the recorded vote")
                    for state in members if state.pk not in voted)
    return rows


STATE_VOTE_COLUMNS = ("record", "state", "name_as_printed", "vote", "match_note")


def _copy_state_votes(rows: list[tuple]) -> None:
    """Write the rows with PostgreSQL's COPY (psycopg's ``copy``): one statement and no model instance per row,
    where ``bulk_create`` spent most of an import building 160,000 of them."""
    meta = StateVote._meta
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in STATE_VOTE_COLUMNS)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def save_votes(votes: list[TableVote], index: dict | None = None, summary: ImportSummary | None = None, *,
               progress: bool = False) -> list[VoteRecord]:
    """Create or replace the records of these votes' symbols with their state votes, in one transaction and a
    fixed number of statements whatever their number (idempotent: the same rows twice give the same rows), each
    linked to the document of its symbol when it is in the archive.  A symbol given twice keeps its last row."""
    summary = summary if summary is not None else ImportSummary()
    index = index if index is not None else state_index()
    by_key = {normalise_symbol(vote.symbol)[:80]: vote for vote in votes}
    keys = list(by_key)
    members = list(MemberState.objects.filter(kind=MemberState.Kind.MEMBER))
    records = []
    with transaction.atomic():
        documents = dict(Document.objects.filter(symbol_key__in=keys).values_list("symbol_key", "id"))
        existing = {record.symbol_key: record for record in VoteRecord.objects.filter(symbol_key__in=keys)}
        now = timezone.now()
        for key, vote in by_key.items():
            record = existing.get(key) or VoteRecord(symbol_key=key)
            _fill_record(record, vote, documents.get(key))
            record.updated_at = now
            records.append(record)
        new = [record for record in records if record.pk is None]
        # A record imported before is written again under its own id: deleted with its state votes (two DELETEs)
        # and inserted with the new ones, where bulk_update's CASE over eleven columns took a minute for 3,700.
        VoteRecord.objects.filter(pk__in=[record.pk for record in existing.values()]).delete()
        VoteRecord.objects.bulk_create(records, batch_size=1000)
        rows, matched = [], {}
        for record in tqdm(records, disable=not progress, file=sys.stderr, unit="row", desc="Importing votes"):
            rows.extend(_state_vote_rows(record, by_key[record.symbol_key], index, summary, members, matched))
        _copy_state_votes(rows)
        # The documents' pages and API answers change: their validators (ETag, Last-Modified) read updated_at.
        Document.objects.filter(pk__in=set(documents.values())).update(updated_at=timezone.now())
        page_cache.pages_changed(documents.values())      # their vote panels
        # The same tables name each resolution's agenda item whole, where its masthead may have cut the name.
        for key, document_id in documents.items():
            vote = by_key[key]
            if vote.agenda_item_name:
                name_items_of(Document(pk=document_id), vote.agenda_item, vote.agenda_item_name)
    summary.created += len(new)
    summary.updated += len(records) - len(new)
    summary.linked += len(documents)
    return records


def save_vote(vote: TableVote, index: dict | None = None, summary: ImportSummary | None = None) -> VoteRecord:
    """Create or replace the record of ``vote.symbol`` (see ``save_votes``)."""
    return save_votes([vote], index, summary)[0]


def import_vote_tables(paths: list[Path], *, progress: bool = True) -> ImportSummary:
    """Import every row of the given metadata tables (files, or folders of ``*.json``)."""
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    summary = ImportSummary()
    rows = []
    for path in files:
        for _, vote, why in read_table(path):
            summary.rows += 1
            if vote is None:
                summary.skipped.append(f"{path.name}: {why}")
            else:
                rows.append(vote)
    save_votes(rows, state_index(), summary, progress=progress)
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
    page_cache.pages_changed(document_ids)
    Document.objects.filter(pk__in=[pk for pk in document_ids if pk is not None]).update(updated_at=timezone.now())
