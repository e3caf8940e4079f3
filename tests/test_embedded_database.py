"""The embedded PostgreSQL server: started from the PyPI package, real PostgreSQL 18, core features only."""
import pytest
from django.db import connection


@pytest.mark.django_db
def test_embedded_server_is_postgresql_18():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        (version,) = cursor.fetchone()
    assert int(version) // 10000 == 18


@pytest.mark.django_db
def test_generated_paragraph_vector_weights_operative_above_preambular():
    from resolutions.models import Document, Paragraph

    doc = Document.objects.create(symbol="A/TEST/1", title="Test")
    op = Paragraph.objects.create(document=doc, order=1, kind="operative", number="1", lead="Urges", text="Urges States to ratify")
    pp = Paragraph.objects.create(document=doc, order=0, kind="preambular", lead="Recalling", text="Recalling the ratification")
    op.refresh_from_db()
    pp.refresh_from_db()
    assert "'ratifi':5B" in str(op.search_vector) or ":5B" in str(op.search_vector)
    assert "C" in str(pp.search_vector) and "B" not in str(pp.search_vector)


@pytest.mark.django_db
def test_tests_run_in_their_own_database():
    assert connection.settings_dict["NAME"] == "test_archive"


# The sizing rule (archive/embedded_pg/settings.py): shared_buffers a quarter of the memory (128 MB..8 GB),
# effective_cache_size three quarters, work_mem (memory - shared_buffers) / (max_connections x 4) (4 MB..256 MB),
# maintenance_work_mem a sixteenth (64 MB..2 GB).  The expected values below are that arithmetic done by hand.
@pytest.mark.parametrize("memory_gb,expected", [
    # 8 GB: 2048 MB; 6144 MB; (8192 - 2048) / 400 = 15.36 -> 15 MB; 8192 / 16 = 512 MB
    (8, {"shared_buffers": "2048MB", "effective_cache_size": "6144MB", "work_mem": "15MB",
         "maintenance_work_mem": "512MB", "max_connections": "100"}),
    # 1 GB: 256 MB; 768 MB; (1024 - 256) / 400 = 1.9 -> the 4 MB floor; 64 MB is both a sixteenth and the floor
    (1, {"shared_buffers": "256MB", "effective_cache_size": "768MB", "work_mem": "4MB",
         "maintenance_work_mem": "64MB", "max_connections": "100"}),
    # 64 GB: a quarter is 16 GB, capped at 8192 MB; 49152 MB; (65536 - 8192) / 400 = 143.36 -> 143 MB; 4 GB -> 2048 MB
    (64, {"shared_buffers": "8192MB", "effective_cache_size": "49152MB", "work_mem": "143MB",
          "maintenance_work_mem": "2048MB", "max_connections": "100"}),
])
def test_the_embedded_servers_memory_settings_are_sized_from_the_memory(memory_gb, expected):
    from archive.embedded_pg.settings import GB, server_settings

    settings, origin = server_settings({}, memory=memory_gb * GB)
    assert settings == expected
    assert origin["shared_buffers"] == f"computed from {memory_gb:.1f} GB"


def test_settings_given_in_the_environment_win_over_the_computed_ones():
    from archive.embedded_pg.settings import server_settings

    settings, origin = server_settings({"ARCHIVE_PG_MEMORY": "8GB", "ARCHIVE_PG_WORK_MEM": "64MB",
                                        "ARCHIVE_PG_MAX_CONNECTIONS": "50"})
    # 8 GB from ARCHIVE_PG_MEMORY: shared_buffers 2048 MB as above; work_mem given; 50 connections
    assert settings["work_mem"] == "64MB" and origin["work_mem"] == "ARCHIVE_PG_WORK_MEM"
    assert settings["shared_buffers"] == "2048MB" and settings["max_connections"] == "50"
    with pytest.raises(ValueError, match="ARCHIVE_PG_SHARED_BUFFERS"):
        server_settings({"ARCHIVE_PG_SHARED_BUFFERS": "1GB'; fsync = 'off"}, memory=2 ** 33)
    with pytest.raises(ValueError, match="ARCHIVE_PG_MEMORY"):
        server_settings({"ARCHIVE_PG_MEMORY": "lots"})


def test_a_server_started_with_a_setting_in_the_environment_runs_with_it(tmp_path):
    """A fresh embedded server in a folder of its own (a child process, as `make run` starts one), sized for 1 GB
    with its work memory given outright: SHOW answers 256MB and 7MB, and the folder keeps the file it read."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    script = ("import django; django.setup()\n"
              "from django.db import connection\n"
              "with connection.cursor() as c:\n"
              "    for name in ('shared_buffers', 'work_mem'):\n"
              "        c.execute('SHOW ' + name); print(c.fetchone()[0])\n")
    env = dict(os.environ, ARCHIVE_PGDATA=str(tmp_path / "pgdata"), ARCHIVE_PG_MEMORY="1GB",
               ARCHIVE_PG_WORK_MEM="7MB", DJANGO_SETTINGS_MODULE="archive.settings", DEBUG="1")
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["256MB", "7MB"]
    assert "work_mem = '7MB'" in (tmp_path / "pgdata" / "archive.conf").read_text()
