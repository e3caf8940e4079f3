"""Thematic neighbours: documents grouped by the citations they share and the wording they share.  No Django.

Why this clustering.  Two resolutions belong together when they build on the same texts (bibliographic coupling:
they cite the same resolutions, in the archive or not, or one cites the other) or when they repeat each other's
paragraphs (agreed language carried from year to year, found by the paragraphs' stored MinHash LSH bands).  Both
signals are sparse, so the similarity graph is built only between documents that share a rare feature (an inverted
index; a feature shared by more than ``MAX_FEATURE_SHARE`` of the documents, such as the Charter or 'resolution
70/1', says nothing and is skipped), never over all pairs.  The graph is then split by label propagation (Raghavan,
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
MIN_FEATURE_LIMIT = 40            # ...unless the archive is small: at least this many may share it
MAX_BAND_DOCUMENTS = 20           # a paragraph band in more documents is boilerplate ('Decides to remain seized')
CITATION_WEIGHT = 0.6             # of an edge's weight; the rest is wording
MIN_EDGE = 0.15                   # weaker pairs are no edge
ROUNDS = 30                       # label propagation stops earlier when no label changes


@dataclass
class Features:
    cites: set[str] = field(default_factory=set)     # target keys cited ('resolution:S:2722(2024)'), and its own keys
    bands: set[int] = field(default_factory=set)     # its paragraphs' LSH band hashes


def similarity_graph(documents: dict[int, Features]) -> dict[int, dict[int, float]]:
    """Weighted edges between documents that share a distinctive citation or a paragraph's band."""
    total = max(1, len(documents))
    limit = max(MIN_FEATURE_LIMIT, int(MAX_FEATURE_SHARE * total))
    by_key: dict[str, list[int]] = defaultdict(list)
    by_band: dict[int, list[int]] = defaultdict(list)
    for pk, features in documents.items():
        for key in features.cites:
            by_key[key].append(pk)
        for band in features.bands:
            by_band[band].append(pk)
    idf = {key: math.log(total / len(ids)) + 1 for key, ids in by_key.items() if 1 < len(ids) <= limit}
    norm = {pk: math.sqrt(sum(idf.get(k, 0) ** 2 for k in f.cites)) or 1.0 for pk, f in documents.items()}
    cited: dict[tuple[int, int], float] = defaultdict(float)
    for key, weight in idf.items():
        ids = sorted(by_key[key])
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                cited[(a, b)] += weight * weight
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for band, ids in by_band.items():
        if 1 < len(ids) <= MAX_BAND_DOCUMENTS:
            ids = sorted(set(ids))
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    shared[(a, b)] += 1
    graph: dict[int, dict[int, float]] = defaultdict(dict)
    for pair in set(cited) | set(shared):
        a, b = pair
        citation = cited.get(pair, 0.0) / (norm[a] * norm[b])
        smaller = max(1, min(len(documents[a].bands), len(documents[b].bands)))
        wording = min(1.0, shared.get(pair, 0) / smaller)
        weight = CITATION_WEIGHT * citation + (1 - CITATION_WEIGHT) * wording
        if weight >= MIN_EDGE:
            graph[a][b] = graph[b][a] = weight
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
