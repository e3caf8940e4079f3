"""Thematic neighbours: documents grouped by the citations and the wording they share (network/clusters.py, label
propagation over a similarity graph), recomputed in the background as documents arrive (network/tasks.py)."""
import pytest
from django_tasks_db.models import DBTaskResult

from network.clusters import Features, cluster
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
