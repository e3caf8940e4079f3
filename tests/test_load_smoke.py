"""The load test (bench/load.py) end to end for a few seconds: gunicorn on loopback serving the seeds, locust's
readers of every kind (bench/load_plan.py).  It checks that the load test works and that the pages held
under concurrent readers without one error; speed is the benchmark's business, not this test's."""
import psutil
import pytest

from bench import load
from resolutions.models import Document
from tests.seeded import seeded  # noqa: F401  (the five seeds, committed: gunicorn's workers must see them)

pytestmark = pytest.mark.django_db


def test_load_reports_requests_and_no_errors(seeded):  # noqa: F811
    result = load.run_load(seconds=5, users=4, workers=2, log=lambda *a: None)

    assert result["status"] == "ok"
    assert result["errors"] == [] and result["server_errors"] == []
    assert result["failures"] == 0 and result["warm_up_errors"] == 0
    assert result["requests"] > 0 and result["rps"] > 0
    # The mixed audience of issue 17: every kind the archive has URLs for was requested, every seed's document page
    # is in the plan (there are fewer than 200).
    assert set(result["pages"]) == set(result["urls"]) >= {"search page", "document page", "agreed language", "API",
                                                           "feed"}
    assert all(page["requests"] > 0 and page["failures"] == 0 for page in result["pages"].values())
    assert result["urls"]["document page"] == Document.objects.count() > 0
    assert result["worker_class"] == "gthread" and result["worker_restarts"] == 0
    # The workers' memory was read at the start and the end, and gunicorn was stopped with them.
    assert len(result["rss_start"]) == 2 and all(rss > 0 for rss in result["rss_end"].values())
    assert not any(psutil.pid_exists(pid) for pid in result["rss_end"])

    table = "\n".join(load.render_lines(result))
    assert "| requests, errors |" in table and "0 errors: met" in table


def test_the_benchmark_stage_skips_when_asked_and_on_a_near_empty_archive(seeded, monkeypatch):  # noqa: F811
    monkeypatch.setenv("ARCHIVE_BENCH_LOAD", "0")
    assert load.bench_stage(smoke=True)["status"] == "skipped"
    assert "Skipped" in "\n".join(load.render_lines({"status": "skipped"}))
    monkeypatch.delenv("ARCHIVE_BENCH_LOAD")
    small = load.bench_stage(smoke=True)   # the seeds: a handful of documents, fewer than the stage needs
    assert small["status"] == "small" and f"{Document.objects.count()} documents" in small["message"]
    assert "Not measured" in "\n".join(load.render_lines(small))
