"""Thematic neighbours: documents grouped by the citations and the wording they share (network/clusters.py, label
propagation over a similarity graph), recomputed in the background as documents arrive (network/tasks.py)."""
import pytest
from django_tasks_db.models import DBTaskResult

from network.clusters import MAX_FEATURE_DOCUMENTS, NEIGHBOURS, Features, cluster, feature_limit, similarity_graph
from network.models import NetworkNode, ThematicCluster
from network.services import refresh_clusters
from network.tasks import refresh_thematic_clusters
from resolutions.services.ingestion.ingest import ingest_file

SC = "unxml-sc-resolutions"
YEMEN = {"2722": f"{SC}/2024/English/S_RES_2722-2400437E.xml", "2768": f"{SC}/2025/English/S_RES_2768-2500616E.xml",
         "2812": f"{SC}/2026/English/S_RES_2812-2600463E.xml"}
IRAN = "unxml-ga-resolutions/78session/English/A_RES_78_220-2325993E.xml"

pytestmark = pytest.mark.django_db


def test_label_propagation_splits_two_groups_joined_by_one_weak_pair():
    """Two groups of four sharing distinctive citations, joined by one document pair sharing a single key: connected
    components would make one group of eight; label propagation keeps two."""
    documents = {}
    for pk in range(1, 5):
        documents[pk] = Features(cites={"resolution:S:1(2000)", "resolution:S:2(2000)", "resolution:S:3(2000)"})
    for pk in range(5, 9):
        documents[pk] = Features(cites={"resolution:A:70/1", "resolution:A:70/2", "resolution:A:70/3"})
    documents[4].cites.add("document:S/2000/1")
    documents[5].cites.add("document:S/2000/1")
    for pk in range(9, 60):       # the rest of an archive, citing nothing the groups cite
        documents[pk] = Features(cites={f"resolution:A:{pk}/1"})
    groups = cluster(documents)
    assert {groups[pk] for pk in range(1, 5)} == {1} and {groups[pk] for pk in range(5, 9)} == {5}
    assert not any(pk in groups for pk in range(9, 60))


def test_resolutions_citing_each_other_are_neighbours_and_an_unrelated_one_is_not(client, corpus_dir):
    """S/RES/2768 (2025) and S/RES/2812 (2026) cite S/RES/2722 (2024), and 2812 cites 2768 (their texts are read in
    tests/test_citation_network.py); A/RES/78/220 on Iran cites none of them."""
    docs = {n: ingest_file((corpus_dir / path).read_bytes(), f"{n}.xml").document for n, path in YEMEN.items()}
    iran = ingest_file((corpus_dir / IRAN).read_bytes(), "iran.xml").document
    assert refresh_clusters() >= 1
    groups = {n: NetworkNode.objects.get(document=d).cluster_id for n, d in docs.items()}
    assert len(set(groups.values())) == 1 and None not in groups.values()
    assert NetworkNode.objects.filter(document=iran, cluster_id=groups["2722"]).count() == 0
    yemen = ThematicCluster.objects.get(pk=groups["2722"])
    assert yemen.size == 3 and "Yemen" in yemen.label
    page = client.get(docs["2722"].get_absolute_url()).content.decode()
    neighbours = page[page.index('class="thematic-neighbours"'):]
    assert docs["2768"].symbol in neighbours and docs["2812"].symbol in neighbours


@pytest.mark.django_db(transaction=True)
def test_documents_arriving_together_queue_one_refresh_which_the_worker_runs(corpus_dir, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for n, path in YEMEN.items():
        ingest_file((corpus_dir / path).read_bytes(), f"{n}.xml")
    waiting = DBTaskResult.objects.filter(task_path=refresh_thematic_clusters.module_path, status="READY")
    assert waiting.count() == 1                     # three arrivals, one refresh (deferred to coalesce them)
    waiting.update(run_after=waiting.get().enqueued_at)   # its time has come
    from django.core.management import call_command
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert DBTaskResult.objects.get(task_path=refresh_thematic_clusters.module_path).status == "SUCCESSFUL"
    assert ThematicCluster.objects.filter(size=3).exists()


def test_a_citation_made_by_more_documents_than_the_cap_links_none_of_them_and_the_edges_stay_linear():
    """A citation that many documents make says nothing about a theme, and its pairs grow with the square of the
    archive (10.4 million at 10,000 documents when the limit was 5 % of the archive): in an archive of 2,100
    documents (5 % is 105) a citation made by more than MAX_FEATURE_DOCUMENTS links no one."""
    assert feature_limit(2100) == MAX_FEATURE_DOCUMENTS == 100
    archive = {pk: Features(cites={f"document:A/{pk}"}) for pk in range(1, 2101)}
    for pk in range(1, MAX_FEATURE_DOCUMENTS + 2):
        archive[pk].cites.add("resolution:A:70/1")
    assert similarity_graph(archive) == {}
    archive[1].cites.discard("resolution:A:70/1")   # made by exactly the cap: still distinctive, they are neighbours
    graph = similarity_graph(archive)
    assert set(graph) == set(range(2, MAX_FEATURE_DOCUMENTS + 2))
    edges = sum(len(neighbours) for neighbours in graph.values()) // 2
    assert edges <= NEIGHBOURS * MAX_FEATURE_DOCUMENTS < MAX_FEATURE_DOCUMENTS * (MAX_FEATURE_DOCUMENTS - 1) // 2


def test_each_document_keeps_its_strongest_neighbours_however_many_share_its_citations():
    # 40 documents of 400 citing the same two texts (40 may share a citation at this size), and document 1 sharing
    # a third with document 2 alone: 1's strongest neighbour is 2, and the 40 keep fewer edges than their 780 pairs.
    documents = {pk: Features(cites={"resolution:S:1(2000)", "resolution:S:2(2000)"}) for pk in range(1, 41)}
    documents[1].cites.add("resolution:S:3(2000)")
    documents[2].cites.add("resolution:S:3(2000)")
    for pk in range(41, 401):
        documents[pk] = Features(cites={f"resolution:A:{pk}/1"})
    assert feature_limit(len(documents)) == 40
    graph = similarity_graph(documents)
    assert max(graph[1], key=graph[1].get) == 2
    edges = sum(len(graph[pk]) for pk in range(1, 41)) // 2
    assert 40 <= edges <= NEIGHBOURS * 40 < 40 * 39 // 2
