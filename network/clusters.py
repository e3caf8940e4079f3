"""Thematic neighbours: documents grouped by the citations they share and the wording they share.  No Django.

Why this clustering.  Two resolutions belong together when they build on the same texts (bibliographic coupling:
they cite the same resolutions, in the archive or not, or one cites the other) or when they repeat each other's
paragraphs (agreed language carried from year to year, found by the paragraphs' stored MinHash LSH bands).  Both
signals are sparse, so the similarity graph is built only between documents that share a rare feature (an inverted
index; a feature shared by more than ``MAX_FEATURE_SHARE`` of the documents, such as the Charter or 'resolution
70/1', or by more than ``MAX_FEATURE_DOCUMENTS`` whatever the archive's size, says nothing and is skipped), never
over all pairs, and each document keeps only its ``NEIGHBOURS`` strongest neighbours.  So the work grows with the
archive, not with its square: a share alone let 5,000 documents share a citation at 100,000 (12.5 million pairs
for that one citation; 10.4 million pairs in all at 10,000 documents, a MemoryError at 100,000).  The graph is then split by label propagation (Raghavan,
Albert and Kumara 2007): near-linear, no number of clusters to choose, and deterministic here (documents visited in
id order, ties to the smallest label).  Connected components of the same graph were measured and rejected: on the
corpus one component holds 168 of the 299 documents, chained by single shared citations.

``cluster(documents)`` takes ``{id: Features}`` and returns ``{id: cluster id}`` for documents in a cluster of two
or more (a cluster's id is its smallest member's).
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

MAX_FEATURE_SHARE = 0.05          # a citation shared by more documents than this share is not distinctive...
MIN_FEATURE_LIMIT = 40            # ...unless the archive is small: at least this many may share it...
MAX_FEATURE_DOCUMENTS = 100       # ...and never more than this many, however large the archive (the bound on pairs)
MAX_BAND_DOCUMENTS = 20           # a paragraph band in more documents is boilerplate ('Decides to remain seized')
NEIGHBOURS = 15                   # each document keeps its strongest neighbours only
CITATION_WEIGHT = 0.6             # of an edge's weight; the rest is wording
MIN_EDGE = 0.15                   # weaker pairs are no edge
ROUNDS = 30                       # label propagation stops earlier when no label changes


@dataclass
class Features:
    cites: set[str] = field(default_factory=set)     # target keys cited ('resolution:S:2722(2024)'), and its own keys
    bands: set[int] = field(default_factory=set)     # its paragraphs' LSH band hashes


def feature_limit(total: int) -> int:
    """How many documents may share a citation for it to link them: 5 % of the archive, at least 40 (on the
    corpus's few hundred documents a citation made by 40 is already common), at most ``MAX_FEATURE_DOCUMENTS``
    (a citation made by more says nothing about a theme, and its pairs would grow with the square of the archive:
    at 100,000 documents 5 % is 5,000 documents, 12.5 million pairs for one citation)."""
    return min(MAX_FEATURE_DOCUMENTS, max(MIN_FEATURE_LIMIT, int(MAX_FEATURE_SHARE * total)))


def feature_index(documents: dict[int, Features]) -> tuple[dict[str, list[int]], dict[int, list[int]]]:
    """The documents of each distinctive citation and each paragraph band: only those shared by two documents and
    by no more than the caps, the only ones that make pairs."""
    by_key: dict[str, list[int]] = defaultdict(list)
    by_band: dict[int, list[int]] = defaultdict(list)
    for pk in sorted(documents):
        features = documents[pk]
        for key in features.cites:
            by_key[key].append(pk)
        for band in features.bands:
            by_band[band].append(pk)
    limit = feature_limit(len(documents))
    keys = {key: ids for key, ids in by_key.items() if 1 < len(ids) <= limit}
    bands = {band: ids for band, ids in by_band.items() if 1 < len(ids) <= MAX_BAND_DOCUMENTS}
    return keys, bands


def similarity_graph(documents: dict[int, Features]) -> dict[int, dict[int, float]]:
    """Weighted edges between documents that share a distinctive citation or a paragraph's band, each document's
    ``NEIGHBOURS`` strongest (an edge is kept when either end keeps it).

    Bounded: a document meets at most ``feature_limit`` others per citation and ``MAX_BAND_DOCUMENTS`` per
    band, its scores are dropped once its neighbours are chosen, so time grows with the number of citations and
    bands and memory with the number of documents, never with the square of the archive."""
    total = max(1, len(documents))
    by_key, by_band = feature_index(documents)
    idf = {key: math.log(total / len(ids)) + 1 for key, ids in by_key.items()}
    norm = {pk: math.sqrt(sum(idf.get(k, 0) ** 2 for k in f.cites)) or 1.0 for pk, f in documents.items()}
    graph: dict[int, dict[int, float]] = defaultdict(dict)
    for a in sorted(documents):
        features = documents[a]
        cited: dict[int, float] = defaultdict(float)
        for key in features.cites:
            weight = idf.get(key)
            if weight is not None:
                for b in by_key[key]:
                    cited[b] += weight * weight
        shared: dict[int, int] = defaultdict(int)
        for band in features.bands:
            for b in by_band.get(band, ()):
                shared[b] += 1
        edges = []
        for b in set(cited) | set(shared):
            if b == a:
                continue
            citation = cited.get(b, 0.0) / (norm[a] * norm[b])
            smaller = max(1, min(len(features.bands), len(documents[b].bands)))
            wording = min(1.0, shared.get(b, 0) / smaller)
            weight = CITATION_WEIGHT * citation + (1 - CITATION_WEIGHT) * wording
            if weight >= MIN_EDGE:
                edges.append((-weight, b))
        for negative, b in sorted(edges)[:NEIGHBOURS]:
            graph[a][b] = graph[b][a] = -negative
    return graph


def propagate(graph: dict[int, dict[int, float]]) -> dict[int, int]:
    """Label propagation: each document takes the label its neighbours weigh most, until none changes."""
    label = {pk: pk for pk in graph}
    order = sorted(graph)
    for _ in range(ROUNDS):
        changed = False
        for pk in order:
            weights: dict[int, float] = defaultdict(float)
            for other, weight in graph[pk].items():
                weights[label[other]] += weight
            if not weights:
                continue
            best = max(weights.values())
            chosen = min(lab for lab, w in weights.items() if w >= best - 1e-12)
            if weights.get(label[pk], -1) >= best - 1e-12:
                chosen = min(chosen, label[pk]) if weights[label[pk]] >= best - 1e-12 else chosen
            if chosen != label[pk]:
                label[pk], changed = chosen, True
        if not changed:
            break
    return label


def cluster(documents: dict[int, Features]) -> dict[int, int]:
    """Each document in a group of two or more, to its group's smallest member."""
    labels = propagate(similarity_graph(documents))
    members: dict[int, list[int]] = defaultdict(list)
    for pk, lab in labels.items():
        members[lab].append(pk)
    return {pk: min(group) for group in members.values() if len(group) > 1 for pk in group}
