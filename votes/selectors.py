"""Reads of the votes capability: a document's vote, a state's voting record, two states side by side."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from resolutions.models import MemberState

from .models import StateVote, Vote, VoteRecord

CAST = (Vote.YES, Vote.NO, Vote.ABSTAIN)


@dataclass
class DocumentVote:
    record: VoteRecord
    by_vote: dict[str, list[StateVote]]          # "yes" -> the states in favour, by name

    @property
    def total(self) -> int:
        return sum(x or 0 for x in (self.record.in_favour, self.record.against, self.record.abstaining))

    def share(self, count: int | None) -> float:
        return round(100 * (count or 0) / self.total, 1) if self.total else 0.0

    @property
    def bar(self) -> list[dict]:
        """The counts bar's segments: css class, label, count, percent of those voting, and where it starts."""
        r, start, segments = self.record, 0.0, []
        for cls, label, count in (("yes", "In favour", r.in_favour), ("no", "Against", r.against),
                                  ("abstain", "Abstaining", r.abstaining)):
            percent = self.share(count)
            segments.append({"cls": cls, "label": label, "count": count or 0, "percent": percent, "x": start})
            start = round(start + percent, 1)
        return segments

    @property
    def lists(self) -> list[tuple[str, list[StateVote]]]:
        """The states by vote, against and abstaining first (the votes readers look for), then in favour."""
        return [(label, self.by_vote[value]) for value, label in
                ((Vote.NO, "Against"), (Vote.ABSTAIN, "Abstaining"), (Vote.YES, "In favour"),
                 (Vote.NON_VOTING, "Not voting")) if self.by_vote[value]]


def document_vote(document) -> DocumentVote | None:
    record = (VoteRecord.objects.filter(document=document)
              .prefetch_related(Prefetch("state_votes", StateVote.objects.select_related("state"))).first())
    if record is None:
        return None
    by_vote: dict[str, list[StateVote]] = {value: [] for value in Vote.values}
    for state_vote in record.state_votes.all():
        by_vote[state_vote.vote].append(state_vote)
    for votes in by_vote.values():
        votes.sort(key=lambda v: (v.state.name if v.state else v.name_as_printed).casefold())
    return DocumentVote(record, by_vote)


def majority_vote(record: VoteRecord) -> str | None:
    """What most of those voting chose (yes, no or abstain); None without counts or on a tie."""
    counts = {Vote.YES: record.in_favour, Vote.NO: record.against, Vote.ABSTAIN: record.abstaining}
    if all(value is None for value in counts.values()):
        return None
    ranked = sorted(counts.items(), key=lambda item: item[1] or 0, reverse=True)
    if (ranked[0][1] or 0) == (ranked[1][1] or 0):
        return None
    return ranked[0][0]


@dataclass
class YearRecord:
    year: int
    counts: dict[str, int] = field(default_factory=lambda: {value: 0 for value in Vote.values})
    with_majority: int = 0
    cast: int = 0

    @property
    def majority_share(self) -> float | None:
        return self.with_majority / self.cast if self.cast else None

    @property
    def majority_percent(self) -> int | None:
        return round(100 * self.majority_share) if self.cast else None

    @property
    def non_voting(self) -> int:
        return self.counts[Vote.NON_VOTING]


@dataclass
class StateRecord:
    state: MemberState
    years: list[YearRecord]
    recent: list[StateVote]

    @property
    def totals(self) -> dict[str, int]:
        totals = {value: 0 for value in Vote.values}
        for year in self.years:
            for value, count in year.counts.items():
                totals[value] += count
        return totals

    @property
    def majority_share(self) -> float | None:
        cast = sum(year.cast for year in self.years)
        return sum(year.with_majority for year in self.years) / cast if cast else None

    @property
    def majority_percent(self) -> int | None:
        share = self.majority_share
        return None if share is None else round(100 * share)

    @property
    def non_voting(self) -> int:
        return self.totals[Vote.NON_VOTING]


def state_record(state: MemberState, recent: int = 50) -> StateRecord:
    """The state's recorded votes by year: how it voted, and how often with the majority of those voting."""
    votes = (StateVote.objects.filter(state=state, record__date__isnull=False)
             .select_related("record").only("vote", "record__date", "record__in_favour", "record__against",
                                            "record__abstaining"))
    years: dict[int, YearRecord] = {}
    for state_vote in votes.iterator():
        record = state_vote.record
        year = years.setdefault(record.date.year, YearRecord(record.date.year))
        year.counts[state_vote.vote] += 1
        majority = majority_vote(record)
        if state_vote.vote in CAST and majority is not None:
            year.cast += 1
            year.with_majority += state_vote.vote == majority
    latest = list(StateVote.objects.filter(state=state).select_related("record", "record__document")
                  .order_by("-record__date", "-record_id")[:recent])
    return StateRecord(state, [years[y] for y in sorted(years)], latest)


@dataclass
class Agreement:
    year: int
    both_voted: int = 0
    agreed: int = 0

    @property
    def share(self) -> float | None:
        return self.agreed / self.both_voted if self.both_voted else None

    @property
    def percent(self) -> int | None:
        return round(100 * self.share) if self.both_voted else None


def compare_states(a: MemberState, b: MemberState, year_from: int | None = None, year_to: int | None = None
                   ) -> list[Agreement]:
    """For each year, the votes both states cast (yes, no or abstain) and how many they cast alike."""
    votes = StateVote.objects.filter(state__in=[a, b], vote__in=CAST, record__date__isnull=False)
    if year_from:
        votes = votes.filter(record__date__year__gte=year_from)
    if year_to:
        votes = votes.filter(record__date__year__lte=year_to)
    by_record: dict[int, dict[int, str]] = defaultdict(dict)
    years: dict[int, int] = {}
    for record_id, state_id, vote, date in votes.values_list("record_id", "state_id", "vote", "record__date"):
        by_record[record_id][state_id] = vote
        years[record_id] = date.year
    result: dict[int, Agreement] = {}
    for record_id, cast in by_record.items():
        if len(cast) < 2:
            continue
        year = result.setdefault(years[record_id], Agreement(years[record_id]))
        year.both_voted += 1
        year.agreed += cast[a.pk] == cast[b.pk]
    return [result[y] for y in sorted(result)]
